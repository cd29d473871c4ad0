// BK011 LegacyKeyValueFormat: `ENV PATH /opt/bin:$PATH`, `LABEL version 1.0`.
#include <optional>
#include <string>

#include "core/check.h"
#include "dockerfile/dockerfile.h"

namespace dockvet::checks {

namespace {

// `key value` rewritten as `key=value`, or `key="value with spaces"`: the legacy form takes the
// rest of the line as one value with its quotes processed, so a value without quotes or escape
// characters means the same inside double quotes. Nothing for a value written over continued
// lines or holding quotes or escapes, which need a reader's judgement.
std::optional<Fix> key_value_fix(const SourceFile& file, const dockerfile::KeyValue& pair,
                                 char escape) {
  if (!pair.value) return std::nullopt;
  const dockerfile::Token& key = pair.key;
  const dockerfile::Token& value = *pair.value;
  if (file.slice(key.range) != key.raw || file.slice(value.range) != value.raw) return std::nullopt;
  if (file.slice({key.range.begin, value.range.end}).find('\n') != std::string_view::npos) {
    return std::nullopt;
  }
  if (value.raw.find_first_of(std::string("\"'") + escape) != std::string::npos) {
    return std::nullopt;
  }
  const bool has_space = value.raw.find_first_of(" \t") != std::string::npos;
  const std::string written = has_space ? "\"" + value.raw + "\"" : value.raw;
  return Fix::replace("write " + key.raw + "=" + written, {key.range.begin, value.range.end},
                      key.raw + "=" + written);
}

}  // namespace

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
        .fixes = FixAvailability::safe,
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
        findings.report(pair.range,
                        "\"" + instruction.name +
                            " key=value\" should be used instead of legacy \"" + instruction.name +
                            " key value\" format",
                        key_value_fix(facts.file, pair, facts.dockerfile->escape));
      }
    }
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::LegacyKeyValueFormat)
