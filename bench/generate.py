#!/usr/bin/env python3
"""Writes a deterministic tree of realistic inputs for dockvet's benchmark.

    generate.py N DIR [--seed S] [--size K]

N files in all: about 60% Dockerfiles (DIR/dockerfiles/), 25% shell scripts (DIR/scripts/)
and 15% Markdown READMEs (DIR/docs/). The Dockerfile-only folder is what the peers, which read
only Dockerfiles, are timed on. --size K makes every file about K times longer (more stages,
RUNs, functions and sections) so that time can be measured against file size as well as count.
The same N, seed and size always give the same bytes. Python standard library only.
"""

import argparse
import os
import random

# Images a project plausibly builds on or runs; the stateful ones are what dockvet looks for.
STATEFUL = [
    ("postgres", ["13", "15", "16", "17", "18"], "/var/lib/postgresql/data"),
    ("mysql", ["5.7", "8.0", "8.4"], "/var/lib/mysql"),
    ("mariadb", ["10.11", "11.4"], "/var/lib/mysql"),
    ("mongo", ["6", "7"], "/data/db"),
    ("redis", ["7", "7.2"], "/data"),
    ("wordpress", ["6.6", "6.6-php8.3-apache"], "/var/www/html"),
    ("nextcloud", ["29", "30"], "/var/www/html"),
    ("jenkins/jenkins", ["lts", "2.462"], "/var/jenkins_home"),
    ("rabbitmq", ["3.13-management"], "/var/lib/rabbitmq"),
    ("elasticsearch", ["8.15.0"], "/usr/share/elasticsearch/data"),
]
STATELESS = ["nginx:1.27", "alpine:3.20", "busybox", "traefik:v3.1", "httpd:2.4", "node:20-slim"]
BASES = ["debian:bookworm-slim", "ubuntu:24.04", "alpine:3.20", "python:3.12-slim",
         "node:20-bookworm", "golang:1.23", "eclipse-temurin:21-jre", "rust:1.81"]
APT_PACKAGES = ["curl", "ca-certificates", "git", "gnupg", "unzip", "jq", "less", "procps",
                "build-essential", "libpq-dev", "libssl-dev", "pkg-config", "tzdata", "wget",
                "openssh-client", "python3-venv", "locales", "netcat-openbsd", "xz-utils"]
APK_PACKAGES = ["bash", "curl", "git", "openssl", "tini", "su-exec", "tzdata", "ca-certificates"]
WORDS = ("the service stores its state in a database and a cache so back up the volume before "
         "you upgrade it the image is rebuilt nightly and pinned by digest in production").split()


def sentence(rng, lo=8, hi=20):
    words = [rng.choice(WORDS) for _ in range(rng.randint(lo, hi))]
    return " ".join(words).capitalize() + "."


def stateful_image(rng):
    name, tags, data = rng.choice(STATEFUL)
    return f"{name}:{rng.choice(tags)}", data


# --- Dockerfiles ------------------------------------------------------------------------------

def apt_run(rng):
    packages = rng.sample(APT_PACKAGES, rng.randint(3, 9))
    lines = ["RUN set -eux; \\", "    apt-get update; \\", "    apt-get install -y --no-install-recommends \\"]
    for i, package in enumerate(packages):
        if rng.random() < 0.15:
            lines.append("    # pinned because the next release breaks the build")
        lines.append(f"        {package} \\")
    lines.append("    ; \\")
    lines.append("    rm -rf /var/lib/apt/lists/*")
    return lines


def apk_run(rng):
    packages = " ".join(rng.sample(APK_PACKAGES, rng.randint(2, 6)))
    return [f"RUN apk add --no-cache {packages} \\",
            "    && addgroup -S app && adduser -S -G app app"]


