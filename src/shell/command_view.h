#pragma once
// Questions the best-practice rules ask of one simple command: which program it runs, which
// options it was given, what its operands are. Options are read as the programs' own parsers
// (getopt and its kin) read them: `-qy` is `-q` and `-y`, `--opt=value` is `--opt`, and `--`
// ends the options. An option whose value is a separate word (`-t bookworm`, `-r req.txt`) is
// named in `takes_value`, so that its value is not taken for an operand.

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

/// Every command of the shell-form RUN bodies (ONBUILD RUN included), with the index of its
/// instruction in Dockerfile::instructions; the checks that set CheckMeta::reads_every_run see
/// every body here.
struct RunCommand {
  int instruction = -1;
  const CommandLine* command = nullptr;
};
std::vector<RunCommand> run_commands(const FileFacts& facts);

}  // namespace dockvet::shell
