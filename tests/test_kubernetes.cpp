// The Kubernetes front end: which objects run which containers, what backs each volumeMount,
// command and args, environment, and what a file that is not a manifest gives.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "core/discovery.h"
#include "kubernetes/manifests.h"

namespace {

using dockvet::FileKind;
using dockvet::SourceFile;
using dockvet::docker::MountKind;

struct Read {
  Read(std::string yaml, std::string path)
      : file(std::move(path), FileKind::kubernetes, std::move(yaml)) {}
  SourceFile file;
  dockvet::kubernetes::Manifests manifests;
  std::vector<dockvet::FrontEndIssue> issues;
};

std::unique_ptr<Read> read(std::string yaml, std::string path = "manifest.yaml") {
  auto result = std::make_unique<Read>(std::move(yaml), std::move(path));
  result->manifests = dockvet::kubernetes::read_manifests(result->file, result->issues);
  return result;
}

std::string slice(const Read& read, dockvet::ByteRange range) {
  return std::string(read.file.slice(range));
}

}  // namespace

TEST_CASE("a Deployment's containers and what backs each volumeMount", "[kubernetes]") {
  const auto r = read(
      "apiVersion: apps/v1\n"
      "kind: Deployment\n"
      "metadata: {name: db}\n"
      "spec:\n"
      "  replicas: 2\n"
      "  selector: {matchLabels: {app: db}}\n"
      "  template:\n"
      "    spec:\n"
      "      initContainers:\n"
      "        - name: init\n"
      "          image: busybox\n"
      "      containers:\n"
      "        - name: db\n"
      "          image: \"postgres:17\"\n"
      "          env:\n"
      "            - name: PGDATA\n"
      "              value: /var/lib/postgresql/data/pgdata\n"
      "            - name: POSTGRES_PASSWORD\n"
      "              valueFrom: {secretKeyRef: {name: pg, key: password}}\n"
      "          envFrom: [{configMapRef: {name: extra}}]\n"
      "          args: [\"-c\", \"max_connections=200\"]\n"
      "          volumeMounts:\n"
      "            - name: data\n"
      "              mountPath: /var/lib/postgresql/data\n"
      "              subPath: pg\n"
      "            - {name: host, mountPath: /host, readOnly: true}\n"
      "            - name: scratch\n"
      "              mountPath: /scratch\n"
      "            - name: shm\n"
      "              mountPath: /dev/shm\n"
      "            - name: config\n"
      "              mountPath: /etc/postgresql\n"
      "            - name: missing\n"
      "              mountPath: /missing\n"
      "            - name: inline\n"
      "              mountPath: /inline\n"
      "        - name: sidecar\n"
      "          image: prom/postgres-exporter\n"
      "      volumes:\n"
      "        - name: data\n"
      "          persistentVolumeClaim: {claimName: pg}\n"
      "        - name: host\n"
      "          hostPath: {path: /srv/pg}\n"
      "        - name: scratch\n"
      "          emptyDir: {}\n"
      "        - name: shm\n"
      "          emptyDir: {medium: Memory}\n"
      "        - name: config\n"
      "          configMap: {name: pg-config}\n"
      "        - name: inline\n"
      "          ephemeral: {}\n");
  REQUIRE(r->issues.empty());
  REQUIRE(r->manifests.containers.size() == 2);  // init containers finish: not read
  CHECK(r->manifests.container_names == std::vector<std::string>{"db", "sidecar"});
  const auto& db = r->manifests.containers[0];
  CHECK(db.origin == dockvet::docker::Origin::kubernetes);
  CHECK(db.image->text() == "postgres:17");
  CHECK(slice(*r, db.image->range) == "\"postgres:17\"");
  CHECK(db.replicas->text() == "2");
  CHECK_FALSE(db.entrypoint);
  REQUIRE(db.command.size() == 2);  // args are the CMD
  CHECK(db.command[1].text() == "max_connections=200");
  REQUIRE(db.env.size() == 2);
  CHECK(db.env[0].value->text() == "/var/lib/postgresql/data/pgdata");
  CHECK(db.env[1].from_host);
  CHECK(db.env_file_present);
  REQUIRE(db.mounts.size() == 7);
  CHECK(db.mounts[0].kind == MountKind::named_volume);
  CHECK(db.mounts[0].target_path == "/var/lib/postgresql/data");
  CHECK(slice(*r, db.mounts[0].target->range) == "/var/lib/postgresql/data");
  CHECK(db.mounts[1].kind == MountKind::bind);
  CHECK(db.mounts[1].source->text() == "/srv/pg");
  CHECK(db.mounts[1].readonly);
  CHECK(db.mounts[2].kind == MountKind::anonymous_volume);
  CHECK(db.mounts[3].kind == MountKind::tmpfs);
  CHECK(db.mounts[4].kind == MountKind::other);
  CHECK(db.mounts[5].kind == MountKind::unknown);
  CHECK(db.mounts[6].kind == MountKind::unknown);
  // A pragma above `- name: db` covers the container up to its last line.
  CHECK(r->manifests.container_lines[0] == std::pair<std::uint32_t, std::uint32_t>{13, 36});
}

