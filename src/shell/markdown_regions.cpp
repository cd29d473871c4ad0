// Shell code in Markdown, following CommonMark's rules for fenced and indented code blocks, in
// list items and block quotes. Ranges point into the .md file, so a finding names the line of
// the document.
//
// Docs show commands in more shapes than a shell script: console transcripts with or without
// prompts, `text` blocks, PowerShell and cmd blocks with their own line continuations. Each is
// read as the person copying it would: the commands, without prompts, output or continuation
// marks a shell would not see.
#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <string_view>

#include "docker/flags.h"
#include "shell/regions.h"

namespace dockvet::shell {
namespace {

constexpr std::size_t npos = std::string_view::npos;

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

/// How a code block holds its commands.
enum class Layout {
  script,         // every line is shell (sh, bash, an unlabelled fence)
  transcript,     // `$ ` / `# ` prompts mark commands, other lines are output (console)
  command_lines,  // only lines that start a container CLI are commands (text, PowerShell, cmd)
};

/// What ends a line that the next one continues.
enum class Continuation { backslash, backtick, caret };

struct BlockStyle {
  Layout layout = Layout::script;
  Continuation continuation = Continuation::backslash;
  bool hash_prompts = false;  // `# ` is a root prompt (console), not a comment
};

/// The language a fence's info string names, lowercased: "bash" of "{.bash title=x}".
std::string first_info_word(std::string_view info) {
  info = trim(info);
  while (!info.empty() && (info.front() == '{' || info.front() == '.')) info.remove_prefix(1);
  std::string word(info.substr(0, info.find_first_of(" \t{},")));
  std::transform(word.begin(), word.end(), word.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return word;
}

/// The style a fence's info string names, or nullopt for a language that is not shell.
std::optional<BlockStyle> block_style(std::string_view info) {
  const std::string word = first_info_word(info);
  auto is_one_of = [&](std::initializer_list<std::string_view> names) {
    return std::find(names.begin(), names.end(), word) != names.end();
  };
  if (is_one_of({"", "sh", "bash", "shell", "zsh", "ksh", "dash"})) return BlockStyle{};
  if (is_one_of(
          {"console", "shellsession", "shell-session", "sh-session", "bash-session", "terminal"})) {
    return BlockStyle{Layout::transcript, Continuation::backslash, true};
  }
  if (is_one_of({"text", "txt", "plain", "plaintext", "none"})) {
    return BlockStyle{Layout::command_lines, Continuation::backslash};
  }
  if (is_one_of({"powershell", "ps1", "pwsh", "ps", "posh"})) {
    return BlockStyle{Layout::command_lines, Continuation::backtick};
  }
  if (is_one_of({"cmd", "bat", "batch", "doscon", "dos"})) {
    return BlockStyle{Layout::command_lines, Continuation::caret};
  }
  return std::nullopt;
}

bool is_dockerfile_info(std::string_view info) {
  std::string word(first_info_word(info));
  return word == "dockerfile" || word == "containerfile";
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

/// Strips at most `most` block-quote markers (`>` after up to 3 spaces, and one space after
/// it) from the front of `line`: returns the bytes stripped and sets `found` to the markers.
std::size_t strip_quotes(std::string_view line, std::size_t most, std::size_t& found) {
  found = 0;
  std::size_t at = 0;
  while (found < most) {
    std::size_t marker = at;
    while (marker < line.size() && marker - at < 3 && line[marker] == ' ') ++marker;
    if (marker >= line.size() || line[marker] != '>') break;
    at = marker + 1;
    if (at < line.size() && (line[at] == ' ' || line[at] == '\t')) ++at;
    ++found;
  }
  return at;
}

/// A container CLI named as the program: `docker`, `podman.exe`, `/usr/bin/docker`.
bool is_container_cli(std::string_view word) {
  return !word.empty() && docker::tool_from_program(word).has_value();
}

std::string_view first_word(std::string_view text) {
  return text.substr(0, text.find_first_of(" \t"));
}

/// Where a command line that starts a container CLI begins in `text` (after `sudo `), or npos.
std::size_t container_command_at(std::string_view text) {
  std::size_t at = text.find_first_not_of(" \t");
  if (at == npos) return npos;
  if (first_word(text.substr(at)) == "sudo") {
    std::size_t next = text.find_first_not_of(" \t", at + 4);
    if (next == npos || !is_container_cli(first_word(text.substr(next)))) return npos;
    return at;
  }
  return is_container_cli(first_word(text.substr(at))) ? at : npos;
}

/// The end of a shell prompt (`$ `, and `# ` in a console) at the start of `line`, where the
/// command begins; npos when the line has none.
std::size_t classic_prompt_end(std::string_view line, bool hash_prompts) {
  std::size_t at = line.find_first_not_of(" \t");
  if (at == npos || at + 1 >= line.size()) return npos;
  bool prompt = line[at] == '$' || (hash_prompts && line[at] == '#');
  if (!prompt || (line[at + 1] != ' ' && line[at + 1] != '\t')) return npos;
  at = line.find_first_not_of(" \t", at + 1);
  return at;
}

/// The end of a richer prompt before a container CLI: `user@host:~$ `, `root@db:/# `,
/// `PS C:\work> `, `C:\> `, `unix> `. Only trusted when a container CLI follows, since output
/// lines can look alike. npos when there is none.
std::size_t decorated_prompt_end(std::string_view line) {
  std::size_t at = line.find_first_not_of(" \t");
  if (at == npos) return npos;
  std::string_view rest = line.substr(at);
  std::size_t prompt_end = npos;
  if (rest.starts_with("PS ")) {
    std::size_t close = rest.find("> ");
    if (close != npos) prompt_end = close + 1;
  } else {
    std::string_view word = first_word(rest);
    if (word.size() >= 2 && (word.back() == '$' || word.back() == '#' || word.back() == '>')) {
      prompt_end = word.size();
    }
  }
  if (prompt_end == npos) return npos;
  std::size_t command = rest.find_first_not_of(" \t", prompt_end);
  if (command == npos || container_command_at(rest.substr(command)) != 0) return npos;
  return at + command;
}

/// One line of a code block: where its content starts in the file and the content itself
/// (after block-quote markers).
struct BlockLine {
  std::size_t index;  // into the file's lines
  std::size_t begin;  // file offset of `text`
  std::string_view text;
};

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

  std::vector<ShownDockerfile> dockerfiles() {
    run();
    return std::move(dockerfiles_);
  }

 private:
  std::string_view raw(std::size_t i) const {
    return text_.substr(lines_[i].begin, lines_[i].end - lines_[i].begin);
  }

  /// Line `i` without the block-quote markers before it.
  std::string_view unquoted(std::size_t i, std::size_t& depth) const {
    std::string_view line = raw(i);
    return line.substr(strip_quotes(line, npos, depth));
  }

  /// Line `i` inside a block opened at quote depth `depth`; nullopt when the quote has ended.
  std::optional<BlockLine> block_line(std::size_t i, std::size_t depth) const {
    std::string_view line = raw(i);
    std::size_t found = 0;
    std::size_t stripped = strip_quotes(line, depth, found);
    if (found < depth) return std::nullopt;
    return BlockLine{i, lines_[i].begin + stripped, line.substr(stripped)};
  }

  /// How far a fence may be indented: 3 columns, or 3 past a list item's content.
  std::size_t max_fence_indent() const { return list_content_ == npos ? 3 : list_content_ + 3; }

  std::optional<Fence> opening_fence(std::string_view line) const {
    std::size_t indent = indent_of(line);
    if (indent > max_fence_indent()) return std::nullopt;
    std::string_view rest = trim(line);
    if (rest.empty() || (rest[0] != '`' && rest[0] != '~')) return std::nullopt;
    std::size_t length = rest.find_first_not_of(rest[0]);
    if (length == npos) length = rest.size();
    if (length < 3) return std::nullopt;
    std::string_view info = rest.substr(length);
    if (rest[0] == '`' && info.find('`') != npos) return std::nullopt;
    return Fence{rest[0], length, indent, info};
  }

  static bool closes(const Fence& fence, std::string_view line) {
    if (indent_of(line) > fence.indent + 3) return false;
    std::string_view rest = trim(line);
    return rest.size() >= fence.length && rest.find_first_not_of(fence.marker) == npos;
  }

  std::size_t step(std::size_t i) {
    std::size_t depth = 0;
    std::string_view line = unquoted(i, depth);
    std::size_t previous_depth = 0;
    bool previous_blank = i == 0 || is_blank(unquoted(i - 1, previous_depth));
    if (is_blank(line)) return i + 1;
    track_list(line, previous_blank);
    if (auto fence = opening_fence(line)) return fenced_block(i, *fence, depth);
    const std::size_t code_indent = (list_content_ == npos ? 0 : list_content_) + 4;
    if (previous_blank && indent_of(line) >= code_indent && !in_paragraph_) {
      return indented_block(i, depth, code_indent);
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

  std::size_t fenced_block(std::size_t open, const Fence& fence, std::size_t depth) {
    in_paragraph_ = false;
    std::vector<BlockLine> content;
    std::size_t k = open + 1;
    for (; k < lines_.size(); ++k) {
      auto line = block_line(k, depth);
      if (!line) break;  // the block quote ended, and the block with it
      if (closes(fence, line->text)) {
        ++k;
        break;
      }
      content.push_back(*line);
    }
    if (auto style = block_style(fence.info); style && !content.empty()) {
      add_block(content, *style);
    } else if (is_dockerfile_info(fence.info) && !content.empty()) {
      ShownDockerfile shown{{}, lines_[content.back().index].next_begin};
      for (const auto& line : content) {
        shown.text.append(line.text);
        shown.text.push_back('\n');
      }
      dockerfiles_.push_back(std::move(shown));
    }
    return k;
  }

  std::size_t indented_block(std::size_t first, std::size_t depth, std::size_t code_indent) {
    std::vector<BlockLine> content;
    std::size_t kept = 0;
    for (std::size_t k = first; k < lines_.size(); ++k) {
      auto line = block_line(k, depth);
      if (!line) break;
      if (!is_blank(line->text) && indent_of(line->text) < code_indent) break;
      content.push_back(*line);
      if (!is_blank(line->text)) kept = content.size();
    }
    content.resize(kept);  // trailing blank lines belong to what follows
    add_block(content, BlockStyle{});
    return content.back().index + 1;
  }

  void add_block(const std::vector<BlockLine>& content, BlockStyle style) {
    if (style.layout == Layout::script) {
      auto first = std::find_if(content.begin(), content.end(),
                                [](const BlockLine& line) { return !is_blank(line.text); });
      if (first != content.end() && trim(first->text).starts_with("$ ")) {
        style.layout = Layout::transcript;
      }
    }
    if (style.layout == Layout::transcript) {
      const bool prompted = std::any_of(content.begin(), content.end(), [&](const BlockLine& line) {
        return classic_prompt_end(line.text, style.hash_prompts) != npos;
      });
      // A console block without a single prompt lists commands bare: read the ones that start a
      // container CLI, the rest may be output.
      if (!prompted) style.layout = Layout::command_lines;
    }
    if (style.layout == Layout::script) {
      ShellRegion region;
      for (std::size_t k = 0; k < content.size(); ++k) {
        if (k > 0 && is_blank(content[k].text) && continues(content[k - 1], style)) {
          continue;  // a blank line inside a continued command is a typo, not its end
        }
        add_line(region, content[k], content[k].begin, style);
      }
      if (!region.ranges.empty()) regions_.push_back(std::move(region));
      return;
    }
    for (std::size_t k = 0; k < content.size(); ++k) {
      std::size_t command = command_start(content[k].text, style);
      if (command == npos) continue;
      ShellRegion region;
      add_line(region, content[k], content[k].begin + command, style);
      while (continues(content[k], style)) {
        std::size_t next = k + 1;
        while (next < content.size() && is_blank(content[next].text)) ++next;
        if (next >= content.size()) break;
        k = next;
        add_line(region, content[k], content[k].begin, style);
      }
      if (!region.ranges.empty()) regions_.push_back(std::move(region));
    }
  }

  /// Where the command starts in a line of a transcript or command-lines block, or npos for a
  /// line that is output or another program.
  static std::size_t command_start(std::string_view line, BlockStyle style) {
    if (style.layout == Layout::transcript) {
      if (std::size_t at = classic_prompt_end(line, style.hash_prompts); at != npos) return at;
      return decorated_prompt_end(line);
    }
    if (std::size_t at = classic_prompt_end(line, false); at != npos) {
      return container_command_at(line.substr(at)) == 0 ? at : npos;
    }
    if (std::size_t at = decorated_prompt_end(line); at != npos) return at;
    return container_command_at(line);
  }

  /// The offset in `line` of the mark that continues it on the next line, or npos. Spaces after
  /// a trailing backslash are a common slip in docs; the shell would end the command there, the
  /// reader does not.
  static std::size_t continuation_mark(std::string_view line, Continuation continuation) {
    std::size_t end = line.find_last_not_of(" \t");
    if (end == npos) return npos;
    switch (continuation) {
      case Continuation::backslash: {
        std::size_t backslashes = 0;
        while (backslashes <= end && line[end - backslashes] == '\\') ++backslashes;
        return backslashes % 2 == 1 ? end : npos;
      }
      case Continuation::backtick: return line[end] == '`' ? end : npos;
      case Continuation::caret: return line[end] == '^' ? end : npos;
    }
    return npos;
  }

  static bool continues(const BlockLine& line, BlockStyle style) {
    return continuation_mark(line.text, style.continuation) != npos;
  }

  /// Adds a block line from `from` to the region as the shell should read it: a backslash
  /// continuation keeps its backslash and newline (without spaces between them); PowerShell's
  /// backtick and cmd's caret join the lines by leaving out the mark and the newline; a "\r"
  /// before a newline is left out.
  void add_line(ShellRegion& region, const BlockLine& line, std::size_t from, BlockStyle style) {
    const TextLine& physical = lines_[line.index];
    const std::size_t mark = continuation_mark(line.text, style.continuation);
    std::size_t stop = physical.end;
    bool newline = physical.next_begin > physical.end;
    if (mark != npos) {
      if (style.continuation == Continuation::backslash) {
        stop = line.begin + mark + 1;
      } else {
        stop = line.begin + mark;
        newline = false;
      }
    }
    add_text(region, from, std::max(from, stop));
    if (newline) add_piece(region, {physical.next_begin - 1, physical.next_begin});
  }

  /// Adds the file's bytes [begin, end), leaving out what makes a docs placeholder a redirect
  /// to bash: an option placeholder standing alone (`<OPTIONS>`) goes whole, since it stands for
  /// flags the page leaves out; any other (`postgres:<version>`, `<volume>:/data`) loses its
  /// brackets and reads as the word the reader fills in.
  void add_text(ShellRegion& region, std::size_t begin, std::size_t end) {
    std::size_t at = begin;
    while (at < end) {
      std::size_t open = text_.find('<', at);
      if (open == npos || open >= end) break;
      std::size_t close = placeholder_end(open, end);
      if (close == npos) {
        add_piece(region, {at, open + 1});
        at = open + 1;
        continue;
      }
      add_piece(region, {at, open});
      const bool alone = (open == begin || is_space(text_[open - 1])) &&
                         (close + 1 == end || is_space(text_[close + 1]));
      if (!(alone && names_options(text_.substr(open + 1, close - open - 1)))) {
        // `<my SSL folder>` reads as one word: its spaces are left out too.
        std::size_t piece = open + 1;
        for (std::size_t k = open + 1; k <= close; ++k) {
          if (k == close || text_[k] == ' ') {
            add_piece(region, {piece, k});
            piece = k + 1;
          }
        }
      }
      at = close + 1;
    }
    add_piece(region, {at, end});
  }

  /// The `>` that closes a placeholder opened at `open` (`<` then a letter, then letters,
  /// digits, single spaces and `_.:/-`, at most 60 bytes), or npos: `<<EOF`, `< file`, `<(cmd)`
  /// and `<&3` are left alone.
  std::size_t placeholder_end(std::size_t open, std::size_t end) const {
    if (open + 1 >= end || !std::isalpha(static_cast<unsigned char>(text_[open + 1]))) {
      return npos;
    }
    for (std::size_t k = open + 2; k < end && k < open + 62; ++k) {
      char c = text_[k];
      if (c == '>') return text_[k - 1] == ' ' ? npos : k;
      if (c == ' ' && text_[k - 1] == ' ') return npos;
      if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '.' && c != ':' &&
          c != '/' && c != '-' && c != ' ') {
        return npos;
      }
    }
    return npos;
  }

  static bool is_space(char c) { return c == ' ' || c == '\t'; }

  static bool names_options(std::string_view inside) {
    std::string upper(inside);
    std::transform(upper.begin(), upper.end(), upper.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return upper.find("OPTION") != std::string::npos || upper.find("FLAG") != std::string::npos;
  }

  static void add_piece(ShellRegion& region, ByteRange piece) {
    if (piece.empty()) return;
    if (!region.ranges.empty() && region.ranges.back().end == piece.begin) {
      region.ranges.back().end = piece.end;
    } else {
      region.ranges.push_back(piece);
    }
  }

  std::string_view text_;
  std::vector<TextLine> lines_;
  std::vector<ShellRegion> regions_;
  std::vector<ShownDockerfile> dockerfiles_;
  std::size_t list_content_ = npos;  // content column of the innermost open list item
  bool in_paragraph_ = false;
};

}  // namespace

std::vector<ShellRegion> markdown_regions(std::string_view text) {
  return BlockFinder(text).run();
}

std::vector<ShownDockerfile> markdown_dockerfiles(std::string_view text) {
  return BlockFinder(text).dockerfiles();
}

}  // namespace dockvet::shell
