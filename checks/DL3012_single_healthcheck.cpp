// DL3012: two HEALTHCHECKs in one stage — only the last one is kept.
#include "bestpractice/stage_images.h"
#include "core/check.h"
#include "dockerfile/dockerfile.h"

namespace dockvet::checks {

class SingleHealthcheck final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DL3012",
        .name = "single-healthcheck",
        .severity = Severity::error,
        .summary = "A stage has more than one HEALTHCHECK",
        .rationale =
            "An image has one health check: each HEALTHCHECK replaces the one before it, so "
            "only the last in the stage is kept. The earlier ones look like they are checked "
            "but never run, and whoever edits them is changing nothing.",
        .bad_example =
            "FROM nginx:1.27\nHEALTHCHECK CMD [\"curl\", \"-f\", \"http://localhost/\"]\n"
            "HEALTHCHECK --interval=10s CMD [\"curl\", \"-f\", \"http://localhost/health\"]\n",
        .good_example =
            "FROM nginx:1.27\nHEALTHCHECK --interval=10s CMD [\"curl\", \"-f\", "
            "\"http://localhost/health\"]\n",
        .fix = "Keep one HEALTHCHECK per stage, with every option it needs.",
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    if (facts.dockerfile == nullptr) return;
    const auto& dockerfile = *facts.dockerfile;
    for (const auto& repeat :
         bestpractice::repeats_in_stage(dockerfile, dockerfile::Keyword::healthcheck)) {
      const auto& earlier = dockerfile.instructions[static_cast<std::size_t>(repeat.earlier)];
      const auto& later = dockerfile.instructions[static_cast<std::size_t>(repeat.later)];
      const auto line = facts.file.lines.position(earlier.range.begin).line;
      findings.report(later.line_range,
                      "a second HEALTHCHECK in this stage replaces the one on line " +
                          std::to_string(line) + ", which never runs; keep one HEALTHCHECK");
    }
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::SingleHealthcheck)
