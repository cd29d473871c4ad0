#include "dockerfile/check_options.h"

#include <algorithm>
#include <cctype>

#include "dockerfile/lexing.h"

namespace dockvet::dockerfile {

namespace {

std::string_view trim(std::string_view text) {
  while (!text.empty() && lexing::is_ascii_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && lexing::is_ascii_space(text.back())) text.remove_suffix(1);
  return text;
}

// Go's strings.Split on ",", each part trimmed: "A, B" names A and B; "" names "".
std::vector<std::string> rule_list(std::string_view text) {
  std::vector<std::string> names;
  for (;;) {
    const std::size_t comma = text.find(',');
    names.emplace_back(trim(text.substr(0, comma)));
    if (comma == std::string_view::npos) return names;
    text.remove_prefix(comma + 1);
  }
}

// Go's strconv.ParseBool.
std::optional<bool> parse_bool(std::string_view text) {
  static constexpr std::string_view kTrue[] = {"1", "t", "T", "TRUE", "true", "True"};
  static constexpr std::string_view kFalse[] = {"0", "f", "F", "FALSE", "false", "False"};
  if (std::find(std::begin(kTrue), std::end(kTrue), text) != std::end(kTrue)) return true;
  if (std::find(std::begin(kFalse), std::end(kFalse), text) != std::end(kFalse)) return false;
  return std::nullopt;
}

bool contains(const std::vector<std::string>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// A comment's text as BuildKit keeps it in a node's preceding comments: after the "#", trimmed.
std::string_view comment_text(std::string_view line) {
  line = trim(line);
  if (!line.empty() && line.front() == '#') line.remove_prefix(1);
  return trim(line);
}

// The value of a comment shaped like a `check=` parser directive (Go's `^([a-zA-Z][a-zA-Z0-9]*)\s*=
// \s*(.+?)\s*$` with the name "check" in any case), or nullopt.
std::optional<std::string_view> check_comment_value(std::string_view comment) {
  if (comment.empty() || !std::isalpha(static_cast<unsigned char>(comment[0]))) {
    return std::nullopt;
  }
  std::size_t name_end = 0;
  while (name_end < comment.size() && std::isalnum(static_cast<unsigned char>(comment[name_end])))
    ++name_end;
  std::string name(comment.substr(0, name_end));
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  std::string_view rest = trim(comment.substr(name_end));
  if (name != "check" || rest.empty() || rest.front() != '=') return std::nullopt;
  rest = trim(rest.substr(1));
  if (rest.empty()) return std::nullopt;
  return rest;
}

bool is_check_comment(std::string_view comment) {
  return check_comment_value(comment).has_value();
}

// The options of a `check=` comment above an instruction, as WithMergedConfigFromComments reads
// them: the value is cut at its first space; nullopt when BuildKit rejects it.
std::optional<CheckOptions> comment_options(std::string_view comment) {
  const auto value = check_comment_value(comment);
  if (!value) return std::nullopt;
  return parse_check_options(value->substr(0, value->find(' ')));
}

}  // namespace

bool CheckOptions::skips(std::string_view rule) const {
  return skip_all || contains(skip, rule);
}

bool CheckOptions::enables_experimental(std::string_view rule) const {
  return experimental_all || contains(experimental, rule);
}

CheckOptions CheckOptions::merged(const CheckOptions& other) const {
  CheckOptions out = *this;
  out.skip_all = skip_all || other.skip_all;
  out.experimental_all = experimental_all || other.experimental_all;
  out.skip.insert(out.skip.end(), other.skip.begin(), other.skip.end());
  out.experimental.insert(out.experimental.end(), other.experimental.begin(),
                          other.experimental.end());
  // BuildKit's ReturnAsError comes from the build's own options only.
  return out;
}

std::optional<CheckOptions> parse_check_options(std::string_view value) {
  CheckOptions options;
  value = trim(value);
  if (value.empty()) return options;
  // Go's strings.SplitN(value, ";", 3): a third part keeps any further ";".
  std::vector<std::string_view> parts;
  while (parts.size() < 2) {
    const std::size_t semicolon = value.find(';');
    if (semicolon == std::string_view::npos) break;
    parts.push_back(value.substr(0, semicolon));
    value.remove_prefix(semicolon + 1);
  }
  parts.push_back(value);
  for (const std::string_view part : parts) {
    const std::size_t equals = part.find('=');
    if (equals == std::string_view::npos) return std::nullopt;
    const std::string_view key = trim(part.substr(0, equals));
    const std::string_view setting = trim(part.substr(equals + 1));
    if (key == "skip") {
      if (setting == "all") {
        options.skip_all = true;
      } else {
        options.skip = rule_list(setting);
      }
    } else if (key == "experimental") {
      if (setting == "all") {
        options.experimental_all = true;
      } else {
        options.experimental = rule_list(setting);
      }
    } else if (key == "error") {
      const auto error = parse_bool(setting);
      if (!error) return std::nullopt;
      options.error = *error;
    } else {
      return std::nullopt;
    }
  }
  return options;
}

const CheckOptions& CheckOptionsByLine::at(std::uint32_t line) const {
  for (const Span& span : instructions_) {
    if (line < span.first_line) break;
    if (line <= span.last_line) return span.options;
  }
  return file_;
}

std::vector<std::vector<std::string_view>> preceding_comments(const Dockerfile& dockerfile) {
  std::vector<std::vector<std::string_view>> out(dockerfile.instructions.size());
  if (dockerfile.source == nullptr) return out;
  const SourceFile& file = *dockerfile.source;
  std::size_t comment = 0;
  std::size_t previous_end = 0;
  for (std::size_t index = 0; index < dockerfile.instructions.size(); ++index) {
    const Instruction& instruction = dockerfile.instructions[index];
    if (instruction.onbuild) continue;  // the trigger shares its ONBUILD's line
    std::vector<std::string_view>& comments = out[index];
    for (; comment < dockerfile.comments.size() &&
           dockerfile.comments[comment].begin < instruction.range.begin;
         ++comment) {
      const ByteRange range = dockerfile.comments[comment];
      if (range.begin < previous_end) continue;
      const bool is_directive =
          std::any_of(dockerfile.directives.begin(), dockerfile.directives.end(),
                      [&](const Directive& d) { return d.range.begin == range.begin; });
      if (is_directive) continue;
      const std::string_view text = comment_text(file.slice(range));
      if (text.empty()) {
        comments.clear();
      } else {
        comments.push_back(text);
      }
    }
    previous_end = std::max(instruction.range.end, previous_end);
  }
  return out;
}

CheckOptionsByLine check_options(const Dockerfile& dockerfile) {
  CheckOptionsByLine out;
  if (const Directive* directive = dockerfile.directive("check")) {
    if (auto options = parse_check_options(directive->value)) out.file_ = std::move(*options);
  }
  if (dockerfile.source == nullptr || dockerfile.comments.empty()) return out;
  const SourceFile& file = *dockerfile.source;
  const auto comments = preceding_comments(dockerfile);
  for (std::size_t index = 0; index < comments.size(); ++index) {
    // BuildKit reads the first comment shaped like a `check=` directive; an invalid value
    // changes nothing.
    std::optional<CheckOptions> found;
    for (const std::string_view text : comments[index]) {
      if (is_check_comment(text)) {
        found = comment_options(text);
        break;
      }
    }
    if (!found) continue;
    const Instruction& instruction = dockerfile.instructions[index];
    const std::uint32_t first = file.lines.position(instruction.range.begin).line;
    const std::uint32_t last =
        file.lines
            .position(instruction.range.end > instruction.range.begin ? instruction.range.end - 1
                                                                      : instruction.range.begin)
            .line;
    out.instructions_.push_back({first, last, out.file_.merged(*found)});
  }
  return out;
}

}  // namespace dockvet::dockerfile
