// How BuildKit reads one logical line: the keyword, the `--flags`, and the arguments split by
// the rule of each instruction (parser/line_parsers.go and instructions/parse.go).
#include <algorithm>
#include <array>
#include <cctype>

#include "dockerfile/parse_internal.h"

namespace dockvet::dockerfile {

namespace {

using lexing::LogicalLine;

std::string upper(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

enum class FlagType { string, boolean, list };
struct FlagSpec {
  Keyword keyword;
  std::string_view name;
  FlagType type;
};

// The flags BuildKit's instruction parsers declare (the labs-only ones included, so that a file
// written for docker/dockerfile:1-labs is not reported).
constexpr std::array kFlagSpecs{
    FlagSpec{Keyword::from, "platform", FlagType::string},
    FlagSpec{Keyword::run, "mount", FlagType::list},
    FlagSpec{Keyword::run, "network", FlagType::string},
    FlagSpec{Keyword::run, "security", FlagType::string},
    FlagSpec{Keyword::run, "device", FlagType::list},
    FlagSpec{Keyword::copy, "from", FlagType::string},
    FlagSpec{Keyword::copy, "chown", FlagType::string},
    FlagSpec{Keyword::copy, "chmod", FlagType::string},
    FlagSpec{Keyword::copy, "link", FlagType::boolean},
    FlagSpec{Keyword::copy, "parents", FlagType::boolean},
    FlagSpec{Keyword::copy, "exclude", FlagType::list},
    FlagSpec{Keyword::add, "chown", FlagType::string},
    FlagSpec{Keyword::add, "chmod", FlagType::string},
    FlagSpec{Keyword::add, "link", FlagType::boolean},
    FlagSpec{Keyword::add, "checksum", FlagType::string},
    FlagSpec{Keyword::add, "keep-git-dir", FlagType::boolean},
    FlagSpec{Keyword::add, "unpack", FlagType::boolean},
    FlagSpec{Keyword::add, "exclude", FlagType::list},
    FlagSpec{Keyword::healthcheck, "interval", FlagType::string},
    FlagSpec{Keyword::healthcheck, "timeout", FlagType::string},
    FlagSpec{Keyword::healthcheck, "start-period", FlagType::string},
    FlagSpec{Keyword::healthcheck, "start-interval", FlagType::string},
    FlagSpec{Keyword::healthcheck, "retries", FlagType::string},
};

const FlagSpec* find_flag_spec(Keyword keyword, std::string_view name) {
  for (const FlagSpec& spec : kFlagSpecs) {
    if (spec.keyword == keyword && spec.name == name) return &spec;
  }
  return nullptr;
}

bool takes_exactly_one_argument(Keyword k) {
  return k == Keyword::maintainer || k == Keyword::user || k == Keyword::workdir ||
         k == Keyword::stopsignal;
}

bool takes_at_least_one_argument(Keyword k) {
  return k == Keyword::env || k == Keyword::label || k == Keyword::onbuild ||
         k == Keyword::healthcheck || k == Keyword::expose || k == Keyword::volume ||
         k == Keyword::arg || k == Keyword::shell;
}

// BuildKit's `^[a-z][a-z0-9-_.]*$` on the lower-cased name.
bool is_valid_stage_name(std::string_view name) {
  if (name.empty() || !std::islower(static_cast<unsigned char>(name[0]))) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return std::islower(static_cast<unsigned char>(c)) ||
           std::isdigit(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
  });
}

bool can_hold_heredoc(Keyword k) {
  return k == Keyword::run || k == Keyword::copy || k == Keyword::add;
}

// BuildKit's heredoc word: optional descriptor digits, "<<", optional "-", then a delimiter
// without "<".
bool match_heredoc_word(std::string_view word, int* descriptor, bool* chomp,
                        std::string_view* delimiter) {
  std::size_t i = 0;
  while (i < word.size() && std::isdigit(static_cast<unsigned char>(word[i]))) ++i;
  if (word.substr(i, 2) != "<<") return false;
  const std::string_view digits = word.substr(0, i);
  i += 2;
  *chomp = i < word.size() && word[i] == '-';
  if (*chomp) ++i;
  const std::string_view rest = word.substr(i);
  if (rest.empty() || rest.find('<') != std::string_view::npos) return false;
  *descriptor = digits.empty() || digits.size() > 6 ? 0 : std::stoi(std::string(digits));
  *delimiter = rest;
  return true;
}

std::size_t count_quotes(std::string_view text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return c == '\'' || c == '"'; }));
}

