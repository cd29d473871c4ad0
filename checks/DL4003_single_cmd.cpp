// DL4003: two CMDs in one stage — only the last one is the image's command.
#include "bestpractice/stage_images.h"
#include "core/check.h"
#include "dockerfile/dockerfile.h"

namespace dockvet::checks {

class SingleCmd final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DL4003",
        .name = "single-cmd",
        .severity = Severity::warning,
        .summary = "A stage has more than one CMD",
        .rationale =
            "An image has one default command: each CMD replaces the one before it, so only "
            "the last in the stage takes effect. An earlier CMD reads as if it ran, but never "
            "does; it is usually a leftover from an edit or a merge.",
        .bad_example =
            "FROM python:3.13\nCMD [\"python\", \"manage.py\", \"migrate\"]\n"
            "CMD [\"gunicorn\", \"app.wsgi\"]\n",
        .good_example = "FROM python:3.13\nCMD [\"gunicorn\", \"app.wsgi\"]\n",
        .fix =
            "Keep one CMD per stage. To run several steps at start-up, use an entrypoint "
            "script that runs them and then `exec`s the server.",
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    if (facts.dockerfile == nullptr) return;
    const auto& dockerfile = *facts.dockerfile;
    for (const auto& repeat :
         bestpractice::repeats_in_stage(dockerfile, dockerfile::Keyword::cmd)) {
      const auto& earlier = dockerfile.instructions[static_cast<std::size_t>(repeat.earlier)];
      const auto& later = dockerfile.instructions[static_cast<std::size_t>(repeat.later)];
      const auto line = facts.file.lines.position(earlier.range.begin).line;
      findings.report(later.line_range, "a second CMD in this stage replaces the one on line " +
                                            std::to_string(line) +
                                            ", which never takes effect; keep one CMD");
    }
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::SingleCmd)
