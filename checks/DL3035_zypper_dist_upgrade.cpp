// DL3035: `zypper dist-upgrade` in an image build moves the image to whatever the repositories
// hold today.
#include "bestpractice/rpm.h"
#include "core/check.h"

namespace dockvet::checks {

class ZypperDistUpgrade final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DL3035",
        .name = "zypper-no-dist-upgrade",
        .severity = Severity::warning,
        .summary = "A RUN runs `zypper dist-upgrade`",
        .rationale =
            "`zypper dist-upgrade` (`dup`) brings every package to the newest version the "
            "repositories offer, allowing vendor changes, downgrades and removals: on "
            "Tumbleweed it moves the whole distribution to a new snapshot. The image then "
            "depends on the day it was built instead of on its base image's tag, two builds of "
            "the same Dockerfile differ, and the layer carries a second copy of most of the "
            "system. Take a newer base image instead, or update the packages you need.",
        .bad_example = "FROM opensuse/leap:15.5\nRUN zypper --non-interactive dup\n",
        .good_example =
            "FROM opensuse/leap:15.6\nRUN zypper --non-interactive install "
            "curl=8.11.0 && zypper clean\n",
        .fix =
            "Build from a newer base image tag, or install the packages you need at pinned "
            "versions.",
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
      if (zypper->action != "dist-upgrade") continue;
      findings.report(run.command->range,
                      "`zypper dist-upgrade` makes the image depend on the day it is built; use "
                      "a newer base image or install pinned packages instead");
    }
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::ZypperDistUpgrade)
