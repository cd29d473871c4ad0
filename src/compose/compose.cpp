#include "compose/compose.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <set>

#include "catalog/image_ref.h"
#include "docker/mounts.h"
#include "docker/paths.h"
#include "docker/words.h"
#include "yaml/nodes.h"

namespace dockvet::compose {
namespace {

namespace fs = std::filesystem;
using yaml::get;

bool is_name_char(char c, bool first) {
  return c == '_' || std::isalpha(static_cast<unsigned char>(c)) ||
         (!first && std::isdigit(static_cast<unsigned char>(c)));
}

/// The end of a `${…}` expression that starts at `open` (the `$`), with nested `${…}` in its
/// default; npos when it is not closed.
std::size_t braced_end(std::string_view text, std::size_t open) {
  int depth = 0;
  for (std::size_t i = open; i < text.size(); ++i) {
    if (text[i] == '$' && i + 1 < text.size() && text[i + 1] == '{') {
      ++depth;
      ++i;
    } else if (text[i] == '}' && --depth == 0) {
      return i;
    }
  }
  return std::string_view::npos;
}

void append(std::vector<Piece>& out, Piece piece) {
  if (!out.empty() && out.back().literal && piece.literal &&
      out.back().source_end == piece.source) {
    out.back().text += piece.text;
    out.back().source_end = piece.source_end;
    return;
  }
  out.push_back(std::move(piece));
}

// Whole-piece substitutions (a variable's value, a default) carry the source span of the
// expression they replace.
void append_as(std::vector<Piece>& out, std::vector<Piece> pieces, std::size_t begin,
               std::size_t end) {
  for (auto& piece : pieces) {
    piece.source = begin;
    piece.source_end = end;
    out.push_back(std::move(piece));
  }
}

/// A Word for a scalar: `pieces` of its value, `content` the bytes in the file that spell the
/// value when `exact`, `range` the whole scalar with its quotes.
Word make_word(const std::vector<Piece>& pieces, std::size_t content, bool exact, ByteRange range) {
  Word word;
  word.range = range;
  for (const auto& piece : pieces) {
    WordSegment segment;
    segment.text = piece.text;
    segment.literal = piece.literal;
    segment.range = exact ? ByteRange{content + piece.source, content + piece.source_end} : range;
    word.segments.push_back(std::move(segment));
  }
  if (word.segments.empty()) word.segments.push_back({"", true, {range.begin, range.begin}});
  return word;
}

/// Reads one compose file into invocations.
class Reader {
 public:
  Reader(const SourceFile& file, const Environment& environment, const std::string& directory)
      : file_(file), environment_(environment), directory_(directory) {}

  Project read(const YAML::Node& root) {
    if (!root.IsMap()) return {};
    const YAML::Node services = root["services"];
    if (!services || !services.IsMap()) return {};
    read_top_level_volumes(root["volumes"]);
    // A service runs from its key to the line before the next service's key or, for the last,
    // before the next top-level key after `services`.
    std::uint32_t end_of_services = file_.lines.line_count();
    bool after_services = false;
    for (const auto& entry : root) {
      const auto line = static_cast<std::uint32_t>(std::max(0, entry.first.Mark().line)) + 1;
      if (after_services) {
        end_of_services = line - 1;
        break;
      }
      after_services = entry.first.IsScalar() && entry.first.Scalar() == "services";
    }
    std::vector<std::uint32_t> starts;
    for (const auto& entry : services) {
      starts.push_back(static_cast<std::uint32_t>(std::max(0, entry.first.Mark().line)) + 1);
    }
    std::size_t index = 0;
    for (const auto& entry : services) {
      const std::uint32_t first = starts[index];
      const std::uint32_t last =
          index + 1 < starts.size() ? starts[index + 1] - 1 : end_of_services;
      ++index;
      if (!entry.first.IsScalar() || !entry.second.IsMap()) continue;
      const std::size_t before = project_.services.size();
      read_service(entry.first.Scalar(), services, entry.second);
      if (project_.services.size() > before && last >= first) {
        project_.service_lines.emplace_back(first, last);
      }
    }
    return std::move(project_);
  }

 private:
  // --- YAML helpers ------------------------------------------------------------------------

