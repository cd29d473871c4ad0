#pragma once
// The RPM-family package managers (yum, dnf, microdnf, zypper) as hadolint's DL3030-DL3041 read
// them: which manager a RUN command runs, its action (`install`, `module install`, `clean`…)
// with aliases resolved, the words it installs, whether it may prompt, whether a RUN leaves the
// manager's cache in the layer, and whether an installed word names a version.

#include <array>
#include <deque>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/check.h"
#include "core/word.h"
#include "dockerfile/dockerfile.h"
#include "shell/command_view.h"

namespace dockvet::bestpractice::rpm {

enum class Manager { yum, dnf, microdnf, zypper };

/// "yum", "dnf", "microdnf" or "zypper".
std::string_view manager_name(Manager manager);

/// Every command of every RUN, exec-form RUNs included (shell::RunCommandList).
using RunCommands = shell::RunCommandList;

/// One package-manager command read as `manager [options] action [options] operands`.
struct ManagerCommand {
  Manager manager = Manager::yum;
  /// The action with aliases resolved: "install" (also for `in`, `localinstall`), "reinstall",
  /// "upgrade" (`up`, `update`; zypper keeps "update"), "upgrade-minimal", "remove", "clean",
  /// "dist-upgrade", "patch", "source-install", "group install" (`groupinstall`),
  /// "module install"…; empty when no operand follows the options, "?" when the word is an
  /// expansion. The value of an option not known to take one is read as the action, which then
  /// matches no rule: a miss rather than a wrong finding.
  std::string action;
  std::vector<const Word*> operands;       // after the action word(s), option values left out
  std::vector<shell::Argument> arguments;  // every argument, option values attached
};

/// The command read as a manager command, or nothing when it runs no RPM-family manager.
std::optional<ManagerCommand> read_manager_command(const CommandLine& command);

/// Whether the command was given one of the long (`--yes`) or short (`-y`, also inside a
/// cluster such as `-qy`) options `names`.
bool has_any_option(const ManagerCommand& command, std::initializer_list<std::string_view> names);

/// Whether the action changes the installed packages, which the managers confirm with a question
/// first: `install`, `upgrade`, `remove`, `group install`, `module enable`… for yum, dnf and
/// microdnf; `install`, `remove`, `update`, `patch`, `source-install` for zypper.
bool asks_to_confirm(const ManagerCommand& command);

/// Whether the action downloads packages or repository metadata into the manager's cache
/// (`install`, `reinstall`, `upgrade`, `makecache`, `group install`, `module install`…; for
/// zypper `install`, `update`, `patch`, `dist-upgrade`, `source-install`, `refresh`).
bool fills_cache(const ManagerCommand& command);

/// The cache directories of yum, dnf (4 and 5) and microdnf. On current distributions yum is
/// dnf and microdnf shares libdnf, so a removal of any of them counts as a clean-up for all.
inline constexpr std::array<std::string_view, 3> kYumDnfCaches = {
    "/var/cache/yum", "/var/cache/dnf", "/var/cache/libdnf5"};
/// zypper's cache: downloaded packages and repository metadata.
inline constexpr std::array<std::string_view, 1> kZypperCaches = {"/var/cache/zypp"};

/// Whether yum or dnf were told to answer yes (`-y`, `--assumeyes`, `--setopt=assumeyes=1`).
bool assumes_yes(const ManagerCommand& command);

/// Whether the RUN instruction mounts a cache or tmpfs over one of `directories` (or over a
/// directory inside or above one): the cache then never reaches the layer.
bool mounts_cache_over(const dockerfile::Instruction& instruction,
                       std::span<const std::string_view> directories);

/// Whether the command is an `rm` of one of `directories`, of its contents (`dir/*`, `dir*`),
/// of something inside it, or of a directory above it (`/var/cache`).
bool removes_any_of(const CommandLine& command, std::span<const std::string_view> directories);

/// For each RUN, the last command that `fills` a cache and that no later command of the same
/// RUN `cleans`; one per RUN at most.
template <typename Fills, typename Cleans>
std::vector<shell::RunCommand> uncleaned_per_run(std::span<const shell::RunCommand> commands,
                                                 Fills fills, Cleans cleans) {
  std::vector<shell::RunCommand> out;
  std::optional<shell::RunCommand> pending;
  int current = -1;
  for (const shell::RunCommand& command : commands) {
    if (command.instruction != current) {
      if (pending) out.push_back(*pending);
      pending.reset();
      current = command.instruction;
    }
    if (fills(command)) {
      pending = command;
    } else if (pending && cleans(command)) {
      pending.reset();
    }
  }
  if (pending) out.push_back(*pending);
  return out;
}

/// What an installed word says about its version.
enum class Pin {
  pinned,         // a version (or an .rpm file, which holds one) is named
  unpinned,       // no version
  undefined_pin,  // the version is a variable that nothing in scope defines
  not_a_package,  // a group (`@core`), a whole-word variable: no verdict
};

/// Whether `word`, installed by yum, dnf or microdnf (`name-version[-release]`, an epoch such
/// as `openssl-1:1.1.1k`, or an .rpm file) or by zypper (those forms, or `name=version`,
/// `name>=version`…), names a version. A variable in the version counts as a pin when the
/// Dockerfile defines it for RUN `instruction` (an ENV of the stage or a stage it builds on, an
/// ARG declared before it) or the RUN assigns it.
Pin package_pin(const FileFacts& facts, int instruction, const Word& word, Manager manager);

/// One word of an install that names no version.
struct UnpinnedWord {
  const Word* word = nullptr;
  Pin pin = Pin::unpinned;  // unpinned or undefined_pin
  bool module = false;      // a `module install` word without a `:stream`
  Manager manager = Manager::yum;
};

/// The words of the RUNs' `install` (and `module install`) commands of `managers` that name no
/// version, in file order. zypper installs of patterns, patches and products are left out.
std::vector<UnpinnedWord> unpinned_words(const FileFacts& facts, const RunCommands& commands,
                                         std::initializer_list<Manager> managers);

}  // namespace dockvet::bestpractice::rpm
