// SC2164: `cd /src; make` — when cd fails, the next commands run in the wrong directory.
#include <regex>

#include "bestpractice/shellcheck.h"
#include "core/check.h"

namespace dockvet::checks {

namespace {

using shell::SyntaxNode;

// `cd ..`, `cd /`, `cd ../..`: directories that always exist.
bool is_safe_directory(const std::vector<SyntaxNode>& arguments) {
  if (arguments.size() != 1 || arguments[0].type() != "word") return false;
  static const std::regex always_there(R"(^/*((\.|\.\.)/+)*(\.|\.\.)?$)");
  return std::regex_match(arguments[0].text(), always_there);
}

bool is_statement_list(std::string_view type) {
  return type == "program" || type == "compound_statement" || type == "do_group" ||
         type == "subshell" || type == "if_statement" || type == "else_clause" ||
         type == "elif_clause" || type == "case_item";
}

bool is_statement(const SyntaxNode& node) {
  return node.named() && node.type() != "comment" && node.field().empty();
}

// Whether the exit status of `command` is tested (it is the left side of `&&` or `||`, or an
// `if`/`while` condition), or the shell runs nothing after it, so that a failing cd either
// skips the commands that need the directory or fails the RUN.
bool failure_is_seen(SyntaxNode command) {
  for (SyntaxNode child = command, parent = command.parent(); parent;
       child = parent, parent = parent.parent()) {
    const std::string_view type = parent.type();
    if (type == "list") {
      if (parent.first_child() == child) return true;  // the left side of && or ||
      continue;
    }
    if (child.field() == "condition") return true;
    if (type == "redirected_statement" || type == "negated_command") continue;
    if (is_statement_list(type)) {
      for (SyntaxNode next = child.next_sibling(); next; next = next.next_sibling()) {
        if (is_statement(next)) return false;  // runs after a failed cd
      }
      if (type == "program") return true;  // the RUN's own exit status is the cd's
      continue;
    }
    if (type == "function_definition" || type == "pipeline" || type == "command_substitution" ||
        type == "process_substitution") {
      return true;  // how a failure shows depends on the caller; ShellCheck is silent too
    }
  }
  return true;
}

}  // namespace

class CdWithoutExit final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "SC2164",
        .name = "cd-without-exit",
        .severity = Severity::warning,
        .summary = "A failing cd would let the next commands run in the wrong directory",
        .rationale =
            "`/bin/sh -c` does not stop at a failed command unless errexit is on, so in "
            "`cd /usr/src/app; make install` a missing directory makes `make` run where the "
            "shell already was, and `cd build; rm -rf *` deletes the wrong files. ShellCheck "
            "(whose code this is) reports it as a warning when no `set -e` is in effect.\n\nOn "
            "the Dockerfiles of 12 official-image repositories (the commits named on the "
            "SC2086 page; 253 Dockerfiles) it reports nothing.",
        .bad_example = "FROM debian:12.7\nRUN cd /usr/src/app; make install\n",
        .good_example = "FROM debian:12.7\nWORKDIR /usr/src/app\nRUN make install\n",
        .fix =
            "Chain the next command with `&&`, add `|| exit`, run `set -e` first, or use "
            "WORKDIR.",
        .differences =
            "ShellCheck also reports a cd that is the last command of the script and a cd in "
            "a script whose SHELL passes `-e` (hadolint gives ShellCheck only the shell's "
            "name); dockvet does not, since the failure then fails the RUN.",
        .reads_every_run = true,
        .run_triggers = {"cd", "pushd", "popd"},
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    for (const shell::SyntaxTree& tree : shell::run_syntax_trees(facts)) {
      // ShellCheck reports only the syntax error of a script it cannot parse (DV020-DV022).
      if (tree.has_error()) continue;
      bool errexit = false;
      bool errexit_known = false;
      for (std::size_t i = 0; i < tree.size(); ++i) {
        const SyntaxNode node = tree.node(i);
        if (node.type() != "command") continue;
        const std::string name = bestpractice::command_name(node);
        if (name != "cd" && name != "pushd" && name != "popd") continue;
        const auto arguments = bestpractice::command_arguments(node);
        if (name == "cd" && is_safe_directory(arguments)) continue;
        if (name != "cd" && !arguments.empty() && arguments[0].text() == "-n") continue;
        if (failure_is_seen(node)) continue;
        if (!errexit_known) {
          errexit = bestpractice::errexit_in_effect(facts, tree);
          errexit_known = true;
        }
        if (errexit) break;
        findings.report(node.range(), "if `" + name +
                                          "` fails, the commands after it run in the wrong "
                                          "directory; use `&&`, `|| exit` or WORKDIR");
      }
    }
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::CdWithoutExit)
