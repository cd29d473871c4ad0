// sonarqube: SonarQube's generic issue import format (sonar.externalIssuesReportPaths) in the
// shape it has had since 10.3: a top-level `rules` array whose entries carry a Clean Code
// attribute and impacts, and `issues` that point at them by ruleId. Unlike every other format
// here, textRange columns are 0-based; lines are 1-based.
#include <map>

#include "report/json_writers.h"
#include "report/location.h"
#include "report/writers.h"

namespace dockvet::report::detail {
namespace {

constexpr std::string_view kEngine = "dockvet";

std::string_view clean_code_attribute(const CheckMeta& meta) {
  if (meta.data_loss) return "COMPLETE";
  if (meta.severity == Severity::style) return "CONVENTIONAL";
  return "LOGICAL";
}

std::string_view software_quality(Severity severity, bool data_loss) {
  return data_loss || severity == Severity::error ? "RELIABILITY" : "MAINTAINABILITY";
}

std::string_view impact_severity(Severity severity) {
  switch (severity) {
    case Severity::error: return "HIGH";
    case Severity::warning: return "MEDIUM";
    case Severity::info:
    case Severity::style: return "LOW";
  }
  return "MEDIUM";
}

Json impacts(Severity severity, bool data_loss) {
  return Json::array({{{"softwareQuality", software_quality(severity, data_loss)},
                       {"severity", impact_severity(severity)}}});
}

Json rule_json(const CheckMeta& meta) {
  std::string description(meta.summary);
  if (!meta.rationale.empty()) description += "\n\n" + std::string(meta.rationale);
  description += "\n\n" + rule_help_url(meta.code);
  return Json{{"id", json_text(meta.code)},
              {"name", json_text(meta.name)},
              {"description", json_text(description)},
              {"engineId", kEngine},
              {"cleanCodeAttribute", clean_code_attribute(meta)},
              {"impacts", impacts(meta.severity, meta.data_loss)}};
}

Json unregistered_rule_json(const Diagnostic& d) {
  return Json{{"id", json_text(d.code)},
              {"name", json_text(d.name.empty() ? d.code : d.name)},
              {"description", json_text(d.name.empty() ? d.code : d.name)},
              {"engineId", kEngine},
              {"cleanCodeAttribute", "LOGICAL"},
              {"impacts", impacts(d.severity, false)}};
}

/// Sonar rejects a range whose end is not after its start, and a range ending at column 1 of
/// the next line may point past the last line; those keep only their lines.
Json text_range(Position start, Position end) {
  start.line = std::max<std::uint32_t>(start.line, 1);
  start.column = std::max<std::uint32_t>(start.column, 1);
  if (end.line > start.line && end.column <= 1) {
    return Json{{"startLine", start.line}, {"endLine", end.line - 1}};
  }
  if (end <= start) return Json{{"startLine", start.line}, {"endLine", start.line}};
  return Json{{"startLine", start.line},
              {"endLine", end.line},
              {"startColumn", start.column - 1},
              {"endColumn", end.column - 1}};
}

}  // namespace

void write_sonarqube(const ReportInput& input, std::ostream& out) {
  // Only the rules that fired, in code order: Sonar creates an external rule for each one.
  std::map<std::string, const Diagnostic*> first_by_code;
  for (const Diagnostic& d : input.diagnostics) first_by_code.emplace(d.code, &d);
  Json rules = Json::array();
  for (const auto& [code, first] : first_by_code) {
    const CheckMeta* rule = rule_for(input.registry, code);
    rules.push_back(rule && rule->code == code ? rule_json(*rule) : unregistered_rule_json(*first));
  }
  Json issues = Json::array();
  for (const Diagnostic& d : input.diagnostics) {
    Json location{{"message", json_text(d.message.empty() ? d.code : d.message)},
                  {"filePath", json_text(repo_path(d.file, input.source_root).path)},
                  {"textRange", text_range(d.start, d.end)}};
    issues.push_back(Json{{"ruleId", json_text(d.code)}, {"primaryLocation", location}});
  }
  write_json_document(Json{{"rules", std::move(rules)}, {"issues", std::move(issues)}}, 2, out);
}

}  // namespace dockvet::report::detail
