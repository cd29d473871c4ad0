// The line-level half of the Dockerfile front end: directives, continuation lines, comments,
// heredoc bodies, the instruction keyword and its flags. The argument rules of each instruction
// live in instruction.cpp and the stage and variable pass in stages.cpp.
#include "dockerfile/dockerfile.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <set>
#include <unordered_map>

#include "dockerfile/check_options.h"
#include "dockerfile/lexing.h"
#include "dockerfile/parse_internal.h"

namespace dockvet::dockerfile {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

/// One physical line: [begin, content_end) is its text without "\n" or "\r\n".
struct PhysicalLine {
  std::size_t begin = 0;
  std::size_t content_end = 0;
};

std::vector<PhysicalLine> split_lines(std::string_view text) {
  std::vector<PhysicalLine> lines;
  std::size_t begin = 0;
  while (begin < text.size()) {
    std::size_t newline = text.find('\n', begin);
    const bool last = newline == std::string_view::npos;
    std::size_t end = last ? text.size() : newline;
    // Go's line scanner drops one "\r" before the line end, at the end of the file too.
    std::size_t content_end = end;
    if (content_end > begin && text[content_end - 1] == '\r') --content_end;
    lines.push_back({begin, content_end});
    begin = last ? text.size() : newline + 1;
  }
  return lines;
}

class LineParser {
 public:
  LineParser(const SourceFile& file, Dockerfile& out)
      : text_(file.text), lines_(split_lines(file.text)), out_(out) {}

  void run() {
    std::size_t index = 0;
    while (index < lines_.size()) index = parse_from(index);
  }

 private:
  std::size_t skip_space(std::size_t from, std::size_t to) const {
    while (from < to && lexing::is_ascii_space(text_[from])) ++from;
    return from;
  }

  // Go's regexp `\s` (the directive pattern) is [\t\n\f\r ].
  static bool is_directive_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
  }

  void issue(std::string_view code, ByteRange range, std::string message) {
    out_.issues.push_back(FrontEndIssue{code, range, std::move(message)});
  }

  // Reads one line of the directive block; the first line that is no known directive ends it.
  void directive_line(std::size_t begin, std::size_t end) {
    if (directives_done_) return;
    if (begin >= end || text_[begin] != '#') {
      directives_done_ = true;
      return;
    }
    std::size_t name_begin = begin + 1;
    while (name_begin < end && lexing::is_ascii_space(text_[name_begin])) ++name_begin;
    std::size_t name_end = name_begin;
    if (name_end < end && std::isalpha(static_cast<unsigned char>(text_[name_end]))) {
      while (name_end < end && std::isalnum(static_cast<unsigned char>(text_[name_end])))
        ++name_end;
    }
    std::size_t eq = name_end;
    while (eq < end && is_directive_space(text_[eq])) ++eq;
    std::size_t value_end = end;
    while (value_end > eq + 1 && is_directive_space(text_[value_end - 1])) --value_end;
    std::size_t value_begin = eq + 1;
    while (value_begin < value_end && is_directive_space(text_[value_begin])) ++value_begin;
    const std::string name = lower(text_.substr(name_begin, name_end - name_begin));
    const bool shaped =
        name_end > name_begin && eq < end && text_[eq] == '=' && value_begin < value_end;
    if (!shaped || (name != "syntax" && name != "escape" && name != "check")) {
      directives_done_ = true;
      return;
    }
    const ByteRange line{begin, end};
    if (!seen_directives_.insert(name).second) {
      issue(issue::invalid_directive, line,
            "only one " + name + " parser directive can be used; BuildKit rejects the file");
      return;
    }
    Directive directive{name, std::string(text_.substr(value_begin, value_end - value_begin)), line,
                        ByteRange{name_begin, name_end}, ByteRange{value_begin, value_end}};
    if (name == "escape") set_escape(directive);
    if (name == "check" && !parse_check_options(directive.value)) {
      issue(issue::invalid_directive, directive.value_range,
            "invalid check options '" + directive.value +
                "': BuildKit reads `skip=NAME,...|all`, `error=true|false` and "
                "`experimental=NAME,...|all`, separated by `;`, and fails the build otherwise");
    }
    out_.directives.push_back(std::move(directive));
  }

  void set_escape(const Directive& directive) {
    if (directive.value == "\\" || directive.value == "`") {
      out_.escape = directive.value[0];
      return;
    }
    issue(issue::invalid_directive, directive.value_range,
          "invalid escape token '" + directive.value + "' does not match ` or \\");
  }

  // The end of a line's kept text and whether an escape character continues it.
  std::pair<std::size_t, bool> continuation(std::size_t begin, std::size_t end) const {
    std::size_t last = end;
    while (last > begin && (text_[last - 1] == ' ' || text_[last - 1] == '\t')) --last;
    if (last > begin && text_[last - 1] == out_.escape) return {last - 1, true};
    return {end, false};
  }

  void record_comment(std::size_t begin, std::size_t end) {
    out_.comments.push_back(ByteRange{begin, end});
  }

