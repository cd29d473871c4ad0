// sarif: SARIF 2.1.0 as GitHub code scanning takes it (see shared/sarif/github-code-scanning.md).
//
// Choices worth knowing:
// - tool.driver.rules lists every registered rule in code order, so a rule's index is the same
//   in every report of one release; a code no registered check has (an engine finding) gets a
//   descriptor appended after them.
// - URIs are repository-relative under %SRCROOT%, which is left undefined so that no local path
//   leaks into an uploaded file; a file outside the source root keeps an absolute file:// URI.
// - partialFingerprints carries dockvet's own "dockvet/v1" key (see stable_fingerprints), and
//   GitHub's primaryLocationLineHash when ReportInput::read_source gives the file's text;
//   without it, upload-sarif computes that one from the checkout.
// - Columns count UTF-16 code units, as every dockvet position does.
#include <fmt/format.h>

#include <map>

#include "report/encoding.h"
#include "report/github_line_hash.h"
#include "report/json_writers.h"
#include "report/location.h"
#include "report/writers.h"

namespace dockvet::report::detail {
namespace {

constexpr std::string_view kSchema = "https://json.schemastore.org/sarif-2.1.0.json";
constexpr std::string_view kFingerprintKey = "dockvet/v1";
// GitHub caps both descriptions at 1024 characters.
constexpr std::size_t kDescriptionLimit = 1000;

std::string limited(std::string_view text) {
  std::string out = valid_utf8(text);
  if (out.size() <= kDescriptionLimit) return out;
  std::size_t cut = kDescriptionLimit;
  while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
  out.resize(cut);
  return out + "...";
}

std::string_view problem_severity(Severity severity) {
  switch (severity) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::info:
    case Severity::style: return "recommendation";
  }
  return "warning";
}

// GitHub reads security-severity as critical > 9.0, high 7.0-8.9, medium 4.0-6.9, low below.
// Losing data is at least medium; an error-level data-loss rule is high.
std::string_view security_severity(Severity severity) {
  switch (severity) {
    case Severity::error: return "8.0";
    case Severity::warning: return "6.0";
    case Severity::info:
    case Severity::style: return "4.0";
  }
  return "6.0";
}

Json rule_tags(const CheckMeta& meta) {
  Json tags = Json::array();
  if (meta.code.starts_with("DL")) tags.push_back("dockerfile");
  if (meta.code.starts_with("DV0")) tags.push_back("input");
  if (meta.code.starts_with("DV1")) tags.push_back("data-persistence");
  if (meta.data_loss) {
    tags.push_back("data-loss");
    tags.push_back("security");
  }
  if (meta.severity == Severity::style) tags.push_back("style");
  return tags;
}

std::string plain_help(const CheckMeta& meta) {
  std::string help = valid_utf8(meta.fix.empty() ? meta.summary : meta.fix);
  if (!meta.good_example.empty()) help += "\n\nExample:\n" + valid_utf8(meta.good_example);
  return help;
}

Json rule_descriptor(const CheckMeta& meta) {
  const std::string summary = limited(meta.summary.empty() ? meta.name : meta.summary);
  Json properties{{"tags", rule_tags(meta)},
                  {"precision", "high"},
                  {"problem.severity", problem_severity(meta.severity)}};
  if (meta.data_loss) properties["security-severity"] = security_severity(meta.severity);
  return Json{
      {"id", valid_utf8(meta.code)},
      {"name", valid_utf8(meta.name)},
      {"shortDescription", {{"text", summary}}},
      {"fullDescription", {{"text", meta.rationale.empty() ? summary : limited(meta.rationale)}}},
      {"help", {{"text", plain_help(meta)}, {"markdown", valid_utf8(rule_page(meta))}}},
      {"helpUri", rule_help_url(valid_utf8(meta.code))},
      {"defaultConfiguration", {{"level", note_level(meta.severity)}}},
      {"properties", properties}};
}

/// A descriptor for a code no registered check owns, built from its first finding.
Json unregistered_descriptor(const Diagnostic& d) {
  const std::string name = valid_utf8(d.name.empty() ? d.code : d.name);
  return Json{{"id", valid_utf8(d.code)},
              {"name", name},
              {"shortDescription", {{"text", name}}},
              {"fullDescription", {{"text", name}}},
              {"help", {{"text", name}}},
              {"defaultConfiguration", {{"level", note_level(d.severity)}}}};
}

/// The rules array and each code's index in it.
struct RuleTable {
  Json rules = Json::array();
  std::map<std::string, std::size_t> index;
};

RuleTable rule_table(const ReportInput& input) {
  RuleTable table;
  for (const auto& check : input.registry.checks()) {
    const CheckMeta& meta = check->meta();
    if (table.index.contains(std::string(meta.code))) continue;
    table.index.emplace(std::string(meta.code), table.rules.size());
    table.rules.push_back(rule_descriptor(meta));
  }
  for (const Diagnostic& d : input.diagnostics) {
    if (table.index.contains(d.code)) continue;
    table.index.emplace(d.code, table.rules.size());
    table.rules.push_back(unregistered_descriptor(d));
  }
  return table;
}

Json region(Position start, Position end) {
  start.line = std::max<std::uint32_t>(start.line, 1);
  start.column = std::max<std::uint32_t>(start.column, 1);
  if (end < start) end = start;
  return Json{{"startLine", start.line},
              {"startColumn", start.column},
              {"endLine", end.line},
              {"endColumn", std::max<std::uint32_t>(end.column, 1)}};
}

Json artifact_location(const RepoPath& path) {
  Json location{{"uri", artifact_uri(path)}};
  if (path.relative) location["uriBaseId"] = "%SRCROOT%";
  return location;
}

// Every edit of a fix is in the one file the finding is in: one artifactChange.
Json fix_json(const Fix& fix, const Json& location) {
  Json replacements = Json::array();
  for (const Edit& edit : fix.edits) {
    replacements.push_back({{"deletedRegion", region(edit.start, edit.end)},
                            {"insertedContent", {{"text", valid_utf8(edit.replacement)}}}});
  }
  Json change{{"artifactLocation", location}, {"replacements", std::move(replacements)}};
  Json out;
  if (!fix.description.empty()) out["description"] = {{"text", valid_utf8(fix.description)}};
  out["artifactChanges"] = Json::array({change});
  out["properties"] = {{"safe", fix.safe}};
  return out;
}

std::string message_text(const Diagnostic& d) {
  // GitHub needs a non-empty message; an empty one would reject the whole file.
  std::string text = valid_utf8(d.message);
  return text.empty() ? valid_utf8(d.name.empty() ? d.code : d.name) : text;
}

/// GitHub's line hashes of each file, computed once per file that has findings.
class LineHashes {
 public:
  explicit LineHashes(const SourceReader& read) : read_(read) {}

