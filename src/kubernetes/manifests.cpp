#include "kubernetes/manifests.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <utility>

#include "docker/paths.h"
#include "yaml/nodes.h"

namespace dockvet::kubernetes {
namespace {

namespace fs = std::filesystem;

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

/// Pod volume types whose data outlives the Pod: claims and network or cloud disks.
constexpr std::array<std::string_view, 20> kPersistentVolumeTypes = {"persistentVolumeClaim",
                                                                     "nfs",
                                                                     "iscsi",
                                                                     "cephfs",
                                                                     "rbd",
                                                                     "glusterfs",
                                                                     "awsElasticBlockStore",
                                                                     "gcePersistentDisk",
                                                                     "azureDisk",
                                                                     "azureFile",
                                                                     "cinder",
                                                                     "fc",
                                                                     "flocker",
                                                                     "portworxVolume",
                                                                     "quobyte",
                                                                     "scaleIO",
                                                                     "storageos",
                                                                     "vsphereVolume",
                                                                     "photonPersistentDisk",
                                                                     "flexVolume"};

/// Pod volume types that hold configuration or metadata, never a server's data.
constexpr std::array<std::string_view, 4> kConfigVolumeTypes = {"configMap", "secret",
                                                                "downwardAPI", "projected"};

template <std::size_t N>
bool listed(const std::array<std::string_view, N>& list, std::string_view name) {
  return std::find(list.begin(), list.end(), name) != list.end();
}

/// What one of the Pod's volumes is, by name.
struct PodVolume {
  docker::MountKind kind = docker::MountKind::unknown;
  YAML::Node host_path;      // the hostPath `path` scalar, for a bind
  bool per_replica = false;  // a StatefulSet's volumeClaimTemplate: one claim per replica
};

/// Whether `path` sits in the `templates/` folder of a Helm chart (a Chart.yaml beside it).
bool in_chart_templates(const std::string& path) {
  if (path.empty() || path == "-") return false;
  std::error_code ec;
  for (fs::path dir = fs::path(path).parent_path(); !dir.empty(); dir = dir.parent_path()) {
    if (dir.filename() == "templates" && fs::exists(dir.parent_path() / "Chart.yaml", ec)) {
      return true;
    }
    if (dir == dir.parent_path()) break;
  }
  return false;
}

class Reader {
 public:
  explicit Reader(const SourceFile& file) : file_(file) {}

  /// Reads one document, parsed from the file's text starting at byte `offset`, line `line`.
  void read_document(const YAML::Node& root, std::size_t offset, std::uint32_t line) {
    offset_ = offset;
    line_ = line;
    read_object(root, 0);
  }

  /// The manifests read, with each HorizontalPodAutoscaler's maxReplicas applied to the
  /// workload it scales: the most Pods it may run is what the scaled-service checks judge.
  Manifests take() {
    for (const auto& autoscaler : autoscalers_) {
      for (auto& container : manifests_.containers) {
        auto& workload = container.workload;
        if (!workload || workload->kind != autoscaler.kind || workload->name != autoscaler.name ||
            workload->name_space != autoscaler.name_space) {
          continue;
        }
        const auto current = container.replica_count();
        const long most = std::strtol(autoscaler.max_replicas.text().c_str(), nullptr, 10);
        if (current && *current >= most) continue;
        container.replicas = autoscaler.max_replicas;
        workload->autoscaled = true;
      }
    }
    for (std::size_t i = 0; i < manifests_.containers.size(); ++i) {
      route(pod_metadata_[i], manifests_.containers[i]);
    }
    return std::move(manifests_);
  }

  // --- YAML helpers ------------------------------------------------------------------------

  /// The value under `key`, following merge keys, which kubectl's YAML reader applies.
  static YAML::Node get(const YAML::Node& map, std::string_view key) { return yaml::get(map, key); }

 private:
  static YAML::Node path(const YAML::Node& root, std::initializer_list<std::string_view> keys) {
    YAML::Node current = root;
    for (auto key : keys) current.reset(get(current, key));  // rebinds, never writes
    return current;
  }

