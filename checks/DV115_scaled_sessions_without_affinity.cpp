// DV115: an app server that keeps its users' login sessions per container is scaled to several
// replicas with no session affinity and no shared session store.
#include <algorithm>
#include <cctype>

#include "catalog/catalog.h"
#include "core/check.h"
#include "docker/paths.h"
#include "stateful/analysis.h"

namespace dockvet::checks {

namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

/// Whether a label or annotation sends each client back to the replica that served it: the
/// Service's `sessionAffinity: ClientIP`, ingress-nginx's cookie affinity, Traefik's sticky
/// cookie (labels in compose, Service annotations or an IngressRoute's `sticky` on Kubernetes,
/// v1's `loadbalancer.sticky`/`stickiness` labels), HAProxy's and NGINX Plus's cookie
/// persistence. Keys compare without case, as Traefik reads its labels.
bool sticky(const docker::RoutingSetting& setting) {
  const std::string key = lower(setting.key);
  const std::string value = lower(setting.value);
  if (value == "false") return false;
  if (key == "sessionaffinity") return value == "clientip";
  if (key == "nginx.ingress.kubernetes.io/affinity") return value == "cookie";
  if (key == "sticky") return true;
  if (key.starts_with("traefik.") && (key.find(".loadbalancer.sticky") != std::string::npos ||
                                      key.starts_with("traefik.ingress.kubernetes.io/service."
                                                      "sticky"))) {
    return true;
  }
  return (key == "haproxy.org/cookie-persistence" || key == "nginx.com/sticky-cookie-services") &&
         !value.empty();
}

/// The catalog entry of the image a scaled container runs as its server, or nullptr. Catalogued
/// stateful images come from the analysis, which has already left out clients, help-only runs
/// and entrypoint overrides; a stateless image (phpmyadmin, tomcat) is looked up here, and a
/// container that replaces its command is not judged.
const catalog::Entry* server_entry(const docker::Invocation& invocation, const FileFacts& facts,
                                   const stateful::ServerRun*& run) {
  run = nullptr;
  for (const auto& server : facts.server_runs) {
    if (server.invocation == &invocation) {
      run = &server;
      return server.resolved.entry;
    }
  }
  if (!invocation.image || invocation.entrypoint || !invocation.command.empty()) return nullptr;
  const auto resolved = facts.catalog.lookup(catalog::parse_image_ref(*invocation.image));
  if (!resolved || resolved->entry->image_class != catalog::ImageClass::stateless) return nullptr;
  return resolved->entry;
}

/// Whether the environment sets, or may set, one of the variables that move the sessions, or a
/// mount may bring in a configuration that does.
bool sessions_moved(const docker::Invocation& invocation, const catalog::Sessions& sessions) {
  for (const auto& mount : invocation.mounts) {
    if (!mount.target_known && !sessions.moved_by_mount.empty()) return true;
    for (const auto& directory : sessions.moved_by_mount) {
      if (docker::covers_path(directory, mount.target_path) ||
          docker::covers_path(mount.target_path, directory)) {
        return true;
      }
    }
  }
  if (sessions.moved_by_env.empty()) return false;
  if (invocation.env_partly_unknown()) return true;
  return std::any_of(invocation.env.begin(), invocation.env.end(), [&](const docker::EnvVar& var) {
    if (!var.name_known) return true;
    if (std::find(sessions.moved_by_env.begin(), sessions.moved_by_env.end(), var.name) ==
        sessions.moved_by_env.end()) {
      return false;
    }
    return var.from_host || !var.value || !var.value->known() || !var.value->text().empty();
  });
}

/// Whether the replicas may share the session directory: the deepest mount over it is anything
/// but a per-container one (an anonymous volume, an emptyDir, a tmpfs, a claim template's own
/// claim), or the server's data directory, which holds it, was moved.
bool files_may_be_shared(const docker::Invocation& invocation, const std::string& path,
                         const stateful::ServerRun* run) {
  if (run) {
    for (const auto& verdict : run->paths) {
      if ((verdict.relocation || verdict.relocation_unknown) &&
          docker::covers_path(verdict.default_path, path)) {
        return true;
      }
    }
  }
  const docker::Mount* deepest = nullptr;
  for (const auto& mount : invocation.mounts) {
    if (!mount.target_known) {
      if (mount.kind != docker::MountKind::tmpfs) return true;  // it may be over the sessions
      continue;
    }
    if (!docker::covers_path(mount.target_path, path)) continue;
    if (!deepest || docker::is_ancestor_path(deepest->target_path, mount.target_path)) {
      deepest = &mount;
    }
  }
  if (!deepest) return false;
  if (deepest->per_replica) return false;
  return deepest->kind != docker::MountKind::anonymous_volume &&
         deepest->kind != docker::MountKind::tmpfs;
}

}  // namespace

