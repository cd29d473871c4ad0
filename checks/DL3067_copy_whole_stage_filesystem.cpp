// DL3067: `COPY --from=build / /` — the whole filesystem of another stage or image.
#include "bestpractice/instruction_rules.h"
#include "core/check.h"
#include "dockerfile/dockerfile.h"

namespace dockvet::checks {

namespace {

// "/", "//", "/." and "/./" all name the root.
bool is_root(std::string_view path) {
  if (path.empty() || path.front() != '/') return false;
  for (char c : path) {
    if (c != '/' && c != '.') return false;
  }
  return path.find("..") == std::string_view::npos;
}

}  // namespace

class CopyWholeStageFilesystem final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DL3067",
        .name = "copy-whole-stage-filesystem",
        .severity = Severity::warning,
        .summary = "COPY --from copies the whole filesystem of another stage onto /",
        .rationale =
            "A multi-stage build keeps the final image small by copying only what it needs "
            "from the build stages. `COPY --from=build / /` brings everything back: the "
            "compilers, package caches, build files and any secrets the stage wrote, over the "
            "new stage's own files, so the image is as large as the build stage and carries "
            "what was meant to stay behind.",
        .bad_example =
            "FROM golang:1.23 AS build\nRUN go build -o /out/app .\n\nFROM debian:12.7\n"
            "COPY --from=build / /\n",
        .good_example =
            "FROM golang:1.23 AS build\nRUN go build -o /out/app .\n\nFROM debian:12.7\n"
            "COPY --from=build /out/app /usr/local/bin/app\n",
        .fix = "Copy only the files or directories the final image needs.",
        .differences =
            "A stage that starts `FROM scratch` (directly or through the stages it builds on) "
            "holds only what was copied into it on purpose, so copying it whole passes.",
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    if (facts.dockerfile == nullptr) return;
    const auto& dockerfile = *facts.dockerfile;
    for (const auto& instruction : dockerfile.instructions) {
      // An ONBUILD COPY --from names a stage of the later build, which is not known here.
      if (instruction.keyword != dockerfile::Keyword::copy || instruction.onbuild ||
          instruction.words.size() < 2) {
        continue;
      }
      const dockerfile::Flag* from = instruction.flag("from");
      if (from == nullptr || !from->value) continue;
      const auto destination = bestpractice::known_value(instruction.words.back());
      if (!destination || !is_root(*destination)) continue;
      if (instruction.stage_ref >= 0 && starts_from_scratch(dockerfile, instruction.stage_ref)) {
        continue;
      }
      for (std::size_t i = 0; i + 1 < instruction.words.size(); ++i) {
        const auto source = bestpractice::known_value(instruction.words[i]);
        if (!source || !is_root(*source)) continue;
        findings.report(instruction.words[i].range,
                        "this copies the whole filesystem of `" + from->expanded +
                            "` over the image's own: copy only the paths the image needs");
      }
    }
  }

 private:
  static bool starts_from_scratch(const dockerfile::Dockerfile& dockerfile, int stage) {
    const auto lineage = bestpractice::stage_lineage(dockerfile, stage);
    if (lineage.empty()) return false;
    const auto& first = dockerfile.stages[static_cast<std::size_t>(lineage.back())];
    return first.base.expanded_known && first.base.expanded == "scratch";
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::CopyWholeStageFilesystem)
