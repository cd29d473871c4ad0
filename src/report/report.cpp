#include "report/report.h"

#include <fmt/format.h>

#include <array>
#include <stdexcept>

#include "report/writers.h"

namespace dockvet::report {
namespace {

using Writer = void (*)(const ReportInput&, std::ostream&);

struct Format {
  std::string_view name;
  Writer write;
};

constexpr std::array kFormats = {
    Format{"text", detail::write_text},
    Format{"json", detail::write_json},
    Format{"gnu", detail::write_gnu},
    Format{"sarif", detail::write_sarif},
    Format{"checkstyle", detail::write_checkstyle},
    Format{"codeclimate", detail::write_codeclimate},
    Format{"junit", detail::write_junit},
    Format{"sonarqube", detail::write_sonarqube},
};

constexpr auto kFormatNames = [] {
  std::array<std::string_view, kFormats.size()> names{};
  for (std::size_t i = 0; i < kFormats.size(); ++i) names[i] = kFormats[i].name;
  return names;
}();

/// "1 error", "2 warnings", "3 info": info and style read as uncountable.
std::string count_of(std::size_t n, Severity severity) {
  const bool countable = severity == Severity::error || severity == Severity::warning;
  return fmt::format("{} {}{}", n, to_string(severity), countable && n != 1 ? "s" : "");
}

}  // namespace

std::span<const std::string_view> formats() {
  return kFormatNames;
}

void write_report(std::string_view format, const ReportInput& input, std::ostream& out) {
  for (const Format& f : kFormats) {
    if (f.name == format) {
      f.write(input, out);
      return;
    }
  }
  throw std::invalid_argument(
      fmt::format("unknown report format '{}' (known: {})", format, fmt::join(kFormatNames, ", ")));
}

std::string summary_line(const ReportInput& input) {
  std::array<std::size_t, 4> by_severity{};
  for (const Diagnostic& d : input.diagnostics) ++by_severity[static_cast<int>(d.severity)];
  const std::size_t total = input.diagnostics.size();
  const std::size_t files = input.files.size();
  const std::string in_files = fmt::format("in {} file{}", files, files == 1 ? "" : "s");
  if (total == 0) return "no findings " + in_files;
  std::string parts;
  for (Severity s : {Severity::error, Severity::warning, Severity::info, Severity::style}) {
    const std::size_t n = by_severity[static_cast<int>(s)];
    if (n == 0) continue;
    if (!parts.empty()) parts += ", ";
    parts += count_of(n, s);
  }
  return fmt::format("{} finding{} ({}) {}", total, total == 1 ? "" : "s", parts, in_files);
}

std::string rule_help_url(std::string_view code) {
  return fmt::format("{}{}.md", kRuleDocsBase, code);
}

namespace detail {

const CheckMeta* rule_for(const Registry& registry, std::string_view code) {
  for (const auto& check : registry.checks()) {
    if (check->meta().code == code) return &check->meta();
  }
  const Check* by_alias = registry.find(code);
  return by_alias ? &by_alias->meta() : nullptr;
}

std::string_view note_level(Severity severity) {
  switch (severity) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::info:
    case Severity::style: return "note";
  }
  return "warning";
}

}  // namespace detail
}  // namespace dockvet::report
