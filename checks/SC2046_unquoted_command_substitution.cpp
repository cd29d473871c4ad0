// SC2046: `chown $(id -u) /srv` — an unquoted command substitution is split and globbed.
#include "bestpractice/shellcheck.h"
#include "core/check.h"

namespace dockvet::checks {

namespace {

// The first program a substitution runs: `seq` and `pgrep` print lists meant to be split.
std::string substituted_program(const shell::SyntaxNode& substitution) {
  for (shell::SyntaxNode child : substitution.children(true)) {
    if (child.type() == "command") return bestpractice::command_name(child);
    if (child.type() == "pipeline" || child.type() == "list" ||
        child.type() == "redirected_statement") {
      shell::SyntaxNode first = child.first_child();
      while (first && first.type() != "command") first = first.first_child();
      return first ? bestpractice::command_name(first) : std::string{};
    }
  }
  return {};
}

bool is_empty(const shell::SyntaxNode& substitution) {
  for (shell::SyntaxNode child : substitution.children(true)) {
    if (child.type() != "comment") return false;
  }
  return true;
}

}  // namespace

class UnquotedCommandSubstitution final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "SC2046",
        .name = "unquoted-command-substitution",
        .severity = Severity::warning,
        .summary = "A command substitution is used without double quotes",
        .rationale =
            "The output of an unquoted `$(...)` or backtick substitution is split on blanks "
            "and newlines and each piece is globbed, so a path with a space becomes two "
            "arguments and a `*` in the output expands to the files of the current "
            "directory. ShellCheck (whose code this is) reports it as a warning; lists that "
            "are meant to be split (`$(seq 1 4)`, `$(pgrep x)`) and `for` lists are left "
            "alone.\n\nOn the Dockerfiles of 12 docker-library repositories (the commits "
            "named on the SC2086 page; 254 Dockerfiles) it finds COUNT_SC2046.",
        .bad_example = "FROM debian:12.7\nRUN chown $(id -un) \"$(dirname \"$HOME\")\"\n",
        .good_example = "FROM debian:12.7\nRUN chown \"$(id -un)\" \"$(dirname \"$HOME\")\"\n",
        .fix =
            "Quote the substitution (`\"$(cmd)\"`); when the output is a list meant to be "
            "split, read it into separate words deliberately (`xargs`, `set --`, a loop).",
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    for (const shell::SyntaxTree& tree : shell::run_syntax_trees(facts)) {
      for (std::size_t i = 0; i < tree.size(); ++i) {
        const shell::SyntaxNode node = tree.node(i);
        if (node.type() != "command_substitution" || is_empty(node)) continue;
        if (!bestpractice::is_split(node)) continue;
        const std::string program = substituted_program(node);
        if (program == "seq" || program == "pgrep") continue;
        findings.report(node.range(),
                        "the output of this substitution is split on blanks and globbed; "
                        "double-quote it");
      }
    }
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::UnquotedCommandSubstitution)
