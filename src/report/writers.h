#pragma once
// The individual format writers behind write_report, and the small facts they share.

#include <ostream>
#include <string_view>

#include "report/report.h"

namespace dockvet::report::detail {

void write_text(const ReportInput& input, std::ostream& out);
void write_json(const ReportInput& input, std::ostream& out);
void write_gnu(const ReportInput& input, std::ostream& out);
void write_sarif(const ReportInput& input, std::ostream& out);
void write_checkstyle(const ReportInput& input, std::ostream& out);
void write_codeclimate(const ReportInput& input, std::ostream& out);
void write_junit(const ReportInput& input, std::ostream& out);
void write_sonarqube(const ReportInput& input, std::ostream& out);

/// One element of the json format's array, compact, as write_json writes it.
void write_json_finding(const Diagnostic& d, std::ostream& out);

/// The rule that reported `code`, or nullptr for a code no registered check has (the engine's
/// own findings, or a check that was not linked in).
const CheckMeta* rule_for(const Registry& registry, std::string_view code);

/// The three levels that SARIF, GCC and most editors know: error, warning, note.
std::string_view note_level(Severity severity);

}  // namespace dockvet::report::detail
