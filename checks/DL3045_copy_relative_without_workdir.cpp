// DL3045: `COPY app.py app.py` in a stage (and the stages it builds on) that never set WORKDIR.
#include <cctype>

#include "bestpractice/instruction_rules.h"
#include "core/check.h"
#include "dockerfile/dockerfile.h"

namespace dockvet::checks {

namespace {

// Quotes around a word that BuildKit removes, for words whose value is not known.
std::string_view unquoted(std::string_view text) {
  while (!text.empty() && (text.front() == '"' || text.front() == '\'')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == '"' || text.back() == '\'')) text.remove_suffix(1);
  return text;
}

// `/usr/src`, or a Windows drive path: `c:\app`, `C:/app`.
bool is_absolute(std::string_view path) {
  if (path.starts_with('/')) return true;
  return path.size() >= 2 && std::isalpha(static_cast<unsigned char>(path[0])) && path[1] == ':';
}

}  // namespace

class CopyRelativeWithoutWorkdir final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DL3045",
        .name = "copy-relative-without-workdir",
        .severity = Severity::warning,
        .summary = "COPY to a relative destination in a stage that has set no WORKDIR",
        .rationale =
            "A relative COPY destination is resolved against the working directory, which a "
            "stage without WORKDIR inherits from its base image: `/` for most images, something "
            "else for many others, and it can change when the base image is updated. The files "
            "land wherever that happens to be, and the commands that expect them elsewhere fail "
            "or, worse, run against stale copies.",
        .bad_example = "FROM python:3.13\nCOPY app.py app.py\n",
        .good_example = "FROM python:3.13\nWORKDIR /app\nCOPY app.py app.py\n",
        .fix = "Set WORKDIR before the COPY, or write the absolute destination.",
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    if (facts.dockerfile == nullptr) return;
    const auto& dockerfile = *facts.dockerfile;
    for (std::size_t i = 0; i < dockerfile.instructions.size(); ++i) {
      const auto& copy = dockerfile.instructions[i];
      // An ONBUILD COPY runs in a later build, with that build's WORKDIR.
      if (copy.keyword != dockerfile::Keyword::copy || copy.onbuild || copy.words.size() < 2) {
        continue;
      }
      const dockerfile::Token& destination = copy.words.back();
      // A destination led by a variable (`$HOME/bin`) is taken for absolute, as its value
      // usually is.
      if (unquoted(destination.raw).starts_with('$')) continue;
      const auto value = bestpractice::known_value(destination);
      const std::string path = value ? *value : std::string(unquoted(destination.raw));
      if (is_absolute(path) || workdir_set(dockerfile, static_cast<int>(i))) continue;
      findings.report(destination.range,
                      "`" + path +
                          "` is relative, and no WORKDIR is set in this stage, so it lands in the "
                          "base image's working directory: set WORKDIR first or write an "
                          "absolute path");
    }
  }

 private:
  // A WORKDIR earlier in the COPY's stage, or anywhere in a stage it builds on.
  static bool workdir_set(const dockerfile::Dockerfile& dockerfile, int copy_index) {
    const auto& copy = dockerfile.instructions[static_cast<std::size_t>(copy_index)];
    const auto is_workdir = [](const dockerfile::Instruction& instruction) {
      return instruction.keyword == dockerfile::Keyword::workdir && !instruction.onbuild;
    };
    for (int i = copy_index - 1; i >= 0; --i) {
      const auto& instruction = dockerfile.instructions[static_cast<std::size_t>(i)];
      if (instruction.stage != copy.stage) break;
      if (is_workdir(instruction)) return true;
    }
    const auto lineage = bestpractice::stage_lineage(dockerfile, copy.stage);
    for (std::size_t n = 1; n < lineage.size(); ++n) {
      const auto& stage = dockerfile.stages[static_cast<std::size_t>(lineage[n])];
      for (int i = stage.from_instruction; i <= stage.last_instruction; ++i) {
        if (is_workdir(dockerfile.instructions[static_cast<std::size_t>(i)])) return true;
      }
    }
    return false;
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::CopyRelativeWithoutWorkdir)
