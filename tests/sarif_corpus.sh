#!/usr/bin/env bash
# dockvet's SARIF for the whole corpus must pass ../shared/sarif/validate-sarif.sh: the SARIF
# 2.1.0 schema and GitHub code scanning's ingestion rules, with every result's file checked under
# the repository root. Exits 77 (ctest: skipped) where the validator or node is missing.
set -euo pipefail
dockvet=$1
source_dir=$2
validator="$source_dir/../shared/sarif/validate-sarif.sh"
if [ ! -f "$validator" ] || ! command -v node >/dev/null 2>&1; then
  echo "skipped: $validator or node is missing"
  exit 77
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cd "$source_dir"
"$dockvet" --no-fail --format sarif --output "$out/corpus.sarif" corpus
bash "$validator" --root "$source_dir" "$out/corpus.sarif"