TEST_CASE("command replaces the entrypoint; $(VAR) and Helm actions are unknown", "[kubernetes]") {
  const auto r = read(
      "apiVersion: v1\n"
      "kind: Pod\n"
      "spec:\n"
      "  containers:\n"
      "    - name: dump\n"
      "      image: postgres:17\n"
      "      command: [pg_dump, -f, /backup/db.sql]\n"
      "    - name: db\n"
      "      image: postgres:17\n"
      "      args: [\"--data-dir=$(DATA)\"]\n"
      "    - name: templated\n"
      "      image: \"{{ .Values.image }}\"\n");
  REQUIRE(r->manifests.containers.size() == 3);
  const auto& dump = r->manifests.containers[0];
  REQUIRE(dump.entrypoint);
  CHECK(dump.entrypoint->text() == "pg_dump");
  CHECK(dump.command.size() == 2);
  CHECK_FALSE(r->manifests.containers[1].command[0].known());
  CHECK_FALSE(r->manifests.containers[2].image->known());
}

TEST_CASE("StatefulSet claims, List items, CronJobs and multi-document files", "[kubernetes]") {
  const auto r = read(
      "apiVersion: apps/v1\n"
      "kind: StatefulSet\n"
      "spec:\n"
      "  replicas: 1\n"
      "  selector: {matchLabels: {app: mysql}}\n"
      "  template:\n"
      "    spec:\n"
      "      containers:\n"
      "        - name: mysql\n"
      "          image: mysql:8.4\n"
      "          volumeMounts: [{name: data, mountPath: /var/lib/mysql}]\n"
      "  volumeClaimTemplates:\n"
      "    - metadata: {name: data}\n"
      "      spec: {accessModes: [ReadWriteOnce]}\n"
      "---\n"
      "apiVersion: v1\n"
      "kind: List\n"
      "items:\n"
      "  - apiVersion: v1\n"
      "    kind: Pod\n"
      "    spec:\n"
      "      containers: [{name: a, image: redis}]\n"
      "  - apiVersion: v1\n"
      "    kind: Service\n"
      "    spec: {ports: [{port: 80}]}\n"
      "---\n"
      "apiVersion: batch/v1\n"
      "kind: CronJob\n"
      "spec:\n"
      "  schedule: '@daily'\n"
      "  jobTemplate:\n"
      "    spec:\n"
      "      template:\n"
      "        spec:\n"
      "          containers: [{name: backup, image: 'mongo:7', command: [mongodump]}]\n"
      "---\n"
      "apiVersion: apps/v1\n"
      "kind: DaemonSet\n"
      "spec: {selector: {}, template: {spec: {containers: [{name: agent, image: fluentd}]}}}\n"
      "---\n"
      "apiVersion: batch/v1\n"
      "kind: Job\n"
      "spec: {template: {spec: {containers: [{name: job, image: busybox}]}}}\n"
      "---\n"
      "apiVersion: v1\n"
      "kind: ReplicationController\n"
      "spec: {replicas: 3, template: {spec: {containers: [{name: rc, image: nginx}]}}}\n");
  REQUIRE(r->issues.empty());
  CHECK(r->manifests.container_names ==
        std::vector<std::string>{"mysql", "a", "backup", "agent", "job", "rc"});
  CHECK(r->manifests.containers[0].mounts[0].kind == MountKind::named_volume);
  CHECK(r->manifests.containers[2].entrypoint->text() == "mongodump");
  CHECK(r->manifests.containers[5].replicas->text() == "3");
}

