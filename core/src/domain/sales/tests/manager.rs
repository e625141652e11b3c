use chrono::Duration;

use super::*;

#[test]
fn the_manager_sees_this_periods_forecast_closings_and_stalled_deals() {
    let p = pipeline();
    let start = at(2025, 6, 1, 9, 0);
    // Five closed deals that each spent 10 days in "offer": the usual time there.
    let mut deals: Vec<Deal> = (1..=5)
        .map(|i| {
            let d = deal(&format!("h{i}"), "ana", eur(1), day(2025, 7, 1), start);
            let d = move_stage(&d, &p.stages[1], start + Duration::days(1), "ana");
            lost(&d, start + Duration::days(11))
        })
        .collect();
    let offer = |d: Deal, at: DateTime<Utc>| move_stage(&d, &p.stages[1], at, "x");
    let c = at(2026, 1, 5, 9, 0);
    deals.extend([
        offer(
            deal("slow", "lucia", eur(10_000), day(2026, 3, 20), c),
            at(2026, 2, 1, 9, 0),
        ),
        offer(
            deal("slower", "javier", eur(20_000), day(2026, 6, 20), c),
            at(2026, 1, 20, 9, 0),
        ),
        offer(
            deal("fresh", "javier", eur(30_000), day(2026, 3, 5), c),
            at(2026, 3, 10, 9, 0),
        ),
        deal("april", "lucia", eur(40_000), day(2026, 4, 1), c),
    ]);
    let stats = stage_durations(&deals);
    let now = at(2026, 3, 15, 12, 0);
    let v = manager_view(&deals, &stats, PeriodKind::Month, utc_minus_5(), now);
    assert_eq!(v.forecast.period, Period::month(2026, 3).expect("march"));
    // 100 € and 300 € at 35 %.
    let mut weighted = Amounts::default();
    weighted.add("EUR", 3_500 + 10_500);
    assert_eq!(v.forecast.team.weighted, weighted);
    let ids = |ds: &[Deal]| ds.iter().map(|d| d.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&v.closing), ["fresh", "slow"]);
    // The usual time is a day in "lead" and ten in "offer": "april" has sat in "lead" since
    // January 5, "slower" in "offer" since January 20, "slow" since February 1; "fresh"
    // moved there five days ago.
    assert_eq!(ids(&v.stalled), ["april", "slower", "slow"]);
}