  // Parses the instruction (or comment, or blank line) that starts at line `index`; returns the
  // index of the first line after it.
  std::size_t parse_from(std::size_t index) {
    const PhysicalLine& first = lines_[index];
    std::size_t begin = first.begin;
    if (index == 0 && text_.substr(0, kBom.size()) == kBom) {
      begin += kBom.size();
      out_.has_bom = true;
    }
    const std::size_t trimmed = skip_space(begin, first.content_end);
    directive_line(trimmed, first.content_end);
    ++index;
    if (trimmed < first.content_end && text_[trimmed] == '#') {
      record_comment(trimmed, first.content_end);
      return index;
    }
    if (trimmed == first.content_end) return index;

    lexing::LogicalLine logical;
    std::vector<ByteRange> pieces;
    auto [piece_end, continues] = continuation(trimmed, first.content_end);
    pieces.push_back({trimmed, piece_end});
    std::size_t last_line_end = first.content_end;
    while (continues && index < lines_.size()) {
      const PhysicalLine& line = lines_[index++];
      directives_done_ = true;
      const std::size_t content = skip_space(line.begin, line.content_end);
      if (content < line.content_end && text_[content] == '#') {
        record_comment(content, line.content_end);
        continue;
      }
      if (content == line.content_end) continue;  // BuildKit drops empty continuation lines
      std::tie(piece_end, continues) = continuation(line.begin, line.content_end);
      pieces.push_back({line.begin, piece_end});
      last_line_end = line.content_end;
    }
    for (const ByteRange& piece : pieces) logical.append(text_, piece);
    if (logical.text.find_first_not_of(" \t\r\v\f\n") == std::string::npos) return index;

    InstructionBuilder builder(text_, out_.escape, out_);
    const std::size_t first_index = builder.build(logical, pieces);
    Instruction& built = out_.instructions[first_index];
    built.line_range = {trimmed, last_line_end};
    built.range = built.line_range;
    Instruction* heredoc_owner = &built;
    if (built.trigger >= 0) {
      Instruction& trigger = out_.instructions[static_cast<std::size_t>(built.trigger)];
      trigger.line_range.end = last_line_end;
      trigger.range.end = last_line_end;
      heredoc_owner = &trigger;
    }
    index = read_heredoc_bodies(*heredoc_owner, index);
    if (heredoc_owner != &built) built.range.end = heredoc_owner->range.end;
    return index;
  }

  // Reads the bodies of the heredocs the instruction line opened, in order.
  std::size_t read_heredoc_bodies(Instruction& instruction, std::size_t index) {
    for (Heredoc& heredoc : instruction.heredocs) {
      const std::size_t body_begin = index < lines_.size() ? lines_[index].begin : text_.size();
      heredoc.body = {body_begin, body_begin};
      heredoc.terminated = false;
      if (const std::size_t at = find_terminator(heredoc, index); at < lines_.size()) {
        const PhysicalLine& line = lines_[at];
        heredoc.terminated = true;
        heredoc.body = {body_begin, line.begin};
        heredoc.terminator = {line.begin, line.content_end};
        heredoc.content = std::string(text_.substr(body_begin, line.begin - body_begin));
        instruction.range.end = line.content_end;
        index = at + 1;
      }
      if (!heredoc.terminated) {
        // BuildKit would read the rest of the file as the body and fail; dockvet reports it and
        // goes on reading the following lines as instructions, so the rest is still checked.
        heredoc.terminator = {body_begin, body_begin};
        issue(issue::unterminated_heredoc, heredoc.word_range,
              "heredoc `" + heredoc.name + "` is never terminated: no line reads exactly `" +
                  heredoc.name + "`");
      }
    }
    return index;
  }

  // A line's text, without the leading tabs that `<<-` strips when `chomp` is set.
  std::string_view line_text(const PhysicalLine& line, bool chomp) const {
    std::size_t begin = line.begin;
    if (chomp) {
      while (begin < line.content_end && text_[begin] == '\t') ++begin;
    }
    return text_.substr(begin, line.content_end - begin);
  }

  // The first line at or after `from` that ends `heredoc`, or lines_.size() when none does.
  // A terminator is usually a few lines on, so lines are read one by one at first. Once the
  // reads add up to twice the file, the lines are indexed by their text instead: scanning the
  // rest of the file once per heredoc would make a file of many unterminated heredocs
  // quadratic.
  std::size_t find_terminator(const Heredoc& heredoc, std::size_t from) {
    if (lines_read_for_heredocs_ < 2 * lines_.size()) {
      for (std::size_t at = from; at < lines_.size(); ++at) {
        ++lines_read_for_heredocs_;
        if (line_text(lines_[at], heredoc.chomp) == heredoc.name) return at;
      }
      return lines_.size();
    }
    auto& index = heredoc.chomp ? chomped_lines_ : exact_lines_;
    if (!index) {
      index.emplace();
      for (std::size_t at = 0; at < lines_.size(); ++at) {
        (*index)[line_text(lines_[at], heredoc.chomp)].push_back(at);
      }
    }
    const auto found = index->find(heredoc.name);
    if (found == index->end()) return lines_.size();
    const auto& at = found->second;  // ascending
    const auto next = std::lower_bound(at.begin(), at.end(), from);
    return next == at.end() ? lines_.size() : *next;
  }

