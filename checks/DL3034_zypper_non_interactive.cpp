// DL3034: zypper without `--non-interactive` or `-y` stops at a question no build can answer.
#include "bestpractice/rpm.h"
#include "core/check.h"

namespace dockvet::checks {

class ZypperNonInteractive final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DL3034",
        .name = "zypper-non-interactive",
        .severity = Severity::warning,
        .summary = "zypper changes packages without a non-interactive switch",
        .rationale =
            "zypper shows what it is about to install or remove and asks `Continue?` first. A "
            "build has no terminal to answer: zypper reads end of input and the RUN aborts, or "
            "the build waits for an answer that never comes. `--non-interactive` (`-n`, before "
            "the action) answers every question with its default; `-y` (`--no-confirm`, after "
            "`install` or `remove`) skips the confirmation.",
        .bad_example = "FROM opensuse/leap:15.6\nRUN zypper install httpd=2.4.51 && zypper clean\n",
        .good_example =
            "FROM opensuse/leap:15.6\nRUN zypper --non-interactive install httpd=2.4.51 && "
            "zypper clean\n",
        .fix = "Add `--non-interactive` before the action, or `-y` after it.",
        .differences =
            "dockvet also checks `zypper update`, which asks as `install` does, and leaves a "
            "zypper fed by a pipe (`yes | zypper install …`) alone.",
        .reads_every_run = true,
        .run_triggers = {"zypper"},
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    const bestpractice::rpm::RunCommands commands(facts);
    for (const auto& run : commands.all()) {
      const auto zypper = bestpractice::rpm::read_manager_command(*run.command);
      if (!zypper || zypper->manager != bestpractice::rpm::Manager::zypper) continue;
      if (!bestpractice::rpm::asks_to_confirm(*zypper) || run.command->piped) continue;
      if (bestpractice::rpm::has_any_option(*zypper,
                                            {"--non-interactive", "-n", "--no-confirm", "-y"})) {
        continue;
      }
      findings.report(run.command->range,
                      "`zypper " + zypper->action +
                          "` asks for confirmation, which a build cannot give; add "
                          "`--non-interactive` before the action or `-y` after it");
    }
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::ZypperNonInteractive)
