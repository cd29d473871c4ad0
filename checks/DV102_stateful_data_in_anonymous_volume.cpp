// DV102: a stateful server whose data only an anonymous volume holds.
#include <algorithm>

#include "core/check.h"
#include "stateful/analysis.h"

namespace dockvet::checks {

class StatefulDataInAnonymousVolume final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DV102",
        .name = "stateful-data-in-anonymous-volume",
        .severity = Severity::warning,
        .summary = "A stateful server keeps its data only in an anonymous volume",
        .rationale =
            "A VOLUME the image declares (postgres, mysql, mongo, redis, wordpress, "
            "jenkins/jenkins, …) becomes an anonymous volume when no `-v`/`--mount` has exactly "
            "that destination, and so does `-v /path` without a source. An anonymous volume "
            "survives `docker stop`/`start`, but a re-created container (`docker rm` and "
            "`docker run` again, `docker compose down` and `up`) gets a new, empty one; the old "
            "one is left orphaned (stateful-images reference, conventions and rules 1, 9, 20). "
            "Naming the volume is what makes the data reusable." DOCKVET_OPEN_VERSION_RULE
            " In a Kubernetes manifest an `emptyDir` volume is the anonymous volume: it is "
            "deleted with its Pod and never reused, so a data directory on one is reported as an "
            "error (rule 22).",
        .bad_example = "docker run -d --name db -e MYSQL_ROOT_PASSWORD=secret mysql:8.4\n",
        .good_example =
            "docker run -d --name db -e MYSQL_ROOT_PASSWORD=secret \\\n"
            "  -v mysql_data:/var/lib/mysql mysql:8.4\n",
        .fix =
            "Give the data directory a named volume (`-v mysql_data:/var/lib/mysql`) or a "
            "host directory (`-v /srv/mysql:/var/lib/mysql`).",
        .example_language = "sh",
        .data_loss = true,
        .fixes = FixAvailability::unsafe,
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    for (const auto& server : facts.server_runs) {
      const auto paths = stateful::paths_with(server, stateful::Verdict::anonymous_volume);
      std::vector<const stateful::PathVerdict*> in_image_volumes;
      for (const auto* path : paths) {
        if (path->mount) {
          report_user_mount(facts, server, *path, findings);
        } else {
          in_image_volumes.push_back(path);
        }
      }
      if (!in_image_volumes.empty())
        report_image_volumes(facts, server, in_image_volumes, findings);
    }
  }

 private:
  static void report_user_mount(const FileFacts& facts, const stateful::ServerRun& server,
                                const stateful::PathVerdict& path, Findings& findings) {
    const std::string flag = stateful::suggested_flags(server, {&path});
    if (server.invocation->origin == docker::Origin::kubernetes) {
      // The front end reads an emptyDir as the anonymous volume it amounts to. Nothing reuses
      // it once its Pod is gone, so it loses data as surely as the container layer does.
      findings.report(path.mount->value_range,
                      server.described + " keeps its data in " + path.data_path +
                          ", which the volumeMount at " + path.mount->target_path +
                          " takes from an emptyDir volume: it is deleted with the Pod, so a "
                          "re-created or rescheduled Pod starts empty; back that volume with a "
                          "PersistentVolumeClaim instead: `persistentVolumeClaim: {claimName: " +
                          claim_name(flag) + "}`" +
                          (stateful::cache_only_by_choice(server)
                               ? "; if it only serves as a cache, switching its persistence off "
                                 "is the other fix"
                               : ""),
                      std::nullopt,
                      stateful::cache_only_by_choice(server) ? Severity::warning : Severity::error);
      return;
    }
    findings.report(path.mount->value_range,
                    server.described + " keeps its data in " + path.data_path + ", which " +
                        stateful::quote_mount(*path.mount, facts.file.text) +
                        " mounts as an anonymous volume: a re-created container starts with a "
                        "new, empty one; name it: `" +
                        flag + "`",
                    stateful::replace_mount_fix(*path.mount, flag));
  }

  // The volume name of a suggested `volumeMounts: [{name: pgdata, …}]`.
  static std::string claim_name(const std::string& volume_mounts) {
    const auto begin = volume_mounts.find("{name: ");
    if (begin == std::string::npos) return "data";
    const auto end = volume_mounts.find(',', begin);
    return volume_mounts.substr(begin + 7, end == std::string::npos ? end : end - begin - 7);
  }

  static void report_image_volumes(const FileFacts& facts, const stateful::ServerRun& server,
                                   const std::vector<const stateful::PathVerdict*>& paths,
                                   Findings& findings) {
    std::vector<std::string> names;
    std::vector<std::string> volumes;
    for (const auto* path : paths) {
      names.push_back(path->data_path);
      if (std::find(volumes.begin(), volumes.end(), path->image_volume) == volumes.end()) {
        volumes.push_back(path->image_volume);
      }
    }
    const std::string flags = stateful::suggested_flags(server, paths);
    std::string message =
        server.described + " keeps its data in " + stateful::enumerate_paths(names) +
        (volumes.size() == 1 ? ", which only the anonymous volume of the image's VOLUME "
                             : ", which only the anonymous volumes of the image's VOLUMEs ") +
        stateful::enumerate_paths(volumes) + (volumes.size() == 1 ? " holds" : " hold") +
        ": a re-created container (docker rm + run, compose down + up) "
        "starts empty; add `" +
        flags + "`";
    if (const auto* partial = paths.front()->partial_mount) {
      message +=
          " (" + stateful::quote_mount(*partial, facts.file.text) + " covers only a subdirectory)";
    }
    findings.report(server.invocation->image->range, std::move(message),
                    stateful::insert_flags_fix(server, flags));
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::StatefulDataInAnonymousVolume)
