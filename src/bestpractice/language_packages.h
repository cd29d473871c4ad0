#pragma once
// What the language package-manager rules (pip, npm, yarn, go: hadolint's DL3013, DL3016,
// DL3042, DL3060, DL3062) share: the commands of every RUN in both forms, which commands run
// pip, and whether a RUN mounts a build cache over a package manager's cache folder.

#include <deque>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/check.h"
#include "core/word.h"
#include "dockerfile/dockerfile.h"
#include "shell/command_view.h"

namespace dockvet::language_packages {

/// Every command of every RUN in file order: the simple commands of the shell-form bodies
/// (shell::run_commands) and each exec-form RUN (`RUN ["pip", "install", "flask"]`) as one
/// command, which BuildKit runs without a shell. The commands live as long as this object.
class RunCommands {
 public:
  explicit RunCommands(const FileFacts& facts);
  const std::vector<shell::RunCommand>& all() const { return commands_; }

 private:
  std::deque<CommandLine> exec_form_;
  std::vector<shell::RunCommand> commands_;
};

/// pip itself or pipx, the tool that installs applications into their own environments.
enum class PipTool { pip, pipx };

/// A `pip install` (pip, pip3, pip3.12, `python3 -m pip`) or `pipx install`, rebuilt so that
/// words[0] is the pip program and the words after it are pip's own arguments.
struct PipInstall {
  PipTool tool = PipTool::pip;
  CommandLine command;
};
std::optional<PipInstall> pip_install(const CommandLine& command);

/// pip's options that take their value as the next word (general and `install` options), so
/// that the value is not read as a package or a subcommand.
extern const std::initializer_list<std::string_view> kPipOptionsWithValue;

/// Whether the RUN has a `--mount=type=cache` or `type=tmpfs` whose target contains one of
/// `fragments` (".cache/pip"), or equals `target` when one is given: the cache then stays out of
/// the layer.
bool mounts_cache_over(const dockerfile::Instruction& run,
                       std::initializer_list<std::string_view> fragments,
                       std::string_view target = {});

/// The word's text when it is fully known (no expansion), else nullopt: a word that holds a
/// variable may hold a version too, so the pinning rules leave it alone.
std::optional<std::string> known_text(const Word& word);

/// A stage whose layers ship: the last stage, a stage that a later stage builds FROM, or an
/// instruction before any FROM. ONBUILD triggers always ship, in the image built on this one.
bool layers_ship(const dockerfile::Dockerfile& dockerfile, const dockerfile::Instruction& where);

}  // namespace dockvet::language_packages
