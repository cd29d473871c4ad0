#include "dockerfile/lexing.h"

#include <algorithm>
#include <cctype>
#include <iterator>

namespace dockvet::dockerfile::lexing {

void LogicalLine::append(std::string_view file_text, ByteRange piece) {
  if (piece.end > piece.begin) {
    pieces_.push_back({text.size(), piece.begin});
    text.append(file_text.substr(piece.begin, piece.end - piece.begin));
  }
  end_offset = piece.end;
}

std::size_t LogicalLine::file_offset(std::size_t text_offset) const {
  // The last piece that starts at or before the offset holds it.
  const auto after = std::upper_bound(
      pieces_.begin(), pieces_.end(), text_offset,
      [](std::size_t offset, const Piece& piece) { return offset < piece.text_begin; });
  const Piece& piece = *std::prev(after);
  return piece.file_begin + (text_offset - piece.text_begin);
}

ByteRange LogicalLine::file_range(std::size_t begin, std::size_t end) const {
  if (begin >= end) {
    const std::size_t at = begin < text.size() ? file_offset(begin) : end_offset;
    return {at, at};
  }
  return {file_offset(begin), file_offset(end - 1) + 1};
}

bool is_ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

bool is_separator(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

std::vector<Span> split_whitespace(std::string_view text, std::size_t begin, std::size_t end) {
  std::vector<Span> spans;
  std::size_t i = begin;
  while (i < end) {
    while (i < end && is_separator(text[i])) ++i;
    if (i >= end) break;
    const std::size_t start = i;
    while (i < end && !is_separator(text[i])) ++i;
    spans.push_back({start, i});
  }
  // BuildKit's regexp split keeps an empty word when the text starts with a separator, but the
  // arguments it splits are already trimmed, so that never happens here.
  return spans;
}

std::vector<Span> split_words(std::string_view text, std::size_t begin, std::size_t end,
                              char escape) {
  std::vector<Span> spans;
  std::size_t i = begin;
  while (i < end) {
    while (i < end && is_ascii_space(text[i])) ++i;
    if (i >= end) break;
    const std::size_t start = i;
    char quote = 0;
    while (i < end) {
      const char c = text[i];
      if (quote == 0) {
        if (is_ascii_space(c)) break;
        if (c == '\'' || c == '"') {
          quote = c;
        } else if (c == escape && i + 1 < end) {
          ++i;  // the escaped character never ends the word or opens a quote
        }
      } else if (c == quote) {
        quote = 0;
      } else if (c == escape && quote != '\'' && i + 1 < end) {
        ++i;
      }
      ++i;
    }
    spans.push_back({start, i});
  }
  return spans;
}

std::vector<Span> split_shell_words(std::string_view text) {
  return split_words(text, 0, text.size(), '\\');
}

namespace {

class JsonReader {
 public:
  JsonReader(std::string_view text, std::size_t position) : text_(text), pos_(position) {}

  JsonResult read_array(std::vector<JsonElement>& elements) {
    skip_space();
    if (!take('[')) return JsonResult::not_json;
    bool all_strings = true;
    skip_space();
    if (!take(']')) {
      while (true) {
        skip_space();
        const std::size_t start = pos_;
        if (peek() == '"') {
          std::string value;
          if (!read_string(&value)) return JsonResult::not_json;
          elements.push_back({{start, pos_}, std::move(value)});
        } else {
          if (!read_value()) return JsonResult::not_json;
          all_strings = false;
        }
        skip_space();
        if (take(']')) break;
        if (!take(',')) return JsonResult::not_json;
      }
    }
    skip_space();
    if (pos_ != text_.size()) return JsonResult::not_json;
    return all_strings ? JsonResult::string_array : JsonResult::not_string_array;
  }

 private:
  char peek() const { return pos_ < text_.size() ? text_[pos_] : '\0'; }
  bool take(char c) {
    if (pos_ < text_.size() && text_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }
  void skip_space() {
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t' ||
                                   text_[pos_] == '\n' || text_[pos_] == '\r'))
      ++pos_;
  }

  // Reads one JSON value. Iterative, with the open brackets on a heap stack, so that an array
  // nested a hundred thousand deep cannot exhaust the call stack.
  bool read_value() {
    std::string closers;  // the closing bracket of every open array or object, innermost last
    while (true) {
      skip_space();
      const char c = peek();
      if (c == '[' || c == '{') {
        ++pos_;
        closers.push_back(c == '[' ? ']' : '}');
        skip_space();
        if (!take(closers.back())) {
          if (!read_member_key(closers.back())) return false;
          continue;
        }
        closers.pop_back();
      } else if (!read_scalar()) {
        return false;
      }
      // After a value: close what is done, then expect the next member.
      while (true) {
        if (closers.empty()) return true;
        skip_space();
        if (take(closers.back())) {
          closers.pop_back();
          continue;
        }
        if (!take(',')) return false;
        if (!read_member_key(closers.back())) return false;
        break;
      }
    }
  }

  // An object member starts with `"key":`; an array element has no key.
  bool read_member_key(char closer) {
    if (closer != '}') return true;
    skip_space();
    if (!read_string(nullptr)) return false;
    skip_space();
    return take(':');
  }

  bool read_scalar() {
    const char c = peek();
    if (c == '"') return read_string(nullptr);
    if (c == '-' || std::isdigit(static_cast<unsigned char>(c))) return read_number();
    for (std::string_view literal : {"true", "false", "null"}) {
      if (text_.substr(pos_, literal.size()) == literal) {
        pos_ += literal.size();
        return true;
      }
    }
    return false;
  }

  bool read_digits() {
    const std::size_t start = pos_;
    while (std::isdigit(static_cast<unsigned char>(peek()))) ++pos_;
    return pos_ > start;
  }

  bool read_number() {
    take('-');
    if (take('0')) {
      // a leading zero stands alone
    } else if (!read_digits()) {
      return false;
    }
    if (take('.') && !read_digits()) return false;
    if (peek() == 'e' || peek() == 'E') {
      ++pos_;
      if (!take('+')) take('-');
      if (!read_digits()) return false;
    }
    return true;
  }

  static void append_utf8(std::string& out, unsigned code) {
    if (code < 0x80) {
      out.push_back(static_cast<char>(code));
    } else if (code < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (code >> 6)));
      out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
    } else if (code < 0x10000) {
      out.push_back(static_cast<char>(0xE0 | (code >> 12)));
      out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xF0 | (code >> 18)));
      out.push_back(static_cast<char>(0x80 | ((code >> 12) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
    }
  }

  bool read_hex4(unsigned* code) {
    if (pos_ + 4 > text_.size()) return false;
    unsigned value = 0;
    for (int k = 0; k < 4; ++k) {
      const char c = text_[pos_++];
      value <<= 4;
      if (c >= '0' && c <= '9')
        value |= static_cast<unsigned>(c - '0');
      else if (c >= 'a' && c <= 'f')
        value |= static_cast<unsigned>(c - 'a' + 10);
      else if (c >= 'A' && c <= 'F')
        value |= static_cast<unsigned>(c - 'A' + 10);
      else
        return false;
    }
    *code = value;
    return true;
  }

  bool read_escape(std::string* out) {
    const char c = peek();
    ++pos_;
    char decoded = 0;
    switch (c) {
      case '"': decoded = '"'; break;
      case '\\': decoded = '\\'; break;
      case '/': decoded = '/'; break;
      case 'b': decoded = '\b'; break;
      case 'f': decoded = '\f'; break;
      case 'n': decoded = '\n'; break;
      case 'r': decoded = '\r'; break;
      case 't': decoded = '\t'; break;
      case 'u': {
        unsigned code = 0;
        if (!read_hex4(&code)) return false;
        if (code >= 0xD800 && code < 0xDC00 && text_.substr(pos_, 2) == "\\u") {
          const std::size_t saved = pos_;
          pos_ += 2;
          unsigned low = 0;
          if (read_hex4(&low) && low >= 0xDC00 && low < 0xE000) {
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
          } else {
            pos_ = saved;
            code = 0xFFFD;
          }
        } else if (code >= 0xD800 && code < 0xE000) {
          code = 0xFFFD;  // a lone surrogate decodes to the replacement character in Go
        }
        if (out) append_utf8(*out, code);
        return true;
      }
      default: return false;
    }
    if (out) out->push_back(decoded);
    return true;
  }

  bool read_string(std::string* out) {
    if (!take('"')) return false;
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (c == '"') {
        ++pos_;
        return true;
      }
      if (static_cast<unsigned char>(c) < 0x20) return false;
      ++pos_;
      if (c == '\\') {
        if (!read_escape(out)) return false;
      } else if (out) {
        out->push_back(c);
      }
    }
    return false;
  }

