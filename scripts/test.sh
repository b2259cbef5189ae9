#!/usr/bin/env bash
# Sets up everything (scripts/setup.sh) and runs every test: lints, Rust unit and integration tests, the UI's type
# check and unit tests, and the end-to-end tests of the built desktop app under Xvfb. Screenshots: target/e2e/.
# The workspace is compiled once: one feature set for every step, clippy's lints applied by the build itself
# (scripts/cargo-env.sh), and the tests run from that build.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
. scripts/cargo-env.sh

step() { printf '\n== %s  (%s)\n' "$*" "$(date +%T)"; }

step "UI: type check, unit tests, build"
(cd ui && npm run --silent typecheck && npm test --silent && npx vite build --logLevel warn)

step "Rust: format"
cargo fmt --all --check

step "Rust: build and clippy -D warnings, every target of the workspace (desktop, CLI, tests, benches)"
cargo build --locked --workspace --all-targets --features "$MASKCHECK_FEATURES"

step "Rust: unit, integration and end-to-end tests (the real window under Xvfb)"
rm -rf target/e2e
xvfb-run -a -s "-screen 0 1366x768x24" \
  cargo test --locked --workspace --features "$MASKCHECK_FEATURES"
echo
echo "All tests passed. Screenshots: target/e2e/"
