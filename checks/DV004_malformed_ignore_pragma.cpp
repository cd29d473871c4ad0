// DV004 malformed-ignore-pragma: a comment starts like a dockvet ignore but cannot be read.
#include "core/check.h"

namespace dockvet {
namespace {

class MalformedIgnorePragma final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DV004",
        .name = "malformed-ignore-pragma",
        .severity = Severity::warning,
        .summary = "A comment looks like a dockvet ignore pragma but cannot be read as one",
        .rationale =
            "A pragma with a typo (`# dockvet ignore DV101`, `# dockvet ignroe=DV101`) silences "
            "nothing, so the finding it was meant to silence stays, or worse, the author believes "
            "a rule is silenced on purpose when it is not. dockvet says so instead of ignoring the "
            "comment.",
        .bad_example = "# dockvet ignore DV101\ndocker run -d postgres:16",
        .good_example =
            "# dockvet ignore=DV101 -- throw-away test database\ndocker run -d "
            "postgres:16",
        .fix =
            "Write the pragma as `# dockvet ignore=CODE[,CODE] [-- reason]` (or `global "
            "ignore=` for the whole file).",
        .example_language = "sh",
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    report_front_end_issues(meta().code, facts, findings);
  }
};

}  // namespace
}  // namespace dockvet

DOCKVET_REGISTER_CHECK(dockvet::MalformedIgnorePragma)
