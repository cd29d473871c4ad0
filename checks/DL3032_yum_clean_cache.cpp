// DL3032: a RUN that installs with yum and does not clean its cache ships the cache in the layer.
#include "bestpractice/rpm.h"
#include "core/check.h"
#include "dockerfile/dockerfile.h"

namespace dockvet::checks {

namespace {

using bestpractice::rpm::Manager;

std::optional<bestpractice::rpm::ManagerCommand> yum_command(const CommandLine& command) {
  auto yum = bestpractice::rpm::read_manager_command(command);
  if (!yum || yum->manager != Manager::yum) return std::nullopt;
  return yum;
}

// `yum clean all`, or `dnf clean all`: on RHEL 8 and later yum is dnf and shares its cache.
bool cleans_all(const CommandLine& command) {
  const auto manager = bestpractice::rpm::read_manager_command(command);
  if (!manager || (manager->manager != Manager::yum && manager->manager != Manager::dnf) ||
      manager->action != "clean") {
    return false;
  }
  for (const Word* operand : manager->operands) {
    if (operand->text() == "all") return true;
  }
  return false;
}

}  // namespace

class YumCleanCache final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DL3032",
        .name = "yum-clean-cache",
        .severity = Severity::warning,
        .summary = "A RUN installs with yum and leaves its cache behind",
        .rationale =
            "yum keeps the repository metadata it downloads (and, with keepcache, the packages) "
            "under /var/cache/yum, or /var/cache/dnf where yum is dnf. Whatever a RUN leaves "
            "there is committed to its layer: tens to hundreds of megabytes in every image "
            "built from the Dockerfile, which a later RUN cannot take back out. `yum clean all` "
            "in the same RUN, after the last install, keeps it out.",
        .bad_example = "FROM centos:7\nRUN yum install -y httpd-2.4.6\n",
        .good_example = "FROM centos:7\nRUN yum install -y httpd-2.4.6 && yum clean all\n",
        .fix =
            "End the RUN with `yum clean all` (or `rm -rf /var/cache/yum`), or mount a cache "
            "over /var/cache/yum with `RUN --mount=type=cache,target=/var/cache/yum`.",
        .differences =
            "hadolint takes any `rm -rf` for a clean-up and checks `install` only, and a clean "
            "that follows the first install passes even when another install follows it; "
            "dockvet wants the cache directory removed (or `yum clean all`, or `dnf clean all`) "
            "after the last command that fills the cache (`install`, `update`, `reinstall`, "
            "`makecache`, `group install`…), and accepts a cache or tmpfs mount over the cache, "
            "which "
            "hadolint does not.",
        .reads_every_run = true,
        .run_triggers = {"yum"},
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    if (facts.dockerfile == nullptr) return;
    const bestpractice::rpm::RunCommands commands(facts);
    const auto fills = [](const shell::RunCommand& run) {
      const auto yum = yum_command(*run.command);
      return yum && bestpractice::rpm::fills_cache(*yum);
    };
    const auto cleans = [](const shell::RunCommand& run) {
      return cleans_all(*run.command) ||
             bestpractice::rpm::removes_any_of(*run.command, bestpractice::rpm::kYumDnfCaches);
    };
    for (const auto& run : bestpractice::rpm::uncleaned_per_run(commands.all(), fills, cleans)) {
      const auto& instruction =
          facts.dockerfile->instructions[static_cast<std::size_t>(run.instruction)];
      if (bestpractice::rpm::mounts_cache_over(instruction, bestpractice::rpm::kYumDnfCaches)) {
        continue;
      }
      findings.report(run.command->range,
                      "`yum " + yum_command(*run.command)->action +
                          "` leaves its cache in the layer; add `&& yum clean all` after it in "
                          "this RUN");
    }
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::YumCleanCache)
