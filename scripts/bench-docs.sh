#!/usr/bin/env bash
# Document rendering benchmark: criterion (in-process) and whole-process timings of maskcheck rendering 1 and 100
# rectification notices beside LibreOffice converting the same notice as .docx (1 and 100 files, one soffice call).
# Installs what it needs (libreoffice-writer-nogui, python-docx in a venv). Figures go to docs/benchmarks.md by hand.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v soffice >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui hyperfine; }
command -v hyperfine >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hyperfine
W=target/bench-docs
mkdir -p $W
[ -x $W/venv/bin/python ] || { python3 -m venv $W/venv && $W/venv/bin/pip install -q python-docx==1.1.2; }

cargo bench -q -p maskcheck-docs --bench notice
cargo build -q --release -p maskcheck-docs --example render_batch
BIN=target/release/examples/render_batch
$BIN 1 $W/ours-1
# The same text as the notice, set in a .docx with the same font and size, so LibreOffice does equivalent work.
pdftotext -raw $W/ours-1/notice-0.pdf $W/notice.txt
$W/venv/bin/python - "$W" <<'PY'
import sys
from docx import Document
from docx.shared import Pt
from docx.oxml.ns import qn
w = sys.argv[1]
doc = Document()
style = doc.styles["Normal"]
style.font.name = "Noto Serif CJK SC"
style.font.size = Pt(16)
style.element.rPr.rFonts.set(qn("w:eastAsia"), "Noto Serif CJK SC")
for line in open(f"{w}/notice.txt", encoding="utf-8").read().split("\n"):
    doc.add_paragraph(line.replace("\f", ""))
doc.save(f"{w}/notice.docx")
PY
mkdir -p $W/lo-in-100 && for i in $(seq 0 99); do cp $W/notice.docx $W/lo-in-100/notice-$i.docx; done
ls -l $W/ours-1/notice-0.pdf
hyperfine --warmup 1 --runs 5 \
  "$BIN 1 $W/ours-1" \
  "soffice --headless --convert-to pdf --outdir $W/lo-1 $W/notice.docx" \
  "$BIN 100 $W/ours-100" \
  "soffice --headless --convert-to pdf --outdir $W/lo-100 $W/lo-in-100/*.docx"
ls -l $W/lo-1/notice.pdf