  std::string_view text_;
  std::size_t pos_;
};

// Reads a `${...}` body's end, honouring nested braces and quotes.
std::size_t find_closing_brace(std::string_view word, std::size_t from) {
  int depth = 1;
  char quote = 0;
  for (std::size_t i = from; i < word.size(); ++i) {
    const char c = word[i];
    if (quote != 0) {
      if (c == quote) quote = 0;
      continue;
    }
    if (c == '\'' || c == '"') {
      quote = c;
    } else if (c == '{') {
      ++depth;
    } else if (c == '}' && --depth == 0) {
      return i;
    }
  }
  return std::string_view::npos;
}

bool is_name_start(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) || c == '_';
}
bool is_name_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

class Expander {
 public:
  Expander(char escape, const Environment& environment) : escape_(escape), env_(environment) {}

  Expansion run(std::string_view word) {
    Expansion out;
    std::size_t i = 0;
    while (i < word.size()) {
      const char c = word[i];
      if (c == '\'') {
        const std::size_t close = word.find('\'', i + 1);
        const std::size_t stop = close == std::string_view::npos ? word.size() : close;
        out.text.append(word.substr(i + 1, stop - i - 1));
        i = stop == word.size() ? stop : stop + 1;
      } else if (c == '"') {
        i = double_quoted(word, i + 1, out);
      } else if (c == escape_) {
        if (i + 1 < word.size()) out.text.push_back(word[i + 1]);
        i += 2;
      } else if (c == '$') {
        i = dollar(word, i, out);
      } else {
        out.text.push_back(c);
        ++i;
      }
    }
    return out;
  }

