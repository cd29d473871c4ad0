#!/usr/bin/env python3
"""Writes a deterministic tree of realistic compose projects for dockvet's benchmark.

    generate_compose.py N DIR [--seed S]

One compose file in each of N project folders (DIR/GGG/NAME-IIIIII/), named as real projects
name them: compose.yaml, docker-compose.yml, docker-compose.prod.yml and a few other variants.
A project is a stack of 2-12 services, 20-200 lines: databases (postgres 13-18, 18 sometimes
mounted at the pre-18 path, mysql, mariadb, mongo, redis) with and without volumes, short- and
long-syntax, named, bind, anonymous and tmpfs; web apps and workers built from `build:`
contexts, each with a small Dockerfile in its context; nginx in front; `${VAR:-default}`
interpolation with a `.env` beside some files; `x-` anchors merged with `<<: *base`;
`deploy.replicas`; healthchecks, depends_on conditions, networks. The same N and seed always
give the same bytes, and project i is the same whatever N is. Python standard library only.

The compose files themselves are listed, one per line, in DIR/compose-files.txt, so that every
linter can be given exactly the same files.
"""

import argparse
import os
import random
import sys

sys.dont_write_bytecode = True  # importing generate.py must not leave a __pycache__ in bench/
from generate import sentence, write  # noqa: E402

PROJECTS = ["shop", "billing", "wiki", "tracker", "ingest", "blog", "crm", "chat", "forum",
            "gallery", "inventory", "metrics", "auth", "notes", "booking", "survey", "helpdesk",
            "payroll", "catalog", "search", "ledger", "kiosk", "portal", "scheduler"]
# (file name, weight): what a project's compose file is called.
FILE_NAMES = [("compose.yaml", 34), ("docker-compose.yml", 34), ("docker-compose.prod.yml", 12),
              ("compose.yml", 8), ("docker-compose.yaml", 4), ("compose.prod.yaml", 3),
              ("docker-compose.dev.yml", 3), ("compose.override.yml", 2)]
APP_BASES = [("python:3.12-slim", "pip install --no-cache-dir -r requirements.txt",
              '["gunicorn", "-b", "0.0.0.0:8000", "app.wsgi"]', 8000),
             ("node:20-bookworm-slim", "npm ci --omit=dev", '["node", "server.js"]', 3000),
             ("ruby:3.3-slim", "bundle install --without development test",
              '["bundle", "exec", "puma", "-p", "3000"]', 3000),
             ("php:8.3-fpm-bookworm", "docker-php-ext-install pdo_mysql opcache",
              '["php-fpm"]', 9000),
             ("eclipse-temurin:21-jre", "true", '["java", "-jar", "/app/app.jar"]', 8080)]


class Project:
    """What one compose file is being built from: its name, anchors and what it declares."""

    def __init__(self, rng, index):
        self.rng = rng
        self.name = f"{rng.choice(PROJECTS)}"
        self.folder = f"{self.name}-{index:06d}"
        self.use_base = rng.random() < 0.45  # x-common: &base, merged with <<: *base
        self.use_networks = rng.random() < 0.4
        self.volumes = []  # top-level named volumes, in order of first use
        self.env = {}  # what .env would set, if the project has one
        self.dockerfiles = {}  # context folder -> Dockerfile lines
        self.databases = []  # service names of the databases, for depends_on and URLs
        self.apps = []

    def snapshot(self):
        return (list(self.volumes), dict(self.env), dict(self.dockerfiles), list(self.databases),
                list(self.apps))

    def restore(self, saved):
        self.volumes, self.env, self.dockerfiles, self.databases, self.apps = saved

    def named_volume(self, name):
        if name not in self.volumes:
            self.volumes.append(name)
        return name

    def var(self, name, default):
        """A ${VAR:-default} reference; .env sets some of them to something else."""
        if self.rng.random() < 0.5:
            self.env[name] = default
        return f"${{{name}:-{default}}}"


def base_keys(project, lines):
    """The `<<: *base` line, or the keys the anchor would have given, written out."""
    if project.use_base:
        lines.append("    <<: *base")
    else:
        lines.append("    restart: unless-stopped")


