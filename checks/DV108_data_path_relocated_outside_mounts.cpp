// DV108: an environment variable or argument moves the data to a path no mount covers.
#include "core/check.h"
#include "stateful/analysis.h"

namespace dockvet::checks {

class DataPathRelocatedOutsideMounts final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DV108",
        .name = "data-path-relocated-outside-mounts",
        .severity = Severity::error,
        .summary = "PGDATA (or another knob) moves the data to a path that no mount covers",
        .rationale =
            "Servers follow knobs that move their data: PGDATA, JENKINS_HOME, NEXUS_DATA, "
            "GF_PATHS_DATA, KAFKA_LOG_DIRS, `mongod --dbpath`, `mysqld --datadir`, "
            "`minio server <dir>` (stateful-images reference, rules 12-13). The image's VOLUME "
            "stays where it was, so a knob pointing outside every mount puts the data in the "
            "container's writable layer, not even an anonymous volume; it is lost on "
            "`docker rm`. Pointing the knob into a subdirectory of a mount is the good pattern "
            "(`-e PGDATA=/var/lib/postgresql/data/pgdata -v vol:/var/lib/postgresql/data`).",
        .bad_example =
            "docker run -d -e PGDATA=/srv/pgdata -v pgdata:/var/lib/postgresql/data "
            "postgres:17\n",
        .good_example =
            "docker run -d -e PGDATA=/var/lib/postgresql/data/pgdata \\\n"
            "  -v pgdata:/var/lib/postgresql/data postgres:17\n",
        .fix = "Mount the new path, or point the knob into a directory that is mounted.",
        .example_language = "sh",
        .data_loss = true,
        .fixes = FixAvailability::unsafe,
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    for (const auto& server : facts.server_runs) {
      for (const auto* path : stateful::paths_with(server, stateful::Verdict::relocated_outside)) {
        const auto& relocation = *path->relocation;
        const std::string flag = stateful::suggested_flags(server, {path});
        const std::string lost = server.invocation->origin == docker::Origin::kubernetes
                                     ? "whenever the container restarts or the Pod is re-created"
                                     : "on `docker rm`";
        findings.report(relocation.range,
                        "`" + relocation.spelled + "` moves the data of " + server.described +
                            " from " + path->default_path + " to " + path->data_path +
                            ", which no mount covers: it stays in the container's writable "
                            "layer and is lost " +
                            lost + "; add `" + flag + "`",
                        stateful::insert_flags_fix(server, flag));
      }
    }
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::DataPathRelocatedOutsideMounts)
