#!/usr/bin/env bash
# `cmake --install` into a scratch root (DESTDIR, prefix /usr, as the .deb lays it out), then the
# installed binary runs: --version, a lint with a finding and one without, and the manual page,
# completions and rule pages are where man, bash, zsh, fish and readers look for them.
set -euo pipefail
build_dir=$1
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT

DESTDIR="$root" cmake --install "$build_dir" --prefix /usr >/dev/null
fail() { echo "FAIL: $*" >&2; exit 1; }

dockvet="$root/usr/bin/dockvet"
[ -x "$dockvet" ] || fail "no executable at /usr/bin/dockvet"
version=$("$dockvet" --version)
[[ $version == "dockvet $(head -n1 "$build_dir/generated/version.txt")" ]] ||
  fail "--version printed '$version'"

work="$root/work"
mkdir -p "$work"
printf '#!/bin/sh\ndocker run -d postgres:17\n' >"$work/start.sh"
set +e
findings=$(cd "$work" && "$dockvet" --format gnu start.sh 2>&1)
status=$?
set -e
[ "$status" -eq 1 ] || fail "postgres with its data in an anonymous volume exited $status: $findings"
[[ $findings == "start.sh:2:15: warning: "*"[DV102]" ]] || fail "not the DV102 finding: $findings"
printf 'FROM nginx:1.27\n' >"$work/Dockerfile"
(cd "$work" && "$dockvet" --format gnu Dockerfile) || fail "a clean Dockerfile did not exit 0"

man_page="$root/usr/share/man/man1/dockvet.1"
[ -f "$man_page" ] || fail "no manual page at /usr/share/man/man1/dockvet.1"
grep -q '^\.TH DOCKVET 1 ' "$man_page" || fail "dockvet.1 has no .TH header"
grep -q 'DV101' "$man_page" || fail "dockvet.1 lists no rule DV101"
if command -v groff >/dev/null 2>&1; then
  # -ww: every warning; a roff mistake in the generator shows up here.
  warnings=$(groff -man -Tutf8 -ww -z "$man_page" 2>&1)
  [ -z "$warnings" ] || fail "groff warns about dockvet.1: $warnings"
fi

[ -f "$root/usr/share/bash-completion/completions/dockvet" ] || fail "no bash completion"
ls "$root"/usr/share/zsh/*/_dockvet >/dev/null 2>&1 || fail "no zsh completion"
[ -f "$root/usr/share/fish/vendor_completions.d/dockvet.fish" ] || fail "no fish completion"
[ -f "$root/usr/share/doc/dockvet/rules/DV101.md" ] || fail "no rule page DV101.md"
[ -f "$root/usr/share/doc/dockvet/rules/README.md" ] || fail "no rule index"
echo "installed and ran: $version"
