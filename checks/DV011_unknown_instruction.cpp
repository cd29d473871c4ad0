// DV011 unknown-instruction: the Dockerfile front end met syntax that BuildKit rejects.
#include "core/check.h"

namespace dockvet {
namespace {

class UnknownInstruction final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DV011",
        .name = "unknown-instruction",
        .severity = Severity::error,
        .summary = "A line starts with a word that is not a Dockerfile instruction",
        .rationale =
            "BuildKit fails the build on an unknown instruction. It is usually a typo (`RUNN`), a "
            "shell command that lost the `RUN` in front of it, or the next line of a command whose "
            "line continuation (`\\`) is missing.",
        .bad_example =
            "FROM alpine:3.20\nRUN apk add --no-cache curl &&\n    curl -fsSL "
            "https://example.com/install.sh | sh",
        .good_example =
            "FROM alpine:3.20\nRUN apk add --no-cache curl && \\\n    curl -fsSL "
            "https://example.com/install.sh | sh",
        .fix =
            "Fix the instruction's spelling, or continue the previous line with the escape "
            "character.",
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    report_front_end_issues(meta().code, facts, findings);
  }
};

}  // namespace
}  // namespace dockvet

DOCKVET_REGISTER_CHECK(dockvet::UnknownInstruction)
