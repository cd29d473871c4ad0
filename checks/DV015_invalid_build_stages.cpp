// DV015 invalid-build-stages: the Dockerfile front end met syntax that BuildKit rejects.
#include "core/check.h"

namespace dockvet {
namespace {

class InvalidBuildStages final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DV015",
        .name = "invalid-build-stages",
        .severity = Severity::error,
        .summary =
            "The Dockerfile has no build stage, an instruction before its first FROM, or two "
            "stages with one name",
        .rationale =
            "Only ARG may come before the first FROM; every other instruction needs a stage to run "
            "in. A file without FROM builds nothing, and two stages with the same `AS` name make "
            "`COPY --from` and `--target` ambiguous. BuildKit rejects all of these.",
        .bad_example = "ENV APP_HOME=/srv/app\nFROM node:20 AS build\nFROM node:20 AS build",
        .good_example =
            "ARG NODE_VERSION=20\nFROM node:${NODE_VERSION} AS build\nENV APP_HOME=/srv/app\nFROM "
            "node:${NODE_VERSION}-slim AS runtime",
        .fix = "Start the file with FROM (after global ARGs), and give each stage its own name.",
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    report_front_end_issues(meta().code, facts, findings);
  }
};

}  // namespace
}  // namespace dockvet

DOCKVET_REGISTER_CHECK(dockvet::InvalidBuildStages)
