// DV003 unused-ignore: an ignore pragma that silences nothing (reported with
// --report-unused-ignores).
#include "core/check.h"

namespace dockvet {
namespace {

class UnusedIgnore final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DV003",
        .name = "unused-ignore",
        .severity = Severity::info,
        .summary = "An ignore pragma names a rule that reports nothing where the pragma applies",
        .rationale =
            "Ignores outlive the findings they were written for: the line is fixed, the rule "
            "changes, or the code was mistyped. A stale ignore then hides the next real finding "
            "at that place without anyone deciding so. With --report-unused-ignores dockvet "
            "points at each code of an ignore that suppressed nothing in this run.",
        .bad_example =
            "# dockvet ignore=DV101\ndocker run -d -v pgdata:/var/lib/postgresql/data "
            "postgres:16",
        .good_example = "docker run -d -v pgdata:/var/lib/postgresql/data postgres:16",
        .fix = "Delete the code from the pragma, or the whole pragma when it names nothing else.",
        .example_language = "sh",
    };
    return meta;
  }

  // The engine runs this check last, with the unused pragma codes as its issues.
  void run(const FileFacts& facts, Findings& findings) const override {
    report_front_end_issues(meta().code, facts, findings);
  }
};

}  // namespace
}  // namespace dockvet

DOCKVET_REGISTER_CHECK(dockvet::UnusedIgnore)
