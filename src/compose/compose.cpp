#include "compose/compose.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <system_error>

#include "catalog/image_ref.h"
#include "core/discovery.h"
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

/// A compose file the project reads: the linted file, or one that it extends or includes.
struct Document {
  std::string name;       // for messages: as the referring file wrote it
  std::string directory;  // where its relative paths resolve; empty: nothing beside it is read
  Environment environment;
  YAML::Node root;
  bool linted = false;  // the file being linted, whose nodes have exact positions
};

/// One service definition a service is made of: its own, then each one it extends. Values read
/// from a file other than the linted one are reported at `anchor`, a place in the linted file.
struct Layer {
  YAML::Node node;
  const Document* document = nullptr;
  ByteRange anchor;
};

/// A value and the layer it was found in.
struct Found {
  YAML::Node node;
  const Layer* layer = nullptr;
  explicit operator bool() const { return static_cast<bool>(node); }
};

/// A service with what it extends, in this file or another: keys it does not set come from the
/// first layer that does.
struct ServiceView {
  std::vector<Layer> layers;     // the service first, then what it extends
  bool extends_unknown = false;  // some of it could not be read: keys may be missing

  Found get(std::string_view key) const {
    for (const auto& layer : layers) {
      if (auto found = yaml::get(layer.node, key)) return {found, &layer};
    }
    return {YAML::Node(YAML::NodeType::Undefined), nullptr};
  }
  /// Every layer's value, the service's own first.
  std::vector<Found> all(std::string_view key) const {
    std::vector<Found> found;
    for (const auto& layer : layers) {
      if (auto node = yaml::get(layer.node, key)) found.push_back({node, &layer});
    }
    return found;
  }
};

std::string error_text(int error) {
  return std::generic_category().message(error);
}

/// Reads one compose file, with the files it extends and includes, into invocations.
class Reader {
 public:
  Reader(const SourceFile& file, const Environment& environment, const std::string& directory,
         std::vector<FrontEndIssue>& issues)
      : file_(file), issues_(issues) {
    linted_.name = fs::path(file.path).filename().string();
    linted_.directory = directory;
    linted_.environment = environment;
    linted_.linted = true;
  }

  Project read(const YAML::Node& root) {
    if (!root.IsMap()) return {};
    linted_.root.reset(root);
    const YAML::Node services = get(root, "services");
    if (services && services.IsMap()) {
      read_top_level_volumes(get(root, "volumes"));
      read_services(services);
    }
    if (get(root, "include")) {
      std::vector<std::string> chain{canonical(Document{}, file_.path)};
      read_includes(linted_, std::nullopt, chain);
    }
    return std::move(project_);
  }

 private:
  // --- YAML helpers ------------------------------------------------------------------------

  /// Where a node of the document being read sits in the linted file: exactly when it is the
  /// linted file's own, else at the anchor that led to it.
  yaml::ScalarSource source_of(const YAML::Node& node) const {
    if (!current_->linted) return {anchor_, anchor_.begin, false};
    return yaml::scalar_source(file_.text, static_cast<std::size_t>(std::max(0, node.Mark().pos)),
                               node.Scalar());
  }

  std::size_t mark(const YAML::Node& node) const {
    if (!current_->linted) return anchor_.begin;
    return static_cast<std::size_t>(std::max(0, node.Mark().pos));
  }

  /// The scalar as a Word, interpolated with its document's variables.
  std::optional<Word> word(const YAML::Node& node) const {
    if (!node || !node.IsScalar()) return std::nullopt;
    const yaml::ScalarSource source = source_of(node);
    return make_word(interpolate(node.Scalar(), current_->environment), source.content,
                     source.exact, source.range);
  }

  /// A Word made of text that was not written as one scalar (a word of a `command:` string),
  /// pointing at the scalar it came from.
  static Word plain_word(std::string text, ByteRange range) {
    Word word;
    word.range = range;
    word.segments.push_back({std::move(text), true, range});
    return word;
  }

