#!/usr/bin/env bash
# The shell completions are written by hand, so this keeps them honest: every option that
# `dockvet --help` lists and every format it names is in all three; each file parses in its
# shell (where that shell is installed); and bash's completion really completes an option, a
# format and a rule code from the binary's --list-rules.
set -euo pipefail
dockvet=$1
source_dir=$2
completions="$source_dir/completions"
fail() { echo "FAIL: $*" >&2; exit 1; }

help=$("$dockvet" --help)
mapfile -t long_options < <(grep -oE -- '--[a-z][a-z-]+' <<<"$help" | sort -u)
[ "${#long_options[@]}" -ge 15 ] || fail "found only ${#long_options[@]} options in --help"
for file in dockvet.bash _dockvet dockvet.fish; do
  for option in "${long_options[@]}"; do
    name=${option#--}
    # fish spells options "-l NAME"; bash and zsh spell them "--NAME".
    grep -qE -- "(--|-l )$name([^a-z-]|\$)" "$completions/$file" || fail "$file lacks $option"
  done
  for format in text json gnu sarif checkstyle codeclimate junit sonarqube; do
    grep -qw -- "$format" "$completions/$file" || fail "$file lacks the format $format"
  done
done

bash -n "$completions/dockvet.bash" || fail "dockvet.bash does not parse"
if command -v zsh >/dev/null 2>&1; then zsh -n "$completions/_dockvet" || fail "_dockvet does not parse"; fi
if command -v fish >/dev/null 2>&1; then fish -n "$completions/dockvet.fish" || fail "dockvet.fish does not parse"; fi

# complete_bash WORD...: what bash offers for the last word of "dockvet WORD...".
complete_bash() {
  bash -c '
    source "$1"; shift
    COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
    _dockvet "$0"
    printf "%s\n" "${COMPREPLY[@]}"' "$dockvet" "$completions/dockvet.bash" "$dockvet" "$@"
}
[ "$(complete_bash --sel)" = "--select" ] || fail "bash: --sel did not complete to --select"
[ "$(complete_bash --format sa)" = "sarif" ] || fail "bash: --format sa did not complete to sarif"
grep -qx DV101 <<<"$(complete_bash --select DV1)" || fail "bash: --select DV1 did not offer DV101"
grep -qx stateful-data-in-container-layer <<<"$(complete_bash --ignore stateful-)" ||
  fail "bash: --ignore stateful- did not offer stateful-data-in-container-layer"
if command -v fish >/dev/null 2>&1; then
  # fish's completion calls the dockvet on the PATH.
  offered=$(PATH="$(dirname "$dockvet"):$PATH" fish -c "source '$completions/dockvet.fish'
    complete -C'dockvet --select DV10'; complete -C'dockvet --format sa'")
  grep -q "^DV101"$'\t' <<<"$offered" || fail "fish: --select DV10 did not offer DV101: $offered"
  grep -q "^sarif"$'\t' <<<"$offered" || fail "fish: --format sa did not offer sarif: $offered"
fi
echo "completions cover ${#long_options[@]} options"
