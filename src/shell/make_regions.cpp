// Makefile recipes as GNU make hands them to the shell. Make removes a recipe line's leading tab
// and its `@`, `-` and `+` prefixes, keeps backslash-newline for the shell, and drops the tab
// that starts each continued line. `$$` is the shell's `$`, so the first `$` is left out of the
// ranges; `$(VAR)` stays, and the shell front end keeps it as an expansion instead of guessing.
#include <algorithm>
#include <string_view>

#include "shell/regions.h"

namespace dockvet::shell {
namespace {

bool ends_with_continuation(std::string_view text, const TextLine& line) {
  std::size_t backslashes = 0;
  for (std::size_t i = line.end; i > line.begin && text[i - 1] == '\\'; --i) ++backslashes;
  return backslashes % 2 == 1;
}

/// Index of the last physical line of the logical line that starts at `first`.
std::size_t logical_end(std::string_view text, const std::vector<TextLine>& lines,
                        std::size_t first) {
  std::size_t last = first;
  while (last + 1 < lines.size() && ends_with_continuation(text, lines[last])) ++last;
  return last;
}

std::string_view trim_left(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  return s;
}

std::string_view first_word(std::string_view s) {
  std::size_t end = s.find_first_of(" \t(");
  return s.substr(0, end);
}

bool is_conditional(std::string_view word) {
  return word == "ifeq" || word == "ifneq" || word == "ifdef" || word == "ifndef" ||
         word == "else" || word == "endif";
}

bool is_other_directive(std::string_view word) {
  return word == "include" || word == "-include" || word == "sinclude" || word == "export" ||
         word == "unexport" || word == "override" || word == "vpath" || word == "undefine" ||
         word == "private" || word == "define";
}

/// What a make-level line (not a recipe line) is.
enum class MakeLine { rule, assignment, other };

struct Classified {
  MakeLine kind = MakeLine::other;
  std::size_t inline_recipe = std::string_view::npos;  // offset in the line after `;`
};

/// Finds the rule colon or assignment `=` outside `$(…)`/`${…}` references.
Classified classify(std::string_view line) {
  int depth = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (c == '$' && i + 1 < line.size() && (line[i + 1] == '(' || line[i + 1] == '{')) {
      ++depth;
      ++i;
      continue;
    }
    if (depth > 0) {
      if (c == '(' || c == '{') ++depth;
      if (c == ')' || c == '}') --depth;
      continue;
    }
    if (c == '#') return {};
    if (c == '=') return {MakeLine::assignment};
    if (c == ':') {
      std::size_t after = line.find_first_not_of(':', i);
      if (after != std::string_view::npos && line[after] == '=') return {MakeLine::assignment};
      std::size_t semicolon = line.find(';', i);
      std::size_t equals = line.find('=', i);
      if (equals < semicolon) return {MakeLine::assignment};  // a target-specific variable
      if (semicolon == std::string_view::npos) return {MakeLine::rule};
      return {MakeLine::rule, semicolon + 1};
    }
  }
  return {};
}

class RecipeFinder {
 public:
  explicit RecipeFinder(std::string_view text) : text_(text), lines_(split_lines(text)) {}

  std::vector<ShellRegion> run() {
    std::size_t i = 0;
    while (i < lines_.size()) i = step(i);
    return std::move(regions_);
  }

 private:
  std::string_view line_text(const TextLine& line) const {
    return text_.substr(line.begin, line.end - line.begin);
  }

  /// Reads the line at `i`; returns the index of the next unread line.
  std::size_t step(std::size_t i) {
    std::string_view raw = line_text(lines_[i]);
    if (in_define_) {
      if (first_word(trim_left(raw)) == "endef") in_define_ = false;
      return i + 1;
    }
    if (in_rule_ && !raw.empty() && raw.front() == '\t') {
      return add_recipe(i, lines_[i].begin + 1);
    }
    std::size_t last = logical_end(text_, lines_, i);
    std::string_view line = trim_left(raw);
    if (line.empty() || line.front() == '#') return last + 1;
    std::string_view word = first_word(line);
    if (is_conditional(word)) return last + 1;
    if (is_other_directive(word)) {
      in_rule_ = false;
      in_define_ = word == "define";
      return last + 1;
    }
    std::size_t line_offset = static_cast<std::size_t>(line.data() - text_.data());
    std::string_view logical = text_.substr(line_offset, lines_[last].end - line_offset);
    Classified kind = classify(logical);
    in_rule_ = kind.kind == MakeLine::rule;
    if (kind.inline_recipe != std::string_view::npos) {
      std::size_t recipe = line_offset + kind.inline_recipe;
      std::size_t holder = i;
      while (holder < last && lines_[holder].next_begin <= recipe) ++holder;
      add_recipe(holder, recipe);
    }
    return last + 1;
  }

  /// Adds the recipe that starts at file offset `begin` inside line `first`; returns the index
  /// of the line after it.
  std::size_t add_recipe(std::size_t first, std::size_t begin) {
    begin = skip_recipe_prefixes(begin, lines_[first].end);
    std::size_t last = logical_end(text_, lines_, first);
    ShellRegion region;
    for (std::size_t k = first; k <= last; ++k) {
      std::size_t from = k == first ? begin : lines_[k].begin;
      if (k != first && text_[from] == '\t' && from < lines_[k].end) ++from;
      std::size_t to = k == last ? lines_[k].end : lines_[k].next_begin;
      add_without_make_escapes(region, {from, to});
    }
    bool blank = std::all_of(region.ranges.begin(), region.ranges.end(), [&](const ByteRange& r) {
      return trim_left(text_.substr(r.begin, r.size())).empty();
    });
    if (!region.ranges.empty() && !blank) regions_.push_back(std::move(region));
    return last + 1;
  }

  /// Make turns `$$` into `$` before the shell runs: the first `$` stays out of the ranges.
  void add_without_make_escapes(ShellRegion& region, ByteRange range) const {
    std::size_t from = range.begin;
    for (std::size_t i = range.begin; i + 1 < range.end; ++i) {
      if (text_[i] != '$') continue;
      if (text_[i + 1] == '$') {
        if (from < i) region.ranges.push_back({from, i});
        from = i + 1;
      }
      ++i;  // `$x` and the second `$` of `$$` start nothing new
    }
    if (from < range.end) region.ranges.push_back({from, range.end});
  }

  std::size_t skip_recipe_prefixes(std::size_t at, std::size_t end) const {
    while (at < end && (text_[at] == '@' || text_[at] == '-' || text_[at] == '+' ||
                        text_[at] == ' ' || text_[at] == '\t')) {
      ++at;
    }
    return at;
  }

  std::string_view text_;
  std::vector<TextLine> lines_;
  std::vector<ShellRegion> regions_;
  bool in_rule_ = false;
  bool in_define_ = false;
};

}  // namespace

std::vector<ShellRegion> makefile_regions(std::string_view text) {
  return RecipeFinder(text).run();
}

}  // namespace dockvet::shell
