// DV122: an ENV knob moves the base image's data out of every VOLUME (rule 24).
#include <algorithm>

#include "core/check.h"
#include "dockerfile/dockerfile.h"
#include "stateful/dockerfile_state.h"

namespace dockvet::checks {

class DataPathMovedOutsideVolume final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DV122",
        .name = "data-path-moved-outside-volume",
        .severity = Severity::error,
        .summary = "An ENV setting moves the base image's data directory out of every VOLUME",
        .rationale =
            "Server images read their data directory from an environment variable: PGDATA for "
            "postgres and its derivatives, JENKINS_HOME, NEXUS_DATA, SQ_DATA_DIR, GF_PATHS_DATA, "
            "ZOO_DATA_DIR, SOLR_HOME, KAFKA_LOG_DIRS and more (stateful-images reference, rule "
            "12). A child image cannot remove the VOLUMEs it inherits (rule 24), so `FROM "
            "postgres:17` with `ENV PGDATA=/srv/pg` still creates an anonymous volume at "
            "/var/lib/postgresql/data while the server writes to /srv/pg, in the container's "
            "writable layer: mounts at the documented path then persist nothing.",
        .bad_example = "FROM postgres:17\nENV PGDATA=/srv/pg\n",
        .good_example = "FROM postgres:17\nENV PGDATA=/var/lib/postgresql/data/pgdata\n",
        .fix =
            "Keep the variable inside the image's VOLUME (a subdirectory is fine), or declare "
            "the new directory as a VOLUME.",
        .data_loss = true,
        .fixes = FixAvailability::unsafe,
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    if (facts.dockerfile == nullptr) return;
    const auto& dockerfile = *facts.dockerfile;
    std::vector<const dockerfile::KeyValue*> reported;
    for (int stage : stateful::image_stages(dockerfile)) {
      const auto& chain = facts.stage_chains[static_cast<std::size_t>(stage)];
      if (!chain.layout_known() || stateful::command_moves_data(dockerfile, chain) ||
          stateful::runs_client(dockerfile, chain, facts.catalog)) {
        continue;
      }
      const auto inherited = chain.inherited_volumes();
      const auto declared = stateful::chain_volumes(dockerfile, chain);
      for (const auto& data : stateful::data_paths(dockerfile, chain)) {
        if (data.relocated_by == nullptr) continue;
        if (!stateful::volume_covers(inherited, declared, data.default_path)) continue;
        if (stateful::volume_covers(inherited, declared, data.path)) continue;
        if (std::find(reported.begin(), reported.end(), data.relocated_by) != reported.end()) {
          continue;
        }
        reported.push_back(data.relocated_by);
        report(dockerfile, chain, data, findings);
      }
    }
  }

 private:
  static void report(const dockerfile::Dockerfile& dockerfile, const stateful::StageChain& chain,
                     const stateful::DataPath& data, Findings& findings) {
    const auto& pair = *data.relocated_by;
    const auto& env = dockerfile.instructions[static_cast<std::size_t>(data.env_instruction)];
    std::string message = pair.key.expanded + "=" + data.path + " moves the data of " +
                          stateful::describe_image(chain) + " from " + data.default_path +
                          ", which a VOLUME holds, to " + data.path +
                          ", which no VOLUME holds: the data lands in the container's writable "
                          "layer (inherited VOLUMEs cannot be removed); keep " +
                          pair.key.expanded + " under " + data.default_path + " or add `" +
                          stateful::volume_line({data.path}) + "`";
    findings.report(
        pair.value->range, std::move(message),
        Fix::replace_unsafe("declare " + data.path + " as a VOLUME", {env.range.end, env.range.end},
                            "\n" + stateful::volume_line({data.path})));
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::DataPathMovedOutsideVolume)
