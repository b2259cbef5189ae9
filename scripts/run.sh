#!/usr/bin/env bash
# Sets up everything (scripts/setup.sh), builds the UI and the desktop app, and opens it.
# Arguments are passed to the app, e.g. `scripts/run.sh --data-dir /tmp/demo`.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
(cd ui && npx vite build --logLevel warn)
. scripts/cargo-env.sh
cargo build --workspace --bins --features "$MASKCHECK_FEATURES"
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  echo "run: no display found; starting the app under Xvfb (set DISPLAY to use your screen)" >&2
  exec xvfb-run -a -s "-screen 0 1366x768x24" target/debug/maskcheck-desktop "$@"
fi
exec target/debug/maskcheck-desktop "$@"
