// BK016 ReservedStageName: `FROM alpine AS scratch` hides the empty image.
#include "core/check.h"
#include "dockerfile/dockerfile.h"

namespace dockvet::checks {

class ReservedStageName final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "BK016",
        .name = "ReservedStageName",
        .severity = Severity::warning,
        .summary = "Reserved words should not be used as stage names",
        .rationale =
            "`scratch` names the empty image and `context` the build context: `FROM scratch` "
            "and `COPY --from=context` mean those, not a stage of that name, so a stage named "
            "so is either unreachable or misleading. (DL3063 is dockvet's hadolint-family rule "
            "for the same names.)",
        .bad_example = "FROM alpine:3.20 AS scratch\nRUN echo hi > /greeting\n",
        .good_example = "FROM alpine:3.20 AS base\nRUN echo hi > /greeting\n",
        .fix = "Give the stage another name.",
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    if (facts.dockerfile == nullptr) return;
    for (const auto& stage : facts.dockerfile->stages) {
      if (!stage.name_token || (stage.name != "scratch" && stage.name != "context")) continue;
      findings.report(
          stage.name_token->range,
          "Stage name should not use the same name as reserved stage \"" + stage.name + "\"");
    }
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::ReservedStageName)
