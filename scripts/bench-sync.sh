#!/usr/bin/env bash
# Sync benchmarks (issue 10): inspectors' years exported by their laptops and imported by the bureau, beside the
# bare work — the same rows inserted into a fresh SQLite database by Python's sqlite3, and a plain copy of the same
# files. Release build; whole-process timings with /usr/bin/time -v. Figures go to docs/benchmarks.md.
#   scripts/bench-sync.sh [INSPECTIONS] [PHOTOS] [LAPTOPS]   (default 400 2000 1: about 800 MB of photos)
#   scripts/bench-sync.sh 400 0 50                           (a bureau importing 50 laptops' years)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-400}
P=${2:-2000}
L=${3:-1}
OUT=${BENCH_DIR:-/tmp/maskcheck-bench-sync}
cargo build --release -p maskcheck-cli -p maskcheck-app --bin maskcheck --example sync_year
target/release/examples/sync_year "$OUT" "$N" "$P" "$L"
MC=target/release/maskcheck
run() { /usr/bin/time -f "%e s wall, %M KB peak" "$@"; }
bundles=("$OUT"/year*.mcb)
rows=$(ls "$OUT"/rows*.json | paste -sd, -)
echo "== import of ${#bundles[@]} bundle(s) by a fresh bureau, in one process"
rm -rf "$OUT/b" && cp -r "$OUT/bureau0" "$OUT/b"
run "$MC" --data-dir "$OUT/b" bundle import "${bundles[@]}"
echo "== bare: the same rows into a fresh SQLite database (Python sqlite3)"
run python3 bench/sync/bare_insert.py "$rows" "$OUT/bare.db"
echo "== bare: a plain copy of the same files (photos and issued PDFs)"
rm -rf "$OUT/copy" && mkdir "$OUT/copy"
run sh -c 'for d in "$1"/laptop*; do mkdir "$1/copy/${d##*/}" && cp -r "$d/attachments" "$d/documents" "$1/copy/${d##*/}/"; done' copy "$OUT"
echo "== export of one year by its laptop (again, to the bureau)"
run "$MC" --data-dir "$OUT/laptop" bundle export --out "$OUT/again.mcb"
