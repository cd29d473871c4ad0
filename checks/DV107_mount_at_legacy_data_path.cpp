// DV107: a mount at a path the image does not use for its data (postgres 18's old path).
#include "core/check.h"
#include "stateful/analysis.h"

namespace dockvet::checks {

class MountAtLegacyDataPath final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DV107",
        .name = "mount-at-legacy-data-path",
        .severity = Severity::error,
        .summary =
            "A volume is mounted at a data path this image version no longer (or never) "
            "uses",
        .rationale =
            "Layouts change with versions and differ between look-alike images. postgres 18 "
            "keeps its data in /var/lib/postgresql/18/docker and its entrypoint refuses to "
            "initialise when the old /var/lib/postgresql/data is a mount (stateful-images "
            "reference, row 2 and rule 10); timescale/timescaledb-ha and "
            "percona/percona-distribution-postgresql never used that path (rows 5, 7); solr 8+ "
            "moved its cores to /var/solr (1.8); apache/kafka declares /var/lib/kafka/data but "
            "logs to /tmp/kraft-combined-logs (row 42, rule 14). A mount at the habitual path "
            "then holds nothing, or stops the server.",
        .bad_example =
            "docker run -d -v pgdata:/var/lib/postgresql/data -e "
            "POSTGRES_PASSWORD=secret postgres:18\n",
        .good_example =
            "docker run -d -v pgdata:/var/lib/postgresql -e POSTGRES_PASSWORD=secret "
            "postgres:18\n",
        .fix =
            "Mount the path this version uses (the message names it), or pin the image to "
            "a version whose layout matches the mount.",
        .example_language = "sh",
        .data_loss = true,
        .fixes = FixAvailability::unsafe,
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    for (const auto& server : facts.server_runs) {
      for (const auto* path : stateful::paths_with(server, stateful::Verdict::wrong_path)) {
        const std::string target = stateful::suggested_target(server, *path);
        std::string message = stateful::quote_mount(*path->mount, facts.file.text) + " mounts " +
                              path->mount->target_path + ", which " + server.described +
                              " does not use for its data (it keeps it in " + path->data_path + ")";
        if (!path->explanation.empty()) message += ". " + path->explanation;
        message += (message.back() == '.' ? " Mount " : "; mount ") + target + " instead";
        findings.report(path->mount->value_range, std::move(message),
                        stateful::retarget_fix(*path->mount, target));
      }
    }
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::MountAtLegacyDataPath)
