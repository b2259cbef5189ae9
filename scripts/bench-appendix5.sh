#!/usr/bin/env bash
# Appendix 5 with 100,000 rows: maskcheck's writer (release example) beside Python XlsxWriter in constant_memory
# mode writing the same table, paired whole-process timings with peak memory (farm-bench from the workplace's tool
# library when present, else GNU time). Figures go to docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-100000}
cargo build --release -q -p maskcheck-sheets --example appendix5_rows
BIN=target/release/examples/appendix5_rows
VENV=target/bench-venv
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
"$VENV/bin/pip" install -q XlsxWriter
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
if command -v farm-bench >/dev/null; then
  farm-bench -n "${RUNS:-5}" --timeout 600 --vs "$VENV/bin/python scripts/appendix5_xlsxwriter.py $N $TMP/py.xlsx" -- \
    "$BIN" "$N" "$TMP/rs.xlsx"
else
  /usr/bin/time -f "maskcheck %e s %M KiB" "$BIN" "$N" "$TMP/rs.xlsx"
  /usr/bin/time -f "XlsxWriter %e s %M KiB" "$VENV/bin/python" scripts/appendix5_xlsxwriter.py "$N" "$TMP/py.xlsx"
fi
ls -l "$TMP"/*.xlsx