def environment(project, lines, pairs):
    rng = project.rng
    if rng.random() < 0.6:
        lines.append("    environment:")
        lines += [f"      {key}: {value}" for key, value in pairs]
    else:
        lines.append("    environment:")
        lines += [f"      - {key}={value}" for key, value in pairs]


def healthcheck(lines, test, interval="10s"):
    lines += ["    healthcheck:", f"      test: {test}", f"      interval: {interval}",
              "      timeout: 5s", "      retries: 5"]
    return lines


def networks(project, lines, *names):
    if project.use_networks and not project.use_base:
        lines.append("    networks:")
        lines += [f"      - {name}" for name in names]


def data_volume(project, lines, service, path, named_weight=0.55):
    """Mounts a database's data directory in one of the ways real files do, or not at all."""
    rng = project.rng
    style = rng.random()
    volume = f"{service.replace('-', '_')}_data"
    if style < named_weight:
        lines += ["    volumes:", f"      - {project.named_volume(volume)}:{path}"]
    elif style < named_weight + 0.12:
        lines += ["    volumes:", "      - type: volume", f"        source: {project.named_volume(volume)}",
                  f"        target: {path}"]
    elif style < named_weight + 0.22:
        lines += ["    volumes:", f"      - ./data/{service}:{path}"]
    elif style < named_weight + 0.26:
        lines += ["    volumes:", f"      - {path}"]  # anonymous
    elif style < named_weight + 0.29:
        lines += ["    tmpfs:", f"      - {path}"]
    else:
        return False  # nothing mounted, the commonest way to lose the data
    return lines[-2] == "    volumes:"  # a short-syntax list another entry can join


def postgres(project, name):
    rng = project.rng
    tag = rng.choice(["13", "15", "16", "16-alpine", "17", "17-alpine", "18", "18-alpine", "var"])
    image = f"postgres:{project.var('POSTGRES_VERSION', '16')}" if tag == "var" else f"postgres:{tag}"
    lines = [f"  {name}:", f"    image: {image}"]
    if tag != "var" and rng.random() < 0.1:
        # Stock postgres with the project's extensions, built beside the file.
        lines = [f"  {name}:", f"    build: ./{name}"]
        project.dockerfiles[f"./{name}"] = [
            f"FROM {image}", "COPY init.sql /docker-entrypoint-initdb.d/",
            "ENV POSTGRES_INITDB_ARGS=--data-checksums"]
    base_keys(project, lines)
    environment(project, lines, [("POSTGRES_USER", project.name),
                                 ("POSTGRES_PASSWORD", project.var("POSTGRES_PASSWORD", "postgres")),
                                 ("POSTGRES_DB", project.name)])
    if tag.startswith("18") and rng.random() < 0.5:
        path = "/var/lib/postgresql"  # where 18 keeps it
    else:
        path = "/var/lib/postgresql/data"  # the old path, also copied onto 18
    data_volume(project, lines, name, path)
    if rng.random() < 0.3:
        lines += ["    ports:", f'      - "{project.var("DB_PORT", "5432")}:5432"']
    healthcheck(lines, f'["CMD-SHELL", "pg_isready -U {project.name}"]')
    networks(project, lines, "backend")
    project.databases.append((name, f"postgres://{project.name}:postgres@{name}:5432/{project.name}"))
    return lines


def mysql(project, name):
    rng = project.rng
    image = rng.choice(["mysql:8.0", "mysql:8.4", "mysql:5.7", "mariadb:10.11", "mariadb:11.4"])
    lines = [f"  {name}:", f"    image: {image}"]
    base_keys(project, lines)
    if image.startswith("mysql:8.0") and rng.random() < 0.5:
        lines.append("    command: --default-authentication-plugin=mysql_native_password")
    environment(project, lines, [("MYSQL_ROOT_PASSWORD", project.var("MYSQL_ROOT_PASSWORD", "root")),
                                 ("MYSQL_DATABASE", project.name), ("MYSQL_USER", project.name),
                                 ("MYSQL_PASSWORD", project.var("MYSQL_PASSWORD", "secret"))])
    data_volume(project, lines, name, "/var/lib/mysql")
    if rng.random() < 0.3:
        lines += ["    ports:", '      - "3306:3306"']
    healthcheck(lines, '["CMD", "mysqladmin", "ping", "-h", "localhost"]')
    networks(project, lines, "backend")
    project.databases.append((name, f"mysql://{project.name}:secret@{name}:3306/{project.name}"))
    return lines


