#!/usr/bin/env bash
# dockvet's benchmark (issue 5): speed and memory measured here, never in a timed test.
#
#   bench/run.sh [N] [DIR]      N generated files (default 4000) under DIR (default bench/inputs),
#                               COMPOSE_FILES compose projects under DIR-compose and
#                               KUBERNETES_FILES manifest files under DIR-kubernetes
#
# Builds a Release dockvet in build-bench/, compiles the floor driver against that build's
# static libraries, installs the pinned npm peers into bench/node_modules without running any
# install script, generates the inputs, times everything with hyperfine in this one run and
# prints the ratios. Results (hyperfine JSON) go to build-bench/bench-results/.
#
# Knobs (environment): RUNS (hyperfine runs, default 5), TALLY_FILES (tally's subset, default
# 200), RSS_FILES (the peak-RSS tree, default 40000), LINEAR_BASE (files at 1x, default 500),
# COMPOSE_FILES (compose projects, default 1000), DCLINT_RUNS (dclint takes over a minute per
# run on 1000 files, default 3), SKIP_BUILD=1, SKIP_PEERS=1, SKIP_LINEAR=1, SKIP_RSS=1,
# SKIP_DOCKERFILE=1 (every section on Dockerfiles, scripts and docs: peers, tally, floor, small,
# RSS, linearity), SKIP_COMPOSE=1, KUBERNETES_FILES (manifest files, default 1000),
# SKIP_KUBERNETES=1, DOCKVET (a dockvet to time instead of building one; with SKIP_BUILD=1).
# The compose section alone: SKIP_DOCKERFILE=1 SKIP_KUBERNETES=1 bench/run.sh; the Kubernetes
# section alone: SKIP_DOCKERFILE=1 SKIP_COMPOSE=1 bench/run.sh.
set -euo pipefail

N=${1:-4000}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DIR=$(realpath -m "${2:-$ROOT/bench/inputs}")
BUILD=$ROOT/build-bench
OUT=$BUILD/bench-results
RUNS=${RUNS:-5}
TALLY_FILES=${TALLY_FILES:-200}
RSS_FILES=${RSS_FILES:-40000}
LINEAR_BASE=${LINEAR_BASE:-500}
COMPOSE_FILES=${COMPOSE_FILES:-1000}
DCLINT_RUNS=${DCLINT_RUNS:-3}
KUBERNETES_FILES=${KUBERNETES_FILES:-1000}
DOCKVET=$(realpath -m "${DOCKVET:-$BUILD/dockvet}")
FLOOR=$BUILD/bench-floor
TALLY=$ROOT/bench/node_modules/@wharflab/tally-linux-x64/bin/tally
DCLINT=$ROOT/bench/node_modules/dclint/bin/dclint.cjs
mkdir -p "$OUT"

say() { printf '\n== %s\n' "$*" >&2; }
file_bytes() { find "$1" -type f ! -name .generated -printf '%s\n' | awk '{ s += $1 } END { print s }'; }

# --- Tools ---------------------------------------------------------------------------------------
if ! command -v hyperfine >/dev/null; then
  say "installing hyperfine"
  apt-get install -y hyperfine >/dev/null || { apt-get update >/dev/null && apt-get install -y hyperfine >/dev/null; }
fi

if [[ -z ${SKIP_BUILD:-} ]]; then
  say "building a Release dockvet in $BUILD"
  # GCC 12 at -O3 raises false -Wrestrict/-Wstringop-overflow warnings inside libstdc++'s
  # std::string (src/catalog/version.cpp); they stay warnings here so the bench can build.
  cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    "-DCMAKE_CXX_FLAGS=${BENCH_CXX_FLAGS:--Wno-error=restrict -Wno-error=stringop-overflow -Wno-error=array-bounds -Wno-error=maybe-uninitialized}" >/dev/null
  cmake --build "$BUILD" --target dockvet dockvet_core tree_sitter_bash tree_sitter_runtime
  say "compiling the floor driver"
  g++ -std=c++20 -O3 -DNDEBUG -Wall -Wextra -Werror -I "$ROOT/src" \
    -isystem "$ROOT/grammars/node_modules/tree-sitter/vendor/tree-sitter/lib/include" \
    "$ROOT/bench/floor.cpp" -o "$FLOOR" \
    "$BUILD/libdockvet_core.a" "$BUILD/libtree_sitter_bash.a" "$BUILD/libtree_sitter_runtime.a" \
    -lfmt -lyaml-cpp -pthread
