// DV127: a VOLUME re-declared at a data path the base image no longer uses (rule 26).
#include <algorithm>

#include "core/check.h"
#include "docker/paths.h"
#include "dockerfile/dockerfile.h"
#include "stateful/dockerfile_state.h"

namespace dockvet::checks {

class VolumeAtLegacyDataPath final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DV127",
        .name = "volume-at-legacy-data-path",
        .severity = Severity::error,
        .summary = "A VOLUME is declared at a data path the base image version does not use",
        .rationale =
            "Image layouts change between versions. postgres 18 (the untagged and `latest` "
            "image since 2025-09-25) keeps its data in /var/lib/postgresql/18/docker under the "
            "VOLUME /var/lib/postgresql, and its entrypoint refuses to initialise when the old "
            "/var/lib/postgresql/data is a mount (stateful-images reference, row 2, rules 10, "
            "26 and 27); postgis, timescaledb and pgvector follow it. A VOLUME line copied from "
            "an older Dockerfile makes exactly such a mount: an anonymous volume at a path that "
            "holds no data, or a server that does not start.",
        .bad_example = "FROM postgres:18\nVOLUME /var/lib/postgresql/data\n",
        .good_example = "FROM postgres:18\nVOLUME /var/lib/postgresql\n",
        .fix =
            "Declare the path this version uses (the message names it), or pin the base image "
            "to a version whose layout matches the VOLUME.",
        .data_loss = true,
        .fixes = FixAvailability::unsafe,
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    if (facts.dockerfile == nullptr) return;
    const auto& dockerfile = *facts.dockerfile;
    std::vector<const dockerfile::Token*> reported;
    for (int stage : stateful::image_stages(dockerfile)) {
      const auto& chain = facts.stage_chains[static_cast<std::size_t>(stage)];
      if (!chain.layout_known() || chain.image->variant->wrong_paths.empty()) continue;
      const auto paths = stateful::data_paths(dockerfile, chain);
      for (const auto& volume : stateful::chain_volumes(dockerfile, chain)) {
        if (!volume.known || !is_wrong_path(chain, volume.path)) continue;
        if (holds_data(paths, volume.path)) continue;
        if (std::find(reported.begin(), reported.end(), volume.token) != reported.end()) continue;
        reported.push_back(volume.token);
        report(chain, paths, volume, findings);
      }
    }
  }

 private:
  static bool is_wrong_path(const stateful::StageChain& chain, const std::string& path) {
    const auto& wrong = chain.image->variant->wrong_paths;
    return std::any_of(wrong.begin(), wrong.end(),
                       [&](const std::string& w) { return docker::same_path(w, path); });
  }

  // An ENV such as PGDATA=/var/lib/postgresql/data makes the old path the data path again.
  static bool holds_data(const std::vector<stateful::DataPath>& paths, const std::string& volume) {
    return std::any_of(paths.begin(), paths.end(), [&](const stateful::DataPath& data) {
      return !data.known || docker::covers_path(volume, data.path);
    });
  }

  static void report(const stateful::StageChain& chain,
                     const std::vector<stateful::DataPath>& paths,
                     const stateful::DeclaredVolume& volume, Findings& findings) {
    std::vector<std::string> data_dirs;
    for (const auto& data : paths) data_dirs.push_back(data.path);
    std::string target = data_dirs.empty() ? std::string() : data_dirs.front();
    for (const auto& inherited : chain.image->volumes) {
      if (!data_dirs.empty() && docker::covers_path(inherited, data_dirs.front())) {
        target = inherited;
        break;
      }
    }
    std::string message = stateful::describe_image(chain) + " keeps its data in " +
                          stateful::join_paths(data_dirs) + ", not in " + volume.path +
                          ": this VOLUME holds no data";
    for (const auto& note : chain.image->notes) {
      if (note.find(volume.path) != std::string::npos && note.find("refuse") != std::string::npos) {
        message +=
            ", and an anonymous volume there is a mount, so the entrypoint refuses to "
            "initialise";
        break;
      }
    }
    message += "; declare `" + stateful::volume_line({target}) +
               "` instead, or pin the image to "
               "a version that uses " +
               volume.path;
    std::optional<Fix> fix;
    if (!target.empty() && volume.token->raw == volume.path) {
      fix = Fix::replace_unsafe("declare " + target + " instead", volume.token->range, target);
    }
    findings.report(volume.token->range, std::move(message), std::move(fix));
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::VolumeAtLegacyDataPath)
