// DV113: a Kubernetes workload keeps a server's data in a hostPath, and nothing keeps its Pods on
// the node that holds the files.
#include "core/check.h"
#include "stateful/analysis.h"

namespace dockvet::checks {

class HostPathDataOnUnpinnedWorkload final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DV113",
        .name = "host-path-data-on-unpinned-workload",
        .severity = Severity::warning,
        .summary =
            "A Deployment or StatefulSet keeps a server's data in a hostPath volume but may "
            "run its Pods on any node",
        .rationale =
            "A hostPath volume is a directory on the node the Pod happens to run on. A "
            "Deployment, ReplicaSet or StatefulSet re-creates its Pods after a node drain, an "
            "eviction or an update, and the scheduler may pick another node: the new Pod finds "
            "that node's directory, empty or stale, and the server starts without its data, "
            "which still sits on the old node. The Kubernetes documentation warns that Pods "
            "from one template can behave differently on different nodes because of the "
            "files on each node. A nodeName, a nodeSelector or a required node affinity keeps "
            "the Pods on the node that has the files; a PersistentVolumeClaim follows the Pod "
            "instead. A bare Pod is never moved, and a DaemonSet runs one Pod per node by "
            "design and re-creates it on the same node, where the hostPath still holds the "
            "data, so neither is reported (a DaemonSet whose Pods each keep a node's own data "
            "is scaled, which is a question for DV111 and DV112).",
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
            "        - {name: data, hostPath: {path: /srv/pgdata}}\n",
        .good_example =
            "apiVersion: apps/v1\n"
            "kind: Deployment\n"
            "metadata: {name: db}\n"
            "spec:\n"
            "  selector: {matchLabels: {app: db}}\n"
            "  template:\n"
            "    metadata: {labels: {app: db}}\n"
            "    spec:\n"
            "      nodeSelector: {kubernetes.io/hostname: db-node-1}\n"
            "      containers:\n"
            "        - name: postgres\n"
            "          image: postgres:17\n"
            "          volumeMounts:\n"
            "            - {name: data, mountPath: /var/lib/postgresql/data}\n"
            "      volumes:\n"
            "        - {name: data, hostPath: {path: /srv/pgdata}}\n",
        .fix =
            "Keep the data in a PersistentVolumeClaim, or pin the Pods to the node that holds "
            "the directory with a nodeSelector or a required node affinity.",
        .example_language = "yaml",
        .data_loss = true,
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    for (const auto& server : facts.server_runs) {
      const auto& invocation = *server.invocation;
      const auto& workload = invocation.workload;
      if (!workload || !workload->replaces_pods() || workload->node_pinned) continue;
      for (const auto* path : stateful::paths_with(server, stateful::Verdict::persistent)) {
        if (!path->mount || path->mount->kind != docker::MountKind::bind) continue;
        const std::string host_path =
            path->mount->source ? "hostPath `" + path->mount->source->text() + "`" : "hostPath";
        findings.report(path->mount->value_range,
                        server.described + " keeps its data " + path->data_path + " in the " +
                            host_path + " of whichever node runs the Pod, and this " +
                            workload->kind +
                            " may re-create the Pod on another node, where the server starts "
                            "without it; use a PersistentVolumeClaim, or pin the Pods with a "
                            "nodeSelector or a required node affinity");
        break;
      }
    }
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::HostPathDataOnUnpinnedWorkload)
