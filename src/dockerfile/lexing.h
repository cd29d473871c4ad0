#pragma once
// Internal lexing pieces of the Dockerfile front end: the logical line BuildKit joins from
// physical lines, its word splitters, its JSON-array test and its variable expansion.

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/source.h"

namespace dockvet::dockerfile::lexing {

/// A logical line: the text BuildKit builds by joining continued lines, and for each of its
/// bytes the offset in the file it came from.
struct LogicalLine {
  std::string text;
  std::size_t end_offset = 0;  // file offset just after the last appended piece

  void append(std::string_view file_text, ByteRange piece);
  /// The file range of the logical bytes [begin, end); an empty range sits where `begin` is.
  ByteRange file_range(std::size_t begin, std::size_t end) const;

 private:
  // Where each appended piece starts, in the text and in the file: a logical line has a few
  // pieces but many bytes, so an offset is found by a search over the pieces.
  struct Piece {
    std::size_t text_begin;
    std::size_t file_begin;
  };
  std::vector<Piece> pieces_;
  std::size_t file_offset(std::size_t text_offset) const;
};

/// A span of a logical line's text.
struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;
};

bool is_ascii_space(char c);
/// BuildKit's `[\t\v\f\r ]+` separator.
bool is_separator(char c);

/// Splits on runs of BuildKit's separator (FROM, EXPOSE, the shell form of COPY/ADD/VOLUME).
std::vector<Span> split_whitespace(std::string_view text, std::size_t begin, std::size_t end);
/// Splits into words that keep quotes and escapes, as BuildKit does for ENV, LABEL and ARG.
std::vector<Span> split_words(std::string_view text, std::size_t begin, std::size_t end,
                              char escape);
/// Splits into shell-like words (quotes and backslash escapes kept), as BuildKit's heredoc
/// detection does.
std::vector<Span> split_shell_words(std::string_view text);

/// One element of a JSON string array.
struct JsonElement {
  Span span;  // the element's source, quotes included
  std::string value;
};
enum class JsonResult { string_array, not_string_array, not_json };
/// Reads `text` as Go's encoding/json would read a Dockerfile exec form.
JsonResult parse_json_array(std::string_view text, std::size_t begin,
                            std::vector<JsonElement>& elements);

/// Variable values in scope; a missing value means the variable exists but its value is unknown.
struct Environment {
  std::map<std::string, std::optional<std::string>> values;
  /// Whether an undeclared variable is known to be empty (global scope: no base image can
  /// provide it) rather than unknown (a stage, whose base image may set it).
  bool undeclared_is_empty = false;
  /// Every variable is unknown (ONBUILD triggers run in a later build).
  bool all_unknown = false;
};

struct Expansion {
  std::string text;
  bool known = true;
};
/// Quote removal and `$VAR`, `${VAR}`, `${VAR:-x}`, `${VAR-x}`, `${VAR:+x}`, `${VAR+x}`
/// expansion of one word. Unknown references keep their source text and make the result unknown.
Expansion expand_word(std::string_view word, char escape, const Environment& environment);
/// Quote and escape removal only (flag values, heredoc delimiters).
std::string unquote(std::string_view word, char escape);

}  // namespace dockvet::dockerfile::lexing