  /// Reads the nodes of `layer` from here on.
  void enter(const Layer& layer) {
    current_ = layer.document;
    anchor_ = layer.anchor;
  }
  YAML::Node at(const Found& found) {
    if (found.layer) enter(*found.layer);
    return found.node;
  }

  /// Where the key `name` of `map` is written.
  ByteRange key_range(const YAML::Node& map, std::string_view name) const {
    for (const auto& entry : map) {
      if (entry.first.IsScalar() && entry.first.Scalar() == name)
        return source_of(entry.first).range;
    }
    return {};
  }

  void issue(ByteRange range, std::string message) {
    issues_.push_back({unresolved_reference_code, range, std::move(message)});
  }

  // --- Other files ---------------------------------------------------------------------------

  /// False for a device, a FIFO or a socket, which a read could wait on or never finish.
  static bool regular_or_missing(const std::string& path) {
    std::error_code ec;
    const auto status = fs::status(path, ec);
    return ec || !fs::exists(status) || fs::is_regular_file(status) || fs::is_directory(status);
  }

  static std::string canonical(const Document& from, const std::string& name) {
    std::error_code ec;
    fs::path path = fs::path(name);
    if (path.is_relative() && !from.directory.empty()) path = fs::path(from.directory) / path;
    const fs::path resolved = fs::weakly_canonical(path, ec);
    return (ec ? path.lexically_normal() : resolved).string();
  }

  /// The compose file `name`, relative to `from`'s folder, read once per purpose; nullptr, with
  /// an issue at `at`, when it cannot be read or is not YAML. `environment` interpolates it.
  const Document* load(const Document& from, const std::string& name, ByteRange at,
                       std::string_view purpose, const std::string& directory,
                       Environment environment) {
    const std::string path = canonical(from, name);
    const std::string key = std::string(purpose) + '\n' + path;
    if (const auto known = loaded_.find(key); known != loaded_.end()) return known->second.get();
    auto& slot = loaded_[key];
    if (!regular_or_missing(path)) {
      issue(at, "the file `" + name + "` that `" + std::string(purpose) +
                    "` names is not a regular file: what it would bring in is not checked");
      return nullptr;
    }
    const FileRead read = read_file(path);
    if (read.error != 0) {
      issue(at, "the file `" + name + "` that `" + std::string(purpose) +
                    "` names cannot be read (" + error_text(read.error) +
                    "): compose refuses this file, and what it would " + "bring in is not checked");
      return nullptr;
    }
    auto document = std::make_unique<Document>();
    try {
      document->root = YAML::Load(read.text);
    } catch (const YAML::Exception& error) {
      issue(at, "the file `" + name + "` that `" + std::string(purpose) +
                    "` names is not valid YAML (line " + std::to_string(error.mark.line + 1) +
                    ", column " + std::to_string(error.mark.column + 1) + ": " + error.msg +
                    "): what it would bring in is not checked");
      return nullptr;
    }
    document->name = name;
    document->directory = directory.empty() ? fs::path(path).parent_path().string() : directory;
    document->environment = std::move(environment);
    slot = std::move(document);
    return slot.get();
  }

  // --- Top-level volumes ---------------------------------------------------------------------

  void read_top_level_volumes(const YAML::Node& volumes) {
    if (!volumes || !volumes.IsMap()) return;
    for (const auto& entry : volumes) {
      if (entry.first.IsScalar()) declared_volumes_.insert(entry.first.Scalar());
    }
  }

  // --- Services ------------------------------------------------------------------------------

  /// The linted file's services. A service runs from its key to the line before the next
  /// service's key or, for the last, before the next top-level key after `services`.
  void read_services(const YAML::Node& services) {
    std::uint32_t end_of_services = file_.lines.line_count();
    bool after_services = false;
    for (const auto& entry : linted_.root) {
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
      read_service(entry.first.Scalar(), Layer{entry.second, &linted_, {}}, services);
      if (project_.services.size() > before && last >= first) {
        project_.service_lines.emplace_back(first, last);
      }
    }
  }

