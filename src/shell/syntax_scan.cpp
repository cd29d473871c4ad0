// Bash's lexical nesting: quotes, command and parameter substitutions, arithmetic, backticks,
// comments and here-documents. Only what decides where a construct ends is modelled.
#include "shell/syntax_scan.h"

#include <array>
#include <string_view>
#include <vector>

namespace dockvet::shell {
namespace {

enum class Frame { command_substitution, backtick, double_quote, parameter, arithmetic };

struct OpenFrame {
  Frame kind;
  std::size_t at;  // offset of the opener
  int parens = 0;  // unmatched `(` inside a command substitution or arithmetic
  std::size_t opener_end = 0;
};

struct PendingHeredoc {
  std::string delimiter;
  bool strip_tabs;
  std::size_t at;
  std::size_t operator_end;
};

bool is_word_start(std::string_view text, std::size_t i) {
  if (i == 0) return true;
  char before = text[i - 1];
  return before == ' ' || before == '\t' || before == '\n' || before == ';' || before == '&' ||
         before == '|' || before == '(' || before == ')' || before == '<' || before == '>';
}

// The bytes that can open or close a construct in some context; every other byte is passed
// over the same way everywhere, so most of a script is skipped with one table lookup.
constexpr std::array<bool, 256> construct_bytes = [] {
  std::array<bool, 256> table{};
  for (const unsigned char c : std::string_view("\\$`\"'#<\n()}")) table[c] = true;
  return table;
}();

bool opens_or_closes(char c) {
  return construct_bytes[static_cast<unsigned char>(c)];
}

class Scanner {
 public:
  Scanner(std::string_view text, bool make_recipe) : text_(text), make_(make_recipe) {}

  std::optional<UnclosedOpener> run() {
    while (i_ < text_.size() && !result_) step();
    if (result_) return result_;
    if (!heredocs_.empty()) return unterminated_heredoc(heredocs_.front());
    if (!frames_.empty()) return unclosed_frame(frames_.front());
    return std::nullopt;
  }

 private:
  bool in(Frame kind) const { return !frames_.empty() && frames_.back().kind == kind; }
  bool command_context() const {
    return frames_.empty() || in(Frame::command_substitution) || in(Frame::backtick);
  }
  char at(std::size_t k) const { return k < text_.size() ? text_[k] : '\0'; }

  void step() {
    char c = text_[i_];
    if (!opens_or_closes(c)) {
      ++i_;
      return;
    }
    if (c == '\\') {
      i_ += 2;
      return;
    }
    if (c == '$' && scan_dollar()) return;
    if (c == '`' && !in(Frame::parameter) && !in(Frame::arithmetic)) {
      if (in(Frame::backtick)) {
        frames_.pop_back();
      } else {
        frames_.push_back({Frame::backtick, i_});
      }
      ++i_;
      return;
    }
    if (in(Frame::double_quote)) {
      if (c == '"') frames_.pop_back();
      ++i_;
      return;
    }
    if (in(Frame::arithmetic)) {
      scan_arithmetic(c);
      return;
    }
    if (c == '\'') {
      scan_single_quote(i_, i_ + 1, false);
      return;
    }
    if (c == '"') {
      frames_.push_back({Frame::double_quote, i_});
      ++i_;
      return;
    }
    if (in(Frame::parameter)) {
      if (c == '}') frames_.pop_back();
      ++i_;
      return;
    }
    scan_command_char(c);
  }

  void scan_command_char(char c) {
    if (c == '#' && is_word_start(text_, i_)) {
      while (i_ < text_.size() && text_[i_] != '\n') ++i_;
      return;
    }
    if (c == '<' && at(i_ + 1) == '<') {
      if (at(i_ + 2) == '<') {
        i_ += 3;  // a here-string, not a here-document
      } else {
        scan_heredoc_operator();
      }
      return;
    }
    if (c == '\n') {
      ++i_;
      read_heredoc_bodies();
      return;
    }

    if (in(Frame::command_substitution)) {
      if (c == '(') ++frames_.back().parens;
      if (c == ')' && frames_.back().parens-- == 0) frames_.pop_back();
    }
    ++i_;
  }

  void scan_arithmetic(char c) {
    OpenFrame& frame = frames_.back();
    if (c == '(') ++frame.parens;
    if (c == ')') {
      if (frame.parens > 0) {
        --frame.parens;
      } else if (at(i_ + 1) == ')') {
        frames_.pop_back();
        ++i_;
      }
    }
    ++i_;
  }

  /// Handles a `$` that opens something; returns false when the `$` is plain text.
  bool scan_dollar() {
    char next = at(i_ + 1);
    if (make_ && next == '$') {  // make turns `$$` into the shell's `$`
      if (at(i_ + 2) == '(' || at(i_ + 2) == '{') {
        open_at(i_, i_ + 2);
      } else {
        i_ += 2;
      }
      return true;
    }
    if (make_ && (next == '(' || next == '{')) {
      skip_make_expansion();
      return true;
    }
    if (next == '(' || next == '{') {
      open_at(i_, i_ + 1);
      return true;
    }
    if (next == '\'' && !in(Frame::double_quote) && !in(Frame::parameter)) {
      scan_single_quote(i_, i_ + 2, true);
      return true;
    }
    return false;
  }

