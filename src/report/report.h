#pragma once
// The reporters: they turn sorted diagnostics into the formats that people, editors and CI
// services read (text, JSON, GNU, SARIF, Checkstyle, Code Climate, JUnit, SonarQube), and they
// generate each rule's documentation page from its metadata.

#include <array>
#include <functional>
#include <memory>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>

#include "core/check.h"
#include "core/diagnostic.h"

namespace dockvet::report {

/// Where the published rule pages live; a rule's page is kRuleDocsBase + CODE + ".md".
inline constexpr std::string_view kRuleDocsBase =
    "https://github.com/dockvet/dockvet/blob/main/docs/rules/";
/// The project home that SARIF names as the tool's informationUri.
inline constexpr std::string_view kInformationUri = "https://github.com/dockvet/dockvet";

/// Gives the text a file had when it was linted (as the diagnostics name it), or nullopt.
using SourceReader = std::function<std::optional<std::string>(std::string_view file)>;

/// Everything one report is made of. The reporters never open files: what they print about the
/// source comes from the diagnostics (positions, snippets), the rules' metadata and, for SARIF's
/// line hashes only, `read_source`.
struct ReportInput {
  std::span<const Diagnostic> diagnostics;  // already sorted by file, line, column, code
  std::span<const std::string> files;       // every file linted (junit needs the clean ones too)
  const Registry& registry;                 // rule metadata: every registered check
  std::string tool_version;                 // what `dockvet --version` prints
  bool color = false;                       // text only; the CLI decides (TTY, NO_COLOR)
  std::string source_root;                  // paths in the input are relative to this (or absolute)
  // Optional. With it, sarif also writes GitHub's primaryLocationLineHash, which the upload-sarif
  // action would compute from the checkout but the REST API does not (duplicate alerts).
  SourceReader read_source = {};
  // SARIF's semanticVersion (SemVer 2.0); tool_version when empty.
  std::string tool_semantic_version = {};
};

/// The formats write_report knows, in the order --help lists them.
std::span<const std::string_view> formats();

/// Writes one report. Throws std::invalid_argument for an unknown format.
void write_report(std::string_view format, const ReportInput& input, std::ostream& out);

/// A report written while the files are linted, one file's findings at a time. The text, gnu
/// and json formats write each file's findings as they arrive, so a run never holds more than
/// one file's findings for them; the formats whose document needs totals or cross-file tables
/// (sarif, checkstyle, codeclimate, junit, sonarqube) collect and write at finish().
class ReportStream {
 public:
  virtual ~ReportStream() = default;
  /// One linted file and its findings, sorted; files arrive in output order.
  virtual void add_file(const std::string& file, std::span<const Diagnostic> diagnostics) = 0;
  /// Writes whatever the format still owes (closing brackets, a whole buffered document).
  virtual void finish() = 0;
};

/// Opens a report in `format` on `out`; `context` gives everything but the diagnostics and
/// the files, which it must leave empty. Throws std::invalid_argument for an unknown format.
std::unique_ptr<ReportStream> open_report(std::string_view format, const ReportInput& context,
                                          std::ostream& out);

/// What the summary line counts.
struct Tally {
  std::array<std::size_t, 4> by_severity{};  // indexed by Severity
  std::size_t files = 0;

  void add(std::span<const Diagnostic> diagnostics);
};

/// One summary line for stderr ("3 findings (1 error, 2 warnings) in 12 files").
std::string summary_line(const Tally& tally);
std::string summary_line(const ReportInput& input);

/// Rule documentation page (markdown) generated from metadata, used by --explain and by the
/// docs target.
std::string rule_page(const CheckMeta& meta);

/// The family a rule code belongs to, for grouping: "DV0" input and syntax, "DV1" data
/// persistence, "DL" hadolint's best practices, "SC" shell, "BK" BuildKit's build checks.
struct RuleFamily {
  std::string_view prefix;
  std::string_view title;
};
const RuleFamily& rule_family(std::string_view code);
/// Every family in display order.
std::span<const RuleFamily> rule_families();

/// docs/rules/README.md: every rule, grouped by family, with its severity and summary.
std::string rule_index(std::span<const std::unique_ptr<Check>> checks);

/// The URL of a rule's documentation page.
std::string rule_help_url(std::string_view code);

}  // namespace dockvet::report