def mongo(project, name):
    rng = project.rng
    lines = [f"  {name}:", f"    image: mongo:{rng.choice(['6', '7', '7.0', '8.0'])}"]
    base_keys(project, lines)
    environment(project, lines, [("MONGO_INITDB_ROOT_USERNAME", "root"),
                                 ("MONGO_INITDB_ROOT_PASSWORD", project.var("MONGO_PASSWORD", "example"))])
    if data_volume(project, lines, name, "/data/db") and rng.random() < 0.4:
        lines.append(f"      - {project.named_volume(name + '_config')}:/data/configdb")
    healthcheck(lines, '["CMD", "mongosh", "--quiet", "--eval", "db.adminCommand(\'ping\')"]')
    networks(project, lines, "backend")
    project.databases.append((name, f"mongodb://root:example@{name}:27017"))
    return lines


def redis(project, name):
    rng = project.rng
    lines = [f"  {name}:", f"    image: redis:{rng.choice(['7', '7-alpine', '7.2', '7.4'])}"]
    base_keys(project, lines)
    if rng.random() < 0.5:
        lines.append('    command: ["redis-server", "--appendonly", "yes"]')
    data_volume(project, lines, name, "/data", named_weight=0.4)
    healthcheck(lines, '["CMD", "redis-cli", "ping"]', "5s")
    networks(project, lines, "backend")
    project.databases.append((name, f"redis://{name}:6379/0"))
    return lines


def app_dockerfile(rng, base, install, command, port):
    lines = ["# syntax=docker/dockerfile:1", f"FROM {base}", "WORKDIR /app"]
    if rng.random() < 0.5:
        lines += ["RUN apt-get update \\", "    && apt-get install -y --no-install-recommends curl \\",
                  "    && rm -rf /var/lib/apt/lists/*"]
    lines += ["COPY . .", f"RUN {install}", f"EXPOSE {port}", "USER 1000", f"CMD {command}"]
    return lines


def app(project, name, worker=False):
    """A web app or worker built from a context beside the compose file."""
    rng = project.rng
    base, install, command, port = rng.choice(APP_BASES)
    context = rng.choice([".", f"./{name}", "./app", f"./services/{name}"])
    if context not in project.dockerfiles:
        project.dockerfiles[context] = app_dockerfile(rng, base, install, command, port)
    lines = [f"  {name}:"]
    style = rng.random()
    if style < 0.35:
        lines.append(f"    build: {context}")
    else:
        lines += ["    build:", f"      context: {context}", "      dockerfile: Dockerfile"]
        if style < 0.6:
            lines += ["      args:", f"        APP_VERSION: {project.var('TAG', '1.0.0')}"]
    if rng.random() < 0.5:
        registry = project.var("REGISTRY", "ghcr.io/acme")
        lines.append(f"    image: {registry}/{project.name}-{name}:{project.var('TAG', 'latest')}")
    base_keys(project, lines)
    if worker:
        lines.append(f"    command: {rng.choice(['celery -A app worker -l info', 'node worker.js', 'bundle exec sidekiq', 'php artisan queue:work'])}")
    elif rng.random() < 0.7:
        lines += ["    ports:", f'      - "{project.var("WEB_PORT", str(port))}:{port}"']
    pairs = [("APP_ENV", project.var("APP_ENV", "production")), ("LOG_LEVEL", "info")]
    for db, url in project.databases[:2]:
        pairs.append((f"{db.upper().replace('-', '_')}_URL", url))
    environment(project, lines, pairs)
    if project.databases:
        lines.append("    depends_on:")
        for db, _ in project.databases:
            if rng.random() < 0.6:
                lines += [f"      {db}:", "        condition: service_healthy"]
            else:
                lines += [f"      {db}:", "        condition: service_started"]
    if rng.random() < 0.4:
        lines += ["    volumes:", "      - type: bind", f"        source: {context}/config",
                  "        target: /app/config", "        read_only: true"]
        if rng.random() < 0.5:
            lines += ["      - type: tmpfs", "        target: /tmp"]
    if rng.random() < 0.5:
        lines += ["    deploy:", f"      replicas: {rng.choice([1, 2, 2, 3, 4, 6])}"]
        if rng.random() < 0.6:
            lines += ["      resources:", "        limits:", f"          cpus: \"{rng.choice(['0.5', '1', '2'])}\"",
                      f"          memory: {rng.choice(['256M', '512M', '1G'])}"]
        if rng.random() < 0.4:
            lines += ["      restart_policy:", "        condition: on-failure", "        max_attempts: 3"]
    if not worker and rng.random() < 0.5:
        healthcheck(lines, f'["CMD", "curl", "-f", "http://localhost:{port}/healthz"]', "30s")
    networks(project, lines, "frontend", "backend")
    project.apps.append((name, port))
    return lines