  static std::string scalar(const YAML::Node& node) {
    return node && node.IsScalar() ? node.Scalar() : std::string();
  }

  std::size_t mark(const YAML::Node& node) const {
    return offset_ + static_cast<std::size_t>(std::max(0, node.Mark().pos));
  }

  std::uint32_t line_of(const YAML::Node& node) const {
    return line_ + static_cast<std::uint32_t>(std::max(0, node.Mark().line)) + 1;
  }

  /// The last line any node under `node` starts on. Aliases can make a small file a huge
  /// tree (`&a [x, x]`, `&b [*a, *a]`, …): `budget` bounds the nodes visited.
  std::uint32_t last_line(const YAML::Node& node, std::size_t& budget, int depth = 0) const {
    std::uint32_t last = line_of(node);
    if (depth > 64 || budget == 0) return last;
    --budget;
    if (node.IsMap()) {
      for (const auto& entry : node) {
        last = std::max({last, line_of(entry.first), last_line(entry.second, budget, depth + 1)});
      }
    } else if (node.IsSequence()) {
      for (const auto& entry : node) last = std::max(last, last_line(entry, budget, depth + 1));
    }
    return last;
  }

  /// The scalar as a Word. A Helm expression (`{{ … }}`) is never a value, and in command,
  /// args and env values Kubernetes expands `$(VAR)`: such words are unknown.
  std::optional<Word> word(const YAML::Node& node, bool expands = false) const {
    if (!node || !node.IsScalar()) return std::nullopt;
    const std::string& value = node.Scalar();
    const auto source = yaml::scalar_source(file_.text, mark(node), value);
    const ByteRange range = source.range;
    WordSegment segment;
    segment.text = value;
    segment.literal = value.find("{{") == std::string::npos &&
                      !(expands && value.find("$(") != std::string::npos);
    segment.range = source.exact ? ByteRange{source.content, source.content + value.size()} : range;
    Word out;
    out.range = range;
    out.segments.push_back(std::move(segment));
    return out;
  }

  std::vector<Word> words(const YAML::Node& list) const {
    std::vector<Word> out;
    if (!list) return out;
    if (list.IsSequence()) {
      for (const auto& entry : list) {
        if (auto value = word(entry, true)) out.push_back(std::move(*value));
      }
    } else if (auto value = word(list, true)) {
      // Not the array Kubernetes asks for: keep it as one word we do not try to split.
      value->segments.front().literal = false;
      out.push_back(std::move(*value));
    }
    return out;
  }

  // --- Objects -------------------------------------------------------------------------------

