// DV121: FROM a stateful image that declares no VOLUME over its data, and no VOLUME added.
#include <algorithm>

#include "core/check.h"
#include "dockerfile/dockerfile.h"
#include "stateful/dockerfile_state.h"

namespace dockvet::checks {

namespace {

// The data paths of the chain that no VOLUME holds, before and after the chain's ENV moves
// them; a path moved out of a VOLUME is DV122's case, not this one.
std::vector<stateful::DataPath> unprotected_paths(const dockerfile::Dockerfile& dockerfile,
                                                  const stateful::StageChain& chain) {
  const auto inherited = chain.inherited_volumes();
  const auto declared = stateful::chain_volumes(dockerfile, chain);
  std::vector<stateful::DataPath> out;
  for (const auto& data : stateful::data_paths(dockerfile, chain)) {
    if (!data.known) continue;
    if (stateful::volume_covers(inherited, declared, data.default_path)) continue;
    if (stateful::volume_covers(inherited, declared, data.path)) continue;
    out.push_back(data);
  }
  return out;
}

std::string describe_volumes(const std::vector<std::string>& volumes) {
  if (volumes.empty()) return "declares no VOLUME";
  return "declares VOLUMEs (" + stateful::join_paths(volumes) + ") but none over its data";
}

}  // namespace

class StatefulBaseWithoutVolume final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DV121",
        .name = "stateful-base-without-volume",
        .severity = Severity::warning,
        .summary =
            "The image is built FROM a stateful image that keeps its data outside any "
            "VOLUME, and the Dockerfile declares none",
        .rationale =
            "Many server images declare no VOLUME at all: elasticsearch, opensearch, grafana, "
            "mssql, mediawiki, drupal, qdrant, cockroach, influxdb 3 and the current bitnami "
            "images (stateful-images reference, rows 12, 13, 29, 36, 48, 52, 72 and section "
            "1.8). apache/kafka declares VOLUMEs but logs to /tmp/kraft-combined-logs (row 42, "
            "rule 14). Unless every `docker run` mounts the right path, the data of a container "
            "built from such a Dockerfile sits in its writable layer and is gone when the "
            "container is removed or re-created by Compose (rule 20). Rule 26 calls this the "
            "'built without persistent storage' case; declaring the data path as a VOLUME "
            "documents it and keeps the data out of the container layer.",
        .bad_example =
            "FROM grafana/grafana:11.2.0\nCOPY provisioning/ /etc/grafana/provisioning/\n",
        .good_example =
            "FROM grafana/grafana:11.2.0\nCOPY provisioning/ /etc/grafana/provisioning/\n"
            "VOLUME /var/lib/grafana\n",
        .fix =
            "Declare the data path as a VOLUME after the FROM line (and mount a named volume "
            "there at run time).",
        .data_loss = true,
        .fixes = FixAvailability::unsafe,
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    if (facts.dockerfile == nullptr) return;
    const auto& dockerfile = *facts.dockerfile;
    std::vector<const dockerfile::Stage*> reported;
    for (int stage : stateful::image_stages(dockerfile)) {
      const auto& chain = facts.stage_chains[static_cast<std::size_t>(stage)];
      if (!chain.layout_known() || stateful::command_moves_data(dockerfile, chain) ||
          stateful::runs_client(dockerfile, chain, facts.catalog)) {
        continue;
      }
      if (std::find(reported.begin(), reported.end(), chain.root) != reported.end()) continue;
      const auto paths = unprotected_paths(dockerfile, chain);
      if (paths.empty()) continue;
      reported.push_back(chain.root);
      report(dockerfile, chain, paths, findings);
    }
  }

 private:
  static void report(const dockerfile::Dockerfile& dockerfile, const stateful::StageChain& chain,
                     const std::vector<stateful::DataPath>& paths, Findings& findings) {
    std::vector<std::string> targets;
    std::string where;
    for (const auto& data : paths) {
      targets.push_back(data.path);
      if (!where.empty()) where += ", ";
      where += data.default_path;
      if (data.relocated_by != nullptr) {
        where += " (moved to " + data.path + " by ENV " + data.relocated_by->key.expanded + ")";
      }
    }
    const std::string volume_line = stateful::volume_line(targets);
    std::string message = stateful::describe_image(chain) + " keeps its data in " + where +
                          "; the image " + describe_volumes(chain.image->volumes) +
                          " and this Dockerfile declares none, so the data stays in the "
                          "container's writable layer and is lost when the container is removed; "
                          "add `" +
                          volume_line + "`";
    const auto& from =
        dockerfile.instructions[static_cast<std::size_t>(chain.root->from_instruction)];
    findings.report(chain.root->base.range, std::move(message),
                    Fix::replace_unsafe("declare " + stateful::join_paths(targets) + " as a VOLUME",
                                        {from.range.end, from.range.end}, "\n" + volume_line));
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::StatefulBaseWithoutVolume)