TEST_CASE("YAML that is not a workload gives nothing; broken YAML is DV030", "[kubernetes]") {
  CHECK(read("apiVersion: v1\nkind: Service\nspec: {ports: [{port: 5432}]}\n")
            ->manifests.containers.empty());
  CHECK(read("name: CI\non: [push]\njobs: {build: {runs-on: ubuntu-latest}}\n")
            ->manifests.containers.empty());
  CHECK(read("kind: Pod\nspec: {containers: [{name: a, image: postgres}]}\n")
            ->manifests.containers.empty());  // no apiVersion: not an object kubectl takes
  const auto broken = read("apiVersion: v1\nkind: Pod\nspec: [unclosed\n");
  REQUIRE(broken->issues.size() == 1);
  CHECK(broken->issues[0].code == "DV030");
}

TEST_CASE("Helm templates are skipped with one note", "[kubernetes]") {
  const std::string helm =
      "apiVersion: apps/v1\n"
      "kind: Deployment\n"
      "spec:\n"
      "  template:\n"
      "    spec:\n"
      "      containers:\n"
      "        - name: db\n"
      "          image: postgres:17\n"
      "          {{- with .Values.volumeMounts }}\n"
      "          volumeMounts: {{ toYaml . | nindent 12 }}\n"
      "          {{- end }}\n";
  const auto r = read(helm);
  REQUIRE(r->issues.size() == 1);
  CHECK(r->issues[0].code == "DV031");
  CHECK(slice(*r, r->issues[0].range) == "{{");
  CHECK(r->manifests.containers.empty());

  // Valid YAML in a chart's templates/ folder is still a template: its values come from Helm.
  namespace fs = std::filesystem;
  const fs::path chart = fs::temp_directory_path() / "dockvet-test-chart";
  fs::create_directories(chart / "templates");
  std::ofstream(chart / "Chart.yaml") << "apiVersion: v2\nname: db\nversion: 1.0.0\n";
  const auto in_chart = read(
      "apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: db\n"
      "      image: \"postgres:{{ .Values.tag }}\"\n",
      (chart / "templates" / "pod.yaml").string());
  REQUIRE(in_chart->issues.size() == 1);
  CHECK(in_chart->issues[0].code == "DV031");
  fs::remove_all(chart);

  // Outside a chart, `{{` inside valid YAML (a Prometheus rule in a ConfigMap) is just text.
  const auto config = read(
      "apiVersion: v1\nkind: ConfigMap\ndata:\n  rules: |\n    summary: '{{ $labels.instance "
      "}}'\n");
  CHECK(config->issues.empty());
}

