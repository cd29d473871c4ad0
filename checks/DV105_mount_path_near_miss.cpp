// DV105: a persistent mount next to a stateful server's data directory, not over it.
#include "core/check.h"
#include "stateful/analysis.h"

namespace dockvet::checks {

class MountPathNearMiss final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DV105",
        .name = "mount-path-near-miss",
        .severity = Severity::error,
        .summary = "A volume is mounted next to a stateful server's data directory, not over it",
        .rationale =
            "A data path is persistent only when the deepest mount over it is a named volume or "
            "a bind (stateful-images reference, rule 9). A mount at a path that differs by a "
            "typo or a suffix (`/var/lib/postgres` for `/var/lib/postgresql/data`, "
            "`/var/lib/mysql-data` for `/var/lib/mysql`) looks right in review but holds "
            "nothing: the server keeps writing to its real directory, in an anonymous volume or "
            "the container layer. The test is conservative: one path component differs, by at "
            "most two edits or a suffix.",
        .bad_example =
            "docker run -d -v pgdata:/var/lib/postgres/data -e POSTGRES_PASSWORD=secret "
            "postgres:17\n",
        .good_example =
            "docker run -d -v pgdata:/var/lib/postgresql/data -e "
            "POSTGRES_PASSWORD=secret postgres:17\n",
        .fix = "Mount the data directory the message names instead of the near-miss path.",
        .example_language = "sh",
        .data_loss = true,
        .fixes = FixAvailability::unsafe,
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    for (const auto& server : facts.server_runs) {
      for (const auto* path : stateful::paths_with(server, stateful::Verdict::near_miss)) {
        const std::string target = stateful::suggested_target(server, *path);
        const std::string where = path->image_volume.empty()
                                      ? "the container's writable layer"
                                      : "the image VOLUME's anonymous volume " + path->image_volume;
        findings.report(path->mount->value_range,
                        stateful::quote_mount(*path->mount, facts.file.text) + " mounts " +
                            path->mount->target_path + ", next to the data directory " +
                            path->data_path + " of " + server.described +
                            " but not over it: the data stays in " + where + "; mount " + target +
                            " instead",
                        stateful::retarget_fix(*path->mount, target));
      }
    }
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::MountPathNearMiss)
