#!/usr/bin/env bash
# The development sync server: PouchDB Server 4.2.0 (CouchDB replication protocol) on 127.0.0.1,
# LevelDB on disk, with server/patch.cjs preloaded, CORS limited to the app's origin with
# credentials, and the database prepared by server/setup.mjs (security, validate_doc_update, users).
# Production runs Apache CouchDB 3 instead: see server/README.md.
#
#   scripts/sync-server.sh                # start in the background, wait until it answers, print the URL
#   scripts/sync-server.sh --foreground   # the same, but stay attached and show its log (Ctrl+C stops it)
#   scripts/sync-server.sh --stop         # stop the background server of $SYNC_DATA
#
# Environment (all optional):
#   SYNC_PORT            port (default: a free one)
#   SYNC_DATA            data folder (default .data/sync): LevelDB files, config.json, log.txt,
#                        server.out (its stdout/stderr), server.pid, url
#   APP_ORIGIN           the app's origin(s), comma-separated, allowed by CORS with credentials
#                        (default http://127.0.0.1:8080; a page on localhost is ANOTHER origin)
#   SYNC_ADMIN_USER      server admin created on first start (default couchadmin)
#   SYNC_ADMIN_PASSWORD  its password (default couchadmin-dev: development only)
#   SYNC_DB              database (default cartera)
#   SYNC_DEV_USERS       users file for setup.mjs (default server/dev-users.json; "none" for none)
#
# The last line printed on success is `SYNC_URL=http://127.0.0.1:PORT`; the URL is also in
# $SYNC_DATA/url and the process id in $SYNC_DATA/server.pid.
set -euo pipefail
LOG_TAG=sync
source "$(dirname "$0")/env.sh"
cd "$ROOT"

mode=background
case "${1:-}" in
  '') ;;
  --foreground) mode=foreground ;;
  --stop) mode=stop ;;
  -h | --help) awk 'NR > 1 && /^#/ { print; next } NR > 1 { exit }' "$0"; exit 0 ;;
  *) die "unknown argument '$1' (--foreground, --stop, --help)" ;;
esac

DATA="$(realpath -m "${SYNC_DATA:-.data/sync}")"
PID_FILE="$DATA/server.pid"
URL_FILE="$DATA/url"
OUT_FILE="$DATA/server.out"
DB="${SYNC_DB:-cartera}"
ORIGIN="${APP_ORIGIN:-http://127.0.0.1:8080}"
USERS_FILE="${SYNC_DEV_USERS:-server/dev-users.json}"
ADMIN_DEFAULTED=0
if [ -z "${SYNC_ADMIN_USER:-}" ] && [ -z "${SYNC_ADMIN_PASSWORD:-}" ]; then ADMIN_DEFAULTED=1; fi
export SYNC_ADMIN_USER="${SYNC_ADMIN_USER:-couchadmin}"
export SYNC_ADMIN_PASSWORD="${SYNC_ADMIN_PASSWORD:-couchadmin-dev}"

SERVER_MAIN="$ROOT/node_modules/pouchdb-server/lib/index.js"
[ -f "$SERVER_MAIN" ] || die "pouchdb-server is not installed: run scripts/setup.sh (npm ci)"

# The pid of our server from $PID_FILE when it is still running, else nothing.
running_pid() {
  local pid
  pid="$(cat "$PID_FILE" 2>/dev/null || true)"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  # a recycled pid belongs to some other program
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q 'pouchdb-server' && echo "$pid"
  return 0
}

stop_pid() {
  local pid=$1 i
  kill "$pid" 2>/dev/null || return 0
  for i in $(seq 50); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
}

if [ "$mode" = stop ]; then
  pid="$(running_pid)"
  if [ -n "$pid" ]; then stop_pid "$pid"; log "stopped the sync server (pid $pid)"; else log "no sync server running for $DATA"; fi
  rm -f "$PID_FILE" "$URL_FILE"
  exit 0
fi

mkdir -p "$DATA"
pid="$(running_pid)"
if [ -n "$pid" ]; then
  [ "$mode" = background ] || die "a sync server for $DATA is already running (pid $pid): scripts/sync-server.sh --stop first"
  url="$(cat "$URL_FILE")"
  log "already running (pid $pid); CORS origins are the ones it was started with (--stop to restart)"
  echo "SYNC_URL=$url"
  exit 0
fi

if [ -n "${SYNC_PORT:-}" ]; then
  PORT="$SYNC_PORT"
  node server/launch.mjs port-is-free "$PORT" || die "port $PORT is already in use (unset SYNC_PORT for a free one)"
else
  PORT="$(node server/launch.mjs free-port)"
fi
URL="http://127.0.0.1:$PORT"

created="$(node server/launch.mjs write-config --data "$DATA" --origin "$ORIGIN" \
  --admin-user "$SYNC_ADMIN_USER" --admin-password "$SYNC_ADMIN_PASSWORD")"

args=(-r "$ROOT/server/patch.cjs" "$SERVER_MAIN" --host 127.0.0.1 --port "$PORT" --dir "$DATA"
  --config "$DATA/config.json")
if [ "$mode" = foreground ]; then
  # Its log on this terminal; Ctrl+C or the end of this script stops it.
  node "${args[@]}" &
  pid=$!
  trap 'stop_pid "$pid"; rm -f "$PID_FILE" "$URL_FILE"' EXIT
  trap 'exit 130' INT TERM
  wait_log=()
else
  # -n: request log only in $DATA/log.txt. nohup: it outlives this script and its terminal.
  nohup node "${args[@]}" -n >"$OUT_FILE" 2>&1 </dev/null &
  pid=$!
  wait_log=(--log "$OUT_FILE")
fi
echo "$pid" >"$PID_FILE"
echo "$URL" >"$URL_FILE"

fail() {
  stop_pid "$pid"
  rm -f "$PID_FILE" "$URL_FILE"
  [ "$mode" = foreground ] || tail -n 20 "$OUT_FILE" >&2 || true
  die "$1"
}

node server/launch.mjs wait "$URL/" --pid "$pid" "${wait_log[@]}" --timeout-ms 30000 || fail "the sync server did not start"

setup_args=(--url "$URL" --db "$DB")
[ "$USERS_FILE" = none ] || setup_args+=(--users "$USERS_FILE")
node server/setup.mjs "${setup_args[@]}" ||
  fail "setup failed: if $DATA was first started with another admin password, set SYNC_ADMIN_PASSWORD to it (or delete $DATA)"

log "PouchDB Server (patched) on $URL, database '$DB', data in $DATA"
log "CORS with credentials for: $ORIGIN"
if [ "${created%% *}" = created-admin ]; then log "created the server admin '$SYNC_ADMIN_USER'"; fi
if [ "$ADMIN_DEFAULTED" = 1 ]; then
  log "DEV DEFAULT server admin: $SYNC_ADMIN_USER / $SYNC_ADMIN_PASSWORD (set SYNC_ADMIN_USER and SYNC_ADMIN_PASSWORD otherwise)"
fi
if [ "$USERS_FILE" != none ]; then
  log "app users from $USERS_FILE (name / password / roles):"
  node -e 'for (const u of JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")))
    console.log(`         ${u.name} / ${u.password} / ${u.roles.join(",") || "-"}`)' "$USERS_FILE"
fi
if [ "$mode" = background ]; then log "stop it with: scripts/sync-server.sh --stop (or kill $pid)"; fi
echo "SYNC_URL=$URL"

if [ "$mode" = foreground ]; then
  wait "$pid" || true
fi