std::vector<ByteRange> pieces_from(const std::vector<ByteRange>& pieces, std::size_t offset) {
  std::vector<ByteRange> out;
  for (const ByteRange& piece : pieces) {
    if (piece.end <= offset && !(piece.empty() && piece.begin == offset)) continue;
    out.push_back({std::max(piece.begin, offset), piece.end});
  }
  return out;
}

}  // namespace

void InstructionBuilder::issue(std::string_view code, ByteRange range, std::string message) {
  out_.issues.push_back(FrontEndIssue{code, range, std::move(message)});
}

Token InstructionBuilder::token(const LogicalLine& line, std::size_t begin, std::size_t end) const {
  Token t;
  t.raw = line.text.substr(begin, end - begin);
  t.expanded = t.raw;
  t.range = line.file_range(begin, end);
  return t;
}

std::size_t InstructionBuilder::build(const LogicalLine& line,
                                      const std::vector<ByteRange>& pieces) {
  const std::size_t index = out_.instructions.size();
  Instruction instruction;
  instruction.pieces = pieces;
  const std::size_t args_begin = fill(line, 0, instruction);
  out_.instructions.push_back(std::move(instruction));
  Instruction& onbuild = out_.instructions[index];
  if (onbuild.keyword != Keyword::onbuild || onbuild.args.empty()) return index;

  // The trigger is read as a line of its own (BuildKit's parseSubCommand), flags included.
  Instruction trigger;
  trigger.onbuild = true;
  trigger.pieces = pieces_from(pieces, line.file_range(args_begin, args_begin + 1).begin);
  fill(line, args_begin, trigger);
  trigger.line_range = {trigger.name_range.begin, onbuild.line_range.end};
  trigger.range = trigger.line_range;
  if (trigger.keyword == Keyword::onbuild) {
    issue(issue::invalid_arguments, trigger.name_range,
          "Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed");
  } else if (trigger.keyword == Keyword::from || trigger.keyword == Keyword::maintainer) {
    issue(issue::invalid_arguments, trigger.name_range,
          upper(trigger.name) + " isn't allowed as an ONBUILD trigger");
  }
  out_.instructions[index].trigger = static_cast<int>(index + 1);
  out_.instructions.push_back(std::move(trigger));
  return index;
}

std::size_t InstructionBuilder::fill(const LogicalLine& line, std::size_t begin,
                                     Instruction& instruction) {
  const std::string& t = line.text;
  std::size_t end = t.size();
  while (end > begin && lexing::is_ascii_space(t[end - 1])) --end;
  std::size_t position = begin;
  while (position < end && lexing::is_ascii_space(t[position])) ++position;
  const std::size_t name_begin = position;
  while (position < end && !lexing::is_separator(t[position])) ++position;
  instruction.name = t.substr(name_begin, position - name_begin);
  instruction.name_range = line.file_range(name_begin, position);
  instruction.keyword = keyword_from_name(instruction.name);
  instruction.text = t.substr(name_begin, end - name_begin);
  read_flags(line, position, end, instruction);
  while (position < end && lexing::is_ascii_space(t[position])) ++position;
  const std::size_t args_begin = position;
  instruction.args = t.substr(position, end - position);
  instruction.args_range = line.file_range(position, end);
  read_arguments(line, position, end, instruction);
  if (can_hold_heredoc(instruction.keyword) && instruction.form != Form::exec &&
      t.find("<<", begin) != std::string::npos) {
    read_heredocs(line, begin, instruction);
  }
  validate(instruction);
  return args_begin;
}

