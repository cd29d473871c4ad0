#include "report/report.h"

#include <fmt/format.h>

#include <array>
#include <stdexcept>
#include <vector>

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

const Format& find_format(std::string_view name) {
  for (const Format& f : kFormats) {
    if (f.name == name) return f;
  }
  throw std::invalid_argument(
      fmt::format("unknown report format '{}' (known: {})", name, fmt::join(kFormatNames, ", ")));
}

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
  find_format(format).write(input, out);
}

void Tally::add(std::span<const Diagnostic> diagnostics) {
  for (const Diagnostic& d : diagnostics) ++by_severity[static_cast<int>(d.severity)];
}

std::string summary_line(const Tally& tally) {
  std::size_t total = 0;
  for (std::size_t n : tally.by_severity) total += n;
  const std::string in_files =
      fmt::format("in {} file{}", tally.files, tally.files == 1 ? "" : "s");
  if (total == 0) return "no findings " + in_files;
  std::string parts;
  for (Severity s : {Severity::error, Severity::warning, Severity::info, Severity::style}) {
    const std::size_t n = tally.by_severity[static_cast<int>(s)];
    if (n == 0) continue;
    if (!parts.empty()) parts += ", ";
    parts += count_of(n, s);
  }
  return fmt::format("{} finding{} ({}) {}", total, total == 1 ? "" : "s", parts, in_files);
}

std::string summary_line(const ReportInput& input) {
  Tally tally;
  tally.add(input.diagnostics);
  tally.files = input.files.size();
  return summary_line(tally);
}

namespace {

// Formats with one line per finding: each file's findings are the writer's whole output for
// that file.
class LineStream final : public ReportStream {
 public:
  LineStream(Writer write, const ReportInput& context, std::ostream& out)
      : write_(write), context_(context), out_(out) {}
  void add_file(const std::string& file, std::span<const Diagnostic> diagnostics) override {
    ReportInput input = context_;
    input.diagnostics = diagnostics;
    const std::string files[] = {file};
    input.files = files;
    write_(input, out_);
  }
  void finish() override { out_.flush(); }

 private:
  Writer write_;
  ReportInput context_;
  std::ostream& out_;
};

// The json format's array, one element at a time; the bytes equal write_json's.
class JsonArrayStream final : public ReportStream {
 public:
  explicit JsonArrayStream(std::ostream& out) : out_(out) {}
  void add_file(const std::string&, std::span<const Diagnostic> diagnostics) override {
    for (const Diagnostic& d : diagnostics) {
      out_ << (empty_ ? "[" : ",");
      empty_ = false;
      detail::write_json_finding(d, out_);
    }
  }
  void finish() override {
    out_ << (empty_ ? "[]" : "]") << '\n';
    out_.flush();
  }

 private:
  std::ostream& out_;
  bool empty_ = true;
};

// Formats whose document needs every finding first: collected, written at the end.
class BufferedStream final : public ReportStream {
 public:
  BufferedStream(Writer write, const ReportInput& context, std::ostream& out)
      : write_(write), context_(context), out_(out) {}
  void add_file(const std::string& file, std::span<const Diagnostic> diagnostics) override {
    files_.push_back(file);
    diagnostics_.insert(diagnostics_.end(), diagnostics.begin(), diagnostics.end());
  }
  void finish() override {
    ReportInput input = context_;
    input.diagnostics = diagnostics_;
    input.files = files_;
    write_(input, out_);
    out_.flush();
  }

 private:
  Writer write_;
  ReportInput context_;
  std::ostream& out_;
  std::vector<std::string> files_;
  std::vector<Diagnostic> diagnostics_;
};

}  // namespace

std::unique_ptr<ReportStream> open_report(std::string_view format, const ReportInput& context,
                                          std::ostream& out) {
  const Format& found = find_format(format);
  if (format == "text" || format == "gnu") {
    return std::make_unique<LineStream>(found.write, context, out);
  }
  if (format == "json") return std::make_unique<JsonArrayStream>(out);
  return std::make_unique<BufferedStream>(found.write, context, out);
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