  yaml::ScalarSource source_of(const YAML::Node& node) const {
    return yaml::scalar_source(file_.text, static_cast<std::size_t>(std::max(0, node.Mark().pos)),
                               node.Scalar());
  }

  /// The scalar as a Word, interpolated.
  std::optional<Word> word(const YAML::Node& node) const {
    if (!node || !node.IsScalar()) return std::nullopt;
    const yaml::ScalarSource source = source_of(node);
    return make_word(interpolate(node.Scalar(), environment_), source.content, source.exact,
                     source.range);
  }

  /// A Word made of text that was not written as one scalar (a word of a `command:` string),
  /// pointing at the scalar it came from.
  static Word plain_word(std::string text, ByteRange range) {
    Word word;
    word.range = range;
    word.segments.push_back({std::move(text), true, range});
    return word;
  }

  // --- Top-level volumes ---------------------------------------------------------------------

  void read_top_level_volumes(const YAML::Node& volumes) {
    if (!volumes || !volumes.IsMap()) return;
    for (const auto& entry : volumes) {
      if (entry.first.IsScalar()) declared_volumes_.insert(entry.first.Scalar());
    }
  }

  // --- Services ------------------------------------------------------------------------------

  /// A service with `extends: base` (or `extends: {service: base}`) within this file: the keys
  /// it does not set come from the base; `volumes` and `tmpfs` lists add up.
  struct ServiceView {
    std::vector<YAML::Node> layers;  // the service first, then what it extends
    bool extends_unknown = false;    // extends another file: keys may be missing

    YAML::Node get(std::string_view key) const {
      for (const auto& layer : layers) {
        if (auto found = yaml::get(layer, key)) return found;
      }
      return YAML::Node(YAML::NodeType::Undefined);
    }
    std::vector<YAML::Node> all(std::string_view key) const {
      std::vector<YAML::Node> found;
      for (const auto& layer : layers) {
        if (auto node = yaml::get(layer, key)) found.push_back(node);
      }
      return found;
    }
  };

  ServiceView view_of(const YAML::Node& services, const YAML::Node& service) const {
    ServiceView view;
    YAML::Node current = service;
    std::set<std::string> seen;
    for (int depth = 0; depth < 8 && current; ++depth) {
      view.layers.push_back(current);
      const YAML::Node extends = get(current, "extends");
      if (!extends) break;
      std::string base;
      if (extends.IsScalar()) {
        base = extends.Scalar();
      } else if (extends.IsMap()) {
        if (get(extends, "file")) {
          view.extends_unknown = true;
          break;
        }
        if (auto name = get(extends, "service"); name && name.IsScalar()) base = name.Scalar();
      }
      if (base.empty() || !seen.insert(base).second) break;
      current.reset(get(services, base));  // rebinds; `=` would overwrite the node itself
      if (!current || !current.IsMap()) break;
    }
    return view;
  }

