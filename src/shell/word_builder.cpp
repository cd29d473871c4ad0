#include "shell/word_builder.h"

#include <algorithm>
#include <cstring>
#include <string>

#include "shell/children.h"
#include "shell/tree_parse.h"
#include "shell/visible_text.h"

namespace dockvet::shell {
namespace {

constexpr int max_word_depth = 16;  // words nest shallowly; anything deeper stays opaque

std::string_view type_of(TSNode node) {
  return node_type(node);
}

ByteRange range_of(TSNode node) {
  return {ts_node_start_byte(node), ts_node_end_byte(node)};
}

bool is_expansion_type(std::string_view type) {
  return type == "simple_expansion" || type == "expansion" || type == "command_substitution" ||
         type == "arithmetic_expansion" || type == "process_substitution" ||
         type == "brace_expression" || type == "array";
}

/// The visible byte after a backslash decides what the backslash does; a continued line
/// (`\` newline, or `\` CR LF) disappears.
bool is_line_continuation(const std::string& text, std::size_t i) {
  return text[i] == '\\' && i + 1 < text.size() &&
         (text[i + 1] == '\n' ||
          (text[i + 1] == '\r' && i + 2 < text.size() && text[i + 2] == '\n'));
}

std::size_t continuation_length(const std::string& text, std::size_t i) {
  return text[i + 1] == '\n' ? 2 : 3;
}

void append_utf8(std::string& out, unsigned long code) {
  if (code < 0x80) {
    out += static_cast<char>(code);
  } else if (code < 0x800) {
    out += static_cast<char>(0xC0 | (code >> 6));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else if (code < 0x10000) {
    out += static_cast<char>(0xE0 | (code >> 12));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | ((code >> 18) & 0x07));
    out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  }
}

/// Reads up to `max_digits` digits of `base` at text[i...]; returns how many it read.
std::size_t read_number(const std::string& text, std::size_t i, int base, std::size_t max_digits,
                        unsigned long& value) {
  std::size_t n = 0;
  value = 0;
  while (n < max_digits && i + n < text.size()) {
    char c = text[i + n];
    int digit = -1;
    if (c >= '0' && c <= '9') digit = c - '0';
    if (c >= 'a' && c <= 'f') digit = c - 'a' + 10;
    if (c >= 'A' && c <= 'F') digit = c - 'A' + 10;
    if (digit < 0 || digit >= base) break;
    value = value * static_cast<unsigned long>(base) + static_cast<unsigned long>(digit);
    ++n;
  }
  return n;
}

/// `{a,b}` and `{1..3}` expand to several words; `{}` and `{x}` are literal.
bool is_brace_expansion(std::string_view braces) {
  std::string_view inside = braces.substr(1, braces.size() - 2);
  return inside.find(',') != std::string_view::npos || inside.find("..") != std::string_view::npos;
}

char simple_ansi_escape(char c) {
  switch (c) {
    case 'a': return '\a';
    case 'b': return '\b';
    case 'e':
    case 'E': return '\x1b';
    case 'f': return '\f';
    case 'n': return '\n';
    case 'r': return '\r';
    case 't': return '\t';
    case 'v': return '\v';
    case '\\':
    case '\'':
    case '"':
    case '?': return c;
    default: return '\0';
  }
}

}  // namespace

void WordBuilder::start(TSNode node) {
  word_ = Word{};
  word_.range = range_of(node);
  add_node(node, 0);
}

void WordBuilder::add(TSNode node) {
  word_.range.end = ts_node_end_byte(node);
  add_node(node, 0);
}

Word WordBuilder::finish() {
  return std::move(word_);
}

void WordBuilder::literal(std::string_view text, ByteRange range) {
  if (!word_.segments.empty() && word_.segments.back().literal) {
    WordSegment& last = word_.segments.back();
    last.text += text;
    last.range.end = range.end;
    return;
  }
  word_.segments.push_back({std::string(text), true, range});
}

void WordBuilder::expansion(ByteRange range) {
  VisibleText source(file_text_, ranges_, range);
  word_.segments.push_back({source.text(), false, range});
}

void WordBuilder::add_node(TSNode node, int depth) {
  std::string_view type = type_of(node);
  ByteRange range = range_of(node);
  if (depth > max_word_depth || is_expansion_type(type)) {
    expansion(range);
  } else if (type == "raw_string") {
    VisibleText content(file_text_, ranges_, {range.begin + 1, range.end - 1});
    ByteRange inner{range.begin + 1, range.end > range.begin + 1 ? range.end - 1 : range.end};
    if (!content.text().empty()) literal(content.text(), inner);
  } else if (type == "string") {
    add_double_quoted_string(node);
  } else if (type == "translated_string" && ts_node_named_child_count(node) > 0) {
    add_double_quoted_string(ts_node_named_child(node, 0));
  } else if (type == "ansi_c_string") {
    add_ansi_c({range.begin + 2, range.end > range.begin + 2 ? range.end - 1 : range.end});
  } else if (ts_node_child_count(node) == 0 || type == "word") {
    add_unquoted(range);
  } else {
    // A concatenation or a node that mixes text and expansions: the bytes between children
    // are unquoted text.
    // tree-sitter-bash splits `[ab]` and `{a,b}` into several words; unquoted neighbours are
    // read as one run so that globs and brace expansions are seen whole.
    std::size_t at = range.begin;
    for (TSNode child : children_of(node)) {
      if (type_of(child) == "word") continue;
      if (ts_node_start_byte(child) > at) add_unquoted({at, ts_node_start_byte(child)});
      add_node(child, depth + 1);
      at = ts_node_end_byte(child);
    }
    if (at < range.end) add_unquoted({at, range.end});
  }
}

void WordBuilder::add_unquoted(ByteRange range) {
  VisibleText source(file_text_, ranges_, range);
  const std::string& text = source.text();
  std::size_t i = 0;
  if (range.begin == word_.range.begin && !text.empty() && text[0] == '~') {
    std::size_t end = text.find('/');
    if (end == std::string::npos) end = text.size();
    expansion({source.file_offset(0), source.file_offset(end)});
    i = end;
  }
  // The next `]` and `}`, found once per search so that long words stay linear.
  std::size_t next_close = 0;
  std::size_t next_brace_close = 0;
  while (i < text.size()) {
    std::size_t at = source.file_offset(i);
    char c = text[i];
    if (c == '[' && next_close != std::string::npos && next_close < i + 2) {
      next_close = text.find(']', i + 2);
    }
    if (c == '{' && next_brace_close != std::string::npos && next_brace_close <= i) {
      next_brace_close = text.find('}', i + 1);
    }
    std::size_t plain_end = std::min(text.find_first_of("\\*?[{", i), text.size());
    if (plain_end > i) {
      literal(std::string_view(text).substr(i, plain_end - i),
              {at, source.file_offset(plain_end - 1) + 1});
      i = plain_end;
    } else if (is_line_continuation(text, i)) {
      i += continuation_length(text, i);
    } else if (c == '\\' && i + 1 < text.size()) {
      literal(text.substr(i + 1, 1), {at, source.file_offset(i + 1) + 1});
      i += 2;
    } else if (c == '*' || c == '?') {
      expansion({at, at + 1});
      ++i;
    } else if (c == '{' && next_brace_close != std::string::npos &&
               is_brace_expansion(std::string_view(text).substr(i, next_brace_close + 1 - i))) {
      expansion({at, source.file_offset(next_brace_close) + 1});
      i = next_brace_close + 1;
    } else if (c == '[' && next_close != std::string::npos) {
      expansion({at, source.file_offset(next_close) + 1});
      i = next_close + 1;
    } else {
      literal(text.substr(i, 1), {at, at + 1});
      ++i;
    }
  }
}

void WordBuilder::add_double_quoted_string(TSNode node) {
  ByteRange range = range_of(node);
  std::size_t content_end = range.end;
  if (range.size() >= 2 && file_text_[range.end - 1] == '"') content_end = range.end - 1;
  std::size_t at = range.begin + 1;
  for (TSNode child : children_of(node, Children::named)) {
    if (!is_expansion_type(type_of(child))) continue;
    if (ts_node_start_byte(child) > at) add_double_quoted({at, ts_node_start_byte(child)});
    expansion(range_of(child));
    at = ts_node_end_byte(child);
  }
  if (at < content_end) add_double_quoted({at, content_end});
}

void WordBuilder::add_double_quoted(ByteRange range) {
  VisibleText source(file_text_, ranges_, range);
  const std::string& text = source.text();
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t at = source.file_offset(i);
    char c = text[i];
    std::size_t plain_end = std::min(text.find('\\', i), text.size());
    if (plain_end > i) {
      literal(std::string_view(text).substr(i, plain_end - i),
              {at, source.file_offset(plain_end - 1) + 1});
      i = plain_end;
    } else if (is_line_continuation(text, i)) {
      i += continuation_length(text, i);
    } else if (c == '\\' && i + 1 < text.size() && std::strchr("$`\"\\", text[i + 1])) {
      literal(text.substr(i + 1, 1), {at, source.file_offset(i + 1) + 1});
      i += 2;
    } else {
      literal(text.substr(i, 1), {at, at + 1});
      ++i;
    }
  }
}

