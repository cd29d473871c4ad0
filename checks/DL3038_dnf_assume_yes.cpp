// DL3038: `dnf install` or `microdnf install` without `-y` stops at a question no build can
// answer.
#include "bestpractice/rpm.h"
#include "core/check.h"

namespace dockvet::checks {

class DnfAssumeYes final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DL3038",
        .name = "dnf-assume-yes",
        .severity = Severity::warning,
        .summary = "dnf or microdnf changes packages without `-y`",
        .rationale =
            "dnf lists the transaction and asks `Is this ok [y/N]` before it installs, upgrades "
            "or removes anything; so does microdnf since 3.6 (rpm-software-management/microdnf "
            "#94 and #97, the microdnf of UBI 9 and Oracle Linux 9). A build has no terminal to "
            "answer: dnf reads end of input, takes it as no and aborts, and the RUN fails, or the "
            "build waits for an answer that never comes.",
        .bad_example = "FROM fedora:41\nRUN dnf install httpd-2.4.62 && dnf clean all\n",
        .good_example = "FROM fedora:41\nRUN dnf install -y httpd-2.4.62 && dnf clean all\n",
        .fix = "Add `-y` (or `--assumeyes`) to the dnf or microdnf command.",
        .differences =
            "hadolint checks `install`, `groupinstall` and `localinstall` only; dockvet also "
            "checks the other actions that ask first (`in`, `upgrade`, `remove`, `reinstall`, "
            "`group install`, `module enable`…), accepts `--setopt=assumeyes=1`, and leaves a "
            "dnf fed by a pipe (`yes | dnf install …`) alone.",
        .reads_every_run = true,
        .run_triggers = {"dnf*", "microdnf"},
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    using bestpractice::rpm::Manager;
    const bestpractice::rpm::RunCommands commands(facts);
    for (const auto& run : commands.all()) {
      const auto dnf = bestpractice::rpm::read_manager_command(*run.command);
      if (!dnf || (dnf->manager != Manager::dnf && dnf->manager != Manager::microdnf)) continue;
      if (!bestpractice::rpm::asks_to_confirm(*dnf) || bestpractice::rpm::assumes_yes(*dnf) ||
          run.command->piped) {
        continue;
      }
      findings.report(run.command->range,
                      "`" + std::string(bestpractice::rpm::manager_name(dnf->manager)) + " " +
                          dnf->action +
                          "` asks for confirmation, which a build cannot give; add `-y`");
    }
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::DnfAssumeYes)
