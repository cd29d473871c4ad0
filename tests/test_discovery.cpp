#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "core/discovery.h"

namespace fs = std::filesystem;
using dockvet::FileKind;

namespace {

// A scratch directory removed at the end of the test.
struct TempTree {
  fs::path root;
  TempTree() {
    root = fs::temp_directory_path() / ("dockvet-discovery-" + std::to_string(::getpid()) + "-" +
                                        std::to_string(reinterpret_cast<std::uintptr_t>(this)));
    fs::create_directories(root);
  }
  ~TempTree() {
    std::error_code ec;
    fs::remove_all(root, ec);
  }
  void write(const std::string& relative, const std::string& text) {
    fs::create_directories((root / relative).parent_path());
    std::ofstream(root / relative) << text;
  }
  std::vector<std::string> found(const dockvet::DiscoveryResult& result) const {
    std::vector<std::string> out;
    for (const auto& target : result.targets) {
      out.push_back(fs::relative(target.path, root).generic_string() + "=" +
                    std::string(dockvet::to_string(target.kind)));
    }
    return out;
  }
};

}  // namespace

TEST_CASE("file names map to kinds", "[discovery]") {
  CHECK(dockvet::kind_from_name("Dockerfile") == FileKind::dockerfile);
  CHECK(dockvet::kind_from_name("Containerfile") == FileKind::dockerfile);
  CHECK(dockvet::kind_from_name("Dockerfile.dev") == FileKind::dockerfile);
  CHECK(dockvet::kind_from_name("Containerfile.arm64") == FileKind::dockerfile);
  CHECK(dockvet::kind_from_name("api.Dockerfile") == FileKind::dockerfile);
  CHECK(dockvet::kind_from_name("api.dockerfile") == FileKind::dockerfile);
  CHECK(dockvet::kind_from_name("deploy.sh") == FileKind::shell);
  CHECK(dockvet::kind_from_name("deploy.bash") == FileKind::shell);
  CHECK(dockvet::kind_from_name("Makefile") == FileKind::makefile);
  CHECK(dockvet::kind_from_name("GNUmakefile") == FileKind::makefile);
  CHECK(dockvet::kind_from_name("rules.mk") == FileKind::makefile);
  CHECK(dockvet::kind_from_name("README.md") == FileKind::markdown);
  CHECK(dockvet::kind_from_name("compose.yaml") == FileKind::compose);
  CHECK(dockvet::kind_from_name("compose.yml") == FileKind::compose);
  CHECK(dockvet::kind_from_name("docker-compose.yml") == FileKind::compose);
  CHECK(dockvet::kind_from_name("docker-compose.prod.yaml") == FileKind::compose);
  CHECK(dockvet::kind_from_name("compose.override.yml") == FileKind::compose);
  CHECK(dockvet::kind_from_name("config.yaml") == FileKind::unknown);
  CHECK(dockvet::kind_from_name("compose.json") == FileKind::unknown);
  CHECK(dockvet::kind_from_name("notes.txt") == FileKind::unknown);
  CHECK(dockvet::kind_from_name("Dockerfile-old") == FileKind::unknown);
}

TEST_CASE("content decides the kind of an unnamed file", "[discovery]") {
  CHECK(dockvet::kind_from_content("#!/bin/sh\necho hi\n") == FileKind::shell);
  CHECK(dockvet::kind_from_content("#!/usr/bin/env bash\n") == FileKind::shell);
  CHECK(dockvet::kind_from_content("#!/usr/bin/env -S zsh -e\n") == FileKind::shell);
  CHECK(dockvet::kind_from_content("#!/bin/dash\n") == FileKind::shell);
  CHECK(dockvet::kind_from_content("#!/usr/bin/python3\n") == FileKind::unknown);
  CHECK(dockvet::kind_from_content("# syntax=docker/dockerfile:1\n\nFROM alpine\n") ==
        FileKind::dockerfile);
  CHECK(dockvet::kind_from_content("\xEF\xBB\xBF"
                                   "ARG V=1\nFROM x:$V\n") == FileKind::dockerfile);
  CHECK(dockvet::kind_from_content("hello world\n") == FileKind::unknown);
}

TEST_CASE("directories are walked in order, skipping vendor and VCS folders", "[discovery]") {
  TempTree tree;
  tree.write("b/Dockerfile", "FROM alpine\n");
  tree.write("a/run.sh", "docker run x\n");
  tree.write("a/tool", "#!/bin/bash\necho\n");
  tree.write("a/data.txt", "FROM alpine\n");
  tree.write("Makefile", "all:\n\techo\n");
  tree.write("docs/README.md", "# hi\n");
  tree.write(".git/hooks/pre-commit.sh", "echo\n");
  tree.write("node_modules/x/Dockerfile", "FROM x\n");
  tree.write("vendor/y/run.sh", "echo\n");
  const auto result = dockvet::discover({tree.root.string()});
  CHECK(result.errors.empty());
  CHECK(tree.found(result) == std::vector<std::string>{"Makefile=makefile", "a/run.sh=shell",
                                                       "a/tool=shell", "b/Dockerfile=dockerfile",
                                                       "docs/README.md=markdown"});
}

TEST_CASE("symlinked directories are never followed, so loops end", "[discovery]") {
  TempTree tree;
  tree.write("app/Dockerfile", "FROM alpine\n");
  fs::create_directory_symlink(tree.root, tree.root / "app" / "loop");
  fs::create_directory_symlink(fs::temp_directory_path(), tree.root / "outside");
  const auto result = dockvet::discover({tree.root.string()});
  CHECK(tree.found(result) == std::vector<std::string>{"app/Dockerfile=dockerfile"});
}

TEST_CASE("named files are always linted and missing paths are errors", "[discovery]") {
  TempTree tree;
  tree.write("build-image", "FROM alpine\nRUN true\n");
  tree.write("notes.txt", "docker run postgres\n");
  tree.write("Dockerfile", "FROM alpine\n");
  const auto named =
      dockvet::discover({(tree.root / "build-image").string(), (tree.root / "notes.txt").string(),
                         (tree.root / "missing").string()});
  CHECK(tree.found(named) == std::vector<std::string>{"build-image=dockerfile", "notes.txt=shell"});
  REQUIRE(named.errors.size() == 1);
  CHECK(named.errors[0].find("missing: no such file or directory") != std::string::npos);

  const auto forced = dockvet::discover({(tree.root / "Dockerfile").string()}, FileKind::markdown);
  CHECK(tree.found(forced) == std::vector<std::string>{"Dockerfile=markdown"});
}

TEST_CASE("paths are reported in their normal form, however they were given", "[discovery]") {
  TempTree tree;
  tree.write("app/Dockerfile", "FROM alpine\n");
  const std::string root = tree.root.string();
  for (const std::string& given :
       {root + "/app/./Dockerfile", root + "//app/Dockerfile", root + "/app/../app/Dockerfile"}) {
    INFO(given);
    const auto result = dockvet::discover({given});
    REQUIRE(result.targets.size() == 1);
    CHECK(result.targets[0].path == root + "/app/Dockerfile");
  }
  // A walked directory given with a dot component too, and two spellings of one file are one.
  const auto walked = dockvet::discover({root + "/./app", root + "/app/Dockerfile"});
  REQUIRE(walked.targets.size() == 1);
  CHECK(walked.targets[0].path == root + "/app/Dockerfile");
}
