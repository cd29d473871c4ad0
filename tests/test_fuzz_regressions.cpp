// Replays what the fuzzers found and what they were seeded with through the same target
// functions (tests/fuzz/targets.h), so every ordinary test run, and CI's sanitizer run, checks
// again each crash that was fixed. A target aborts on a broken invariant and lets unexpected
// exceptions escape, so a regression fails this test loudly.
//   tests/fuzz/regressions/<target>/<what-it-hits>   minimal reproducers, one folder per target
//   corpus/**                                        the seeds, by file kind, and all as CLI words
//   tests/data/config/*.yaml                         the config seeds

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/discovery.h"
#include "dockerfile/dockerignore.h"
#include "fuzz/targets.h"

namespace {

namespace fs = std::filesystem;
using dockvet::fuzz::Target;

const fs::path kSourceDir = DOCKVET_SOURCE_DIR;

std::string read_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

const Target* find_target(std::string_view name) {
  for (const auto& target : dockvet::fuzz::targets()) {
    if (target.name == name) return &target;
  }
  return nullptr;
}

std::vector<fs::path> files_under(const fs::path& dir) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file()) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// The target that reads a corpus file the way the engine would read it.
const Target* target_for_kind(dockvet::FileKind kind) {
  switch (kind) {
    case dockvet::FileKind::dockerfile: return find_target("dockerfile");
    case dockvet::FileKind::shell:
    case dockvet::FileKind::makefile: return find_target("shell_extraction");
    case dockvet::FileKind::markdown: return find_target("markdown");
    case dockvet::FileKind::compose: return find_target("compose");
    case dockvet::FileKind::kubernetes: return find_target("kubernetes");
    case dockvet::FileKind::unknown: return nullptr;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("the fuzz targets are the front ends, each named once", "[fuzz]") {
  std::vector<std::string_view> names;
  for (const auto& target : dockvet::fuzz::targets()) names.push_back(target.name);
  CHECK(names == std::vector<std::string_view>{"docker_cli", "config", "markdown", "dockerfile",
                                               "shell_extraction", "compose", "kubernetes", "lsp"});
}

TEST_CASE("every fuzz regression replays through its target without a crash", "[fuzz]") {
  const fs::path root = kSourceDir / "tests/fuzz/regressions";
  if (!fs::exists(root)) return;  // nothing found yet
  for (const auto& folder : fs::directory_iterator(root)) {
    const std::string name = folder.path().filename().string();
    INFO("regression folder " << name);
    const Target* target = find_target(name);
    REQUIRE(target != nullptr);
    const auto files = files_under(folder.path());
    CHECK(!files.empty());
    for (const auto& file : files) {
      INFO("reproducer " << file.string());
      target->run(read_bytes(file));
    }
  }
}

TEST_CASE("every corpus file replays through the fuzz target of its kind and as CLI words",
          "[fuzz]") {
  const Target* cli = find_target("docker_cli");
  REQUIRE(cli != nullptr);
  std::size_t by_kind = 0;
  std::size_t inputs_of_others = 0;
  std::size_t ignore_files = 0;
  const auto files = files_under(kSourceDir / "corpus");
  for (const auto& file : files) {
    INFO("corpus file " << file.string());
    if (file.filename() == ".env") {
      ++inputs_of_others;  // read by the compose file beside it, not linted on its own
      continue;
    }
    const std::string bytes = read_bytes(file);
    if (file.filename().string().ends_with(".dockerignore")) {
      // Read by the Dockerfile beside it (CopyIgnoredFile); its reader must take any bytes.
      const dockvet::dockerfile::DockerIgnore ignore(bytes);
      (void)ignore.matches_or_parent_matches("src/app/main.go");
      ++ignore_files;
      continue;
    }
    auto kind = dockvet::kind_from_name(file.filename().string());
    if (kind == dockvet::FileKind::unknown) kind = dockvet::kind_from_content(bytes);
    // A chart's Chart.yaml and values.yaml are YAML the walk skips; the Kubernetes front end
    // must read them without a crash all the same.
    const auto extension = file.extension().string();
    if (kind == dockvet::FileKind::unknown && (extension == ".yaml" || extension == ".yml")) {
      kind = dockvet::FileKind::kubernetes;
    }
    const Target* target = target_for_kind(kind);
    REQUIRE(target != nullptr);
    target->run(bytes);
    cli->run(bytes);
    ++by_kind;
  }
  CHECK(by_kind + inputs_of_others + ignore_files == files.size());
  CHECK(inputs_of_others <= 1);
  CHECK(ignore_files <= 4);
  CHECK(files.size() >= 40);
}

TEST_CASE("every config seed replays through the config fuzz target", "[fuzz]") {
  const Target* config = find_target("config");
  REQUIRE(config != nullptr);
  const auto files = files_under(kSourceDir / "tests/data/config");
  REQUIRE(files.size() >= 3);
  for (const auto& file : files) {
    INFO("config seed " << file.string());
    config->run(read_bytes(file));
  }
}
