// DV109: `docker service create` of a stateful server with several replicas or in global mode.
#include "core/check.h"
#include "stateful/analysis.h"

namespace dockvet::checks {

class ReplicatedStatefulService final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DV109",
        .name = "replicated-stateful-service",
        .severity = Severity::warning,
        .summary = "A Swarm service runs several replicas of a database or other stateful server",
        .rationale =
            "Every replica of a service is a separate server with its own data directory; "
            "replicas of a database do not share or replicate data by themselves, and a named "
            "volume is local to the node a task runs on, so a task scheduled on another node "
            "starts with an empty one (stateful-images reference, rule 21, general Swarm "
            "behaviour not re-verified there). `--mode global` starts one such replica per node.",
        .bad_example =
            "docker service create --name db --replicas 3 \\\n"
            "  --mount type=volume,source=pgdata,target=/var/lib/postgresql/data "
            "postgres:17\n",
        .good_example =
            "docker service create --name db --replicas 1 \\\n"
            "  --constraint node.labels.db==true \\\n"
            "  --mount type=volume,source=pgdata,target=/var/lib/postgresql/data "
            "postgres:17\n",
        .fix =
            "Run one replica pinned to a node (a placement constraint), and use the "
            "server's own clustering for more instances.",
        .example_language = "sh",
        .data_loss = true,
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    for (const auto& server : facts.server_runs) {
      const auto& invocation = *server.invocation;
      if (invocation.subcommand != docker::Subcommand::service_create) continue;
      if (invocation.unknown_flags || invocation.elided_options) continue;
      const std::string what = "each a separate " + server.described +
                               " server with its own data directory; named volumes are "
                               "node-local in Swarm, so a task on another node starts empty. "
                               "Run one replica pinned with a placement constraint";
      if (const auto count = invocation.replica_count(); count && *count > 1) {
        findings.report(invocation.replicas->range,
                        "this service starts " + std::to_string(*count) + " replicas, " + what);
        continue;
      }
      const docker::Option* mode = invocation.find_option("mode");
      if (mode && mode->value && mode->value->known() && mode->value->text() == "global") {
        findings.report(mode->range, "`--mode global` starts one replica on every node, " + what);
      }
    }
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::ReplicatedStatefulService)
