// SC3010: `RUN [[ -f /etc/app.conf ]] && ...` — dash has no `[[`; the RUN fails with "not found".
#include "bestpractice/shellcheck.h"
#include "core/check.h"

namespace dockvet::checks {

class DoubleBracketsInSh final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "SC3010",
        .name = "double-brackets-in-sh",
        .severity = Severity::warning,
        .summary = "A RUN under /bin/sh uses bash's `[[ ]]`",
        .rationale =
            "A RUN without a SHELL instruction runs under `/bin/sh -c`, which is dash on "
            "Debian and Ubuntu. dash has no `[[`: it runs a program called `[[`, which does "
            "not exist, so the test fails with \"[[: not found\" and an `&&` chain after it "
            "is silently skipped, or an `if` takes its else branch. ShellCheck (whose code "
            "this is) reports it as a warning when the shell is sh.\n\nOn the Dockerfiles of "
            "12 official-image repositories (the commits named on the SC2086 page; 253 "
            "Dockerfiles) it reports nothing.",
        .bad_example =
            "FROM debian:12.7\nRUN if [[ -f /etc/app.conf ]]; then rm /etc/app.conf; fi\n",
        .good_example =
            "FROM debian:12.7\nRUN if [ -f /etc/app.conf ]; then rm /etc/app.conf; fi\n",
        .fix =
            "Use `[ ]` (with quoted operands), or set `SHELL [\"/bin/bash\", \"-c\"]` before "
            "the RUN.",
        .reads_every_run = true,
        .run_triggers = {"[["},
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    for (const shell::SyntaxTree& tree : shell::run_syntax_trees(facts)) {
      if (tree.has_error() || tree.dialect() != shell::Dialect::sh) continue;
      for (std::size_t i = 0; i < tree.size(); ++i) {
        const shell::SyntaxNode node = tree.node(i);
        if (node.type() != "test_command") continue;
        const shell::SyntaxNode opener = node.first_child();
        if (!opener || opener.type() != "[[") continue;
        findings.report(node.range(),
                        "In POSIX sh, [[ ]] is undefined: dash runs it as a missing program; "
                        "use [ ] or run the RUN under bash with SHELL");
      }
    }
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::DoubleBracketsInSh)
