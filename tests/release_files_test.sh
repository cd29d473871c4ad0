#!/usr/bin/env bash
# The files that ship dockvet agree with it: the repository's own Dockerfile lints clean (every
# rule, the off-by-default HEALTHCHECK one too), and the pre-commit docker hook names the image
# of the version CMake builds, so a release cannot tag one version and run another.
set -euo pipefail
dockvet=$1
source_dir=$2
project_version=$3
fail() { echo "FAIL: $*" >&2; exit 1; }

cd "$source_dir"
set +e
lint=$("$dockvet" --color never --select DV --select DL --select SC --select DL3057 Dockerfile 2>&1)
status=$?
set -e
[ "$status" -eq 0 ] || fail "dockvet Dockerfile exited $status: $lint"
[ "$lint" = "no findings in 1 file" ] || fail "dockvet Dockerfile printed: $lint"
grep -qx 'ENTRYPOINT \["dockvet"\]' Dockerfile || fail "the Dockerfile's ENTRYPOINT is not [\"dockvet\"]"
grep -qx 'FROM scratch' Dockerfile || fail "the Dockerfile's image is not built FROM scratch"
[ -f .dockerignore ] || fail "no .dockerignore"

image=$(sed -n 's/^ *entry: *\(ghcr\.io\/dockvet\/dockvet:[^ ]*\).*/\1/p' .pre-commit-hooks.yaml)
[ "$image" = "ghcr.io/dockvet/dockvet:$project_version" ] ||
  fail "the dockvet-docker hook runs '$image', not ghcr.io/dockvet/dockvet:$project_version"
grep -q 'language: docker_image' .pre-commit-hooks.yaml || fail "no docker_image hook"
grep -q 'language: system' .pre-commit-hooks.yaml || fail "no system hook"
echo "Dockerfile lints clean; the docker hook runs $image"
