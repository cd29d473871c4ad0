// DV104: tmpfs (or a podman `:O` overlay) over a stateful server's data directory.
#include "core/check.h"
#include "stateful/analysis.h"

namespace dockvet::checks {

class StatefulDataOnTmpfs final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DV104",
        .name = "stateful-data-on-tmpfs",
        .severity = Severity::error,
        .summary = "A tmpfs or throw-away overlay mount covers a stateful server's data directory",
        .rationale =
            "`--tmpfs /path` and `--mount type=tmpfs` keep the files in memory only, and a "
            "podman `:O` overlay mount discards its writes when the container ends "
            "(stateful-images reference, rules 1, 3 and 23). Over a database's data directory "
            "that is a throw-away database: fine for a test that means it, a data loss "
            "everywhere else. `--image-volume tmpfs` does the same to the image's VOLUMEs.",
        .bad_example =
            "docker run -d --tmpfs /var/lib/mysql -e MYSQL_ROOT_PASSWORD=secret mysql:8.4\n",
        .good_example =
            "docker run -d -v mysql_data:/var/lib/mysql -e MYSQL_ROOT_PASSWORD=secret "
            "mysql:8.4\n",
        .fix =
            "Replace the tmpfs or overlay mount with a named volume or a bind over the data "
            "directory.",
        .example_language = "sh",
        .data_loss = true,
        .fixes = FixAvailability::unsafe,
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    for (const auto& server : facts.server_runs) {
      for (const auto* path : stateful::paths_with(server, stateful::Verdict::throwaway_mount)) {
        const std::string flag = stateful::suggested_flags(server, {path});
        if (path->mount) {
          const bool kubernetes = server.invocation->origin == docker::Origin::kubernetes;
          std::string what =
              " keeps the files in memory (tmpfs): they are gone when the "
              "container stops; use a named volume";
          if (path->mount->overlay) {
            what =
                " is a podman overlay mount (`:O`) whose writes are discarded when the "
                "container ends; use a named volume";
          } else if (kubernetes) {
            what =
                " is an emptyDir with `medium: Memory`: the files are kept in memory and gone "
                "when the Pod is deleted or its node restarts; use a PersistentVolumeClaim";
          }
          findings.report(path->mount->value_range,
                          stateful::quote_mount(*path->mount, facts.file.text) +
                              " covers the data directory " + path->data_path + " of " +
                              server.described + " and" + what + ": `" + flag + "`",
                          stateful::replace_mount_fix(*path->mount, flag));
          continue;
        }
        const docker::Option* option = server.invocation->find_option("image-volume");
        if (!option) continue;
        findings.report(option->range,
                        "`--image-volume tmpfs` turns the image VOLUME " + path->image_volume +
                            " that holds the data of " + server.described + " (" + path->data_path +
                            ") into memory: it is gone when the container stops; add `" + flag +
                            "`",
                        stateful::insert_flags_fix(server, flag));
      }
    }
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::StatefulDataOnTmpfs)
