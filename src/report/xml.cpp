// The XML formats.
//
// checkstyle: Checkstyle's XML report (the 4.3 shape that ESLint, TSLint and ShellCheck write,
// which Jenkins, reviewdog and SonarQube's checkstyle import read): a <file> per linted file,
// clean ones included, with an <error> per finding. Severities are Checkstyle's: error,
// warning, info; `source` names the rule as "dockvet.<code>".
//
// junit: one <testsuite> with a <testcase> per linted file. A file with findings fails with
// one <failure> that lists them all, one per line, because JUnit's schema allows a testcase a
// single failure and CI servers show only the first.
#include <fmt/format.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "report/encoding.h"
#include "report/writers.h"

namespace dockvet::report::detail {
namespace {

constexpr std::string_view kDeclaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

std::string_view checkstyle_severity(Severity severity) {
  switch (severity) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::info:
    case Severity::style: return "info";
  }
  return "warning";
}

/// The files in report order: the linted ones, plus any a finding names that the list lacks.
std::vector<std::string> report_files(const ReportInput& input) {
  std::set<std::string> files(input.files.begin(), input.files.end());
  for (const Diagnostic& d : input.diagnostics) files.insert(d.file);
  return {files.begin(), files.end()};
}

/// The findings of each file, keyed by file name.
std::map<std::string, std::vector<const Diagnostic*>> by_file(const ReportInput& input) {
  std::map<std::string, std::vector<const Diagnostic*>> out;
  for (const Diagnostic& d : input.diagnostics) out[d.file].push_back(&d);
  return out;
}

std::string finding_line(const Diagnostic& d) {
  return fmt::format("{}:{}:{}: {}: {} [{}]", d.file, d.start.line, d.start.column,
                     to_string(d.severity), d.message, d.code);
}

}  // namespace

void write_checkstyle(const ReportInput& input, std::ostream& out) {
  const auto findings = by_file(input);
  out << kDeclaration << "<checkstyle version=\"4.3\">\n";
  for (const std::string& file : report_files(input)) {
    out << fmt::format("  <file name=\"{}\">\n", xml_attribute(file));
    if (auto it = findings.find(file); it != findings.end()) {
      for (const Diagnostic* d : it->second) {
        out << fmt::format(
            "    <error line=\"{}\" column=\"{}\" severity=\"{}\" message=\"{}\" "
            "source=\"dockvet.{}\"/>\n",
            d->start.line, d->start.column, checkstyle_severity(d->severity),
            xml_attribute(d->message), xml_attribute(d->code));
      }
    }
    out << "  </file>\n";
  }
  out << "</checkstyle>\n";
}

void write_junit(const ReportInput& input, std::ostream& out) {
  const auto findings = by_file(input);
  const std::vector<std::string> files = report_files(input);
  out << kDeclaration
      << fmt::format(
             "<testsuite name=\"dockvet\" tests=\"{}\" failures=\"{}\" errors=\"0\" "
             "skipped=\"0\" time=\"0\">\n",
             files.size(), findings.size());
  for (const std::string& file : files) {
    const std::string name = xml_attribute(file);
    auto it = findings.find(file);
    if (it == findings.end()) {
      out << fmt::format("  <testcase classname=\"dockvet\" name=\"{}\" time=\"0\"/>\n", name);
      continue;
    }
    const auto& list = it->second;
    out << fmt::format("  <testcase classname=\"dockvet\" name=\"{}\" time=\"0\">\n", name);
    out << fmt::format("    <failure message=\"{} finding{}\" type=\"dockvet\">", list.size(),
                       list.size() == 1 ? "" : "s");
    for (const Diagnostic* d : list) out << xml_text(printable(finding_line(*d))) << '\n';
    out << "</failure>\n  </testcase>\n";
  }
  out << "</testsuite>\n";
}

}  // namespace dockvet::report::detail
