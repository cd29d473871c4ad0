// DV120: a database, broker or CMS installed with a package manager, with no VOLUME for its data.
#include <algorithm>
#include <set>

#include "catalog/catalog.h"
#include "core/check.h"
#include "docker/paths.h"
#include "dockerfile/dockerfile.h"
#include "stateful/dockerfile_state.h"
#include "stateful/dockerfile_writes.h"

namespace dockvet::checks {

namespace {

struct Install {
  stateful::PackageWord package;
  const catalog::Entry* entry;
  const catalog::Package* fact;
  int instruction;
  std::string manager;
};

// A VOLUME at, above or below the package's data directory counts: distribution layouts put
// the cluster in a subdirectory (/var/lib/postgresql/16/main) that authors often declare.
bool protects(const std::vector<std::string>& inherited,
              const std::vector<stateful::DeclaredVolume>& declared, const std::string& path) {
  for (const auto& volume : inherited) {
    if (docker::relate_paths(volume, path) != docker::PathRelation::unrelated) return true;
  }
  for (const auto& volume : declared) {
    if (!volume.known) return true;
    if (docker::relate_paths(volume.path, path) != docker::PathRelation::unrelated) return true;
  }
  return false;
}

}  // namespace

class DatabaseInstalledWithoutVolume final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DV120",
        .name = "database-installed-without-volume",
        .severity = Severity::warning,
        .summary =
            "A database, broker or CMS is installed with a package manager but no VOLUME "
            "holds its data directory",
        .rationale =
            "A server installed with apt, apk, dnf, yum, microdnf or zypper writes its data to "
            "the distribution's data directory (/var/lib/postgresql, /var/lib/mysql, "
            "/var/lib/redis, …). Without a VOLUME there and without a mount at run time, that "
            "data sits in the container's writable layer and is lost when the container is "
            "removed or re-created (stateful-images reference, conventions and rule 20; rule "
            "26 is the Dockerfile form of this mistake). The package-to-path table is "
            "dockvet's catalog; the reference itself does not cover distribution packages, so "
            "the path is the package's usual one. Only stages that end up as an image are "
            "checked: the last stage and stages no later stage uses; a stage that later stages "
            "only copy from is a build stage.",
        .bad_example =
            "FROM debian:bookworm\nRUN apt-get update && apt-get install -y "
            "postgresql-15\nCMD [\"pg_ctlcluster\", \"15\", \"main\", \"start\", "
            "\"--foreground\"]\n",
        .good_example =
            "FROM debian:bookworm\nRUN apt-get update && apt-get install -y "
            "postgresql-15\nVOLUME /var/lib/postgresql\nCMD [\"pg_ctlcluster\", "
            "\"15\", \"main\", \"start\", \"--foreground\"]\n",
        .fix =
            "Declare the data directory as a VOLUME after the install (and mount a named "
            "volume there at run time), or use the official server image.",
        .data_loss = true,
        .fixes = FixAvailability::unsafe,
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    if (facts.dockerfile == nullptr) return;
    const auto& dockerfile = *facts.dockerfile;
    std::set<std::size_t> reported;
    for (int stage : stateful::image_stages(dockerfile)) {
      const auto& chain = facts.stage_chains[static_cast<std::size_t>(stage)];
      if (!chain.image_name_known) continue;
      if (chain.image && !chain.layout_known() &&
          chain.image->entry->image_class != catalog::ImageClass::stateless) {
        continue;  // a stateful base whose layout depends on an unknown tag
      }
      const auto inherited = chain.inherited_volumes();
      const auto declared = stateful::chain_volumes(dockerfile, chain);
      for (const auto& install : kept_installs(facts, chain)) {
        const ByteRange range = install.package.word->range;
        if (reported.contains(range.begin)) continue;
        if (protects(inherited, declared, install.fact->data_path)) continue;
        reported.insert(range.begin);
        report(dockerfile, install, findings);
      }
    }
  }

 private:
  // The catalog packages installed in the chain's RUNs and not removed again later (by name
  // or, for apk, by their `--virtual` group).
  static std::vector<Install> kept_installs(const FileFacts& facts,
                                            const stateful::StageChain& chain) {
    const auto& instructions = chain.instructions;
    std::vector<Install> installs;
    std::vector<std::pair<std::string, std::size_t>> removals;
    for (const auto& script : facts.scripts) {
      // The chain's instructions come in file order, so a search keeps many RUNs linear.
      if (!std::binary_search(instructions.begin(), instructions.end(), script.instruction)) {
        continue;
      }
      for (const auto& command : script.commands) {
        for (auto& name : stateful::removed_packages(command)) {
          removals.emplace_back(std::move(name), command.range.begin);
        }
        for (const auto& package : stateful::installed_packages(command)) {
          const auto found = facts.catalog.find_package(package.word->text());
          if (!found) continue;
          installs.push_back(Install{package, found->first, found->second, script.instruction,
                                     stateful::program_name(command)});
        }
      }
    }
    std::erase_if(installs, [&](const Install& install) {
      const std::string name = install.package.word->text();
      return std::any_of(removals.begin(), removals.end(), [&](const auto& removal) {
        return removal.second > install.package.word->range.begin &&
               (removal.first == name ||
                (!install.package.group.empty() && removal.first == install.package.group));
      });
    });
    return installs;
  }

  static void report(const dockerfile::Dockerfile& dockerfile, const Install& install,
                     Findings& findings) {
    const std::string package = install.package.word->text();
    const std::string& path = install.fact->data_path;
    const auto& run = dockerfile.instructions[static_cast<std::size_t>(install.instruction)];
    std::string message = "`" + package + "` (installed with " + install.manager + ") runs " +
                          install.entry->name + ", which keeps its data in " + path +
                          (install.fact->verified ? "" : " (the package's usual data directory)") +
                          "; no VOLUME in this image holds it, so the data stays in the "
                          "container's writable layer and is lost with the container; add `" +
                          stateful::volume_line({path}) + "` and mount a named volume there";
    findings.report(
        install.package.word->range, std::move(message),
        Fix::replace_unsafe("declare " + path + " as a VOLUME", {run.range.end, run.range.end},
                            "\n" + stateful::volume_line({path})));
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::DatabaseInstalledWithoutVolume)
