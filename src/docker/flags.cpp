#include "docker/flags.h"

#include <array>

namespace dockvet::docker {

namespace {

constexpr bool kValue = true;
constexpr bool kBool = false;

// `docker run --help` / `docker create --help` (docker 28), the flags docker hides (`--net`,
// `--net-alias`, `--dns-opt`), then the extra flags of `podman run|create` (podman 5,
// cmd/podman/common/create.go, netflags.go, containers/run.go) and of `nerdctl run`.
constexpr std::array kContainerFlags = {
    // docker run / create
    FlagSpec{"add-host", 0, kValue},
    FlagSpec{"annotation", 0, kValue},
    FlagSpec{"attach", 'a', kValue},
    FlagSpec{"blkio-weight", 0, kValue},
    FlagSpec{"blkio-weight-device", 0, kValue},
    FlagSpec{"cap-add", 0, kValue},
    FlagSpec{"cap-drop", 0, kValue},
    FlagSpec{"cgroup-parent", 0, kValue},
    FlagSpec{"cgroupns", 0, kValue},
    FlagSpec{"cidfile", 0, kValue},
    FlagSpec{"cpu-count", 0, kValue},
    FlagSpec{"cpu-percent", 0, kValue},
    FlagSpec{"cpu-period", 0, kValue},
    FlagSpec{"cpu-quota", 0, kValue},
    FlagSpec{"cpu-rt-period", 0, kValue},
    FlagSpec{"cpu-rt-runtime", 0, kValue},
    FlagSpec{"cpu-shares", 'c', kValue},
    FlagSpec{"cpus", 0, kValue},
    FlagSpec{"cpuset-cpus", 0, kValue},
    FlagSpec{"cpuset-mems", 0, kValue},
    FlagSpec{"detach", 'd', kBool},
    FlagSpec{"detach-keys", 0, kValue},
    FlagSpec{"device", 0, kValue},
    FlagSpec{"device-cgroup-rule", 0, kValue},
    FlagSpec{"device-read-bps", 0, kValue},
    FlagSpec{"device-read-iops", 0, kValue},
    FlagSpec{"device-write-bps", 0, kValue},
    FlagSpec{"device-write-iops", 0, kValue},
    FlagSpec{"disable-content-trust", 0, kBool},
    FlagSpec{"dns", 0, kValue},
    FlagSpec{"dns-opt", 0, kValue},
    FlagSpec{"dns-option", 0, kValue},
    FlagSpec{"dns-search", 0, kValue},
    FlagSpec{"domainname", 0, kValue},
    FlagSpec{"entrypoint", 0, kValue},
    FlagSpec{"env", 'e', kValue},
    FlagSpec{"env-file", 0, kValue},
    FlagSpec{"expose", 0, kValue},
    FlagSpec{"gpus", 0, kValue},
    FlagSpec{"group-add", 0, kValue},
    FlagSpec{"health-cmd", 0, kValue},
    FlagSpec{"health-interval", 0, kValue},
    FlagSpec{"health-retries", 0, kValue},
    FlagSpec{"health-start-interval", 0, kValue},
    FlagSpec{"health-start-period", 0, kValue},
    FlagSpec{"health-timeout", 0, kValue},
    FlagSpec{"help", 0, kBool},
    FlagSpec{"hostname", 'h', kValue},
    FlagSpec{"init", 0, kBool},
    FlagSpec{"interactive", 'i', kBool},
    FlagSpec{"io-maxbandwidth", 0, kValue},
    FlagSpec{"io-maxiops", 0, kValue},
    FlagSpec{"ip", 0, kValue},
    FlagSpec{"ip6", 0, kValue},
    FlagSpec{"ipc", 0, kValue},
    FlagSpec{"isolation", 0, kValue},
    FlagSpec{"kernel-memory", 0, kValue},
    FlagSpec{"label", 'l', kValue},
    FlagSpec{"label-file", 0, kValue},
    FlagSpec{"link", 0, kValue},
    FlagSpec{"link-local-ip", 0, kValue},
    FlagSpec{"log-driver", 0, kValue},
    FlagSpec{"log-opt", 0, kValue},
    FlagSpec{"mac-address", 0, kValue},
    FlagSpec{"memory", 'm', kValue},
    FlagSpec{"memory-reservation", 0, kValue},
    FlagSpec{"memory-swap", 0, kValue},
    FlagSpec{"memory-swappiness", 0, kValue},
    FlagSpec{"mount", 0, kValue},
    FlagSpec{"name", 0, kValue},
    FlagSpec{"net", 0, kValue},
    FlagSpec{"net-alias", 0, kValue},
    FlagSpec{"network", 0, kValue},
    FlagSpec{"network-alias", 0, kValue},
    FlagSpec{"no-healthcheck", 0, kBool},
    FlagSpec{"oom-kill-disable", 0, kBool},
    FlagSpec{"oom-score-adj", 0, kValue},
    FlagSpec{"pid", 0, kValue},
    FlagSpec{"pids-limit", 0, kValue},
    FlagSpec{"platform", 0, kValue},
    FlagSpec{"privileged", 0, kBool},
    FlagSpec{"publish", 'p', kValue},
    FlagSpec{"publish-all", 'P', kBool},
    FlagSpec{"pull", 0, kValue},
    FlagSpec{"quiet", 'q', kBool},
    FlagSpec{"read-only", 0, kBool},
    FlagSpec{"restart", 0, kValue},
    FlagSpec{"rm", 0, kBool},
    FlagSpec{"runtime", 0, kValue},
    FlagSpec{"security-opt", 0, kValue},
    FlagSpec{"shm-size", 0, kValue},
    FlagSpec{"sig-proxy", 0, kBool},
    FlagSpec{"stop-signal", 0, kValue},
    FlagSpec{"stop-timeout", 0, kValue},
    FlagSpec{"storage-opt", 0, kValue},
    FlagSpec{"sysctl", 0, kValue},
    FlagSpec{"tmpfs", 0, kValue},
    FlagSpec{"tty", 't', kBool},
    FlagSpec{"ulimit", 0, kValue},
    FlagSpec{"use-api-socket", 0, kBool},
    FlagSpec{"user", 'u', kValue},
    FlagSpec{"userns", 0, kValue},
    FlagSpec{"uts", 0, kValue},
    FlagSpec{"volume", 'v', kValue},
    FlagSpec{"volume-driver", 0, kValue},
    FlagSpec{"volumes-from", 0, kValue},
    FlagSpec{"workdir", 'w', kValue},
    // podman run / create
    FlagSpec{"arch", 0, kValue},
    FlagSpec{"authfile", 0, kValue},
    FlagSpec{"cgroup-conf", 0, kValue},
    FlagSpec{"cgroups", 0, kValue},
    FlagSpec{"chrootdirs", 0, kValue},
    FlagSpec{"conmon-pidfile", 0, kValue},
    FlagSpec{"decryption-key", 0, kValue},
    FlagSpec{"env-host", 0, kBool},
    FlagSpec{"env-merge", 0, kValue},
    FlagSpec{"gidmap", 0, kValue},
    FlagSpec{"group-entry", 0, kValue},
    FlagSpec{"health-log-destination", 0, kValue},
    FlagSpec{"health-max-log-count", 0, kValue},
    FlagSpec{"health-max-log-size", 0, kValue},
    FlagSpec{"health-on-failure", 0, kValue},
    FlagSpec{"health-startup-cmd", 0, kValue},
    FlagSpec{"health-startup-interval", 0, kValue},
    FlagSpec{"health-startup-retries", 0, kValue},
    FlagSpec{"health-startup-success", 0, kValue},
    FlagSpec{"health-startup-timeout", 0, kValue},
    FlagSpec{"hosts-file", 0, kValue},
    FlagSpec{"hostuser", 0, kValue},
    FlagSpec{"http-proxy", 0, kBool},
    FlagSpec{"image-volume", 0, kValue},
    FlagSpec{"init-path", 0, kValue},
    FlagSpec{"no-hostname", 0, kBool},
    FlagSpec{"no-hosts", 0, kBool},
    FlagSpec{"os", 0, kValue},
    FlagSpec{"passwd", 0, kBool},
    FlagSpec{"passwd-entry", 0, kValue},
    FlagSpec{"personality", 0, kValue},
    FlagSpec{"pidfile", 0, kValue},
    FlagSpec{"pod", 0, kValue},
    FlagSpec{"pod-id-file", 0, kValue},
    FlagSpec{"preserve-fd", 0, kValue},
    FlagSpec{"preserve-fds", 0, kValue},
    FlagSpec{"rdt-class", 0, kValue},
    FlagSpec{"read-only-tmpfs", 0, kBool},
    FlagSpec{"replace", 0, kBool},
    FlagSpec{"requires", 0, kValue},
    FlagSpec{"retry", 0, kValue},
    FlagSpec{"retry-delay", 0, kValue},
    FlagSpec{"rmi", 0, kBool},
    FlagSpec{"rootfs", 0, kBool},
    FlagSpec{"sdnotify", 0, kValue},
    FlagSpec{"seccomp-policy", 0, kValue},
    FlagSpec{"secret", 0, kValue},
    FlagSpec{"shm-size-systemd", 0, kValue},
    FlagSpec{"signature-policy", 0, kValue},
    FlagSpec{"subgidname", 0, kValue},
    FlagSpec{"subuidname", 0, kValue},
    FlagSpec{"systemd", 0, kValue},
    FlagSpec{"timeout", 0, kValue},
    FlagSpec{"tls-verify", 0, kBool},
    FlagSpec{"tz", 0, kValue},
    FlagSpec{"uidmap", 0, kValue},
    FlagSpec{"umask", 0, kValue},
    FlagSpec{"unsetenv", 0, kValue},
    FlagSpec{"unsetenv-all", 0, kBool},
    FlagSpec{"variant", 0, kValue},
    // nerdctl run / create
    FlagSpec{"cosign-certificate-identity", 0, kValue},
    FlagSpec{"cosign-certificate-identity-regexp", 0, kValue},
    FlagSpec{"cosign-certificate-oidc-issuer", 0, kValue},
    FlagSpec{"cosign-certificate-oidc-issuer-regexp", 0, kValue},
    FlagSpec{"cosign-key", 0, kValue},
    FlagSpec{"ipfs-address", 0, kValue},
    FlagSpec{"verify", 0, kValue},
};

// `docker service create --help` (docker 28). Cobra gives `-h` to help here because the
// command does not use it for anything else.
constexpr std::array kServiceCreateFlags = {
    FlagSpec{"cap-add", 0, kValue},
    FlagSpec{"cap-drop", 0, kValue},
    FlagSpec{"config", 0, kValue},
    FlagSpec{"constraint", 0, kValue},
    FlagSpec{"container-label", 0, kValue},
    FlagSpec{"credential-spec", 0, kValue},
    FlagSpec{"detach", 'd', kBool},
    FlagSpec{"dns", 0, kValue},
    FlagSpec{"dns-option", 0, kValue},
    FlagSpec{"dns-search", 0, kValue},
    FlagSpec{"endpoint-mode", 0, kValue},
    FlagSpec{"entrypoint", 0, kValue},
    FlagSpec{"env", 'e', kValue},
    FlagSpec{"env-file", 0, kValue},
    FlagSpec{"generic-resource", 0, kValue},
    FlagSpec{"group", 0, kValue},
    FlagSpec{"health-cmd", 0, kValue},
    FlagSpec{"health-interval", 0, kValue},
    FlagSpec{"health-retries", 0, kValue},
    FlagSpec{"health-start-interval", 0, kValue},
    FlagSpec{"health-start-period", 0, kValue},
    FlagSpec{"health-timeout", 0, kValue},
    FlagSpec{"help", 'h', kBool},
    FlagSpec{"host", 0, kValue},
    FlagSpec{"hostname", 0, kValue},
    FlagSpec{"init", 0, kBool},
    FlagSpec{"isolation", 0, kValue},
    FlagSpec{"label", 'l', kValue},
    FlagSpec{"limit-cpu", 0, kValue},
    FlagSpec{"limit-memory", 0, kValue},
    FlagSpec{"limit-pids", 0, kValue},
    FlagSpec{"log-driver", 0, kValue},
    FlagSpec{"log-opt", 0, kValue},
    FlagSpec{"max-concurrent", 0, kValue},
    FlagSpec{"mode", 0, kValue},
    FlagSpec{"mount", 0, kValue},
    FlagSpec{"name", 0, kValue},
    FlagSpec{"network", 0, kValue},
    FlagSpec{"no-healthcheck", 0, kBool},
    FlagSpec{"no-resolve-image", 0, kBool},
    FlagSpec{"oom-score-adj", 0, kValue},
    FlagSpec{"placement-pref", 0, kValue},
    FlagSpec{"publish", 'p', kValue},
    FlagSpec{"quiet", 'q', kBool},
    FlagSpec{"read-only", 0, kBool},
    FlagSpec{"replicas", 0, kValue},
    FlagSpec{"replicas-max-per-node", 0, kValue},
    FlagSpec{"reserve-cpu", 0, kValue},
    FlagSpec{"reserve-memory", 0, kValue},
    FlagSpec{"restart-condition", 0, kValue},
    FlagSpec{"restart-delay", 0, kValue},
    FlagSpec{"restart-max-attempts", 0, kValue},
    FlagSpec{"restart-window", 0, kValue},
    FlagSpec{"rollback-delay", 0, kValue},
    FlagSpec{"rollback-failure-action", 0, kValue},
    FlagSpec{"rollback-max-failure-ratio", 0, kValue},
    FlagSpec{"rollback-monitor", 0, kValue},
    FlagSpec{"rollback-order", 0, kValue},
    FlagSpec{"rollback-parallelism", 0, kValue},
    FlagSpec{"secret", 0, kValue},
    FlagSpec{"stop-grace-period", 0, kValue},
    FlagSpec{"stop-signal", 0, kValue},
    FlagSpec{"sysctl", 0, kValue},
    FlagSpec{"tty", 't', kBool},
    FlagSpec{"ulimit", 0, kValue},
    FlagSpec{"update-delay", 0, kValue},
    FlagSpec{"update-failure-action", 0, kValue},
    FlagSpec{"update-max-failure-ratio", 0, kValue},
    FlagSpec{"update-monitor", 0, kValue},
    FlagSpec{"update-order", 0, kValue},
    FlagSpec{"update-parallelism", 0, kValue},
    FlagSpec{"user", 'u', kValue},
    FlagSpec{"with-registry-auth", 0, kBool},
    FlagSpec{"workdir", 'w', kValue},
};

// `docker --help`, "Global Options".
constexpr std::array kDockerGlobalFlags = {
    FlagSpec{"config", 0, kValue},   FlagSpec{"context", 'c', kValue},
    FlagSpec{"debug", 'D', kBool},   FlagSpec{"help", 'h', kBool},
    FlagSpec{"host", 'H', kValue},   FlagSpec{"log-level", 'l', kValue},
    FlagSpec{"tls", 0, kBool},       FlagSpec{"tlscacert", 0, kValue},
    FlagSpec{"tlscert", 0, kValue},  FlagSpec{"tlskey", 0, kValue},
    FlagSpec{"tlsverify", 0, kBool}, FlagSpec{"version", 'v', kBool},
};

// `podman --help` (podman 5) plus its hidden and docker-compatible spellings.
constexpr std::array kPodmanGlobalFlags = {
    FlagSpec{"cgroup-manager", 0, kValue},
    FlagSpec{"cni-config-dir", 0, kValue},
    FlagSpec{"config", 0, kValue},
    FlagSpec{"conmon", 0, kValue},
    FlagSpec{"connection", 'c', kValue},
    FlagSpec{"context", 0, kValue},
    FlagSpec{"cpu-profile", 0, kValue},
    FlagSpec{"db-backend", 0, kValue},
    FlagSpec{"debug", 'D', kBool},
    FlagSpec{"events-backend", 0, kValue},
    FlagSpec{"help", 'h', kBool},
    FlagSpec{"hooks-dir", 0, kValue},
    FlagSpec{"host", 'H', kValue},
    FlagSpec{"identity", 0, kValue},
    FlagSpec{"imagestore", 0, kValue},
    FlagSpec{"log-level", 0, kValue},
    FlagSpec{"memory-profile", 0, kValue},
    FlagSpec{"module", 0, kValue},
    FlagSpec{"network-cmd-path", 0, kValue},
    FlagSpec{"network-config-dir", 0, kValue},
    FlagSpec{"noout", 0, kBool},
    FlagSpec{"out", 0, kValue},
    FlagSpec{"registries-conf", 0, kValue},
    FlagSpec{"remote", 'r', kBool},
    FlagSpec{"root", 0, kValue},
    FlagSpec{"runroot", 0, kValue},
    FlagSpec{"runtime", 0, kValue},
    FlagSpec{"runtime-flag", 0, kValue},
    FlagSpec{"ssh", 0, kValue},
    FlagSpec{"storage-driver", 0, kValue},
    FlagSpec{"storage-opt", 0, kValue},
    FlagSpec{"syslog", 0, kBool},
    FlagSpec{"tmpdir", 0, kValue},
    FlagSpec{"trace", 0, kBool},
    FlagSpec{"transient-store", 0, kBool},
    FlagSpec{"url", 0, kValue},
    FlagSpec{"version", 'v', kBool},
    FlagSpec{"volumepath", 0, kValue},
};

// `nerdctl --help` global flags.
constexpr std::array kNerdctlGlobalFlags = {
    FlagSpec{"address", 'a', kValue},
    FlagSpec{"bridge-ip", 0, kValue},
    FlagSpec{"cdi-spec-dirs", 0, kValue},
    FlagSpec{"cgroup-manager", 0, kValue},
    FlagSpec{"cni-netconfpath", 0, kValue},
    FlagSpec{"cni-path", 0, kValue},
    FlagSpec{"data-root", 0, kValue},
    FlagSpec{"debug", 0, kBool},
    FlagSpec{"debug-full", 0, kBool},
    FlagSpec{"experimental", 0, kBool},
    FlagSpec{"help", 'h', kBool},
    FlagSpec{"host", 'H', kValue},
    FlagSpec{"host-gateway-ip", 0, kValue},
    FlagSpec{"hosts-dir", 0, kValue},
    FlagSpec{"insecure-registry", 0, kBool},
    FlagSpec{"kube-hide-dupe", 0, kBool},
    FlagSpec{"namespace", 'n', kValue},
    FlagSpec{"snapshotter", 0, kValue},
    FlagSpec{"storage-driver", 0, kValue},
    FlagSpec{"userns-remap", 0, kValue},
    FlagSpec{"version", 'v', kBool},
};

std::string_view basename(std::string_view path) {
  const auto slash = path.find_last_of("/\\");
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

std::string_view without_exe_suffix(std::string_view name) {
  constexpr std::string_view kExe = ".exe";
  if (name.size() > kExe.size() && name.substr(name.size() - kExe.size()) == kExe) {
    name.remove_suffix(kExe.size());
  }
  return name;
}

}  // namespace

std::string_view to_string(Tool tool) {
  switch (tool) {
    case Tool::docker: return "docker";
    case Tool::podman: return "podman";
    case Tool::nerdctl: return "nerdctl";
  }
  return "docker";
}

std::string_view to_string(Subcommand subcommand) {
  switch (subcommand) {
    case Subcommand::run: return "run";
    case Subcommand::create: return "create";
    case Subcommand::service_create: return "service create";
  }
  return "run";
}

std::span<const FlagSpec> subcommand_flags(Subcommand subcommand) {
  if (subcommand == Subcommand::service_create) return kServiceCreateFlags;
  return kContainerFlags;
}

std::span<const FlagSpec> global_flags(Tool tool) {
  switch (tool) {
    case Tool::docker: return kDockerGlobalFlags;
    case Tool::podman: return kPodmanGlobalFlags;
    case Tool::nerdctl: return kNerdctlGlobalFlags;
  }
  return kDockerGlobalFlags;
}

const FlagSpec* find_long_flag(std::span<const FlagSpec> table, std::string_view name) {
  for (const auto& flag : table) {
    if (flag.name == name) return &flag;
  }
  return nullptr;
}

const FlagSpec* find_short_flag(std::span<const FlagSpec> table, char letter) {
  if (letter == 0) return nullptr;
  for (const auto& flag : table) {
    if (flag.short_name == letter) return &flag;
  }
  return nullptr;
}

namespace {

struct ContainerCli {
  std::string_view program;
  Tool tool;
};

constexpr std::array<ContainerCli, 4> kContainerClis{{
    {"docker", Tool::docker},
    {"podman", Tool::podman},
    {"podman-remote", Tool::podman},
    {"nerdctl", Tool::nerdctl},
}};

constexpr auto kContainerCliNames = [] {
  std::array<std::string_view, kContainerClis.size()> names{};
  for (std::size_t i = 0; i < names.size(); ++i) names[i] = kContainerClis[i].program;
  return names;
}();

}  // namespace

std::optional<Tool> tool_from_program(std::string_view program) {
  const std::string_view name = without_exe_suffix(basename(program));
  for (const auto& cli : kContainerClis) {
    if (name == cli.program) return cli.tool;
  }
  return std::nullopt;
}

std::span<const std::string_view> container_cli_names() {
  return kContainerCliNames;
}

}  // namespace dockvet::docker
