// Runs every file under corpus/ through the whole engine and compares its findings with the
// expectations written in the file itself:
//   # expect: CODE[:COL][, CODE[:COL]...]     findings starting on the next non-expect line
//   <!-- expect: CODE[:COL] -->               the same, in Markdown
//   # expect-line: N CODE[:COL][, ...]        findings starting on line N
// A missing finding, an unexpected one, and one on another line or column all fail.

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>

#include "core/discovery.h"
#include "config/config.h"
#include "config/settings.h"
#include "core/engine.h"

namespace {

struct Expected {
  std::uint32_t line;
  std::string code;
  std::uint32_t column;  // 0: any column
};

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(line);
  }
  return lines;
}

std::vector<Expected> parse_codes(std::uint32_t line, const std::string& list) {
  static const std::regex item(R"(([A-Za-z]+[0-9]+)(?::([0-9]+))?)");
  std::vector<Expected> out;
  for (auto it = std::sregex_iterator(list.begin(), list.end(), item); it != std::sregex_iterator();
       ++it) {
    const auto& m = *it;
    out.push_back(
        {line, m[1].str(), m[2].matched ? static_cast<std::uint32_t>(std::stoul(m[2].str())) : 0});
  }
  return out;
}

std::vector<Expected> read_expectations(const std::string& text) {
  static const std::regex next_line(R"(^\s*(?:#|<!--)\s*expect:\s*(.*?)\s*(?:-->)?\s*$)");
  static const std::regex pinned_line(
      R"(^\s*(?:#|<!--)\s*expect-line:\s*([0-9]+)\s+(.*?)\s*(?:-->)?\s*$)");
  const auto lines = split_lines(text);
  std::vector<Expected> expected;
  std::vector<std::string> pending;
  for (std::uint32_t i = 0; i < lines.size(); ++i) {
    std::smatch m;
    if (std::regex_match(lines[i], m, pinned_line)) {
      for (auto& e : parse_codes(static_cast<std::uint32_t>(std::stoul(m[1].str())), m[2].str())) {
        expected.push_back(e);
      }
    } else if (std::regex_match(lines[i], m, next_line)) {
      pending.push_back(m[1].str());
    } else if (!pending.empty()) {
      for (const auto& list : pending) {
        for (auto& e : parse_codes(i + 1, list)) expected.push_back(e);
      }
      pending.clear();
    }
  }
  return expected;
}

std::string describe(const dockvet::Diagnostic& d) {
  return std::to_string(d.start.line) + ":" + std::to_string(d.start.column) + " " + d.code + " " +
         d.message;
}

// The best-practice rules (hadolint's DL codes, ShellCheck's SC codes) are pinned in
// corpus/best-practice/ and BuildKit's build checks (BK codes) in corpus/buildkit/, where every
// finding of that family counts; the other folders show the stateful and input checks, and there
// only DV findings count, so that a realistic postgres Dockerfile need not also list every
// untagged FROM and unpinned package. The two best-practice families overlap (DL4000 and
// MaintainerDeprecated), so each folder compares its own family only.
bool in_scope(const std::filesystem::path& file, const std::string& code) {
  if (code.starts_with("DV")) return true;
  const std::string path = file.generic_string();
  if (code.starts_with("BK")) return path.find("/corpus/buildkit/") != std::string::npos;
  return path.find("/corpus/best-practice/") != std::string::npos;
}

// A folder may hold a `.hadolint.yaml` or `.dockvet.yaml`: its files are linted under it, as
// they would be by a user whose repository has that file (the settings that rules such as the
// label schema or trusted registries need).
std::optional<dockvet::config::Settings> folder_settings(const std::filesystem::path& file) {
  for (const char* name : {".dockvet.yaml", ".hadolint.yaml"}) {
    const auto config_file = file.parent_path() / name;
    if (!std::filesystem::exists(config_file)) continue;
    return dockvet::config::resolve({}, dockvet::config::load_config(config_file),
                                    dockvet::config::Environment());
  }
  return std::nullopt;
}

}  // namespace

TEST_CASE("every corpus file yields exactly the findings it expects", "[corpus]") {
  const auto corpus = std::filesystem::path(DOCKVET_SOURCE_DIR) / "corpus";
  const auto discovered = dockvet::discover({corpus.string()});
  REQUIRE(discovered.errors.empty());
  REQUIRE(!discovered.targets.empty());
  for (const auto& target : discovered.targets) {
    std::ifstream in(target.path, std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), {});
    std::vector<Expected> expected = read_expectations(text);
    const auto settings = folder_settings(target.path);
    dockvet::LintPolicy policy;
    if (settings) policy.settings = &*settings;
    const auto result = dockvet::lint_target(target, policy);
    REQUIRE_FALSE(result.error);

    std::vector<std::string> problems;
    std::vector<bool> used(expected.size(), false);
    for (const auto& d : result.diagnostics) {
      if (!in_scope(target.path, d.code)) continue;
      bool matched = false;
      for (std::size_t i = 0; i < expected.size() && !matched; ++i) {
        const Expected& e = expected[i];
        if (!used[i] && e.line == d.start.line && e.code == d.code &&
            (e.column == 0 || e.column == d.start.column)) {
          used[i] = matched = true;
        }
      }
      if (!matched) problems.push_back("unexpected finding " + describe(d));
    }
    for (std::size_t i = 0; i < expected.size(); ++i) {
      if (!used[i]) {
        problems.push_back("missing finding " + expected[i].code + " on line " +
                           std::to_string(expected[i].line) +
                           (expected[i].column ? ":" + std::to_string(expected[i].column) : ""));
      }
    }
    std::string report;
    for (const auto& p : problems) report += "\n  " + p;
    INFO(target.path << report);
    CHECK(problems.empty());
  }
}
