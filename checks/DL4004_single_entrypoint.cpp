// DL4004: two ENTRYPOINTs in one stage — only the last one is the image's entrypoint.
#include "bestpractice/stage_images.h"
#include "core/check.h"
#include "dockerfile/dockerfile.h"

namespace dockvet::checks {

class SingleEntrypoint final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DL4004",
        .name = "single-entrypoint",
        .severity = Severity::error,
        .summary = "A stage has more than one ENTRYPOINT",
        .rationale =
            "An image has one entrypoint: each ENTRYPOINT replaces the one before it, so only "
            "the last in the stage takes effect. An earlier ENTRYPOINT, often a wrapper script "
            "that was meant to run first, is silently dropped.",
        .bad_example =
            "FROM debian:12.7\nENTRYPOINT [\"/usr/local/bin/wait-for-db\"]\n"
            "ENTRYPOINT [\"/usr/local/bin/server\"]\n",
        .good_example = "FROM debian:12.7\nENTRYPOINT [\"/usr/local/bin/server\"]\n",
        .fix =
            "Keep one ENTRYPOINT per stage. To run a wrapper first, make it the ENTRYPOINT "
            "and have it `exec` the server.",
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    if (facts.dockerfile == nullptr) return;
    const auto& dockerfile = *facts.dockerfile;
    for (const auto& repeat :
         bestpractice::repeats_in_stage(dockerfile, dockerfile::Keyword::entrypoint)) {
      const auto& earlier = dockerfile.instructions[static_cast<std::size_t>(repeat.earlier)];
      const auto& later = dockerfile.instructions[static_cast<std::size_t>(repeat.later)];
      const auto line = facts.file.lines.position(earlier.range.begin).line;
      findings.report(later.line_range,
                      "a second ENTRYPOINT in this stage replaces the one on line " +
                          std::to_string(line) + ", which never takes effect; keep one ENTRYPOINT");
    }
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::SingleEntrypoint)
