#!/usr/bin/env bash
# THE bench command: prints one table (and writes bench-out/results.md). Not a test: nothing here
# passes or fails on time. Every ratio compares against a baseline measured in the same run.
#
#   wasm size           dist/*.wasm raw / gzip / brotli (release build, wasm-opt -Oz)
#   import              IdbStore::bulk_docs of 10k contacts vs a raw IndexedDB put of the same
#                       records in one transaction (the floor), same page, median of 3
#   search              SearchIndex p50/p95 over 10k and 100k sample contacts in Chromium's wasm
#   cold start          reload to the first contact row with 10k contacts stored, median of 5
#   sales               forecast by month/quarter and pipeline totals over 50k deals, median of 5
#   kanban              the pipeline board with 5k open deals vs 500 in the same run (Playwright,
#                       release build): load to first card, drag and drop, long tasks, frames
#   sync                pull / push of 10k documents with a real PouchDB Server (median of 3) vs
#                       PouchDB 9 in the same Chromium (indexeddb adapter) and a node PouchDB
#                       client against the same server; no-op sync after 10k docs
#
#   bash scripts/bench.sh
set -euo pipefail
LOG_TAG=bench
source "$(dirname "$0")/env.sh"
cd "$ROOT"

bash scripts/setup.sh
mkdir -p bench-out
bash scripts/build.sh >bench-out/build.log 2>&1 || { tail -30 bench-out/build.log; die "release build failed"; }

log "wasm benchmarks in headless Chromium (release build of the bench tests; a PouchDB Server for sync)"
# The PouchDB baselines run beside the same server right after the wasm benchmarks (the page
# port is free again then, and the server's CORS already admits it).
wasm_tests_with_sync_server bench bash -c '
  cargo test -p cartera --release --features bench --target wasm32-unknown-unknown \
    --test idb_bench --test search_bench --test sales_bench --test sync_bench -- --nocapture &&
  SYNC_URL="$CARTERA_TEST_SYNC_URL" SYNC_ADMIN="$CARTERA_TEST_SYNC_ADMIN" \
    node scripts/bench/sync-baselines.mjs >bench-out/sync-baselines.json' >bench-out/wasm.log 2>&1 \
  || { tail -40 bench-out/wasm.log; die "wasm benchmarks failed"; }

log "cold start with 10k contacts (Playwright, release build)"
node scripts/bench/coldstart.mjs >bench-out/coldstart.json

log "pipeline board with 5k vs 500 open deals: load and drag and drop (Playwright, release build)"
node scripts/bench/kanban.mjs >bench-out/kanban.json

node scripts/bench/report.mjs bench-out | tee bench-out/results.md