  void read_service(const std::string& name, const YAML::Node& services,
                    const YAML::Node& service) {
    const ServiceView view = view_of(services, service);
    docker::Invocation invocation;
    invocation.origin = docker::Origin::compose;
    invocation.tool = docker::Tool::docker;
    invocation.subcommand = docker::Subcommand::run;
    const YAML::Node image = view.get("image");
    const YAML::Node build = view.get("build");
    if (auto image_word = word(image)) {
      invocation.image = std::move(*image_word);
      if (!own_key(service, "image")) {
        // Written under an anchor or a base service, which other services share: the finding
        // belongs to this service, at its name.
        const ByteRange at = key_range(services, name);
        invocation.image->range = at;
        for (auto& segment : invocation.image->segments) segment.range = at;
      }
    } else if (build) {
      // An image built here and never named: the service's name stands for it.
      const YAML::Node anchor = build.IsScalar() ? build : get(build, "context");
      const ByteRange at = anchor && anchor.IsScalar() ? source_of(anchor).range
                                                       : ByteRange{mark(build), mark(build)};
      invocation.image = plain_word(name, at);
    } else {
      return;
    }
    invocation.range = invocation.image->range;
    invocation.program = plain_word("docker", {invocation.range.begin, invocation.range.begin});
    if (build) note_build(*invocation.image, build);
    if (view.extends_unknown) invocation.unknown_flags = true;

    for (const auto& volumes : view.all("volumes")) read_volumes(volumes, invocation);
    // Compose merges an extended service's volumes by target: the service's own entry wins.
    std::vector<docker::Mount> merged;
    for (auto& mount : invocation.mounts) {
      const bool shadowed =
          std::any_of(merged.begin(), merged.end(), [&](const docker::Mount& kept) {
            return mount.target_known && kept.target_known &&
                   docker::same_path(kept.target_path, mount.target_path);
          });
      if (!shadowed) merged.push_back(std::move(mount));
    }
    invocation.mounts = std::move(merged);
    for (const auto& tmpfs : view.all("tmpfs")) read_tmpfs(tmpfs, invocation);
    read_environment(view.get("environment"), invocation);
    if (view.get("env_file")) invocation.env_file_present = true;
    invocation.command = command_words(view.get("command"));
    if (const YAML::Node entrypoint = view.get("entrypoint")) {
      auto words = command_words(entrypoint);
      if (!words.empty()) invocation.entrypoint = words.front();
    }
    invocation.hostname = word(view.get("hostname"));
    if (auto network = word(view.get("network_mode"))) {
      // Read by the checks as `--network`: `network_mode: host` shares the host's name.
      docker::Option option;
      option.name = "network";
      option.spelling = "network_mode";
      option.range = network->range;
      option.value = std::move(network);
      invocation.options.push_back(std::move(option));
    }
    invocation.name = word(view.get("container_name"));
    read_volumes_from(view.get("volumes_from"), invocation);
    const YAML::Node deploy = view.get("deploy");
    read_labels(view.get("labels"), "labels", invocation);
    read_labels(get(deploy, "labels"), "deploy.labels", invocation);
    if (auto replicas = word(get(deploy, "replicas"))) invocation.replicas = std::move(replicas);
    if (auto scale = word(view.get("scale"))) invocation.replicas = std::move(scale);
    project_.services.push_back(std::move(invocation));
    project_.service_names.push_back(name);
  }

  /// Whether `map` itself (not a merge source) has `key`.
  static bool own_key(const YAML::Node& map, std::string_view key) {
    for (const auto& entry : map) {
      if (entry.first.IsScalar() && entry.first.Scalar() == key) return true;
    }
    return false;
  }

  /// Where the key `name` of `map` is written.
  ByteRange key_range(const YAML::Node& map, const std::string& name) const {
    for (const auto& entry : map) {
      if (entry.first.IsScalar() && entry.first.Scalar() == name)
        return source_of(entry.first).range;
    }
    return {};
  }

  static std::size_t mark(const YAML::Node& node) {
    return static_cast<std::size_t>(std::max(0, node.Mark().pos));
  }

  // --- Storage -------------------------------------------------------------------------------

  void read_volumes(const YAML::Node& volumes, docker::Invocation& invocation) const {
    if (!volumes.IsSequence()) return;
    for (const auto& entry : volumes) {
      if (entry.IsScalar()) {
        auto value = word(entry);
        if (!value || value->text().empty()) continue;
        docker::Mount mount = docker::parse_volume_spec(*value);
        mount.flag_range = {};
        invocation.mounts.push_back(std::move(mount));
      } else if (entry.IsMap()) {
        if (auto mount = long_syntax(entry)) invocation.mounts.push_back(std::move(*mount));
      }
    }
  }