def heredoc_run(rng):
    lines = ["RUN <<EOF", "#!/bin/sh", "set -e"]
    for _ in range(rng.randint(2, 6)):
        lines.append(rng.choice([
            'if [ -f /etc/os-release ]; then . /etc/os-release; echo "building on $ID"; fi',
            "mkdir -p /opt/app/data /opt/app/logs && chown -R 1000:1000 /opt/app",
            'for f in /docker-entrypoint.d/*.sh; do [ -x "$f" ] && echo "found $f"; done',
            "sed -i 's/^#\\(listen_addresses\\)/\\1/' /usr/share/postgresql/postgresql.conf.sample || true",
            'case "$(uname -m)" in x86_64) ARCH=amd64;; aarch64) ARCH=arm64;; esac',
            "printf '%s\\n' 'export PATH=/opt/app/bin:$PATH' >> /etc/profile.d/app.sh",
        ]))
    lines.append("EOF")
    return lines


def misc_run(rng):
    return rng.choice([
        ['RUN curl -fsSL "https://example.com/tool-${TOOL_VERSION}.tar.gz" -o /tmp/tool.tgz \\',
         "    && tar -xzf /tmp/tool.tgz -C /usr/local/bin \\",
         "    && rm /tmp/tool.tgz"],
        ["RUN --mount=type=cache,target=/root/.cache pip install --no-cache-dir -r requirements.txt"],
        ["RUN npm ci --omit=dev && npm cache clean --force"],
        ["RUN go build -trimpath -ldflags='-s -w' -o /out/app ./cmd/app"],
        ['RUN echo "$TZ" > /etc/timezone && ln -sf "/usr/share/zoneinfo/$TZ" /etc/localtime'],
        ["RUN useradd --create-home --uid 1000 app \\",
         "    && mkdir -p /srv/app/uploads \\",
         "    && chown app:app /srv/app/uploads"],
    ])


def build_stage(rng, index):
    base = rng.choice(BASES)
    lines = [f"FROM {base} AS build{index}", "ARG TOOL_VERSION=1.4.2", "WORKDIR /src",
             "COPY . ."]
    lines += apk_run(rng) if base.startswith("alpine") else apt_run(rng)
    for _ in range(rng.randint(1, 4)):
        lines += heredoc_run(rng) if rng.random() < 0.3 else misc_run(rng)
    return lines


def final_stage(rng, builders):
    if rng.random() < 0.5:
        image, data = stateful_image(rng)
    else:
        image, data = rng.choice(STATELESS), "/srv/app/data"
    lines = [f"FROM {image}", "LABEL org.opencontainers.image.source=\"https://example.com/app\"",
             "ENV TZ=Etc/UTC LANG=C.UTF-8"]
    for builder in builders:
        lines.append(f"COPY --from=build{builder} /out/ /usr/local/bin/")
    for _ in range(rng.randint(1, 3)):
        lines += misc_run(rng)
    if rng.random() < 0.5:
        lines.append(f'VOLUME ["{data}"]')
    if rng.random() < 0.3:
        lines.append(f"RUN chown -R 1000:1000 {data}")
    lines.append("EXPOSE 8080")
    if rng.random() < 0.5:
        lines.append("HEALTHCHECK --interval=30s CMD wget -qO- http://localhost:8080/healthz || exit 1")
    lines.append("USER 1000")
    lines.append('CMD ["/usr/local/bin/app", "--listen", ":8080"]')
    return lines


def dockerfile(rng, size):
    lines = ["# syntax=docker/dockerfile:1", f"# {sentence(rng)}"]
    for block in range(size):
        stages = rng.randint(0, 2)
        for stage in range(stages):
            lines += [""] + build_stage(rng, block * 10 + stage)
        lines += [""] + final_stage(rng, [block * 10 + s for s in range(stages)])
    return lines


# --- Shell scripts ----------------------------------------------------------------------------

def docker_run_line(rng, name):
    image, data = stateful_image(rng)
    flags = [f"--name {name}", "-d"]
    mount = rng.random()
    if mount < 0.35:
        flags.append(f"-v {name}-data:{data}")
    elif mount < 0.5:
        flags.append(f"-v {data}")
    elif mount < 0.6:
        flags.append(f"--mount type=bind,source=\"$PWD/{name}\",target={data}")
    if rng.random() < 0.2:
        flags.append("--rm")
    flags.append(f"-e {name.upper()}_PASSWORD=\"${{{name.upper()}_PASSWORD:-secret}}\"")
    command = rng.choice(["docker run", "docker container run", "podman run", "docker create"])
    return f"{command} " + " \\\n    ".join(flags) + f" \\\n    {image}"