  /// `extends: base`, `extends: {service: base}` or `extends: {file: other.yml, service: base}`:
  /// the service and the chain of services it extends. Values from another file are reported
  /// at the linted service's `extends` key.
  ServiceView view_of(const Layer& own, const YAML::Node& own_services) {
    ServiceView view;
    // yaml-cpp's `=` on a Node writes through to the document: the walk rebinds with reset().
    YAML::Node node;
    node.reset(own.node);
    const Document* document = own.document;
    ByteRange anchor = own.anchor;
    YAML::Node services;
    services.reset(own_services);
    std::vector<std::string> seen;
    for (int depth = 0; depth < 16; ++depth) {
      view.layers.push_back(Layer{node, document, anchor});
      const YAML::Node extends = get(node, "extends");
      if (!extends) break;
      enter(view.layers.back());
      // Issues and values from other files point at the linted service's `extends` key.
      const ByteRange extends_at = document->linted ? key_range(node, "extends") : anchor;
      std::string base;
      YAML::Node file_node(YAML::NodeType::Undefined);
      YAML::Node service_node(YAML::NodeType::Undefined);
      if (extends.IsScalar()) {
        base = extends.Scalar();
        service_node.reset(extends);
      } else if (extends.IsMap()) {
        file_node.reset(get(extends, "file"));
        service_node.reset(get(extends, "service"));
        if (service_node && service_node.IsScalar()) base = service_node.Scalar();
      }
      if (base.empty()) {
        view.extends_unknown = true;
        break;
      }
      const Document* next_document = document;
      // An unreadable file or a missing service in it is reported at the `file:` value.
      ByteRange reference_at = extends_at;
      if (file_node) {
        const auto file_name = word(file_node);
        if (!file_name || !file_name->known() || file_name->text().empty() ||
            document->directory.empty()) {
          view.extends_unknown = true;  // a variable, or nothing beside the file to read
          break;
        }
        if (document->linted) reference_at = source_of(file_node).range;
        next_document =
            load(*document, file_name->text(), reference_at, "extends", "", document->environment);
        if (!next_document) {
          view.extends_unknown = true;
          break;
        }
        if (document->linted) anchor = extends_at;
        services.reset(get(next_document->root, "services"));
      }
      const std::string identity =
          std::to_string(reinterpret_cast<std::uintptr_t>(next_document)) + '\n' + base;
      if (std::find(seen.begin(), seen.end(), identity) != seen.end() ||
          (next_document == own.document && base == own_name_)) {
        issue(extends_at, "`extends` goes round in a circle back to the service `" + base +
                              "`: compose refuses this file");
        view.extends_unknown = true;
        break;
      }
      seen.push_back(identity);
      const YAML::Node next = get(services, base);
      if ((!next || !next.IsMap()) && !file_node) {
        // Without `file`, compose looks the base up in the project it has merged so far: with
        // `-f compose.yaml -f compose.override.yml` it may be in another file.
        view.extends_unknown = true;
        break;
      }
      if (!next || !next.IsMap()) {
        issue(document->linted ? source_of(service_node).range : reference_at,
              (next_document == &linted_ ? std::string("this file")
                                         : "`" + next_document->name + "`") +
                  " has no service `" + base +
                  "` for `extends` to take: compose refuses this file");
        view.extends_unknown = true;
        break;
      }
      node.reset(next);
      document = next_document;
    }
    return view;
  }

