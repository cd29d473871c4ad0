#include "config/suppress.h"

#include <algorithm>
#include <cctype>
#include <limits>
#include <optional>
#include <string_view>

#include "config/matching.h"

namespace dockvet::config {

namespace {

constexpr std::uint32_t kLastLine = std::numeric_limits<std::uint32_t>::max();

bool is_blank_char(char c) {
  return c == ' ' || c == '\t';
}

bool is_code_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '_';
}

// A cursor over one comment's text that remembers where in the file it is.
class Cursor {
 public:
  Cursor(std::string_view text, std::size_t file_offset) : text_(text), base_(file_offset) {}

  std::size_t skip_blanks() {
    const std::size_t start = pos_;
    while (pos_ < text_.size() && is_blank_char(text_[pos_])) ++pos_;
    return pos_ - start;
  }
  bool take(std::string_view word) {
    if (text_.substr(pos_).starts_with(word)) {
      pos_ += word.size();
      return true;
    }
    return false;
  }
  // `word` followed by at least one blank.
  bool take_word(std::string_view word) {
    const std::size_t saved = pos_;
    if (take(word) && skip_blanks() > 0) return true;
    pos_ = saved;
    return false;
  }
  std::optional<Suppressions::Code> take_code() {
    const std::size_t start = pos_;
    while (pos_ < text_.size() && is_code_char(text_[pos_])) ++pos_;
    if (pos_ == start) return std::nullopt;
    return Suppressions::Code{std::string(text_.substr(start, pos_ - start)),
                              {base_ + start, base_ + pos_}};
  }
  std::string_view rest() const { return text_.substr(pos_); }

 private:
  std::string_view text_;
  std::size_t base_;
  std::size_t pos_ = 0;
};

enum class Scope { next_line, global, stage };

struct ParsedPragma {
  Scope scope = Scope::next_line;
  std::vector<Suppressions::Code> codes;
};

// What follows a pragma's code list: a reason after "--" (dockvet), a comment after "#", or
// nothing.
bool valid_tail(std::string_view rest, PragmaSyntax syntax) {
  if (rest.empty() || rest.starts_with('#')) return true;
  return syntax == PragmaSyntax::dockvet && rest.starts_with("--");
}

// Reads `TOOL [global|stage] ignore = CODE[, CODE]... [tail]` from a comment body (the text after
// "#" or inside "<!-- -->"). nullopt when the body is not such a pragma.
std::optional<ParsedPragma> read_pragma(std::string_view body, std::size_t offset,
                                        PragmaSyntax syntax) {
  Cursor cursor(body, offset);
  cursor.skip_blanks();
  if (!cursor.take_word(syntax == PragmaSyntax::dockvet ? "dockvet" : "hadolint")) {
    return std::nullopt;
  }
  ParsedPragma pragma;
  if (cursor.take_word("global")) {
    pragma.scope = Scope::global;
  } else if (syntax == PragmaSyntax::hadolint && cursor.take_word("stage")) {
    pragma.scope = Scope::stage;
  }
  if (!cursor.take("ignore")) return std::nullopt;
  cursor.skip_blanks();
  if (!cursor.take("=")) return std::nullopt;
  do {
    cursor.skip_blanks();
    auto code = cursor.take_code();
    if (!code) return std::nullopt;
    pragma.codes.push_back(std::move(*code));
    cursor.skip_blanks();
  } while (cursor.take(","));
  if (!valid_tail(cursor.rest(), syntax)) return std::nullopt;
  return pragma;
}

bool starts_dockvet_pragma(std::string_view body) {
  Cursor cursor(body, 0);
  cursor.skip_blanks();
  return cursor.take("dockvet") && (cursor.rest().empty() || is_blank_char(cursor.rest()[0]));
}

// --- Where comments are ------------------------------------------------------------------------

struct Line {
  std::uint32_t number;
  std::size_t begin;      // file offset
  std::string_view text;  // without "\n" or a trailing "\r"
};

std::string_view trim_left(std::string_view text) {
  while (!text.empty() && is_blank_char(text.front())) text.remove_prefix(1);
  return text;
}

// The offset in `text` of the `#` that starts a shell comment: the first `#` that begins a word
// outside quotes. A heuristic (a quote opened on an earlier line is not seen), good enough to
// find pragmas.
std::optional<std::size_t> shell_comment_start(std::string_view text) {
  bool single = false, double_quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (single) {
      single = c != '\'';
    } else if (c == '\\') {
      ++i;
    } else if (double_quoted) {
      double_quoted = c != '"';
    } else if (c == '\'') {
      single = true;
    } else if (c == '"') {
      double_quoted = true;
    } else if (c == '#' && (i == 0 || std::string_view(" \t;&|(").find(text[i - 1]) !=
                                          std::string_view::npos)) {
      return i;
    }
  }
  return std::nullopt;
}