  /// `{type, source, target, read_only, …}`; type defaults to volume, and a volume without a
  /// source is anonymous.
  std::optional<docker::Mount> long_syntax(const YAML::Node& entry) const {
    auto target = word(get(entry, "target"));
    if (!target) return std::nullopt;
    docker::Mount mount;
    mount.syntax = docker::MountSyntax::mount_flag;
    mount.value_range = {mark(entry), target->range.end};
    const YAML::Node type_node = get(entry, "type");
    const std::string type = type_node && type_node.IsScalar() ? type_node.Scalar() : "volume";
    auto source = word(get(entry, "source"));
    if (type == "volume") {
      mount.kind = source && !source->text().empty() ? docker::MountKind::named_volume
                                                     : docker::MountKind::anonymous_volume;
    } else if (type == "bind") {
      mount.kind = docker::MountKind::bind;
    } else if (type == "tmpfs") {
      mount.kind = docker::MountKind::tmpfs;
    } else if (type == "npipe") {
      mount.kind = docker::MountKind::npipe;
    } else if (type == "cluster") {
      mount.kind = docker::MountKind::cluster;
    } else if (type == "image") {
      mount.kind = docker::MountKind::image;
    } else {
      mount.kind = docker::MountKind::unknown;
    }
    if (source && !source->known() && mount.kind == docker::MountKind::named_volume) {
      mount.low_confidence = true;
    }
    if (mount.kind != docker::MountKind::tmpfs &&
        mount.kind != docker::MountKind::anonymous_volume) {
      mount.source_known = source && source->known() && !source->text().empty();
      mount.source = std::move(source);
    }
    mount.target_known = target->known() && !target->text().empty();
    mount.target_path = docker::normalize_container_path(target->text());
    mount.windows_target = target->text().size() > 1 && target->text()[1] == ':';
    mount.target = std::move(target);
    if (auto read_only = get(entry, "read_only"); read_only && read_only.IsScalar()) {
      mount.readonly = read_only.Scalar() == "true";
    }
    return mount;
  }

  void read_tmpfs(const YAML::Node& tmpfs, docker::Invocation& invocation) const {
    std::vector<YAML::Node> entries;
    if (tmpfs.IsScalar()) entries.push_back(tmpfs);
    if (tmpfs.IsSequence()) {
      for (const auto& entry : tmpfs) entries.push_back(entry);
    }
    for (const auto& entry : entries) {
      if (auto value = word(entry); value && !value->text().empty()) {
        docker::Mount mount = docker::parse_tmpfs_spec(*value);
        mount.flag_range = {};
        invocation.mounts.push_back(std::move(mount));
      }
    }
  }

  void read_volumes_from(const YAML::Node& from, docker::Invocation& invocation) const {
    if (!from || !from.IsSequence()) return;
    for (const auto& entry : from) {
      if (auto value = word(entry)) {
        docker::VolumesFrom volumes_from;
        volumes_from.container = *value;
        volumes_from.range = value->range;
        invocation.volumes_from.push_back(std::move(volumes_from));
      }
    }
  }

  // --- Labels ---------------------------------------------------------------------------------

  /// `labels: {key: value}` or `labels: [key=value]`, interpolated; what load balancers such as
  /// Traefik read from the container (`labels`) or the Swarm service (`deploy.labels`).
  void read_labels(const YAML::Node& labels, const char* where,
                   docker::Invocation& invocation) const {
    if (!labels) return;
    if (labels.IsMap()) {
      for (const auto& entry : labels) {
        if (!entry.first.IsScalar()) continue;
        auto value = word(entry.second);
        invocation.routing.push_back(
            {entry.first.Scalar(), value ? value->text() : std::string(), where});
      }
    } else if (labels.IsSequence()) {
      for (const auto& entry : labels) {
        auto value = word(entry);
        if (!value) continue;
        const std::string text = value->text();
        const auto equals = text.find('=');
        invocation.routing.push_back(
            {text.substr(0, equals),
             equals == std::string::npos ? std::string() : text.substr(equals + 1), where});
      }
    }
  }

  // --- Environment and command ---------------------------------------------------------------

  void read_environment(const YAML::Node& environment, docker::Invocation& invocation) const {
    if (!environment) return;
    if (environment.IsMap()) {
      for (const auto& entry : environment) {
        if (!entry.first.IsScalar()) continue;
        docker::EnvVar var;
        var.name = entry.first.Scalar();
        var.range = source_of(entry.first).range;
        if (entry.second.IsScalar()) {
          var.value = word(entry.second);
          var.range.end = var.value->range.end;
        } else {
          var.from_host = true;  // `KEY:` with no value takes the shell's
        }
        invocation.env.push_back(std::move(var));
      }
    } else if (environment.IsSequence()) {
      for (const auto& entry : environment) {
        auto value = word(entry);
        if (!value) continue;
        const std::string text = value->text();
        docker::EnvVar var;
        var.range = value->range;
        const auto equals = text.find('=');
        var.name = text.substr(0, equals);
        var.name_known = value->known() || equals != std::string::npos;
        if (equals == std::string::npos) {
          var.from_host = true;
        } else {
          var.value = docker::slice_word(*value, equals + 1, text.size());
        }
        invocation.env.push_back(std::move(var));
      }
    }
  }

