// DV014 invalid-instruction-flag: the Dockerfile front end met syntax that BuildKit rejects.
#include "core/check.h"

namespace dockvet {
namespace {

class InvalidInstructionFlag final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DV014",
        .name = "invalid-instruction-flag",
        .severity = Severity::error,
        .summary =
            "An instruction has a flag it does not support, a flag without its value, or a "
            "repeated flag",
        .rationale =
            "Each instruction accepts its own `--flags` (`COPY --from`, `RUN --mount`, `FROM "
            "--platform`...). BuildKit fails the build on a flag the instruction does not know, on "
            "a string flag without a value, on a boolean flag whose value is not true or false, "
            "and on a single-valued flag given twice.",
        .bad_example =
            "FROM alpine:3.20\nCOPY --chown app:app app /srv/app\nRUN --mount "
            "type=cache,target=/var/cache/apk apk add curl",
        .good_example =
            "FROM alpine:3.20\nCOPY --chown=app:app app /srv/app\nRUN "
            "--mount=type=cache,target=/var/cache/apk apk add curl",
        .fix = "Write flags as `--name=value`, and use only the flags the instruction documents.",
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    report_front_end_issues(meta().code, facts, findings);
  }
};

}  // namespace
}  // namespace dockvet

DOCKVET_REGISTER_CHECK(dockvet::InvalidInstructionFlag)
