// DL4005: `RUN ln -sf /bin/bash /bin/sh` — replacing /bin/sh instead of declaring SHELL.
#include <string>

#include "core/check.h"
#include "shell/command_view.h"

namespace dockvet::checks {

namespace {

// ln's link name: the last of two or more operands, unless -t/--target-directory names the
// directory and every operand is a target.
const Word* link_name(const CommandLine& command) {
  if (shell::has_option(command, {"-t", "--target-directory"})) return nullptr;
  const auto operands = shell::operands(command, {"-S", "--suffix"});
  if (operands.size() < 2) return nullptr;
  return operands.back();
}

}  // namespace

class LnReplacesBinSh final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DL4005",
        .name = "ln-replaces-bin-sh",
        .severity = Severity::warning,
        .summary = "A RUN replaces /bin/sh with a link instead of using SHELL",
        .rationale =
            "Relinking /bin/sh changes the shell for every program in the image, not only for "
            "the Dockerfile's RUN steps: system scripts, package maintainer scripts and "
            "`system()` calls that were written for dash or busybox now run under bash, and "
            "the next package upgrade may put the old link back. The SHELL instruction "
            "changes the shell of the later RUN steps only, and says so where readers look.",
        .bad_example = "FROM debian:12.7\nRUN ln -sf /bin/bash /bin/sh\n",
        .good_example = "FROM debian:12.7\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\n",
        .fix =
            "Remove the ln command and add `SHELL [\"/bin/bash\", \"-c\"]` (with the options "
            "you want) before the RUN steps that need bash.",
        .differences =
            "Only a link created at /bin/sh is reported: hadolint reports any ln with "
            "`/bin/sh` among its arguments, such as `ln -s /bin/sh /usr/local/bin/sh`, which "
            "changes no shell. Exec-form RUN is not read.",
        .reads_every_run = true,
        .run_triggers = {"ln"},
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    for (const auto& run : shell::run_commands(facts)) {
      const CommandLine& command = *run.command;
      if (shell::program_name(command) != "ln") continue;
      const Word* link = link_name(command);
      if (link == nullptr || !link->known() || link->text() != "/bin/sh") continue;
      findings.report(command.range,
                      "this replaces /bin/sh for every program in the image; set the shell of "
                      "the RUN steps with a SHELL instruction instead");
    }
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::LnReplacesBinSh)