class ScaledSessionsWithoutAffinity final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DV115",
        .name = "scaled-sessions-without-affinity",
        .severity = Severity::warning,
        .summary =
            "An app server that keeps login sessions in each container is scaled with no "
            "session affinity and no shared session store",
        .rationale =
            "Some images keep their users' login sessions in the container: nextcloud as PHP "
            "session files in /tmp unless `REDIS_HOST` is set, phpmyadmin as files in "
            "/sessions, ownCloud's server in /mnt/data/sessions unless "
            "`OWNCLOUD_SESSION_SAVE_HANDLER` selects redis, odoo in /var/lib/odoo/sessions "
            "(docs/notes/session-stores.md, sections 1, 2, 3 and 12). Scaled to several "
            "replicas with compose's `deploy.replicas` or `scale`, a Kubernetes `replicas` or "
            "an autoscaler, each replica knows only the sessions it created: a load balancer "
            "that sends the next request elsewhere logs the user out, and a form posted to "
            "another replica fails. Either every replica reads one session store (the image's "
            "Redis setting, or one shared volume over the session directory), or the load "
            "balancer sends each client back to the same replica: `sessionAffinity: ClientIP` "
            "on the Service that selects the Pods, the ingress-nginx annotation "
            "`nginx.ingress.kubernetes.io/affinity: cookie`, a Traefik sticky cookie "
            "(`traefik.http.services.<name>.loadbalancer.sticky.cookie=true`). The rule knows "
            "where an image keeps its sessions from the catalog's `sessions` field and reports "
            "only images whose defaults keep them per container, when the file shows neither "
            "affinity nor a store; a variable that may move them (an `env_file`, a value taken "
            "from elsewhere) or a mounted configuration that may (a php.ini under "
            "/usr/local/etc/php, odoo.conf in /etc/odoo) keeps it silent. Images that keep "
            "sessions in their database "
            "(drupal, joomla, matomo, grafana) or in signed cookies (wordpress, redmine) are not "
            "reported. Runtimes such as tomcat and php are not reported either: whether they "
            "hold sessions at all is the application's choice, and most PHP applications "
            "that are scaled (wordpress, drupal, joomla) keep none in PHP's files. "
            "One replica on every node (compose's `deploy.mode: global`, a DaemonSet) counts as "
            "scaled, reported at info level because the file does not show how many nodes there "
            "are, and on a single node it runs just one.",
        .bad_example =
            "services:\n"
            "  cloud:\n"
            "    image: nextcloud:31\n"
            "    deploy:\n"
            "      replicas: 3\n"
            "    volumes:\n"
            "      - nextcloud:/var/www/html\n"
            "volumes:\n"
            "  nextcloud:\n",
        .good_example =
            "services:\n"
            "  cloud:\n"
            "    image: nextcloud:31\n"
            "    deploy:\n"
            "      replicas: 3\n"
            "    environment:\n"
            "      REDIS_HOST: redis.internal\n"
            "    volumes:\n"
            "      - nextcloud:/var/www/html\n"
            "volumes:\n"
            "  nextcloud:\n",
        .fix =
            "Point every replica at one session store (the image's Redis setting, or one shared "
            "volume over the session directory), or turn on session affinity in what balances "
            "the load: `sessionAffinity: ClientIP` on the Kubernetes Service, "
            "`nginx.ingress.kubernetes.io/affinity: cookie` on the Ingress, or Traefik's "
            "`loadbalancer.sticky.cookie` label.",
        .example_language = "yaml",
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    for (const auto& invocation : facts.invocations) {
      if (invocation.origin == docker::Origin::command_line) continue;
      const auto count = invocation.replica_count();
      const bool per_node = invocation.one_per_node();
      if (!per_node && (!count || *count < 2)) continue;
      const stateful::ServerRun* run = nullptr;
      const catalog::Entry* entry = server_entry(invocation, facts, run);
      if (!entry) continue;
      const catalog::Sessions& sessions = entry->sessions;
      if (!sessions.per_container() || sessions.application_decides) continue;
      if (sessions_moved(invocation, sessions)) continue;
      if (sessions.store == catalog::Sessions::Store::files &&
          files_may_be_shared(invocation, sessions.path, run)) {
        continue;
      }
      if (std::any_of(invocation.routing.begin(), invocation.routing.end(), sticky)) continue;
      report(invocation, per_node ? std::nullopt : count,
             run ? run->described : invocation.image->text(), sessions, findings);
    }
  }

 private:
  // No `count` means one replica on every node: how many nodes there are is not in the file,
  // so the finding, which holds on more than one, is information.
  static void report(const docker::Invocation& invocation, std::optional<long> count,
                     const std::string& described, const catalog::Sessions& sessions,
                     Findings& findings) {
    const bool kubernetes = invocation.origin == docker::Origin::kubernetes;
    const bool per_node = !count;
    std::string message;
    if (per_node) {
      message =
          (kubernetes ? "this DaemonSet starts " + described + " on every node"
                      : "`mode: global` starts " + described + " on every node of the swarm") +
          ", and on more than one node each keeps its users' login sessions ";
    } else {
      message = invocation.workload && invocation.workload->autoscaled
                    ? "this autoscaler may start up to "
                    : (kubernetes ? "this workload starts " : "this service starts ");
      message += std::to_string(*count) + " replicas of " + described +
                 ", and each keeps its users' login sessions ";
    }
    message += sessions.store == catalog::Sessions::Store::files
                   ? "as files in its own " + sessions.path
                   : std::string("in its own memory");
    message +=
        ", with no session affinity in this file: a request that reaches another replica "
        "finds no session and the user is logged out; ";
    if (!sessions.fix.empty()) message += sessions.fix + ", or ";
    message += kubernetes ? "set `sessionAffinity: ClientIP` on the Service that selects the Pods"
                          : "give the service a sticky cookie in its load balancer "
                            "(`traefik.http.services.<name>.loadbalancer.sticky.cookie=true`)";
    if (per_node) {
      findings.report(*invocation.every_node, std::move(message), std::nullopt, Severity::info);
      return;
    }
    findings.report(invocation.replicas->range, std::move(message));
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::ScaledSessionsWithoutAffinity)
