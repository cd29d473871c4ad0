// DV022: a here-document whose delimiter line never comes.
#include "core/check.h"
#include "shell/shell.h"

namespace dockvet::checks {

class UnterminatedHeredoc final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = shell::unterminated_heredoc_code,
        .name = "shell-unterminated-heredoc",
        .severity = Severity::error,
        .summary = "A here-document in shell code is never ended by its delimiter line",
        .rationale =
            "The shell feeds every line up to the end of the script into the here-document, so "
            "the commands after it never run. Markdown code blocks are not checked: "
            "documentation snippets often hold placeholders.",
        .bad_example =
            "cat > .env <<EOF\nPOSTGRES_PASSWORD=secret\nEOT\n"
            "docker compose up -d\n",
        .good_example =
            "cat > .env <<EOF\nPOSTGRES_PASSWORD=secret\nEOF\n"
            "docker compose up -d\n",
        .fix =
            "End the here-document with a line that holds only its delimiter, at the start "
            "of the line (or after tabs with `<<-`).",
        .example_language = "sh",
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    report_front_end_issues(meta().code, facts, findings);
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::UnterminatedHeredoc)
