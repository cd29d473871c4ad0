// Hostile trees and unterminated syntax: symlink loops, a directory where a file is expected,
// files that vanish or cannot be read, heredocs, quotes and JSON arrays that never close; and
// dockvet's promise never to write into the tree it lints.

#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <map>
#include <string>

#include "core/discovery.h"
#include "test_hostile_support.h"

using dockvet::FileKind;
using dockvet::LintTarget;
using namespace dockvet::hostile;

TEST_CASE("hostile: an unterminated heredoc, quote and JSON array", "[hostile]") {
  const std::string heredoc = "FROM alpine:3.20\nRUN <<EOF\necho a\nFOO bar\n";
  const auto heredoc_found = lint_text(FileKind::dockerfile, heredoc);
  REQUIRE(with_code(heredoc_found, "DV012").size() == 1);
  CHECK(start_of(with_code(heredoc_found, "DV012")[0]) == "2:5");
  CHECK(with_code(heredoc_found, "DV012")[0].message ==
        "heredoc `EOF` is never terminated: no line reads exactly `EOF`");

  const std::string quote = "FROM alpine:3.20\nRUN echo \"open\nFOO bar\n";
  CHECK(with_code(lint_text(FileKind::dockerfile, quote), "DV011").size() == 1);
  const std::string script_quote = "#!/bin/sh\necho 'open\necho more\n";
  const auto quote_found = lint_text(FileKind::shell, script_quote);
  REQUIRE(quote_found.size() == 1);
  CHECK(quote_found[0].code == "DV020");
  CHECK(start_of(quote_found[0]) == "2:6");
  const std::string script_heredoc = "#!/bin/sh\ncat <<EOF\nnever closed\n";
  const auto script_heredoc_found = lint_text(FileKind::shell, script_heredoc);
  REQUIRE(script_heredoc_found.size() == 1);
  CHECK(script_heredoc_found[0].code == "DV022");

  const std::string json = "FROM alpine:3.20\nCMD [\"a\", \"b\"\nFOO bar\n";
  const auto json_found = lint_text(FileKind::dockerfile, json);
  CHECK(with_code(json_found, "DV011").size() == 1);

  for (const auto& [name, text] :
       {std::pair{"heredoc.Dockerfile", heredoc}, std::pair{"quote.Dockerfile", quote},
        std::pair{"quote.sh", script_quote}, std::pair{"heredoc.sh", script_heredoc},
        std::pair{"json.Dockerfile", json}}) {
    INFO(name);
    TempTree tree;
    write_good_neighbour(tree);
    tree.write(name, text);
    const auto report = lint_tree_with_binary(tree);
    CHECK(!json_findings_of(report, name).empty());
  }
}

TEST_CASE("hostile: a symlink loop in the tree", "[hostile]") {
  TempTree tree;
  write_good_neighbour(tree);
  fs::create_directories(tree.root / "sub");
  fs::create_directory_symlink("..", tree.root / "sub" / "up");
  fs::create_directory_symlink("loop", tree.root / "loop");
  fs::create_symlink("b.Dockerfile", tree.root / "a.Dockerfile");
  fs::create_symlink("a.Dockerfile", tree.root / "b.Dockerfile");
  const auto discovered = dockvet::discover({tree.root.string()});
  REQUIRE(discovered.targets.size() == 1);
  CHECK(fs::path(discovered.targets[0].path).filename() == kGoodName);
  lint_tree_with_binary(tree);
}

TEST_CASE("hostile: a directory named like a file", "[hostile]") {
  TempTree tree;
  write_good_neighbour(tree);
  tree.write("dir.Dockerfile/inner.sh", "#!/bin/sh\ndocker run -d postgres:17\n");
  const auto report = lint_tree_with_binary(tree);
  CHECK(json_findings_of(report, "dir.Dockerfile/inner.sh").size() == 1);

  const auto result =
      dockvet::lint_target({(tree.root / "dir.Dockerfile").string(), FileKind::dockerfile}, {});
  REQUIRE(result.error.has_value());
  CHECK(*result.error ==
        (tree.root / "dir.Dockerfile").string() + ": cannot read file: Is a directory");
  CHECK(result.diagnostics.empty());
}