def nginx(project, name):
    rng = project.rng
    lines = [f"  {name}:", f"    image: nginx:{rng.choice(['1.27', '1.27-alpine', 'stable-alpine', 'latest'])}"]
    base_keys(project, lines)
    lines += ["    ports:", f'      - "{project.var("HTTP_PORT", "80")}:80"']
    if rng.random() < 0.5:
        lines.append('      - "443:443"')
    if rng.random() < 0.5:
        lines += ["    volumes:", "      - ./nginx/default.conf:/etc/nginx/conf.d/default.conf:ro",
                  "      - ./public:/usr/share/nginx/html:ro"]
    else:
        lines += ["    volumes:", "      - type: bind", "        source: ./nginx/nginx.conf",
                  "        target: /etc/nginx/nginx.conf", "        read_only: true",
                  "      - type: volume", f"        source: {project.named_volume('static')}",
                  "        target: /usr/share/nginx/html/static"]
    if project.apps:
        lines.append("    depends_on:")
        lines += [f"      - {app_name}" for app_name, _ in project.apps]
    if rng.random() < 0.4:
        lines += ["    deploy:", f"      replicas: {rng.choice([2, 3])}"]
    networks(project, lines, "frontend")
    return lines


def extra(project, name):
    """A side service: a broker, a search node or an admin tool."""
    rng = project.rng
    kind = {"queue": "rabbitmq", "broker": "rabbitmq", "search": "elasticsearch",
            "elasticsearch": "elasticsearch", "adminer": "adminer"}.get(name, "mailpit")
    if kind == "rabbitmq":
        lines = [f"  {name}:", "    image: rabbitmq:3.13-management", f"    hostname: {name}"]
        base_keys(project, lines)
        data_volume(project, lines, name, "/var/lib/rabbitmq")
        lines += ["    ports:", '      - "15672:15672"']
    elif kind == "elasticsearch":
        lines = [f"  {name}:", "    image: docker.elastic.co/elasticsearch/elasticsearch:8.15.0"]
        base_keys(project, lines)
        environment(project, lines, [("discovery.type", "single-node"),
                                     ("ES_JAVA_OPTS", '"-Xms512m -Xmx512m"'),
                                     ("xpack.security.enabled", '"false"')])
        data_volume(project, lines, name, "/usr/share/elasticsearch/data")
        lines += ["    ulimits:", "      memlock:", "        soft: -1", "        hard: -1"]
    elif kind == "adminer":
        lines = [f"  {name}:", "    image: adminer:4", "    ports:", '      - "8081:8080"']
        base_keys(project, lines)
    else:
        lines = [f"  {name}:", "    image: axllent/mailpit:v1.20", "    ports:",
                 '      - "8025:8025"', '      - "1025:1025"']
        base_keys(project, lines)
    networks(project, lines, "backend")
    return lines


def header(project, lines):
    rng = project.rng
    lines.append(f"# {sentence(rng, 6, 14)}")
    if rng.random() < 0.25:
        lines.append(f"version: \"{rng.choice(['3.8', '3.9', '3'])}\"")
    if rng.random() < 0.4:
        lines.append(f"name: {project.name}")
    lines.append("")
    if project.use_base:
        lines += ["x-common: &base", "  restart: unless-stopped", "  logging:",
                  "    driver: json-file", "    options:", '      max-size: "10m"',
                  '      max-file: "3"']
        if project.use_networks:
            lines += ["  networks:", "    - backend"]
        lines.append("")


