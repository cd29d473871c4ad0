// DL3061: `LABEL x=y` before the first FROM — only ARG may come before it.
#include "core/check.h"
#include "dockerfile/dockerfile.h"

namespace dockvet::checks {

class FromComesFirst final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DL3061",
        .name = "from-comes-first",
        .severity = Severity::error,
        .summary = "An instruction other than ARG comes before the first FROM",
        .rationale =
            "A Dockerfile's instructions act on a build stage, and a stage starts at FROM. Only "
            "ARG may come first, to declare variables for the FROM lines; BuildKit refuses "
            "anything else there (`no build stage in current context`), so the file does not "
            "build.",
        .bad_example =
            "LABEL org.opencontainers.image.source=https://example.com/app\n"
            "FROM alpine:3.20\n",
        .good_example =
            "FROM alpine:3.20\n"
            "LABEL org.opencontainers.image.source=https://example.com/app\n",
        .fix = "Move the instruction below the first FROM (into the stage it belongs to).",
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    if (facts.dockerfile == nullptr) return;
    for (const auto& instruction : facts.dockerfile->instructions) {
      if (instruction.keyword == dockerfile::Keyword::from && !instruction.onbuild) break;
      // An ONBUILD is reported once, not again for its trigger; an unknown keyword is DV011's.
      if (instruction.onbuild || instruction.keyword == dockerfile::Keyword::arg ||
          instruction.keyword == dockerfile::Keyword::unknown) {
        continue;
      }
      findings.report(instruction.name_range,
                      std::string(dockerfile::to_string(instruction.keyword)) +
                          " comes before the first FROM, where only ARG may stand; move it into "
                          "a stage");
    }
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::FromComesFirst)
