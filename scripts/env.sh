# Sourced by scripts/build.sh, serve.sh and test.sh: project root, PATH and shared helpers.
# shellcheck shell=bash

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ROOT
# Tools pinned in Trunk.toml come first: binaryen 132's wasm-opt from npm, then trunk and
# wasm-bindgen from ~/.cargo/bin. A Debian /usr/bin/wasm-opt (108) must never win.
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"

# Colour only on a terminal; CI logs stay plain.
if [ -t 1 ] && [ -z "${NO_COLOR:-}" ]; then
  C_BLUE=$'\033[1;34m' C_RED=$'\033[1;31m' C_GREEN=$'\033[1;32m' C_BOLD=$'\033[1m' C_OFF=$'\033[0m'
else
  C_BLUE='' C_RED='' C_GREEN='' C_BOLD='' C_OFF=''
  export CARGO_TERM_COLOR=never
fi

log() { printf '%s[%s]%s %s\n' "$C_BLUE" "${LOG_TAG:-cartera}" "$C_OFF" "$*"; }
die() { printf '%s[%s] error:%s %s\n' "$C_RED" "${LOG_TAG:-cartera}" "$C_OFF" "$*" >&2; exit 1; }
