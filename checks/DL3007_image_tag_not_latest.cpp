// DL3007: `FROM debian:latest` — the tag moves with every release.
#include "bestpractice/stage_images.h"
#include "core/check.h"
#include "dockerfile/dockerfile.h"

namespace dockvet::checks {

class ImageTagNotLatest final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DL3007",
        .name = "image-tag-not-latest",
        .severity = Severity::warning,
        .summary = "A FROM image uses the `latest` tag",
        .rationale =
            "`latest` is not a version: the publisher moves it to every new release. The "
            "Dockerfile builds a different image whenever the base changes, so a rebuild for "
            "an unrelated fix can bring in a new major version, and two machines that built "
            "the same commit on different days run different software.",
        .bad_example = "FROM debian:latest\n",
        .good_example = "FROM debian:12.7\n",
        .fix =
            "Replace `latest` with the release you build against, or pin a digest "
            "(`debian@sha256:…`).",
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    if (facts.dockerfile == nullptr) return;
    for (const auto& stage : facts.dockerfile->stages) {
      if (stage.base_stage >= 0 || stage.base.raw.empty()) continue;
      const auto ref = bestpractice::split_written_reference(stage.base.raw);
      // A digest pins the image whatever the tag says.
      if (!ref.tag || *ref.tag != "latest" || ref.digest) continue;
      findings.report(tag_range(stage.base, ref),
                      "`" + ref.text +
                          "` follows `latest`, which moves with every release; pin the version "
                          "you build against, e.g. `" +
                          ref.name + ":<version>`");
    }
  }

 private:
  // The tag itself when the word is written in one piece, else the whole image word.
  static ByteRange tag_range(const dockerfile::Token& word,
                             const bestpractice::WrittenReference& ref) {
    if (word.raw != ref.text || word.range.end - word.range.begin != word.raw.size()) {
      return word.range;
    }
    return {word.range.begin + ref.tag_offset, word.range.end};
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::ImageTagNotLatest)
