#pragma once
// BuildKit's `check` options: the `# check=skip=A,B;error=true;experimental=C` parser directive
// at the top of a Dockerfile, and the same comment written just above one instruction, which
// BuildKit merges into the options for that instruction alone (linter.WithMergedConfigFromComments
// over the node's preceding comments). They steer only the BuildKit build checks (BKxxx), which
// they name by BuildKit's rule names.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dockerfile/dockerfile.h"

namespace dockvet::dockerfile {

/// One set of check options, as BuildKit's linter.ParseLintOptions reads them.
struct CheckOptions {
  bool skip_all = false;
  std::vector<std::string> skip;  // rule names, compared exactly as BuildKit does
  bool error = false;             // error=true: findings fail the build
  bool experimental_all = false;
  std::vector<std::string> experimental;

  bool skips(std::string_view rule) const;
  bool enables_experimental(std::string_view rule) const;
  /// These options with `other`'s merged over them (BuildKit's WithMergedConfig: a set flag or
  /// name is added, never removed).
  CheckOptions merged(const CheckOptions& other) const;
};

/// Parses a `check` value such as "skip=JSONArgsRecommended;error=true"; nullopt when BuildKit
/// rejects it (an unknown key, a part without "=", an error value that is no boolean).
std::optional<CheckOptions> parse_check_options(std::string_view value);

/// The options that hold at each instruction of a Dockerfile.
class CheckOptionsByLine {
 public:
  /// The options at 1-based `line`: the file's, merged with a `check=` comment above the
  /// instruction that `line` belongs to.
  const CheckOptions& at(std::uint32_t line) const;
  const CheckOptions& file_options() const { return file_; }
  /// Whether any instruction has its own options (a `check=` comment above it).
  bool has_instruction_options() const { return !instructions_.empty(); }

 private:
  friend CheckOptionsByLine check_options(const Dockerfile& dockerfile);

  /// For each instruction (by index in Dockerfile::instructions), the comments BuildKit's parser
  /// hands it as its preceding comments (parser.Node.PrevComment): the text after "#", trimmed, of
  /// each comment line read since the instruction before it, parser directives left out. A bare
  /// "#" starts them afresh; an empty line does not; comments inside a continued instruction
  /// belong to none. ONBUILD triggers get none.
  std::vector<std::vector<std::string_view>> preceding_comments(const Dockerfile& dockerfile);
  struct Span {
    std::uint32_t first_line;
    std::uint32_t last_line;
    CheckOptions options;
  };
  CheckOptions file_;
  std::vector<Span> instructions_;  // in file order
};

CheckOptionsByLine check_options(const Dockerfile& dockerfile);

/// For each instruction (by index in Dockerfile::instructions), the comments BuildKit's parser
/// hands it as its preceding comments (parser.Node.PrevComment): the text after "#", trimmed, of
/// each comment line read since the instruction before it, parser directives left out. A bare
/// "#" starts them afresh; an empty line does not; comments inside a continued instruction
/// belong to none. ONBUILD triggers get none.
std::vector<std::vector<std::string_view>> preceding_comments(const Dockerfile& dockerfile);

}  // namespace dockvet::dockerfile
