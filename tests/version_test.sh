#!/usr/bin/env bash
# cmake/version.cmake turns `git describe` into the version users read and the SemVer one SARIF
# and the packages carry: in real repositories (tagged, after a tag, dirty, untagged), in a tree
# without git, and from an override; it rewrites its output only when the version changed.
set -euo pipefail
script=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# expect SOURCE_DIR OVERRIDE VERSION SEMANTIC
expect() {
  rm -f "$work/version.cpp" "$work/version.txt"
  cmake -DSOURCE_DIR="$1" -DPROJECT_VERSION=0.1.0 -DOUT="$work/version.cpp" \
    -DOUT_TEXT="$work/version.txt" -DGIT="$(command -v git || true)" -DOVERRIDE="$2" -P "$script"
  local got
  got=$(paste -sd' ' "$work/version.txt")
  [ "$got" = "$3 $4" ] || fail "source $1, override '$2': got '$got', expected '$3 $4'"
  grep -qF "return \"$3\";" "$work/version.cpp" || fail "version.cpp lacks \"$3\""
}

plain="$work/plain"
mkdir -p "$plain"
expect "$plain" "" 0.1.0 0.1.0
expect "$plain" v0.3.0 0.3.0 0.3.0
expect "$plain" 0.3.0 0.3.0 0.3.0
expect "$plain" v0.3.0-4-g1234abc-dirty 0.3.0-4-g1234abc-dirty 0.3.0+4.g1234abc.dirty

if command -v git >/dev/null 2>&1; then
  repo="$work/repo"
  mkdir -p "$repo"
  git() { command git -C "$repo" -c user.name=t -c user.email=t@example.com "$@" >/dev/null; }
  git init -q
  echo a >"$repo/file"
  git add file
  git commit -q -m one
  hash=$(command git -C "$repo" rev-parse --short HEAD)
  expect "$repo" "" "0.1.0-g$hash" "0.1.0+g$hash"
  git tag v0.2.0
  expect "$repo" "" 0.2.0 0.2.0
  echo b >"$repo/file"
  expect "$repo" "" 0.2.0-dirty 0.2.0+dirty
  git commit -q -am two
  hash=$(command git -C "$repo" rev-parse --short HEAD)
  expect "$repo" "" "0.2.0-1-g$hash" "0.2.0+1.g$hash"
  # A tarball unpacked inside another repository takes nothing from that repository.
  mkdir -p "$repo/unpacked"
  expect "$repo/unpacked" "" 0.1.0 0.1.0
fi

# An unchanged version leaves the file alone, so the build recompiles nothing.
expect "$plain" "" 0.1.0 0.1.0
touch -d '2000-01-01' "$work/version.cpp"
cmake -DSOURCE_DIR="$plain" -DPROJECT_VERSION=0.1.0 -DOUT="$work/version.cpp" \
  -DOUT_TEXT="$work/version.txt" -DGIT= -DOVERRIDE= -P "$script"
[ "$(date -r "$work/version.cpp" +%Y)" = 2000 ] || fail "an unchanged version.cpp was rewritten"
echo "version.cmake: all cases"
