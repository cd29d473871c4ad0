// BK008 InvalidDefaultArgInFrom: `ARG VERSION` without a default, then `FROM node:$VERSION`.
#include "catalog/image_ref.h"
#include "core/check.h"
#include "dockerfile/dockerfile.h"

namespace dockvet::checks {

class InvalidDefaultArgInFrom final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "BK008",
        .name = "InvalidDefaultArgInFrom",
        .severity = Severity::warning,
        .summary = "Default value for global ARG results in an empty or invalid base image name",
        .rationale =
            "A build run without `--build-arg` uses each global ARG's default. When a FROM line "
            "then expands to an empty name or an invalid reference (`node:` with an empty "
            "tag), the plain `docker build .` fails, and the Dockerfile cannot be built as "
            "written.",
        .bad_example = "ARG NODE_VERSION\nFROM node:$NODE_VERSION\n",
        .good_example = "ARG NODE_VERSION=22\nFROM node:$NODE_VERSION\n",
        .fix = "Give the ARG a default that makes a valid image reference.",
        .differences =
            "A FROM that names an earlier stage is not judged (BuildKit would also check a "
            "stage name written in upper case as if it were an image reference). A name that "
            "depends on a predefined platform ARG is not judged: its value is known only at "
            "build time.",
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    if (facts.dockerfile == nullptr) return;
    const auto& dockerfile = *facts.dockerfile;
    for (const auto& stage : dockerfile.stages) {
      if (stage.base_stage >= 0) continue;
      const auto value = dockerfile::expand_with_global_defaults(dockerfile, stage.base.raw);
      if (!value) continue;
      if (!value->empty() && catalog::parse_image_ref(*value).valid) continue;
      findings.report(stage.base.range, "Default value for ARG " + stage.base.raw +
                                            " results in empty or invalid base image name");
    }
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::InvalidDefaultArgInFrom)