TEST_CASE("a YAML file is a manifest when its top level has apiVersion and kind", "[kubernetes]") {
  using dockvet::kubernetes::looks_like_manifest;
  CHECK(looks_like_manifest("apiVersion: v1\nkind: Pod\n"));
  CHECK(
      looks_like_manifest("# a comment\n---\napiVersion: apps/v1\nmetadata:\n  name: x\nkind: "
                          "Deployment\n"));
  CHECK(looks_like_manifest("{{- if .Values.enabled }}\napiVersion: v1\nkind: Pod\n"));
  CHECK_FALSE(looks_like_manifest("apiVersion: v2\nname: chart\nversion: 1.0.0\n"));  // Chart.yaml
  CHECK_FALSE(looks_like_manifest("spec:\n  apiVersion: v1\n  kind: Pod\n"));
  CHECK_FALSE(looks_like_manifest("- apiVersion: v1\n  kind: Pod\n"));
  CHECK_FALSE(looks_like_manifest("cat <<EOF\napiVersion: v1\nkind: Pod\nEOF\n"));
  CHECK(dockvet::kind_from_content("apiVersion: v1\nkind: Pod\n") == FileKind::kubernetes);
  CHECK(dockvet::file_kind_from_string("kubernetes") == FileKind::kubernetes);
}

TEST_CASE("patches hold only what they change: they are not read", "[kubernetes]") {
  // apps/v1 refuses a Deployment without a selector: this is a fragment, not a workload.
  const std::string patch =
      "apiVersion: apps/v1\n"
      "kind: Deployment\n"
      "metadata: {name: db}\n"
      "spec:\n"
      "  template:\n"
      "    spec:\n"
      "      containers:\n"
      "        - name: db\n"
      "          image: postgres:17\n";
  CHECK(read(patch)->manifests.containers.empty());

  // A Pod needs no selector, but a kustomization beside it that lists it as a patch says so.
  namespace fs = std::filesystem;
  const fs::path overlay = fs::temp_directory_path() / "dockvet-test-overlay";
  fs::create_directories(overlay);
  std::ofstream(overlay / "kustomization.yaml")
      << "resources: [../base]\npatches:\n  - path: pod-patch.yaml\n";
  const std::string pod =
      "apiVersion: v1\nkind: Pod\nmetadata: {name: db}\nspec:\n  containers:\n"
      "    - {name: db, image: postgres:17}\n";
  CHECK(read(pod, (overlay / "pod-patch.yaml").string())->manifests.containers.empty());
  CHECK(read(pod, (overlay / "pod.yaml").string())->manifests.containers.size() == 1);
  fs::remove_all(overlay);
}

TEST_CASE("a directory walk lints manifests and skips other YAML", "[kubernetes]") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / "dockvet-test-walk-yaml";
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "db.yaml") << "apiVersion: v1\nkind: Pod\nspec: {}\n";
  std::ofstream(dir / "Deploy.YML") << "---\napiVersion: apps/v1\nkind: Deployment\n";
  std::ofstream(dir / "ci.yml") << "on: [push]\njobs: {}\n";
  std::ofstream(dir / "values.yaml") << "image: {repository: postgres}\n";
  std::ofstream(dir / "compose.yaml") << "services: {}\n";
  const auto found = dockvet::discover({dir.string()});
  std::vector<std::pair<std::string, FileKind>> kinds;
  for (const auto& target : found.targets) {
    kinds.emplace_back(fs::path(target.path).filename().string(), target.kind);
  }
  CHECK(kinds == std::vector<std::pair<std::string, FileKind>>{{"Deploy.YML", FileKind::kubernetes},
                                                               {"compose.yaml", FileKind::compose},
                                                               {"db.yaml", FileKind::kubernetes}});
  fs::remove_all(dir);
}

TEST_CASE("a kustomization with inline patches and odd entries is read safely", "[kubernetes]") {
  namespace fs = std::filesystem;
  const fs::path component = fs::temp_directory_path() / "dockvet-test-component";
  fs::create_directories(component);
  std::ofstream(component / "kustomization.yaml")
      << "kind: Component\npatches:\n- patch: |-\n    kind: Deployment\n  target: {kind: x}\n"
         "- [nested]\n- {path: {odd: map}}\npatchesStrategicMerge: not-a-list\n";
  const auto r =
      read("apiVersion: v1\nkind: Pod\nspec:\n  containers: [{name: db, image: mysql}]\n",
           (component / "pod.yaml").string());
  CHECK(r->manifests.containers.size() == 1);
  fs::remove_all(component);
}

