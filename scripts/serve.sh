#!/usr/bin/env bash
# THE run command: installs what is missing, builds the release PWA and serves it locally.
#
#   scripts/serve.sh                # http://127.0.0.1:8080/ (or a free port if 8080 is taken)
#   PORT=9000 scripts/serve.sh
#   SKIP_BUILD=1 scripts/serve.sh   # serve the existing dist/ as is
#   SYNC=0 scripts/serve.sh         # without the embedded sync server (the app works local-only)
set -euo pipefail
LOG_TAG=serve
source "$(dirname "$0")/env.sh"
cd "$ROOT"

bash scripts/setup.sh
if [ "${SKIP_BUILD:-0}" != "1" ]; then
  bash scripts/build.sh
fi
[ -f dist/index.html ] || die "dist/index.html missing: the build did not run"

# The page's origin is fixed before anything starts, so the sync server's CORS can name it.
port="${PORT:-8080}"
if ! node server/launch.mjs port-is-free "$port"; then
  busy="$port"
  port="$(node server/launch.mjs free-port)"
  log "port $busy is busy; using $port instead"
fi
origin="http://127.0.0.1:$port"

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  if [ "${SYNC:-1}" = "1" ]; then bash scripts/sync-server.sh --stop || true; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- sync server ---------------------------------------------------------------------------
# The CouchDB-compatible sync server (patched PouchDB Server, data in .data/sync), beside the
# static server, with CORS for this page's origin. On port 5984 when free, which is where the
# login screen looks by default (this page's host, CouchDB's port); SYNC=0 turns it off.
if [ "${SYNC:-1}" = "1" ]; then
  if [ -z "${SYNC_PORT:-}" ] && node server/launch.mjs port-is-free 5984; then export SYNC_PORT=5984; fi
  APP_ORIGIN="$origin" bash scripts/sync-server.sh
fi
# -------------------------------------------------------------------------------------------

node scripts/static-server.mjs --root dist --host 127.0.0.1 --port "$port" --strict-port &
pids+=("$!")
wait "${pids[0]}"
