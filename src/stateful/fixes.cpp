// The storage flag a finding suggests and the edits that apply it.

#include <algorithm>
#include <sstream>

#include "docker/paths.h"
#include "stateful/analysis.h"

namespace dockvet::stateful {

namespace {

/// One `-v`/`--volume` flag of the catalog's docs flags: its spelling and its spec.
struct DocsFlag {
  std::string text;    // "-v pgdata:/var/lib/postgresql"
  std::string target;  // "/var/lib/postgresql"
};

std::vector<DocsFlag> docs_volume_flags(const std::string& fix_mount) {
  std::istringstream in(fix_mount);
  std::vector<std::string> tokens;
  for (std::string token; in >> token;) tokens.push_back(token);
  std::vector<DocsFlag> flags;
  for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
    if (tokens[i] != "-v" && tokens[i] != "--volume") continue;
    const std::string& spec = tokens[i + 1];
    const auto colon = spec.find(':');
    if (colon == std::string::npos) continue;
    flags.push_back({tokens[i] + " " + spec, spec.substr(colon + 1)});
  }
  return flags;
}

std::string volume_name_for(const ServerRun& run, const PathVerdict& path) {
  const auto& name = run.resolved.variant->volume_name;
  if (!name.empty()) return name;
  const std::string normalised = docker::normalize_container_path(path.data_path);
  const auto slash = normalised.find_last_of('/');
  std::string last = slash == std::string::npos ? normalised : normalised.substr(slash + 1);
  return last.empty() ? "data" : last;
}

ByteRange join(ByteRange a, ByteRange b) {
  return {std::min(a.begin, b.begin), std::max(a.end, b.end)};
}

}  // namespace

std::string suggested_flag(const ServerRun& run, const PathVerdict& path) {
  const auto& fix_mount = run.resolved.variant->fix_mount;
  if (!path.relocation && !fix_mount.empty()) {
    const auto flags = docs_volume_flags(fix_mount);
    for (const auto& flag : flags) {
      if (docker::covers_path(flag.target, path.data_path)) return flag.text;
    }
    // The docs fix does more than mount the path (apache/kafka also moves KAFKA_LOG_DIRS).
    return fix_mount;
  }
  return "-v " + volume_name_for(run, path) + ":" + path.data_path;
}

std::string_view definer(const ServerRun& run) {
  switch (run.invocation->origin) {
    case docker::Origin::compose: return "this service";
    case docker::Origin::kubernetes: return "this container";
    case docker::Origin::command_line: break;
  }
  return "this command";
}

bool cache_only_by_choice(const ServerRun& run) {
  return run.resolved.entry->image_class == catalog::ImageClass::cache;
}

std::string suggested_target(const ServerRun& run, const PathVerdict& path) {
  if (!path.relocation) {
    for (const auto& flag : docs_volume_flags(run.resolved.variant->fix_mount)) {
      if (docker::covers_path(flag.target, path.data_path)) return flag.target;
    }
  }
  return path.data_path;
}

std::optional<Fix> insert_flags_fix(const ServerRun& run, const std::string& flags) {
  // A compose service or a Kubernetes container gets its volume in YAML, at a place a text edit
  // cannot be sure of.
  if (run.invocation->origin != docker::Origin::command_line) return std::nullopt;
  const ByteRange image = run.invocation->image->range;
  return Fix::replace_unsafe("add `" + flags + "`", {image.begin, image.begin}, flags + " ");
}

std::optional<Fix> retarget_fix(const docker::Mount& mount, const std::string& target) {
  if (!mount.target || mount.target->segments.empty() || !mount.target->known() ||
      !mount.written_in.empty()) {
    return std::nullopt;
  }
  return Fix::replace_unsafe("mount " + target + " instead", mount.target->range, target);
}

std::optional<Fix> replace_mount_fix(const docker::Mount& mount, const std::string& flags) {
  if (mount.flag_range.empty() || mount.value_range.empty() || !mount.written_in.empty()) {
    return std::nullopt;
  }
  return Fix::replace_unsafe("replace it with `" + flags + "`",
                             join(mount.flag_range, mount.value_range), flags);
}