  void read_service(const std::string& name, const Layer& own, const YAML::Node& services) {
    own_name_ = name;
    const ServiceView view = view_of(own, services);
    docker::Invocation invocation;
    invocation.origin = docker::Origin::compose;
    invocation.tool = docker::Tool::docker;
    invocation.subcommand = docker::Subcommand::run;
    const Found image = view.get("image");
    const Found build = view.get("build");
    if (auto image_word = word(at(image))) {
      invocation.image = std::move(*image_word);
      if (!own_key(own.node, "image")) {
        // Written under an anchor or a base service, which other services share: the finding
        // belongs to this service, at its name.
        enter(own);
        const ByteRange name_at = key_range(services, name);
        invocation.image->range = name_at;
        for (auto& segment : invocation.image->segments) segment.range = name_at;
      }
    } else if (build) {
      // An image built here and never named: the service's name stands for it.
      const YAML::Node build_node = at(build);
      const YAML::Node anchor = build_node.IsScalar() ? build_node : get(build_node, "context");
      const ByteRange name_at = anchor && anchor.IsScalar()
                                    ? source_of(anchor).range
                                    : ByteRange{mark(build_node), mark(build_node)};
      invocation.image = plain_word(name, name_at);
    } else {
      return;
    }
    invocation.range = invocation.image->range;
    invocation.program = plain_word("docker", {invocation.range.begin, invocation.range.begin});
    if (build) note_build(*invocation.image, at(build), build.layer->document->directory);
    if (view.extends_unknown) invocation.unknown_flags = true;

    for (const auto& volumes : view.all("volumes")) {
      const std::size_t before = invocation.mounts.size();
      read_volumes(at(volumes), invocation);
      mark_elsewhere(volumes, before, invocation);
    }
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
    for (const auto& tmpfs : view.all("tmpfs")) {
      const std::size_t before = invocation.mounts.size();
      read_tmpfs(at(tmpfs), invocation);
      mark_elsewhere(tmpfs, before, invocation);
    }
    // Mappings merge key by key, the extending service's value last (it wins).
    const auto environments = view.all("environment");
    for (auto it = environments.rbegin(); it != environments.rend(); ++it) {
      read_environment(at(*it), invocation);
    }
    if (view.get("env_file")) invocation.env_file_present = true;
    invocation.command = command_words(at(view.get("command")));
    if (const Found entrypoint = view.get("entrypoint")) {
      auto words = command_words(at(entrypoint));
      if (!words.empty()) invocation.entrypoint = words.front();
    }
    invocation.hostname = word(at(view.get("hostname")));
    if (auto network = word(at(view.get("network_mode")))) {
      // Read by the checks as `--network`: `network_mode: host` shares the host's name.
      docker::Option option;
      option.name = "network";
      option.spelling = "network_mode";
      option.range = network->range;
      option.value = std::move(network);
      invocation.options.push_back(std::move(option));
    }
    invocation.name = word(at(view.get("container_name")));
    read_volumes_from(at(view.get("volumes_from")), invocation);
    const auto deploys = view.all("deploy");
    const auto labels = view.all("labels");
    for (auto it = labels.rbegin(); it != labels.rend(); ++it) {
      read_labels(at(*it), "labels", invocation);
    }
    for (auto it = deploys.rbegin(); it != deploys.rend(); ++it) {
      read_labels(get(at(*it), "labels"), "deploy.labels", invocation);
    }
    for (const auto& deploy : deploys) {
      if (auto replicas = word(get(at(deploy), "replicas"))) {
        invocation.replicas = std::move(replicas);
        break;
      }
    }
    if (auto scale = word(at(view.get("scale")))) invocation.replicas = std::move(scale);
    // `mode: global` runs one task on every node of the swarm that its placement allows;
    // `global-job` runs one to completion, which is no server.
    for (const auto& deploy : deploys) {
      if (auto mode = word(get(at(deploy), "mode"))) {
        if (mode->known() && mode->text() == "global" && !placed_on_one_node(deploys)) {
          invocation.every_node = mode->range;
        }
        break;
      }
    }
    project_.services.push_back(std::move(invocation));
    project_.service_names.push_back(name);
  }

