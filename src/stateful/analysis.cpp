// The shared data-persistence analysis: server or client, effective data paths, and the deepest
// mount over each path (reference: shared/reference/stateful-images.md, rules 1-17).

#include "stateful/analysis.h"

#include <algorithm>

#include "catalog/image_ref.h"
#include "docker/paths.h"
#include "docker/words.h"
#include "stateful/server.h"
#include "stateful/similarity.h"

namespace dockvet::stateful {

namespace {

using docker::Mount;
using docker::MountKind;

/// What backs one mount point as the container sees it.
enum class Backing { persistent, anonymous, throwaway, unknown };

/// A destination in the container: a user mount, or an image VOLUME no user mount replaced.
struct MountPoint {
  std::string path;  // normalised, with the image's symlinks resolved
  const Mount* user = nullptr;
  Backing backing = Backing::unknown;
  std::string declared;  // an image VOLUME as the catalog spells it, for messages
};

/// Symlinks inside the image (rule 11): rewrites the prefix a catalog alias names.
std::string resolve_aliases(const catalog::Variant& variant, std::string_view path) {
  std::string normalised = docker::normalize_container_path(path);
  for (const auto& [link, target] : variant.path_aliases) {
    if (!docker::covers_path(link, normalised)) continue;
    const std::string link_norm = docker::normalize_container_path(link);
    return docker::normalize_container_path(target + normalised.substr(link_norm.size()));
  }
  return normalised;
}

Backing user_backing(const Mount& mount) {
  if (mount.overlay || mount.kind == MountKind::tmpfs) return Backing::throwaway;
  if (mount.persistent()) return Backing::persistent;
  if (mount.kind == MountKind::anonymous_volume) return Backing::anonymous;
  return Backing::unknown;
}

/// Podman's `--image-volume` decides what an image VOLUME becomes (rule 23); Docker always
/// makes an anonymous volume.
std::optional<Backing> image_volume_backing(const docker::Invocation& invocation, bool& skip) {
  skip = false;
  if (!invocation.image_volume) return Backing::anonymous;
  if (!invocation.image_volume->known()) return std::nullopt;
  const std::string mode = invocation.image_volume->text();
  if (mode == "bind") return Backing::anonymous;
  if (mode == "tmpfs") return Backing::throwaway;
  if (mode == "ignore") {
    skip = true;
    return Backing::anonymous;
  }
  return std::nullopt;
}

/// The mount table of the container, or nullopt when a destination cannot be known.
std::optional<std::vector<MountPoint>> mount_points(const docker::Invocation& invocation,
                                                    const catalog::Resolved& resolved) {
  std::vector<MountPoint> points;
  for (const auto& mount : invocation.mounts) {
    if (!mount.target_known) return std::nullopt;  // a target in a variable could be anywhere
    points.push_back({resolve_aliases(*resolved.variant, mount.target_path), &mount,
                      user_backing(mount), mount.target_path});
  }
  bool ignored = false;
  const auto image_backing = image_volume_backing(invocation, ignored);
  if (!image_backing) return std::nullopt;
  if (ignored) return points;
  // Kubernetes makes no volume for an image's VOLUME (reference rule 22): what is not on a
  // volumeMount stays in the container's writable layer.
  if (invocation.origin == docker::Origin::kubernetes) return points;
  for (const auto& volume : resolved.volumes) {
    const std::string path = resolve_aliases(*resolved.variant, volume);
    const bool replaced = std::any_of(points.begin(), points.end(), [&](const MountPoint& point) {
      return point.user && docker::same_path(point.path, path);
    });
    if (!replaced) points.push_back({path, nullptr, *image_backing, volume});
  }
  return points;
}

/// Rule 9: the deepest mount whose destination equals or contains `path`; a later user mount at
/// the same destination wins, as Docker would reject duplicates anyway.
const MountPoint* deepest_cover(const std::vector<MountPoint>& points, const std::string& path) {
  const MountPoint* best = nullptr;
  for (const auto& point : points) {
    if (!docker::covers_path(point.path, path)) continue;
    if (!best || point.path.size() >= best->path.size()) best = &point;
  }
  return best;
}

bool is_absolute(std::string_view path) {
  return (!path.empty() && (path.front() == '/' || path.front() == '\\')) ||
         docker::is_windows_path(path);
}

/// How a knob's value reads: a new path, nothing to do with paths, or unknown.
enum class KnobValue { path, not_a_path, unknown };

KnobValue read_knob_value(const Word& word, std::string& path) {
  if (!word.known()) return KnobValue::unknown;
  const std::string text = word.text();
  if (is_absolute(text)) {
    if (text.find_first_of("{}*?") != std::string::npos || text.find("...") != std::string::npos) {
      return KnobValue::unknown;  // minio's `/data{1...4}` expands to several drives
    }
    path = docker::normalize_container_path(text);
    return KnobValue::path;
  }
  // A relative path moves the data somewhere under a working directory we do not model.
  if (text.find('/') != std::string::npos || text.find("://") != std::string::npos) {
    return KnobValue::unknown;
  }
  return KnobValue::not_a_path;
}

/// The outcome of looking for knobs that move one data path.
struct Relocated {
  std::optional<Relocation> relocation;
  bool unknown = false;
};

/// The value word of an argument knob in the container's command, if written.
std::optional<Word> find_argument(const std::vector<Word>& command, const catalog::Knob& knob,
                                  bool& unknown) {
  using Form = catalog::Knob::Form;
  for (std::size_t i = 0; i < command.size(); ++i) {
    const Word& word = command[i];
    const std::string text = word.known_prefix();
    if (knob.form == Form::positional) {
      if (text != knob.name || !word.known()) continue;
      for (std::size_t j = i + 1; j < command.size(); ++j) {
        if (!command[j].known()) {
          unknown = true;
          return std::nullopt;
        }
        const std::string value = command[j].text();
        if (is_absolute(value) || value.find("://") != std::string::npos) return command[j];
      }
      unknown = true;  // `minio server` without a directory we can read
      return std::nullopt;
    }
    if (knob.form == Form::prefix) {
      if (text.rfind(knob.name, 0) != 0) continue;
      if (!word.known()) {
        unknown = true;
        return std::nullopt;
      }
      return docker::slice_word(word, knob.name.size(), word.text().size());
    }
    if (text == knob.name && i + 1 < command.size()) return command[i + 1];
    if (text.rfind(knob.name + "=", 0) == 0) {
      if (!word.known()) {
        unknown = true;
        return std::nullopt;
      }
      return docker::slice_word(word, knob.name.size() + 1, word.text().size());
    }
  }
  return std::nullopt;
}

/// The argument knob as a message quotes it: "--dbpath /srv/mongo", "-Epath.data=/x".
std::string spell_argument(const catalog::Knob& knob, const std::vector<Word>& command,
                           const Word& value) {
  for (const auto& word : command) {
    // The value is part of its word (`--datadir=/x`, `-Epath.data=/x`): quote the word.
    if (word.range.begin <= value.range.begin && value.range.end <= word.range.end &&
        word.range.begin < value.range.begin) {
      return word.text();
    }
  }
  return knob.name + " " + value.text();
}

/// True when a word of the command may hold arguments we cannot see (`$REDIS_ARGS`).
bool command_has_expansions(const std::vector<Word>& command) {
  return std::any_of(command.begin(), command.end(),
                     [](const Word& word) { return !word.known(); });
}

/// Rule 13: a config file given to the server, or mounted over a config location, can move
/// the data directory where we cannot see it.
bool config_may_move_data(const docker::Invocation& invocation,
                          const std::vector<std::string>& data_paths) {
  for (const auto& word : invocation.command) {
    if (looks_like_config(word.text())) return true;
  }
  for (const auto& mount : invocation.mounts) {
    const bool over_data =
        std::any_of(data_paths.begin(), data_paths.end(), [&](const std::string& path) {
          return docker::covers_path(mount.target_path, path) ||
                 docker::covers_path(path, mount.target_path);
        });
    if (!over_data && looks_like_config(mount.target_path)) return true;
  }
  return false;
}

Relocated find_relocation(const docker::Invocation& invocation, const catalog::Resolved& resolved,
                          const std::string& default_path) {
  Relocated out;
  bool has_config_knob = false;
  for (const auto& knob : resolved.knobs) {
    if (knob.moves.empty() || !docker::same_path(knob.moves, default_path)) continue;
    if (knob.kind == catalog::Knob::Kind::config) {
      has_config_knob = true;
      continue;
    }
    if (knob.kind == catalog::Knob::Kind::env) {
      if (knob.name.empty() || knob.name.back() == '*') continue;
      if (invocation.env_partly_unknown()) out.unknown = true;
      const docker::EnvVar* env = invocation.find_env(knob.name);
      if (!env) continue;
      if (!env->value) {
        out.unknown = true;  // `-e PGDATA`: the host's value
        continue;
      }
      std::string path;
      switch (read_knob_value(*env->value, path)) {
        case KnobValue::path:
          if (docker::same_path(path, default_path)) break;  // set to where it already is
          out.relocation =
              Relocation{knob.name, path, env->value->range, true, knob.name + "=" + path};
          break;
        case KnobValue::unknown: out.unknown = true; break;
        case KnobValue::not_a_path: break;
      }
      continue;
    }
    if (command_has_expansions(invocation.command)) out.unknown = true;
    bool unknown = false;
    const auto value = find_argument(invocation.command, knob, unknown);
    if (unknown) out.unknown = true;
    if (!value) continue;
    std::string path;
    switch (read_knob_value(*value, path)) {
      case KnobValue::path:
        if (docker::same_path(path, default_path)) break;  // set to where it already is
        out.relocation = Relocation{knob.name, path, value->range, false,
                                    spell_argument(knob, invocation.command, *value)};
        break;
      case KnobValue::unknown: out.unknown = true; break;
      case KnobValue::not_a_path: break;
    }
  }
  if (has_config_knob && config_may_move_data(invocation, resolved.data_paths)) out.unknown = true;
  if (mode_moves_data(invocation.command)) out.unknown = true;
  return out;
}

/// Paths users mount by habit that hold nothing here: catalog wrong paths and unused VOLUMEs
/// (rules 10 and 14).
std::vector<std::string> wrong_paths(const catalog::Resolved& resolved) {
  std::vector<std::string> paths = resolved.variant->wrong_paths;
  paths.insert(paths.end(), resolved.variant->unused_volumes.begin(),
               resolved.variant->unused_volumes.end());
  return paths;
}

std::string note_about(const catalog::Resolved& resolved, std::string_view path) {
  for (const auto& note : resolved.notes) {
    if (note.find(path) != std::string::npos) return note;
  }
  return {};
}

/// Paths a mount may legitimately target beside the data: the image's other VOLUMEs, config and
/// log directories. A mount there is no near miss.
bool is_known_side_path(const catalog::Resolved& resolved, std::string_view path) {
  auto listed = [&](const std::vector<std::string>& list) {
    return std::any_of(list.begin(), list.end(),
                       [&](const std::string& entry) { return docker::same_path(entry, path); });
  };
  return listed(resolved.volumes) || listed(resolved.variant->secondary_paths) ||
         looks_like_config(path);
}

/// Whether what moves the data out of sight only moves it. A cache's or a broker's config often
/// decides whether it keeps anything at all (redis `save ""`, mosquitto `persistence`), so
/// there an unseen config leaves the answer unknown.
bool moved_data_stays_data(const catalog::Resolved& resolved) {
  const auto image_class = resolved.entry->image_class;
  return image_class != catalog::ImageClass::cache && image_class != catalog::ImageClass::broker;
}

/// The run-wide facts the verdict of one path depends on.
struct Context {
  const docker::Invocation& invocation;
  const catalog::Resolved& resolved;
  const std::vector<MountPoint>& points;
  const std::vector<std::string>& effective_paths;
  bool any_persistent_user_mount = false;
  // Some mount could hold data that a config, an env file or a host variable moves where we
  // cannot see: a persistent or unknown mount that is not itself a config location.
  bool storage_for_moved_data = false;
};

const Mount* persistent_descendant(const Context& context, const std::string& path) {
  for (const auto& point : context.points) {
    if (point.user && point.backing == Backing::persistent &&
        docker::is_ancestor_path(path, point.path)) {
      return point.user;
    }
  }
  return nullptr;
}

const Mount* wrong_path_mount(const Context& context, const MountPoint* cover, std::string& wrong) {
  for (const auto& candidate : wrong_paths(context.resolved)) {
    const std::string path = resolve_aliases(*context.resolved.variant, candidate);
    for (const auto& point : context.points) {
      if (point.user && &point != cover && docker::same_path(point.path, path)) {
        wrong = candidate;
        return point.user;
      }
    }
  }
  return nullptr;
}

const MountPoint* hiding_parent(const Context& context, const MountPoint* cover) {
  if (!cover || cover->user) return nullptr;
  for (const auto& point : context.points) {
    if (point.user && point.backing == Backing::persistent &&
        docker::is_ancestor_path(point.path, cover->path)) {
      return &point;
    }
  }
  return nullptr;
}

const Mount* near_miss_mount(const Context& context, const PathVerdict& verdict) {
  for (const auto& point : context.points) {
    if (!point.user || point.backing != Backing::persistent) continue;
    const bool related = std::any_of(context.effective_paths.begin(), context.effective_paths.end(),
                                     [&](const std::string& path) {
                                       return docker::covers_path(point.path, path) ||
                                              docker::covers_path(path, point.path);
                                     });
    if (related || is_known_side_path(context.resolved, point.path)) continue;
    if (is_near_miss(point.path, verdict.data_path) ||
        is_near_miss(point.path, verdict.default_path)) {
      return point.user;
    }
  }
  return nullptr;
}

void decide(const Context& context, const Relocated& relocated, PathVerdict& verdict) {
  const auto& invocation = context.invocation;
  if (relocated.unknown) {
    verdict.relocation_unknown = true;
    if (context.storage_for_moved_data || !moved_data_stays_data(context.resolved)) {
      // Wherever the data went, `--rm` deletes everything but named volumes and binds.
      verdict.verdict = invocation.remove && !context.any_persistent_user_mount
                            ? Verdict::removed_on_exit
                            : Verdict::unknown;
      return;
    }
    // Wherever the data went, no mount could keep it: judge the default path.
  }
  const std::string path = resolve_aliases(*context.resolved.variant, verdict.data_path);
  const MountPoint* cover = deepest_cover(context.points, path);
  if (cover && cover->backing == Backing::unknown) {
    verdict.verdict = Verdict::unknown;
    return;
  }
  if (cover && cover->backing == Backing::throwaway) {
    verdict.verdict = Verdict::throwaway_mount;
    verdict.mount = cover->user;
    if (!cover->user) verdict.image_volume = cover->declared;
    return;
  }
  if (cover && cover->backing == Backing::persistent) {
    verdict.verdict = Verdict::persistent;
    verdict.mount = cover->user;
    return;
  }
  if (cover && !cover->user) verdict.image_volume = cover->declared;
  verdict.partial_mount = persistent_descendant(context, path);
  std::string wrong;
  if (const Mount* mount = wrong_path_mount(context, cover, wrong)) {
    verdict.verdict = Verdict::wrong_path;
    verdict.mount = mount;
    verdict.explanation = note_about(context.resolved, wrong);
    return;
  }
  if (const MountPoint* parent = hiding_parent(context, cover)) {
    verdict.verdict = Verdict::hidden_by_volume;
    verdict.mount = parent->user;
    return;
  }
  if (verdict.relocation && !cover) {
    verdict.verdict = Verdict::relocated_outside;
    return;
  }
  if (const Mount* mount = near_miss_mount(context, verdict)) {
    verdict.verdict = Verdict::near_miss;
    verdict.mount = mount;
    return;
  }
  if (cover) verdict.mount = cover->user;
  if (invocation.remove) {
    verdict.verdict = Verdict::removed_on_exit;
  } else {
    verdict.verdict = cover ? Verdict::anonymous_volume : Verdict::container_layer;
  }
}

/// Extra data paths that an argument knob creates (`nats -js -sd /data`): the knob names a
/// path the defaults do not have, so its value is a data path of its own, not a relocation.
void add_argument_created_paths(const docker::Invocation& invocation,
                                const catalog::Resolved& resolved,
                                std::vector<std::string>& defaults) {
  for (const auto& knob : resolved.knobs) {
    if (knob.kind != catalog::Knob::Kind::arg || knob.moves.empty()) continue;
    const bool known = std::any_of(defaults.begin(), defaults.end(), [&](const std::string& p) {
      return docker::same_path(p, knob.moves);
    });
    if (known) continue;
    bool unknown = false;
    const auto value = find_argument(invocation.command, knob, unknown);
    std::string path;
    if (value && read_knob_value(*value, path) == KnobValue::path) {
      defaults.push_back(path);
    } else if (unknown) {
      defaults.push_back(knob.moves);  // find_relocation will call it unknown
    }
  }
}

/// "versions >=18 keep their data in /var/lib/postgresql/18/docker, versions <18 in
/// /var/lib/postgresql/data".
std::string where_versions_keep_data(const catalog::Resolved& resolved) {
  // The versions may agree on the data path and differ only in what the image declares.
  const bool same_paths = std::all_of(
      resolved.alternatives.begin(), resolved.alternatives.end(),
      [&](const catalog::Resolved& other) { return other.data_paths == resolved.data_paths; });
  std::string out;
  auto add = [&](const catalog::Resolved& facts) {
    const std::string& range = facts.variant->range.text();
    const std::string versions = range == "*" ? "the other versions" : "versions " + range;
    if (same_paths) {
      const std::string declared =
          facts.volumes.empty() ? "no VOLUME" : "the VOLUME " + enumerate_paths(facts.volumes);
      out += out.empty() ? versions + " declare " + declared : ", " + versions + " " + declared;
      return;
    }
    const std::string paths =
        facts.data_paths.empty() ? "nowhere" : enumerate_paths(facts.data_paths);
    out +=
        out.empty() ? versions + " keep their data in " + paths : ", " + versions + " in " + paths;
  };
  add(resolved);
  for (const auto& alternative : resolved.alternatives) add(alternative);
  return out;
}

std::string describe_image(const std::string& image, const catalog::Resolved& resolved) {
  using catalog::VersionBasis;
  if (resolved.depends_on_tag) {
    const std::string why = resolved.basis == VersionBasis::unknown_tag   ? "tag unknown"
                            : resolved.basis == VersionBasis::digest_only ? "pinned by digest only"
                                                                          : "no version in the tag";
    return image + " (" + why + ", and " + where_versions_keep_data(resolved) + ")";
  }
  switch (resolved.basis) {
    case VersionBasis::tag: return image + " (version " + resolved.assumed_version + ")";
    case VersionBasis::latest:
    case VersionBasis::no_tag:
      if (resolved.entry->latest.empty()) {
        // A tag without a version ("v24.2.0", "alpine") says nothing we could add.
        return resolved.basis == VersionBasis::no_tag || image.ends_with(":latest")
                   ? image + " (latest)"
                   : image;
      }
      return image + " (latest = " + resolved.entry->latest + ")";
    case VersionBasis::unknown_tag:
      return image + " (tag unknown; every version keeps its data in the same place)";
    case VersionBasis::digest_only: return image + " (version " + resolved.assumed_version + ")";
  }
  return image;
}

bool names_hostname(const catalog::Knob& knob) {
  return knob.note.find("HOSTNAME") != std::string::npos;
}

}  // namespace

std::string_view to_string(Verdict verdict) {
  switch (verdict) {
    case Verdict::throwaway_mount: return "throwaway_mount";
    case Verdict::wrong_path: return "wrong_path";
    case Verdict::hidden_by_volume: return "hidden_by_volume";
    case Verdict::relocated_outside: return "relocated_outside";
    case Verdict::near_miss: return "near_miss";
    case Verdict::removed_on_exit: return "removed_on_exit";
    case Verdict::container_layer: return "container_layer";
    case Verdict::anonymous_volume: return "anonymous_volume";
    case Verdict::persistent: return "persistent";
    case Verdict::unknown: return "unknown";
  }
  return "unknown";
}

namespace {

/// The verdicts on the data paths of one version's facts.
std::optional<ServerRun> analyze_version(const docker::Invocation& invocation,
                                         catalog::Resolved resolved) {
  std::vector<std::string> defaults = resolved.data_paths;
  add_argument_created_paths(invocation, resolved, defaults);
  if (defaults.empty() || persistence_switched_off(invocation.command)) return std::nullopt;

  ServerRun run;
  run.invocation = &invocation;
  run.image = invocation.image->text();
  run.hostname_bound = resolved.variant->hostname_bound;

  std::vector<Relocated> relocations;
  std::vector<std::string> effective;
  for (const auto& path : defaults) {
    relocations.push_back(find_relocation(invocation, resolved, path));
    const auto& relocation = relocations.back().relocation;
    effective.push_back(relocation ? relocation->path : docker::normalize_container_path(path));
    if (relocation) {
      for (const auto& knob : resolved.knobs) {
        if (knob.name == relocation->knob && names_hostname(knob)) run.hostname_bound = false;
      }
    }
  }

  // Things the command line hides: another container's mounts (rule 4), options we cannot
  // read or that Docker would reject (rule 8), a mount target in a variable. A placeholder
  // such as `...` or `[OPTIONS]` hides nothing: it stands for options the docs leave out, and
  // the command as shown is the one readers copy.
  const bool hidden =
      !invocation.volumes_from.empty() || invocation.unknown_flags || invocation.dash_typos;
  const auto points = hidden ? std::nullopt : mount_points(invocation, resolved);

  Context context{invocation, resolved, points ? *points : std::vector<MountPoint>{}, effective};
  if (points) {
    context.any_persistent_user_mount = std::any_of(
        points->begin(), points->end(),
        [](const MountPoint& point) { return point.user && point.backing == Backing::persistent; });
    context.storage_for_moved_data =
        std::any_of(points->begin(), points->end(), [](const MountPoint& point) {
          return point.user &&
                 (point.backing == Backing::persistent || point.backing == Backing::unknown) &&
                 !looks_like_config(point.path);
        });
  }
  for (std::size_t i = 0; i < defaults.size(); ++i) {
    PathVerdict verdict;
    verdict.default_path = defaults[i];
    verdict.data_path = relocations[i].relocation ? effective[i] : defaults[i];
    verdict.relocation = relocations[i].relocation;
    if (points) {
      decide(context, relocations[i], verdict);
    } else {
      verdict.verdict = Verdict::unknown;
    }
    run.paths.push_back(std::move(verdict));
  }
  run.resolved = std::move(resolved);
  return run;
}

/// Whether a derived image's Dockerfile sets an environment knob of its base, which would
/// move the data where the run line cannot show.
bool sets_a_knob(const BuiltImage& image, const catalog::Resolved& resolved) {
  return std::any_of(resolved.knobs.begin(), resolved.knobs.end(), [&](const catalog::Knob& knob) {
    return knob.kind == catalog::Knob::Kind::env &&
           std::find(image.variables.begin(), image.variables.end(), knob.name) !=
               image.variables.end();
  });
}

bool loses_data(const PathVerdict& path) {
  return path.verdict != Verdict::persistent && path.verdict != Verdict::unknown;
}

/// When the tag leaves the version open and the versions keep their data in different places,
/// the run loses data only if it does so whatever version runs: otherwise every verdict
/// becomes unknown. True when the run stands.
bool holds_for_every_version(const docker::Invocation& invocation, const ServerRun& run) {
  if (!std::all_of(run.paths.begin(), run.paths.end(), loses_data)) return false;
  for (const auto& alternative : run.resolved.alternatives) {
    for (const auto& path : alternative.data_paths) {
      if (path.find("{major}") != std::string::npos) return false;  // no version to read it by
    }
    const auto other = analyze_version(invocation, alternative);
    if (!other || !std::all_of(other->paths.begin(), other->paths.end(), loses_data)) {
      return false;
    }
  }
  return true;
}

}  // namespace

std::optional<ServerRun> analyze(const docker::Invocation& invocation,
                                 const catalog::Catalog& catalog,
                                 std::span<const BuiltImage> built) {
  if (!invocation.image) return std::nullopt;
  const catalog::ImageRef ref = catalog::parse_image_ref(*invocation.image);
  auto resolved = catalog.lookup(ref);
  const BuiltImage* derived = nullptr;
  if (!resolved && ref.name_known && ref.valid) {
    for (const auto& image : built) {
      if (image.key == ref.key()) derived = &image;
    }
    if (derived) resolved = catalog.lookup(catalog::parse_image_ref(derived->base));
  }
  if (!resolved || !resolved->variant) return std::nullopt;
  if (derived && sets_a_knob(*derived, *resolved)) return std::nullopt;
  if (resolved->entry->image_class == catalog::ImageClass::stateless) return std::nullopt;
  if (!starts_server(invocation, *resolved, catalog)) return std::nullopt;

  auto run = analyze_version(invocation, std::move(*resolved));
  if (!run) return std::nullopt;
  run->described = derived ? run->image + " (built FROM " +
                                 describe_image(derived->base, run->resolved) + " in this file)"
                           : describe_image(run->image, run->resolved);
  if (run->resolved.depends_on_tag && !holds_for_every_version(invocation, *run)) {
    for (auto& path : run->paths) path.verdict = Verdict::unknown;
  }
  return run;
}

std::vector<ServerRun> analyze_all(std::span<const docker::Invocation> invocations,
                                   const catalog::Catalog& catalog,
                                   std::span<const BuiltImage> built) {
  std::vector<ServerRun> runs;
  for (const auto& invocation : invocations) {
    if (auto run = analyze(invocation, catalog, built)) runs.push_back(std::move(*run));
  }
  return runs;
}

}  // namespace dockvet::stateful
