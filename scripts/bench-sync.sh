#!/usr/bin/env bash
# Sync benchmarks (issue 10): one inspector's year exported by the laptop and imported by the bureau, beside the
# bare work — the same rows inserted into a fresh SQLite database by Python's sqlite3, and a plain copy of the same
# photo files. Release build; whole-process timings with /usr/bin/time -v. Figures go to docs/benchmarks.md.
#   scripts/bench-sync.sh [INSPECTIONS] [PHOTOS]     (default 400 2000: about 800 MB of photos)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-400}
P=${2:-2000}
OUT=${BENCH_DIR:-/tmp/maskcheck-bench-sync}
cargo build --release -p maskcheck-cli -p maskcheck-app --bin maskcheck --example sync_year
target/release/examples/sync_year "$OUT" "$N" "$P"
MC=target/release/maskcheck
run() { /usr/bin/time -f "%e s wall, %M KB peak" "$@"; }
echo "== import of the year by a fresh bureau"
rm -rf "$OUT/b" && cp -r "$OUT/bureau0" "$OUT/b"
run "$MC" --data-dir "$OUT/b" bundle import "$OUT/year.mcb"
echo "== bare: the same rows into a fresh SQLite database (Python sqlite3)"
run python3 bench/sync/bare_insert.py "$OUT/rows.json" "$OUT/bare.db"
echo "== bare: a plain copy of the same attachment files"
rm -rf "$OUT/copy" && run cp -r "$OUT/laptop/attachments" "$OUT/copy"
echo "== export of the year by the laptop (again, to the bureau)"
run "$MC" --data-dir "$OUT/laptop" bundle export --out "$OUT/again.mcb"
