#pragma once
// One `docker|podman|nerdctl run|create|container run|container create|service create` command
// line, modelled the way the CLI reads it: global options, the subcommand, its options (with the
// flag tables of docker/flags.h), the image word and the container's command, plus the facts the
// stateful checks ask for (mounts, environment, --rm, entrypoint, hostname, replicas).

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/word.h"
#include "docker/flags.h"
#include "docker/mounts.h"

namespace dockvet::docker {

/// One option as written: `--volume x`, `--volume=x`, `-v x`, `-vx`, `-e=X=1`, or one letter of
/// a combined group such as the `d` of `-itd`.
struct Option {
  std::string name;           // long name without dashes ("volume" for `-v`); as written if unknown
  std::string spelling;       // "-v", "--volume", "-d" (for the d of "-itd"), "–name" (en dash)
  std::optional<Word> value;  // absent for a boolean without `=value` and for a dangling flag
  std::size_t word_index = 0;  // index in the CommandLine of the word holding the flag
  ByteRange flag_range;        // the flag's own characters ("--volume" of "--volume=x")
  ByteRange range;             // flag and value together (one or two words)
  bool known = true;           // found in the flag table
  bool dash_typo = false;      // written with an en/em dash or a single dash before a long name
  bool missing_value = false;  // a value flag at the end of the command line
};

/// `--volumes-from c[:ro|rw]`: every mount of container `c`, at the same paths.
struct VolumesFrom {
  Word container;
  std::string mode;  // "ro", "rw" or empty
  bool readonly = false;
  ByteRange range;  // the value
};

/// `-e NAME=value`, or `-e NAME` (the value is taken from the host's environment: unknown).
struct EnvVar {
  std::string name;           // the text before the first literal `=`
  std::optional<Word> value;  // absent when taken from the host
  bool name_known = true;     // false when the name contains an expansion (`-e "$X"`)
  bool from_host = false;
  ByteRange range;  // the whole NAME=value
};

/// Where a container is defined: a command line, or a compose service or a Kubernetes Pod's
/// container modelled as the `docker run` it amounts to.
enum class Origin { command_line, compose, kubernetes };

/// The Kubernetes object a container's Pod template belongs to, for the checks that depend on
/// how the Pods are scheduled and replaced.
struct Workload {
  std::string kind;           // "Deployment", "StatefulSet", "Pod", "CronJob", ...
  std::string name;           // metadata.name
  std::string name_space;     // metadata.namespace, empty when unset
  ByteRange kind_range;       // the `kind:` value
  std::string strategy;       // a Deployment's spec.strategy.type; empty when unset (RollingUpdate)
  bool node_pinned = false;   // nodeName, nodeSelector or a required node affinity
  bool autoscaled = false;    // `replicas` was taken from a HorizontalPodAutoscaler's maxReplicas
  bool host_network = false;  // `hostNetwork: true`: the Pod's hostname is its node's
  /// True for the kinds whose Pods a controller re-creates, on any node it picks.
  bool replaces_pods() const {
    return kind == "Deployment" || kind == "ReplicaSet" || kind == "ReplicationController" ||
           kind == "DeploymentConfig" || kind == "StatefulSet";
  }
};

/// A label or annotation of what routes requests to a container, as load balancers read it: a
/// compose service's `labels` and `deploy.labels`; for a Kubernetes container, the annotations
/// of each Service in the file that selects its Pods and of each Ingress routing to one (or to a
/// Service the file does not define), with a Service's `spec.sessionAffinity` under the key
/// `sessionAffinity` and a Traefik IngressRoute's `sticky` under the key `sticky`.
struct RoutingSetting {
  std::string key;
  std::string value;
  std::string where;  // "labels", "deploy.labels", "Service web", "Ingress web"
};

/// A recognised container-creating command line.
struct Invocation {
  Origin origin = Origin::command_line;
  Tool tool = Tool::docker;
  Subcommand subcommand = Subcommand::run;
  ByteRange range;                     // the CommandLine's range
  Word program;                        // words[0]
  ByteRange subcommand_range;          // "run", "container run", "service create"
  std::vector<Option> global_options;  // before the subcommand
  std::vector<Option> options;         // after the subcommand, before the image
  std::optional<Word> image;           // absent when the line ends before one
  std::size_t image_index = 0;         // index of the image word in the CommandLine
  std::vector<Word> command;           // the container's command and arguments, after the image

  std::vector<Mount> mounts;  // -v, --mount, --tmpfs in order
  std::vector<VolumesFrom> volumes_from;
  std::vector<EnvVar> env;        // -e/--env in order
  bool env_file_present = false;  // --env-file: variables we cannot see
  bool env_host = false;          // podman --env-host: the host's whole environment
  bool remove = false;            // --rm (the last of --rm / --rm=false wins)
  bool read_only = false;         // --read-only
  std::optional<Word> entrypoint;
  std::optional<Word> hostname;  // --hostname, or -h for run/create
  std::optional<Word> name;
  std::optional<Word> replicas;  // service create --replicas
  /// Where the file says to run one replica on every node, as many as the swarm or cluster has:
  /// compose's `deploy.mode: global` value, a DaemonSet's `kind:` value.
  std::optional<ByteRange> every_node;
  std::optional<Workload> workload;     // a Kubernetes container's workload
  std::vector<RoutingSetting> routing;  // compose labels, Kubernetes Service/Ingress settings
  std::optional<Word> image_volume;     // podman --image-volume bind|tmpfs|ignore
  bool help_only = false;               // --help before the image: prints usage, starts nothing
  bool unknown_flags = false;   // an option not in the tables, or an expansion that may hold flags
  bool dash_typos = false;      // some option was written with a wrong dash (`–name`)
  bool elided_options = false;  // `...` stood where options go

  /// The last occurrence of an option by long name, or nullptr.
  const Option* find_option(std::string_view long_name) const;
  /// The last `-e` setting of `name`, or nullptr.
  const EnvVar* find_env(std::string_view name) const;
  /// True when the container's environment holds variables this model cannot see.
  bool env_partly_unknown() const;
  /// The replica count when it is written as a plain number.
  std::optional<long> replica_count() const;
  /// True when one replica runs on every node and no count is written: the replica count is
  /// the number of nodes, which the file does not show.
  bool one_per_node() const { return every_node && !replicas; }
};

/// Recognises `docker|podman|nerdctl run|create|container run|container create|service create`
/// (program also as a path, e.g. /usr/bin/docker); returns nullopt for anything else.
/// Ranges inside a word (a `-v` value's target, the value after `--volume=`) are exact when each
/// literal segment's source spells its text; quotes or escapes inside a segment blur them.
std::optional<Invocation> parse_invocation(const CommandLine& command);
/// The same, with `file_text` (the text the command's ranges point into) used to make every range
/// inside a word exact, whatever quotes and escapes it holds. Prefer this form.
std::optional<Invocation> parse_invocation(const CommandLine& command, std::string_view file_text);

}  // namespace dockvet::docker