  void read_object(const YAML::Node& object, int depth) {
    if (!object || !object.IsMap() || depth > 4) return;
    const std::string kind = scalar(get(object, "kind"));
    if (kind.empty() || !get(object, "apiVersion")) return;
    const YAML::Node spec = get(object, "spec");
    // apps/v1 requires a selector on these kinds, so one without it is a fragment, most often a
    // kustomize patch that only changes an image or an env var: what it mounts is in the base.
    const bool needs_selector = kind == "Deployment" || kind == "StatefulSet" ||
                                kind == "DaemonSet" || kind == "ReplicaSet";
    if (needs_selector && starts_with(scalar(get(object, "apiVersion")), "apps/") &&
        !get(spec, "selector")) {
      return;
    }
    if (kind == "HorizontalPodAutoscaler") {
      read_autoscaler(object);
      return;
    }
    if (kind == "Service") {
      read_service(object);
      return;
    }
    if (kind == "Ingress" || kind == "IngressRoute" || kind == "TraefikService") {
      read_ingress(object, kind);
      return;
    }
    if (kind != "List" && !kind.ends_with("List")) {
      docker::Workload workload;
      workload.kind = kind;
      workload.name = scalar(path(object, {"metadata", "name"}));
      workload.name_space = scalar(path(object, {"metadata", "namespace"}));
      if (auto kind_word = word(get(object, "kind"))) workload.kind_range = kind_word->range;
      workload.strategy = scalar(path(spec, {"strategy", "type"}));
      workload_ = std::move(workload);
    }
    if (kind == "List" || kind.ends_with("List")) {
      const YAML::Node items = get(object, "items");
      if (items && items.IsSequence()) {
        for (const auto& item : items) read_object(item, depth + 1);
      }
    } else if (kind == "Pod") {
      pod_labels_.reset(path(object, {"metadata", "labels"}));
      read_pod(spec, {}, {});
    } else if (kind == "Deployment" || kind == "ReplicaSet" || kind == "ReplicationController" ||
               kind == "DeploymentConfig") {  // OpenShift's, with the same template
      pod_labels_.reset(path(spec, {"template", "metadata", "labels"}));
      read_pod(path(spec, {"template", "spec"}), get(spec, "replicas"), {});
    } else if (kind == "StatefulSet") {
      std::vector<std::string> claims;
      const YAML::Node templates = get(spec, "volumeClaimTemplates");
      if (templates && templates.IsSequence()) {
        for (const auto& claim : templates) {
          const std::string name = scalar(path(claim, {"metadata", "name"}));
          if (!name.empty()) claims.push_back(name);
        }
      }
      pod_labels_.reset(path(spec, {"template", "metadata", "labels"}));
      read_pod(path(spec, {"template", "spec"}), get(spec, "replicas"), claims);
    } else if (kind == "DaemonSet" || kind == "Job") {
      pod_labels_.reset(path(spec, {"template", "metadata", "labels"}));
      read_pod(path(spec, {"template", "spec"}), {}, {});
    } else if (kind == "CronJob") {
      pod_labels_.reset(path(spec, {"jobTemplate", "spec", "template", "metadata", "labels"}));
      read_pod(path(spec, {"jobTemplate", "spec", "template", "spec"}), {}, {});
    }
  }

  // --- Pods ----------------------------------------------------------------------------------

  static PodVolume classify(const YAML::Node& volume) {
    PodVolume out;
    std::optional<docker::MountKind> kind;
    for (const auto& entry : volume) {
      if (!entry.first.IsScalar()) continue;
      const std::string type = entry.first.Scalar();
      if (type == "name") continue;
      std::optional<docker::MountKind> this_kind;
      if (type == "emptyDir") {
        this_kind = scalar(get(entry.second, "medium")) == "Memory"
                        ? docker::MountKind::tmpfs
                        : docker::MountKind::anonymous_volume;
      } else if (type == "hostPath") {
        this_kind = docker::MountKind::bind;
        out.host_path.reset(get(entry.second, "path"));
      } else if (listed(kPersistentVolumeTypes, type)) {
        this_kind = docker::MountKind::named_volume;
      } else if (listed(kConfigVolumeTypes, type)) {
        this_kind = docker::MountKind::other;
      } else {
        // ephemeral, csi, gitRepo, image, a misspelt type: what backs it is not known here.
        this_kind = docker::MountKind::unknown;
      }
      // A volume with two types is invalid: Kubernetes refuses it, so claim nothing.
      kind = kind ? docker::MountKind::unknown : this_kind;
    }
    out.kind = kind.value_or(docker::MountKind::unknown);
    return out;
  }

  void read_pod(const YAML::Node& pod, const YAML::Node& replicas,
                const std::vector<std::string>& claims) {
    if (!pod || !pod.IsMap()) return;
    std::map<std::string, PodVolume, std::less<>> volumes;
    const YAML::Node declared = get(pod, "volumes");
    if (declared && declared.IsSequence()) {
      for (const auto& volume : declared) {
        if (!volume.IsMap()) continue;
        const std::string name = scalar(get(volume, "name"));
        if (name.empty()) continue;
        // A name declared twice is invalid: neither declaration can be trusted.
        const auto [at, fresh] = volumes.emplace(name, classify(volume));
        if (!fresh) {
          // Not `= PodVolume{}`: assigning a yaml-cpp Node writes through to the document.
          at->second.kind = docker::MountKind::unknown;
          at->second.host_path.reset();
        }
      }
    }
    for (const auto& claim : claims) {
      if (!volumes.contains(claim))
        volumes.emplace(claim, PodVolume{docker::MountKind::named_volume, {}, true});
    }
    // Init containers run to completion before the others start: they keep no data running.
    const YAML::Node containers = get(pod, "containers");
    if (!containers || !containers.IsSequence()) return;
    for (const auto& container : containers) {
      if (container.IsMap()) read_container(container, pod, volumes, replicas);
    }
  }

