#!/usr/bin/env bash
# THE test command (also what CI runs through .ci/run). Installs what is missing, then runs every
# stage in order and stops at the first failure, naming it:
#
#   fmt            cargo fmt --check
#   clippy-host    clippy, all targets, host, -D warnings
#   clippy-wasm    clippy, all targets, wasm32-unknown-unknown, -D warnings
#   test-core      cargo test -p cartera-core (pure domain/store/sync logic, on the host)
#   test-server    sync server: crash patches, setup, validate_doc_update roles, CORS/cookies,
#                  replication with a node PouchDB client (node --test server/test/)
#   test-browser   wasm-bindgen-test of the app crate in headless Chromium (IndexedDB store, ...),
#                  with a throwaway PouchDB Server for the sync tests (scripts/sync-server.sh)
#   build          release build with Trunk + wasm-opt (scripts/build.sh)
#   e2e            Playwright flows against dist/ (node --test tests/e2e/)
#
#   bash scripts/test.sh                # everything
#   bash scripts/test.sh e2e            # only the named stages (the build is not implied)
#   bash scripts/test.sh build e2e
set -euo pipefail
LOG_TAG=test
source "$(dirname "$0")/env.sh"
cd "$ROOT"

ALL_STAGES=(fmt clippy-host clippy-wasm test-core test-server test-browser build e2e)
if [ $# -gt 0 ]; then STAGES=("$@"); else STAGES=("${ALL_STAGES[@]}"); fi
for s in "${STAGES[@]}"; do
  [[ " ${ALL_STAGES[*]} " == *" $s "* ]] || die "unknown stage '$s' (stages: ${ALL_STAGES[*]})"
done


stage_fmt() { cargo fmt --all -- --check; }
stage_clippy-host() { cargo clippy --workspace --all-targets -- -D warnings; }
stage_clippy-wasm() { cargo clippy --workspace --all-targets --target wasm32-unknown-unknown -- -D warnings; }
stage_test-core() { cargo test -p cartera-core; }
stage_test-server() { node --test --test-reporter=spec server/test/; }
stage_test-browser() {
  # IndexedDB store, shell, sync state and the replicator against a real PouchDB Server.
  wasm_tests_with_sync_server test-browser \
    cargo test -p cartera --target wasm32-unknown-unknown --tests
}
stage_build() { bash scripts/build.sh; }
stage_e2e() {
  [ -f dist/index.html ] || { echo "dist/index.html missing: run the build stage first" >&2; return 1; }
  node --test --test-reporter=spec tests/e2e/
}

results=()
summary() {
  printf '\n%s==== test summary ====%s\n' "$C_BOLD" "$C_OFF"
  for line in "${results[@]}"; do printf '%s\n' "$line"; done
}

run_stage() {
  local name=$1 start=$SECONDS rc=0
  printf '\n%s==== %s ====%s\n' "$C_BLUE" "$name" "$C_OFF"
  # A subshell that is not part of an `if`, so `set -e` holds inside each stage.
  set +e
  ( set -e; "stage_$name" )
  rc=$?
  set -e
  local took=$((SECONDS - start))
  if [ "$rc" -ne 0 ]; then
    results+=("FAIL  $name (${took}s, exit $rc)")
    local rest=0 s
    for s in "${STAGES[@]}"; do
      if [ "$rest" = 1 ]; then results+=("skip  $s"); fi
      if [ "$s" = "$name" ]; then rest=1; fi
    done
    summary
    printf '\n%sFAILED at stage "%s"%s (exit %s)\n' "$C_RED" "$name" "$C_OFF" "$rc" >&2
    exit "$rc"
  fi
  results+=("ok    $name (${took}s)")
}

total_start=$SECONDS
setup_start=$SECONDS
printf '%s==== setup ====%s\n' "$C_BLUE" "$C_OFF"
if ! bash scripts/setup.sh; then
  printf '\n%sFAILED at stage "setup"%s (scripts/setup.sh)\n' "$C_RED" "$C_OFF" >&2
  exit 1
fi
results+=("ok    setup ($((SECONDS - setup_start))s)")

for s in "${STAGES[@]}"; do run_stage "$s"; done
summary
printf '\n%sall %d stages passed%s in %ss\n' "$C_GREEN" "${#STAGES[@]}" "$C_OFF" "$((SECONDS - total_start))"