bool is_comment_line(std::string_view text) {
  return trim_left(text).starts_with('#');
}

// A Markdown code fence: up to three spaces, then three or more backticks or tildes.
struct Fence {
  char marker;
  std::size_t length;
};

std::optional<Fence> fence_of(std::string_view text) {
  std::size_t indent = 0;
  while (indent < text.size() && indent < 4 && text[indent] == ' ') ++indent;
  if (indent > 3 || indent >= text.size()) return std::nullopt;
  const char marker = text[indent];
  if (marker != '`' && marker != '~') return std::nullopt;
  std::size_t length = 0;
  while (indent + length < text.size() && text[indent + length] == marker) ++length;
  if (length < 3) return std::nullopt;
  return Fence{marker, length};
}

bool closes(const Fence& open, std::string_view text) {
  auto fence = fence_of(text);
  if (!fence || fence->marker != open.marker || fence->length < open.length) return false;
  std::string_view after = trim_left(text.substr(text.find(open.marker) + fence->length));
  return after.empty() || after == "\r";
}

bool is_from_line(std::string_view text) {
  text = trim_left(text);
  return text.size() > 4 && iequals(text.substr(0, 4), "FROM") && is_blank_char(text[4]);
}

// --- Building the pragma list ------------------------------------------------------------------

using Pragma = Suppressions::Pragma;

// Reads every pragma of one file, line by line.
class Scanner {
 public:
  Scanner(const SourceFile& file, const SuppressionOptions& options)
      : file_(file), options_(options) {
    for (std::uint32_t n = 1; n <= file.lines.line_count(); ++n) {
      const std::size_t begin = file.lines.line_start(n);
      std::string_view text = file.slice({begin, file.lines.line_end(n)});
      if (text.ends_with('\r')) text.remove_suffix(1);
      lines_.push_back({n, begin, text});
    }
  }

  void scan() {
    switch (file_.kind) {
      case FileKind::dockerfile:
      case FileKind::shell:
      case FileKind::makefile:
      case FileKind::compose:
      case FileKind::kubernetes:
        for (const Line& line : lines_) hash_comments(line);
        break;
      case FileKind::markdown: scan_markdown(); break;
      case FileKind::unknown: break;
    }
  }

  std::vector<Pragma> pragmas;
  std::vector<MalformedPragma> malformed;

 private:
  std::uint32_t logical(std::uint32_t line) const {
    return options_.logical_line_of ? options_.logical_line_of(line) : line;
  }
  std::uint32_t last_line() const { return static_cast<std::uint32_t>(lines_.size()); }

  // The lines of the logical line that `line` belongs to.
  std::pair<std::uint32_t, std::uint32_t> logical_span(std::uint32_t line) const {
    const std::uint32_t start = logical(line);
    std::uint32_t end = std::max(start, line);
    while (end < last_line() && logical(end + 1) == start) ++end;
    return {start, end};
  }

  void add(ParsedPragma parsed, ByteRange range, PragmaSyntax syntax, std::uint32_t first,
           std::uint32_t last) {
    if (parsed.scope == Scope::global) {
      first = 1;
      last = kLastLine;
    }
    pragmas.push_back({first, last, std::move(parsed.codes), range, syntax});
  }

  ByteRange comment_range(const Line& line, std::size_t marker) const {
    std::string_view text = line.text;
    while (!text.empty() && is_blank_char(text.back())) text.remove_suffix(1);
    return {line.begin + marker, line.begin + text.size()};
  }

  // The first line after `line` that is not a comment line: what an own-line pragma covers.
  std::uint32_t next_code_line(std::uint32_t line) const {
    std::uint32_t next = line + 1;
    while (next <= last_line() && is_comment_line(lines_[next - 1].text)) ++next;
    return next;
  }

  void hash_comments(const Line& line) {
    const auto hash = shell_comment_start(line.text);
    if (!hash) return;
    const std::string_view body = line.text.substr(*hash + 1);
    const std::size_t body_offset = line.begin + *hash + 1;
    const ByteRange range = comment_range(line, *hash);
    const bool own_line = trim_left(line.text).starts_with('#');
    if (auto parsed = read_pragma(body, body_offset, PragmaSyntax::dockvet)) {
      const auto [first, last] = logical_span(own_line ? next_code_line(line.number) : line.number);
      add(std::move(*parsed), range, PragmaSyntax::dockvet, first, last);
    } else if (starts_dockvet_pragma(body)) {
      malformed.push_back({range,
                           "not a dockvet pragma: expected `dockvet [global] "
                           "ignore=CODE[,CODE...] [-- reason]`"});
    } else if (own_line && file_.kind == FileKind::dockerfile && options_.hadolint_pragmas) {
      hadolint_comment(line, body, body_offset, range);
    }
  }

