// DV110: a server that names its data directory after the hostname, run without a fixed one.
#include "core/check.h"
#include "stateful/analysis.h"

namespace dockvet::checks {

class HostnameBoundData final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DV110",
        .name = "hostname-bound-data",
        .severity = Severity::warning,
        .summary =
            "RabbitMQ (or wurstmeister/kafka) keeps its data under the container "
            "hostname, and the command sets none",
        .rationale =
            "RabbitMQ's data directory is /var/lib/rabbitmq/mnesia/rabbit@<hostname>, and the "
            "node name defaults to the container hostname, which Docker makes up anew for every "
            "container. A re-created container therefore looks in a different subdirectory and "
            "starts empty even with the same volume; wurstmeister/kafka's default log directory "
            "/kafka/kafka-logs-$HOSTNAME has the same trap (stateful-images reference, row 40, "
            "1.8 and rule 15). The rabbitmq docs start the server with `--hostname my-rabbit`. "
            "In Kubernetes a Pod's hostname is its name: a bare Pod and a StatefulSet's Pods "
            "(rabbitmq-0) keep theirs, while a Deployment, ReplicaSet or DaemonSet names every "
            "Pod it creates anew, so a replaced Pod starts empty too. A DaemonSet counts although "
            "it re-creates its Pod on the same node: the node keeps the hostPath, the new name "
            "still points the server at another subdirectory, unless the Pods use "
            "`hostNetwork: true` and so take the node's hostname. Compose's `deploy.mode: global` "
            "changes nothing here, as every service without `hostname:` is reported anyway. "
            "Reported only when the data is otherwise on persistent storage.",
        .bad_example =
            "docker run -d --name rabbit -v rabbitmq_data:/var/lib/rabbitmq "
            "rabbitmq:4\n",
        .good_example =
            "docker run -d --name rabbit --hostname my-rabbit \\\n"
            "  -v rabbitmq_data:/var/lib/rabbitmq rabbitmq:4\n",
        .fix =
            "Give the container a fixed `--hostname` (Compose: `hostname:`; Kubernetes: run it "
            "as a StatefulSet, or set `hostname:` in the Pod template).",
        .example_language = "sh",
        .data_loss = true,
        .fixes = FixAvailability::unsafe,
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    for (const auto& server : facts.server_runs) {
      const auto& invocation = *server.invocation;
      if (!server.hostname_bound || invocation.hostname || uses_host_network(invocation)) continue;
      if (invocation.unknown_flags || invocation.elided_options) continue;
      // A Pod's hostname is its name: stable for a bare Pod and in a StatefulSet, new for every
      // Pod a Deployment, ReplicaSet or DaemonSet makes. Jobs and kinds not known here are left
      // alone.
      const bool kubernetes = invocation.origin == docker::Origin::kubernetes;
      if (kubernetes && !(invocation.workload && names_pods_anew(*invocation.workload))) continue;
      const auto persistent = stateful::paths_with(server, stateful::Verdict::persistent);
      if (persistent.empty()) continue;
      if (kubernetes) {
        findings.report(invocation.image->range,
                        server.described + " names its data directory after the hostname, and a " +
                            invocation.workload->kind +
                            " gives every Pod it creates a new name and so a new hostname: a "
                            "replaced Pod starts empty inside the same volume " +
                            persistent.front()->data_path +
                            (invocation.workload->kind == "DaemonSet"
                                 ? "; set `hostname:` in the Pod template"
                                 : "; run it as a StatefulSet, whose Pods keep their names, or "
                                   "set `hostname:` in the Pod template"));
        continue;
      }
      const std::string flag = invocation.origin == docker::Origin::compose
                                   ? "hostname: " + hostname_for(server)
                                   : "--hostname " + hostname_for(server);
      findings.report(invocation.image->range,
                      server.described +
                          " names its data directory after the container "
                          "hostname, and " +
                          std::string(stateful::definer(server)) +
                          " sets none: a re-created "
                          "container gets a new hostname and starts empty inside "
                          "the same volume " +
                          persistent.front()->data_path + "; add `" + flag + "`",
                      stateful::insert_flags_fix(server, flag));
    }
  }

 private:
  static bool uses_host_network(const docker::Invocation& invocation) {
    for (const char* name : {"network", "net"}) {
      const docker::Option* option = invocation.find_option(name);
      if (option && option->value && option->value->known() && option->value->text() == "host") {
        return true;
      }
    }
    return false;
  }

  // A DaemonSet's Pod on the host network takes its node's hostname, which it never leaves.
  static bool names_pods_anew(const docker::Workload& workload) {
    return (workload.replaces_pods() && workload.kind != "StatefulSet") ||
           (workload.kind == "DaemonSet" && !workload.host_network);
  }

  // The docs' hostname from the catalog's fix flags ("--hostname my-rabbit").
  static std::string hostname_for(const stateful::ServerRun& server) {
    const std::string& fix = server.resolved.variant->fix_mount;
    const std::string marker = "--hostname ";
    if (const auto at = fix.find(marker); at != std::string::npos) {
      const auto begin = at + marker.size();
      return fix.substr(begin, fix.find(' ', begin) - begin);
    }
    return "my-" + server.resolved.entry->name;
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::HostnameBoundData)
