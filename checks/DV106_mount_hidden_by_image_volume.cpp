// DV106: a mount at a parent of the data directory, hidden by a deeper image VOLUME.
#include "core/check.h"
#include "stateful/analysis.h"

namespace dockvet::checks {

class MountHiddenByImageVolume final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DV106",
        .name = "mount-hidden-by-image-volume",
        .severity = Severity::error,
        .summary = "A mount at a parent of the data directory is hidden by a deeper image VOLUME",
        .rationale =
            "The image's own VOLUME paths count as anonymous mounts unless a `-v`/`--mount` has "
            "exactly that destination, and the deepest mount over a path wins (stateful-images "
            "reference, rule 9). postgres up to 17 declares VOLUME /var/lib/postgresql/data, so "
            "`-v pgdata:/var/lib/postgresql` leaves the data in a nested anonymous volume that "
            "hides the named one; the postgres docs warn about exactly this (reference row 1).",
        .bad_example =
            "docker run -d -v pgdata:/var/lib/postgresql -e POSTGRES_PASSWORD=secret "
            "postgres:17\n",
        .good_example =
            "docker run -d -v pgdata:/var/lib/postgresql/data -e "
            "POSTGRES_PASSWORD=secret postgres:17\n",
        .fix = "Mount the image's VOLUME path itself (the message names it).",
        .example_language = "sh",
        .data_loss = true,
        .fixes = FixAvailability::unsafe,
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    for (const auto& server : facts.server_runs) {
      for (const auto* path : stateful::paths_with(server, stateful::Verdict::hidden_by_volume)) {
        findings.report(path->mount->value_range,
                        stateful::quote_mount(*path->mount, facts.file.text) + " mounts " +
                            path->mount->target_path + ", a parent of the data directory " +
                            path->data_path + " of " + server.described +
                            ", but the image declares VOLUME " + path->image_volume +
                            ": Docker mounts an anonymous volume there that hides this mount, so "
                            "the data is not persisted; mount " +
                            path->image_volume + " instead",
                        stateful::retarget_fix(*path->mount, path->image_volume));
      }
    }
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::MountHiddenByImageVolume)
