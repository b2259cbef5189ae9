#!/usr/bin/env bash
# Whole-process timings of roster import (10,000 and 100,000 rows) with peak RSS, beside Python openpyxl reading
# the same files in read-only mode. Prints a Markdown table for docs/benchmarks.md.
# Needs: GNU time (/usr/bin/time), python3 with pip (openpyxl is installed into a venv under target/).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q -p maskcheck-cli
BIN=target/release/maskcheck
VENV=target/bench-venv
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
"$VENV/bin/pip" install -q openpyxl
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
RUNS=${RUNS:-3}
# The demo roster spans the city's counties; the importing unit (卫滨区) confirms the others as new.
NEW=()
for c in 红旗区 牧野区 凤泉区 长垣市 获嘉县 原阳县 延津县 封丘县 卫辉市 辉县市 新乡县; do NEW+=(--new-county "$c"); done
# CPU=0 runs maskcheck and openpyxl pinned to one core (a slow laptop).
PIN=()
[ -n "${CPU:-}" ] && PIN=(taskset -c "$CPU")

timed() { # prints "seconds peak_kb" of a command (stdout discarded)
  /usr/bin/time -f "%e %M" -o "$TMP/t" "$@" >/dev/null
  cat "$TMP/t"
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

echo "| rows | maskcheck import: read, validate, commit | peak RSS | maskcheck dry run: read, validate, plan | openpyxl read-only: read | ratio (dry run / openpyxl) |"
echo "|---:|---:|---:|---:|---:|---:|"
for n in ${SIZES:-10000 100000}; do
  $BIN --data-dir "$TMP/src-$n" demo --enterprises "$n" --seed 5 >/dev/null
  $BIN --data-dir "$TMP/src-$n" roster export "$TMP/roster-$n.xlsx" >/dev/null
  : >"$TMP/imp"; : >"$TMP/rss"; : >"$TMP/dry"; : >"$TMP/py"
  for i in $(seq "$RUNS"); do
    rm -rf "$TMP/dst"
    $BIN --data-dir "$TMP/dst" init --unit-name 基准局 --unit-abbr 基 --county 卫滨区 --inspector 基准 --cert B1 >/dev/null
    read -r s kb < <(timed "${PIN[@]}" $BIN --data-dir "$TMP/dst" roster import "${NEW[@]}" "$TMP/roster-$n.xlsx")
    echo "$s" >>"$TMP/imp"; echo "$kb" >>"$TMP/rss"
    rm -rf "$TMP/dry-dst"
    $BIN --data-dir "$TMP/dry-dst" init --unit-name 基准局 --unit-abbr 基 --county 卫滨区 --inspector 基准 --cert B1 >/dev/null
    read -r s _ < <(timed "${PIN[@]}" $BIN --data-dir "$TMP/dry-dst" roster import --dry-run "${NEW[@]}" "$TMP/roster-$n.xlsx")
    echo "$s" >>"$TMP/dry"
    read -r s _ < <(timed "${PIN[@]}" "$VENV/bin/python" -c "
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1], read_only=True)
rows = sum(1 for _ in wb.worksheets[0].iter_rows(values_only=True))
assert rows == $n + 1, rows" "$TMP/roster-$n.xlsx")
    echo "$s" >>"$TMP/py"
  done
  imp=$(median <"$TMP/imp"); rss=$(median <"$TMP/rss"); dry=$(median <"$TMP/dry"); py=$(median <"$TMP/py")
  ratio=$(awk -v a="$dry" -v b="$py" 'BEGIN { printf "%.2f", a / b }')
  printf "| %s | %s s | %d MiB | %s s | %s s | %s |\n" "$n" "$imp" "$((rss / 1024))" "$dry" "$py" "$ratio"
done