def shell_function(rng, index):
    name = f"svc{index}"
    body = [f"start_{name}() {{",
            f'  if docker ps --format "{{{{.Names}}}}" | grep -qx "{name}"; then',
            f'    log "{name} already running"',
            "    return 0",
            "  fi"]
    body += ["  " + line for line in docker_run_line(rng, name).split("\n")]
    body += [f'  for i in $(seq 1 "${{RETRIES:-10}}"); do',
             f'    docker exec {name} true 2>/dev/null && break',
             '    sleep "$i"',
             "  done",
             "}", ""]
    if rng.random() < 0.3:
        body += ["cat <<EOF > /tmp/" + name + ".env",
                 f"{name.upper()}_HOST=localhost",
                 f"{name.upper()}_PORT=$(( 5000 + {index} ))",
                 "EOF", ""]
    return body


def shell_script(rng, size):
    lines = ["#!/usr/bin/env bash", f"# {sentence(rng)}", "set -euo pipefail", "",
             'log() { printf "%s %s\\n" "$(date +%H:%M:%S)" "$*" >&2; }', ""]
    count = rng.randint(2, 5) * size
    for index in range(count):
        lines += shell_function(rng, index)
    lines += ['case "${1:-up}" in', "  up)"]
    lines += [f"    start_svc{index}" for index in range(count)]
    lines += ["    ;;", "  down) docker rm -f $(docker ps -aq --filter label=app) ;;",
              '  *) echo "usage: $0 up|down" >&2; exit 2 ;;', "esac"]
    return lines


# --- READMEs ----------------------------------------------------------------------------------

def readme(rng, size):
    lines = [f"# {rng.choice(['Ingest', 'Billing', 'Search', 'Wiki', 'Tracker'])} service", "",
             sentence(rng, 20, 40), ""]
    for section in range(rng.randint(2, 4) * size):
        lines += [f"## Step {section + 1}", "", sentence(rng, 15, 35), ""]
        style = rng.random()
        if style < 0.4:
            lines += ["```sh"] + docker_run_line(rng, f"db{section}").split("\n") + ["```", ""]
        elif style < 0.7:
            command = docker_run_line(rng, f"db{section}").split("\n")
            lines += ["```console", "$ " + command[0]] + command[1:]
            lines += ["Unable to find image locally", "$ docker ps --format '{{.Names}}'",
                      f"db{section}", "```", ""]
        else:
            lines += ["```yaml", "services:", "  db:", f"    image: {stateful_image(rng)[0]}", "```", ""]
    return lines


# --- Writing ----------------------------------------------------------------------------------

def write(path, lines):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        out.write("\n".join(lines) + "\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, nargs="?", default=4000)
    parser.add_argument("directory", nargs="?", default="bench/inputs")
    parser.add_argument("--seed", type=int, default=20261127)
    parser.add_argument("--size", type=int, default=1, help="length multiplier per file")
    args = parser.parse_args()

    for index in range(args.count):
        # One generator per file keeps file i identical whatever N is, so 1x is a prefix of 16x.
        rng = random.Random(args.seed * 1_000_003 + index)
        group = f"{index // 500:03d}"
        kind = index % 20
        # Files vary in length: most are short, a few are several times the median.
        size = args.size * rng.choice([1, 1, 1, 1, 2, 2, 3, 5])
        if kind < 12:
            name = "Dockerfile" if kind % 3 else "Containerfile.prod"
            write(os.path.join(args.directory, "dockerfiles", group, f"p{index:06d}", name),
                  dockerfile(rng, size))
        elif kind < 17:
            write(os.path.join(args.directory, "scripts", group, f"deploy{index:06d}.sh"),
                  shell_script(rng, size))
        else:
            write(os.path.join(args.directory, "docs", group, f"p{index:06d}", "README.md"),
                  readme(rng, size))


if __name__ == "__main__":
    main()
