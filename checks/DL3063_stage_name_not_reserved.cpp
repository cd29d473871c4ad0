// DL3063: `FROM node:22 AS scratch` — the name already means something else to the builder.
#include "core/check.h"
#include "dockerfile/dockerfile.h"

namespace dockvet::checks {

class StageNameNotReserved final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DL3063",
        .name = "stage-name-not-reserved",
        .severity = Severity::warning,
        .summary = "A build stage is named `scratch` or `context`",
        .rationale =
            "`scratch` is the empty image and `context` the build context: `FROM scratch`, "
            "`COPY --from=context` and `RUN --mount=from=context` already mean those. A stage "
            "with one of these names makes the reader guess which of the two a reference "
            "means, and BuildKit's own checks warn about it (ReservedStageName in `docker "
            "build --check`).",
        .bad_example = "FROM alpine:3.20 AS scratch\nRUN apk add --no-cache ca-certificates\n",
        .good_example = "FROM alpine:3.20 AS certs\nRUN apk add --no-cache ca-certificates\n",
        .fix = "Rename the stage and the references to it.",
        .differences =
            "The name is compared without regard to case, as BuildKit compares "
            "stage names (`AS Scratch` is reported too).",
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    if (facts.dockerfile == nullptr) return;
    for (const auto& stage : facts.dockerfile->stages) {
      if (!stage.name_token || (stage.name != "scratch" && stage.name != "context")) continue;
      findings.report(stage.name_token->range,
                      "stage name `" + stage.name_token->raw + "` is reserved: `" + stage.name +
                          "` already means " +
                          (stage.name == "scratch" ? "the empty image" : "the build context") +
                          "; rename the stage");
    }
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::StageNameNotReserved)
