//! Sync throughput against a real PouchDB Server: pull of 10k documents into a fresh IndexedDB
//! store, push of 10k into a fresh server database (`cartera::remote::bench`). A benchmark,
//! not a test: it prints `BENCH sync_pull ...` and `BENCH sync_push ...` lines for
//! scripts/bench.sh and asserts nothing about time.
//!
//! Needs the same build environment as tests/sync_pouchdb.rs (`CARTERA_TEST_SYNC_URL`,
//! `CARTERA_TEST_SYNC_ADMIN`, and a page origin the server's CORS allows):
//! `cargo test --release --features bench --target wasm32-unknown-unknown --test sync_bench -- --nocapture`
#![cfg(all(target_arch = "wasm32", feature = "bench"))]

use cartera::remote::Credentials;
use cartera::remote::bench::{bench_noop_sync, bench_pull, bench_push};
use wasm_bindgen_test::{console_log, wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

const DOCS: usize = 10_000;
const ROUNDS: usize = 3;
const NOOP_ROUNDS: usize = 5;

const SERVER: Option<&str> = option_env!("CARTERA_TEST_SYNC_URL");
const ADMIN: Option<&str> = option_env!("CARTERA_TEST_SYNC_ADMIN");
const MISSING: &str = "CARTERA_TEST_SYNC_URL and CARTERA_TEST_SYNC_ADMIN (name:password) must \
    be set when the benchmark is BUILT (see tests/sync_pouchdb.rs)";

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs[xs.len() / 2]
}

#[wasm_bindgen_test]
async fn sync_10k_docs() {
    let (Some(server), Some(admin)) = (SERVER, ADMIN) else {
        panic!("{MISSING}")
    };
    let (user, password) = admin.split_once(':').expect(MISSING);
    let admin = Credentials::new(user, password);
    let (mut pulls, mut pushes) = (Vec::new(), Vec::new());
    for _ in 0..ROUNDS {
        pulls.push(bench_pull(server, &admin, DOCS).await.expect("pull"));
        pushes.push(bench_push(server, &admin, DOCS).await.expect("push"));
    }
    for (name, runs) in [("sync_pull", pulls), ("sync_push", pushes)] {
        let runs_ms: Vec<String> = runs.iter().map(|ms| format!("{ms:.0}")).collect();
        let ms = median(runs);
        let rate = DOCS as f64 / ms * 1000.0;
        console_log!(
            "BENCH {name} n={DOCS} ms={ms:.0} docs_per_s={rate:.0} runs_ms={}",
            runs_ms.join(",")
        );
    }
}

/// A sync that finds nothing to do, right after a full pull of 10k documents: the median of 5
/// consecutive two-way syncs (push then pull, the app's `sync()`); `first_ms` is the one right
/// after the full sync.
#[wasm_bindgen_test]
async fn sync_noop_after_10k_docs() {
    let (Some(server), Some(admin)) = (SERVER, ADMIN) else {
        panic!("{MISSING}")
    };
    let (user, password) = admin.split_once(':').expect(MISSING);
    let admin = Credentials::new(user, password);
    let runs = bench_noop_sync(server, &admin, DOCS, NOOP_ROUNDS)
        .await
        .expect("no-op sync");
    let runs_ms: Vec<String> = runs.iter().map(|ms| format!("{ms:.1}")).collect();
    let first = runs[0];
    let ms = median(runs);
    console_log!(
        "BENCH sync_noop n={DOCS} ms={ms:.1} first_ms={first:.1} runs_ms={}",
        runs_ms.join(",")
    );
}