  void read_container(const YAML::Node& container, const YAML::Node& pod,
                      const std::map<std::string, PodVolume, std::less<>>& volumes,
                      const YAML::Node& replicas) {
    auto image = word(get(container, "image"));
    if (!image || image->text().empty()) return;
    docker::Invocation invocation;
    invocation.origin = docker::Origin::kubernetes;
    invocation.tool = docker::Tool::docker;
    invocation.subcommand = docker::Subcommand::run;
    invocation.image = std::move(image);
    invocation.range = invocation.image->range;
    Word program;
    program.range = {invocation.range.begin, invocation.range.begin};
    program.segments.push_back({"docker", true, program.range});
    invocation.program = std::move(program);

    // `command` replaces the image's ENTRYPOINT and `args` its CMD. A container that sets its
    // own command is read as an entrypoint override, as compose's `entrypoint:` is, which the
    // analysis takes for "not the image's server": such containers (pg_dump jobs, shells,
    // wrapper scripts) are left alone rather than guessed at.
    std::vector<Word> command = words(get(container, "command"));
    std::vector<Word> args = words(get(container, "args"));
    if (!command.empty()) {
      invocation.entrypoint = command.front();
      invocation.command.assign(std::make_move_iterator(command.begin() + 1),
                                std::make_move_iterator(command.end()));
    }
    for (auto& arg : args) invocation.command.push_back(std::move(arg));

    read_env(get(container, "env"), invocation);
    if (get(container, "envFrom")) invocation.env_file_present = true;
    read_mounts(get(container, "volumeMounts"), volumes, invocation);
    if (auto count = word(replicas)) invocation.replicas = std::move(count);
    if (workload_ && workload_->kind == "DaemonSet" && !on_one_node(pod)) {
      invocation.every_node = workload_->kind_range;
    }
    invocation.hostname = word(get(pod, "hostname"));
    if (workload_) {
      invocation.workload = workload_;
      invocation.workload->node_pinned = pinned_to_nodes(pod);
      invocation.workload->host_network = scalar(get(pod, "hostNetwork")) == "true";
    }

    PodMetadata metadata;
    metadata.labels = string_map(pod_labels_);
    if (workload_) metadata.name_space = workload_->name_space;
    pod_metadata_.push_back(std::move(metadata));
    manifests_.containers.push_back(std::move(invocation));
    manifests_.container_names.push_back(scalar(get(container, "name")));
    std::size_t budget = 100000;
    manifests_.container_lines.emplace_back(line_of(container), last_line(container, budget));
  }

  void read_env(const YAML::Node& env, docker::Invocation& invocation) const {
    if (!env || !env.IsSequence()) return;
    for (const auto& entry : env) {
      if (!entry.IsMap()) continue;
      const YAML::Node name = get(entry, "name");
      if (!name || !name.IsScalar()) continue;
      docker::EnvVar var;
      var.name = name.Scalar();
      var.name_known = var.name.find("{{") == std::string::npos;
      var.range = yaml::scalar_source(file_.text, mark(name), name.Scalar()).range;
      if (const YAML::Node value = get(entry, "value"); value && value.IsScalar()) {
        var.value = word(value, true);
        var.range.end = std::max(var.range.end, var.value->range.end);
      } else if (get(entry, "valueFrom")) {
        var.from_host = true;  // a ConfigMap, Secret or field: the value is not in this file
      } else {
        Word empty;
        empty.range = {var.range.end, var.range.end};
        empty.segments.push_back({"", true, empty.range});
        var.value = std::move(empty);
      }
      invocation.env.push_back(std::move(var));
    }
  }

