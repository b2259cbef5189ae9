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
# Nothing is deleted inside a timed step: mass deletes just before make ext4's inode allocation slow for whoever
# creates files next. Both sides make their files durable (the import syncs before it commits; the copy ends with
# `sync -f`).
rm -rf "$OUT"/b "$OUT"/copy "$OUT"/bare.db "$OUT"/again.mcb && cp -r "$OUT/bureau0" "$OUT/b" && sync
echo "== import of ${#bundles[@]} bundle(s) by a fresh bureau, in one process"
run "$MC" --data-dir "$OUT/b" bundle import "${bundles[@]}"
echo "== bare: the same rows into a fresh SQLite database (Python sqlite3)"
run python3 bench/sync/bare_insert.py "$rows" "$OUT/bare.db"
echo "== bare: a plain copy of the same files the import brought (photos and issued PDFs), made durable"
run sh -c 'mkdir "$1/copy" && for d in attachments documents; do [ ! -d "$1/b/$d" ] || cp -r "$1/b/$d" "$1/copy/"; done && sync -f "$1/copy"' copy "$OUT"
echo "== export of one year by its laptop (again, to the bureau)"
run "$MC" --data-dir "$OUT/laptop" bundle export --out "$OUT/again.mcb"
