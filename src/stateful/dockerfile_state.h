#pragma once
// What a Dockerfile stage knows about its data: the image at the root of its FROM chain (looked up
// in the stateful-image catalog), the VOLUMEs declared along the chain, and the ENV assignments
// that move the image's data path. Shared by the DV12x Dockerfile checks.

#include <optional>
#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "dockerfile/dockerfile.h"

namespace dockvet::stateful {

/// One path of a VOLUME instruction as BuildKit declares it.
struct DeclaredVolume {
  std::string path;  // the expanded word; meaningful when `known`
  bool known = true;
  int instruction = -1;  // index of the VOLUME in Dockerfile::instructions
  const dockerfile::Token* token = nullptr;
};

/// A stage and the stages it is built on, root first: the root's FROM names an image.
struct StageChain {
  std::vector<int> stages;  // root first, the stage itself last
  // The instructions of those stages in file order, FROM lines and ONBUILD triggers left out:
  // what a build of the stage runs. Five checks and the RUN filter walk it.
  std::vector<int> instructions;
  const dockerfile::Stage* root = nullptr;
  bool image_name_known = false;           // the root image has no unresolved variable
  std::optional<catalog::Resolved> image;  // the root image's catalog facts, when it is listed

  /// True when the catalog knows this image's layout for the assumed version: the image is
  /// listed, is not a stateless control, and its tag does not leave the layout open.
  bool layout_known() const;
  /// The image's own VOLUMEs when layout_known(), else none.
  std::vector<std::string> inherited_volumes() const;
};

/// The stages that end up as images: the last stage, and every stage that no later stage
/// builds on or reads from (FROM, COPY/ADD --from, RUN --mount from=), which are `--target`
/// candidates. A stage only read by later stages is a build stage and is left out.
std::vector<int> image_stages(const dockerfile::Dockerfile& dockerfile);

StageChain stage_chain(const dockerfile::Dockerfile& dockerfile, int stage,
                       const catalog::Catalog& catalog);
/// Every stage's chain, by stage index.
std::vector<StageChain> stage_chains(const dockerfile::Dockerfile& dockerfile,
                                     const catalog::Catalog& catalog);

/// The VOLUME paths declared in the chain's stages before instruction `before` (all when -1).
std::vector<DeclaredVolume> chain_volumes(const dockerfile::Dockerfile& dockerfile,
                                          const StageChain& chain, int before = -1);

/// True when some VOLUME (inherited or declared) holds `path`, or an unknown VOLUME might.
bool volume_covers(const std::vector<std::string>& inherited,
                   const std::vector<DeclaredVolume>& declared, const std::string& path);

/// Where one of the image's data paths ends up after the chain's ENV assignments.
struct DataPath {
  std::string default_path;  // the catalog's path for the assumed version
  std::string path;          // after relocation; equals default_path when nothing moves it
  bool known = true;         // false when an ENV sets a knob whose effect cannot be read
  const dockerfile::KeyValue* relocated_by = nullptr;  // the ENV pair that moved it
  int env_instruction = -1;
};

/// The image's data paths after the chain's ENV assignments. Empty unless layout_known().
std::vector<DataPath> data_paths(const dockerfile::Dockerfile& dockerfile, const StageChain& chain);

/// True when CMD or ENTRYPOINT in the chain passes one of the image's argument knobs
/// (`--dbpath`, `--datadir`, …): the data path is then whatever that argument says.
bool command_moves_data(const dockerfile::Dockerfile& dockerfile, const StageChain& chain);

/// True when the chain's ENTRYPOINT (or, without one, its CMD) starts a client or utility of
/// the image (`psql`, `sqlcmd`, `bash`…) instead of its server (reference rule 16).
bool runs_client(const dockerfile::Dockerfile& dockerfile, const StageChain& chain,
                 const catalog::Catalog& catalog);

/// "postgres:17 (version 17)" for messages.
std::string describe_image(const StageChain& chain);

/// "/a, /b" for messages.
std::string join_paths(const std::vector<std::string>& paths);

/// "VOLUME /a /b": the instruction that declares `paths`.
std::string volume_line(const std::vector<std::string>& paths);

/// One VOLUME path in effect at some point of a stage chain.
struct VolumeInEffect {
  std::string path;
  /// Where the VOLUME word starts in the file; npos when the base image declares the volume.
  std::size_t declared_at = std::string::npos;
  bool inherited() const { return declared_at == std::string::npos; }
};

/// The VOLUMEs and the WORKDIR that a RUN sees at one point of a stage chain, as DV126 reads
/// them. It is moved forward one instruction at a time, so that a chain of many RUNs is read
/// once, not once per RUN.
struct VolumesInEffect {
  std::vector<VolumeInEffect> volumes;
  std::optional<std::string> workdir;  // the last WORKDIR, when it is a known absolute path

  /// The state at the start of the chain: the base image's own VOLUMEs.
  explicit VolumesInEffect(const StageChain& chain);
  /// Takes in the VOLUME or WORKDIR `instruction`; other instructions change nothing. Returns
  /// whether it was one of those.
  bool apply(const dockerfile::Instruction& instruction);
};

}  // namespace dockvet::stateful
