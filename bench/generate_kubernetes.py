#!/usr/bin/env python3
"""Writes a deterministic tree of realistic Kubernetes manifests for dockvet's benchmark.

    generate_kubernetes.py N DIR [--seed S]

N manifest files in app folders (DIR/GGG/NAME-IIIIII/), named as repositories name them
(deployment.yaml, k8s.yaml, manifests.yml, statefulset.yaml, app.yaml, ...). A file is one app's
multi-document stack, 40-400 lines: a Deployment of the app (replicas 1-6, probes, resources,
env with valueFrom, configMap and secret volumes) with its Service and sometimes an Ingress,
a HorizontalPodAutoscaler or a ConfigMap; databases (postgres 13-18, mysql, mariadb, mongo,
redis, rabbitmq, elasticsearch) as StatefulSets with volumeClaimTemplates, as Deployments on a
PersistentVolumeClaim, an emptyDir or a hostPath, or with nothing mounted; a backup CronJob;
now and then a `kind: List` wrapper. The same N and seed always give the same bytes, and file i
is the same whatever N is. Python standard library only.

The manifest files are listed, one per line, in DIR/kubernetes-files.txt, so that every run is
given exactly the same files.
"""

import argparse
import os
import random
import sys

sys.dont_write_bytecode = True  # importing generate.py must not leave a __pycache__ in bench/
from generate import sentence, write  # noqa: E402

APPS = ["shop", "billing", "wiki", "tracker", "ingest", "blog", "crm", "chat", "forum",
        "gallery", "inventory", "metrics", "auth", "notes", "booking", "survey", "helpdesk",
        "payroll", "catalog", "search", "ledger", "kiosk", "portal", "scheduler"]
# (file name, weight): what a repository calls the file.
FILE_NAMES = [("deployment.yaml", 30), ("k8s.yaml", 15), ("manifests.yml", 10), ("app.yaml", 15),
              ("statefulset.yaml", 8), ("kubernetes.yml", 8), ("all-in-one.yaml", 8),
              ("stack.yaml", 6)]
APP_IMAGES = ["ghcr.io/acme/{name}:1.{minor}.{patch}", "registry.example.com/{name}/api:v{minor}",
              "nginx:1.27-alpine", "python:3.12-slim", "node:20-bookworm-slim",
              "tomcat:11-jdk21", "nextcloud:31-apache", "phpmyadmin:5.2", "odoo:18",
              "wordpress:6.7-apache"]
# (image, tags, data path, port)
DATABASES = [("postgres", ["13", "14", "15", "16", "17", "18", "17-alpine"],
              "/var/lib/postgresql/data", 5432),
             ("mysql", ["8.0", "8.4", "9.1"], "/var/lib/mysql", 3306),
             ("mariadb", ["10.11", "11.4", "11.8"], "/var/lib/mysql", 3306),
             ("mongo", ["6.0", "7.0", "8.0"], "/data/db", 27017),
             ("redis", ["7.2", "7.4-alpine"], "/data", 6379),
             ("rabbitmq", ["3.13-management", "4.0"], "/var/lib/rabbitmq", 5672),
             ("docker.elastic.co/elasticsearch/elasticsearch", ["8.15.0", "8.17.1"],
              "/usr/share/elasticsearch/data", 9200)]


def metadata(name, namespace, labels=None, annotations=None, indent=""):
    lines = [f"{indent}metadata:", f"{indent}  name: {name}"]
    if namespace:
        lines.append(f"{indent}  namespace: {namespace}")
    if labels:
        lines.append(f"{indent}  labels:")
        lines += [f"{indent}    {key}: {value}" for key, value in labels.items()]
    if annotations:
        lines.append(f"{indent}  annotations:")
        lines += [f"{indent}    {key}: \"{value}\"" for key, value in annotations.items()]
    return lines


def resources(rng, indent):
    cpu = rng.choice(["100m", "250m", "500m", "1"])
    memory = rng.choice(["128Mi", "256Mi", "512Mi", "1Gi", "2Gi"])
    return [f"{indent}resources:", f"{indent}  requests: {{cpu: {cpu}, memory: {memory}}}",
            f"{indent}  limits: {{memory: {memory}}}"]


def probe(rng, kind, port, indent):
    if rng.random() < 0.5:
        return [f"{indent}{kind}:", f"{indent}  httpGet: {{path: /healthz, port: {port}}}",
                f"{indent}  periodSeconds: {rng.choice([5, 10, 15])}"]
    return [f"{indent}{kind}:", f"{indent}  tcpSocket: {{port: {port}}}",
            f"{indent}  initialDelaySeconds: {rng.choice([5, 10, 30])}"]


