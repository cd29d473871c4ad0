// BK015 RedundantTargetPlatform: `FROM --platform=$TARGETPLATFORM alpine`.
#include "bestpractice/instruction_rules.h"
#include "core/check.h"
#include "dockerfile/dockerfile.h"

namespace dockvet::checks {

class RedundantTargetPlatform final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "BK015",
        .name = "RedundantTargetPlatform",
        .severity = Severity::warning,
        .summary =
            "Setting platform to predefined $TARGETPLATFORM in FROM is redundant as this "
            "is the default behavior",
        .rationale =
            "A stage is built for the target platform unless told otherwise, so "
            "`--platform=$TARGETPLATFORM` changes nothing. It suggests to the reader that the "
            "stage is special, and it is often a slip for `$BUILDPLATFORM`, which is what a "
            "cross-compiling stage needs. (DL3065 is dockvet's hadolint-family rule for the "
            "same.)",
        .bad_example = "FROM --platform=$TARGETPLATFORM alpine:3.20\n",
        .good_example = "FROM alpine:3.20\n",
        .fix =
            "Remove the flag, or write `$BUILDPLATFORM` if the stage should run on the "
            "build machine's platform.",
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    if (facts.dockerfile == nullptr) return;
    const auto& dockerfile = *facts.dockerfile;
    for (const auto& stage : dockerfile.stages) {
      if (!stage.platform) continue;
      const dockerfile::Token& platform = *stage.platform;
      // BuildKit's test: the value is exactly what TARGETPLATFORM expands to, through a
      // reference to TARGETPLATFORM and nothing else.
      const auto references = bestpractice::variable_references(platform, dockerfile.escape);
      if (references.size() != 1 || references.front().name != "TARGETPLATFORM") continue;
      const auto& reference = references.front();
      if (reference.offset != 0 || reference.length != platform.raw.size()) continue;
      const std::string_view text = platform.raw;
      if (text != "$TARGETPLATFORM" && text != "${TARGETPLATFORM}" &&
          !text.starts_with("${TARGETPLATFORM:-") && !text.starts_with("${TARGETPLATFORM-")) {
        continue;
      }
      findings.report(platform.range, "Setting platform to predefined " + platform.raw +
                                          " in FROM is redundant as this is the default "
                                          "behavior");
    }
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::RedundantTargetPlatform)
