// DL3006: `FROM debian` — an untagged image is whatever `latest` is on the day of the build.
#include "bestpractice/stage_images.h"
#include "core/check.h"
#include "dockerfile/dockerfile.h"

namespace dockvet::checks {

class ImageTagExplicit final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DL3006",
        .name = "image-tag-explicit",
        .severity = Severity::warning,
        .summary = "A FROM image has no tag",
        .rationale =
            "Without a tag Docker pulls `latest`, which the publisher moves with every release. "
            "The same Dockerfile then builds a different image from one week to the next: a "
            "new major version of the base, a different libc or a changed default user, found "
            "only when something breaks. A tag (or a digest) says which image the Dockerfile "
            "was written and tested against.",
        .bad_example = "FROM debian\n",
        .good_example = "FROM debian:12.7\n",
        .fix =
            "Add the version you build against (`debian:12.7`), or pin a digest "
            "(`debian@sha256:…`).",
        .differences =
            "hadolint skips every image that starts with a variable and reports any other "
            "untagged one. dockvet judges the image's last path component: `FROM "
            "${REGISTRY}/node` is still untagged whatever the registry, so it is reported, "
            "while `FROM mirror.example.com/${IMAGE}` may get its tag from the variable, so it "
            "is not.",
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    if (facts.dockerfile == nullptr) return;
    const auto& dockerfile = *facts.dockerfile;
    for (const auto& stage : dockerfile.stages) {
      // FROM of an earlier stage names no image to tag.
      if (stage.base_stage >= 0 || stage.base.raw.empty()) continue;
      const auto ref = bestpractice::split_written_reference(stage.base.raw);
      if (ref.tag || ref.digest || ref.name == "scratch") continue;
      // A variable in the last component may carry the tag; one before it cannot.
      if (ref.last_component.find('$') != std::string::npos) continue;
      if (ref.last_component.empty()) continue;
      findings.report(stage.base.range,
                      "`" + ref.text +
                          "` has no tag, so every build pulls whatever `latest` is that day; "
                          "pin the version you build against, e.g. `" +
                          ref.text + ":<version>`");
    }
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::ImageTagExplicit)