TEST_CASE("an OpenShift DeploymentConfig runs its template like a Deployment", "[kubernetes]") {
  const auto r = read(
      "apiVersion: apps.openshift.io/v1\n"
      "kind: DeploymentConfig\n"
      "spec:\n"
      "  replicas: 1\n"
      "  template:\n"
      "    spec:\n"
      "      containers: [{name: db, image: 'mariadb:11'}]\n");
  REQUIRE(r->manifests.containers.size() == 1);
  CHECK(r->manifests.containers[0].replicas->text() == "1");
}

TEST_CASE("a volume declared twice or with two types backs nothing known", "[kubernetes]") {
  const auto r = read(
      "apiVersion: v1\n"
      "kind: Pod\n"
      "spec:\n"
      "  containers:\n"
      "    - name: db\n"
      "      image: postgres:17\n"
      "      volumeMounts:\n"
      "        - {name: twice, mountPath: /a}\n"
      "        - {name: both, mountPath: /b}\n"
      "  volumes:\n"
      "    - {name: twice, hostPath: {path: /srv/a}}\n"
      "    - {name: twice, emptyDir: {}}\n"
      "    - {name: both, emptyDir: {}, persistentVolumeClaim: {claimName: b}}\n");
  REQUIRE(r->manifests.containers.size() == 1);
  const auto& mounts = r->manifests.containers[0].mounts;
  REQUIRE(mounts.size() == 2);
  CHECK(mounts[0].kind == MountKind::unknown);
  CHECK(mounts[1].kind == MountKind::unknown);
  CHECK(r->file.text.find("/srv/a") != std::string::npos);
}

TEST_CASE("each document is parsed alone, and positions count from the file's start",
          "[kubernetes]") {
  const auto r = read(
      "# licence header\n"
      "---\n"
      "apiVersion: v1\n"
      "kind: Pod\n"
      "spec: {containers: [{name: a, image: redis}]}\n"
      "---   # second\n"
      "apiVersion: v1\n"
      "kind: Pod\n"
      "spec:\n"
      "  containers:\n"
      "    - name: b\n"
      "      image: mongo\n"
      "--- {apiVersion: v1, kind: Pod, spec: {containers: [{name: c, image: nginx}]}}\n"
      "--- \n"
      "...\n");
  REQUIRE(r->issues.empty());
  REQUIRE(r->manifests.containers.size() == 3);
  CHECK(slice(*r, r->manifests.containers[1].image->range) == "mongo");
  CHECK(r->file.lines.position(r->manifests.containers[1].image->range.begin).line == 12);
  CHECK(r->manifests.container_lines[1] == std::pair<std::uint32_t, std::uint32_t>{11, 12});
  CHECK(slice(*r, r->manifests.containers[2].image->range) == "nginx");

  const auto broken = read("apiVersion: v1\nkind: Pod\n---\napiVersion: v1\nkind: [Pod\n");
  REQUIRE(broken->issues.size() == 1);
  CHECK(broken->issues[0].code == "DV030");
  CHECK(broken->file.lines.position(broken->issues[0].range.begin).line >= 5);
  // A line that starts with a comma made yaml-cpp's LoadAll loop until memory ran out.
  CHECK(read(",\n---\n,\n")->manifests.containers.empty());
}