// BuildKit's extractBuilderFlags: leading words that start with "--", quotes removed and
// backslash escapes applied; a lone "--" ends them.
void InstructionBuilder::read_flags(const LogicalLine& line, std::size_t& position, std::size_t end,
                                    Instruction& instruction) {
  const std::string& t = line.text;
  while (true) {
    while (position < end && lexing::is_ascii_space(t[position])) ++position;
    if (position + 1 >= end || t[position] != '-' || t[position + 1] != '-') return;
    const std::size_t start = position;
    std::string word;
    char quote = 0;
    while (position < end) {
      const char c = t[position];
      if (quote == 0 && lexing::is_ascii_space(c)) break;
      ++position;
      if (quote == 0 && (c == '\'' || c == '"')) {
        quote = c;
      } else if (quote != 0 && c == quote) {
        quote = 0;
      } else if (c == '\\') {
        if (position < end) word.push_back(t[position++]);
      } else {
        word.push_back(c);
      }
    }
    if (word == "--") return;
    Flag flag;
    flag.range = line.file_range(start, position);
    const std::size_t raw_eq = t.find('=', start);
    const std::size_t word_eq = word.find('=');
    if (word_eq == std::string::npos || raw_eq >= position) {
      flag.name = word.substr(2);
      flag.name_range = flag.range;
      flag.value_range = line.file_range(position, position);
    } else {
      flag.name = word.substr(2, word_eq - 2);
      flag.value = word.substr(word_eq + 1);
      flag.expanded = *flag.value;
      flag.name_range = line.file_range(start, raw_eq);
      flag.value_range = line.file_range(raw_eq + 1, position);
    }
    instruction.flags.push_back(std::move(flag));
  }
}

void InstructionBuilder::read_arguments(const LogicalLine& line, std::size_t begin, std::size_t end,
                                        Instruction& instruction) {
  if (begin >= end) return;
  switch (instruction.keyword) {
    case Keyword::run:
    case Keyword::cmd:
    case Keyword::entrypoint:
    case Keyword::shell: read_command(line, begin, end, instruction); break;
    case Keyword::add:
    case Keyword::copy:
    case Keyword::volume:
      if (!read_json(line, begin, end, instruction))
        read_whitespace_words(line, begin, end, instruction);
      break;
    case Keyword::from:
    case Keyword::expose: read_whitespace_words(line, begin, end, instruction); break;
    case Keyword::env:
    case Keyword::label: read_name_values(line, begin, end, instruction); break;
    case Keyword::arg: read_arg_names(line, begin, end, instruction); break;
    case Keyword::healthcheck: read_healthcheck(line, begin, end, instruction); break;
    case Keyword::maintainer:
    case Keyword::user:
    case Keyword::workdir:
    case Keyword::stopsignal: instruction.words.push_back(token(line, begin, end)); break;
    case Keyword::onbuild:
    case Keyword::unknown: break;
  }
}

bool InstructionBuilder::read_json(const LogicalLine& line, std::size_t begin, std::size_t end,
                                   Instruction& instruction) {
  std::vector<lexing::JsonElement> elements;
  const auto result =
      lexing::parse_json_array(std::string_view(line.text).substr(0, end), begin, elements);
  if (result == lexing::JsonResult::not_string_array) {
    issue(issue::invalid_arguments, line.file_range(begin, end),
          "the JSON array holds values that are not strings; BuildKit rejects it");
  }
  if (result != lexing::JsonResult::string_array) return false;
  instruction.form = Form::exec;
  for (auto& element : elements) {
    Token t = token(line, element.span.begin, element.span.end);
    t.expanded = std::move(element.value);
    instruction.words.push_back(std::move(t));
  }
  return true;
}

void InstructionBuilder::read_whitespace_words(const LogicalLine& line, std::size_t begin,
                                               std::size_t end, Instruction& instruction) {
  for (const auto& span : lexing::split_whitespace(line.text, begin, end)) {
    instruction.words.push_back(token(line, span.begin, span.end));
  }
}

void InstructionBuilder::read_command(const LogicalLine& line, std::size_t begin, std::size_t end,
                                      Instruction& instruction) {
  if (begin >= end) return;
  if (read_json(line, begin, end, instruction)) return;
  instruction.form = Form::shell;
  instruction.words.push_back(token(line, begin, end));
}

