// DL3036: a RUN that installs with zypper and does not clean its cache ships the cache in the
// layer.
#include "bestpractice/rpm.h"
#include "core/check.h"
#include "dockerfile/dockerfile.h"

namespace dockvet::checks {

namespace {

using bestpractice::rpm::Manager;

std::optional<bestpractice::rpm::ManagerCommand> zypper_command(const CommandLine& command) {
  auto zypper = bestpractice::rpm::read_manager_command(command);
  if (!zypper || zypper->manager != Manager::zypper) return std::nullopt;
  return zypper;
}

}  // namespace

class ZypperCleanCache final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DL3036",
        .name = "zypper-clean-cache",
        .severity = Severity::warning,
        .summary = "A RUN installs with zypper and leaves its cache behind",
        .rationale =
            "zypper keeps the packages and repository metadata it downloads under "
            "/var/cache/zypp. Whatever a RUN leaves there is committed to its layer, in every "
            "image built from the Dockerfile, and a later RUN cannot take it back out. "
            "`zypper clean` (`cc`) in the same RUN, after the last install, keeps it out.",
        .bad_example = "FROM opensuse/leap:15.6\nRUN zypper install -y mariadb=10.11.9\n",
        .good_example =
            "FROM opensuse/leap:15.6\nRUN zypper install -y mariadb=10.11.9 && zypper clean\n",
        .fix =
            "End the RUN with `zypper clean` (or `rm -rf /var/cache/zypp`), or mount a cache "
            "over /var/cache/zypp with `RUN --mount=type=cache,target=/var/cache/zypp`.",
        .differences =
            "hadolint checks `install` only, and a clean that follows the first install passes "
            "even when another install follows it; dockvet wants the clean after the last "
            "command that fills the cache (`install`, `update`, `patch`, `dist-upgrade`, "
            "`source-install`, `refresh`) and also accepts `rm -rf /var/cache/zypp`.",
        .reads_every_run = true,
        .run_triggers = {"zypper"},
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    if (facts.dockerfile == nullptr) return;
    const bestpractice::rpm::RunCommands commands(facts);
    const auto fills = [](const shell::RunCommand& run) {
      const auto zypper = zypper_command(*run.command);
      return zypper && bestpractice::rpm::fills_cache(*zypper);
    };
    const auto cleans = [](const shell::RunCommand& run) {
      const auto zypper = zypper_command(*run.command);
      return (zypper && zypper->action == "clean") ||
             bestpractice::rpm::removes_any_of(*run.command, bestpractice::rpm::kZypperCaches);
    };
    for (const auto& run : bestpractice::rpm::uncleaned_per_run(commands.all(), fills, cleans)) {
      const auto& instruction =
          facts.dockerfile->instructions[static_cast<std::size_t>(run.instruction)];
      if (bestpractice::rpm::mounts_cache_over(instruction, bestpractice::rpm::kZypperCaches)) {
        continue;
      }
      findings.report(run.command->range,
                      "`zypper " + zypper_command(*run.command)->action +
                          "` leaves its cache in the layer; add `&& zypper clean` after it in "
                          "this RUN");
    }
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::ZypperCleanCache)
