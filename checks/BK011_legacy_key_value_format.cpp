// BK011 LegacyKeyValueFormat: `ENV PATH /opt/bin:$PATH`, `LABEL version 1.0`.
#include "core/check.h"
#include "dockerfile/dockerfile.h"

namespace dockvet::checks {

class LegacyKeyValueFormat final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "BK011",
        .name = "LegacyKeyValueFormat",
        .severity = Severity::warning,
        .summary = "Legacy key/value format with whitespace separator should not be used",
        .rationale =
            "`ENV key value` sets one variable to the whole rest of the line, spaces included, "
            "while `ENV key=value other=value` sets several: the same-looking line means "
            "different things depending on an `=`. The legacy form cannot set two variables "
            "and surprises readers who add one; Docker documents it as deprecated.",
        .bad_example = "FROM alpine:3.20\nENV APP_HOME /srv/app\nLABEL maintainer jane\n",
        .good_example = "FROM alpine:3.20\nENV APP_HOME=/srv/app\nLABEL maintainer=jane\n",
        .fix = "Write `key=value`, quoting the value when it holds spaces.",
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    if (facts.dockerfile == nullptr) return;
    for (const auto& instruction : facts.dockerfile->instructions) {
      if (instruction.onbuild) continue;  // linted in the build that runs the trigger
      if (instruction.keyword != dockerfile::Keyword::env &&
          instruction.keyword != dockerfile::Keyword::label) {
        continue;
      }
      for (const auto& pair : instruction.pairs) {
        if (!pair.legacy) continue;
        findings.report(pair.range, "\"" + instruction.name +
                                        " key=value\" should be used "
                                        "instead of legacy \"" +
                                        instruction.name + " key value\" format");
      }
    }
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::LegacyKeyValueFormat)