void WordBuilder::add_ansi_c(ByteRange range) {
  VisibleText source(file_text_, ranges_, range);
  const std::string& text = source.text();
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t at = source.file_offset(i);
    std::string out;
    std::size_t used = 1;
    if (text[i] != '\\' || i + 1 >= text.size()) {
      out = text.substr(i, 1);
    } else if (char simple = simple_ansi_escape(text[i + 1]); simple != '\0') {
      out = std::string(1, simple);
      used = 2;
    } else {
      unsigned long value = 0;
      char kind = text[i + 1];
      std::size_t digits = 0;
      if (kind >= '0' && kind <= '7') {
        digits = read_number(text, i + 1, 8, 3, value);
        out = std::string(1, static_cast<char>(value));
        used = 1 + digits;
      } else if (kind == 'x' && (digits = read_number(text, i + 2, 16, 2, value)) > 0) {
        out = std::string(1, static_cast<char>(value));
        used = 2 + digits;
      } else if ((kind == 'u' || kind == 'U') &&
                 (digits = read_number(text, i + 2, 16, kind == 'u' ? 4 : 8, value)) > 0) {
        append_utf8(out, value);
        used = 2 + digits;
      } else if (kind == 'c' && i + 2 < text.size()) {
        out = std::string(1, static_cast<char>(text[i + 2] & 0x1f));
        used = 3;
      } else {
        out = text.substr(i, 2);  // bash keeps an unknown escape as written
        used = 2;
      }
    }
    literal(out, {at, source.file_offset(i + used - 1) + 1});
    i += used;
  }
}

}  // namespace dockvet::shell