def app_documents(rng, app, namespace):
    """The app's Deployment, Service and, sometimes, Ingress, autoscaler and ConfigMap."""
    name = app
    image = rng.choice(APP_IMAGES).format(name=app, minor=rng.randint(0, 40),
                                          patch=rng.randint(0, 9))
    port = rng.choice([80, 3000, 8000, 8080])
    replicas = rng.choice([1, 2, 2, 3, 3, 4, 6])
    labels = {"app.kubernetes.io/name": name, "app.kubernetes.io/part-of": app}
    docs = []
    lines = ["apiVersion: apps/v1", "kind: Deployment"]
    lines += metadata(name, namespace, labels)
    lines += ["spec:", f"  replicas: {replicas}",
              "  selector:", "    matchLabels:", f"      app.kubernetes.io/name: {name}"]
    if rng.random() < 0.3:
        lines += ["  strategy:", "    type: RollingUpdate",
                  "    rollingUpdate: {maxSurge: 1, maxUnavailable: 0}"]
    lines += ["  template:", "    metadata:", "      labels:"]
    lines += [f"        {key}: {value}" for key, value in labels.items()]
    lines += ["    spec:"]
    if rng.random() < 0.4:
        lines += ["      securityContext: {runAsNonRoot: true, runAsUser: 10001}"]
    lines += ["      containers:", f"        - name: {name}", f"          image: {image}",
              "          ports:", f"            - containerPort: {port}", "          env:"]
    for key in rng.sample(["LOG_LEVEL", "PORT", "FEATURE_FLAGS", "TZ", "WORKERS"],
                          rng.randint(1, 4)):
        lines += [f"            - name: {key}", f"              value: \"{rng.randint(1, 99)}\""]
    lines += ["            - name: DATABASE_PASSWORD", "              valueFrom:",
              f"                secretKeyRef: {{name: {app}-db, key: password}}"]
    lines += probe(rng, "readinessProbe", port, "          ")
    lines += probe(rng, "livenessProbe", port, "          ")
    lines += resources(rng, "          ")
    lines += ["          volumeMounts:", "            - name: config",
              "              mountPath: /etc/app", "              readOnly: true"]
    lines += ["      volumes:", "        - name: config", f"          configMap: {{name: {app}-config}}"]
    docs.append(lines)

    service = ["apiVersion: v1", "kind: Service"] + metadata(name, namespace)
    service += ["spec:", "  selector:", f"    app.kubernetes.io/name: {name}"]
    if rng.random() < 0.2:
        service.append("  sessionAffinity: ClientIP")
    service += ["  ports:", f"    - port: 80", f"      targetPort: {port}"]
    docs.append(service)
    if rng.random() < 0.5:
        annotations = {"cert-manager.io/cluster-issuer": "letsencrypt"}
        if rng.random() < 0.3:
            annotations["nginx.ingress.kubernetes.io/affinity"] = "cookie"
        ingress = ["apiVersion: networking.k8s.io/v1", "kind: Ingress"]
        ingress += metadata(name, namespace, annotations=annotations)
        ingress += ["spec:", "  ingressClassName: nginx", "  rules:",
                    f"    - host: {app}.example.com", "      http:", "        paths:",
                    "          - path: /", "            pathType: Prefix", "            backend:",
                    "              service:", f"                name: {name}",
                    "                port: {number: 80}"]
        docs.append(ingress)
    if rng.random() < 0.3:
        hpa = ["apiVersion: autoscaling/v2", "kind: HorizontalPodAutoscaler"]
        hpa += metadata(name, namespace)
        hpa += ["spec:", "  scaleTargetRef:", "    apiVersion: apps/v1", "    kind: Deployment",
                f"    name: {name}", f"  minReplicas: {replicas}",
                f"  maxReplicas: {replicas + rng.randint(1, 8)}", "  metrics:",
                "    - type: Resource", "      resource:", "        name: cpu",
                "        target: {type: Utilization, averageUtilization: 70}"]
        docs.append(hpa)
    if rng.random() < 0.5:
        config = ["apiVersion: v1", "kind: ConfigMap"] + metadata(f"{app}-config", namespace)
        config += ["data:", "  app.conf: |"]
        config += [f"    # {sentence(rng)}" for _ in range(rng.randint(1, 6))]
        config += [f"    key_{i} = {rng.randint(1, 1000)}" for i in range(rng.randint(2, 12))]
        docs.append(config)
    return docs