TEST_CASE("hostile: a file that vanishes between discovery and reading", "[hostile]") {
  TempTree tree;
  write_good_neighbour(tree);
  const fs::path doomed = tree.write("doomed.Dockerfile", "FROM alpine:3.20\n");
  const auto discovered = dockvet::discover({tree.root.string()});
  REQUIRE(discovered.targets.size() == 2);
  fs::remove(doomed);
  // One thread lints on the caller's thread, more use the worker pool: both must go on.
  const unsigned threads = GENERATE(1u, 2u);
  std::vector<dockvet::FileResult> results;
  dockvet::lint_all(discovered.targets, {}, threads,
                    [&](dockvet::FileResult&& result) { results.push_back(std::move(result)); });
  REQUIRE(results.size() == 2);
  REQUIRE(results[0].error.has_value());
  CHECK(*results[0].error == doomed.string() + ": cannot read file: No such file or directory");
  CHECK(!results[1].error.has_value());
  REQUIRE(results[1].diagnostics.size() == 1);
  CHECK(results[1].diagnostics[0].code == "DV011");
}

TEST_CASE("hostile: a file that cannot be read", "[hostile]") {
  if (::geteuid() == 0) {
    SUCCEED("running as root, which reads any file: an unreadable file cannot be made");
    return;
  }
  TempTree tree;
  write_good_neighbour(tree);
  const fs::path locked = tree.write("locked.Dockerfile", "FROM alpine:3.20\n");
  fs::permissions(locked, fs::perms::none);
  const auto result = dockvet::lint_target({locked.string(), FileKind::dockerfile}, {});
  REQUIRE(result.error.has_value());
  CHECK(*result.error == locked.string() + ": cannot read file: Permission denied");
  const Outcome run = run_dockvet("--format json .", tree.root);
  CHECK(run.exit_code == 2);
  CHECK(run.err.find("locked.Dockerfile: cannot read file: Permission denied") !=
        std::string::npos);
  const auto report = nlohmann::json::parse(run.out, nullptr, false);
  REQUIRE(report.is_array());
  CHECK(json_has_good_finding(report));
}

namespace {

// Every entry under `root` with its type, size and modification time.
std::map<std::string, std::string> listing(const fs::path& root) {
  std::map<std::string, std::string> out;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    struct stat info {};
    REQUIRE(::lstat(entry.path().c_str(), &info) == 0);
    out[fs::relative(entry.path(), root).string()] =
        std::to_string(info.st_mode) + " " + std::to_string(info.st_size) + " " +
        std::to_string(info.st_mtim.tv_sec) + "." + std::to_string(info.st_mtim.tv_nsec);
  }
  return out;
}

}  // namespace

TEST_CASE("dockvet never writes into the tree it lints", "[hostile]") {
  TempTree tree;
  write_good_neighbour(tree);
  tree.write("app/Dockerfile", "FROM postgres:17\nRUN echo \"open\n");
  tree.write("scripts/run.sh", "#!/bin/sh\ndocker run -d postgres:17\n");
  tree.write("README.md", "# Run\n\n```sh\ndocker run --rm -d mysql:8\n```\n");
  tree.write("Makefile", "up:\n\tdocker run -d mongo:7\n");
  tree.write(".dockvet.yaml", "severity:\n  DV011: warning\n");
  const auto before = listing(tree.root);
  for (const std::string format :
       {"text", "json", "sarif", "gnu", "checkstyle", "codeclimate", "junit", "sonarqube"}) {
    const Outcome run = run_dockvet("--format " + format + " .", tree.root);
    CHECK(run.exit_code == 1);
  }
  CHECK(run_dockvet("--report-unused-ignores .", tree.root).exit_code == 1);
  CHECK(listing(tree.root) == before);
}
