#!/usr/bin/env bash
# cpack builds the .deb and the .tar.gz with their SHA-256 sums; the .deb depends on nothing,
# holds the binary, manual, completions and rule pages under /usr, and its binary runs once
# unpacked into a scratch root (what `dpkg -i` would put on a clean Debian 12). Exits 77 (ctest:
# skipped) where dpkg-deb is missing.
set -euo pipefail
build_dir=$1
if ! command -v dpkg-deb >/dev/null 2>&1; then
  echo "skipped: dpkg-deb is missing"
  exit 77
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

cpack --config "$build_dir/CPackConfig.cmake" -B "$out" -G "DEB;TGZ" >"$out/cpack.log" 2>&1 ||
  { cat "$out/cpack.log"; fail "cpack failed"; }
shopt -s nullglob
debs=("$out"/dockvet_*.deb)
tarballs=("$out"/dockvet-*-linux-*.tar.gz)
[ "${#debs[@]}" -eq 1 ] || fail "expected one .deb, got: $(ls "$out")"
[ "${#tarballs[@]}" -eq 1 ] || fail "expected one .tar.gz, got: $(ls "$out")"
deb=${debs[0]}
tarball=${tarballs[0]}
for package in "$deb" "$tarball"; do
  [ -f "$package.sha256" ] || fail "no $(basename "$package").sha256"
  (cd "$out" && sha256sum --check --quiet "$(basename "$package").sha256") ||
    fail "$(basename "$package").sha256 does not match"
done

info=$(dpkg-deb --info "$deb")
version=$(head -n2 "$build_dir/generated/version.txt" | tail -n1)
grep -q "^ Package: dockvet$" <<<"$info" || fail "not package dockvet: $info"
grep -qF " Version: $version" <<<"$info" || fail "not version $version: $info"
if grep -qE "^ (Pre-)?Depends:" <<<"$info"; then fail "the .deb has dependencies: $info"; fi
contents=$(dpkg-deb --contents "$deb")
for path in ./usr/bin/dockvet ./usr/share/man/man1/dockvet.1 \
  ./usr/share/bash-completion/completions/dockvet ./usr/share/fish/vendor_completions.d/dockvet.fish \
  ./usr/share/doc/dockvet/rules/DV101.md; do
  grep -qF " $path" <<<"$contents" || fail "the .deb lacks $path"
done
grep -qE " \./usr/share/zsh/[a-z-]+/_dockvet" <<<"$contents" || fail "the .deb lacks the zsh completion"

root="$out/root"
dpkg-deb --extract "$deb" "$root"
if command -v readelf >/dev/null 2>&1; then
  # No Depends is only true of a binary that loads no shared library.
  dynamic=$(readelf --dynamic "$root/usr/bin/dockvet")
  if grep -q NEEDED <<<"$dynamic"; then fail "the packaged binary needs shared libraries: $dynamic"; fi
fi
installed=$("$root/usr/bin/dockvet" --version)
[ "$installed" = "dockvet $(head -n1 "$build_dir/generated/version.txt")" ] ||
  fail "the packaged binary says '$installed'"
printf 'docker run -d postgres:17\n' | "$root/usr/bin/dockvet" --stdin-filename start.sh - >/dev/null 2>&1 &&
  fail "the packaged binary found nothing in 'docker run -d postgres:17'"

tar -tzf "$tarball" | grep -qE '^dockvet-[^/]+/bin/dockvet$' || fail "the tarball lacks bin/dockvet"
echo "packaged $(basename "$deb") and $(basename "$tarball")"