  // hadolint's scopes: the very next line, the rest of the stage, or the file.
  void hadolint_comment(const Line& line, std::string_view body, std::size_t body_offset,
                        ByteRange range) {
    auto parsed = read_pragma(body, body_offset, PragmaSyntax::hadolint);
    if (!parsed) return;
    auto [first, last] = logical_span(std::min(line.number + 1, last_line()));
    if (line.number == last_line()) first = last = line.number + 1;  // covers nothing
    if (parsed->scope == Scope::stage) {
      first = line.number + 1;
      last = kLastLine;
      for (std::uint32_t n = first + 1; n <= last_line(); ++n) {
        if (logical(n) == n && is_from_line(lines_[n - 1].text)) {
          last = n - 1;
          break;
        }
      }
    }
    add(std::move(*parsed), range, PragmaSyntax::hadolint, first, last);
  }

  // Outside code blocks HTML comments carry pragmas; inside them, shell comments do.
  void scan_markdown() {
    std::optional<Fence> open;
    for (const Line& line : lines_) {
      if (open) {
        if (closes(*open, line.text)) {
          open.reset();
        } else {
          hash_comments(line);
        }
        continue;
      }
      open = fence_of(line.text);
      if (!open) html_comment(line);
    }
  }

  void html_comment(const Line& line) {
    const std::string_view trimmed = trim_left(line.text);
    if (!trimmed.starts_with("<!--")) return;
    const std::size_t open = line.text.size() - trimmed.size();
    const std::size_t close = line.text.find("-->", open + 4);
    if (close == std::string_view::npos) return;
    const std::string_view body = line.text.substr(open + 4, close - open - 4);
    const ByteRange range{line.begin + open, line.begin + close + 3};
    auto parsed = read_pragma(body, line.begin + open + 4, PragmaSyntax::dockvet);
    if (!parsed) {
      if (starts_dockvet_pragma(body)) {
        malformed.push_back({range,
                             "not a dockvet pragma: expected `<!-- dockvet [global] "
                             "ignore=CODE[,CODE...] [-- reason] -->`"});
      }
      return;
    }
    const auto [first, last] = markdown_target(line.number);
    add(std::move(*parsed), range, PragmaSyntax::dockvet, first, last);
  }

  // The code block after `line` (fences included), or else the next non-blank line.
  std::pair<std::uint32_t, std::uint32_t> markdown_target(std::uint32_t line) const {
    std::uint32_t next = line + 1;
    while (next <= last_line() && trim_left(lines_[next - 1].text).empty()) ++next;
    if (next > last_line()) return {next, next};
    const auto fence = fence_of(lines_[next - 1].text);
    if (!fence) return {next, next};
    for (std::uint32_t n = next + 1; n <= last_line(); ++n) {
      if (closes(*fence, lines_[n - 1].text)) return {next, n};
    }
    return {next, last_line()};
  }

  const SourceFile& file_;
  const SuppressionOptions& options_;
  std::vector<Line> lines_;
};

// False when `text` cannot hold a pragma, well-formed or not: each starts with the word
// `dockvet` or `hadolint`, and most files name neither, so they need no scan.
bool may_hold_pragmas(std::string_view text) {
  return text.find("dockvet") != std::string_view::npos ||
         text.find("hadolint") != std::string_view::npos;
}

}  // namespace

Suppressions parse_suppressions(const SourceFile& file, const SuppressionOptions& options) {
  if (!may_hold_pragmas(file.text)) return {};
  Scanner scanner(file, options);
  scanner.scan();
  Suppressions suppressions;
  suppressions.pragmas_ = std::move(scanner.pragmas);
  suppressions.malformed_ = std::move(scanner.malformed);
  return suppressions;
}

bool Suppressions::suppresses(const Diagnostic& diagnostic, const CheckMeta& meta) {
  const std::uint32_t line = diagnostic.start.line;
  bool suppressed = false;
  for (Pragma& pragma : pragmas_) {
    if (line < pragma.first_line || line > pragma.last_line) continue;
    for (Code& code : pragma.codes) {
      if (names_check(code.text, meta)) {
        code.used = true;
        suppressed = true;
      }
    }
  }
  return suppressed;
}

std::vector<UnusedIgnore> Suppressions::unused(const Registry& registry) const {
  std::vector<UnusedIgnore> result;
  for (const Pragma& pragma : pragmas_) {
    for (const Code& code : pragma.codes) {
      if (code.used) continue;
      if (pragma.syntax == PragmaSyntax::hadolint && registry.find(code.text) == nullptr) continue;
      result.push_back({code.range, code.text, pragma.range, pragma.syntax});
    }
  }
  return result;
}

}  // namespace dockvet::config
