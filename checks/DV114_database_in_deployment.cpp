// DV114: a database kept on a PersistentVolumeClaim runs as a Deployment, which may start the
// replacement Pod before the old one has stopped.
#include "core/check.h"
#include "stateful/analysis.h"

namespace dockvet::checks {

class DatabaseInDeployment final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DV114",
        .name = "database-in-deployment",
        .severity = Severity::info,
        .summary =
            "A database, broker, search or CI server with its data on a claim runs as a "
            "Deployment rather than a StatefulSet",
        .rationale =
            "A Deployment's default strategy is RollingUpdate with maxSurge 25%, which rounds "
            "up to one extra Pod even for one replica, and maxUnavailable 25%, which rounds "
            "down to none: on every update the new Pod starts while the old one still runs. "
            "A manually deleted Pod is also replaced at once, even while the old one is still "
            "terminating; the Kubernetes documentation points to a StatefulSet for an "
            "at-most-one guarantee. With the data on one PersistentVolumeClaim, the new server "
            "either hangs because a ReadWriteOnce volume is attached to the old Pod's node, or, "
            "on the same node, opens the data directory the old server still writes. A "
            "StatefulSet stops a Pod before it starts its replacement and gives each replica a "
            "claim of its own through volumeClaimTemplates. `strategy: {type: Recreate}` "
            "removes the overlap on updates, so such Deployments are not reported. Scaled "
            "Deployments are DV111's. A DaemonSet is not reported either: its rolling update "
            "defaults to maxSurge 0 and maxUnavailable 1: on each node it stops the old Pod "
            "before it brings up the new one, and a DaemonSet that mounts one claim on "
            "every node is DV111's.",
        .bad_example =
            "apiVersion: apps/v1\n"
            "kind: Deployment\n"
            "metadata: {name: db}\n"
            "spec:\n"
            "  selector: {matchLabels: {app: db}}\n"
            "  template:\n"
            "    metadata: {labels: {app: db}}\n"
            "    spec:\n"
            "      containers:\n"
            "        - name: postgres\n"
            "          image: postgres:17\n"
            "          volumeMounts:\n"
            "            - {name: data, mountPath: /var/lib/postgresql/data}\n"
            "      volumes:\n"
            "        - {name: data, persistentVolumeClaim: {claimName: pgdata}}\n",
        .good_example =
            "apiVersion: apps/v1\n"
            "kind: StatefulSet\n"
            "metadata: {name: db}\n"
            "spec:\n"
            "  serviceName: db\n"
            "  selector: {matchLabels: {app: db}}\n"
            "  template:\n"
            "    metadata: {labels: {app: db}}\n"
            "    spec:\n"
            "      containers:\n"
            "        - name: postgres\n"
            "          image: postgres:17\n"
            "          volumeMounts:\n"
            "            - {name: data, mountPath: /var/lib/postgresql/data}\n"
            "  volumeClaimTemplates:\n"
            "    - metadata: {name: data}\n"
            "      spec:\n"
            "        accessModes: [ReadWriteOnce]\n"
            "        resources: {requests: {storage: 10Gi}}\n",
        .fix =
            "Run the server as a StatefulSet with volumeClaimTemplates, or at least set "
            "`strategy: {type: Recreate}` on the Deployment.",
        .example_language = "yaml",
        .data_loss = true,
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    for (const auto& server : facts.server_runs) {
      const auto& invocation = *server.invocation;
      const auto& workload = invocation.workload;
      if (!workload || workload->kind != "Deployment" || workload->strategy == "Recreate") {
        continue;
      }
      if (!stateful::needs_own_data_directory(server)) continue;
      const auto count = invocation.replica_count();
      if (count && *count != 1) continue;  // 0 runs nothing; more than one is DV111's
      for (const auto* path : stateful::paths_with(server, stateful::Verdict::persistent)) {
        if (!path->mount || path->mount->kind != docker::MountKind::named_volume) continue;
        findings.report(workload->kind_range,
                        server.described + " keeps its data " + path->data_path +
                            " on a claim, and a Deployment starts the replacement Pod before "
                            "the old one stops (maxSurge rounds up to one): the new server "
                            "waits for the volume or opens the data the old one still writes; "
                            "run it as a StatefulSet, or set `strategy: {type: Recreate}`");
        break;
      }
    }
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::DatabaseInDeployment)
