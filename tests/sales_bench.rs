//! Sales aggregates over 50k deals in the browser's wasm: the forecast by month and by quarter,
//! the board's column totals and the per-stage times, over seeded sample deals (generated
//! outside the timing). A benchmark, not a test: it prints `BENCH sales_* ...` rows for
//! scripts/bench.sh (median and max of 5 rounds) and asserts nothing about time.
//!
//! `cargo test --release --features bench --target wasm32-unknown-unknown --test sales_bench -- --nocapture`
#![cfg(all(target_arch = "wasm32", feature = "bench"))]

use std::hint::black_box;

use cartera_core::domain::sales::{
    BoardFilter, PeriodKind, board_totals, forecast, sample_deals, sample_pipeline, stage_durations,
};
use cartera_core::domain::sample_data;
use chrono::{FixedOffset, TimeZone, Utc};
use wasm_bindgen_test::{console_log, wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

const DEALS: usize = 50_000;
/// Accounts the deals are spread over (`sample_data` makes one account per five contacts).
const CONTACTS: usize = 10_000;
const ROUNDS: usize = 5;

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Median and max in ms of `ROUNDS` runs of `f`; `f`'s result goes through `black_box` so the
/// work is not optimised away, and `check` sees the last one.
fn time<T>(mut f: impl FnMut() -> T, check: impl Fn(&T)) -> (f64, f64) {
    let mut times = Vec::with_capacity(ROUNDS);
    let mut last = None;
    for _ in 0..ROUNDS {
        let t = now_ms();
        let out = black_box(f());
        times.push(now_ms() - t);
        last = Some(out);
    }
    if let Some(out) = &last {
        check(out);
    }
    times.sort_by(f64::total_cmp);
    (times[times.len() / 2], times[times.len() - 1])
}

#[wasm_bindgen_test]
fn sales_aggregates_50k_deals() {
    let now = Utc
        .with_ymd_and_hms(2026, 11, 26, 12, 0, 0)
        .single()
        .unwrap_or_default();
    // The team's calendar: Mexico City (UTC−6, no daylight saving).
    let tz = FixedOffset::west_opt(6 * 3600).expect("offset");
    let data = sample_data(7, CONTACTS, now);
    let pipeline = sample_pipeline(now);
    let gen_start = now_ms();
    let deals = sample_deals(11, DEALS, now, &data.accounts, &pipeline);
    let gen_ms = now_ms() - gen_start;
    let open = deals.iter().filter(|d| d.is_open()).count();
    assert!(
        open > 0 && open < DEALS,
        "the sample must hold open and closed deals, or the timing means nothing"
    );

    let (month, month_max) = time(
        || forecast(&deals, PeriodKind::Month, tz, now),
        |f| {
            assert!(
                !f.periods.is_empty(),
                "the month forecast must have periods"
            )
        },
    );
    let (quarter, quarter_max) = time(
        || forecast(&deals, PeriodKind::Quarter, tz, now),
        |f| {
            assert!(
                !f.periods.is_empty(),
                "the quarter forecast must have periods"
            )
        },
    );
    console_log!(
        "BENCH sales_forecast n={DEALS} month_ms={month:.2} month_max_ms={month_max:.2} \
         quarter_ms={quarter:.2} quarter_max_ms={quarter_max:.2} open={open} gen_ms={gen_ms:.0}"
    );

    let filter = BoardFilter::default();
    let (board, board_max) = time(
        || board_totals(&deals, &pipeline, &filter),
        |cols| {
            let shown: u32 = cols.iter().map(|c| c.count).sum();
            assert_eq!(shown as usize, open, "every open deal is on the board");
        },
    );
    console_log!("BENCH sales_board n={DEALS} ms={board:.2} max_ms={board_max:.2} open={open}");

    let (stats, stats_max) = time(
        || stage_durations(&deals),
        |s| assert!(!s.stages.is_empty(), "closed deals must give stage times"),
    );
    console_log!(
        "BENCH sales_stage_stats n={DEALS} ms={stats:.2} max_ms={stats_max:.2} closed={}",
        DEALS - open
    );
}
