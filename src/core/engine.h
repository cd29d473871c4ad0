#pragma once
// The engine: reads a file, runs the front ends that its kind needs, hands the facts to every
// enabled check, and streams results out in a deterministic order while files are linted in
// parallel.

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/check.h"
#include "core/diagnostic.h"
#include "core/discovery.h"
#include "core/source.h"

namespace dockvet {

/// How one run decides what to report. Every member is optional: the default runs every check.
struct LintPolicy {
  /// Whether a check runs on a file (path as discovered). Null means every check runs.
  std::function<bool(const CheckMeta&, const std::string& path)> check_enabled;
  /// Filters and adjusts a file's findings after the checks ran (config overrides, pragmas).
  /// Null keeps them as they are.
  std::function<void(const SourceFile&, std::vector<Diagnostic>&)> post_process;
  const catalog::Catalog* catalog = nullptr;  // null means the built-in catalog
};

/// The outcome of linting one file.
struct FileResult {
  std::string path;
  std::vector<Diagnostic> diagnostics;  // sorted with diagnostic_less
  std::optional<std::string> error;     // the file could not be read: "PATH: reason"
};

/// Lints text that is already in memory (stdin, tests).
FileResult lint_source(const SourceFile& file, const LintPolicy& policy);

/// Reads and lints one file; a read failure becomes FileResult::error, never an exception.
FileResult lint_target(const LintTarget& target, const LintPolicy& policy);

/// Lints every target on `threads` workers (0: one per core) and calls `sink` once per target,
/// on the calling thread, in the order of `targets`, holding only a bounded window of finished
/// results in memory.
void lint_all(const std::vector<LintTarget>& targets, const LintPolicy& policy, unsigned threads,
              const std::function<void(FileResult&&)>& sink);

}  // namespace dockvet
