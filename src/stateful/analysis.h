#pragma once
// The data-persistence analysis of one docker/podman command line, shared by the DV1xx checks:
// does it start a stateful server of a catalogued image, where does that server keep its data
// (after environment and argument knobs), and which mount, if any, holds each data path
// (reference: shared/reference/stateful-images.md, section 2, rules 1-17 and 21).

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/catalog.h"
#include "core/diagnostic.h"
#include "core/source.h"
#include "docker/invocation.h"
#include "docker/mounts.h"
#include "stateful/built_images.h"

// The paragraph the run-line rules' pages share: how a tag that leaves the version open, and a
// docs placeholder, are judged (a string literal, so that each rule's rationale can append it).
#define DOCKVET_OPEN_VERSION_RULE                                                               \
  " When the tag does not say which version runs (`mongo:tag`, `postgres:$TAG`, "               \
  "`aerospike:ee-[version]`, or no tag on an image whose catalog entry has no `latest`), the "  \
  "rule uses the facts every version shares and says so in the message; where versions keep "   \
  "their data in different places, it reports only a command that loses the data on every one " \
  "of them and names each version's path. Docs placeholders such as `...`, `[OPTIONS]` and "    \
  "`<OPTIONS>` stand for options the page leaves out: they neither mount nor unmount anything."

namespace dockvet::stateful {

/// What happens to one data path, the most specific reason first. Exactly one per path.
enum class Verdict {
  throwaway_mount,    // tmpfs (or a podman `:O` overlay) covers the data: gone when it stops
  wrong_path,         // a mount sits at a path the catalog lists as wrong for this version
  hidden_by_volume,   // a persistent mount at a parent, hidden by a deeper image VOLUME
  relocated_outside,  // a knob moved the data to a path that no mount covers
  near_miss,          // a persistent mount next to the data path, not over it
  removed_on_exit,    // `--rm` with the data in an anonymous volume or the container layer
  container_layer,    // neither a mount nor an image VOLUME covers the data
  anonymous_volume,   // only an anonymous volume (image VOLUME or `-v /path`) holds the data
  persistent,         // a named volume or a bind holds the data
  unknown,            // the answer depends on something the command line does not show
};

std::string_view to_string(Verdict verdict);

/// A knob on the command line that moves a data path (`-e PGDATA=/x`, `--dbpath /x`).
struct Relocation {
  std::string knob;  // "PGDATA", "--dbpath", "server"
  std::string path;  // the normalised new path
  ByteRange range;   // where the new path is written
  bool environment = true;
  std::string spelled;  // for messages: "PGDATA=/srv/pg", "--dbpath /srv/mongo", "server /tmp/x"
};

/// The verdict on one data path of a server run.
struct PathVerdict {
  Verdict verdict = Verdict::unknown;
  std::string default_path;  // the catalog's path for the resolved version
  std::string data_path;     // where the data actually goes (default_path unless relocated)
  std::optional<Relocation> relocation;
  bool relocation_unknown = false;  // an env file, a variable or a config may move the data
  // The user mount the verdict is about: the tmpfs, the wrong or near-miss mount, the hidden
  // parent, the anonymous `-v /path`; nullptr when the verdict is about the image or no mount.
  const docker::Mount* mount = nullptr;
  std::string image_volume;  // the image VOLUME that holds the data (anonymous) or hides a mount
  const docker::Mount* partial_mount = nullptr;  // a persistent mount inside the data path only
  std::string explanation;  // the catalog note that explains a wrong path, if any
};

/// A command line that starts a stateful server of a catalogued image.
struct ServerRun {
  const docker::Invocation* invocation = nullptr;
  catalog::Resolved resolved;
  std::string image;      // the image word as written: "postgres:16"
  std::string described;  // for messages: "postgres:16 (version 16)", "postgres (latest = 18)"
  std::vector<PathVerdict> paths;
  bool hostname_bound = false;  // the data directory is named after the container hostname
};

/// Analyses one invocation; nullopt unless it starts a stateful server of a catalogued image:
/// clients (`psql`, `redis-cli`, `sh`), help-only runs, `--entrypoint` overrides, data-only
/// `docker create … true` containers, stateless images and unknown images give nullopt.
/// An image the catalog does not know is looked up through `built`: the images the same file
/// builds, by the base they are built FROM.
std::optional<ServerRun> analyze(const docker::Invocation& invocation,
                                 const catalog::Catalog& catalog,
                                 std::span<const BuiltImage> built = {});

/// Every server run among `invocations`, in order.
std::vector<ServerRun> analyze_all(std::span<const docker::Invocation> invocations,
                                   const catalog::Catalog& catalog,
                                   std::span<const BuiltImage> built = {});

/// The storage flag that fixes `path`: the catalog's docs flag when it covers the path
/// ("-v pgdata:/var/lib/postgresql"), else a named volume at the path itself.
std::string suggested_flag(const ServerRun& run, const PathVerdict& path);
/// The directory a fixing mount should target for `path` (the target of suggested_flag).
std::string suggested_target(const ServerRun& run, const PathVerdict& path);

/// A fix that inserts `flags` before the image word; none for a compose service.
std::optional<Fix> insert_flags_fix(const ServerRun& run, const std::string& flags);
/// A fix that rewrites the target of `mount` to `target`; nullopt when the target is not
/// written as one plain word part.
std::optional<Fix> retarget_fix(const docker::Mount& mount, const std::string& target);

/// A fix that replaces the whole mount option (flag and value) with `flags`; nullopt when its
/// ranges are unknown.
std::optional<Fix> replace_mount_fix(const docker::Mount& mount, const std::string& flags);

/// "this command" for a command line, "this service" for a compose service: what defines the
/// container, for messages.
std::string_view definer(const ServerRun& run);

/// Whether the image is a cache that keeps a snapshot only by default (redis, valkey): losing it
/// may be intended, so findings about it are warnings that name the other fix.
bool cache_only_by_choice(const ServerRun& run);

/// True for the servers that must be alone on their data directory: databases, brokers, search
/// and CI servers (two on one directory corrupt it or refuse to start). CMSs share uploads.
bool needs_own_data_directory(const ServerRun& run);

/// The paths of `run` with `verdict`, in catalog order.
std::vector<const PathVerdict*> paths_with(const ServerRun& run, Verdict verdict);
/// The fixing flags for several paths, without repeats: "-v zk_data:/data -v zk_datalog:/datalog".
std::string suggested_flags(const ServerRun& run, const std::vector<const PathVerdict*>& paths);

/// "`-v pgdata:/var/lib/postgres`": the mount as the user wrote it, for messages.
std::string quote_mount(const docker::Mount& mount, std::string_view file_text);

/// Joins paths for a message: "a", "a and b", "a, b and c".
std::string enumerate_paths(const std::vector<std::string>& paths);

}  // namespace dockvet::stateful