  void read_mounts(const YAML::Node& mounts,
                   const std::map<std::string, PodVolume, std::less<>>& volumes,
                   docker::Invocation& invocation) const {
    if (!mounts || !mounts.IsSequence()) return;
    for (const auto& entry : mounts) {
      if (!entry.IsMap()) continue;
      auto target = word(get(entry, "mountPath"));
      if (!target) continue;
      const auto name = word(get(entry, "name"));
      docker::Mount mount;
      mount.syntax = docker::MountSyntax::mount_flag;
      // The whole entry, from its first key (not the `{` of a flow map) to the end of its name
      // or mountPath.
      std::size_t first_key = target->range.begin;
      for (const auto& field : entry) first_key = std::min(first_key, mark(field.first));
      mount.value_range = {first_key, std::max(target->range.end, name ? name->range.end : 0)};
      const PodVolume* volume = nullptr;
      if (name && name->known()) {
        if (const auto found = volumes.find(name->text()); found != volumes.end()) {
          volume = &found->second;
        }
      }
      mount.kind = volume ? volume->kind : docker::MountKind::unknown;
      mount.per_replica = volume && volume->per_replica;
      if (mount.kind == docker::MountKind::named_volume) {
        mount.source = name;
        mount.source_known = true;
      } else if (mount.kind == docker::MountKind::bind) {
        mount.source = word(volume->host_path);
        mount.source_known = mount.source && mount.source->known() && !mount.source->text().empty();
      }
      // subPath mounts a subdirectory of the volume, but the data still lands at mountPath.
      mount.target_known = target->known() && !target->text().empty();
      mount.target_path = docker::normalize_container_path(target->text());
      mount.windows_target = target->text().size() > 1 && target->text()[1] == ':';
      mount.target = std::move(target);
      mount.readonly = scalar(get(entry, "readOnly")) == "true";
      invocation.mounts.push_back(std::move(mount));
    }
  }

  // A HorizontalPodAutoscaler: the workload it scales and the most replicas it may start.
  struct Autoscaler {
    std::string kind;
    std::string name;
    std::string name_space;
    Word max_replicas;
  };

  void read_autoscaler(const YAML::Node& object) {
    const YAML::Node spec = get(object, "spec");
    const YAML::Node target = get(spec, "scaleTargetRef");
    auto most = word(get(spec, "maxReplicas"));
    if (!most || !most->known() || most->text().empty() ||
        most->text().find_first_not_of("0123456789") != std::string::npos) {
      return;
    }
    autoscalers_.push_back({scalar(get(target, "kind")), scalar(get(target, "name")),
                            scalar(path(object, {"metadata", "namespace"})), std::move(*most)});
  }

  // --- Routing: Services and Ingresses in the same file ---------------------------------------

  using StringMap = std::map<std::string, std::string, std::less<>>;

  /// A map of scalars (labels, a selector, annotations); other entries are left out.
  static StringMap string_map(const YAML::Node& map) {
    StringMap out;
    if (!map || !map.IsMap()) return out;
    for (const auto& entry : map) {
      if (entry.first.IsScalar() && entry.second.IsScalar()) {
        out.emplace(entry.first.Scalar(), entry.second.Scalar());
      }
    }
    return out;
  }

  struct PodMetadata {
    StringMap labels;
    std::string name_space;
  };

  struct Service {
    std::string name;
    std::string name_space;
    StringMap selector;
    std::vector<docker::RoutingSetting> settings;  // sessionAffinity and the annotations
  };

  struct Ingress {
    std::string name_space;
    std::vector<std::string> backends;  // the Services it routes to
    std::vector<docker::RoutingSetting> settings;
  };

  static std::vector<docker::RoutingSetting> annotations(const YAML::Node& object,
                                                         const std::string& where) {
    std::vector<docker::RoutingSetting> out;
    for (auto& [key, value] : string_map(path(object, {"metadata", "annotations"}))) {
      out.push_back({key, value, where});
    }
    return out;
  }