def compose_file(rng, index):
    """Returns (file name, compose lines, .env lines or None, {context: Dockerfile lines})."""
    project = Project(rng, index)
    target = rng.choice([25, 35, 45, 60, 60, 80, 100, 130, 170, 190])
    lines = []
    header(project, lines)
    lines.append("services:")
    # Databases come first so that the apps can depend on them.
    builders = [postgres] * 4 + [mysql] * 2 + [mongo] * 2 + [redis] * 3
    plan = [rng.choice(builders) for _ in range(rng.randint(1, 3))]
    plan += [app] + [app] * rng.randint(0, 2) + [lambda p, n: app(p, n, worker=True)] * rng.randint(0, 2)
    if rng.random() < 0.6:
        plan.append(nginx)
    plan += [extra] * rng.randint(0, 3)
    names = {postgres: ["db", "postgres", "pg", "orders-db", "reporting"],
             mysql: ["mysql", "mariadb", "db", "legacy-db"], mongo: ["mongo", "mongodb", "events-db"],
             redis: ["redis", "cache", "sessions"], app: ["web", "api", "backend", "app", "admin"],
             nginx: ["proxy", "nginx", "frontend"],
             extra: ["queue", "broker", "search", "elasticsearch", "adminer", "mail"]}
    used = set()
    written = 0
    for builder in plan:
        candidates = names.get(builder, ["worker", "jobs", "scheduler"])
        name = next((n for n in rng.sample(candidates, len(candidates)) if n not in used), None)
        if name is None:
            name = f"{candidates[0]}{len(used)}"
        saved = project.snapshot()
        service = builder(project, name)
        # Past the target, only the first few services (the database and an app) are kept, and
        # nothing a dropped service declared (volumes, a database to depend on) stays behind.
        if written >= 2 and len(lines) + len(service) > min(target, 185):
            project.restore(saved)
            continue
        used.add(name)
        if written:
            lines.append("")
        lines += service
        written += 1
    # A stack too short for the range gets a cache.
    while len(lines) < 20:
        lines += [""] + redis(project, f"cache{len(lines)}")
    if project.volumes:
        lines += ["", "volumes:"]
        for volume in project.volumes:
            style = rng.random()
            if style < 0.7:
                lines.append(f"  {volume}:")
            elif style < 0.9:
                lines += [f"  {volume}:", "    driver: local"]
            else:
                lines += [f"  {volume}:", "    external: true"]
    if project.use_networks:
        lines += ["", "networks:", "  frontend:", "  backend:"]
        if rng.random() < 0.3:
            lines.append("    internal: true")
    env = None
    if project.env or rng.random() < 0.1:
        if rng.random() < 0.6:
            env = ["# Local overrides; not committed in real projects."]
            env += [f"{key}={value}" for key, value in project.env.items()]
            env.append(f"COMPOSE_PROJECT_NAME={project.name}")
    choices, weights = zip(*FILE_NAMES)
    file_name = rng.choices(choices, weights)[0]
    return project.folder, file_name, lines, env, project.dockerfiles


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, nargs="?", default=1000)
    parser.add_argument("directory", nargs="?", default="bench/inputs-compose")
    parser.add_argument("--seed", type=int, default=20261206)
    args = parser.parse_args()

    listed = []
    for index in range(args.count):
        rng = random.Random(args.seed * 1_000_003 + index)
        folder, file_name, lines, env, dockerfiles = compose_file(rng, index)
        project = os.path.join(args.directory, f"{index // 100:03d}", folder)
        write(os.path.join(project, file_name), lines)
        listed.append(os.path.relpath(os.path.join(project, file_name), args.directory))
        if env is not None:
            write(os.path.join(project, ".env"), env)
        for context, dockerfile in dockerfiles.items():
            write(os.path.normpath(os.path.join(project, context, "Dockerfile")), dockerfile)
    with open(os.path.join(args.directory, "compose-files.txt"), "w", encoding="utf-8") as out:
        out.write("\n".join(listed) + "\n")


if __name__ == "__main__":
    main()
