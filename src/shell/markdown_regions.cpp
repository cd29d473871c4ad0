// Shell code in Markdown, following CommonMark's rules for fenced and indented code blocks.
// Ranges point into the .md file, so a finding names the line of the document.
#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <string_view>

#include "shell/regions.h"

namespace dockvet::shell {
namespace {

/// Columns of leading whitespace, a tab advancing to the next multiple of 4.
std::size_t indent_of(std::string_view line) {
  std::size_t columns = 0;
  for (char c : line) {
    if (c == ' ') {
      ++columns;
    } else if (c == '\t') {
      columns += 4 - columns % 4;
    } else {
      break;
    }
  }
  return columns;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool is_blank(std::string_view line) {
  return trim(line).empty();
}

/// How a code block's commands are marked.
enum class Transcript { none, console, dollar };

/// Whether a fence's info string names a shell language, and whether it is a transcript.
bool shell_info(std::string_view info, Transcript& transcript) {
  info = trim(info);
  while (!info.empty() && (info.front() == '{' || info.front() == '.')) info.remove_prefix(1);
  std::string word(info.substr(0, info.find_first_of(" \t{},")));
  std::transform(word.begin(), word.end(), word.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  static constexpr std::string_view scripts[] = {"", "sh", "bash", "shell", "zsh"};
  static constexpr std::string_view sessions[] = {"console", "shellsession", "shell-session",
                                                  "sh-session", "bash-session"};
  transcript = Transcript::none;
  if (std::find(std::begin(sessions), std::end(sessions), word) != std::end(sessions)) {
    transcript = Transcript::console;
    return true;
  }
  return std::find(std::begin(scripts), std::end(scripts), word) != std::end(scripts);
}

/// The length of a list marker (`-`, `*`, `+`, `1.`, `1)`) at the start of `s` followed by a
/// space or the end of the line; 0 when there is none.
std::size_t list_marker_length(std::string_view s) {
  std::size_t n = 0;
  if (!s.empty() && (s[0] == '-' || s[0] == '*' || s[0] == '+')) {
    n = 1;
  } else {
    while (n < s.size() && n < 9 && std::isdigit(static_cast<unsigned char>(s[n]))) ++n;
    if (n == 0 || n >= s.size() || (s[n] != '.' && s[n] != ')')) return 0;
    ++n;
  }
  if (n < s.size() && s[n] != ' ' && s[n] != '\t') return 0;
  return n;
}

struct Fence {
  char marker;
  std::size_t length;
  std::size_t indent;
  std::string_view info;
};

class BlockFinder {
 public:
  explicit BlockFinder(std::string_view text) : text_(text), lines_(split_lines(text)) {}

  std::vector<ShellRegion> run() {
    std::size_t i = 0;
    while (i < lines_.size()) i = step(i);
    return std::move(regions_);
  }

 private:
  std::string_view line_text(std::size_t i) const {
    return text_.substr(lines_[i].begin, lines_[i].end - lines_[i].begin);
  }

  /// How far a fence may be indented: 3 columns, or 3 past a list item's content.
  std::size_t max_fence_indent() const { return list_content_ == npos ? 3 : list_content_ + 3; }

  std::optional<Fence> opening_fence(std::string_view line) const {
    std::size_t indent = indent_of(line);
    if (indent > max_fence_indent()) return std::nullopt;
    std::string_view rest = trim(line);
    if (rest.empty() || (rest[0] != '`' && rest[0] != '~')) return std::nullopt;
    std::size_t length = rest.find_first_not_of(rest[0]);
    if (length == std::string_view::npos) length = rest.size();
    if (length < 3) return std::nullopt;
    std::string_view info = rest.substr(length);
    if (rest[0] == '`' && info.find('`') != std::string_view::npos) return std::nullopt;
    return Fence{rest[0], length, indent, info};
  }

  bool closes(const Fence& fence, std::string_view line) const {
    if (indent_of(line) > fence.indent + 3) return false;
    std::string_view rest = trim(line);
    return rest.size() >= fence.length &&
           rest.find_first_not_of(fence.marker) == std::string_view::npos;
  }

  std::size_t step(std::size_t i) {
    std::string_view line = line_text(i);
    bool previous_blank = i == 0 || is_blank(line_text(i - 1));
    if (is_blank(line)) return i + 1;
    track_list(line, previous_blank);
    if (auto fence = opening_fence(line)) return fenced_block(i, *fence);
    if (list_content_ == npos && previous_blank && indent_of(line) >= 4 && !in_paragraph_) {
      return indented_block(i);
    }
    in_paragraph_ = true;
    return i + 1;
  }

  void track_list(std::string_view line, bool previous_blank) {
    std::size_t indent = indent_of(line);
    std::string_view rest = trim(line);
    if (std::size_t marker = list_marker_length(rest); marker > 0) {
      std::size_t spaces = std::min<std::size_t>(indent_of(rest.substr(marker)), 4);
      list_content_ = indent + marker + std::max<std::size_t>(spaces, 1);
      in_paragraph_ = false;
      return;
    }
    if (previous_blank) {
      in_paragraph_ = false;
      if (list_content_ != npos && indent < 2) list_content_ = npos;
    }
  }

  std::size_t fenced_block(std::size_t open, const Fence& fence) {
    in_paragraph_ = false;
    std::size_t close = open + 1;
    while (close < lines_.size() && !closes(fence, line_text(close))) ++close;
    Transcript transcript = Transcript::none;
    if (shell_info(fence.info, transcript) && close > open + 1) {
      add_block(open + 1, close - 1, transcript);
    }
    return close + 1;
  }

  std::size_t indented_block(std::size_t first) {
    std::size_t last = first;
    for (std::size_t k = first + 1; k < lines_.size(); ++k) {
      std::string_view line = line_text(k);
      if (is_blank(line)) continue;
      if (indent_of(line) < 4) break;
      last = k;
    }
    add_block(first, last, Transcript::none);
    return last + 1;
  }

  void add_block(std::size_t first, std::size_t last, Transcript transcript) {
    if (transcript == Transcript::none) {
      std::size_t k = first;
      while (k <= last && is_blank(line_text(k))) ++k;
      if (k <= last && trim(line_text(k)).starts_with("$ ")) transcript = Transcript::dollar;
    }
    if (transcript == Transcript::none) {
      ShellRegion region;
      for (std::size_t k = first; k <= last; ++k) add_line(region, k, lines_[k].begin);
      regions_.push_back(std::move(region));
      return;
    }
    for (std::size_t k = first; k <= last; ++k) {
      std::size_t command = prompt_end(line_text(k), transcript);
      if (command == npos) continue;
      ShellRegion region;
      add_line(region, k, lines_[k].begin + command);
      while (k < last && ends_with_continuation(k)) {
        ++k;
        add_line(region, k, lines_[k].begin);
      }
      if (!region.ranges.empty()) regions_.push_back(std::move(region));
    }
  }

  /// Where the command starts after a transcript prompt, or npos for an output line.
  static std::size_t prompt_end(std::string_view line, Transcript transcript) {
    std::size_t at = line.find_first_not_of(" \t");
    if (at == npos || at + 1 >= line.size()) return npos;
    bool prompt = line[at] == '$' || (transcript == Transcript::console && line[at] == '#');
    if (!prompt || (line[at + 1] != ' ' && line[at + 1] != '\t')) return npos;
    at = line.find_first_not_of(" \t", at + 1);
    return at == npos ? npos : at;
  }

  bool ends_with_continuation(std::size_t k) const {
    std::string_view line = line_text(k);
    std::size_t backslashes = 0;
    while (backslashes < line.size() && line[line.size() - 1 - backslashes] == '\\') ++backslashes;
    return backslashes % 2 == 1;
  }

  /// Adds line `k` from `from` to the region with its newline, leaving out a "\r" before it.
  void add_line(ShellRegion& region, std::size_t k, std::size_t from) {
    const TextLine& line = lines_[k];
    bool crlf = line.next_begin > line.end + 1;
    ByteRange piece{from, crlf ? line.end : line.next_begin};
    if (piece.empty()) return;
    if (!region.ranges.empty() && region.ranges.back().end == piece.begin) {
      region.ranges.back().end = piece.end;
    } else {
      region.ranges.push_back(piece);
    }
    if (crlf) region.ranges.push_back({line.next_begin - 1, line.next_begin});
  }

  static constexpr std::size_t npos = std::string_view::npos;
  std::string_view text_;
  std::vector<TextLine> lines_;
  std::vector<ShellRegion> regions_;
  std::size_t list_content_ = npos;  // content column of the innermost open list item
  bool in_paragraph_ = false;
};

}  // namespace

std::vector<ShellRegion> markdown_regions(std::string_view text) {
  return BlockFinder(text).run();
}

}  // namespace dockvet::shell
