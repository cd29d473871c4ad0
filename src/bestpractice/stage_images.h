#pragma once
// What the stage and FROM rules (hadolint's DL3002, DL3006, DL3007, DL3012, DL3026, DL3057,
// DL4003, DL4004) share: which build stages end up as images someone runs, which instructions a
// later one in the same stage overrides, how a FROM or --from reference splits into its parts as
// written, and where a RUN --mount takes its files from.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dockerfile/dockerfile.h"

namespace dockvet::bestpractice {

/// For each stage, whether its image is a result of the build rather than a step towards one:
/// the last stage (the default target), and every stage no later stage builds on (FROM), copies
/// from (COPY/ADD --from) or mounts (RUN --mount from=), since `--target` is the only use left
/// for it. A stage that later stages only consume is a builder: its image never runs.
std::vector<bool> output_stages(const dockerfile::Dockerfile& dockerfile);

/// An instruction that repeats one already given in the same stage (or, before the first FROM,
/// in the preamble), where only the last one takes effect: CMD, ENTRYPOINT, HEALTHCHECK.
struct Repeat {
  int earlier = -1;  // index in Dockerfile::instructions of the one before it
  int later = -1;
};

/// Every repeat of `keyword` in its stage, ONBUILD triggers left out (they belong to the image
/// built from this one).
std::vector<Repeat> repeats_in_stage(const dockerfile::Dockerfile& dockerfile,
                                     dockerfile::Keyword keyword);

/// An image reference as written (quotes removed, variables not expanded), split the way Docker
/// splits it: `[registry/]path[:tag][@digest]`.
struct WrittenReference {
  std::string text;                     // the reference, quotes removed
  std::string name;                     // registry and path, without tag or digest
  std::string last_component;           // the path's last component: "debian" in "x.io/debian"
  std::optional<std::string> registry;  // the first component when it names a host
  std::optional<std::string> tag;
  std::optional<std::string> digest;
  std::size_t tag_offset = 0;  // where the tag starts in `text` (after ':')
  /// Holds a variable (`$X`, `${X}`) anywhere, and so may name another image at build time.
  bool has_variable = false;
};

WrittenReference split_written_reference(std::string_view raw);

/// The `from=` of a RUN `--mount` flag value (`type=cache,from=builder,target=/x`), if any.
std::optional<std::string> mount_source(std::string_view mount_value);

}  // namespace dockvet::bestpractice