  void read_service(const YAML::Node& object) {
    Service service;
    service.name = scalar(path(object, {"metadata", "name"}));
    service.name_space = scalar(path(object, {"metadata", "namespace"}));
    const YAML::Node spec = get(object, "spec");
    service.selector = string_map(get(spec, "selector"));
    const std::string where = "Service " + service.name;
    if (const std::string affinity = scalar(get(spec, "sessionAffinity")); !affinity.empty()) {
      service.settings.push_back({"sessionAffinity", affinity, where});
    }
    for (auto& setting : annotations(object, where)) service.settings.push_back(setting);
    services_.push_back(std::move(service));
  }

  /// An Ingress (`backend.service.name`, the older `serviceName`), or Traefik's IngressRoute and
  /// TraefikService (`services: [{name, sticky}]`): the Services it routes to, found anywhere in
  /// its spec, and whether a Traefik `sticky` stands beside one.
  void read_ingress(const YAML::Node& object, const std::string& kind) {
    Ingress ingress;
    ingress.name_space = scalar(path(object, {"metadata", "namespace"}));
    const std::string where = kind + " " + scalar(path(object, {"metadata", "name"}));
    ingress.settings = annotations(object, where);
    std::size_t budget = 10000;
    collect_backends(get(object, "spec"), ingress, where, budget, 0);
    ingresses_.push_back(std::move(ingress));
  }

  static void collect_backends(const YAML::Node& node, Ingress& ingress, const std::string& where,
                               std::size_t& budget, int depth) {
    if (!node || depth > 16 || budget == 0) return;
    --budget;
    if (node.IsSequence()) {
      for (const auto& entry : node) collect_backends(entry, ingress, where, budget, depth + 1);
      return;
    }
    if (!node.IsMap()) return;
    if (const std::string name = scalar(get(node, "serviceName")); !name.empty()) {
      ingress.backends.push_back(name);
    }
    if (const YAML::Node service = get(node, "service"); service && service.IsMap()) {
      if (const std::string name = scalar(get(service, "name")); !name.empty()) {
        ingress.backends.push_back(name);
      }
    }
    if (const YAML::Node services = get(node, "services"); services && services.IsSequence()) {
      for (const auto& service : services) {
        if (!service.IsMap()) continue;
        if (const std::string name = scalar(get(service, "name")); !name.empty()) {
          ingress.backends.push_back(name);
        }
      }
    }
    // On a service of an IngressRoute's route, or a TraefikService's `weighted`.
    if (get(node, "sticky")) ingress.settings.push_back({"sticky", "cookie", where});
    for (const auto& entry : node)
      collect_backends(entry.second, ingress, where, budget, depth + 1);
  }

  // An object without a namespace is applied into whichever `kubectl -n` names: it may be the
  // other's.
  static bool same_namespace(const std::string& a, const std::string& b) {
    return a.empty() || b.empty() || a == b;
  }

  static bool selects(const StringMap& selector, const StringMap& labels) {
    if (selector.empty()) return false;  // a Service without a selector routes to no Pod
    return std::all_of(selector.begin(), selector.end(), [&](const auto& pair) {
      const auto found = labels.find(pair.first);
      return found != labels.end() && found->second == pair.second;
    });
  }

  /// Gives the container the settings of the Services that select its Pods and of the Ingresses
  /// that route to them, or to a Service this file does not define (it may be one of these).
  void route(const PodMetadata& pod, docker::Invocation& container) const {
    std::vector<std::string> selecting;
    for (const auto& service : services_) {
      if (!same_namespace(service.name_space, pod.name_space) ||
          !selects(service.selector, pod.labels)) {
        continue;
      }
      selecting.push_back(service.name);
      for (const auto& setting : service.settings) container.routing.push_back(setting);
    }
    for (const auto& ingress : ingresses_) {
      if (!same_namespace(ingress.name_space, pod.name_space)) continue;
      const bool ours = std::any_of(
          ingress.backends.begin(), ingress.backends.end(), [&](const std::string& backend) {
            const bool defined =
                std::any_of(services_.begin(), services_.end(),
                            [&](const Service& service) { return service.name == backend; });
            return !defined ||
                   std::find(selecting.begin(), selecting.end(), backend) != selecting.end();
          });
      if (!ours) continue;
      for (const auto& setting : ingress.settings) container.routing.push_back(setting);
    }
  }