  /// `command: [a, b]` word by word; `command: a b` split as the shell would split it, quotes
  /// removed (compose does the same).
  std::vector<Word> command_words(const YAML::Node& command) const {
    std::vector<Word> words;
    if (!command) return words;
    if (command.IsSequence()) {
      for (const auto& entry : command) {
        if (auto value = word(entry)) words.push_back(std::move(*value));
      }
      return words;
    }
    if (!command.IsScalar()) return words;
    const ByteRange range = source_of(command).range;
    const std::string& text = command.Scalar();
    std::string current;
    bool in_word = false;
    char quote = 0;
    for (char c : text) {
      if (quote) {
        if (c == quote) {
          quote = 0;
        } else {
          current.push_back(c);
        }
        continue;
      }
      if (c == '\'' || c == '"') {
        quote = c;
        in_word = true;
      } else if (c == ' ' || c == '\t' || c == '\n') {
        if (in_word) words.push_back(plain_word(std::move(current), range));
        current.clear();
        in_word = false;
      } else {
        current.push_back(c);
        in_word = true;
      }
    }
    if (in_word) words.push_back(plain_word(std::move(current), range));
    for (auto& each : words) {
      // Interpolation applies to the command as to any value.
      auto pieces = interpolate(each.text(), environment_);
      each = make_word(pieces, range.begin, false, range);
    }
    return words;
  }

  // --- Builds --------------------------------------------------------------------------------

  /// `build: ./db` or `build: {context, dockerfile}`: the Dockerfile beside the file, when it
  /// can be read, says what the image is built FROM.
  void note_build(const Word& image, const YAML::Node& build) {
    if (directory_.empty() || !image.known()) return;
    std::string context = ".";
    std::string dockerfile = "Dockerfile";
    if (build.IsScalar()) {
      context = build.Scalar();
    } else if (build.IsMap()) {
      if (auto node = get(build, "context"); node && node.IsScalar()) context = node.Scalar();
      if (auto node = get(build, "dockerfile"); node && node.IsScalar()) dockerfile = node.Scalar();
      if (get(build, "dockerfile_inline")) return;
    }
    if (context.find("://") != std::string::npos || context.find('$') != std::string::npos ||
        dockerfile.find('$') != std::string::npos) {
      return;  // a remote or interpolated context: not on this disk
    }
    const fs::path path = fs::path(directory_) / context / dockerfile;
    const FileRead read = read_file(path.string());
    if (read.error != 0) return;
    const auto stage = stateful::read_last_stage(read.text);
    if (!stage || stage->changes_storage_or_command) return;
    const catalog::ImageRef ref = catalog::parse_image_ref(image.text());
    if (!ref.name_known || !ref.valid) return;
    project_.built.push_back({ref.key(), stage->base, stage->variables});
  }

