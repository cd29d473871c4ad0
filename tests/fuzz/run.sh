#!/usr/bin/env bash
# Builds the libFuzzer targets with clang, ASan and UBSan in build-fuzz/ and runs one (or each in
# turn) from the seeds in corpus/ and tests/fuzz/regressions/. Generated corpora and crash files
# stay under build-fuzz/, never in the repository.
#
#   tests/fuzz/run.sh [TARGET|all] [MAX_TOTAL_TIME_SECONDS]
#
# TARGET is docker_cli, config, markdown, dockerfile, shell_extraction, compose, kubernetes or lsp
# (default: all, one after
# another). Each run stops after 5,000,000 executions or MAX_TOTAL_TIME seconds (default 1800),
# whichever comes first. Extra libFuzzer flags go in $FUZZ_FLAGS (e.g. FUZZ_FLAGS=-seed=1).
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
build="$root/build-fuzz"
target=${1:-all}
max_time=${2:-1800}
all_targets=(docker_cli config markdown dockerfile shell_extraction compose kubernetes lsp)

# The sanitizers go into every translation unit of ours; the grammar's C sources get ASan (so a
# bad read through tree-sitter's API is caught) and coverage, but not UBSan, whose reports there
# would be the grammar's bugs, not ours.
if [[ ! -f "$build/build.ninja" ]]; then
  CC=clang CXX=clang++ cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DDOCKVET_FUZZ=ON \
    -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer" \
    -DCMAKE_C_FLAGS="-fsanitize=fuzzer-no-link,address -fno-omit-frame-pointer"
else
  cmake "$build" -DDOCKVET_FUZZ=ON >/dev/null
fi

# Which seeds suit which target: files of the target's kind, or every text file for docker_cli.
seeds_for() {
  case "$1" in
    dockerfile) find "$root/corpus" -type f \( -name '*Dockerfile*' -o -name '*Containerfile*' \) ;;
    shell_extraction) find "$root/corpus" -type f \( -name '*.sh' -o -name 'Makefile' -o -name '*.mk' \) ;;
    markdown) find "$root/corpus" -type f -name '*.md' ;;
    compose) find "$root/corpus/compose" -type f -name '*.y*ml' ;;
    kubernetes) find "$root/corpus/kubernetes" -type f -name '*.y*ml' ;;
    config) find "$root/tests/data/config" -type f -name '*.yaml' ;;
    docker_cli) find "$root/corpus" -type f ;;
    lsp) ;;  # its seeds are the conversations in tests/fuzz/regressions/lsp
  esac
  if [[ -d "$root/tests/fuzz/regressions/$1" ]]; then find "$root/tests/fuzz/regressions/$1" -type f; fi
}

run_one() {
  local name=$1
  # FUZZ_NO_BUILD=1 runs the fuzzer as last built, e.g. while the tree is mid-edit.
  [[ -n ${FUZZ_NO_BUILD:-} ]] || cmake --build "$build" --target "${name}_fuzzer"
  local corpus="$build/corpus/$name" artifacts="$build/artifacts/$name/"
  mkdir -p "$corpus" "$artifacts"
  # Seeds are copied under their content hash, so re-runs neither duplicate nor lose them.
  while IFS= read -r seed; do
    cp "$seed" "$corpus/seed-$(sha1sum "$seed" | cut -c1-16)"
  done < <(seeds_for "$name")
  # Short inputs keep the executions per second up; the engine targets get room for a few
  # instructions or code blocks, the word-level ones less.
  local max_len=2048
  case "$name" in docker_cli | config) max_len=512 ;; lsp) max_len=4096 ;; esac
  local dict=()
  [[ -f "$root/tests/fuzz/$name.dict" ]] && dict=(-dict="$root/tests/fuzz/$name.dict")
  # shellcheck disable=SC2086
  nice -n 10 "$build/tests/fuzz/${name}_fuzzer" "$corpus" "${dict[@]}" -artifact_prefix="$artifacts" \
    -runs=5000000 -max_total_time="$max_time" -max_len="$max_len" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 ${FUZZ_FLAGS:-} 2>&1 | tee "$build/$name.log"
}

if [[ $target == all ]]; then
  for name in "${all_targets[@]}"; do run_one "$name"; done
else
  run_one "$target"
fi
