#include "bestpractice/apt_apk_gem.h"

#include <algorithm>
#include <cctype>

#include "shell/command_view.h"

namespace dockvet::bestpractice {

namespace {

const Word* subcommand_of(const CommandLine& command, std::string_view program,
                          std::initializer_list<std::string_view> subcommands,
                          std::initializer_list<std::string_view> value_options) {
  if (shell::program_name(command) != program) return nullptr;
  const auto words = shell::operands(command, value_options);
  if (words.empty() || !words.front()->known()) return nullptr;
  const std::string name = words.front()->text();
  for (const auto subcommand : subcommands) {
    if (name == subcommand) return words.front();
  }
  return nullptr;
}

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

std::string_view without_trailing_slashes(std::string_view path) {
  while (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
  return path;
}

// `ancestor` is `path` or a directory above it.
bool covers(std::string_view ancestor, std::string_view path) {
  ancestor = without_trailing_slashes(ancestor);
  path = without_trailing_slashes(path);
  if (ancestor == path || ancestor == "/") return true;
  return path.size() > ancestor.size() && path.starts_with(ancestor) &&
         path[ancestor.size()] == '/';
}

}  // namespace

const Word* apt_get_subcommand(const CommandLine& command,
                               std::initializer_list<std::string_view> subcommands) {
  return subcommand_of(command, "apt-get", subcommands, kAptGetValueOptions);
}

const Word* apk_subcommand(const CommandLine& command,
                           std::initializer_list<std::string_view> subcommands) {
  return subcommand_of(command, "apk", subcommands, kApkValueOptions);
}

ByteRange command_head(const CommandLine& command, const Word& last) {
  return {command.words.front().range.begin, last.range.end};
}

std::optional<Fix> insert_after_word(const FileFacts& facts, const RunCommandRef& ref,
                                     const Word& word, std::string_view option, bool safe) {
  if (facts.dockerfile == nullptr || ref.instruction < 0) return std::nullopt;
  const auto& run = facts.dockerfile->instructions[static_cast<std::size_t>(ref.instruction)];
  if (!run.is_shell_form() || !word.known() || facts.file.slice(word.range) != word.text()) {
    return std::nullopt;
  }
  return Fix::replace("add `" + std::string(option) + "`", {word.range.end, word.range.end},
                      " " + std::string(option), safe);
}

std::vector<std::pair<std::string, std::string>> apt_config_options(const CommandLine& command) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& argument : shell::arguments(command, kAptGetValueOptions)) {
    if (!argument.option) continue;
    std::string setting;
    if ((argument.text == "-o" || argument.text == "--option") && argument.value != nullptr) {
      setting = argument.value->text();
    } else if (argument.text.starts_with("--option=")) {
      setting = argument.text.substr(9);
    } else if (argument.text.starts_with("-o") && !argument.text.starts_with("--")) {
      setting = argument.text.substr(2);
    } else {
      continue;
    }
    const std::size_t equals = setting.find('=');
    if (equals == std::string::npos) continue;
    out.emplace_back(lower(setting.substr(0, equals)), setting.substr(equals + 1));
  }
  return out;
}

bool apt_false(std::string_view value) {
  const std::string text = lower(std::string(value));
  return text == "false" || text == "0" || text == "no" || text == "off";
}

bool apt_true(std::string_view value) {
  const std::string text = lower(std::string(value));
  return text == "true" || text == "1" || text == "yes" || text == "on";
}

bool mounts_cache_over(const dockerfile::Instruction& run, std::string_view path) {
  for (const auto& mount : dockerfile::run_mounts(run)) {
    if ((mount.type == "cache" || mount.type == "tmpfs") && !mount.target.empty() &&
        covers(mount.target, path)) {
      return true;
    }
  }
  return false;
}

bool removes_contents_of(const CommandLine& command, std::string_view directory) {
  if (shell::program_name(command) != "rm") return false;
  for (const Word* operand : shell::operands(command)) {
    std::string text = operand->text();
    if (text.ends_with("/*")) text.resize(text.size() - 2);
    if (!text.empty() && text.front() == '/' && covers(text, directory)) return true;
  }
  return false;
}

}  // namespace dockvet::bestpractice