  std::optional<std::string> at(const std::string& file, std::uint32_t line) {
    if (!read_) return std::nullopt;
    auto it = by_file_.find(file);
    if (it == by_file_.end()) {
      std::optional<std::string> text = read_(file);
      it = by_file_.emplace(file, text ? github_line_hashes(*text) : std::vector<std::string>{})
               .first;
    }
    if (line == 0 || line > it->second.size()) return std::nullopt;
    return it->second[line - 1];
  }

 private:
  const SourceReader& read_;
  std::map<std::string, std::vector<std::string>> by_file_;
};

Json result_json(const Diagnostic& d, const ReportInput& input, std::size_t rule_index,
                 const std::string& fingerprint, LineHashes& line_hashes) {
  const Json location = artifact_location(repo_path(d.file, input.source_root));
  Json physical{{"artifactLocation", location}, {"region", region(d.start, d.end)}};
  Json result{{"ruleId", valid_utf8(d.code)},
              {"ruleIndex", rule_index},
              {"level", note_level(d.severity)},
              {"message", {{"text", message_text(d)}}},
              {"locations", Json::array({{{"physicalLocation", physical}}})},
              {"partialFingerprints", {{kFingerprintKey, fingerprint}}}};
  if (auto hash = line_hashes.at(d.file, std::max<std::uint32_t>(d.start.line, 1))) {
    result["partialFingerprints"]["primaryLocationLineHash"] = *hash;
  }
  if (d.fix) result["fixes"] = Json::array({fix_json(*d.fix, location)});
  return result;
}

}  // namespace

void write_sarif(const ReportInput& input, std::ostream& out) {
  RuleTable table = rule_table(input);
  const std::vector<std::string> fingerprints =
      stable_fingerprints(input.diagnostics, input.source_root);
  LineHashes line_hashes(input.read_source);
  Json results = Json::array();
  for (std::size_t i = 0; i < input.diagnostics.size(); ++i) {
    const Diagnostic& d = input.diagnostics[i];
    results.push_back(result_json(d, input, table.index.at(d.code), fingerprints[i], line_hashes));
  }
  const std::string version = valid_utf8(input.tool_version);
  Json driver{{"name", "dockvet"}};
  if (!version.empty()) {
    driver["version"] = version;
    const std::string semantic = valid_utf8(input.tool_semantic_version);
    driver["semanticVersion"] = semantic.empty() ? version : semantic;
  }
  driver["informationUri"] = kInformationUri;
  driver["rules"] = std::move(table.rules);
  Json run{{"tool", {{"driver", std::move(driver)}}},
           {"columnKind", "utf16CodeUnits"},
           {"results", std::move(results)}};
  Json log{{"$schema", kSchema}, {"version", "2.1.0"}, {"runs", Json::array({std::move(run)})}};
  write_json_document(log, 2, out);
}

}  // namespace dockvet::report::detail
