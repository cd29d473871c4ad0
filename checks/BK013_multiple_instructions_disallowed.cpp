// BK013 MultipleInstructionsDisallowed: two CMDs (ENTRYPOINTs, HEALTHCHECKs) in one stage.
#include "bestpractice/stage_images.h"
#include "core/check.h"
#include "dockerfile/dockerfile.h"

namespace dockvet::checks {

class MultipleInstructionsDisallowed final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "BK013",
        .name = "MultipleInstructionsDisallowed",
        .severity = Severity::warning,
        .summary = "Multiple instructions of the same type should not be used in the same stage",
        .rationale =
            "An image has one command, one entrypoint and one health check: of several CMD, "
            "ENTRYPOINT or HEALTHCHECK instructions in a stage only the last takes effect, so "
            "the earlier ones are dead text that a reader may take for the real one. BuildKit "
            "points at the earlier instruction, the one that is ignored. (DL4003, DL4004 and "
            "DL3012 are hadolint's rules for CMD, ENTRYPOINT and HEALTHCHECK.)",
        .bad_example =
            "FROM python:3.12-slim\nCMD [\"python\", \"app.py\"]\nCOPY . /app\n"
            "CMD [\"gunicorn\", \"app:app\"]\n",
        .good_example = "FROM python:3.12-slim\nCOPY . /app\nCMD [\"gunicorn\", \"app:app\"]\n",
        .fix = "Delete the earlier instruction; keep the one the image should run.",
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    if (facts.dockerfile == nullptr) return;
    const auto& dockerfile = *facts.dockerfile;
    for (const auto keyword : {dockerfile::Keyword::cmd, dockerfile::Keyword::entrypoint,
                               dockerfile::Keyword::healthcheck}) {
      for (const auto& repeat : bestpractice::repeats_in_stage(dockerfile, keyword)) {
        const auto& earlier = dockerfile.instructions[static_cast<std::size_t>(repeat.earlier)];
        if (earlier.stage < 0) continue;  // before the first FROM BuildKit builds nothing
        const auto& later = dockerfile.instructions[static_cast<std::size_t>(repeat.later)];
        findings.report(earlier.line_range,
                        "Multiple " + later.name +
                            " instructions should not be used in the same stage because only "
                            "the last one will be used");
      }
    }
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::MultipleInstructionsDisallowed)
