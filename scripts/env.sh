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

# Runs a wasm-bindgen-test command in headless Chromium beside a throwaway PouchDB Server (the
# sync tests and benchmarks replicate with a real one): on a free port, with CORS for the test
# page's fixed origin; its URL and admin reach the tests at BUILD time (option_env!, see
# tests/sync_support). Chromium profiles (~60 MB a run) and the server's data go in folders
# that are removed afterwards, also on failure.   wasm_tests_with_sync_server NAME CMD...
wasm_tests_with_sync_server() {
  local name=$1
  shift
  local tmp="$ROOT/.tmp/$name" page_port admin_password sync_url rc=0
  rm -rf "$tmp" && mkdir -p "$tmp/wbt"
  page_port="$(node server/launch.mjs free-port)"
  admin_password="$(node -e 'console.log(require("crypto").randomBytes(12).toString("hex"))')"
  SYNC_DATA="$tmp/sync" APP_ORIGIN="http://127.0.0.1:$page_port" SYNC_PORT='' \
    SYNC_ADMIN_USER=test-admin SYNC_ADMIN_PASSWORD="$admin_password" \
    bash scripts/sync-server.sh >"$tmp/sync-server.log" 2>&1 || { cat "$tmp/sync-server.log" >&2; rm -rf "$tmp"; return 1; }
  sync_url="$(sed -n 's/^SYNC_URL=//p' "$tmp/sync-server.log" | tail -n 1)"
  if [ -z "$sync_url" ]; then
    echo "the sync server printed no SYNC_URL" >&2
    rc=1
  else
    CARTERA_TEST_SYNC_URL="$sync_url" CARTERA_TEST_SYNC_ADMIN="test-admin:$admin_password" \
      WASM_BINDGEN_TEST_ADDRESS="127.0.0.1:$page_port" WASM_BINDGEN_TEST_TIMEOUT=900 \
      CHROMEDRIVER=/usr/bin/chromedriver TMPDIR="$tmp/wbt" "$@" || rc=$?
  fi
  SYNC_DATA="$tmp/sync" bash scripts/sync-server.sh --stop >/dev/null 2>&1 || true
  rm -rf "$tmp"
  return "$rc"
}
