// DV123: `VOLUME /srv:/data` — a Dockerfile cannot name a host path or a volume.
#include "core/check.h"
#include "dockerfile/dockerfile.h"
#include "stateful/dockerfile_volume_syntax.h"

namespace dockvet::checks {

class VolumeHostPath final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DV123",
        .name = "volume-host-path",
        .severity = Severity::error,
        .summary = "A VOLUME names a host path or volume with `source:target`",
        .rationale =
            "The Dockerfile reference's notes on VOLUME say the host directory is declared at "
            "container run time: VOLUME takes no host-dir parameter, so that images stay "
            "portable. BuildKit copies each VOLUME word unchanged into the image config "
            "(moby/buildkit dockerfile2llb dispatchVolume), so `VOLUME /srv:/data` declares an "
            "anonymous volume at the odd container path `/srv:/data`: nothing from /srv on the "
            "host is mounted and the path the author meant (/data) gets no volume at all. A "
            "Windows drive letter (`C:\\data`) is a path, not a separator, and is not reported.",
        .bad_example = "FROM mysql:8.4\nVOLUME /srv/mysql:/var/lib/mysql\n",
        .good_example =
            "FROM mysql:8.4\nVOLUME /var/lib/mysql\n# docker run -v "
            "/srv/mysql:/var/lib/mysql …\n",
        .fix =
            "Keep only the container path in the VOLUME line and give the host path or "
            "volume name at run time (`docker run -v /srv/mysql:/var/lib/mysql`, a Compose "
            "`volumes:` entry).",
        .data_loss = true,
        .fixes = FixAvailability::unsafe,
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    if (facts.dockerfile == nullptr) return;
    for (const auto& instruction : facts.dockerfile->instructions) {
      if (instruction.keyword != dockerfile::Keyword::volume) continue;
      if (stateful::is_broken_json_volume(instruction)) continue;
      for (const auto& word : instruction.words) {
        if (!word.expanded_known) continue;
        const auto target = stateful::container_part(word.expanded);
        if (!target) continue;
        std::string message = "`" + word.expanded +
                              "` is not a host mount: a Dockerfile VOLUME cannot name a host "
                              "path or volume, so this declares an anonymous volume at the "
                              "literal container path `" +
                              word.expanded + "` and none at " + *target + "; declare `VOLUME " +
                              *target + "` and give the source at run time (`-v " + word.expanded +
                              "`)";
        std::optional<Fix> fix;
        if (auto text = stateful::replacement_for(instruction, word, *target)) {
          fix = Fix::replace_unsafe("keep only the container path " + *target, word.range, *text);
        }
        findings.report(word.range, std::move(message), std::move(fix));
      }
    }
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::VolumeHostPath)