  // nodeName, a nodeSelector, or a node affinity the scheduler must honour keep a Pod on the
  // nodes named, so a hostPath there finds the same files after the Pod is replaced.
  static bool pinned_to_nodes(const YAML::Node& pod) {
    if (!scalar(get(pod, "nodeName")).empty()) return true;
    const YAML::Node selector = get(pod, "nodeSelector");
    if (selector && selector.IsMap() && selector.size() > 0) return true;
    return static_cast<bool>(
        path(pod, {"affinity", "nodeAffinity", "requiredDuringSchedulingIgnoredDuringExecution"}));
  }

  /// Whether the Pods can only run on one named node: a DaemonSet so pinned runs one Pod.
  static bool on_one_node(const YAML::Node& pod) {
    if (!scalar(get(pod, "nodeName")).empty()) return true;
    return !scalar(path(pod, {"nodeSelector", "kubernetes.io/hostname"})).empty();
  }

  const SourceFile& file_;
  std::size_t offset_ = 0;  // where the current document's text starts in the file
  std::uint32_t line_ = 0;  // and the lines before it
  Manifests manifests_;
  std::optional<docker::Workload> workload_;  // of the object being read
  std::vector<Autoscaler> autoscalers_;
  YAML::Node pod_labels_;                  // of the Pod template being read
  std::vector<PodMetadata> pod_metadata_;  // parallel to manifests_.containers
  std::vector<Service> services_;
  std::vector<Ingress> ingresses_;
};

/// One YAML document's text in the file.
struct Chunk {
  std::size_t offset = 0;
  std::size_t size = 0;
  std::uint32_t lines_before = 0;
};

/// Splits the file at document markers: a `---` at the start of a line, followed by a space,
/// a tab or the end of the line. YAML forbids that line inside any scalar, so the split is
/// exact. A marker after nothing but comments, directives and blank lines does not start a new
/// chunk: `%YAML 1.2` or a licence header belongs to the document below it.
std::vector<Chunk> split_documents(const SourceFile& file) {
  const std::string_view text = file.text;
  std::vector<Chunk> chunks{{0, 0, 0}};
  bool content = false;  // the current chunk holds more than comments and directives
  std::uint32_t line = 0;
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t end = text.find('\n', at);
    end = end == std::string_view::npos ? text.size() : end + 1;
    const std::string_view row = text.substr(at, end - at);
    const bool marker =
        starts_with(row, "---") &&
        (row.size() == 3 || std::string_view(" \t\r\n").find(row[3]) != std::string_view::npos);
    if (marker && content) {
      chunks.back().size = at - chunks.back().offset;
      chunks.push_back({at, 0, line});
      content = false;
    }
    // What follows a marker on its line (`--- {kind: Pod}`) is the document's content too.
    const std::size_t first = row.find_first_not_of(" \t\r\n", marker ? 3 : 0);
    if (first != std::string_view::npos && row[first] != '#' && (marker || row[first] != '%')) {
      content = true;
    }
    at = end;
    ++line;
  }
  chunks.back().size = text.size() - chunks.back().offset;
  return chunks;
}

FrontEndIssue helm_note(const SourceFile& file, std::size_t braces) {
  return {helm_template_code,
          {braces, std::min(braces + 2, file.text.size())},
          "this is a Helm template (`{{ … }}`), which is not YAML until Helm renders it, so the "
          "file was not linted; lint the rendered manifests instead: `helm template CHART | "
          "dockvet --kind kubernetes -`"};
}

/// Whether a kustomization beside `path` lists it as a patch: a patch holds only the fields it
/// changes, so a container without volumeMounts there says nothing about the real one.
bool kustomize_patch(const std::string& path) {
  if (path.empty() || path == "-") return false;
  const fs::path file(path);
  for (const char* name : {"kustomization.yaml", "kustomization.yml", "Kustomization"}) {
    const FileRead read = read_file((file.parent_path() / name).string());
    if (read.error != 0) continue;
    try {
      const YAML::Node root = YAML::Load(read.text);
      const std::string own = file.filename().string();
      // An entry is a path, or a map with `path` (a `patch:` written inline names no file).
      auto names_this_file = [&](const YAML::Node& entry) {
        const YAML::Node target = entry.IsMap() ? Reader::get(entry, "path") : entry;
        return target && target.IsScalar() &&
               fs::path(target.Scalar()).lexically_normal() == fs::path(own);
      };
      for (const char* key : {"patchesStrategicMerge", "patches", "patchesJson6902"}) {
        const YAML::Node list = Reader::get(root, key);
        if (!list || !list.IsSequence()) continue;
        for (const auto& entry : list) {
          if (names_this_file(entry)) return true;
        }
      }
    } catch (const YAML::Exception&) {
      // A kustomization kustomize itself would refuse says nothing about this file.
    }
    return false;
  }
  return false;
}

}  // namespace

