// codeclimate: the Code Climate issue list that GitLab reads as a code-quality report
// (artifacts:reports:codequality). GitLab needs description, check_name, fingerprint, severity
// (info, minor, major, critical, blocker), location.path relative to the repository and a
// start line, which it takes from location.lines.begin or location.positions.begin.line; both
// are written, so older GitLab versions get lines and newer ones columns too.
#include "report/json_writers.h"
#include "report/location.h"
#include "report/writers.h"

namespace dockvet::report::detail {
namespace {

std::string_view gitlab_severity(Severity severity, bool data_loss) {
  switch (severity) {
    case Severity::error: return data_loss ? "blocker" : "critical";
    case Severity::warning: return data_loss ? "critical" : "major";
    case Severity::info: return "minor";
    case Severity::style: return "info";
  }
  return "major";
}

std::string_view category(Severity severity) {
  switch (severity) {
    case Severity::error:
    case Severity::warning: return "Bug Risk";
    case Severity::info: return "Clarity";
    case Severity::style: return "Style";
  }
  return "Bug Risk";
}

Json position(Position p) {
  return Json{{"line", p.line}, {"column", p.column}};
}

}  // namespace

void write_codeclimate(const ReportInput& input, std::ostream& out) {
  const std::vector<std::string> fingerprints =
      stable_fingerprints(input.diagnostics, input.source_root);
  Json issues = Json::array();
  for (std::size_t i = 0; i < input.diagnostics.size(); ++i) {
    const Diagnostic& d = input.diagnostics[i];
    const CheckMeta* rule = rule_for(input.registry, d.code);
    const bool data_loss = rule && rule->data_loss;
    const Position end = d.end < d.start ? d.start : d.end;
    Json location{{"path", json_text(repo_path(d.file, input.source_root).path)},
                  {"lines", {{"begin", d.start.line}, {"end", end.line}}},
                  {"positions", {{"begin", position(d.start)}, {"end", position(end)}}}};
    issues.push_back(Json{{"type", "issue"},
                          {"check_name", json_text(d.code)},
                          {"description", json_text(d.message)},
                          {"categories", Json::array({category(d.severity)})},
                          {"severity", gitlab_severity(d.severity, data_loss)},
                          // GitLab keeps one issue per fingerprint, so it must be unique: the
                          // occurrence counter is part of what is hashed.
                          {"fingerprint", stable_hash(fingerprints[i])},
                          {"location", std::move(location)}});
  }
  write_json_document(issues, 2, out);
}

}  // namespace dockvet::report::detail