void InstructionBuilder::read_healthcheck(const LogicalLine& line, std::size_t begin,
                                          std::size_t end, Instruction& instruction) {
  const std::string& t = line.text;
  std::size_t type_end = begin;
  while (type_end < end && !lexing::is_separator(t[type_end])) ++type_end;
  instruction.subcommand = token(line, begin, type_end);
  std::size_t rest = type_end;
  while (rest < end && lexing::is_separator(t[rest])) ++rest;
  const std::string type = upper(instruction.subcommand->raw);
  if (type == "NONE") {
    if (rest < end) {
      issue(issue::invalid_arguments, line.file_range(rest, end),
            "HEALTHCHECK NONE takes no arguments");
    }
  } else if (type == "CMD") {
    if (rest >= end) {
      issue(issue::invalid_arguments, instruction.subcommand->range,
            "Missing command after HEALTHCHECK CMD");
    }
    read_command(line, rest, end, instruction);
  } else {
    issue(issue::invalid_arguments, instruction.subcommand->range,
          "Unknown type \"" + instruction.subcommand->raw + "\" in HEALTHCHECK (try CMD)");
  }
}

// ENV and LABEL: `key=value ...`, or the legacy `key value` when the first word has no "=".
void InstructionBuilder::read_name_values(const LogicalLine& line, std::size_t begin,
                                          std::size_t end, Instruction& instruction) {
  const std::string& t = line.text;
  const auto spans = lexing::split_words(t, begin, end, escape_);
  if (spans.empty()) return;
  const std::string_view first(t.data() + spans[0].begin, spans[0].end - spans[0].begin);
  if (first.find('=') == std::string_view::npos) {
    std::size_t key_end = begin;
    while (key_end < end && !lexing::is_separator(t[key_end])) ++key_end;
    std::size_t value_begin = key_end;
    while (value_begin < end && lexing::is_separator(t[value_begin])) ++value_begin;
    KeyValue pair;
    pair.key = token(line, begin, key_end);
    pair.legacy = true;
    pair.range = line.file_range(begin, end);
    if (value_begin >= end) {
      issue(issue::invalid_arguments, pair.range,
            upper(instruction.name) + " must have two arguments");
    } else {
      pair.value = token(line, value_begin, end);
    }
    instruction.pairs.push_back(std::move(pair));
    return;
  }
  for (const auto& span : spans) {
    const std::string_view word(t.data() + span.begin, span.end - span.begin);
    const std::size_t eq = word.find('=');
    if (eq == std::string_view::npos) {
      issue(issue::invalid_arguments, line.file_range(span.begin, span.end),
            "Syntax error - can't find = in \"" + std::string(word) +
                "\". Must be of the form: name=value");
      continue;
    }
    KeyValue pair;
    pair.key = token(line, span.begin, span.begin + eq);
    pair.value = token(line, span.begin + eq + 1, span.end);
    pair.range = line.file_range(span.begin, span.end);
    instruction.pairs.push_back(std::move(pair));
  }
}

void InstructionBuilder::read_arg_names(const LogicalLine& line, std::size_t begin, std::size_t end,
                                        Instruction& instruction) {
  const std::string& t = line.text;
  for (const auto& span : lexing::split_words(t, begin, end, escape_)) {
    const std::size_t eq = t.find('=', span.begin);
    KeyValue pair;
    pair.range = line.file_range(span.begin, span.end);
    if (eq < span.end) {
      pair.key = token(line, span.begin, eq);
      pair.value = token(line, eq + 1, span.end);
    } else {
      pair.key = token(line, span.begin, span.end);
    }
    instruction.pairs.push_back(std::move(pair));
  }
}

