// DV101: a stateful server whose data directory no mount and no image VOLUME covers.
#include "core/check.h"
#include "stateful/analysis.h"

namespace dockvet::checks {

class StatefulDataInContainerLayer final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DV101",
        .name = "stateful-data-in-container-layer",
        .severity = Severity::error,
        .summary =
            "A database, CMS, broker or CI server keeps its data in the container's "
            "writable layer",
        .rationale =
            "Images such as elasticsearch, grafana/grafana, mcr.microsoft.com/mssql/server, "
            "gvenzl/oracle-free, drupal, mediawiki and the current bitnami/* images declare no "
            "VOLUME, so a server started without a mount over its data directory writes into "
            "the container's writable layer. That survives a restart, but `docker rm` deletes "
            "it and a Compose re-create (`up` after a config change, `down` + `up`) starts from "
            "an empty directory (stateful-images reference, conventions and rule 20). A knob "
            "or argument that moves the data (PGDATA, --dbpath, minio server <dir>) is followed "
            "first; a command whose storage cannot be known (--volumes-from, a mount target in a "
            "variable, an env file or config that could move the data into one of its mounts) is "
            "not reported. With no mount that could keep it, a database's data is lost wherever "
            "an unseen config moves it, so that is reported; a cache's or broker's config may "
            "switch persistence off, so there it is not." DOCKVET_OPEN_VERSION_RULE
            " A cache that only snapshots by default (redis, "
            "valkey) is reported as a warning that names the other fix: switching persistence "
            "off. Compose services are checked the same way, and so are the containers of "
            "Kubernetes workloads, where an image's VOLUME gives no volume at all (rule 22).",
        .bad_example =
            "docker run -d --name es -e discovery.type=single-node "
            "elasticsearch:8.15.0\n",
        .good_example =
            "docker run -d --name es -e discovery.type=single-node \\\n"
            "  -v esdata:/usr/share/elasticsearch/data elasticsearch:8.15.0\n",
        .fix =
            "Mount a named volume or a host directory over the data directory the message "
            "names, for example `-v esdata:/usr/share/elasticsearch/data`.",
        .example_language = "sh",
        .data_loss = true,
        .fixes = FixAvailability::unsafe,
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    for (const auto& server : facts.server_runs) {
      const auto paths = stateful::paths_with(server, stateful::Verdict::container_layer);
      if (paths.empty()) continue;
      std::vector<std::string> names;
      for (const auto* path : paths) names.push_back(path->data_path);
      const std::string flags = stateful::suggested_flags(server, paths);
      const bool volumes_ignored =
          !server.resolved.volumes.empty() && server.invocation->image_volume.has_value();
      const bool kubernetes = server.invocation->origin == docker::Origin::kubernetes;
      std::string message =
          server.described + " keeps its data in " + stateful::enumerate_paths(names) + ", which " +
          std::string(stateful::definer(server)) + " mounts nowhere" +
          (kubernetes ? kubernetes_tail(flags)
                      : (volumes_ignored ? " and `--image-volume ignore` drops the image's "
                                           "VOLUMEs"
                                         : " and the image declares no VOLUME for") +
                            std::string(": it stays in the container's writable layer and "
                                        "is lost on `docker rm` or a Compose re-create; "
                                        "add `") +
                            flags + "`");
      if (const auto* partial = paths.front()->partial_mount) {
        message += " (" + stateful::quote_mount(*partial, facts.file.text) +
                   " covers only a subdirectory)";
      }
      std::optional<Severity> severity;
      if (stateful::cache_only_by_choice(server)) {
        message += "; if it only serves as a cache, switching its persistence off is the other fix";
        severity = Severity::warning;
      }
      findings.report(server.invocation->image->range, std::move(message),
                      stateful::insert_flags_fix(server, flags), severity);
    }
  }

 private:
  // Kubernetes gives an image's VOLUME no volume (reference rule 22), so whether the image
  // declares one does not matter.
  static std::string kubernetes_tail(const std::string& flags) {
    return ": it stays in the container's writable layer (Kubernetes makes no volume for an "
           "image's VOLUME) and is lost whenever the container restarts or the Pod is "
           "re-created; add `" +
           flags + "` backed by a PersistentVolumeClaim";
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::StatefulDataInContainerLayer)
