// DL3030: `yum install` without `-y` stops at a question no build can answer.
#include "bestpractice/rpm.h"
#include "core/check.h"

namespace dockvet::checks {

class YumAssumeYes final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DL3030",
        .name = "yum-assume-yes",
        .severity = Severity::warning,
        .summary = "yum changes packages without `-y`",
        .rationale =
            "Before it installs, upgrades or removes anything, yum lists the transaction and "
            "asks `Is this ok [y/N]`. A build has no terminal to answer it: yum reads end of "
            "input, takes it as no, prints 'Operation aborted' and the RUN fails, or, where a "
            "terminal is attached, the build waits for an answer that never comes.",
        .bad_example = "FROM centos:7\nRUN yum install httpd-2.4.6 && yum clean all\n",
        .good_example = "FROM centos:7\nRUN yum install -y httpd-2.4.6 && yum clean all\n",
        .fix = "Add `-y` (or `--assumeyes`) to the yum command.",
        .differences =
            "hadolint checks `install`, `groupinstall` and `localinstall` only; dockvet also "
            "checks the other actions that ask first (`update`, `remove`, `reinstall`, "
            "`downgrade`, `group install`, `module install`…), accepts "
            "`--setopt=assumeyes=1`, and leaves a yum fed by a pipe (`yes | yum install …`) "
            "alone.",
        .reads_every_run = true,
        .run_triggers = {"yum"},
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    const bestpractice::rpm::RunCommands commands(facts);
    for (const auto& run : commands.all()) {
      const auto yum = bestpractice::rpm::read_manager_command(*run.command);
      if (!yum || yum->manager != bestpractice::rpm::Manager::yum) continue;
      if (!bestpractice::rpm::asks_to_confirm(*yum) || bestpractice::rpm::assumes_yes(*yum) ||
          run.command->piped) {
        continue;
      }
      findings.report(
          run.command->range,
          "`yum " + yum->action + "` asks for confirmation, which a build cannot give; add `-y`");
    }
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::YumAssumeYes)
