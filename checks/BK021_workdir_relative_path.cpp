// BK021 WorkdirRelativePath: `WORKDIR app` before any absolute WORKDIR in the stage.
#include <cctype>
#include <vector>

#include "core/check.h"
#include "dockerfile/dockerfile.h"

namespace dockvet::checks {

namespace {

// BuildKit's system.IsAbs for the stage's platform: "/" starts an absolute path on Linux; on
// Windows a drive letter or a backslash does too. dockvet cannot see the platform, which
// BuildKit reads from the base image, so a drive letter (`C:\app`, which no Linux Dockerfile
// means as a relative path) counts as absolute everywhere, and a leading backslash where the
// backtick escape marks a Windows Dockerfile.
bool is_absolute(std::string_view path, bool windows) {
  if (path.starts_with('/')) return true;
  if (path.size() >= 2 && path[1] == ':' && std::isalpha(static_cast<unsigned char>(path[0]))) {
    return true;
  }
  return windows && path.starts_with('\\');
}

}  // namespace

class WorkdirRelativePath final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "BK021",
        .name = "WorkdirRelativePath",
        .severity = Severity::warning,
        .summary =
            "Relative workdir without an absolute workdir declared within the build can "
            "have unexpected results if the base image changes",
        .rationale =
            "A relative WORKDIR is resolved against the working directory the base image left "
            "behind. That directory is the base image's choice and can change with its next "
            "release, moving every file the stage writes. Once the stage (or a stage it builds "
            "on) sets an absolute WORKDIR, later relative ones are anchored in this file.",
        .bad_example = "FROM node:22\nWORKDIR app\nCOPY . .\n",
        .good_example = "FROM node:22\nWORKDIR /usr/src/app\nCOPY . .\n",
        .fix = "Write the absolute path, or set an absolute WORKDIR earlier in the stage.",
        .differences =
            "A path whose value depends on an ARG without a default is not judged: its value is "
            "known only at build time. A path with a drive letter (`C:\\app`) is taken as "
            "absolute: BuildKit knows from the base image that the stage is Windows, dockvet "
            "does not. DL3000 (hadolint's rule) judges every relative WORKDIR; "
            "this rule, like BuildKit, only the first one in a stage's lineage.",
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    if (facts.dockerfile == nullptr) return;
    const auto& dockerfile = *facts.dockerfile;
    const bool windows = dockerfile.escape == '`';
    // Whether each stage has set a WORKDIR, which a stage built on it inherits.
    std::vector<bool> workdir_set(dockerfile.stages.size(), false);
    for (const auto& stage : dockerfile.stages) {
      const auto index = static_cast<std::size_t>(stage.index);
      if (stage.base_stage >= 0) {
        workdir_set[index] = workdir_set[static_cast<std::size_t>(stage.base_stage)];
      }
      for (int i = stage.from_instruction + 1; i <= stage.last_instruction; ++i) {
        const auto& instruction = dockerfile.instructions[static_cast<std::size_t>(i)];
        if (instruction.keyword != dockerfile::Keyword::workdir || instruction.onbuild) continue;
        if (instruction.words.empty()) continue;
        const dockerfile::Token& path = instruction.words.front();
        if (!workdir_set[index] && path.expanded_known && !is_absolute(path.expanded, windows)) {
          findings.report(path.range, "Relative workdir \"" + path.expanded +
                                          "\" can have unexpected results if the base image "
                                          "changes");
        }
        workdir_set[index] = true;
      }
    }
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::WorkdirRelativePath)
