#!/usr/bin/env bash
# Installs everything maskcheck needs on a fresh Debian 12 machine: Debian packages for building and testing
# the Tauri app, the UI's npm packages, and tauri-driver for the end-to-end tests. Idempotent and non-interactive.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

DEBS=(
  # build the desktop app
  libwebkit2gtk-4.1-dev build-essential pkg-config libxdo-dev libssl-dev
  libayatana-appindicator3-dev librsvg2-dev curl file
  # SQLCipher's vendored OpenSSL is configured by Perl scripts (core modules such as IPC::Cmd)
  perl
  # run and test it headless: display, WebDriver, CJK fonts, screenshot and PDF tools
  xvfb xauth webkit2gtk-driver fonts-noto-cjk imagemagick poppler-utils qpdf
)
missing=()
for p in "${DEBS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -q
  $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

if ! command -v cargo >/dev/null 2>&1; then
  echo "setup: cargo not found; install the Rust toolchain (https://rustup.rs) first" >&2
  exit 2
fi
node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$node_major" -lt 20 ]; then
  echo "setup: Node.js 20.19 or newer is needed for Vite 8 (found: $(node -v 2>/dev/null || echo none))" >&2
  exit 2
fi

if [ -f ui/package-lock.json ]; then
  if [ ! -d ui/node_modules ] || [ ui/package-lock.json -nt ui/node_modules/.package-lock.json ]; then
    echo "setup: installing npm packages"
    (cd ui && npm ci --no-audit --no-fund)
  fi
fi

if ! command -v tauri-driver >/dev/null 2>&1; then
  echo "setup: installing tauri-driver"
  cargo install --locked tauri-driver --version '^2'
fi
echo "setup: done"
