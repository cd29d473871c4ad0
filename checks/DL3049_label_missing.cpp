// DL3049: a stage that never sets a label the configured label schema requires.
#include <string>
#include <vector>

#include "bestpractice/label_schema.h"
#include "core/check.h"
#include "dockerfile/dockerfile.h"

namespace dockvet::checks {

namespace {

using dockerfile::Dockerfile;

// Whether the stage's own LABEL instructions set `label`. ONBUILD LABEL labels the images built
// from this one, not this one.
bool sets_label(const Dockerfile& dockerfile, const dockerfile::Stage& stage,
                const std::string& label) {
  for (int i = stage.from_instruction; i <= stage.last_instruction; ++i) {
    const auto& instruction = dockerfile.instructions[static_cast<std::size_t>(i)];
    if (instruction.keyword != dockerfile::Keyword::label || instruction.onbuild) continue;
    for (const auto& pair : instruction.pairs) {
      if (pair.key.expanded_known && pair.key.expanded == label) return true;
    }
  }
  return false;
}

// Whether `ancestor` is `stage` or one of the stages it is built on.
bool builds_on(const Dockerfile& dockerfile, int stage, int ancestor) {
  for (int s = stage; s >= 0; s = dockerfile.stages[static_cast<std::size_t>(s)].base_stage) {
    if (s == ancestor) return true;
  }
  return false;
}

// The stages some COPY or ADD --from reads files out of: build stages, not images anyone runs.
std::vector<bool> copied_from(const Dockerfile& dockerfile) {
  std::vector<bool> out(dockerfile.stages.size(), false);
  for (const auto& instruction : dockerfile.instructions) {
    const bool copies = instruction.keyword == dockerfile::Keyword::copy ||
                        instruction.keyword == dockerfile::Keyword::add;
    if (copies && instruction.stage_ref >= 0 &&
        static_cast<std::size_t>(instruction.stage_ref) < out.size()) {
      out[static_cast<std::size_t>(instruction.stage_ref)] = true;
    }
  }
  return out;
}

std::string stage_description(const dockerfile::Stage& stage) {
  if (!stage.name.empty()) return "stage `" + stage.name + "`";
  return "the stage built FROM `" + stage.base.raw + "`";
}

}  // namespace

class LabelMissing final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DL3049",
        .name = "label-missing",
        .severity = Severity::info,
        .summary = "A stage does not set a label the label schema requires",
        .rationale =
            "A label schema (`label-schema` in the configuration) is a team's promise that "
            "every image carries certain metadata: who maintains it, which commit and version "
            "it was built from, its licence. Registries, scanners and deployment tools read "
            "these labels; an image without them cannot be traced back to its source.",
        .bad_example =
            "# with label-schema: {org.opencontainers.image.version: semver}\n"
            "FROM debian:12.7\nCMD [\"bash\"]\n",
        .good_example =
            "# with label-schema: {org.opencontainers.image.version: semver}\n"
            "FROM debian:12.7\nLABEL org.opencontainers.image.version=\"1.4.2\"\n"
            "CMD [\"bash\"]\n",
        .fix =
            "Add a LABEL instruction with the missing key to the stage, or to a stage it is "
            "built on.",
        .differences =
            "A stage is content when a stage it is built on sets the label (Docker copies "
            "labels into derived stages), when any stage built on it sets the label (hadolint "
            "only looks one stage down, and only when that stage has no name of its own), or "
            "when a COPY or ADD --from reads from it, by name or by index. The rule reports "
            "nothing without a configured label schema.",
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    if (facts.dockerfile == nullptr) return;
    const Dockerfile& dockerfile = *facts.dockerfile;
    const auto& schema = bestpractice::label_schema(facts);
    if (schema.empty() || dockerfile.stages.empty()) return;
    const std::vector<bool> build_stages = copied_from(dockerfile);
    for (const auto& [label, type] : schema) {
      std::vector<bool> sets(dockerfile.stages.size());
      for (const auto& stage : dockerfile.stages) {
        sets[static_cast<std::size_t>(stage.index)] = sets_label(dockerfile, stage, label);
      }
      for (const auto& stage : dockerfile.stages) {
        if (build_stages[static_cast<std::size_t>(stage.index)]) continue;
        if (labelled_in_chain(dockerfile, sets, stage.index)) continue;
        const auto& from =
            dockerfile.instructions[static_cast<std::size_t>(stage.from_instruction)];
        findings.report(from.line_range,
                        stage_description(stage) + " does not set the label `" + label +
                            "` that the label schema requires; add `LABEL " + label + "=...`");
      }
    }
  }

 private:
  // The stage, a stage it builds on, or a stage built on it sets the label.
  static bool labelled_in_chain(const Dockerfile& dockerfile, const std::vector<bool>& sets,
                                int stage) {
    for (std::size_t other = 0; other < sets.size(); ++other) {
      if (!sets[other]) continue;
      const int candidate = static_cast<int>(other);
      if (builds_on(dockerfile, stage, candidate) || builds_on(dockerfile, candidate, stage)) {
        return true;
      }
    }
    return false;
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::LabelMissing)