bool looks_like_manifest(std::string_view head) {
  head = head.substr(0, 4096);
  if (starts_with(head, "\xEF\xBB\xBF")) head.remove_prefix(3);
  bool api_version = false;
  bool kind = false;
  bool first = true;
  std::size_t pos = 0;
  while (pos < head.size() && !(api_version && kind)) {
    std::size_t end = head.find('\n', pos);
    if (end == std::string_view::npos) end = head.size();
    const std::string_view line = head.substr(pos, end - pos);
    pos = end + 1;
    // Only top-level keys count; comments, document markers and Helm actions say nothing.
    if (line.empty() || line.front() == ' ' || line.front() == '\t' || line.front() == '\r' ||
        line.front() == '#' || starts_with(line, "---") || starts_with(line, "{{") ||
        starts_with(line, "%")) {
      continue;
    }
    const std::size_t colon = line.find(':');
    const std::string_view key = line.substr(0, colon);
    const bool is_key = colon != std::string_view::npos && !key.empty() &&
                        std::all_of(key.begin(), key.end(), [](char c) {
                          return std::isalnum(static_cast<unsigned char>(c)) || c == '_' ||
                                 c == '-' || c == '.' || c == '"' || c == '\'';
                        });
    // A document that starts with something else (a list, prose, a shell line) is not one.
    if (first && !is_key) return false;
    first = false;
    if (!is_key) continue;
    if (key == "apiVersion" || key == "\"apiVersion\"") api_version = true;
    if (key == "kind" || key == "\"kind\"") kind = true;
  }
  return api_version && kind;
}

Manifests read_manifests(const SourceFile& file, std::vector<FrontEndIssue>& issues) {
  const std::size_t braces = file.text.find("{{");
  const bool has_braces = braces != std::string::npos;
  if (has_braces && in_chart_templates(file.path)) {
    issues.push_back(helm_note(file, braces));
    return {};
  }
  // Each document is parsed on its own: yaml-cpp 0.7's LoadAll never ends on some inputs (a
  // line that starts with `,` makes it add empty documents until memory runs out).
  std::vector<YAML::Node> documents;
  const std::vector<Chunk> chunks = split_documents(file);
  for (const auto& chunk : chunks) {
    try {
      documents.push_back(YAML::Load(std::string(file.text.substr(chunk.offset, chunk.size))));
    } catch (const YAML::Exception& error) {
      // Go template actions (`{{- if … }}`) break YAML: say why rather than where it broke.
      issues.push_back(has_braces ? helm_note(file, braces)
                                  : yaml::yaml_error(file, error, chunk.lines_before));
      return {};
    }
  }
  if (kustomize_patch(file.path)) return {};
  Reader reader(file);
  for (std::size_t i = 0; i < chunks.size(); ++i) {
    reader.read_document(documents[i], chunks[i].offset, chunks[i].lines_before);
  }
  return reader.take();
}

}  // namespace dockvet::kubernetes