  std::string_view text_;
  std::vector<PhysicalLine> lines_;
  // Line numbers by line text, built on the first heredoc of each kind.
  using LinesByText = std::unordered_map<std::string_view, std::vector<std::size_t>>;
  std::optional<LinesByText> exact_lines_;
  std::optional<LinesByText> chomped_lines_;
  std::size_t lines_read_for_heredocs_ = 0;
  Dockerfile& out_;
  bool directives_done_ = false;
  std::set<std::string> seen_directives_;
};

}  // namespace

std::string_view to_string(Keyword keyword) {
  switch (keyword) {
    case Keyword::add: return "ADD";
    case Keyword::arg: return "ARG";
    case Keyword::cmd: return "CMD";
    case Keyword::copy: return "COPY";
    case Keyword::entrypoint: return "ENTRYPOINT";
    case Keyword::env: return "ENV";
    case Keyword::expose: return "EXPOSE";
    case Keyword::from: return "FROM";
    case Keyword::healthcheck: return "HEALTHCHECK";
    case Keyword::label: return "LABEL";
    case Keyword::maintainer: return "MAINTAINER";
    case Keyword::onbuild: return "ONBUILD";
    case Keyword::run: return "RUN";
    case Keyword::shell: return "SHELL";
    case Keyword::stopsignal: return "STOPSIGNAL";
    case Keyword::user: return "USER";
    case Keyword::volume: return "VOLUME";
    case Keyword::workdir: return "WORKDIR";
    case Keyword::unknown: break;
  }
  return "UNKNOWN";
}

Keyword keyword_from_name(std::string_view name) {
  const auto same_ignoring_case = [&](std::string_view upper) {
    return name.size() == upper.size() &&
           std::equal(name.begin(), name.end(), upper.begin(), [](char a, char b) {
             return std::toupper(static_cast<unsigned char>(a)) == b;
           });
  };
  for (int k = 0; k < static_cast<int>(Keyword::unknown); ++k) {
    const auto keyword = static_cast<Keyword>(k);
    if (same_ignoring_case(to_string(keyword))) return keyword;
  }
  return Keyword::unknown;
}

const Flag* Instruction::flag(std::string_view flag_name) const {
  for (const Flag& f : flags) {
    if (f.name == flag_name) return &f;
  }
  return nullptr;
}

std::vector<RunMount> run_mounts(const Instruction& instruction) {
  std::vector<RunMount> mounts;
  for (const Flag& flag : instruction.flags) {
    if (flag.name != "mount" || !flag.value) continue;
    RunMount mount;
    mount.flag = &flag;
    mount.known = flag.expanded_known;
    std::string_view rest = flag.expanded_known ? std::string_view(flag.expanded) : *flag.value;
    while (!rest.empty()) {
      const std::size_t comma = rest.find(',');
      const std::string_view field = rest.substr(0, comma);
      const std::size_t equals = field.find('=');
      std::string key(field.substr(0, equals));
      for (char& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      const std::string_view value =
          equals == std::string_view::npos ? std::string_view{} : field.substr(equals + 1);
      if (key == "type") {
        mount.type = value;
        for (char& c : mount.type)
          c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      } else if (key == "target" || key == "dst" || key == "destination") {
        mount.target = value;
      } else if (key == "source" || key == "src") {
        mount.source = value;
      } else if (key == "from") {
        mount.from = value;
      }
      if (comma == std::string_view::npos) break;
      rest.remove_prefix(comma + 1);
    }
    mounts.push_back(std::move(mount));
  }
  return mounts;
}

const Directive* Dockerfile::directive(std::string_view directive_name) const {
  for (const Directive& d : directives) {
    if (d.name == directive_name) return &d;
  }
  return nullptr;
}

const Stage* Dockerfile::stage(std::string_view name_or_index) const {
  const std::string wanted = lower(name_or_index);
  for (const Stage& s : stages) {
    if (!s.name.empty() && s.name == wanted) return &s;
  }
  if (!wanted.empty() && std::all_of(wanted.begin(), wanted.end(), [](char c) {
        return std::isdigit(static_cast<unsigned char>(c));
      })) {
    const std::size_t index = wanted.size() < 6 ? std::stoul(wanted) : stages.size();
    if (index < stages.size()) return &stages[index];
  }
  return nullptr;
}

Dockerfile parse(const SourceFile& file) {
  Dockerfile dockerfile;
  dockerfile.source = &file;
  LineParser(file, dockerfile).run();
  resolve_stages(dockerfile);
  return dockerfile;
}

}  // namespace dockvet::dockerfile