  const SourceFile& file_;
  const Environment& environment_;
  std::string directory_;
  std::set<std::string> declared_volumes_;
  Project project_;
};

}  // namespace

std::vector<Piece> interpolate(std::string_view text, const Environment& environment) {
  std::vector<Piece> out;
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t dollar = text.find('$', i);
    if (dollar == std::string_view::npos) {
      append(out, {std::string(text.substr(i)), true, i, text.size()});
      break;
    }
    if (dollar > i) append(out, {std::string(text.substr(i, dollar - i)), true, i, dollar});
    if (dollar + 1 < text.size() && text[dollar + 1] == '$') {
      append(out, {"$", true, dollar, dollar + 2});
      i = dollar + 2;
      continue;
    }
    if (dollar + 1 < text.size() && text[dollar + 1] == '{') {
      const std::size_t close = braced_end(text, dollar);
      if (close == std::string_view::npos) {
        append(out, {std::string(text.substr(dollar)), true, dollar, text.size()});
        break;
      }
      const std::string_view inner = text.substr(dollar + 2, close - dollar - 2);
      std::size_t name_end = 0;
      while (name_end < inner.size() && is_name_char(inner[name_end], name_end == 0)) ++name_end;
      const std::string name(inner.substr(0, name_end));
      const std::string_view rest = inner.substr(name_end);
      const auto found = environment.find(name);
      const bool set = found != environment.end();
      const bool non_empty = set && !found->second.empty();
      const bool colon = rest.starts_with(":");
      const std::string_view op = rest.substr(colon ? 1 : 0, rest.empty() ? 0 : 1);
      const std::string_view argument =
          rest.size() > (colon ? 2u : 1u) ? rest.substr(colon ? 2 : 1) : std::string_view();
      const bool present = colon ? non_empty : set;
      const std::size_t end = close + 1;
      Piece unknown{std::string(text.substr(dollar, end - dollar)), false, dollar, end};
      if (name.empty() || (!rest.empty() && op != "-" && op != "+" && op != "?")) {
        out.push_back(unknown);  // not an interpolation compose accepts: keep it opaque
      } else if (op == "-") {
        if (present) {
          append_as(out, {{found->second, true, 0, 0}}, dollar, end);
        } else {
          append_as(out, interpolate(argument, environment), dollar, end);
        }
      } else if (op == "+") {
        if (present) append_as(out, interpolate(argument, environment), dollar, end);
      } else if (present) {
        append_as(out, {{found->second, true, 0, 0}}, dollar, end);
      } else {
        out.push_back(unknown);  // unset: `?` would stop compose, a bare one leaves it unknown
      }
      i = end;
      continue;
    }
    std::size_t name_end = dollar + 1;
    while (name_end < text.size() && is_name_char(text[name_end], name_end == dollar + 1)) {
      ++name_end;
    }
    if (name_end == dollar + 1) {
      append(out, {"$", true, dollar, dollar + 1});
      i = dollar + 1;
      continue;
    }
    const std::string name(text.substr(dollar + 1, name_end - dollar - 1));
    if (const auto found = environment.find(name); found != environment.end()) {
      append_as(out, {{found->second, true, 0, 0}}, dollar, name_end);
    } else {
      out.push_back({std::string(text.substr(dollar, name_end - dollar)), false, dollar, name_end});
    }
    i = name_end;
  }
  return out;
}

Environment parse_env_file(std::string_view text) {
  Environment environment;
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(at, end - at);
    at = end + 1;
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    if (line.empty() || line.front() == '#') continue;
    if (line.starts_with("export ")) line.remove_prefix(7);
    const auto equals = line.find('=');
    if (equals == std::string_view::npos) continue;
    std::string_view key = line.substr(0, equals);
    while (!key.empty() && key.back() == ' ') key.remove_suffix(1);
    std::string_view value = line.substr(equals + 1);
    while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
    std::string parsed;
    if (!value.empty() && (value.front() == '"' || value.front() == '\'')) {
      const char quote = value.front();
      for (std::size_t i = 1; i < value.size() && value[i] != quote; ++i) {
        if (quote == '"' && value[i] == '\\' && i + 1 < value.size()) {
          const char next = value[++i];
          parsed.push_back(next == 'n' ? '\n' : next);
        } else {
          parsed.push_back(value[i]);
        }
      }
    } else {
      const auto comment = value.find(" #");
      parsed = std::string(value.substr(0, comment));
      while (!parsed.empty() && parsed.back() == ' ') parsed.pop_back();
    }
    if (!key.empty()) environment[std::string(key)] = std::move(parsed);
  }
  return environment;
}

Project read_compose(const SourceFile& file, const Environment& environment,
                     std::vector<FrontEndIssue>& issues, const std::string& directory) {
  YAML::Node root;
  try {
    // yaml-cpp stops at the first document; a compose file has one.
    root = YAML::Load(std::string(file.text));
  } catch (const YAML::Exception& error) {
    issues.push_back(yaml::yaml_error(file, error));
    return {};
  }
  Environment merged = environment;
  if (!directory.empty()) {
    const FileRead dot_env = read_file((fs::path(directory) / ".env").string());
    if (dot_env.error == 0) {
      for (auto& [key, value] : parse_env_file(dot_env.text)) merged.emplace(key, value);
    }
  }
  return Reader(file, merged, directory).read(root);
}

}  // namespace dockvet::compose
