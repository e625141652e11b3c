//! Search latency over 10k and 100k contacts in the browser's wasm: the same `SearchIndex` the
//! lists use, fed by the seeded sample generator. A benchmark, not a test: it prints a table
//! row per size (`BENCH search ...`) for scripts/bench.sh and asserts nothing about time.
//!
//! `cargo test --release --features bench --target wasm32-unknown-unknown --test search_bench -- --nocapture`
#![cfg(all(target_arch = "wasm32", feature = "bench"))]

use cartera_core::domain::sample_data;
use cartera_core::search::{SearchIndex, contact_fields};
use chrono::{TimeZone, Utc};
use wasm_bindgen_test::{console_log, wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

/// What people type: first names, surnames without accents, prefixes, two words, emails,
/// phone digits, a company word, and misses.
const QUERIES: &[&str] = &[
    "jose",
    "munoz",
    "nunez",
    "ma",
    "mar",
    "maria f",
    "gar",
    "lopez",
    "fer",
    "a",
    "jo mu",
    "pena",
    "sevilla",
    "gmail",
    "612",
    "91 1",
    "+52 55",
    "carlos rod",
    "ana",
    "aceros",
    "distrib",
    "xyzzy",
    "zz",
    "luis g",
    "g",
    "ramirez",
    "castillo",
    "sofia",
    "bogota",
    "lu",
];
const LIMIT: usize = 200;

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted.get(i).copied().unwrap_or(f64::NAN)
}

fn run(size: usize) {
    let at = Utc
        .with_ymd_and_hms(2026, 11, 26, 12, 0, 0)
        .single()
        .unwrap_or_default();
    let data = sample_data(7, size, at);
    let names: std::collections::HashMap<&str, &str> = data
        .accounts
        .iter()
        .map(|a| (a.id.as_str(), a.name.as_str()))
        .collect();
    let start = now_ms();
    let mut index = SearchIndex::new();
    index.insert_all(data.contacts.iter().map(|c| {
        let account = c
            .account_id
            .as_deref()
            .and_then(|id| names.get(id).copied());
        (c.id.as_str(), contact_fields(c, account))
    }));
    let build = now_ms() - start;
    let mut times = Vec::new();
    let mut hits = 0usize;
    // Three rounds over every query: 90 samples per size.
    for _ in 0..3 {
        for q in QUERIES {
            let t = now_ms();
            hits += index.search(q, LIMIT).len();
            times.push(now_ms() - t);
        }
    }
    times.sort_by(f64::total_cmp);
    assert!(
        hits > 0,
        "the queries must find contacts, or the timing means nothing"
    );
    console_log!(
        "BENCH search size={size} build_ms={build:.1} p50_ms={:.3} p95_ms={:.3} max_ms={:.3}",
        percentile(&times, 0.5),
        percentile(&times, 0.95),
        percentile(&times, 1.0)
    );
}

#[wasm_bindgen_test]
fn search_latency_10k_and_100k() {
    run(10_000);
    run(100_000);
}
