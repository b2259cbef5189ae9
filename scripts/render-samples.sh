#!/usr/bin/env bash
# Renders every page of each sample document (crates/maskcheck-docs/src/samples.rs) into docs/samples/ as PNG,
# the way a reviewer sees them: `pdftoppm -png`. Run after changing a document builder or the layout.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/cargo-env.sh
out=target/samples
cargo run --quiet -p maskcheck-docs --example samples -- "$out"
rm -f docs/samples/*.png
for pdf in "$out"/*.pdf; do
  name=$(basename "$pdf" .pdf)
  pdftoppm -png -r 70 "$pdf" "docs/samples/$name-page"
done
ls docs/samples
