#pragma once
// The storage a docker/podman command line attaches to a container: `-v/--volume`, `--mount`
// and `--tmpfs` values parsed into one Mount type, classified the way the stateful checks need
// (reference: shared/reference/stateful-images.md, section 2.1).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/word.h"

namespace dockvet::docker {

/// What backs a mount. Only named volumes and binds (and host_or_volume, which is one of the
/// two) outlive the container.
enum class MountKind {
  named_volume,      // `-v pgdata:/x`, `--mount source=pgdata,target=/x`
  bind,              // host path: `/srv`, `./data`, `~/x`, `$PWD/x`, `$(pwd)`, `C:\data`
  anonymous_volume,  // `-v /x`, `--mount type=volume,target=/x`: deleted by `--rm`, not reused
  host_or_volume,    // bare `$VAR:/x`: a host path or a volume name, persistent either way
  tmpfs,             // `--tmpfs /x`, `--mount type=tmpfs` (or podman ramfs): memory only
  image,             // `--mount type=image`: read from an image
  npipe,             // Windows named pipe
  cluster,           // Swarm cluster volume
  other,             // podman devpts, glob, artifact mounts
  unknown,           // placeholder (`type=...`), empty source, or unparseable
};

/// Which flag wrote the mount.
enum class MountSyntax { volume_flag, mount_flag, tmpfs_flag };

std::string_view to_string(MountKind kind);

/// One mount of a container.
struct Mount {
  MountSyntax syntax = MountSyntax::volume_flag;
  MountKind kind = MountKind::unknown;
  std::optional<Word> source;        // absent for anonymous volumes and tmpfs
  std::optional<Word> target;        // absent only when the value had none (`--mount type=bind`)
  std::string target_path;           // normalised target text; expansions stay as their source text
  bool source_known = false;         // source present, free of expansions and placeholders
  bool target_known = false;         // target present, free of expansions and placeholders
  bool windows_target = false;       // `C:\data`: compare without case, `\` equal to `/`
  std::vector<std::string> options;  // `-v` modes ("ro", "z", "O"); `--mount` extra key=value
  bool readonly = false;
  bool overlay = false;         // podman `:O`: writes are thrown away when the container ends
  bool low_confidence = false;  // kind rests on a guess (bare `$VAR` source, empty source)
  bool per_replica = false;     // each replica gets its own (a StatefulSet volumeClaimTemplate)
  ByteRange flag_range;         // the flag word (`-v`, `--mount=...`)
  ByteRange value_range;        // the value: the word after the flag or the part after `=`
  // For a compose entry taken from another file (an extended service's): that file's name and
  // the entry as written there. Its ranges then point at what led there, and hold no fix.
  std::string written_in;
  std::string written;

  /// Data written under the target survives removing and re-creating the container.
  bool persistent() const;
};

/// Parses a `-v`/`--volume` value `[SRC:]DST[:OPTS]`, with Windows drive letters.
Mount parse_volume_spec(const Word& value);
/// Parses a `--mount` value: comma-separated key=value fields, keys in any order, CSV quotes.
Mount parse_mount_spec(const Word& value);
/// Parses a `--tmpfs` value `DST[:OPTS]`.
Mount parse_tmpfs_spec(const Word& value);

/// How a `-v` source reads: see MountKind. `low_confidence` is set for a guess.
MountKind classify_volume_source(const Word& source, bool& low_confidence);

/// Text that stands for elided content in docs: `...`, `…`, `<path>`.
bool is_placeholder(std::string_view text);

}  // namespace dockvet::docker
