// SC2035: `rm *.tmp` — a file named `-rf.tmp` would be taken for options.
#include "bestpractice/shellcheck.h"
#include "core/check.h"

namespace dockvet::checks {

namespace {

using shell::SyntaxNode;

// The word starts with an unquoted `*` or `?`.
bool starts_with_glob(const SyntaxNode& argument) {
  SyntaxNode first = argument;
  if (first.type() == "concatenation") first = first.first_child();
  if (!first || first.type() != "word") return false;
  const std::string text = first.text();
  return !text.empty() && (text.front() == '*' || text.front() == '?');
}

}  // namespace

class GlobAsOption final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "SC2035",
        .name = "glob-as-option",
        .severity = Severity::info,
        .summary =
            "A glob that starts an argument can expand to names the command reads as "
            "options",
        .rationale =
            "A glob such as `*.deb` expands to the file names as they are, so a file called "
            "`-rf.deb` or `--force.deb` reaches the command as an option. In a build context "
            "or a downloaded archive the file names are not always yours. ShellCheck (whose "
            "code this is) reports it as info; `echo` and `printf` are left alone, as is "
            "anything after `--`.\n\nOn the Dockerfiles of 12 official-image repositories "
            "(the commits named on the SC2086 page; 253 Dockerfiles) it reports nothing.",
        .bad_example = "FROM debian:12.7\nWORKDIR /tmp/debs\nRUN dpkg -i *.deb\n",
        .good_example = "FROM debian:12.7\nWORKDIR /tmp/debs\nRUN dpkg -i ./*.deb\n",
        .fix = "Write `./*.deb`, or put `--` before the glob.",
        .reads_every_run = true,
        .run_triggers = {"*", "?"},
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    for (const shell::SyntaxTree& tree : shell::run_syntax_trees(facts)) {
      // ShellCheck reports only the syntax error of a script it cannot parse (DV020-DV022).
      if (tree.has_error()) continue;
      for (std::size_t i = 0; i < tree.size(); ++i) {
        const SyntaxNode node = tree.node(i);
        if (node.type() != "command") continue;
        const std::string name = bestpractice::command_name(node);
        if (name == "echo" || name == "printf") continue;
        for (const SyntaxNode& argument : bestpractice::command_arguments(node)) {
          const std::string text = argument.text();
          if (text == "--" || text == ":::" || text == "::::") break;
          if (!starts_with_glob(argument)) continue;
          findings.report(argument.range(), "`" + text +
                                                "` may expand to a name that starts with a "
                                                "dash and be read as an option; write `./" +
                                                text + "` or put `--` before it");
        }
      }
    }
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::GlobAsOption)