TEST_CASE("each container knows its workload: kind, strategy, node pinning", "[kubernetes]") {
  const auto r = read(
      "apiVersion: apps/v1\n"
      "kind: Deployment\n"
      "metadata: {name: db, namespace: shop}\n"
      "spec:\n"
      "  strategy: {type: Recreate}\n"
      "  selector: {matchLabels: {app: db}}\n"
      "  template:\n"
      "    spec:\n"
      "      nodeSelector: {disk: ssd}\n"
      "      containers: [{name: pg, image: postgres:17}]\n"
      "---\n"
      "apiVersion: v1\n"
      "kind: Pod\n"
      "metadata: {name: tool}\n"
      "spec:\n"
      "  affinity:\n"
      "    nodeAffinity:\n"
      "      preferredDuringSchedulingIgnoredDuringExecution: []\n"
      "  containers: [{name: sh, image: busybox:1.37}]\n");
  REQUIRE(r->manifests.containers.size() == 2);
  const auto& db = *r->manifests.containers[0].workload;
  CHECK(db.kind == "Deployment");
  CHECK(db.name == "db");
  CHECK(db.name_space == "shop");
  CHECK(db.strategy == "Recreate");
  CHECK(db.node_pinned);
  CHECK(db.replaces_pods());
  CHECK(slice(*r, db.kind_range) == "Deployment");
  const auto& tool = *r->manifests.containers[1].workload;
  CHECK(tool.kind == "Pod");
  CHECK_FALSE(tool.node_pinned);  // a preferred affinity is only a wish
  CHECK_FALSE(tool.replaces_pods());
}

TEST_CASE("a DaemonSet runs one Pod on every node it may use", "[kubernetes]") {
  const auto r = read(
      "apiVersion: apps/v1\n"
      "kind: DaemonSet\n"
      "metadata: {name: agent}\n"
      "spec:\n"
      "  selector: {matchLabels: {app: agent}}\n"
      "  template:\n"
      "    spec:\n"
      "      nodeSelector: {disk: ssd}\n"
      "      containers: [{name: a, image: redis:7}, {name: b, image: busybox:1.37}]\n"
      "---\n"
      "apiVersion: apps/v1\n"
      "kind: DaemonSet\n"
      "metadata: {name: one}\n"
      "spec:\n"
      "  selector: {matchLabels: {app: one}}\n"
      "  template:\n"
      "    spec:\n"
      "      nodeSelector: {kubernetes.io/hostname: node-1}\n"
      "      hostNetwork: true\n"
      "      containers: [{name: a, image: redis:7}]\n"
      "---\n"
      "apiVersion: apps/v1\n"
      "kind: Deployment\n"
      "metadata: {name: web}\n"
      "spec:\n"
      "  selector: {matchLabels: {app: web}}\n"
      "  template:\n"
      "    spec:\n"
      "      containers: [{name: a, image: nginx:1.27}]\n");
  REQUIRE(r->manifests.containers.size() == 4);
  const auto& agent = r->manifests.containers;
  REQUIRE(agent[0].one_per_node());
  CHECK(slice(*r, *agent[0].every_node) == "DaemonSet");
  CHECK(agent[0].every_node->begin == r->file.text.find("DaemonSet"));
  CHECK(agent[1].one_per_node());
  CHECK_FALSE(agent[0].workload->replaces_pods());  // on its own node, never moved
  CHECK_FALSE(agent[2].every_node);                 // pinned to one node by name
  CHECK_FALSE(agent[3].every_node);
  CHECK(agent[2].workload->host_network);
  CHECK_FALSE(agent[0].workload->host_network);
}

TEST_CASE("an autoscaler's maxReplicas scales the workload it targets", "[kubernetes]") {
  const std::string deployment =
      "apiVersion: apps/v1\n"
      "kind: Deployment\n"
      "metadata: {name: web}\n"
      "spec:\n"
      "  replicas: 2\n"
      "  selector: {matchLabels: {app: web}}\n"
      "  template:\n"
      "    spec:\n"
      "      containers: [{name: app, image: nextcloud:30}]\n";
  const auto autoscaler = [](std::string name, std::string max, std::string ns = "") {
    return "---\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: x" +
           (ns.empty() ? "" : ", namespace: " + ns) +
           "}\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: " + name +
           "}\n  maxReplicas: " + max + "\n";
  };
  // Before or after the workload, the autoscaler applies; its maxReplicas is the range.
  auto r = read(autoscaler("web", "5") + "---\n" + deployment);
  REQUIRE(r->manifests.containers.size() == 1);
  CHECK(r->manifests.containers[0].replica_count() == 5);
  CHECK(slice(*r, r->manifests.containers[0].replicas->range) == "5");
  CHECK(r->manifests.containers[0].workload->autoscaled);
  // Fewer than the workload's own count, another target, another namespace: no change.
  for (const auto& other :
       {autoscaler("web", "1"), autoscaler("api", "9"), autoscaler("web", "9", "prod")}) {
    r = read(deployment + other);
    CHECK(r->manifests.containers[0].replica_count() == 2);
    CHECK_FALSE(r->manifests.containers[0].workload->autoscaled);
  }
}

