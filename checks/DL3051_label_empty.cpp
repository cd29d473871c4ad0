// DL3051: a label the label schema names is set to the empty string.
#include <string>

#include "bestpractice/label_schema.h"
#include "core/check.h"

namespace dockvet::checks {

class LabelEmpty final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DL3051",
        .name = "label-empty",
        .severity = Severity::warning,
        .summary = "A label the label schema names is empty",
        .rationale =
            "An empty schema label satisfies the letter of the schema (DL3049 stays quiet) but "
            "carries no information. It usually comes from a build argument nobody passed: "
            "`LABEL org.opencontainers.image.revision=$GIT_SHA` with `ARG GIT_SHA=` and no "
            "`--build-arg`.",
        .bad_example =
            "# with label-schema: {org.opencontainers.image.revision: hash}\n"
            "FROM debian:12.7\nLABEL org.opencontainers.image.revision=\"\"\n",
        .good_example =
            "# with label-schema: {org.opencontainers.image.revision: hash}\n"
            "FROM debian:12.7\n"
            "LABEL "
            "org.opencontainers.image.revision=\"43c572f1272b6b3171dd1db9e41b7027128ce080\"\n",
        .fix = "Give the label a value, or pass the build argument it is made from.",
        .differences =
            "A value made of a variable whose value is unknown is not judged (hadolint sees the "
            "text `$GIT_SHA`, which is not empty either). ONBUILD LABEL values are checked too.",
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    const auto& schema = bestpractice::label_schema(facts);
    if (schema.empty()) return;
    for (const auto& entry : bestpractice::label_entries(facts)) {
      const auto& pair = *entry.pair;
      if (!pair.key.expanded_known || !schema.contains(pair.key.expanded)) continue;
      if (!pair.value || !pair.value->expanded_known || !pair.value->expanded.empty()) continue;
      findings.report(bestpractice::value_range(pair),
                      "label `" + pair.key.expanded +
                          "` is empty, though the label schema requires it; give it a value");
    }
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::LabelEmpty)