  void open_at(std::size_t opener, std::size_t bracket) {
    if (text_[bracket] == '{') {
      frames_.push_back({Frame::parameter, opener, 0, bracket + 1});
      i_ = bracket + 1;
      return;
    }
    bool arithmetic = at(bracket + 1) == '(';
    i_ = bracket + (arithmetic ? 2 : 1);
    frames_.push_back(
        {arithmetic ? Frame::arithmetic : Frame::command_substitution, opener, 0, i_});
  }

  void skip_make_expansion() {
    char open = text_[i_ + 1];
    char close = open == '(' ? ')' : '}';
    int depth = 0;
    for (std::size_t k = i_ + 1; k < text_.size(); ++k) {
      if (text_[k] == open) ++depth;
      if (text_[k] == close && --depth == 0) {
        i_ = k + 1;
        return;
      }
    }
    i_ = text_.size();  // make reports its own unterminated references
  }

  void scan_single_quote(std::size_t opener, std::size_t from, bool ansi_c) {
    for (std::size_t k = from; k < text_.size(); ++k) {
      if (ansi_c && text_[k] == '\\') {
        ++k;
        continue;
      }
      if (text_[k] == '\'') {
        i_ = k + 1;
        return;
      }
    }
    result_ = UnclosedOpener{unterminated_quote(), opener, line_end(opener),
                             "this single quote is never closed, so the shell reads the rest of "
                             "the script as one string"};
    i_ = text_.size();
  }

  static std::string_view unterminated_quote() { return "DV020"; }

  void scan_heredoc_operator() {
    std::size_t start = i_;
    std::size_t k = i_ + 2;
    bool strip_tabs = at(k) == '-';
    if (strip_tabs) ++k;
    while (at(k) == ' ' || at(k) == '\t') ++k;
    std::string delimiter;
    char quote = '\0';
    for (; k < text_.size(); ++k) {
      char c = text_[k];
      if (quote != '\0') {
        if (c == quote) {
          quote = '\0';
        } else {
          delimiter += c;
        }
        continue;
      }
      if (c == '\'' || c == '"') {
        quote = c;
        continue;
      }
      if (c == '\\') {
        if (k + 1 < text_.size()) delimiter += text_[++k];
        continue;
      }
      if (c == ' ' || c == '\t' || c == '\n' || c == ';' || c == '&' || c == '|' || c == '<' ||
          c == '>' || c == '(' || c == ')')
        break;
      delimiter += c;
    }
    i_ = k;
    // No opinion on what bash would not accept, nor on `(( x << 2 ))`: an arithmetic command
    // is hard to tell from nested subshells (`((cmd) | x)`), but a shift is by a number.
    bool numeric = delimiter.find_first_not_of("0123456789") == std::string::npos;
    if (delimiter.empty() || quote != '\0' || numeric) return;
    heredocs_.push_back({std::move(delimiter), strip_tabs, start, k});
  }

  void read_heredoc_bodies() {
    while (!heredocs_.empty()) {
      const PendingHeredoc& heredoc = heredocs_.front();
      bool found = false;
      while (i_ < text_.size()) {
        std::size_t end = text_.find('\n', i_);
        if (end == std::string_view::npos) end = text_.size();
        std::string_view line = text_.substr(i_, end - i_);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (heredoc.strip_tabs) {
          while (!line.empty() && line.front() == '\t') line.remove_prefix(1);
        }
        i_ = end < text_.size() ? end + 1 : end;
        if (line == heredoc.delimiter) {
          found = true;
          break;
        }
      }
      if (!found) return;  // run() reports the heredoc still pending
      heredocs_.erase(heredocs_.begin());
    }
  }

  std::size_t line_end(std::size_t from) const {
    std::size_t end = text_.find('\n', from);
    return end == std::string_view::npos ? text_.size() : end;
  }

  UnclosedOpener unterminated_heredoc(const PendingHeredoc& heredoc) const {
    return {"DV022", heredoc.at, heredoc.operator_end,
            "this here-document is never ended: no line holds only `" + heredoc.delimiter + "`"};
  }

  UnclosedOpener unclosed_frame(const OpenFrame& frame) const {
    switch (frame.kind) {
      case Frame::double_quote:
        return {"DV020", frame.at, line_end(frame.at),
                "this double quote is never closed, so the shell reads the rest of the script "
                "as one string"};
      case Frame::backtick:
        return {"DV020", frame.at, line_end(frame.at), "this backquote is never closed"};
      case Frame::command_substitution:
        return {"DV021", frame.at, frame.opener_end, "this `$(` is never closed by a `)`"};
      case Frame::arithmetic:
        return {"DV021", frame.at, frame.opener_end, "this `$((` is never closed by `))`"};
      case Frame::parameter:
        return {"DV021", frame.at, frame.opener_end, "this `${` is never closed by a `}`"};
    }
    return {};
  }

  std::string_view text_;
  bool make_;
  std::size_t i_ = 0;
  std::vector<OpenFrame> frames_;
  std::vector<PendingHeredoc> heredocs_;
  std::optional<UnclosedOpener> result_;
};

}  // namespace

std::optional<UnclosedOpener> find_unclosed_opener(std::string_view text, bool make_recipe) {
  return Scanner(text, make_recipe).run();
}

}  // namespace dockvet::shell
