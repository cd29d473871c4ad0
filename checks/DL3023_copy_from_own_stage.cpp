// DL3023: `COPY --from=build` inside the stage named `build` itself.
#include "core/check.h"
#include "dockerfile/dockerfile.h"

namespace dockvet::checks {

class CopyFromOwnStage final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DL3023",
        .name = "copy-from-own-stage",
        .severity = Severity::error,
        .summary = "COPY --from names the stage it is in",
        .rationale =
            "A stage cannot copy from itself: its files are not built yet when the COPY runs. "
            "BuildKit stops with a circular dependency error, so the Dockerfile does not build. "
            "Usually the wrong stage name was typed, or the COPY belongs in a later stage.",
        .bad_example =
            "FROM golang:1.23 AS build\nRUN go build -o /out/app .\n"
            "COPY --from=build /out/app /usr/local/bin/app\n",
        .good_example =
            "FROM golang:1.23 AS build\nRUN go build -o /out/app .\n\nFROM debian:12.7\n"
            "COPY --from=build /out/app /usr/local/bin/app\n",
        .fix = "Copy from an earlier stage, or move the COPY into the stage that needs the files.",
        .differences =
            "Stage names are compared without regard to case, as BuildKit does, and a stage's own "
            "number (`--from=1` in the second stage) is caught too.",
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    if (facts.dockerfile == nullptr) return;
    const auto& dockerfile = *facts.dockerfile;
    for (const auto& instruction : dockerfile.instructions) {
      // An ONBUILD COPY --from names a stage of the later build that triggers it.
      if (instruction.keyword != dockerfile::Keyword::copy || instruction.onbuild ||
          instruction.stage < 0) {
        continue;
      }
      const dockerfile::Flag* from = instruction.flag("from");
      if (from == nullptr || !from->value || !from->expanded_known) continue;
      const dockerfile::Stage* named = dockerfile.stage(from->expanded);
      if (named == nullptr || named->index != instruction.stage) continue;
      findings.report(from->value_range, "`--from=" + from->expanded +
                                             "` names the stage this COPY is in, which is not "
                                             "built yet: copy from an earlier stage");
    }
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::CopyFromOwnStage)
