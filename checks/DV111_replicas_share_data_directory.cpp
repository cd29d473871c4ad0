// DV111: a scaled compose service or Kubernetes workload whose replicas all open the same data
// directory.
#include "core/check.h"
#include "stateful/analysis.h"

namespace dockvet::checks {

class ReplicasShareDataDirectory final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DV111",
        .name = "replicas-share-data-directory",
        .severity = Severity::error,
        .summary =
            "A database, broker, search or CI server is scaled to several replicas that all "
            "mount the same data directory",
        .rationale =
            "`deploy.replicas` or `scale` starts that many copies of the service, and every "
            "copy mounts the same named volume or host directory. A database server assumes it "
            "is alone in its data directory: two postgres or mysql servers on one directory "
            "corrupt it, and most refuse to start on a lock the other holds, so the service "
            "fails or loses data as soon as it scales. Replicas of a database do not share or "
            "replicate data by themselves (stateful-images reference, rules 9 and 21). Under "
            "Swarm the volume is node-local instead, and replicas on other nodes start empty. "
            "In Kubernetes, a Deployment's replicas all mount the one claim its Pod template "
            "names (and a ReadWriteOnce claim attaches to one node only), while a StatefulSet's "
            "volumeClaimTemplates give each replica its own, which is not reported. "
            "CMS replicas are not reported here: sharing their uploads directory is what they "
            "need. "
            "One replica on every node (compose's `deploy.mode: global`, a DaemonSet) counts as "
            "scaled, reported at info level because the file does not show how many nodes there "
            "are, and a single-node swarm or cluster runs just one: in compose each node's "
            "server opens that node's volume, so with more than one node the servers keep "
            "separate data that diverges behind one service address (or, on a shared volume "
            "driver, open one data directory together); a DaemonSet's Pods all mount the one "
            "claim its template names, which a ReadWriteOnce claim keeps from starting beyond "
            "one node. A DaemonSet's hostPath is each node's own directory and is not reported, "
            "as a node-local cache is a common use.",
        .bad_example =
            "services:\n"
            "  db:\n"
            "    image: postgres:17\n"
            "    deploy:\n"
            "      replicas: 3\n"
            "    volumes:\n"
            "      - pgdata:/var/lib/postgresql/data\n"
            "volumes:\n"
            "  pgdata:\n",
        .good_example =
            "services:\n"
            "  db:\n"
            "    image: postgres:17\n"
            "    volumes:\n"
            "      - pgdata:/var/lib/postgresql/data\n"
            "volumes:\n"
            "  pgdata:\n",
        .fix =
            "Run one replica, and use the server's own replication (a primary and standbys, "
            "each a service with its own volume) for more instances.",
        .example_language = "yaml",
        .data_loss = true,
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    for (const auto& server : facts.server_runs) {
      const auto& invocation = *server.invocation;
      if (invocation.origin == docker::Origin::command_line) continue;  // Swarm's is DV109
      if (!stateful::needs_own_data_directory(server)) continue;
      const bool kubernetes = invocation.origin == docker::Origin::kubernetes;
      if (invocation.one_per_node()) {
        report_one_per_node(server, facts, findings);
        continue;
      }
      const auto count = invocation.replica_count();
      if (!count || *count < 2) continue;
      for (const auto* path : stateful::paths_with(server, stateful::Verdict::persistent)) {
        // A StatefulSet's claim template gives each replica a claim of its own; on Kubernetes
        // a hostPath is one per node, which is another rule's question.
        if (!path->mount || path->mount->per_replica) continue;
        if (kubernetes && path->mount->kind != docker::MountKind::named_volume) continue;
        findings.report(
            invocation.replicas->range,
            (invocation.workload && invocation.workload->autoscaled
                 ? "this autoscaler may start up to "
                 : (kubernetes ? "this workload starts " : "this service starts ")) +
                std::to_string(*count) + " replicas of " + server.described +
                ", and every one mounts " +
                (kubernetes && path->mount->source
                     ? "the volume `" + path->mount->source->text() + "`"
                     : stateful::quote_mount(*path->mount, facts.file.text)) +
                " over its data directory " + path->data_path +
                ": two servers on one data directory corrupt it or refuse to start" +
                (kubernetes ? ", and a ReadWriteOnce claim keeps replicas on other nodes from "
                              "starting; use a StatefulSet with volumeClaimTemplates, one "
                              "replica, and the server's own replication for more"
                            : "; run one replica and use the server's own replication"));
        break;
      }
    }
  }

 private:
  // How many nodes run the service is not in the file: the finding holds on more than one node,
  // so it is information, not a warning.
  static void report_one_per_node(const stateful::ServerRun& server, const FileFacts& facts,
                                  Findings& findings) {
    const auto& invocation = *server.invocation;
    const bool kubernetes = invocation.origin == docker::Origin::kubernetes;
    for (const auto* path : stateful::paths_with(server, stateful::Verdict::persistent)) {
      if (!path->mount || path->mount->per_replica) continue;
      if (kubernetes && path->mount->kind != docker::MountKind::named_volume) continue;
      std::string message =
          kubernetes ? "this DaemonSet starts " + server.described +
                           " on every node, and every Pod mounts " +
                           (path->mount->source ? "the volume `" + path->mount->source->text() + "`"
                                                : std::string("the same volume")) +
                           " over its data directory " + path->data_path +
                           ": on more than one node, a ReadWriteOnce claim keeps the Pods beyond "
                           "the first node from starting, and a shared one puts several servers "
                           "on one data directory; run one replica as a StatefulSet"
                     : "`mode: global` starts " + server.described +
                           " on every node of the swarm, each over " +
                           stateful::quote_mount(*path->mount, facts.file.text) +
                           " as its data directory " + path->data_path +
                           ": on more than one node, each server keeps its own data on its "
                           "own node and the copies diverge behind one service address (storage "
                           "shared between the nodes puts them all on one data directory "
                           "instead); run one replica pinned with a placement constraint and "
                           "use the server's own replication for more";
      findings.report(*invocation.every_node, std::move(message), std::nullopt, Severity::info);
      return;
    }
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::ReplicasShareDataDirectory)