  /// Whether a placement constraint names one node (`node.hostname == db1`, `node.id == …`):
  /// a global service so placed runs one task.
  bool placed_on_one_node(const std::vector<Found>& deploys) {
    for (const auto& deploy : deploys) {
      const YAML::Node constraints = get(get(at(deploy), "placement"), "constraints");
      if (!constraints || !constraints.IsSequence()) continue;
      for (const auto& constraint : constraints) {
        if (!constraint.IsScalar()) continue;
        std::string text = constraint.Scalar();
        std::erase(text, ' ');
        if (text.starts_with("node.hostname==") || text.starts_with("node.id==")) return true;
      }
    }
    return false;
  }

  /// Marks the mounts from `before` on as written in another file, when `found` is from one.
  static void mark_elsewhere(const Found& found, std::size_t before,
                             docker::Invocation& invocation) {
    if (!found.layer || found.layer->document->linted) return;
    std::vector<std::string> written;
    const YAML::Node& list = found.node;
    if (list.IsScalar()) written.push_back(list.Scalar());
    if (list.IsSequence()) {
      for (const auto& entry : list) written.push_back(entry.IsScalar() ? entry.Scalar() : "");
    }
    for (std::size_t i = before; i < invocation.mounts.size(); ++i) {
      auto& mount = invocation.mounts[i];
      mount.written_in = found.layer->document->name;
      // Entries that gave no mount (empty ones) are rare; match by target when counts differ.
      if (written.size() == invocation.mounts.size() - before) mount.written = written[i - before];
    }
  }

  // --- Included files ------------------------------------------------------------------------

  /// `include: [path, {path, project_directory, env_file}]`: each file is a compose project of
  /// its own, its relative paths resolved in its project directory and its variables from its
  /// `.env` (or env_file), under the including project's. Its services are checked here, at the
  /// `include` entry, unless a directory walk from this file's folder lints that file itself
  /// (a compose file name below this folder): then they are that file's findings.
  void read_includes(const Document& document, std::optional<ByteRange> anchor,
                     std::vector<std::string>& chain) {
    current_ = &document;
    anchor_ = anchor.value_or(ByteRange{});
    const YAML::Node include = get(document.root, "include");
    if (!include || !include.IsSequence() || document.directory.empty()) return;
    for (const auto& entry : include) {
      current_ = &document;
      anchor_ = anchor.value_or(ByteRange{});
      std::vector<YAML::Node> paths;
      std::string project_directory;
      std::vector<std::string> env_files;
      YAML::Node position;
      if (entry.IsScalar()) {
        paths.push_back(entry);
        position.reset(entry);
      } else if (entry.IsMap()) {
        const YAML::Node path = get(entry, "path");
        if (path.IsScalar()) paths.push_back(path);
        if (path.IsSequence()) {
          for (const auto& each : path) paths.push_back(each);
        }
        position.reset(path.IsScalar() ? path : entry);
        if (auto directory = word(get(entry, "project_directory"));
            directory && directory->known()) {
          project_directory = directory->text();
        }
        const YAML::Node env_file = get(entry, "env_file");
        if (env_file.IsScalar()) env_files.push_back(env_file.Scalar());
        if (env_file.IsSequence()) {
          for (const auto& each : env_file) {
            if (each.IsScalar()) env_files.push_back(each.Scalar());
          }
        }
      }
      const ByteRange at = anchor ? *anchor : ByteRange{mark(position), mark(position)};
      const ByteRange entry_at =
          anchor ? *anchor : (position.IsScalar() ? source_of(position).range : at);
      for (const auto& path_node : paths) {
        const auto name = word(path_node);
        if (!name || !name->known() || name->text().empty()) continue;
        include_file(document, name->text(), project_directory, env_files, entry_at, chain);
        current_ = &document;
        anchor_ = anchor.value_or(ByteRange{});
      }
    }
  }

