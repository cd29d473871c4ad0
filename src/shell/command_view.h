#pragma once
// Questions the best-practice rules ask of one simple command: which program it runs, which
// options it was given, what its operands are. Options are read as the programs' own parsers
// (getopt and its kin) read them: `-qy` is `-q` and `-y`, `--opt=value` is `--opt`, and `--`
// ends the options. An option whose value is a separate word (`-t bookworm`, `-r req.txt`) is
// named in `takes_value`, so that its value is not taken for an operand.

#include <deque>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/check.h"
#include "core/word.h"

namespace dockvet::shell {

/// The base name of the program (`/usr/bin/apt-get` gives "apt-get"); empty when the program
/// word holds an expansion.
std::string program_name(const CommandLine& command);

/// One argument of a command, seen as an option or an operand.
struct Argument {
  const Word* word = nullptr;
  std::string text;             // the word's value (expansions keep their source text)
  bool option = false;          // starts with '-' (and is not "-" alone) before any "--"
  const Word* value = nullptr;  // the separate value word of an option named in takes_value
};

/// The arguments after the program, in order, each an option or an operand; the value words of
/// the options in `takes_value` are attached to their option, not listed.
std::vector<Argument> arguments(const CommandLine& command,
                                std::initializer_list<std::string_view> takes_value = {});

/// Whether the command was given any of `names`: long names with their dashes ("--yes"), short
/// ones as "-y" (found inside clusters such as "-qy" too), all before a "--".
bool has_option(const CommandLine& command, std::initializer_list<std::string_view> names);

/// The operands (arguments that are not options), with option values left out.
std::vector<const Word*> operands(const CommandLine& command,
                                  std::initializer_list<std::string_view> takes_value = {});

/// Whether the first operand is one of `subcommands` (`apt-get install`, `pip install`).
bool has_subcommand(const CommandLine& command, std::initializer_list<std::string_view> subcommands,
                    std::initializer_list<std::string_view> takes_value = {});

/// One command of a Dockerfile RUN, with the index of its instruction in
/// Dockerfile::instructions.
struct RunCommand {
  int instruction = -1;
  const CommandLine* command = nullptr;
};

/// Every command of every RUN, in file order: the simple commands of the shell-form bodies
/// (ONBUILD and heredoc RUNs included; the checks that set CheckMeta::reads_every_run see every
/// body) and each exec-form RUN (`RUN ["apt-get", "install", "curl"]`) as one command, which
/// BuildKit runs without a shell and hadolint reads as a command too. The exec-form commands
/// live in this object: keep it while reading them.
class RunCommandList {
 public:
  explicit RunCommandList(const FileFacts& facts);
  RunCommandList(const RunCommandList&) = delete;
  RunCommandList& operator=(const RunCommandList&) = delete;
  const std::vector<RunCommand>& all() const { return commands_; }
  auto begin() const { return commands_.begin(); }
  auto end() const { return commands_.end(); }

 private:
  std::deque<CommandLine> exec_forms_;  // stable addresses
  std::vector<RunCommand> commands_;
};

/// The same list; `for (const auto& ref : run_commands(facts))` keeps it alive for the loop.
inline RunCommandList run_commands(const FileFacts& facts) {
  return RunCommandList(facts);
}

}  // namespace dockvet::shell
