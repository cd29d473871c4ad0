#pragma once
// Applying findings' fixes: to text in memory, to a file on disk (atomically, and never to a
// file that changed since it was read), or as a unified diff. The result is linted again after
// every pass, and a fix that would introduce a finding, or leave its own in place, is dropped:
// `dockvet --fix` only ever removes findings.

#include <sys/types.h>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "core/discovery.h"
#include "core/engine.h"
#include "core/source.h"

namespace dockvet::fix {

/// The fixes `--fix` applies: the safe ones, or with `--unsafe-fixes` all of them.
struct FixPolicy {
  bool unsafe = false;
  /// Write the fixed text back to the file (--fix); false only computes it (--diff).
  bool write = true;
};

/// Whether the policy applies `fix`.
bool applies(const Fix& fix, const FixPolicy& policy);

/// `text` with every edit of `fixes` applied, where each fix is taken whole or not at all: a
/// fix one of whose edits overlaps an edit of a fix taken before it (in the given order) is
/// left out. Two insertions at one offset overlap too, since their order would be a guess.
struct Applied {
  std::string text;
  std::vector<std::size_t> taken;  // indexes into `fixes` of the fixes applied
};
Applied apply_fixes(std::string_view text, std::span<const Fix* const> fixes);

/// The outcome of fixing one text.
struct FixedText {
  std::string text;                   // the fixed text; the input when no fix applied
  std::size_t fixes = 0;              // fixes applied
  std::vector<Diagnostic> remaining;  // the findings of `text`
  bool converged = true;              // false when fixes still applied after the last pass allowed
};

/// The most passes of lint-and-fix for one file: every pass applies the fixes that do not
/// overlap, so a second pass takes what overlapped in the first (ruff iterates the same way).
inline constexpr int kMaxPasses = 10;

/// Lints `file`, applies the fixes the policy allows, lints again and repeats until no fix
/// applies or kMaxPasses. A pass whose fixes together introduce a finding (one that was not
/// there before, by code and message or code and text) or leave a fixed finding's count where
/// it was is redone one fix at a time, and the fixes that do so are not applied.
FixedText fix_source(const SourceFile& file, const LintPolicy& policy, const FixPolicy& fixing);

/// A file's contents and what its status said when they were read.
struct Snapshot {
  std::string text;
  int error = 0;  // errno of a failed read or stat
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
  mode_t mode = 0;
};
Snapshot snapshot(const std::string& path);

/// Replaces the contents of `path` with `text`, atomically: a temporary file beside the real
/// file (symlinks followed) gets the text and the old file's mode, then is renamed over it.
/// Refuses, and changes nothing, when the file is read-only or no longer what `read` saw (size,
/// modification time or contents). Returns the error message, or nothing on success.
std::optional<std::string> write_fixed(const std::string& path, const Snapshot& read,
                                       std::string_view text);

/// Reads, fixes and (with FixPolicy::write) writes one target. FileResult::diagnostics are the
/// findings left after fixing; a file that could not be written keeps its findings as read and
/// carries the reason in FileResult::fix_error.
FileResult fix_target(const LintTarget& target, const LintPolicy& policy, const FixPolicy& fixing);

/// A unified diff (3 lines of context, `--- PATH` / `+++ PATH` headers) that turns `before`
/// into `after`; empty when they are equal.
std::string unified_diff(std::string_view path, std::string_view before, std::string_view after);

}  // namespace dockvet::fix
