// DL3050: with strict labels on, a LABEL key that the label schema does not name.
#include <string>

#include "bestpractice/label_schema.h"
#include "config/settings.h"
#include "core/check.h"

namespace dockvet::checks {

class LabelSuperfluous final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DL3050",
        .name = "label-superfluous",
        .severity = Severity::info,
        .summary = "A label is not in the label schema, and strict labels are on",
        .rationale =
            "With `strict-labels: true` a team says its label schema is the complete list of "
            "labels its images may carry. A label outside it is usually a typo of a schema key "
            "(`org.opencontainers.image.revison`) or metadata nobody agreed to publish, and it "
            "ships in every image.",
        .bad_example =
            "# with label-schema: {org.opencontainers.image.version: semver}\n"
            "# and strict-labels: true\n"
            "FROM debian:12.7\nLABEL org.opencontainers.image.version=\"1.4.2\" "
            "build-host=\"ci-07\"\n",
        .good_example =
            "# with label-schema: {org.opencontainers.image.version: semver}\n"
            "# and strict-labels: true\n"
            "FROM debian:12.7\nLABEL org.opencontainers.image.version=\"1.4.2\"\n",
        .fix = "Remove the label, correct its key, or add it to `label-schema`.",
        .differences =
            "Each superfluous key is reported where it is written (hadolint reports the LABEL "
            "instruction once). Keys holding a variable of unknown value are not judged. With "
            "strict labels on but no label schema configured, nothing is reported: hadolint "
            "would call every label superfluous.",
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    if (facts.settings == nullptr || !facts.settings->strict_labels) return;
    const auto& schema = bestpractice::label_schema(facts);
    if (schema.empty()) return;
    for (const auto& entry : bestpractice::label_entries(facts)) {
      const auto& key = entry.pair->key;
      if (!key.expanded_known || schema.contains(key.expanded)) continue;
      findings.report(key.range, "label `" + key.expanded +
                                     "` is not in the label schema and strict labels are on; "
                                     "remove it or add it to `label-schema`");
    }
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::LabelSuperfluous)