TEST_CASE("the Services that select a Pod and the Ingresses in front of them", "[kubernetes]") {
  const auto r = read(
      "apiVersion: apps/v1\n"
      "kind: Deployment\n"
      "metadata: {name: cloud, namespace: web}\n"
      "spec:\n"
      "  replicas: 3\n"
      "  selector: {matchLabels: {app: cloud}}\n"
      "  template:\n"
      "    metadata: {labels: {app: cloud, tier: front}}\n"
      "    spec:\n"
      "      containers: [{name: nextcloud, image: nextcloud:31}]\n"
      "---\n"
      "apiVersion: v1\n"
      "kind: Service\n"
      "metadata: {name: cloud, namespace: web, annotations: {traefik.ingress.kubernetes.io/"
      "service.sticky.cookie: \"true\"}}\n"
      "spec: {selector: {app: cloud}, sessionAffinity: ClientIP}\n"
      "---\n"
      "apiVersion: v1\n"
      "kind: Service\n"
      "metadata: {name: other, namespace: web}\n"
      "spec: {selector: {app: cloud, tier: back}, sessionAffinity: ClientIP}\n"
      "---\n"
      "apiVersion: v1\n"
      "kind: Service\n"
      "metadata: {name: cloud, namespace: elsewhere}\n"
      "spec: {selector: {app: cloud}, sessionAffinity: ClientIP}\n"
      "---\n"
      "apiVersion: networking.k8s.io/v1\n"
      "kind: Ingress\n"
      "metadata:\n"
      "  name: cloud\n"
      "  annotations: {nginx.ingress.kubernetes.io/affinity: cookie}\n"
      "spec:\n"
      "  rules: [{http: {paths: [{path: /, backend: {service: {name: cloud}}}]}}]\n"
      "---\n"
      "apiVersion: networking.k8s.io/v1\n"
      "kind: Ingress\n"
      "metadata: {name: other, namespace: web, annotations: {a: b}}\n"
      "spec: {defaultBackend: {service: {name: other}}}\n"
      "---\n"
      "apiVersion: networking.k8s.io/v1beta1\n"
      "kind: Ingress\n"
      "metadata: {name: old, namespace: web, annotations: {c: d}}\n"
      "spec: {backend: {serviceName: not-in-this-file}}\n"
      "---\n"
      "apiVersion: traefik.io/v1alpha1\n"
      "kind: IngressRoute\n"
      "metadata: {name: route, namespace: web}\n"
      "spec:\n"
      "  routes:\n"
      "    - match: Host(`cloud`)\n"
      "      services: [{name: cloud, port: 80, sticky: {cookie: {name: lb}}}]\n");
  REQUIRE(r->manifests.containers.size() == 1);
  std::vector<std::string> settings;
  for (const auto& setting : r->manifests.containers[0].routing) {
    settings.push_back(setting.where + ": " + setting.key + "=" + setting.value);
  }
  // The Service that selects the Pods (not the one whose selector asks for more labels, nor the
  // one in another namespace), the Ingress without a namespace that routes to it, the Ingress
  // to a Service this file does not define, and the IngressRoute's sticky cookie.
  CHECK(settings == std::vector<std::string>{
                        "Service cloud: sessionAffinity=ClientIP",
                        "Service cloud: traefik.ingress.kubernetes.io/service.sticky.cookie=true",
                        "Ingress cloud: nginx.ingress.kubernetes.io/affinity=cookie",
                        "Ingress old: c=d",
                        "IngressRoute route: sticky=cookie",
                    });
}