  void include_file(const Document& from, const std::string& name,
                    const std::string& project_directory, const std::vector<std::string>& env_files,
                    ByteRange at, std::vector<std::string>& chain) {
    const std::string path = canonical(from, name);
    if (std::find(chain.begin(), chain.end(), path) != chain.end()) {
      issue(at,
            "`include` goes round in a circle back to `" + name + "`: compose refuses this file");
      return;
    }
    if (chain.size() > 16) return;
    const std::string directory =
        project_directory.empty()
            ? fs::path(path).parent_path().string()
            : (fs::path(from.directory) / project_directory).lexically_normal().string();
    // The including project's variables win over the included file's own.
    Environment environment = from.environment;
    std::vector<std::string> files;
    for (const auto& env_file : env_files)
      files.push_back((fs::path(from.directory) / env_file).string());
    if (files.empty()) files.push_back((fs::path(directory) / ".env").string());
    for (const auto& file : files) {
      if (!regular_or_missing(file)) continue;
      const FileRead read = read_file(file);
      if (read.error != 0) continue;
      for (auto& [key, value] : parse_env_file(read.text)) environment.emplace(key, value);
    }
    const Document* document = load(from, name, at, "include", directory, std::move(environment));
    if (!document || !document->root.IsMap()) return;
    chain.push_back(path);
    if (!linted_on_its_own(path)) {
      const YAML::Node services = get(document->root, "services");
      if (services && services.IsMap()) {
        const auto line = file_.lines.position(at.begin).line;
        for (const auto& entry : services) {
          if (!entry.first.IsScalar() || !entry.second.IsMap()) continue;
          const std::string& service = entry.first.Scalar();
          // A name the project already has is a conflict compose reports; it merges nothing.
          if (std::find(project_.service_names.begin(), project_.service_names.end(), service) !=
              project_.service_names.end()) {
            continue;
          }
          const std::size_t before = project_.services.size();
          read_service(service, Layer{entry.second, document, at}, services);
          if (project_.services.size() > before) project_.service_lines.emplace_back(line, line);
        }
      }
    }
    read_includes(*document, at, chain);
    chain.pop_back();
  }

  /// Whether a directory walk from the linted file's folder finds `path` as a compose file.
  bool linted_on_its_own(const std::string& path) const {
    if (kind_from_name(fs::path(path).filename().string()) != FileKind::compose) return false;
    std::error_code ec;
    const fs::path root =
        fs::weakly_canonical(fs::path(linted_.directory.empty() ? "." : linted_.directory), ec);
    if (ec) return false;
    const fs::path relative = fs::path(path).lexically_relative(root);
    return !relative.empty() && *relative.begin() != "..";
  }

  /// Whether `map` itself (not a merge source) has `key`.
  static bool own_key(const YAML::Node& map, std::string_view key) {
    for (const auto& entry : map) {
      if (entry.first.IsScalar() && entry.first.Scalar() == key) return true;
    }
    return false;
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
      auto pieces = interpolate(each.text(), current_->environment);
      each = make_word(pieces, range.begin, false, range);
    }
    return words;
  }

  // --- Builds --------------------------------------------------------------------------------

  /// `build: ./db` or `build: {context, dockerfile}`: the Dockerfile beside the file, when it
  /// can be read, says what the image is built FROM.
  void note_build(const Word& image, const YAML::Node& build, const std::string& directory) {
    if (directory.empty() || !image.known()) return;
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
    const fs::path path = fs::path(directory) / context / dockerfile;
    const FileRead read = read_file(path.string());
    if (read.error != 0) return;
    const auto stage = stateful::read_last_stage(read.text);
    if (!stage || stage->changes_storage_or_command) return;
    const catalog::ImageRef ref = catalog::parse_image_ref(image.text());
    if (!ref.name_known || !ref.valid) return;
    project_.built.push_back({ref.key(), stage->base, stage->variables});
  }

  const SourceFile& file_;
  std::vector<FrontEndIssue>& issues_;
  Document linted_;
  // The files extends and include name, by purpose and path; null when they could not be read.
  std::map<std::string, std::unique_ptr<Document>> loaded_;
  const Document* current_ = &linted_;  // whose nodes are being read
  ByteRange anchor_;                    // where they are reported when not the linted file's
  std::string own_name_;                // the service being read
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
  return Reader(file, merged, directory, issues).read(root);
}

}  // namespace dockvet::compose
