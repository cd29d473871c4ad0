#pragma once
// Which Dockerfile RUN bodies any check reads commands from. tree-sitter-bash is most of
// dockvet's time (bench/RESULTS.md), and most RUN bodies install tools that no check cares
// about, so the engine parses a RUN only when it may hold one of:
// - a container CLI command line (docker, podman, nerdctl: the DV1xx run-line checks): the body
//   names the program as a word, not inside a path such as /docker-entrypoint.d;
// - an install or removal of a catalogued server package (DV120): the body names the package
//   and a package manager;
// - a write into a VOLUME (DV126): possible only in a RUN after a VOLUME of its stage chain, or
//   in a stage whose base image declares one in the catalog, and only when the body names the
//   volume's last path component or the WORKDIR is inside the volume.
// Syntax problems are found without this filter (see shell::parse_region).

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/catalog.h"
#include "dockerfile/dockerfile.h"
#include "stateful/dockerfile_state.h"

namespace dockvet::stateful {

class RunCommandsWanted {
 public:
  /// `chains`: stage_chains(dockerfile, catalog).
  RunCommandsWanted(const dockerfile::Dockerfile& dockerfile, std::span<const StageChain> chains,
                    const catalog::Catalog& catalog);

  /// False only when no check can find anything in the body of RUN `instruction` (an index
  /// into Dockerfile::instructions), whose text is `body`.
  bool operator()(int instruction, std::string_view body) const;

 private:
  // What a body must contain to write into the volumes in effect at one RUN.
  struct VolumeNames {
    bool every_body = false;
    std::vector<std::string> names;
  };
  static VolumeNames names_of(const VolumesInEffect& state);
  void find_volumes_in_effect(const dockerfile::Dockerfile& dockerfile,
                              std::span<const StageChain> chains);

  std::vector<int> volumes_at_;            // by instruction: index into volume_names_, or -1
  std::vector<VolumeNames> volume_names_;  // shared by the RUNs between two VOLUME/WORKDIRs
  const std::vector<std::string>& package_managers_;
  const std::vector<std::string>& package_stems_;
};

}  // namespace dockvet::stateful
