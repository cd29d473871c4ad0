// DV021: a command substitution, arithmetic or parameter expansion the shell never sees closed.
#include "core/check.h"
#include "shell/shell.h"

namespace dockvet::checks {

class UnclosedExpansion final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = shell::unclosed_expansion_code,
        .name = "shell-unclosed-expansion",
        .severity = Severity::error,
        .summary = "A `$(`, `$((` or `${` in shell code is never closed",
        .rationale =
            "The shell keeps reading until it finds the closing bracket, so it fails with an "
            "unexpected end of file and none of the script runs as written. Markdown code "
            "blocks are not checked: documentation snippets often hold placeholders.",
        .bad_example = "DATA=$(pwd/data\ndocker run -v \"$DATA:/var/lib/mysql\" mysql:8\n",
        .good_example = "DATA=$(pwd)/data\ndocker run -v \"$DATA:/var/lib/mysql\" mysql:8\n",
        .fix = "Add the missing `)`, `))` or `}` where the expansion ends.",
        .example_language = "sh",
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    report_front_end_issues(meta().code, facts, findings);
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::UnclosedExpansion)
