// DV103: `--rm` on a stateful server whose data is not on a named volume or a bind.
#include "core/check.h"
#include "stateful/analysis.h"

namespace dockvet::checks {

class StatefulDataRemovedOnExit final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DV103",
        .name = "stateful-data-removed-on-exit",
        .severity = Severity::error,
        .summary = "`--rm` deletes a stateful server's data when the container exits",
        .rationale =
            "`docker run --rm` and `podman run --rm` remove the container and its anonymous "
            "volumes when it exits; only named volumes and binds are kept (stateful-images "
            "reference, rules 5 and 23). A database started with `--rm` and its data in the "
            "image's VOLUME or the writable layer loses everything on the first stop. `--rm` "
            "with a named volume is fine: the postgres docs do exactly "
            "that." DOCKVET_OPEN_VERSION_RULE,
        .bad_example = "docker run --rm -d -p 5432:5432 -e POSTGRES_PASSWORD=secret postgres:17\n",
        .good_example =
            "docker run --rm -d -p 5432:5432 -e POSTGRES_PASSWORD=secret \\\n"
            "  -v pgdata:/var/lib/postgresql/data postgres:17\n",
        .fix =
            "Put the data directory on a named volume or a bind (the message names it), or "
            "drop `--rm` if the data really is throw-away test data.",
        .example_language = "sh",
        .data_loss = true,
        .fixes = FixAvailability::unsafe,
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    for (const auto& server : facts.server_runs) {
      const auto paths = stateful::paths_with(server, stateful::Verdict::removed_on_exit);
      if (paths.empty()) continue;
      const docker::Option* rm = server.invocation->find_option("rm");
      if (!rm) rm = server.invocation->find_option("rmi");
      if (!rm) continue;
      std::vector<std::string> names;
      for (const auto* path : paths) names.push_back(path->data_path);
      const std::string flags = stateful::suggested_flags(server, paths);
      findings.report(rm->range,
                      "`--rm` deletes the data in " + stateful::enumerate_paths(names) + " of " +
                          server.described +
                          " when the container exits: " + where(*paths.front(), facts.file.text) +
                          "; put it on a named volume: `" + flags + "`",
                      stateful::insert_flags_fix(server, flags));
    }
  }

 private:
  static std::string where(const stateful::PathVerdict& path, std::string_view file_text) {
    if (!path.image_volume.empty()) {
      return "it is in the anonymous volume of the image's VOLUME " + path.image_volume +
             ", which --rm removes";
    }
    if (path.mount) {
      return stateful::quote_mount(*path.mount, file_text) +
             " is an anonymous volume, which --rm removes";
    }
    if (path.relocation_unknown) {
      return "an env file, a variable or a config file may move it, but no named volume or "
             "bind is mounted, and only those survive --rm";
    }
    return "it is in the container's writable layer, which --rm removes";
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::StatefulDataRemovedOnExit)
