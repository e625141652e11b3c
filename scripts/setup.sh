#!/usr/bin/env bash
# Installs everything Cartera needs on a fresh Debian 12 machine with rustup, node and npm.
# Idempotent: each step checks first, so a second run takes seconds.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# Must equal the wasm-bindgen version in Cargo.lock (pinned with = in Cargo.toml).
WASM_BINDGEN_VERSION=0.2.130
BINARYEN_VERSION=132.0.0

log() { printf '\033[1;34m[setup]\033[0m %s\n' "$*"; }

# 1. Rust target and components (RUSTUP_AUTO_INSTALL=0: rust-toolchain.toml does not install them).
if ! rustup target list --installed | grep -q '^wasm32-unknown-unknown$'; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
for c in clippy rustfmt; do
  rustup component list --installed | grep -q "^$c" || rustup component add "$c"
done

# 2. Chromium and its driver (headless browser tests, e2e, benchmarks).
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  log "installing chromium and chromium-driver (apt)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium chromium-driver >/dev/null
fi

# 3. Trunk (the wasm bundler). 0.22 needs a newer rustc than 1.95.
if ! trunk --version 2>/dev/null | grep -q "$TRUNK_VERSION"; then
  log "installing trunk $TRUNK_VERSION (cargo install, ~9 min cold)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

# 4. wasm-bindgen-cli at exactly the library's version (no --locked: see SETUP-NOTES).
if ! wasm-bindgen --version 2>/dev/null | grep -q "$WASM_BINDGEN_VERSION"; then
  log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (~3 min cold)"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# 5. Node packages: wasm-opt from binaryen (Debian's binaryen 108 breaks the app), playwright-core,
#    pouchdb-server. Installed into the project's node_modules from package-lock.json.
if [ ! -x node_modules/.bin/wasm-opt ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "installing node packages (npm ci)"
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
fi
log "tools ready: $(trunk --version), $(wasm-bindgen --version), wasm-opt $(node_modules/.bin/wasm-opt --version | head -1)"
