#pragma once
// What the ShellCheck rules (checks/SC*.cpp) ask of a RUN body's syntax tree: which variables
// the Dockerfile and the script give values, whether the shell splits an expansion, which
// program a command runs, whether errexit is on.

#include <map>
#include <set>
#include <string>
#include <string_view>

#include "core/check.h"
#include "shell/syntax_tree.h"

namespace dockvet::bestpractice {

/// Variables a RUN finds set without assigning them: the ARG and ENV names of its stage up to
/// it (and of the stages it builds on), and the proxy variables BuildKit passes to every RUN.
std::set<std::string, std::less<>> dockerfile_variables(const FileFacts& facts, int instruction);

/// The ENV variables a RUN finds set to a known value without blanks or glob characters. An
/// ENV value is fixed when the image is built (unlike an ARG's, which `--build-arg` replaces),
/// so expanding it unquoted is as harmless as a blank-free literal the script assigns.
std::set<std::string, std::less<>> blank_free_env_variables(const FileFacts& facts,
                                                            int instruction);

/// The parameter a `simple_expansion` or `expansion` node reads ("HOME" for `${HOME:-/}`,
/// "?" for `$?`, "1" for `$1`); empty for any other node.
std::string expansion_name(shell::SyntaxNode node);

/// Whether the value of `node` (an expansion or command substitution) undergoes word splitting
/// and globbing where it stands: it is part of a command's argument, outside double quotes,
/// `[[ ]]`, assignments, `case`, arithmetic, redirections, array literals and `for` lists
/// (ShellCheck's non-strict quote-free places), and not the command name.
bool is_split(shell::SyntaxNode node);

/// How each variable the script assigns (`a=1`, `export a=$b`, `for a in`, `read a`, `local
/// a`) is assigned: true when every value it is given is a literal without blanks or glob
/// characters, or an arithmetic result, so that expanding it unquoted is harmless.
std::map<std::string, bool, std::less<>> script_assignments(const shell::SyntaxTree& tree);

/// The base name of the program a `command` node runs, when it is a plain word ("cd");
/// empty when it is an expansion.
std::string command_name(shell::SyntaxNode command);

/// The command's argument nodes (the `argument` fields), in order.
std::vector<shell::SyntaxNode> command_arguments(shell::SyntaxNode command);

/// Whether a failing command ends the RUN anyway: the script runs `set -e` (or `set -o
/// errexit`) anywhere, or the stage's SHELL passes `-e`.
bool errexit_in_effect(const FileFacts& facts, const shell::SyntaxTree& tree);

}  // namespace dockvet::bestpractice

namespace dockvet::bestpractice {

/// A variable a RUN reads that neither the script nor the Dockerfile sets.
struct UnassignedReference {
  shell::SyntaxNode expansion;  // the first reference
  std::string name;
  /// ShellCheck's split: a name with a lowercase letter is the script's own (SC2154 reports
  /// it); an all-capitals one may come from the environment (SC2153 reports only a likely typo).
  bool names_script_variable() const;
};

/// Whether bash sets `name` at start-up and POSIX sh does not (BASH_VERSION excepted: scripts
/// read it to tell shells apart).
bool bash_sets(std::string_view name);

/// The variables `tree` reads but nothing assigns: not the script (anywhere in it, as
/// ShellCheck counts), not an ARG or ENV of the stage, not the shell itself (HOME, PATH,
/// RANDOM…). References guarded by a default (`${a:-x}`, `${a?}`) or an alternative
/// (`${a:+x}`) are not counted. `assigned` receives every name the RUN finds set.
std::vector<UnassignedReference> unassigned_references(
    const FileFacts& facts, const shell::SyntaxTree& tree,
    std::set<std::string, std::less<>>& assigned);

}  // namespace dockvet::bestpractice