fi

if [[ ( -z ${SKIP_PEERS:-} && -z ${SKIP_DOCKERFILE:-} ) || -z ${SKIP_COMPOSE:-} ]]; then
  say "installing the npm peers (npm ci --ignore-scripts)"
  (cd "$ROOT/bench" && npm ci --ignore-scripts --no-audit --no-fund >/dev/null)
fi

# --- Inputs --------------------------------------------------------------------------------------
# generate COUNT DIR [SIZE]: reuses a tree made with the same arguments.
generate() {
  local count=$1 dir=$2 size=${3:-1} stamp="$2/.generated"
  if [[ -f $stamp && $(cat "$stamp") == "$count x$size" ]]; then return; fi
  say "generating $count files (size x$size) in $dir"
  rm -rf "$dir"
  python3 "$ROOT/bench/generate.py" "$count" "$dir" --size "$size"
  echo "$count x$size" >"$stamp"
}
if [[ -z ${SKIP_DOCKERFILE:-} ]]; then
generate "$N" "$DIR"

# The first TALLY_FILES Dockerfiles, for the slow peer; dockvet is timed on the same subset.
SUBSET=$DIR-subset$TALLY_FILES
if [[ ! -f $SUBSET/.done ]]; then
  rm -rf "$SUBSET" && mkdir -p "$SUBSET"
  # awk, not head: head closing the pipe early kills sort with SIGPIPE under pipefail.
  find "$DIR/dockerfiles" -type f | sort | awk -v n="$TALLY_FILES" 'NR <= n' | while read -r f; do
    rel=${f#"$DIR/dockerfiles/"}
    mkdir -p "$SUBSET/$(dirname "$rel")" && cp "$f" "$SUBSET/$rel"
  done
  touch "$SUBSET/.done"
fi

DOCKERFILES=$(find "$DIR/dockerfiles" -type f | wc -l)
ALL_FILES=$(find "$DIR" -type f ! -name .generated | wc -l)
fi

# COMPOSE_FILES projects, one compose file each (with .env files and the Dockerfiles of their
# build: contexts); compose-files.txt lists the compose files, which every linter is given.
CDIR=$DIR-compose
if [[ -z ${SKIP_COMPOSE:-} ]]; then
  if [[ ! -f $CDIR/.generated || $(cat "$CDIR/.generated") != "$COMPOSE_FILES compose" ]]; then
    say "generating $COMPOSE_FILES compose projects in $CDIR"
    rm -rf "$CDIR"
    python3 "$ROOT/bench/generate_compose.py" "$COMPOSE_FILES" "$CDIR"
    echo "$COMPOSE_FILES compose" >"$CDIR/.generated"
  fi
  mapfile -t COMPOSE_LIST <"$CDIR/compose-files.txt"
fi

# KUBERNETES_FILES manifest files, one app's multi-document stack each; kubernetes-files.txt lists
# them.
KDIR=$DIR-kubernetes
if [[ -z ${SKIP_KUBERNETES:-} ]]; then
  if [[ ! -f $KDIR/.generated || $(cat "$KDIR/.generated") != "$KUBERNETES_FILES kubernetes" ]]; then
    say "generating $KUBERNETES_FILES Kubernetes manifest files in $KDIR"
    rm -rf "$KDIR"
    python3 "$ROOT/bench/generate_kubernetes.py" "$KUBERNETES_FILES" "$KDIR"
    echo "$KUBERNETES_FILES kubernetes" >"$KDIR/.generated"
  fi
  mapfile -t KUBERNETES_LIST <"$KDIR/kubernetes-files.txt"
fi

say "machine"
{
  echo "date: $(date -u +%FT%TZ)"
  echo "nproc: $(nproc)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "dockvet commit: $(git -C "$ROOT" rev-parse --short HEAD)"
  if [[ -z ${SKIP_DOCKERFILE:-} ]]; then
    echo "inputs: $ALL_FILES files in $DIR ($DOCKERFILES Dockerfiles, $(file_bytes "$DIR") bytes)"
  fi
  if [[ -z ${SKIP_COMPOSE:-} ]]; then
    echo "compose inputs: ${#COMPOSE_LIST[@]} compose files in $CDIR ($(cd "$CDIR" && du -cb "${COMPOSE_LIST[@]}" | tail -1 | cut -f1) bytes; beside them $(find "$CDIR" -name Dockerfile | wc -l) Dockerfiles and $(find "$CDIR" -name .env | wc -l) .env files)"
  fi
  if [[ -z ${SKIP_KUBERNETES:-} ]]; then
    echo "kubernetes inputs: ${#KUBERNETES_LIST[@]} manifest files in $KDIR ($(cd "$KDIR" && du -cb "${KUBERNETES_LIST[@]}" | tail -1 | cut -f1) bytes; $(cd "$KDIR" && cat "${KUBERNETES_LIST[@]}" | grep -c '^kind:\|^  - apiVersion:') objects)"
  fi
} | tee "$OUT/machine.txt" >&2

hf() {  # hf NAME hyperfine-args...: runs hyperfine and keeps its JSON
  local name=$1
  shift
  hyperfine --style basic -i --export-json "$OUT/$name.json" "$@" >&2
}

# --- 1. dockvet against the peers, same Dockerfiles ----------------------------------------------
if [[ -z ${SKIP_PEERS:-} && -z ${SKIP_DOCKERFILE:-} ]]; then
  say "peers on $DOCKERFILES Dockerfiles"
  hf peers --warmup 1 --runs "$RUNS" \
    -n "dockvet -j1" "$DOCKVET -j1 --no-color $DIR/dockerfiles" \
    -n "dockvet" "$DOCKVET --no-color $DIR/dockerfiles" \
    -n "dockerfilelint" "node $ROOT/bench/peers/dockerfilelint.js $DIR/dockerfiles" \
    -n "dockerfile_lint" "node $ROOT/bench/peers/dockerfile_lint.js $DIR/dockerfiles" \
    -n "dockerfile-utils" "node $ROOT/bench/peers/dockerfile-utils.js $DIR/dockerfiles"

  say "tally on $TALLY_FILES Dockerfiles (slow checks off: they need a registry)"
  if [[ -x $TALLY ]]; then
    hf tally --warmup 0 --runs 1 \
      -n "dockvet -j1" "$DOCKVET -j1 --no-color $SUBSET" \
      -n "tally" "$TALLY lint --no-config --no-color --slow-checks off -f json -o /dev/null $SUBSET"
  else
    echo "tally binary missing at $TALLY" >&2
  fi
fi

# --- 2. dockvet end to end against the floor -----------------------------------------------------
if [[ -z ${SKIP_DOCKERFILE:-} ]]; then
say "dockvet vs the floor on all $ALL_FILES files (single thread)"
"$FLOOR" frontend "$DIR" || true
"$FLOOR" lines "$DIR" || true
hf floor --warmup 1 --runs "$RUNS" \
  -n "dockvet -j1" "$DOCKVET -j1 --no-color $DIR" \
  -n "dockvet" "$DOCKVET --no-color $DIR" \
  -n "floor frontend" "$FLOOR frontend $DIR" \
  -n "floor lines" "$FLOOR lines $DIR"

# --- 3. one small Dockerfile -------------------------------------------------------------------
SMALL=$OUT/small/Dockerfile
mkdir -p "$(dirname "$SMALL")"
printf 'FROM postgres:16\nRUN apt-get update && apt-get install -y --no-install-recommends curl \\\n    && rm -rf /var/lib/apt/lists/*\nCOPY init.sql /docker-entrypoint-initdb.d/\nUSER postgres\n' >"$SMALL"
say "one small Dockerfile"
hf small -N --warmup 5 --runs 50 "$DOCKVET --no-color $SMALL"
fi

# --- 4. peak RSS on RSS_FILES files --------------------------------------------------------------
if [[ -z ${SKIP_RSS:-} && -z ${SKIP_DOCKERFILE:-} ]]; then
  generate "$RSS_FILES" "$DIR-$RSS_FILES"
  say "peak RSS on $RSS_FILES files"
  for jobs in 1 0; do
    /usr/bin/time -v "$DOCKVET" -j"$jobs" --no-color "$DIR-$RSS_FILES" >/dev/null 2>"$OUT/rss-j$jobs.txt" || true
    grep -E "Maximum resident|Elapsed" "$OUT/rss-j$jobs.txt" | sed "s/^/  -j$jobs /" | tee -a "$OUT/rss.txt" >&2
  done
fi

# --- 5. linearity in file count and in file size -------------------------------------------------
if [[ -z ${SKIP_LINEAR:-} && -z ${SKIP_DOCKERFILE:-} ]]; then
  for k in 1 4 16; do
    generate $((LINEAR_BASE * k)) "$DIR-count$k"
    generate "$LINEAR_BASE" "$DIR-size$k" "$k"
  done
  say "linearity (dockvet -j1)"
  hf linear-count --warmup 1 --runs "$RUNS" \
    -n "count x1" "$DOCKVET -j1 --no-color $DIR-count1" \
    -n "count x4" "$DOCKVET -j1 --no-color $DIR-count4" \
    -n "count x16" "$DOCKVET -j1 --no-color $DIR-count16"
  hf linear-size --warmup 1 --runs "$RUNS" \
    -n "size x1" "$DOCKVET -j1 --no-color $DIR-size1" \
    -n "size x4" "$DOCKVET -j1 --no-color $DIR-size4" \
    -n "size x16" "$DOCKVET -j1 --no-color $DIR-size16"
  for k in 1 4 16; do
    echo "count x$k: $(file_bytes "$DIR-count$k") bytes; size x$k: $(file_bytes "$DIR-size$k") bytes"
  done | tee "$OUT/linear-bytes.txt" >&2
fi

# --- 6. compose files: dockvet against dclint, and the 1 s bar for 1000 files -------------------
# Both linters get the same list of compose files, relative to CDIR (hyperfine's command stays
# well under the kernel's 128 KiB limit for one argument), and both write JSON to a file, from
# which the findings are counted. dockvet also reads the Dockerfiles that build: names.
if [[ -z ${SKIP_COMPOSE:-} ]]; then
  FILES_ARGS="${COMPOSE_LIST[*]}"
  rm -f "$OUT"/findings-compose-*.json "$OUT"/compose-*.txt  # no count from an earlier run
  say "dockvet on ${#COMPOSE_LIST[@]} compose files (the 1 s bar is for 1000)"
  (cd "$CDIR" && hf compose --warmup 1 --runs "$RUNS" \
    -n "dockvet -j1" "$DOCKVET -j1 --no-color --format json -o $OUT/findings-compose-dockvet.json $FILES_ARGS" \
    -n "dockvet" "$DOCKVET --no-color --format json -o $OUT/findings-compose-dockvet.json $FILES_ARGS" \
    -n "dockvet dir" "$DOCKVET --no-color --format json -o $OUT/findings-compose-dockvet-dir.json .")
  if [[ -f $DCLINT ]]; then
    say "dockvet vs dclint on the same ${#COMPOSE_LIST[@]} compose files ($DCLINT_RUNS runs)"
    (cd "$CDIR" && hf compose-dclint --warmup 0 --runs "$DCLINT_RUNS" \
      -n "dockvet -j1" "$DOCKVET -j1 --no-color --format json -o $OUT/findings-compose-dockvet.json $FILES_ARGS" \
      -n "dockvet" "$DOCKVET --no-color --format json -o $OUT/findings-compose-dockvet.json $FILES_ARGS" \
      -n "dclint" "node $DCLINT --no-color -f json -o $OUT/findings-compose-dclint.json $FILES_ARGS")
  else
    echo "dclint missing at $DCLINT" >&2
  fi
  # What each linter found, and how many files dockvet says it linted (its text summary line).
  # The summary goes to stderr; the findings themselves are in the JSON.
  (cd "$CDIR" && "$DOCKVET" --no-color "${COMPOSE_LIST[@]}" 2>&1 >/dev/null | tail -1) \
    >"$OUT/compose-dockvet-summary.txt" || true
  python3 - "$OUT" "${#COMPOSE_LIST[@]}" <<'PY' | tee "$OUT/compose-counts.txt" >&2
import collections, json, os, sys
out, listed = sys.argv[1], int(sys.argv[2])
def load(name):
    path = os.path.join(out, name)
    return json.load(open(path)) if os.path.exists(path) else None
print(f"compose files given to each linter: {listed}")
dockvet = load("findings-compose-dockvet.json")
if dockvet is not None:
    codes = collections.Counter(f["code"] for f in dockvet)
    files = len({f["file"] for f in dockvet})
    print(f"dockvet: {len(dockvet)} findings in {files} files ({', '.join(f'{c} {n}' for c, n in sorted(codes.items()))})")
    print("dockvet summary: " + open(os.path.join(out, "compose-dockvet-summary.txt")).read().strip())
directory = load("findings-compose-dockvet-dir.json")
if directory is not None:
    print(f"dockvet on the directory (compose files and the Dockerfiles beside them): {len(directory)} findings")
dclint = load("findings-compose-dclint.json")
if dclint is not None:
    rules = collections.Counter(m["rule"] for r in dclint for m in r["messages"])
    found = sum(len(r["messages"]) for r in dclint)
    errors = sum(r.get("errorCount", 0) for r in dclint)
    print(f"dclint: {found} findings ({errors} errors) in {len(dclint)} files reported; top rules: "
          + ", ".join(f"{rule} {n}" for rule, n in rules.most_common(6)))
PY
fi

# --- 7. Kubernetes manifests: dockvet on the listed files and on the directory ------------------
# No peer reads manifests for the same questions; the section measures dockvet alone, given the
# files by name and walking the directory (where every YAML file's head is read to tell a
# manifest from other YAML).
if [[ -z ${SKIP_KUBERNETES:-} ]]; then
  FILES_ARGS="${KUBERNETES_LIST[*]}"
  rm -f "$OUT"/findings-kubernetes-*.json "$OUT"/kubernetes-*.txt  # no count from an earlier run
  say "dockvet on ${#KUBERNETES_LIST[@]} Kubernetes manifest files"
  (cd "$KDIR" && hf kubernetes --warmup 1 --runs "$RUNS" \
    -n "dockvet -j1" "$DOCKVET -j1 --no-color --format json -o $OUT/findings-kubernetes-dockvet.json $FILES_ARGS" \
    -n "dockvet" "$DOCKVET --no-color --format json -o $OUT/findings-kubernetes-dockvet.json $FILES_ARGS" \
    -n "dockvet dir" "$DOCKVET --no-color --format json -o $OUT/findings-kubernetes-dockvet-dir.json .")
  (cd "$KDIR" && "$DOCKVET" --no-color "${KUBERNETES_LIST[@]}" 2>&1 >/dev/null | tail -1) \
    >"$OUT/kubernetes-dockvet-summary.txt" || true
  python3 - "$OUT" "${#KUBERNETES_LIST[@]}" <<'PY' | tee "$OUT/kubernetes-counts.txt" >&2
import collections, json, os, sys
out, listed = sys.argv[1], int(sys.argv[2])
print(f"manifest files given to dockvet: {listed}")
for name, what in (("findings-kubernetes-dockvet.json", "the listed files"),
                   ("findings-kubernetes-dockvet-dir.json", "the directory")):
    path = os.path.join(out, name)
    if not os.path.exists(path):
        continue
    findings = json.load(open(path))
    codes = collections.Counter(f["code"] for f in findings)
    files = len({f["file"] for f in findings})
    print(f"dockvet on {what}: {len(findings)} findings in {files} files ("
          + ", ".join(f"{c} {n}" for c, n in sorted(codes.items())) + ")")
print("dockvet summary: " + open(os.path.join(out, "kubernetes-dockvet-summary.txt")).read().strip())
PY
fi

echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/machine.txt" >&2
say "ratios"
python3 "$ROOT/bench/report.py" "$OUT"
