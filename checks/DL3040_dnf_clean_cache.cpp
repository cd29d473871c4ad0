// DL3040: a RUN that installs with dnf or microdnf and does not clean its cache ships the cache
// in the layer.
#include <algorithm>

#include "bestpractice/rpm.h"
#include "core/check.h"
#include "dockerfile/dockerfile.h"

namespace dockvet::checks {

namespace {

using bestpractice::rpm::Manager;

// dnf's cache as a non-root user (`~/.cache/libdnf5`), which hadolint accepts as a mount too.
constexpr std::array<std::string_view, 4> kMountableCaches = {
    "/var/cache/yum", "/var/cache/dnf", "/var/cache/libdnf5", ".cache/libdnf5"};

// yum and dnf are one program on RHEL 8 and later; microdnf is another, with its own clean.
bool same_program(Manager a, Manager b) {
  const auto family = [](Manager manager) {
    return manager == Manager::yum ? Manager::dnf : manager;
  };
  return family(a) == family(b);
}

bool cleans_all(const CommandLine& command, Manager installer) {
  const auto manager = bestpractice::rpm::read_manager_command(command);
  if (!manager || !same_program(manager->manager, installer) || manager->action != "clean") {
    return false;
  }
  return std::any_of(manager->operands.begin(), manager->operands.end(),
                     [](const Word* operand) { return operand->text() == "all"; });
}

std::vector<shell::RunCommand> uncleaned(std::span<const shell::RunCommand> commands,
                                         Manager installer) {
  const auto fills = [installer](const shell::RunCommand& run) {
    const auto dnf = bestpractice::rpm::read_manager_command(*run.command);
    return dnf && dnf->manager == installer && bestpractice::rpm::fills_cache(*dnf);
  };
  const auto cleans = [installer](const shell::RunCommand& run) {
    return cleans_all(*run.command, installer) ||
           bestpractice::rpm::removes_any_of(*run.command, bestpractice::rpm::kYumDnfCaches);
  };
  return bestpractice::rpm::uncleaned_per_run(commands, fills, cleans);
}

}  // namespace

class DnfCleanCache final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DL3040",
        .name = "dnf-clean-cache",
        .severity = Severity::warning,
        .summary = "A RUN installs with dnf or microdnf and leaves its cache behind",
        .rationale =
            "dnf keeps the repository metadata it downloads under /var/cache/dnf (dnf 5: "
            "/var/cache/libdnf5), microdnf under /var/cache/yum. Whatever a RUN leaves there is "
            "committed to its layer: tens to hundreds of megabytes in every image built from "
            "the Dockerfile, which a later RUN cannot take back out. `dnf clean all` (or "
            "`microdnf clean all`) in the same RUN, after the last install, keeps it out.",
        .bad_example = "FROM fedora:41\nRUN dnf install -y mariadb-10.11.10\n",
        .good_example = "FROM fedora:41\nRUN dnf install -y mariadb-10.11.10 && dnf clean all\n",
        .fix =
            "End the RUN with `dnf clean all` (`microdnf clean all`), or remove the cache "
            "directory, or mount a cache over it with "
            "`RUN --mount=type=cache,target=/var/cache/libdnf5`.",
        .differences =
            "hadolint takes any `rm -rf` for a clean-up, and a clean that follows the first "
            "install passes even when another install follows it; dockvet wants a cache "
            "directory removed (or `clean all` by the same program; yum's counts for dnf) after "
            "the last command that fills the cache, and also accepts a mount over "
            "/var/cache/dnf or /var/cache/yum, and `downgrade`, `distro-sync`, `makecache`, "
            "`group install` and `module install` fill the cache as `install` does.",
        .reads_every_run = true,
        .run_triggers = {"dnf*", "microdnf"},
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    if (facts.dockerfile == nullptr) return;
    const bestpractice::rpm::RunCommands commands(facts);
    std::vector<shell::RunCommand> found = uncleaned(commands.all(), Manager::dnf);
    const auto microdnf = uncleaned(commands.all(), Manager::microdnf);
    found.insert(found.end(), microdnf.begin(), microdnf.end());
    std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
      return a.command->range.begin < b.command->range.begin;
    });
    for (const auto& run : found) {
      const auto& instruction =
          facts.dockerfile->instructions[static_cast<std::size_t>(run.instruction)];
      if (bestpractice::rpm::mounts_cache_over(instruction, kMountableCaches)) continue;
      const auto dnf = bestpractice::rpm::read_manager_command(*run.command);
      const std::string program(bestpractice::rpm::manager_name(dnf->manager));
      findings.report(run.command->range, "`" + program + " " + dnf->action +
                                              "` leaves its cache in the layer; add `&& " +
                                              program + " clean all` after it in this RUN");
    }
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::DnfCleanCache)