def database_documents(rng, app, namespace):
    """A database as a StatefulSet or a Deployment, with one of the ways people store its data."""
    image, tags, data, port = rng.choice(DATABASES)
    short = image.rsplit("/", 1)[-1]
    name = f"{app}-{short}"
    tag = rng.choice(tags)
    storage = rng.choices(["claim-template", "pvc", "emptydir", "hostpath", "none"],
                          [40, 25, 15, 10, 10])[0]
    kind = "StatefulSet" if storage == "claim-template" or rng.random() < 0.2 else "Deployment"
    docs = []
    lines = ["apiVersion: apps/v1", f"kind: {kind}"]
    lines += metadata(name, namespace, {"app": name})
    lines += ["spec:"]
    if kind == "StatefulSet":
        lines.append(f"  serviceName: {name}")
    lines += [f"  replicas: {rng.choice([1, 1, 1, 3])}", "  selector:",
              f"    matchLabels: {{app: {name}}}", "  template:", "    metadata:",
              f"      labels: {{app: {name}}}", "    spec:"]
    if storage == "hostpath" and rng.random() < 0.5:
        lines.append("      nodeSelector: {kubernetes.io/hostname: node-1}")
    lines += ["      containers:", f"        - name: {short}", f"          image: {image}:{tag}",
              "          ports:", f"            - containerPort: {port}"]
    if short in ("postgres", "mysql", "mariadb"):
        secret = "POSTGRES_PASSWORD" if short == "postgres" else "MYSQL_ROOT_PASSWORD"
        lines += ["          env:", f"            - name: {secret}", "              valueFrom:",
                  f"                secretKeyRef: {{name: {name}, key: password}}"]
    lines += resources(rng, "          ")
    if storage != "none":
        lines += ["          volumeMounts:", "            - name: data",
                  f"              mountPath: {data}"]
    if storage == "pvc":
        lines += ["      volumes:", "        - name: data", "          persistentVolumeClaim:",
                  f"            claimName: {name}-data"]
    elif storage == "emptydir":
        lines += ["      volumes:", "        - name: data", "          emptyDir: {}"]
    elif storage == "hostpath":
        lines += ["      volumes:", "        - name: data", "          hostPath:",
                  f"            path: /srv/{name}", "            type: DirectoryOrCreate"]
    if storage == "claim-template":
        lines += ["  volumeClaimTemplates:", "    - metadata: {name: data}", "      spec:",
                  "        accessModes: [ReadWriteOnce]",
                  f"        resources: {{requests: {{storage: {rng.choice([1, 5, 10, 50])}Gi}}}}"]
    docs.append(lines)
    if storage == "pvc":
        claim = ["apiVersion: v1", "kind: PersistentVolumeClaim"]
        claim += metadata(f"{name}-data", namespace)
        claim += ["spec:", "  accessModes: [ReadWriteOnce]",
                  "  resources: {requests: {storage: 10Gi}}"]
        docs.append(claim)
    service = ["apiVersion: v1", "kind: Service"] + metadata(name, namespace)
    service += ["spec:", f"  selector: {{app: {name}}}", "  ports:", f"    - port: {port}"]
    if kind == "StatefulSet":
        service.append("  clusterIP: None")
    docs.append(service)
    if short == "postgres" and rng.random() < 0.4:
        job = ["apiVersion: batch/v1", "kind: CronJob"] + metadata(f"{name}-backup", namespace)
        job += ["spec:", "  schedule: \"0 3 * * *\"", "  jobTemplate:", "    spec:",
                "      template:", "        spec:", "          restartPolicy: OnFailure",
                "          containers:", "            - name: backup",
                f"              image: postgres:{tag}",
                "              command: [\"sh\", \"-c\", \"pg_dump -h $HOST app > /backup/app.sql\"]",
                "              volumeMounts:", "                - {name: backup, mountPath: /backup}",
                "          volumes:", "            - name: backup",
                f"              persistentVolumeClaim: {{claimName: {name}-backup}}"]
        docs.append(job)
    return docs


def manifest_file(rng, index):
    app = rng.choice(APPS)
    folder = f"{app}-{index:06d}"
    namespace = rng.choice([None, None, app, "prod", "staging"])
    docs = app_documents(rng, app, namespace)
    for _ in range(rng.choices([0, 1, 2], [25, 55, 20])[0]):
        docs += database_documents(rng, app, namespace)
    lines = [f"# {sentence(rng)}"]
    if rng.random() < 0.08:
        # A `kind: List` wrapper, as `kubectl get -o yaml` writes one.
        lines += ["apiVersion: v1", "kind: List", "items:"]
        for doc in docs:
            lines.append("  - " + doc[0])
            lines += ["    " + line for line in doc[1:]]
    else:
        for i, doc in enumerate(docs):
            if i or rng.random() < 0.3:
                lines.append("---")
            lines += doc
    choices, weights = zip(*FILE_NAMES)
    return folder, rng.choices(choices, weights)[0], lines


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, nargs="?", default=1000)
    parser.add_argument("directory", nargs="?", default="bench/inputs-kubernetes")
    parser.add_argument("--seed", type=int, default=20261207)
    args = parser.parse_args()

    listed = []
    for index in range(args.count):
        rng = random.Random(args.seed * 1_000_003 + index)
        folder, file_name, lines = manifest_file(rng, index)
        path = os.path.join(args.directory, f"{index // 100:03d}", folder, file_name)
        write(path, lines)
        listed.append(os.path.relpath(path, args.directory))
    with open(os.path.join(args.directory, "kubernetes-files.txt"), "w", encoding="utf-8") as out:
        out.write("\n".join(listed) + "\n")


if __name__ == "__main__":
    main()