// BuildKit looks for heredocs in every shell-like word of the line (the keyword included),
// always with backslash as the escape, whatever the escape directive says.
void InstructionBuilder::read_heredocs(const LogicalLine& line, std::size_t begin,
                                       Instruction& instruction) {
  const std::string_view t = std::string_view(line.text).substr(begin);
  for (const auto& span : lexing::split_shell_words(t)) {
    const std::string_view word = t.substr(span.begin, span.end - span.begin);
    Heredoc heredoc;
    std::string_view delimiter;
    if (!match_heredoc_word(word, &heredoc.descriptor, &heredoc.chomp, &delimiter)) continue;
    heredoc.name = lexing::unquote(delimiter, '\\');
    heredoc.expand = count_quotes(heredoc.name) == count_quotes(delimiter);
    heredoc.word_range = line.file_range(begin + span.begin, begin + span.end);
    instruction.heredocs.push_back(std::move(heredoc));
  }
}

void InstructionBuilder::validate_flags(const Instruction& instruction) {
  for (std::size_t i = 0; i < instruction.flags.size(); ++i) {
    const Flag& flag = instruction.flags[i];
    const FlagSpec* spec = find_flag_spec(instruction.keyword, flag.name);
    if (spec == nullptr) {
      issue(issue::invalid_flag, flag.range,
            "unknown flag: " + flag.name + " (" + upper(instruction.name) +
                " has no such flag; BuildKit rejects the file)");
      continue;
    }
    if (spec->type == FlagType::boolean && flag.value) {
      const std::string value = lower(*flag.value);
      if (value != "true" && value != "false") {
        issue(issue::invalid_flag, flag.range,
              "expecting boolean value for flag " + flag.name + ", not: " + *flag.value);
      }
    } else if (spec->type != FlagType::boolean && !flag.value) {
      issue(issue::invalid_flag, flag.range, "Missing a value on flag: " + flag.name);
    }
    if (spec->type == FlagType::list) continue;
    for (std::size_t k = 0; k < i; ++k) {
      if (instruction.flags[k].name == flag.name) {
        issue(issue::invalid_flag, flag.range, "Duplicate flag specified: " + flag.name);
        break;
      }
    }
  }
}

void InstructionBuilder::validate(const Instruction& instruction) {
  const Keyword k = instruction.keyword;
  const std::string name = upper(instruction.name);
  if (k == Keyword::unknown) {
    issue(issue::unknown_instruction, instruction.name_range,
          "unknown instruction: " + instruction.name);
    return;
  }
  validate_flags(instruction);
  const ByteRange where =
      instruction.args.empty() ? instruction.name_range : instruction.args_range;
  if (instruction.args.empty()) {
    if (takes_exactly_one_argument(k)) {
      issue(issue::invalid_arguments, where, name + " requires exactly one argument");
    } else if (takes_at_least_one_argument(k)) {
      issue(issue::invalid_arguments, where, name + " requires at least one argument");
    }
  }
  if ((k == Keyword::add || k == Keyword::copy) && instruction.words.size() < 2) {
    issue(issue::invalid_arguments, where,
          name + " requires at least two arguments, but only " +
              std::to_string(instruction.words.size()) +
              " was provided. Destination could not be determined");
  }
  if (k == Keyword::shell && !instruction.args.empty() && instruction.form != Form::exec) {
    issue(issue::invalid_arguments, where, "SHELL requires the arguments to be in JSON form");
  }
  if (k == Keyword::volume && instruction.form == Form::exec) {
    for (const Token& word : instruction.words) {
      if (word.expanded.find_first_not_of(" \t\r\n\v\f") == std::string::npos) {
        issue(issue::invalid_arguments, word.range, "VOLUME specified can not be an empty string");
      }
    }
  }
  if (k == Keyword::from && !instruction.words.empty()) {
    const auto& words = instruction.words;
    if (words.size() == 3 && lower(words[1].raw) == "as") {
      if (!is_valid_stage_name(lower(words[2].raw))) {
        issue(issue::invalid_arguments, words[2].range,
              "invalid name for build stage: \"" + words[2].raw +
                  "\", name can't start with a number or contain symbols");
      }
    } else if (words.size() != 1) {
      issue(issue::invalid_arguments, where, "FROM requires either one or three arguments");
    }
  }
}

}  // namespace dockvet::dockerfile
