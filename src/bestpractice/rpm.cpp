#include "bestpractice/rpm.h"

#include <algorithm>
#include <cctype>

#include "dockerfile/dockerfile.h"
#include "stateful/dockerfile_state.h"

namespace dockvet::bestpractice::rpm {

namespace {

using dockerfile::Instruction;
using dockerfile::Keyword;

bool listed(std::string_view name, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// Options whose value is the next word when it is not written as `--opt=value`. yum, dnf and
// microdnf take the same ones wherever they stand; zypper's differ before and after the action
// (`-D` is --reposd-dir globally but --dry-run for install).
bool takes_value(Manager manager, bool after_action, std::string_view option) {
  if (manager != Manager::zypper) {
    return listed(option, {"-c",
                           "--config",
                           "--installroot",
                           "--releasever",
                           "--setopt",
                           "-d",
                           "--debuglevel",
                           "-e",
                           "--errorlevel",
                           "--enablerepo",
                           "--disablerepo",
                           "--repo",
                           "--repoid",
                           "--from-repo",
                           "-x",
                           "--exclude",
                           "--excludepkgs",
                           "--disableexcludes",
                           "--disableexcludepkgs",
                           "--forcearch",
                           "--color",
                           "--downloaddir",
                           "--destdir",
                           "--comment",
                           "--advisory",
                           "--advisories",
                           "--bz",
                           "--bzs",
                           "--cve",
                           "--cves",
                           "--sec-severity",
                           "--secseverity",
                           "-R",
                           "--randomwait",
                           "--rpmverbosity",
                           "--repofrompath",
                           "--disableplugin",
                           "--enableplugin",
                           "--platform-module"});
  }
  if (!after_action) {
    return listed(option, {"-c", "--config", "-R", "--root", "-D", "--reposd-dir", "-C",
                           "--cache-dir", "--raw-cache-dir", "--solv-cache-dir", "--pkg-cache-dir",
                           "--userdata", "-p", "--plus-repo"});
  }
  return listed(option, {"-r", "--repo", "--from", "-t", "--type", "--download", "-p",
                         "--plus-repo", "--plus-content"});
}

std::optional<Manager> manager_named(std::string_view program) {
  if (program == "yum") return Manager::yum;
  if (program == "dnf" || program == "dnf5" || program == "dnf-3") return Manager::dnf;
  if (program == "microdnf") return Manager::microdnf;
  if (program == "zypper") return Manager::zypper;
  return std::nullopt;
}

// The action's canonical name: aliases such as `in`, `up` or `dup` resolved.
std::string canonical_action(Manager manager, std::string_view action) {
  if (manager == Manager::zypper) {
    if (action == "in") return "install";
    if (action == "rm") return "remove";
    if (action == "up") return "update";
    if (action == "dup") return "dist-upgrade";
    if (action == "si") return "source-install";
    if (action == "cc") return "clean";
    if (action == "inr") return "install-new-recommends";
    if (action == "ref") return "refresh";
    return std::string(action);
  }
  if (action == "in" || action == "localinstall") return "install";
  if (action == "rei") return "reinstall";
  if (action == "up" || action == "update") return "upgrade";
  if (action == "up-min" || action == "update-minimal") return "upgrade-minimal";
  if (action == "rm" || action == "erase") return "remove";
  if (action == "groupinstall") return "group install";
  if (action == "groupupdate") return "group upgrade";
  if (action == "grp" || action == "groups") return "group";
  return std::string(action);
}

// Actions that take a sub-action as their next operand.
bool has_sub_action(Manager manager, std::string_view action) {
  return manager != Manager::zypper && (action == "group" || action == "module");
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// `path` with a trailing `/`, `/*` or `*` taken off: what an rm of it removes, as a directory.
std::string_view removed_directory(std::string_view path) {
  while (path.size() > 1 && (path.back() == '*' || path.back() == '/')) path.remove_suffix(1);
  return path;
}

// One of the two is the other or lies inside it.
bool nested(std::string_view a, std::string_view b) {
  const auto inside = [](std::string_view inner, std::string_view outer) {
    return inner.starts_with(outer) &&
           (inner.size() == outer.size() || inner[outer.size()] == '/' || outer.ends_with('/'));
  };
  return inside(a, b) || inside(b, a);
}

// The variable names a word's expansions read (`$v`, `${v}`, `${v:-x}`); command substitutions
// and arithmetic give none.
std::optional<std::string> expansion_variable(std::string_view text) {
  if (!text.starts_with('$') || text.size() < 2) return std::nullopt;
  text.remove_prefix(1);
  if (text.front() == '{') text.remove_prefix(1);
  std::size_t end = 0;
  while (end < text.size() &&
         (std::isalnum(static_cast<unsigned char>(text[end])) || text[end] == '_')) {
    ++end;
  }
  if (end == 0) return std::nullopt;
  return std::string(text.substr(0, end));
}

bool is_expansion(const WordSegment& segment) {
  return !segment.literal && (segment.text.starts_with('$') || segment.text.starts_with('`'));
}

// `${v:-1.0}`, `${v-1.0}`, `${v:=1.0}` and `${v=1.0}` name a version of their own when v is
// unset.
bool has_default(std::string_view text) {
  if (!text.starts_with("${")) return false;
  std::size_t end = 2;
  while (end < text.size() &&
         (std::isalnum(static_cast<unsigned char>(text[end])) || text[end] == '_')) {
    ++end;
  }
  std::string_view rest = text.substr(end);
  if (rest.starts_with(':')) rest.remove_prefix(1);
  return rest.starts_with('-') || rest.starts_with('=');
}

bool is_version_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '~' || c == '^' ||
         c == '_' || c == ':' || c == '+' || c == '*';
}

// hadolint's reading of `name-version[-release]`: after the first dash, every dash-separated
// part is made of version characters and one of them starts with a digit (`rpm-sign` is a name,
// `rpm-sign-4.16.1.3` and `openssl-1:1.1.1k` name versions). A glob (`nodejs-18*`) counts as
// a partial pin, as `=1.2*` does for apt.
bool names_version(std::string_view text) {
  const std::size_t dash = text.find('-');
  if (dash == std::string_view::npos) return false;
  std::string_view rest = text.substr(dash + 1);
  bool digit_start = false;
  while (true) {
    const std::size_t next = rest.find('-');
    const std::string_view part = rest.substr(0, next);
    if (part.empty() || !std::all_of(part.begin(), part.end(), is_version_char)) return false;
    if (std::isdigit(static_cast<unsigned char>(part.front()))) digit_start = true;
    if (next == std::string_view::npos) break;
    rest.remove_prefix(next + 1);
  }
  return digit_start;
}

// The instructions that set variables for a RUN: the ENVs of its stage and of the stages it
// builds on, up to the RUN.
bool env_defines(const FileFacts& facts, int instruction, const std::string& name) {
  const auto& dockerfile = *facts.dockerfile;
  const int stage = dockerfile.instructions[static_cast<std::size_t>(instruction)].stage;
  std::vector<int> scope;
  if (stage >= 0 && static_cast<std::size_t>(stage) < facts.stage_chains.size()) {
    scope = facts.stage_chains[static_cast<std::size_t>(stage)].instructions;
  } else {
    for (int i = 0; i < instruction; ++i) scope.push_back(i);
  }
  for (const int index : scope) {
    if (index >= instruction) break;
    const Instruction& env = dockerfile.instructions[static_cast<std::size_t>(index)];
    if (env.keyword != Keyword::env || env.onbuild) continue;
    for (const auto& pair : env.pairs) {
      if (pair.key.expanded == name) return true;
    }
  }
  return false;
}

// hadolint counts an ARG declared anywhere before the RUN, in any stage: a version left to the
// build (`--build-arg`, renovate) is meant as a pin.
bool arg_declares(const FileFacts& facts, int instruction, const std::string& name) {
  for (int i = 0; i < instruction; ++i) {
    const Instruction& arg = facts.dockerfile->instructions[static_cast<std::size_t>(i)];
    if (arg.keyword != Keyword::arg) continue;
    for (const auto& pair : arg.pairs) {
      if (pair.key.expanded == name) return true;
    }
  }
  return false;
}

// The RUN sets the variable itself (`v=1.2 && dnf install foo-$v`, `for v in …`).
bool run_assigns(const FileFacts& facts, int instruction, const std::string& name) {
  const std::string& text =
      facts.dockerfile->instructions[static_cast<std::size_t>(instruction)].text;
  for (std::size_t at = text.find(name); at != std::string::npos; at = text.find(name, at + 1)) {
    const bool starts_word = at == 0 || std::isspace(static_cast<unsigned char>(text[at - 1])) ||
                             text[at - 1] == ';' || text[at - 1] == '&' || text[at - 1] == '(' ||
                             text[at - 1] == '|';
    if (!starts_word) continue;
    const std::string_view after = std::string_view(text).substr(at + name.size());
    if (after.starts_with('=')) return true;
    if (at >= 4 && text.compare(at - 4, 4, "for ") == 0) return true;
    if (at >= 5 && text.compare(at - 5, 5, "read ") == 0) return true;
  }
  return false;
}

bool variable_defined(const FileFacts& facts, int instruction, const std::string& name) {
  return env_defines(facts, instruction, name) || arg_declares(facts, instruction, name) ||
         run_assigns(facts, instruction, name);
}

// A word's text with every expansion replaced by `placeholder`.
std::string with_placeholders(const Word& word, char placeholder) {
  std::string out;
  for (const auto& segment : word.segments) {
    out += is_expansion(segment) ? std::string(1, placeholder) : segment.text;
  }
  return out;
}

}  // namespace

std::string_view manager_name(Manager manager) {
  switch (manager) {
    case Manager::yum: return "yum";
    case Manager::dnf: return "dnf";
    case Manager::microdnf: return "microdnf";
    case Manager::zypper: return "zypper";
  }
  return "yum";
}

std::optional<ManagerCommand> read_manager_command(const CommandLine& command) {
  const auto manager = manager_named(shell::program_name(command));
  if (!manager) return std::nullopt;
  ManagerCommand out;
  out.manager = *manager;
  bool options_ended = false;
  bool action_complete = false;
  for (std::size_t i = 1; i < command.words.size(); ++i) {
    const Word& word = command.words[i];
    shell::Argument argument{&word, word.text(), false, nullptr};
    if (!options_ended && argument.text == "--") {
      options_ended = true;
      continue;
    }
    argument.option = !options_ended && argument.text.size() > 1 && argument.text[0] == '-';
    if (argument.option) {
      const bool after_action = !out.action.empty();
      if (argument.text.find('=') == std::string::npos &&
          takes_value(*manager, after_action, argument.text) && i + 1 < command.words.size()) {
        argument.value = &command.words[++i];
      }
    } else if (!action_complete) {
      if (out.action.empty()) {
        out.action = word.known() ? canonical_action(*manager, argument.text) : "?";
        action_complete = !has_sub_action(*manager, out.action);
      } else {
        out.action += " " + (word.known() ? canonical_action(*manager, argument.text) : "?");
        action_complete = true;
      }
    } else {
      out.operands.push_back(&word);
    }
    out.arguments.push_back(std::move(argument));
  }
  return out;
}

bool has_any_option(const ManagerCommand& command, std::initializer_list<std::string_view> names) {
  for (const shell::Argument& argument : command.arguments) {
    if (!argument.option) continue;
    const std::string_view text = argument.text;
    if (text.starts_with("--")) {
      if (listed(text.substr(0, text.find('=')), names)) return true;
      continue;
    }
    for (std::size_t i = 1; i < text.size(); ++i) {
      const char flag[] = {'-', text[i], '\0'};
      if (listed(flag, names)) return true;
    }
  }
  return false;
}

bool assumes_yes(const ManagerCommand& command) {
  if (has_any_option(command, {"-y", "--assumeyes"})) return true;
  for (const shell::Argument& argument : command.arguments) {
    if (!argument.option || !argument.text.starts_with("--setopt")) continue;
    std::string setting = argument.value ? argument.value->text() : argument.text;
    if (!argument.value) {
      const std::size_t equals = setting.find('=');
      setting = equals == std::string::npos ? "" : setting.substr(equals + 1);
    }
    setting = lower(setting);
    if (setting == "assumeyes=1" || setting == "assumeyes=true" || setting == "assumeyes=yes" ||
        setting == "assumeyes=on") {
      return true;
    }
  }
  return false;
}

bool asks_to_confirm(const ManagerCommand& command) {
  if (command.manager == Manager::zypper) {
    return listed(command.action, {"install", "remove", "source-install", "patch", "update",
                                   "install-new-recommends"});
  }
  return listed(command.action,
                {"install", "reinstall", "upgrade", "upgrade-minimal", "remove", "downgrade",
                 "autoremove", "distro-sync", "distrosync", "swap", "group install",
                 "group upgrade", "group remove", "module install", "module enable",
                 "module disable", "module reset", "module remove", "module switch-to"});
}

bool fills_cache(const ManagerCommand& command) {
  if (command.manager == Manager::zypper) {
    return listed(command.action, {"install", "update", "patch", "dist-upgrade", "source-install",
                                   "install-new-recommends", "refresh"});
  }
  return listed(command.action, {"install", "reinstall", "upgrade", "upgrade-minimal", "downgrade",
                                 "distro-sync", "distrosync", "swap", "group install",
                                 "group upgrade", "module install", "makecache"});
}

bool mounts_cache_over(const Instruction& instruction,
                       std::span<const std::string_view> directories) {
  for (const auto& mount : dockerfile::run_mounts(instruction)) {
    if (!mount.known || (mount.type != "cache" && mount.type != "tmpfs") || mount.target.empty()) {
      continue;
    }
    const std::string_view target = removed_directory(mount.target);
    for (const std::string_view directory : directories) {
      // A relative cache directory (`.cache/libdnf5`, a user's cache) matches by its tail.
      if (directory.front() != '/' ? target.ends_with(directory) : nested(target, directory)) {
        return true;
      }
    }
  }
  return false;
}

bool removes_any_of(const CommandLine& command, std::span<const std::string_view> directories) {
  if (shell::program_name(command) != "rm") return false;
  for (const Word* operand : shell::operands(command)) {
    const std::string path = operand->text();
    const std::string_view removed = removed_directory(path);
    for (const std::string_view directory : directories) {
      if (directory.front() == '/' && nested(removed, directory)) return true;
    }
  }
  return false;
}

Pin package_pin(const FileFacts& facts, int instruction, const Word& word, Manager manager) {
  const std::string text = word.text();
  if (text.empty() || text.front() == '@') return Pin::not_a_package;
  if (word.segments.size() == 1 && is_expansion(word.segments.front())) return Pin::not_a_package;
  if (text.ends_with(".rpm")) return Pin::pinned;
  if (manager == Manager::zypper) {
    // Patterns, patches and products (`pattern:devel_basis`) have no version to pin.
    if (text.starts_with("pattern:") || text.starts_with("patch:") ||
        text.starts_with("product:")) {
      return Pin::not_a_package;
    }
  }
  // `name=version`, `name>=version`; yum and dnf read `'name >= version'` as a bound too.
  if (text.find_first_of("=<>") != std::string::npos) return Pin::pinned;
  // A variable after the name's first dash holds the version: a pin when it is defined.
  const std::string shape = with_placeholders(word, '\x01');
  const std::size_t dash = shape.find('-');
  if (dash != std::string::npos && shape.find('\x01', dash) != std::string::npos) {
    std::size_t offset = 0;
    for (const auto& segment : word.segments) {
      const std::size_t length = is_expansion(segment) ? 1 : segment.text.size();
      if (is_expansion(segment) && offset > dash) {
        const auto name = expansion_variable(segment.text);
        if (name && !has_default(segment.text) && !variable_defined(facts, instruction, *name)) {
          return Pin::undefined_pin;
        }
      }
      offset += length;
    }
    return Pin::pinned;
  }
  return names_version(with_placeholders(word, 'x')) ? Pin::pinned : Pin::unpinned;
}

namespace {

// `zypper install -t pattern devel_basis`: patterns, patches and products have no version.
bool installs_packages(const ManagerCommand& command) {
  if (command.manager != Manager::zypper) return true;
  for (const shell::Argument& argument : command.arguments) {
    if (!argument.option) continue;
    std::string type;
    if (argument.text.starts_with("--type=")) {
      type = argument.text.substr(7);
    } else if ((argument.text == "-t" || argument.text == "--type") && argument.value) {
      type = argument.value->text();
    } else {
      continue;
    }
    if (type != "package" && type != "srcpackage") return false;
  }
  return true;
}

}  // namespace

std::vector<UnpinnedWord> unpinned_words(const FileFacts& facts, const RunCommands& commands,
                                         std::initializer_list<Manager> managers) {
  std::vector<UnpinnedWord> out;
  for (const auto& run : commands.all()) {
    const auto command = read_manager_command(*run.command);
    if (!command ||
        std::find(managers.begin(), managers.end(), command->manager) == managers.end()) {
      continue;
    }
    const bool module = command->action == "module install";
    if ((command->action != "install" && !module) || !installs_packages(*command)) continue;
    for (const Word* word : command->operands) {
      if (module) {
        const std::string text = word->text();
        if (text.find(':') != std::string::npos || text.starts_with('@') ||
            (word->segments.size() == 1 && is_expansion(word->segments.front()))) {
          continue;
        }
        out.push_back({word, Pin::unpinned, true, command->manager});
        continue;
      }
      const Pin pin = package_pin(facts, run.instruction, *word, command->manager);
      if (pin == Pin::unpinned || pin == Pin::undefined_pin) {
        out.push_back({word, pin, false, command->manager});
      }
    }
  }
  return out;
}

}  // namespace dockvet::bestpractice::rpm
