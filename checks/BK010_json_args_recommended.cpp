// BK010 JSONArgsRecommended: `CMD node server.js` runs under `/bin/sh -c`, which does not pass
// signals on.
#include <vector>

#include "core/check.h"
#include "dockerfile/dockerfile.h"

namespace dockvet::checks {

class JSONArgsRecommended final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "BK010",
        .name = "JSONArgsRecommended",
        .severity = Severity::warning,
        .summary =
            "JSON arguments recommended for ENTRYPOINT/CMD to prevent unintended behavior "
            "related to OS signals",
        .rationale =
            "In shell form, CMD and ENTRYPOINT run the program as a child of `/bin/sh -c`. The "
            "shell is PID 1 and does not pass SIGTERM on, so `docker stop` waits out its "
            "timeout and kills the program without a clean shutdown. The exec form (a JSON "
            "array) runs the program itself as PID 1. A SHELL instruction in the stage (or a "
            "stage it builds on) says the shell is wanted, and silences the rule. (DL3025 is "
            "hadolint's rule for the same.)",
        .bad_example = "FROM node:22\nCOPY . /app\nCMD node /app/server.js\n",
        .good_example = "FROM node:22\nCOPY . /app\nCMD [\"node\", \"/app/server.js\"]\n",
        .fix =
            "Write the command as a JSON array, or start a wrapper script that `exec`s the "
            "program; if a shell is really wanted, say so with SHELL.",
        .differences =
            "A SHELL set by the base image itself is not known to dockvet, which does not pull "
            "images; BuildKit reads it from the image's configuration.",
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    if (facts.dockerfile == nullptr) return;
    const auto& dockerfile = *facts.dockerfile;
    // Whether a stage's image has a SHELL by its end, for the stages built on it.
    std::vector<bool> shell_at_end(dockerfile.stages.size(), false);
    for (const auto& stage : dockerfile.stages) {
      bool shell_set =
          stage.base_stage >= 0 && shell_at_end[static_cast<std::size_t>(stage.base_stage)];
      for (int i = stage.from_instruction + 1; i <= stage.last_instruction; ++i) {
        const auto& instruction = dockerfile.instructions[static_cast<std::size_t>(i)];
        if (instruction.onbuild) continue;
        if (instruction.keyword == dockerfile::Keyword::shell) shell_set = true;
        if (instruction.keyword != dockerfile::Keyword::cmd &&
            instruction.keyword != dockerfile::Keyword::entrypoint) {
          continue;
        }
        if (!instruction.is_shell_form() || shell_set) continue;
        findings.report(instruction.line_range, "JSON arguments recommended for " +
                                                    instruction.name +
                                                    " to prevent unintended behavior related to "
                                                    "OS signals");
      }
      shell_at_end[static_cast<std::size_t>(stage.index)] = shell_set;
    }
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::JSONArgsRecommended)
