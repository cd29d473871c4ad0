// json: one array of findings. The fields hadolint's --format json writes (file, line, column,
// level, code, message) keep their names and meaning, so editor integrations written for
// hadolint keep working; dockvet adds the end position, the rule name, the help page and the fix.
#include "report/encoding.h"
#include "report/json_writers.h"
#include "report/writers.h"

namespace dockvet::report::detail {

Json json_text(std::string_view bytes) {
  return Json(valid_utf8(bytes));
}

void write_json_document(const Json& document, int indent, std::ostream& out) {
  // The values are valid UTF-8 already; `replace` is the second line of defence.
  out << document.dump(indent, ' ', false, Json::error_handler_t::replace) << '\n';
}

namespace {

Json fix_json(const Fix& fix) {
  Json edits = Json::array();
  for (const Edit& edit : fix.edits) {
    edits.push_back({{"replacement", json_text(edit.replacement)},
                     {"span",
                      {{"line", edit.start.line},
                       {"column", edit.start.column},
                       {"end_line", edit.end.line},
                       {"end_column", edit.end.column},
                       {"offset", edit.range.begin},
                       {"end_offset", edit.range.end}}}});
  }
  return Json{
      {"description", json_text(fix.description)}, {"safe", fix.safe}, {"edits", std::move(edits)}};
}

Json finding_json(const Diagnostic& d) {
  Json finding{{"file", json_text(d.file)},  {"line", d.start.line},
               {"column", d.start.column},   {"end_line", d.end.line},
               {"end_column", d.end.column}, {"level", to_string(d.severity)},
               {"code", json_text(d.code)},  {"message", json_text(d.message)},
               {"rule", json_text(d.name)},  {"help_url", rule_help_url(valid_utf8(d.code))}};
  if (d.fix) finding["fix"] = fix_json(*d.fix);
  return finding;
}

}  // namespace

void write_json_finding(const Diagnostic& d, std::ostream& out) {
  out << finding_json(d).dump(-1, ' ', false, Json::error_handler_t::replace);
}

void write_json(const ReportInput& input, std::ostream& out) {
  Json findings = Json::array();
  for (const Diagnostic& d : input.diagnostics) findings.push_back(finding_json(d));
  write_json_document(findings, -1, out);
}

}  // namespace dockvet::report::detail
