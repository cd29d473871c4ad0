#include "bestpractice/language_packages.h"

#include <algorithm>
#include <cctype>

namespace dockvet::language_packages {

RunCommands::RunCommands(const FileFacts& facts) : commands_(shell::run_commands(facts)) {
  if (facts.dockerfile == nullptr) return;
  const auto& instructions = facts.dockerfile->instructions;
  for (std::size_t i = 0; i < instructions.size(); ++i) {
    const auto& run = instructions[i];
    if (run.keyword != dockerfile::Keyword::run || !run.is_exec_form() || run.words.empty()) {
      continue;
    }
    CommandLine command;
    command.range = run.args_range;
    for (const auto& token : run.words) {
      command.words.push_back(Word{{WordSegment{token.expanded, true, token.range}}, token.range});
    }
    exec_form_.push_back(std::move(command));
    commands_.push_back({static_cast<int>(i), &exec_form_.back()});
  }
  std::stable_sort(commands_.begin(), commands_.end(),
                   [](const shell::RunCommand& a, const shell::RunCommand& b) {
                     return a.instruction < b.instruction;
                   });
}

const std::initializer_list<std::string_view> kPipOptionsWithValue = {
    // general options
    "--python", "--log", "--log-file", "--local-log", "--proxy", "--retries", "--timeout",
    "--exists-action", "--trusted-host", "--cert", "--client-cert", "--cache-dir", "--use-feature",
    "--use-deprecated", "--keyring-provider", "--resume-retries",
    // install options
    "-r", "--requirement", "-c", "--constraint", "-e", "--editable", "-t", "--target", "--platform",
    "--python-version", "--implementation", "--abi", "--root", "--prefix", "-b", "--build", "--src",
    "--upgrade-strategy", "--root-user-action", "--report", "-C", "--config-settings",
    "--global-option", "--install-option", "--no-binary", "--only-binary", "-i", "--index-url",
    "--extra-index-url", "-f", "--find-links", "--group", "--build-constraint", "--progress-bar",
    // pipx install options
    "--suffix", "--pip-args", "--preinstall", "--spec", "--backend"};

namespace {

// "pip", "pip3", "pip3.12"; "python", "python3", "python3.12".
bool is_versioned(std::string_view name, std::string_view stem) {
  if (!name.starts_with(stem)) return false;
  name.remove_prefix(stem.size());
  return std::all_of(name.begin(), name.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c)) || c == '.';
  });
}

// The index of the module word in `python [options] -m module ...` ("-mpip" counts too), and
// the module's name; nullopt when python runs a script or `-c` code instead.
std::optional<std::pair<std::size_t, std::string>> python_module(const CommandLine& command) {
  for (std::size_t i = 1; i < command.words.size(); ++i) {
    if (!command.words[i].known()) return std::nullopt;
    const std::string text = command.words[i].text();
    if (text == "-m" && i + 1 < command.words.size() && command.words[i + 1].known()) {
      return std::pair{i + 1, command.words[i + 1].text()};
    }
    if (text.starts_with("-m") && text.size() > 2) return std::pair{i, text.substr(2)};
    if (text == "-W" || text == "-X") {
      ++i;  // their value is the next word
      continue;
    }
    if (!text.starts_with("-") || text.starts_with("-c")) return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace

std::optional<PipInstall> pip_install(const CommandLine& command) {
  const std::string program = shell::program_name(command);
  PipInstall install;
  std::size_t start = 0;
  if (program == "pipx") {
    install.tool = PipTool::pipx;
  } else if (is_versioned(program, "pip")) {
    install.tool = PipTool::pip;
  } else if (is_versioned(program, "python")) {
    const auto module = python_module(command);
    if (!module || (module->second != "pip" && module->second != "pipx")) return std::nullopt;
    install.tool = module->second == "pip" ? PipTool::pip : PipTool::pipx;
    start = module->first;
  } else {
    return std::nullopt;
  }
  install.command = command;
  install.command.words.erase(install.command.words.begin(),
                              install.command.words.begin() + static_cast<std::ptrdiff_t>(start));
  if (!shell::has_subcommand(install.command, {"install"}, kPipOptionsWithValue)) {
    return std::nullopt;
  }
  return install;
}

bool mounts_cache_over(const dockerfile::Instruction& run,
                       std::initializer_list<std::string_view> fragments, std::string_view target) {
  for (const auto& flag : run.flags) {
    if (flag.name != "mount" || !flag.value) continue;
    std::string_view rest = flag.expanded_known ? flag.expanded : *flag.value;
    bool cache_or_tmpfs = false;
    std::string_view mount_target;
    while (!rest.empty()) {
      const auto comma = rest.find(',');
      const std::string_view field = rest.substr(0, comma);
      const auto equals = field.find('=');
      const std::string_view key = field.substr(0, equals);
      const std::string_view value =
          equals == std::string_view::npos ? std::string_view{} : field.substr(equals + 1);
      if (key == "type") cache_or_tmpfs = value == "cache" || value == "tmpfs";
      if (key == "target" || key == "dst" || key == "destination") mount_target = value;
      if (comma == std::string_view::npos) break;
      rest.remove_prefix(comma + 1);
    }
    if (!cache_or_tmpfs || mount_target.empty()) continue;
    if (!target.empty() && mount_target == target) return true;
    for (std::string_view fragment : fragments) {
      if (mount_target.find(fragment) != std::string_view::npos) return true;
    }
  }
  return false;
}

std::optional<std::string> known_text(const Word& word) {
  if (!word.known()) return std::nullopt;
  return word.text();
}

bool layers_ship(const dockerfile::Dockerfile& dockerfile, const dockerfile::Instruction& where) {
  if (where.onbuild || where.stage < 0 || dockerfile.stages.empty()) return true;
  if (static_cast<std::size_t>(where.stage) + 1 >= dockerfile.stages.size()) return true;
  return std::any_of(
      dockerfile.stages.begin(), dockerfile.stages.end(),
      [&](const dockerfile::Stage& stage) { return stage.base_stage == where.stage; });
}

}  // namespace dockvet::language_packages
