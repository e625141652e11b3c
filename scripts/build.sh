#!/usr/bin/env bash
# Release build of the PWA into dist/ (Trunk + wasm-opt -Oz), then precompressed .br/.gz copies
# of the text and wasm files and a size report.
#
#   bash scripts/build.sh            # assumes scripts/setup.sh has run (serve.sh and test.sh run it)
set -euo pipefail
LOG_TAG=build
source "$(dirname "$0")/env.sh"
cd "$ROOT"

command -v trunk >/dev/null || die "trunk not found: run scripts/setup.sh"
[ -x node_modules/.bin/wasm-opt ] || die "node_modules/.bin/wasm-opt missing: run scripts/setup.sh"
wasm_opt_version="$(wasm-opt --version)"
case "$wasm_opt_version" in
  *"version 132"*) ;;
  *) die "wasm-opt on PATH is '$wasm_opt_version' ($(command -v wasm-opt)); Trunk.toml pins version_132" ;;
esac

# Everything from crates.io up front, so `trunk --offline` never reaches for GitHub: a tool version
# mismatch becomes a clear error instead of a failed download.
cargo fetch --quiet
start=$SECONDS
log "trunk build --release (wasm-opt -Oz)"
trunk build --release --offline
log "built dist/ in $((SECONDS - start)) s"
node scripts/precompress.mjs dist
