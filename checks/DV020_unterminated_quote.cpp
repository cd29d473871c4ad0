// DV020: a quote the shell never sees closed.
#include "core/check.h"
#include "shell/shell.h"

namespace dockvet::checks {

class UnterminatedQuote final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = shell::unterminated_quote_code,
        .name = "shell-unterminated-quote",
        .severity = Severity::error,
        .summary = "A single quote, double quote or backquote in shell code is never closed",
        .rationale =
            "The shell reads everything after an unclosed quote as one string, so the script "
            "fails with an unexpected end of file, or the commands after it never run. dockvet "
            "cannot see the commands hidden in that string either. Markdown code blocks are not "
            "checked: documentation snippets often hold placeholders.",
        .bad_example = "docker run -e \"POSTGRES_PASSWORD=secret postgres:17\n",
        .good_example = "docker run -e \"POSTGRES_PASSWORD=secret\" postgres:17\n",
        .fix =
            "Close the quote where the string ends, or escape the quote character with a "
            "backslash if it is meant literally.",
        .example_language = "sh",
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    report_front_end_issues(meta().code, facts, findings);
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::UnterminatedQuote)
