// text and gnu: one finding per line, `file:line:col: severity: message [code]`.
//
// The gnu format is GCC's own shape, so the parsers that already read compiler output pick it
// up unchanged: vim's default 'errorformat' (%f:%l:%c:%m), Emacs compilation-mode and VS Code's
// "$gcc" problem matcher. GNU's coding standards also allow ranges ("file:1.5-1.9:"), but vim
// and VS Code do not parse those, so the end position is left out. Severities are GCC's:
// error, warning, and note for info and style.
#include <fmt/format.h>

#include "report/encoding.h"
#include "report/writers.h"

namespace dockvet::report::detail {
namespace {

constexpr std::string_view kReset = "\x1b[0m";
constexpr std::string_view kDim = "\x1b[2m";

std::string_view severity_color(Severity severity) {
  switch (severity) {
    case Severity::error: return "\x1b[1;31m";
    case Severity::warning: return "\x1b[1;33m";
    case Severity::info: return "\x1b[1;36m";
    case Severity::style: return "\x1b[1;35m";
  }
  return "";
}

void write_line(std::ostream& out, const Diagnostic& d, std::string_view severity,
                std::string_view severity_on, std::string_view code_on, std::string_view off) {
  out << fmt::format("{}:{}:{}: {}{}{}: {} {}[{}]{}\n", printable(d.file), d.start.line,
                     d.start.column, severity_on, severity, off, printable(d.message), code_on,
                     printable(d.code), off);
}

}  // namespace

void write_text(const ReportInput& input, std::ostream& out) {
  for (const Diagnostic& d : input.diagnostics) {
    if (input.color) {
      write_line(out, d, to_string(d.severity), severity_color(d.severity), kDim, kReset);
    } else {
      write_line(out, d, to_string(d.severity), "", "", "");
    }
  }
}

void write_gnu(const ReportInput& input, std::ostream& out) {
  for (const Diagnostic& d : input.diagnostics) {
    write_line(out, d, note_level(d.severity), "", "", "");
  }
}

}  // namespace dockvet::report::detail