std::string quote_mount(const docker::Mount& mount, std::string_view file_text) {
  if (!mount.written_in.empty()) {
    return (mount.written.empty() ? "the mount at " + mount.target_path
                                  : "`" + mount.written + "`") +
           " (from " + mount.written_in + ")";
  }
  // A compose volume entry has no flag: the entry alone is what the user wrote.
  const ByteRange range =
      mount.flag_range.empty() ? mount.value_range : join(mount.flag_range, mount.value_range);
  if (range.end > file_text.size() || range.empty()) return "`" + mount.target_path + "`";
  std::string text(file_text.substr(range.begin, range.size()));
  if (text.size() > 120 || text.find('\n') != std::string::npos) {
    return "the mount at " + mount.target_path;
  }
  return "`" + text + "`";
}

std::string enumerate_paths(const std::vector<std::string>& paths) {
  std::string out;
  for (std::size_t i = 0; i < paths.size(); ++i) {
    if (i > 0) out += i + 1 == paths.size() ? " and " : ", ";
    out += paths[i];
  }
  return out;
}

bool needs_own_data_directory(const ServerRun& run) {
  using catalog::ImageClass;
  const auto image_class = run.resolved.entry->image_class;
  return image_class == ImageClass::database || image_class == ImageClass::broker ||
         image_class == ImageClass::search || image_class == ImageClass::ci;
}

std::vector<const PathVerdict*> paths_with(const ServerRun& run, Verdict verdict) {
  std::vector<const PathVerdict*> out;
  for (const auto& path : run.paths) {
    if (path.verdict == verdict) out.push_back(&path);
  }
  return out;
}

std::string suggested_flags(const ServerRun& run, const std::vector<const PathVerdict*>& paths) {
  std::vector<std::string> flags;
  for (const auto* path : paths) {
    std::string flag = suggested_flag(run, *path);
    if (std::find(flags.begin(), flags.end(), flag) == flags.end()) flags.push_back(flag);
  }
  std::string out;
  if (run.invocation->origin == docker::Origin::compose) {
    // The same mounts as a service's volumes: `-v a:/b -e X=1` gives `volumes: [a:/b]`.
    for (const auto& flag : flags) {
      std::istringstream in(flag);
      std::vector<std::string> tokens;
      for (std::string token; in >> token;) tokens.push_back(token);
      for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
        if (tokens[i] == "-v" || tokens[i] == "--volume") {
          out += (out.empty() ? "" : ", ") + tokens[++i];
        }
      }
    }
    return "volumes: [" + out + "]";
  }
  if (run.invocation->origin == docker::Origin::kubernetes) {
    // `-v pgdata:/var/lib/postgresql` gives `{name: pgdata, mountPath: /var/lib/postgresql}`;
    // the messages say that the volume must be a PersistentVolumeClaim.
    for (const auto& flag : flags) {
      std::istringstream in(flag);
      std::vector<std::string> tokens;
      for (std::string token; in >> token;) tokens.push_back(token);
      for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
        if (tokens[i] != "-v" && tokens[i] != "--volume") continue;
        const std::string& spec = tokens[++i];
        const auto colon = spec.find(':');
        if (colon == std::string::npos) continue;
        const auto end = spec.find(':', colon + 1);
        std::string name = spec.substr(0, colon);
        std::replace(name.begin(), name.end(), '_', '-');  // volume names are DNS labels
        out += (out.empty() ? "" : ", ") + std::string("{name: ") + name + ", mountPath: " +
               spec.substr(colon + 1, end == std::string::npos ? end : end - colon - 1) + "}";
      }
    }
    return "volumeMounts: [" + out + "]";
  }
  for (const auto& flag : flags) out += (out.empty() ? "" : " ") + flag;
  return out;
}

}  // namespace dockvet::stateful
