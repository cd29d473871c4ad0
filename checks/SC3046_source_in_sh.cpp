// SC3046: `RUN source /etc/os-release` — dash has no `source`; the RUN fails with "not found".
#include "bestpractice/shellcheck.h"
#include "core/check.h"

namespace dockvet::checks {

class SourceInSh final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "SC3046",
        .name = "source-in-sh",
        .severity = Severity::warning,
        .summary = "A RUN under /bin/sh uses bash's `source` instead of `.`",
        .rationale =
            "A RUN without a SHELL instruction runs under `/bin/sh -c`, which is dash on "
            "Debian and Ubuntu. dash has no `source` builtin, so `source /etc/os-release` "
            "fails with \"source: not found\" and the variables the file sets are never "
            "read. POSIX's `.` does the same in every shell. ShellCheck (whose code this is) "
            "reports it as a warning when the shell is sh.\n\nOn the Dockerfiles of 12 "
            "official-image repositories (the commits named on the SC2086 page; 253 "
            "Dockerfiles) it reports nothing.",
        .bad_example =
            "FROM debian:12.7\nRUN source /etc/os-release && echo \"$VERSION_CODENAME\" "
            "> /etc/codename\n",
        .good_example =
            "FROM debian:12.7\nRUN . /etc/os-release && echo \"$VERSION_CODENAME\" > "
            "/etc/codename\n",
        .fix =
            "Write `. file` instead of `source file`, or set `SHELL [\"/bin/bash\", \"-c\"]` "
            "before the RUN.",
        .reads_every_run = true,
        .run_triggers = {"source"},
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    for (const shell::SyntaxTree& tree : shell::run_syntax_trees(facts)) {
      if (tree.has_error() || tree.dialect() != shell::Dialect::sh) continue;
      for (std::size_t i = 0; i < tree.size(); ++i) {
        const shell::SyntaxNode node = tree.node(i);
        if (node.type() != "command" || bestpractice::command_name(node) != "source") continue;
        if (bestpractice::command_arguments(node).empty()) continue;
        const shell::SyntaxNode name = node.child("name");
        findings.report(name.range(),
                        "In POSIX sh, 'source' in place of '.' is undefined: dash fails with "
                        "\"source: not found\"; write `. file`");
      }
    }
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::SourceInSh)
