#!/usr/bin/env bash
# Sets up everything (scripts/setup.sh) and runs every test: lints, Rust unit and integration tests, the UI's type
# check and unit tests, then the end-to-end tests of the built desktop app under Xvfb. Screenshots: target/e2e/.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh

step() { printf '\n== %s\n' "$*"; }

step "UI: type check, unit tests, build"
(cd ui && npm run --silent typecheck && npm test --silent && npx vite build --logLevel warn)

step "Rust: format"
cargo fmt --all --check

step "Rust: clippy -D warnings (whole workspace, desktop and E2E included)"
cargo clippy --workspace --all-targets --features maskcheck-desktop/custom-protocol,maskcheck-tests/e2e --locked -- -D warnings

step "Rust: unit and integration tests"
cargo test --locked

step "Desktop: build with the bundled UI"
cargo build --locked -p maskcheck-desktop --features custom-protocol

step "End to end: the real window under Xvfb"
rm -rf target/e2e
xvfb-run -a -s "-screen 0 1366x768x24" cargo test --locked -p maskcheck-tests --features e2e --test e2e -- --test-threads=1
echo
echo "All tests passed. Screenshots: target/e2e/"
