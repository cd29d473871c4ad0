// DV112: a scaled CMS (compose service or Kubernetes workload) whose replicas each keep their own
// uploads.
#include "core/check.h"
#include "stateful/analysis.h"

namespace dockvet::checks {

class ScaledCmsWithoutSharedUploads final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DV112",
        .name = "scaled-cms-without-shared-uploads",
        .severity = Severity::error,
        .summary = "A CMS is scaled to several replicas that each keep their own uploads",
        .rationale =
            "A CMS such as wordpress, drupal, joomla, nextcloud, ghost or mediawiki writes "
            "uploads, plugins and its own configuration into its data directory. Scaled with "
            "`deploy.replicas`, `scale` or a Kubernetes `replicas` and nothing shared mounted "
            "there (no mount, an anonymous volume, an `emptyDir`), every replica has "
            "its own copy in its container layer or anonymous volume: a file uploaded through one "
            "replica is missing on the others, and each re-created replica starts empty "
            "(stateful-images reference, section 1.4 and rule 20). The replicas need one shared "
            "volume over that directory (on one host a named volume is shared; across Swarm "
            "nodes it needs a shared driver such as NFS). "
            "One replica on every node (compose's `deploy.mode: global`, a DaemonSet) counts as "
            "scaled, reported at info level because the file does not show how many nodes there "
            "are, and on a single node it runs just one. A named volume under `mode: global` "
            "is not reported, although each node has its own unless its driver shares it: the "
            "file does not say which driver the nodes use.",
        .bad_example =
            "services:\n"
            "  site:\n"
            "    image: wordpress:6\n"
            "    deploy:\n"
            "      replicas: 3\n",
        .good_example =
            "services:\n"
            "  site:\n"
            "    image: wordpress:6\n"
            "    deploy:\n"
            "      replicas: 3\n"
            "    volumes:\n"
            "      - site:/var/www/html\n"
            "volumes:\n"
            "  site:\n",
        .fix =
            "Mount one shared volume over the data directory for all replicas (a named volume "
            "with a shared driver such as NFS when the replicas run on several nodes), or run "
            "one replica.",
        .example_language = "yaml",
        .data_loss = true,
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    for (const auto& server : facts.server_runs) {
      const auto& invocation = *server.invocation;
      if (invocation.origin == docker::Origin::command_line) continue;
      if (server.resolved.entry->image_class != catalog::ImageClass::cms) continue;
      const auto count = invocation.replica_count();
      const bool per_node = invocation.one_per_node();
      if (!per_node && (!count || *count < 2)) continue;
      std::vector<std::string> own;
      for (const auto& path : server.paths) {
        if (path.verdict == stateful::Verdict::container_layer ||
            path.verdict == stateful::Verdict::anonymous_volume ||
            path.verdict == stateful::Verdict::throwaway_mount) {
          own.push_back(path.data_path);
        }
      }
      if (own.empty()) continue;
      if (per_node) {
        // How many nodes there are is not in the file: on one node this is one replica.
        findings.report(
            *invocation.every_node,
            (invocation.origin == docker::Origin::kubernetes
                 ? "this DaemonSet starts " + server.described + " on every node"
                 : "`mode: global` starts " + server.described + " on every node of the swarm") +
                ", and each keeps its own " + stateful::enumerate_paths(own) +
                ": on more than one node, an upload through one replica is missing on the "
                "others; mount one volume shared between the nodes there, or run one replica",
            std::nullopt, Severity::info);
        continue;
      }
      findings.report(
          invocation.replicas->range,
          std::string(invocation.origin == docker::Origin::kubernetes ? "this workload starts "
                                                                      : "this service starts ") +
              std::to_string(*count) + " replicas of " + server.described +
              ", and each keeps its own " + stateful::enumerate_paths(own) +
              ": an upload through one replica is missing on the others; mount "
              "one shared volume there for all of them");
    }
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::ScaledCmsWithoutSharedUploads)
