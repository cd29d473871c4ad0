#pragma once
// Helpers for the hostile-input tests: a scratch tree, the dockvet binary run on it, and the
// checks every run must pass whatever the input (valid JSON and SARIF, the neighbour file still
// linted).

#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/engine.h"

namespace dockvet::hostile {

namespace fs = std::filesystem;

/// A scratch directory, removed with everything in it at the end of the test.
struct TempTree {
  fs::path root;
  TempTree() {
    static std::atomic<int> counter{0};
    root = fs::temp_directory_path() /
           ("dockvet-hostile-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::remove_all(root);
    fs::create_directories(root);
  }
  ~TempTree() {
    std::error_code ec;
    // Restore permissions a test took away, or remove_all cannot descend.
    for (auto it = fs::recursive_directory_iterator(root, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (!it->is_symlink(ec)) fs::permissions(it->path(), fs::perms::owner_all, ec);
    }
    fs::remove_all(root, ec);
  }
  TempTree(const TempTree&) = delete;
  TempTree& operator=(const TempTree&) = delete;

  fs::path write(const std::string& name, const std::string& text) const {
    const fs::path path = root / name;
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }
};

/// What the binary did.
struct Outcome {
  int exit_code = -1;  // -1 when it did not exit normally (a crash)
  std::string out;
  std::string err;
};

/// Runs dockvet with `arguments` (already shell-quoted) in `directory`.
inline Outcome run_dockvet(const std::string& arguments, const fs::path& directory) {
  static std::atomic<int> counter{0};
  const fs::path err_file =
      fs::temp_directory_path() /
      ("dockvet-hostile-err-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  const std::string command = "cd '" + directory.string() + "' && NO_COLOR=1 '" + DOCKVET_BINARY +
                              "' " + arguments + " 2>'" + err_file.string() + "'";
  Outcome outcome;
  FILE* pipe = ::popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  char buffer[65536];
  for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) {
    outcome.out.append(buffer, n);
  }
  const int status = ::pclose(pipe);
  outcome.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream err(err_file, std::ios::binary);
  outcome.err.assign(std::istreambuf_iterator<char>(err), {});
  fs::remove(err_file);
  return outcome;
}

/// Lints `text` in memory as the engine would a file of `kind`.
inline std::vector<Diagnostic> lint_text(FileKind kind, std::string text,
                                         const std::string& path = "hostile") {
  const SourceFile file(path, kind, std::move(text));
  return lint_source(file, LintPolicy{}).diagnostics;
}

/// The diagnostics with `code`.
inline std::vector<Diagnostic> with_code(const std::vector<Diagnostic>& all,
                                         const std::string& code) {
  std::vector<Diagnostic> out;
  for (const auto& d : all) {
    if (d.code == code) out.push_back(d);
  }
  return out;
}

/// "line:column" of where a diagnostic starts.
inline std::string start_of(const Diagnostic& d) {
  return std::to_string(d.start.line) + ":" + std::to_string(d.start.column);
}

/// The neighbour of every hostile file: it has one known finding, which must survive the run.
inline constexpr const char* kGoodName = "good.Dockerfile";
inline constexpr const char* kGoodText = "FROM alpine:3.20\nFOO bar\n";

inline void write_good_neighbour(const TempTree& tree) {
  tree.write(kGoodName, kGoodText);
}

/// Whether a JSON report holds the good neighbour's DV011 at 2:1.
inline bool json_has_good_finding(const nlohmann::json& report) {
  for (const auto& finding : report) {
    if (finding["file"] == kGoodName && finding["code"] == "DV011" && finding["line"] == 2 &&
        finding["column"] == 1) {
      return true;
    }
  }
  return false;
}

/// Whether a SARIF log holds the good neighbour's DV011.
inline bool sarif_has_good_finding(const nlohmann::json& log) {
  for (const auto& result : log["runs"][0]["results"]) {
    const auto& location = result["locations"][0]["physicalLocation"];
    if (result["ruleId"] == "DV011" && location["artifactLocation"]["uri"] == kGoodName &&
        location["region"]["startLine"] == 2) {
      return true;
    }
  }
  return false;
}

/// Lints the whole tree with the binary as JSON (and as SARIF unless `sarif` is false), checks
/// that the run ended normally with valid output holding the good neighbour's finding, and
/// returns the JSON report. `expected_exit` is 1 (findings) unless a file could not be read.
inline nlohmann::json lint_tree_with_binary(const TempTree& tree, int expected_exit = 1,
                                            bool sarif = true) {
  const Outcome json_run = run_dockvet("--format json .", tree.root);
  INFO("stderr: " << json_run.err.substr(0, 2000));
  CHECK(json_run.exit_code == expected_exit);
  const auto report = nlohmann::json::parse(json_run.out, nullptr, false);
  REQUIRE(report.is_array());
  CHECK(json_has_good_finding(report));
  if (sarif) {
    const Outcome sarif_run = run_dockvet("--format sarif .", tree.root);
    CHECK(sarif_run.exit_code == expected_exit);
    const auto log = nlohmann::json::parse(sarif_run.out, nullptr, false);
    REQUIRE(log.is_object());
    CHECK(log["version"] == "2.1.0");
    REQUIRE(log["runs"].is_array());
    REQUIRE(log["runs"].size() == 1);
    REQUIRE(log["runs"][0]["results"].is_array());
    CHECK(sarif_has_good_finding(log));
  }
  return report;
}

/// The findings of one file in a JSON report.
inline std::vector<nlohmann::json> json_findings_of(const nlohmann::json& report,
                                                    const std::string& file) {
  std::vector<nlohmann::json> out;
  for (const auto& finding : report) {
    if (finding["file"] == file) out.push_back(finding);
  }
  return out;
}

}  // namespace dockvet::hostile
