#pragma once
// The engine: reads a file, runs the front ends that its kind needs, hands the facts to every
// enabled check, and streams results out in a deterministic order while files are linted in
// parallel.

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/check.h"
#include "core/diagnostic.h"
#include "core/discovery.h"
#include "core/source.h"

namespace dockvet {

namespace config {
struct Settings;
}

/// How one run decides what to report. The default runs every check at its default severity,
/// honours ignore pragmas and uses the built-in catalog.
struct LintPolicy {
  const config::Settings* settings = nullptr;  // rule selection, severities, pragma switch
  const catalog::Catalog* catalog = nullptr;   // the built-in one merged with the config's
  bool report_unused_ignores = false;          // turn pragmas that silenced nothing into DV003
  /// Parse every Dockerfile RUN body, even those no check reads (stateful::RunCommandsWanted).
  /// Slower, never different: the tests use it to show that skipping costs no finding.
  bool parse_every_run_body = false;
  /// Variables a compose file interpolates besides its `.env`: with --compose-env, the process
  /// environment (as `docker compose` would see it); empty by default, so that results do not
  /// depend on the shell dockvet runs in.
  const std::map<std::string, std::string, std::less<>>* compose_environment = nullptr;
};

/// What fixing (fix::fix_target) did to one file's text.
struct FileFixes {
  std::string before;
  std::string after;
  std::size_t count = 0;  // fixes applied
  bool converged = true;  // false when fixes still applied after the last pass allowed
};

/// The outcome of linting one file.
struct FileResult {
  std::string path;
  std::vector<Diagnostic> diagnostics;   // sorted with diagnostic_less
  std::optional<std::string> error;      // the file could not be read: "PATH: reason"
  std::optional<FileFixes> fixed;        // set when fixing changed the text
  std::optional<std::string> fix_error;  // the fixed text could not be written: "PATH: reason"
};

/// Lints text that is already in memory (stdin, tests).
FileResult lint_source(const SourceFile& file, const LintPolicy& policy);

/// Reads and lints one file; a read failure becomes FileResult::error, never an exception.
FileResult lint_target(const LintTarget& target, const LintPolicy& policy);

/// Lints every target on `threads` workers (0: one per core) and calls `sink` once per target,
/// on the calling thread, in the order of `targets`, holding only a bounded window of finished
/// results in memory. `work` replaces lint_target for each target when given (fixing does).
void lint_all(const std::vector<LintTarget>& targets, const LintPolicy& policy, unsigned threads,
              const std::function<void(FileResult&&)>& sink,
              const std::function<FileResult(const LintTarget&)>& work = {});

}  // namespace dockvet
