#pragma once
// What a check reports: a finding with an exact span, a message and an optional fix.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/source.h"

namespace dockvet {

enum class Severity { error = 0, warning = 1, info = 2, style = 3 };

std::string_view to_string(Severity severity);
/// Parses "error", "warning", "info", "style" (case-insensitive); nullopt otherwise.
std::optional<Severity> severity_from_string(std::string_view name);

/// One text edit: replace `range` of the file's bytes with `replacement`; an empty range inserts.
struct Edit {
  ByteRange range;
  std::string replacement;
  // Filled in by the engine from `range`.
  Position start;
  Position end;
};

/// A suggested change: edits applied together, in any order, since none overlaps another.
/// `safe` means the fixed file builds or runs what it did before, except for what the rule asks
/// to change; `dockvet --fix` applies only safe fixes. An unsafe fix changes what runs (a volume
/// declared, a mount added, packages left out) and needs `--unsafe-fixes` or an editor's action.
struct Fix {
  std::string description;  // e.g. "mount a named volume at /var/lib/postgresql/data"
  std::vector<Edit> edits;
  bool safe = true;

  /// A fix of one edit.
  static Fix replace(std::string description, ByteRange range, std::string replacement,
                     bool safe = true);
  /// A fix of one edit that changes what runs.
  static Fix replace_unsafe(std::string description, ByteRange range, std::string replacement) {
    return replace(std::move(description), range, std::move(replacement), false);
  }
};

struct Diagnostic {
  std::string code;  // "DV101", or a hadolint-compatible "DL3008"
  std::string name;  // "stateful-data-unmounted"
  Severity severity = Severity::warning;
  std::string file;
  ByteRange range;  // in the file's bytes
  Position start;   // 1-based; filled in by the engine from `range`
  Position end;     // exclusive end position
  std::string message;
  std::optional<Fix> fix;
  // The source text under `range`, at most 256 bytes: reporters derive stable fingerprints
  // from it without holding the file.
  std::string snippet;
};

/// Total order used for output: file, line, column, code, then message.
bool diagnostic_less(const Diagnostic& a, const Diagnostic& b);

/// Source text short enough to quote in a message: at most `max_bytes` bytes, cut on a UTF-8
/// character boundary and ended with "…" when cut. A finding on a 20 MB line must not carry
/// the line three times over.
std::string quotable(std::string_view text, std::size_t max_bytes = 120);

}  // namespace dockvet
