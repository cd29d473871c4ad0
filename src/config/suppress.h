#pragma once
// Inline suppressions: the ignore pragmas users write in comments, and which findings they
// silence.
//
//   # dockvet ignore=DV101,stateful-data-unmounted -- reason     the next line that is not a
//                                                                comment, or, at the end of a
//                                                                line, that line
//   # dockvet global ignore=DV101                                the whole file
//   <!-- dockvet ignore=DV101 -->                                Markdown: the code block that
//                                                                follows (or the next line)
//   <!-- dockvet global ignore=DV101 -->                         Markdown: the whole file
//   # hadolint ignore=DL3008,DL3009                              Dockerfile: the next line
//   # hadolint global ignore=DL3008                              Dockerfile: the whole file
//   # hadolint stage ignore=DL3008                               Dockerfile: up to the next FROM
//
// A code may be a check's code, name or alias (hadolint's DL code), in any case. A line scope
// covers the whole logical line (a continued instruction) when the caller says where logical
// lines start. Comments are found where the file kind has them: `#` comments in Dockerfiles,
// shell scripts, Makefiles and Markdown code blocks (a `#` that starts a word outside quotes), and
// HTML comments in Markdown.

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/check.h"
#include "core/diagnostic.h"
#include "core/source.h"

namespace dockvet::config {

/// Whose syntax a pragma was written in.
enum class PragmaSyntax { dockvet, hadolint };

/// One code of an ignore pragma that silenced nothing (reported as DV003 unused-ignore).
struct UnusedIgnore {
  ByteRange range;   // the code as written in the pragma
  std::string text;  // that code
  ByteRange pragma;  // the whole pragma, from its comment marker to its end
  PragmaSyntax syntax;
};

/// A comment that starts like a dockvet pragma but does not read as one.
struct MalformedPragma {
  ByteRange range;
  std::string message;
};

struct SuppressionOptions {
  bool hadolint_pragmas = true;  // false under `disable-ignore-pragma`
  /// Maps a 1-based line to the first line of the logical line it belongs to (a continued
  /// Dockerfile instruction, a shell command continued with "\"); each line stands alone when
  /// unset.
  std::function<std::uint32_t(std::uint32_t)> logical_line_of;
};

/// The ignore pragmas of one file, and which of them have been used. Not thread-safe: one per
/// file, used by the thread that checks that file.
class Suppressions {
 public:
  /// Whether a pragma covers `diagnostic` (by its start line) and names its check; marks every
  /// such pragma code as used.
  bool suppresses(const Diagnostic& diagnostic, const CheckMeta& meta);
  /// The pragma codes that silenced nothing so far, in file order. hadolint pragma codes that
  /// name no check in `registry` (ShellCheck's SC codes, rules dockvet lacks) are left out:
  /// a user switching from hadolint keeps them on purpose.
  std::vector<UnusedIgnore> unused(const Registry& registry = Registry::instance()) const;
  const std::vector<MalformedPragma>& malformed() const { return malformed_; }

  /// One code of a pragma.
  struct Code {
    std::string text;
    ByteRange range;
    bool used = false;
  };
  /// One pragma and the lines it covers.
  struct Pragma {
    std::uint32_t first_line = 0;  // 1-based, inclusive
    std::uint32_t last_line = 0;
    std::vector<Code> codes;
    ByteRange range;
    PragmaSyntax syntax = PragmaSyntax::dockvet;
  };
  const std::vector<Pragma>& pragmas() const { return pragmas_; }

 private:
  friend Suppressions parse_suppressions(const SourceFile& file, const SuppressionOptions& options);

  std::vector<Pragma> pragmas_;
  std::vector<MalformedPragma> malformed_;
};

Suppressions parse_suppressions(const SourceFile& file, const SuppressionOptions& options = {});

}  // namespace dockvet::config
