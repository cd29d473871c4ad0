#include "shell/command_view.h"

#include <algorithm>

#include "dockerfile/dockerfile.h"

namespace dockvet::shell {

std::string program_name(const CommandLine& command) {
  if (command.words.empty() || !command.words.front().known()) return {};
  std::string program = command.words.front().text();
  const std::size_t slash = program.rfind('/');
  return slash == std::string::npos ? program : program.substr(slash + 1);
}

namespace {

bool listed(std::string_view name, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// The option's name without any "=value": "--opt=x" gives "--opt".
std::string_view option_name(std::string_view text) {
  if (text.starts_with("--")) return text.substr(0, text.find('='));
  return text;
}

}  // namespace

std::vector<Argument> arguments(const CommandLine& command,
                                std::initializer_list<std::string_view> takes_value) {
  std::vector<Argument> out;
  bool options_ended = false;
  for (std::size_t i = 1; i < command.words.size(); ++i) {
    const Word& word = command.words[i];
    Argument argument{&word, word.text(), false, nullptr};
    if (!options_ended && argument.text == "--") {
      options_ended = true;
      continue;
    }
    argument.option = !options_ended && argument.text.size() > 1 && argument.text[0] == '-';
    if (argument.option && argument.text.find('=') == std::string::npos &&
        listed(option_name(argument.text), takes_value) && i + 1 < command.words.size()) {
      argument.value = &command.words[++i];
    }
    out.push_back(std::move(argument));
  }
  return out;
}

bool has_option(const CommandLine& command, std::initializer_list<std::string_view> names) {
  for (const Argument& argument : arguments(command)) {
    if (!argument.option) continue;
    const std::string_view text = argument.text;
    if (text.starts_with("--")) {
      if (listed(option_name(text), names)) return true;
      continue;
    }
    // A short cluster: "-qy" holds -q and -y.
    for (std::size_t i = 1; i < text.size(); ++i) {
      const char flag[] = {'-', text[i], '\0'};
      if (listed(flag, names)) return true;
    }
  }
  return false;
}

std::vector<const Word*> operands(const CommandLine& command,
                                  std::initializer_list<std::string_view> takes_value) {
  std::vector<const Word*> out;
  for (const Argument& argument : arguments(command, takes_value)) {
    if (!argument.option) out.push_back(argument.word);
  }
  return out;
}

bool has_subcommand(const CommandLine& command, std::initializer_list<std::string_view> subcommands,
                    std::initializer_list<std::string_view> takes_value) {
  const auto words = operands(command, takes_value);
  return !words.empty() && words.front()->known() && listed(words.front()->text(), subcommands);
}

RunCommandList::RunCommandList(const FileFacts& facts) {
  if (facts.dockerfile == nullptr) return;
  for (const ShellScript& script : facts.scripts) {
    if (script.instruction < 0) continue;
    for (const CommandLine& command : script.commands) {
      commands_.push_back({script.instruction, &command});
    }
  }
  const auto& instructions = facts.dockerfile->instructions;
  bool added = false;
  for (std::size_t i = 0; i < instructions.size(); ++i) {
    const auto& run = instructions[i];
    if (run.keyword != dockerfile::Keyword::run || !run.is_exec_form() || run.words.empty()) {
      continue;
    }
    // Each array element is one word, exactly as written: no shell splits or expands it.
    // The command spans its elements, from the program's opening quote, not the bracket.
    CommandLine command;
    command.range = {run.words.front().range.begin, run.words.back().range.end};
    for (const auto& token : run.words) {
      command.words.push_back(Word{{WordSegment{token.expanded, true, token.range}}, token.range});
    }
    exec_forms_.push_back(std::move(command));
    commands_.push_back({static_cast<int>(i), &exec_forms_.back()});
    added = true;
  }
  if (added) {
    std::stable_sort(
        commands_.begin(), commands_.end(),
        [](const RunCommand& a, const RunCommand& b) { return a.instruction < b.instruction; });
  }
}

}  // namespace dockvet::shell