 private:
  std::size_t double_quoted(std::string_view word, std::size_t i, Expansion& out) {
    while (i < word.size() && word[i] != '"') {
      const char c = word[i];
      if (c == escape_ && i + 1 < word.size() &&
          (word[i + 1] == '"' || word[i + 1] == '$' || word[i + 1] == escape_)) {
        out.text.push_back(word[i + 1]);
        i += 2;
      } else if (c == '$') {
        i = dollar(word, i, out);
      } else {
        out.text.push_back(c);
        ++i;
      }
    }
    return i < word.size() ? i + 1 : i;
  }

  // Looks a variable up: nullopt when its value is unknown.
  std::optional<std::optional<std::string>> lookup(const std::string& name) const {
    if (env_.all_unknown) return std::optional<std::string>{};
    const auto found = env_.values.find(name);
    if (found != env_.values.end()) return found->second;
    if (env_.undeclared_is_empty) return std::nullopt;  // declared nowhere: unset
    return std::optional<std::string>{};                // the base image may set it
  }

  void unknown(std::string_view source, Expansion& out) {
    out.text.append(source);
    out.known = false;
  }

  std::size_t dollar(std::string_view word, std::size_t i, Expansion& out) {
    if (i + 1 < word.size() && word[i + 1] == '{') return braced(word, i, out);
    std::size_t end = i + 1;
    if (end < word.size() && is_name_start(word[end])) {
      while (end < word.size() && is_name_char(word[end])) ++end;
    } else if (end < word.size() && std::isdigit(static_cast<unsigned char>(word[end]))) {
      ++end;
    } else {
      out.text.push_back('$');
      return i + 1;
    }
    substitute(std::string(word.substr(i + 1, end - i - 1)), word.substr(i, end - i), out);
    return end;
  }

  void substitute(const std::string& name, std::string_view source, Expansion& out) {
    const auto value = lookup(name);
    if (!value) return;  // unset: expands to nothing
    if (!*value) return unknown(source, out);
    out.text.append(**value);
  }

  std::size_t braced(std::string_view word, std::size_t i, Expansion& out) {
    const std::size_t close = find_closing_brace(word, i + 2);
    if (close == std::string_view::npos) {
      unknown(word.substr(i), out);  // BuildKit rejects it; keep the text visible
      return word.size();
    }
    const std::string_view source = word.substr(i, close + 1 - i);
    const std::string_view body = word.substr(i + 2, close - i - 2);
    std::size_t n = 0;
    while (n < body.size() && is_name_char(body[n])) ++n;
    const std::string name(body.substr(0, n));
    const std::string_view rest = body.substr(n);
    if (name.empty()) {
      unknown(source, out);
      return close + 1;
    }
    if (rest.empty()) {
      substitute(name, source, out);
      return close + 1;
    }
    const bool colon = rest[0] == ':';
    const std::string_view op = colon ? rest.substr(1) : rest;
    if (op.empty() || (op[0] != '-' && op[0] != '+' && op[0] != '?')) {
      unknown(source, out);  // pattern operators (#, %, /) are not modelled
      return close + 1;
    }
    const auto value = lookup(name);
    if (value && !*value) {
      unknown(source, out);
      return close + 1;
    }
    const bool set = value.has_value();
    const bool non_empty = set && !(**value).empty();
    const bool use_value = colon ? non_empty : set;
    if (op[0] == '-' || op[0] == '?') {
      if (use_value) {
        out.text.append(**value);
      } else if (op[0] == '-') {
        append_nested(op.substr(1), out);
      } else {
        unknown(source, out);  // BuildKit fails the build here
      }
    } else if (use_value) {
      append_nested(op.substr(1), out);
    }
    return close + 1;
  }

  void append_nested(std::string_view word, Expansion& out) {
    Expander inner(escape_, env_);
    const Expansion nested = inner.run(word);
    out.text.append(nested.text);
    out.known = out.known && nested.known;
  }

  char escape_;
  const Environment& env_;
};

}  // namespace

JsonResult parse_json_array(std::string_view text, std::size_t begin,
                            std::vector<JsonElement>& elements) {
  JsonReader reader(text, begin);
  const JsonResult result = reader.read_array(elements);
  if (result != JsonResult::string_array) elements.clear();
  return result;
}

Expansion expand_word(std::string_view word, char escape, const Environment& environment) {
  Expander expander(escape, environment);
  return expander.run(word);
}

std::string unquote(std::string_view word, char escape) {
  std::string out;
  char quote = 0;
  for (std::size_t i = 0; i < word.size(); ++i) {
    const char c = word[i];
    if (quote == 0 && (c == '\'' || c == '"')) {
      quote = c;
    } else if (quote != 0 && c == quote) {
      quote = 0;
    } else if (c == escape && quote != '\'' && i + 1 < word.size()) {
      out.push_back(word[++i]);
    } else {
      out.push_back(c);
    }
  }
  return out;
}

}  // namespace dockvet::dockerfile::lexing
