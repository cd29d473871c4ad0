// What ships with the binary comes from the binary: the version that --version prints is the
// one the build read from git describe, SARIF carries it, and the manual page that
// --write-man-page writes lists every option --help shows and every registered rule.

#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <string>

#include "core/check.h"
#include "test_report_fixtures.h"

namespace fs = std::filesystem;

namespace {

struct Run {
  int exit_code = -1;
  std::string out;
};

Run run_dockvet(const std::string& arguments) {
  const std::string command = std::string("'") + DOCKVET_BINARY + "' " + arguments + " 2>/dev/null";
  Run run;
  FILE* pipe = ::popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  char buffer[4096];
  for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;)
    run.out.append(buffer, n);
  const int status = ::pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

// The two lines cmake/version.cmake wrote: the version users read, then its SemVer form.
std::pair<std::string, std::string> built_version() {
  std::ifstream in(DOCKVET_VERSION_FILE);
  std::string version, semantic;
  std::getline(in, version);
  std::getline(in, semantic);
  return {version, semantic};
}

fs::path scratch_file(const std::string& name) {
  return fs::temp_directory_path() / ("dockvet-dist-" + std::to_string(::getpid()) + "-" + name);
}

}  // namespace

TEST_CASE("--version prints the version the build read from git describe", "[distribution]") {
  const auto [version, semantic] = built_version();
  REQUIRE_FALSE(version.empty());
  const Run run = run_dockvet("--version");
  CHECK(run.exit_code == 0);
  CHECK(run.out == "dockvet " + version + "\n");
  // SemVer 2.0: MAJOR.MINOR.PATCH, an optional pre-release, optional build metadata.
  const std::regex semver(
      R"(^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$)");
  CHECK(std::regex_match(semantic, semver));
}

TEST_CASE("SARIF's tool.driver carries the version and its SemVer form", "[distribution]") {
  const auto [version, semantic] = built_version();
  const fs::path dockerfile = scratch_file("Dockerfile");
  std::ofstream(dockerfile) << "FROM nginx:1.27\n";
  const Run run = run_dockvet("--format sarif '" + dockerfile.string() + "'");
  fs::remove(dockerfile);
  REQUIRE(run.exit_code == 0);
  const auto log = nlohmann::json::parse(run.out);
  const auto& driver = log["runs"][0]["tool"]["driver"];
  CHECK(driver["version"] == version);
  CHECK(driver["semanticVersion"] == semantic);
}

TEST_CASE("SARIF's semanticVersion is the SemVer form when the CLI gives one", "[distribution]") {
  using namespace dockvet::report::testing;
  auto registry = test_registry();
  const auto diagnostics = sample_diagnostics();
  auto input = input_of(diagnostics, {}, *registry);
  input.tool_version = "0.2.0-3-g1a2b3c4-dirty";
  input.tool_semantic_version = "0.2.0+3.g1a2b3c4.dirty";
  auto driver = nlohmann::json::parse(render("sarif", input))["runs"][0]["tool"]["driver"];
  CHECK(driver["version"] == "0.2.0-3-g1a2b3c4-dirty");
  CHECK(driver["semanticVersion"] == "0.2.0+3.g1a2b3c4.dirty");
  // Without one (a caller that knows a single version), both fields carry it.
  input.tool_semantic_version.clear();
  driver = nlohmann::json::parse(render("sarif", input))["runs"][0]["tool"]["driver"];
  CHECK(driver["semanticVersion"] == "0.2.0-3-g1a2b3c4-dirty");
}

TEST_CASE("the manual page lists every option of --help and every rule", "[distribution]") {
  const fs::path page_path = scratch_file("dockvet.1");
  const Run written = run_dockvet("--write-man-page '" + page_path.string() + "'");
  REQUIRE(written.exit_code == 0);
  std::ifstream in(page_path);
  const std::string page{std::istreambuf_iterator<char>(in), {}};
  fs::remove(page_path);

  CHECK(page.find(".TH DOCKVET 1 \"\" \"dockvet " + built_version().first + "\"") !=
        std::string::npos);
  for (const char* section : {".SH NAME", ".SH SYNOPSIS", ".SH OPTIONS", ".SH EXIT STATUS",
                              ".SH FILES", ".SH RULES", ".SH SEE ALSO"}) {
    CHECK(page.find(section) != std::string::npos);
  }

  const std::string help = run_dockvet("--help").out;
  const std::regex long_option(R"(--([a-z][a-z-]+))");
  std::set<std::string> options;
  for (auto it = std::sregex_iterator(help.begin(), help.end(), long_option);
       it != std::sregex_iterator(); ++it) {
    options.insert((*it)[1]);
  }
  REQUIRE(options.size() >= 15);
  for (const std::string& option : options) {
    INFO(option);
    // roff writes an option's dashes as "\-".
    std::string in_roff;
    for (const char c : "--" + option) in_roff += c == '-' ? std::string("\\-") : std::string(1, c);
    CHECK(page.find("\\fB" + in_roff + "\\fR") != std::string::npos);
  }
  // The hidden generators are not for users, so the manual does not list them.
  CHECK(page.find("write\\-man\\-page") == std::string::npos);
  CHECK(page.find("write\\-rule\\-docs") == std::string::npos);

  for (const auto& check : dockvet::Registry::instance().checks()) {
    const std::string code(check->meta().code);
    INFO(code);
    CHECK(page.find(".TP\n\\fB" + code + "\\fR ") != std::string::npos);
  }
}
