// [report] The reporters: exact text shapes, JSON-based formats parsed back, SARIF checked by
// the shared validator, and every format fed bytes that would break a careless writer.
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "report/encoding.h"
#include "report/github_line_hash.h"
#include "report/location.h"
#include "test_report_fixtures.h"

namespace dockvet::report::testing {
namespace {

using nlohmann::json;

json parsed_json(const std::string& text) {
  INFO(text);
  // nlohmann's parser rejects invalid UTF-8, so parsing is also the encoding check.
  REQUIRE(json::accept(text));
  return json::parse(text);
}

// A path and a message with markup characters, a control character, a NUL and invalid UTF-8.
struct Hostile {
  std::vector<Diagnostic> diagnostics;
  std::vector<std::string> files;
};

Hostile hostile() {
  Hostile h;
  const std::string file =
      std::string("dir/we<ird&\"> \x01", 15) + std::string("\0\xff", 2) + ".sh";
  const std::string message =
      std::string("a<&\">\x1b[31m", 10) + std::string("\0", 1) + "\xC3\x28 tab\there\nnext";
  Diagnostic d = diagnostic(unmounted_meta(), file, {2, 3}, {2, 9}, message, "x\xff");
  Fix fix;
  fix.description = "fix \xff";
  fix.edits.push_back({{0, 6}, std::string("\0\xfe", 2), {2, 3}, {2, 9}});
  d.fix = fix;
  h.diagnostics.push_back(d);
  h.files = {file};
  return h;
}

const std::string kReplacement = "\xEF\xBF\xBD";
const std::string kHostileFile =
    "dir/we<ird&\"> \x01" + std::string(1, '\0') + kReplacement + ".sh";
const std::string kHostileMessage =
    "a<&\">\x1b[31m" + std::string(1, '\0') + kReplacement + "( tab\there\nnext";

}  // namespace

TEST_CASE("formats are listed in --help order and unknown ones are refused", "[report]") {
  const auto names = formats();
  CHECK(std::vector<std::string_view>(names.begin(), names.end()) ==
        std::vector<std::string_view>{"text", "json", "gnu", "sarif", "checkstyle", "codeclimate",
                                      "junit", "sonarqube"});
  auto registry = test_registry();
  const ReportInput input = input_of({}, {}, *registry);
  CHECK_THROWS_AS(render("yaml", input), std::invalid_argument);
}

TEST_CASE("text prints file:line:col: severity: message [code]", "[report]") {
  auto registry = test_registry();
  const auto diagnostics = sample_diagnostics();
  const std::vector<std::string> files = {"docker/Dockerfile", "scripts/run dev.sh"};
  ReportInput input = input_of(diagnostics, files, *registry);
  CHECK(render("text", input) ==
        "docker/Dockerfile:1:6: warning: FROM ubuntu names no tag [DV300]\n"
        "scripts/run dev.sh:3:1: error: postgres:17 keeps its data in "
        "/var/lib/postgresql/data, which this command mounts nowhere [DV101]\n");
  input.color = true;
  CHECK(render("text", input) ==
        "docker/Dockerfile:1:6: \x1b[1;33mwarning\x1b[0m: FROM ubuntu names no tag "
        "\x1b[2m[DV300]\x1b[0m\n"
        "scripts/run dev.sh:3:1: \x1b[1;31merror\x1b[0m: postgres:17 keeps its data in "
        "/var/lib/postgresql/data, which this command mounts nowhere \x1b[2m[DV101]\x1b[0m\n");
}

TEST_CASE("gnu uses GCC's severities and shape", "[report]") {
  auto registry = test_registry();
  auto diagnostics = sample_diagnostics();
  diagnostics.push_back(diagnostic(quote_meta(), "scripts/run dev.sh", {7, 9}, {7, 10},
                                   "the quote opened here is never closed", "'"));
  ReportInput input = input_of(diagnostics, {}, *registry);
  input.color = true;
  // Never coloured, and info becomes GCC's note.
  CHECK(render("gnu", input) ==
        "docker/Dockerfile:1:6: warning: FROM ubuntu names no tag [DV300]\n"
        "scripts/run dev.sh:3:1: error: postgres:17 keeps its data in "
        "/var/lib/postgresql/data, which this command mounts nowhere [DV101]\n"
        "scripts/run dev.sh:7:9: note: the quote opened here is never closed [DV020]\n");
}

TEST_CASE("text and gnu keep one finding per line whatever bytes the input holds", "[report]") {
  auto registry = test_registry();
  const Hostile h = hostile();
  const ReportInput input = input_of(h.diagnostics, h.files, *registry);
  const std::string expected_line = "dir/we<ird&\"> \\x01\\x00" + kReplacement +
                                    ".sh:2:3: error: a<&\">\\x1b[31m\\x00" + kReplacement +
                                    "( tab\\there\\nnext [DV101]\n";
  CHECK(render("text", input) == expected_line);
  CHECK(render("gnu", input) == expected_line);
}

TEST_CASE("json keeps hadolint's fields and adds ends, rule, help and fix", "[report]") {
  auto registry = test_registry();
  const auto diagnostics = sample_diagnostics();
  const ReportInput input = input_of(diagnostics, {}, *registry);
  const std::string out = render("json", input);
  CHECK(std::count(out.begin(), out.end(), '\n') == 1);
  const json findings = parsed_json(out);
  REQUIRE(findings.is_array());
  REQUIRE(findings.size() == 2);
  const json& first = findings[0];
  CHECK(first["file"] == "docker/Dockerfile");
  CHECK(first["line"] == 1);
  CHECK(first["column"] == 6);
  CHECK(first["end_line"] == 1);
  CHECK(first["end_column"] == 12);
  CHECK(first["level"] == "warning");
  CHECK(first["code"] == "DV300");
  CHECK(first["message"] == "FROM ubuntu names no tag");
  CHECK(first["rule"] == "pin-base-image-tag");
  CHECK(first["help_url"] == "https://github.com/dockvet/dockvet/blob/main/docs/rules/DV300.md");
  CHECK_FALSE(first.contains("fix"));
  const json& fix = findings[1]["fix"];
  CHECK(fix["description"] == "mount a named volume at /var/lib/postgresql/data");
  CHECK(fix["safe"] == false);
  REQUIRE(fix["edits"].size() == 1);
  CHECK(fix["edits"][0]["replacement"] == "-v pgdata:/var/lib/postgresql/data ");
  CHECK(fix["edits"][0]["span"] == json{{"line", 3},
                                        {"column", 15},
                                        {"end_line", 3},
                                        {"end_column", 15},
                                        {"offset", 40},
                                        {"end_offset", 40}});
  CHECK(render("json", input_of({}, {}, *registry)) == "[]\n");
}

TEST_CASE("json stays valid whatever bytes the input holds", "[report]") {
  auto registry = test_registry();
  const Hostile h = hostile();
  const ReportInput input = input_of(h.diagnostics, h.files, *registry);
  const json finding = parsed_json(render("json", input))[0];
  CHECK(finding["file"] == kHostileFile);
  CHECK(finding["message"] == kHostileMessage);
  CHECK(finding["fix"]["description"] == "fix " + kReplacement);
  CHECK(finding["fix"]["edits"][0]["replacement"] == std::string(1, '\0') + kReplacement);
}

TEST_CASE("sarif declares every rule and places each result for GitHub", "[report]") {
  auto registry = test_registry();
  const auto diagnostics = sample_diagnostics();
  const ReportInput input = input_of(diagnostics, {}, *registry);
  const json log = parsed_json(render("sarif", input));
  CHECK(log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json");
  CHECK(log["version"] == "2.1.0");
  REQUIRE(log["runs"].size() == 1);
  const json& run = log["runs"][0];
  CHECK(run["columnKind"] == "utf16CodeUnits");
  const json& driver = run["tool"]["driver"];
  CHECK(driver["name"] == "dockvet");
  CHECK(driver["semanticVersion"] == "1.2.3");
  CHECK(driver["informationUri"] == "https://github.com/dockvet/dockvet");

  const json& rules = driver["rules"];
  REQUIRE(rules.size() == 3);
  CHECK(rules[0]["id"] == "DV020");
  CHECK(rules[1]["id"] == "DV101");
  CHECK(rules[2]["id"] == "DV300");
  const json& unmounted = rules[1];
  CHECK(unmounted["name"] == "stateful-data-unmounted");
  CHECK(unmounted["shortDescription"]["text"] ==
        "A stateful image runs without its data directory on a volume");
  CHECK(unmounted["fullDescription"]["text"] ==
        "The database writes into the container's writable layer, which goes away with it.");
  CHECK(unmounted["help"]["markdown"] == rule_page(unmounted_meta()));
  CHECK(unmounted["help"]["text"] ==
        "Mount a named volume or a host directory at the image's data directory.\n\nExample:\n"
        "docker run -d -v pgdata:/var/lib/postgresql/data postgres:17");
  CHECK(unmounted["helpUri"] == "https://github.com/dockvet/dockvet/blob/main/docs/rules/DV101.md");
  CHECK(unmounted["defaultConfiguration"]["level"] == "error");
  CHECK(unmounted["properties"]["security-severity"] == "8.0");
  CHECK(unmounted["properties"]["tags"] == json{"data-persistence", "data-loss", "security"});
  CHECK(unmounted["properties"]["precision"] == "high");
  CHECK(unmounted["properties"]["problem.severity"] == "error");
  CHECK_FALSE(rules[2]["properties"].contains("security-severity"));
  CHECK(rules[0]["defaultConfiguration"]["level"] == "note");
  CHECK(rules[0]["properties"]["problem.severity"] == "recommendation");

  const json& results = run["results"];
  REQUIRE(results.size() == 2);
  const json& first = results[0];
  CHECK(first["ruleId"] == "DV300");
  CHECK(first["ruleIndex"] == 2);
  CHECK(first["level"] == "warning");
  CHECK(first["message"]["text"] == "FROM ubuntu names no tag");
  const json& location = first["locations"][0]["physicalLocation"];
  CHECK(location["artifactLocation"] ==
        json{{"uri", "docker/Dockerfile"}, {"uriBaseId", "%SRCROOT%"}});
  CHECK(location["region"] ==
        json{{"startLine", 1}, {"startColumn", 6}, {"endLine", 1}, {"endColumn", 12}});
  const json& second = results[1];
  CHECK(second["ruleIndex"] == 1);
  CHECK(second["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] ==
        "scripts/run%20dev.sh");
  const json& change = second["fixes"][0]["artifactChanges"][0];
  CHECK(second["fixes"][0]["description"]["text"] ==
        "mount a named volume at /var/lib/postgresql/data");
  CHECK(change["artifactLocation"]["uri"] == "scripts/run%20dev.sh");
  CHECK(change["replacements"][0]["deletedRegion"] ==
        json{{"startLine", 3}, {"startColumn", 15}, {"endLine", 3}, {"endColumn", 15}});
  CHECK(change["replacements"][0]["insertedContent"]["text"] ==
        "-v pgdata:/var/lib/postgresql/data ");
  CHECK(second["fixes"][0]["properties"]["safe"] == false);
}

TEST_CASE("a fix of several edits is one artifactChange in SARIF and one fix in JSON", "[report]") {
  auto registry = test_registry();
  std::vector<Diagnostic> diagnostics = sample_diagnostics();
  Fix two;
  two.description = "both";
  two.edits.push_back({{0, 4}, "COPY", {1, 1}, {1, 5}});
  two.edits.push_back({{20, 20}, " --link", {2, 3}, {2, 3}});
  diagnostics[0].fix = two;
  const ReportInput input = input_of(diagnostics, {}, *registry);
  const json sarif_fix = parsed_json(render("sarif", input))["runs"][0]["results"][0]["fixes"][0];
  REQUIRE(sarif_fix["artifactChanges"].size() == 1);
  const json& replacements = sarif_fix["artifactChanges"][0]["replacements"];
  REQUIRE(replacements.size() == 2);
  CHECK(replacements[1]["deletedRegion"] ==
        json{{"startLine", 2}, {"startColumn", 3}, {"endLine", 2}, {"endColumn", 3}});
  CHECK(replacements[1]["insertedContent"]["text"] == " --link");
  CHECK(sarif_fix["properties"]["safe"] == true);
  const json json_fix = parsed_json(render("json", input))[0]["fix"];
  CHECK(json_fix["safe"] == true);
  REQUIRE(json_fix["edits"].size() == 2);
  CHECK(json_fix["edits"][0]["span"]["end_offset"] == 4);
  CHECK(json_fix["edits"][1]["replacement"] == " --link");
}

TEST_CASE("sarif has an empty results array when clean", "[report]") {
  auto registry = test_registry();
  const json log = parsed_json(render("sarif", input_of({}, {}, *registry)));
  CHECK(log["runs"][0]["results"] == json::array());
  CHECK(log["runs"][0]["tool"]["driver"]["rules"].size() == 3);
}

TEST_CASE("sarif fingerprints survive line shifts and tell duplicates apart", "[report]") {
  auto registry = test_registry();
  auto fingerprints_of = [&](const std::vector<Diagnostic>& diagnostics) {
    const json log = parsed_json(render("sarif", input_of(diagnostics, {}, *registry)));
    std::vector<std::string> out;
    for (const json& r : log["runs"][0]["results"])
      out.push_back(r["partialFingerprints"]["dockvet/v1"]);
    return out;
  };
  const auto meta = unmounted_meta();
  const std::vector<Diagnostic> before = {
      diagnostic(meta, "run.sh", {3, 1}, {3, 26}, "no mount", "docker run -d postgres:17"),
      diagnostic(meta, "run.sh", {9, 1}, {9, 26}, "no mount", "docker run -d postgres:17")};
  // Lines inserted above, and the command re-indented: the same findings.
  const std::vector<Diagnostic> after = {
      diagnostic(meta, "run.sh", {5, 3}, {5, 28}, "no mount", "docker  run -d postgres:17"),
      diagnostic(meta, "run.sh", {11, 3}, {11, 28}, "no mount", "docker run -d\tpostgres:17")};
  const auto a = fingerprints_of(before);
  const auto b = fingerprints_of(after);
  REQUIRE(a.size() == 2);
  CHECK(a == b);
  CHECK(a[0] != a[1]);
  CHECK(a[0].ends_with(":1"));
  CHECK(a[1].ends_with(":2"));
  CHECK(a[0].substr(0, a[0].size() - 2) == a[1].substr(0, a[1].size() - 2));
  // A different file or message is a different finding.
  const std::vector<Diagnostic> other = {
      diagnostic(meta, "other.sh", {3, 1}, {3, 26}, "no mount", "docker run -d postgres:17"),
      diagnostic(meta, "run.sh", {3, 1}, {3, 26}, "no mount!", "docker run -d postgres:17")};
  const auto c = fingerprints_of(other);
  CHECK(c[0] != a[0]);
  CHECK(c[1] != a[0]);
}

TEST_CASE("sarif uris are relative to the source root and percent-encoded", "[report]") {
  auto registry = test_registry();
  const auto meta = pin_tag_meta();
  const std::vector<Diagnostic> diagnostics = {
      diagnostic(meta, "/repo/sub dir/Dockerfile", {1, 1}, {1, 5}, "m", "FROM"),
      diagnostic(meta, "./a/../b/Docker#file", {1, 1}, {1, 5}, "m", "FROM"),
      diagnostic(meta, "/elsewhere/Dockerfile", {1, 1}, {1, 5}, "m", "FROM")};
  ReportInput input = input_of(diagnostics, {}, *registry);
  input.source_root = "/repo";
  const json results = parsed_json(render("sarif", input))["runs"][0]["results"];
  auto artifact = [&](int i) {
    return results[i]["locations"][0]["physicalLocation"]["artifactLocation"];
  };
  CHECK(artifact(0) == json{{"uri", "sub%20dir/Dockerfile"}, {"uriBaseId", "%SRCROOT%"}});
  CHECK(artifact(1) == json{{"uri", "b/Docker%23file"}, {"uriBaseId", "%SRCROOT%"}});
  CHECK(artifact(2) == json{{"uri", "file:///elsewhere/Dockerfile"}});
}

TEST_CASE("sarif gives findings of an unregistered code a rule of their own", "[report]") {
  auto registry = test_registry();
  Diagnostic d;
  d.code = "DV000";
  d.name = "internal-error";
  d.severity = Severity::error;
  d.file = "Dockerfile";
  d.message = "the Dockerfile front end failed";
  const std::vector<Diagnostic> diagnostics = {d};
  const json run = parsed_json(render("sarif", input_of(diagnostics, {}, *registry)))["runs"][0];
  REQUIRE(run["tool"]["driver"]["rules"].size() == 4);
  CHECK(run["tool"]["driver"]["rules"][3]["id"] == "DV000");
  CHECK(run["results"][0]["ruleIndex"] == 3);
}

TEST_CASE("sarif stays valid whatever bytes the input holds", "[report]") {
  auto registry = test_registry();
  const Hostile h = hostile();
  const ReportInput input = input_of(h.diagnostics, h.files, *registry);
  const json result = parsed_json(render("sarif", input))["runs"][0]["results"][0];
  CHECK(result["message"]["text"] == kHostileMessage);
  CHECK(result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] ==
        "dir/we%3Cird%26%22%3E%20%01%00%FF.sh");
  CHECK(result["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"] ==
        std::string(1, '\0') + kReplacement);
}

TEST_CASE("sarif passes the shared validator", "[report]") {
  if (std::system("command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1") != 0) {
    WARN("node or npm is not installed: validate-sarif.sh skipped");
    return;
  }
  const std::filesystem::path script =
      std::filesystem::path(DOCKVET_SOURCE_DIR) / ".." / "shared" / "sarif" / "validate-sarif.sh";
  if (!std::filesystem::exists(script)) {
    WARN("validate-sarif.sh not found at " << script.string() << ": skipped");
    return;
  }
  auto registry = test_registry();
  auto diagnostics = sample_diagnostics();
  const Hostile h = hostile();
  diagnostics.insert(diagnostics.end(), h.diagnostics.begin(), h.diagnostics.end());
  std::sort(diagnostics.begin(), diagnostics.end(), diagnostic_less);
  ReportInput input = input_of(diagnostics, {}, *registry);
  input.read_source = [](std::string_view file) -> std::optional<std::string> {
    if (file == "docker/Dockerfile") return "FROM ubuntu\n";
    return std::nullopt;
  };
  // Per process: two suites running at once (a Release and a sanitizer build, or two
  // checkouts) must not read each other's files.
  const auto dir = std::filesystem::temp_directory_path() /
                   ("dockvet-test-report-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const auto findings = dir / "dockvet-test-report.sarif";
  const auto clean = dir / "dockvet-test-report-clean.sarif";
  std::ofstream(findings, std::ios::binary) << render("sarif", input);
  std::ofstream(clean, std::ios::binary) << render("sarif", input_of({}, {}, *registry));
  const std::string log = (dir / "dockvet-test-report-validate.log").string();
  const std::string command = "'" + script.string() + "' '" + findings.string() + "' '" +
                              clean.string() + "' >'" + log + "' 2>&1";
  const int status = std::system(command.c_str());
  std::ifstream in(log);
  const std::string output((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  INFO(output);
  CHECK(status == 0);
  CHECK(output.find("PASS " + findings.string()) != std::string::npos);
  CHECK(output.find("PASS " + clean.string()) != std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST_CASE("github_line_hashes matches GitHub's fingerprinting", "[report]") {
  // Expected values from a JavaScript run of codeql-action's algorithm on the same bytes: CRLF,
  // indentation, repeated commands, invalid UTF-8, a non-BMP character and a lone CR.
  const std::string text =
      "FROM ubuntu\r\n  RUN  apt-get update\nRUN apt-get update\n\xff caf\xc3\xa9 \xf0\x9f\x90\xb3"
      "\rlast";
  CHECK(github_line_hashes(text) ==
        std::vector<std::string>{"8f74c7c1447e4c2e:1", "59428061cd8cc035:1", "ce0a85430c7599a9:1",
                                 "825c5b236c7cbe6d:1", "58429ecce5a8d0db:1"});
  CHECK(github_line_hashes("") == std::vector<std::string>{"c129715d7a2bc9a3:1"});
  CHECK(github_line_hashes(std::string(250, 'a') + "\n") ==
        std::vector<std::string>{"871f6af4d0d4dd7c:1", "c129715d7a2bc9a3:1"});
}

TEST_CASE("sarif writes GitHub's line hash when it has the file's text", "[report]") {
  auto registry = test_registry();
  const auto diagnostics = sample_diagnostics();
  ReportInput input = input_of(diagnostics, {}, *registry);
  const std::string dockerfile = "FROM ubuntu\nRUN true\n";
  int reads = 0;
  input.read_source = [&](std::string_view file) -> std::optional<std::string> {
    ++reads;
    if (file == "docker/Dockerfile") return dockerfile;
    return std::nullopt;
  };
  const json results = parsed_json(render("sarif", input))["runs"][0]["results"];
  CHECK(results[0]["partialFingerprints"]["primaryLocationLineHash"] ==
        github_line_hashes(dockerfile)[0]);
  CHECK(results[0]["partialFingerprints"].contains("dockvet/v1"));
  CHECK_FALSE(results[1]["partialFingerprints"].contains("primaryLocationLineHash"));
  CHECK(reads == 2);
}

TEST_CASE("codeclimate writes GitLab's code-quality issues", "[report]") {
  auto registry = test_registry();
  const auto diagnostics = sample_diagnostics();
  const ReportInput input = input_of(diagnostics, {}, *registry);
  const json issues = parsed_json(render("codeclimate", input));
  REQUIRE(issues.size() == 2);
  const json& first = issues[0];
  CHECK(first["type"] == "issue");
  CHECK(first["check_name"] == "DV300");
  CHECK(first["description"] == "FROM ubuntu names no tag");
  CHECK(first["severity"] == "major");
  CHECK(first["categories"] == json{"Bug Risk"});
  CHECK(first["location"]["path"] == "docker/Dockerfile");
  CHECK(first["location"]["lines"] == json{{"begin", 1}, {"end", 1}});
  CHECK(first["location"]["positions"] ==
        json{{"begin", {{"line", 1}, {"column", 6}}}, {"end", {{"line", 1}, {"column", 12}}}});
  CHECK(first["fingerprint"].get<std::string>().size() == 32);
  // An error that loses data is GitLab's highest severity.
  CHECK(issues[1]["severity"] == "blocker");
  CHECK(issues[1]["location"]["path"] == "scripts/run dev.sh");
  CHECK(issues[0]["fingerprint"] != issues[1]["fingerprint"]);
}

TEST_CASE("codeclimate fingerprints are unique per finding and stable across runs", "[report]") {
  auto registry = test_registry();
  const auto meta = quote_meta();
  const std::vector<Diagnostic> twice = {
      diagnostic(meta, "a.sh", {1, 1}, {1, 2}, "open quote", "'"),
      diagnostic(meta, "a.sh", {4, 1}, {4, 2}, "open quote", "'")};
  const std::vector<Diagnostic> shifted = {
      diagnostic(meta, "a.sh", {2, 1}, {2, 2}, "open quote", "'"),
      diagnostic(meta, "a.sh", {5, 1}, {5, 2}, "open quote", "'")};
  const json a = parsed_json(render("codeclimate", input_of(twice, {}, *registry)));
  const json b = parsed_json(render("codeclimate", input_of(shifted, {}, *registry)));
  CHECK(a[0]["fingerprint"] != a[1]["fingerprint"]);
  CHECK(a[0]["fingerprint"] == b[0]["fingerprint"]);
  CHECK(a[1]["fingerprint"] == b[1]["fingerprint"]);
  CHECK(a[0]["severity"] == "minor");
  CHECK(a[0]["categories"] == json{"Clarity"});
}

TEST_CASE("codeclimate and sonarqube stay valid whatever bytes the input holds", "[report]") {
  auto registry = test_registry();
  const Hostile h = hostile();
  const ReportInput input = input_of(h.diagnostics, h.files, *registry);
  const json issue = parsed_json(render("codeclimate", input))[0];
  CHECK(issue["description"] == kHostileMessage);
  CHECK(issue["location"]["path"] == kHostileFile);
  const json sonar = parsed_json(render("sonarqube", input))["issues"][0]["primaryLocation"];
  CHECK(sonar["message"] == kHostileMessage);
  CHECK(sonar["filePath"] == kHostileFile);
}

TEST_CASE("sonarqube writes the generic issue format with rules and 0-based columns", "[report]") {
  auto registry = test_registry();
  auto diagnostics = sample_diagnostics();
  // A finding whose range ends at the start of the next line, and an empty one.
  diagnostics.push_back(diagnostic(quote_meta(), "scripts/run dev.sh", {7, 9}, {8, 1},
                                   "the quote opened here is never closed", "'x\n"));
  diagnostics.push_back(diagnostic(quote_meta(), "scripts/run dev.sh", {9, 4}, {9, 4},
                                   "the quote opened here is never closed", ""));
  const ReportInput input = input_of(diagnostics, {}, *registry);
  const json report = parsed_json(render("sonarqube", input));
  const json& rules = report["rules"];
  REQUIRE(rules.size() == 3);  // only the rules that fired, in code order
  CHECK(rules[0]["id"] == "DV020");
  CHECK(rules[1]["id"] == "DV101");
  CHECK(rules[2]["id"] == "DV300");
  CHECK(rules[1]["name"] == "stateful-data-unmounted");
  CHECK(rules[1]["engineId"] == "dockvet");
  CHECK(rules[1]["cleanCodeAttribute"] == "COMPLETE");
  CHECK(rules[1]["impacts"] ==
        json::array({{{"softwareQuality", "RELIABILITY"}, {"severity", "HIGH"}}}));
  CHECK(rules[2]["cleanCodeAttribute"] == "LOGICAL");
  CHECK(rules[2]["impacts"] ==
        json::array({{{"softwareQuality", "MAINTAINABILITY"}, {"severity", "MEDIUM"}}}));
  CHECK(rules[1]["description"] ==
        "A stateful image runs without its data directory on a volume\n\nThe database writes "
        "into the container's writable layer, which goes away with it.\n\n"
        "https://github.com/dockvet/dockvet/blob/main/docs/rules/DV101.md");
  const json& issues = report["issues"];
  REQUIRE(issues.size() == 4);
  CHECK(issues[0]["ruleId"] == "DV300");
  CHECK(issues[0]["primaryLocation"] ==
        json{{"message", "FROM ubuntu names no tag"},
             {"filePath", "docker/Dockerfile"},
             {"textRange",
              {{"startLine", 1}, {"endLine", 1}, {"startColumn", 5}, {"endColumn", 11}}}});
  CHECK(issues[2]["primaryLocation"]["textRange"] == json{{"startLine", 7}, {"endLine", 7}});
  CHECK(issues[3]["primaryLocation"]["textRange"] == json{{"startLine", 9}, {"endLine", 9}});
}

TEST_CASE("summary_line counts findings by severity and files", "[report]") {
  auto registry = test_registry();
  const std::vector<std::string> twelve(12, "f");
  const std::vector<std::string> one = {"f"};
  CHECK(summary_line(input_of({}, twelve, *registry)) == "no findings in 12 files");
  auto diagnostics = sample_diagnostics();
  CHECK(summary_line(input_of(std::span(diagnostics).first(1), one, *registry)) ==
        "1 finding (1 warning) in 1 file");
  diagnostics.push_back(diagnostic(pin_tag_meta(), "x", {1, 1}, {1, 2}, "m", "s"));
  diagnostics.push_back(diagnostic(quote_meta(), "x", {1, 1}, {1, 2}, "m", "s"));
  diagnostics.push_back(diagnostic(quote_meta(), "x", {2, 1}, {2, 2}, "m", "s"));
  CHECK(summary_line(input_of(diagnostics, twelve, *registry)) ==
        "5 findings (1 error, 2 warnings, 2 info) in 12 files");
}

TEST_CASE("rule_page lays out a rule's metadata as markdown", "[report]") {
  CHECK(rule_page(unmounted_meta()) ==
        "# DV101: stateful-data-unmounted\n"
        "\n"
        "A stateful image runs without its data directory on a volume.\n"
        "\n"
        "Default severity: error. A finding means data can be lost.\n"
        "\n"
        "## Why is this bad?\n"
        "\n"
        "The database writes into the container's writable layer, which goes away with it.\n"
        "\n"
        "## Example\n"
        "\n"
        "```sh\n"
        "docker run -d postgres:17\n"
        "```\n"
        "\n"
        "## Use instead\n"
        "\n"
        "```sh\n"
        "docker run -d -v pgdata:/var/lib/postgresql/data postgres:17\n"
        "```\n"
        "\n"
        "## How to fix\n"
        "\n"
        "Mount a named volume or a host directory at the image's data directory.\n");
  CheckMeta pin = pin_tag_meta();
  pin.bad_example = "RUN echo ```\nFROM ubuntu\n";
  const std::string page = rule_page(pin);
  CHECK(page.find("Default severity: warning. Aliases: `DL3006`.\n") != std::string::npos);
  // A fence longer than any backtick run inside, so the example cannot close it.
  CHECK(page.find("````dockerfile\nRUN echo ```\nFROM ubuntu\n````\n") != std::string::npos);
  // Sections without metadata are left out.
  CHECK(rule_page(quote_meta()).find("## Example") == std::string::npos);
}

TEST_CASE("valid_utf8 replaces each ill-formed sequence with U+FFFD", "[report]") {
  const std::string r = kReplacement;
  CHECK(valid_utf8("plain \xC3\xA9 \xF0\x9F\x90\xB3") == "plain \xC3\xA9 \xF0\x9F\x90\xB3");
  CHECK(valid_utf8("\xC0\x80") == r + r);                  // overlong NUL
  CHECK(valid_utf8("\xE2\x82") == r);                      // truncated: one maximal subpart
  CHECK(valid_utf8("\xED\xA0\x80") == r + r + r);          // a surrogate
  CHECK(valid_utf8("\xF4\x90\x80\x80") == r + r + r + r);  // past U+10FFFF
  CHECK(valid_utf8(std::string("a\0b", 3)) == std::string("a\0b", 3));
}

TEST_CASE("printable and the XML escapes spell out what their output cannot hold", "[report]") {
  CHECK(printable(std::string("a\tb\nc\rd\x1b\x7f\0", 10) + "\xC2\x9B") ==
        "a\\tb\\nc\\rd\\x1b\\x7f\\x00\\x9b");
  CHECK(printable(" ~plain ASCII, space and tilde included~ ") ==
        " ~plain ASCII, space and tilde included~ ");
  CHECK(printable("caf\xC3\xA9\x7f") == "caf\xC3\xA9\\x7f");
  CHECK(xml_attribute("<a & \"b\" 'c'>\t\n\r\x01") ==
        "&lt;a &amp; &quot;b&quot; &apos;c&apos;&gt;&#9;&#10;&#13;");
  CHECK(xml_text("<a & \"b\">\t\n\x01\xEF\xBF\xBE") == "&lt;a &amp; \"b\"&gt;\t\n");
  CHECK(utf16_units("a\xC3\xA9\xF0\x9F\x90\xB3\xff") == u"a\u00E9\U0001F433\uFFFD");
  CHECK(percent_encode_path("dir/a b%c\xC3\xA9.sh") == "dir/a%20b%25c%C3%A9.sh");
}

TEST_CASE("repo_path makes paths relative to the source root", "[report]") {
  CHECK(repo_path("./a/../b/Dockerfile", "").path == "b/Dockerfile");
  CHECK(repo_path("/repo/x/Dockerfile", "/repo").path == "x/Dockerfile");
  CHECK(repo_path("/repo/x/Dockerfile", "/repo/").path == "x/Dockerfile");
  const RepoPath outside = repo_path("/elsewhere/Dockerfile", "/repo");
  CHECK(outside.path == "/elsewhere/Dockerfile");
  CHECK_FALSE(outside.relative);
  const RepoPath up = repo_path("../up/Dockerfile", "/repo/sub");
  CHECK(up.path == "/repo/up/Dockerfile");
  CHECK_FALSE(up.relative);
}

TEST_CASE("every format written file by file equals the same report written at once", "[report]") {
  auto registry = test_registry();
  auto diagnostics = sample_diagnostics();
  diagnostics.push_back(diagnostic(quote_meta(), "scripts/run dev.sh", {5, 1}, {5, 2}, "m", "s"));
  // Three files: one with a finding, one with two, and a clean one between them.
  const std::vector<std::string> files = {"docker/Dockerfile", "docker/clean.Dockerfile",
                                          "scripts/run dev.sh"};
  const std::vector<std::span<const Diagnostic>> per_file = {
      std::span(diagnostics).first(1), {}, std::span(diagnostics).subspan(1)};
  for (std::string_view format : formats()) {
    INFO(format);
    std::ostringstream whole;
    write_report(format, input_of(diagnostics, files, *registry), whole);
    std::ostringstream streamed;
    auto stream = open_report(format, input_of({}, {}, *registry), streamed);
    for (std::size_t i = 0; i < files.size(); ++i) stream->add_file(files[i], per_file[i]);
    stream->finish();
    CHECK(streamed.str() == whole.str());
  }
}

TEST_CASE("a streamed json report with no findings is an empty array", "[report]") {
  auto registry = test_registry();
  std::ostringstream out;
  auto stream = open_report("json", input_of({}, {}, *registry), out);
  stream->add_file("Dockerfile", {});
  stream->finish();
  CHECK(out.str() == "[]\n");
  CHECK_THROWS_AS(open_report("yaml", input_of({}, {}, *registry), out), std::invalid_argument);
}

TEST_CASE("a tally counts findings by severity across files", "[report]") {
  auto diagnostics = sample_diagnostics();
  Tally tally;
  tally.add(std::span(diagnostics).first(1));
  tally.add(std::span(diagnostics).subspan(1));
  tally.files = 3;
  CHECK(summary_line(tally) == "2 findings (1 error, 1 warning) in 3 files");
}

}  // namespace dockvet::report::testing
