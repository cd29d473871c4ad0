// DL3021: `COPY a b dest` — more than one source needs a destination directory ending in `/`.
#include "bestpractice/instruction_rules.h"
#include "core/check.h"
#include "dockerfile/dockerfile.h"

namespace dockvet::checks {

class CopyManySourcesToFile final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DL3021",
        .name = "copy-many-sources-to-file",
        .severity = Severity::error,
        .summary = "COPY with more than one source has a destination that does not end in /",
        .rationale =
            "When COPY has several sources, the destination must be a directory, and Docker "
            "only accepts it as one when it ends with `/`. Without the slash the build stops "
            "with \"When using COPY with more than one source file, the destination must be a "
            "directory and end with a /\".",
        .bad_example = "FROM node:22.11\nCOPY package.json package-lock.json /app\n",
        .good_example = "FROM node:22.11\nCOPY package.json package-lock.json /app/\n",
        .fix = "End the destination with `/`.",
        .differences =
            "A destination whose value comes from a variable without a known value is not "
            "judged, and one that expands to a path ending in `/` passes.",
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    if (facts.dockerfile == nullptr) return;
    const char escape = facts.dockerfile->escape;
    for (const auto& instruction : facts.dockerfile->instructions) {
      if (instruction.keyword != dockerfile::Keyword::copy || instruction.words.size() < 3) {
        continue;
      }
      const dockerfile::Token& destination = instruction.words.back();
      const auto value = bestpractice::known_value(destination);
      if (!value || ends_as_directory(*value, escape)) continue;
      findings.report(destination.range,
                      "COPY has " + std::to_string(instruction.words.size() - 1) +
                          " sources, so its destination must be a directory ending in `/`: write "
                          "`" +
                          *value + "/`");
    }
  }

 private:
  // With the backtick escape (Windows images), `\` separates paths and may end a directory too.
  static bool ends_as_directory(std::string_view path, char escape) {
    if (path.empty()) return false;
    return path.back() == '/' || (escape == '`' && path.back() == '\\');
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::CopyManySourcesToFile)
