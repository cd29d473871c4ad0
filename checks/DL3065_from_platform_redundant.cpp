// DL3065: `FROM --platform=$TARGETPLATFORM node:22` says what FROM does anyway.
#include "core/check.h"
#include "dockerfile/dockerfile.h"

namespace dockvet::checks {

class FromPlatformRedundant final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DL3065",
        .name = "from-platform-redundant",
        .severity = Severity::warning,
        .summary = "FROM --platform=$TARGETPLATFORM repeats the default",
        .rationale =
            "A stage is built for the target platform unless told otherwise, so "
            "`--platform=$TARGETPLATFORM` changes nothing. It suggests to the reader that the "
            "stage is special, and it is often a slip for `$BUILDPLATFORM`, which is what a "
            "cross-compiling stage needs.",
        .bad_example = "FROM --platform=$TARGETPLATFORM alpine:3.20\n",
        .good_example = "FROM alpine:3.20\n",
        .fix =
            "Remove the flag, or write `$BUILDPLATFORM` if the stage should run on the "
            "build machine's platform.",
        .fixes = FixAvailability::safe,
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    if (facts.dockerfile == nullptr) return;
    const auto& text = facts.file.text;
    for (const auto& instruction : facts.dockerfile->instructions) {
      if (instruction.keyword != dockerfile::Keyword::from || instruction.onbuild) continue;
      const auto* platform = instruction.flag("platform");
      if (platform == nullptr || !platform->value) continue;
      if (*platform->value != "$TARGETPLATFORM" && *platform->value != "${TARGETPLATFORM}") {
        continue;
      }
      // Removing the flag and the blank after it leaves `FROM image`.
      std::size_t end = platform->range.end;
      while (end < text.size() && (text[end] == ' ' || text[end] == '\t')) ++end;
      findings.report(
          platform->range,
          "`--platform=" + *platform->value + "` is what FROM does without it; remove the flag",
          Fix::replace("remove the redundant --platform", {platform->range.begin, end}, ""));
    }
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::FromPlatformRedundant)
