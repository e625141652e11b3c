use super::*;
use crate::domain::sample_data;

#[test]
fn sample_deals_are_deterministic_and_plausible() {
    let now = at(2026, 3, 15, 12, 0);
    let data = sample_data(7, 500, now);
    let p = sample_pipeline(now);
    let a = sample_deals(11, 2_000, now, &data.accounts, &p);
    assert_eq!(a, sample_deals(11, 2_000, now, &data.accounts, &p));
    assert_ne!(a, sample_deals(12, 2_000, now, &data.accounts, &p));
    assert_eq!(a.len(), 2_000);
    assert!(
        a.windows(2).all(|w| w[0].id < w[1].id),
        "ids in creation order"
    );
    let open = a.iter().filter(|d| d.is_open()).count();
    let won = a.iter().filter(|d| d.status == DealStatus::Won).count();
    assert!((1_000..1_600).contains(&open), "open: {open}");
    assert!((150..500).contains(&won), "won: {won}");
    for d in &a {
        assert!(d.meta.created_at <= now && d.closed_at.is_none_or(|t| t <= now));
        assert!(p.stage(&d.stage_id).is_some());
        assert!(d.account_id.is_some());
        assert!(d.amount.amount_minor > 0);
        let body = d.to_body();
        let doc = crate::store::Doc {
            id: d.id.clone(),
            rev: "1-a".parse().expect("rev"),
            deleted: false,
            body,
        };
        assert_eq!(Deal::from_doc(&doc).as_ref(), Ok(d));
    }
    // Several currencies, kept apart by the forecast.
    let f = forecast(&a, PeriodKind::Quarter, utc_minus_5(), now);
    assert!(f.periods[0].team.pipeline.as_slice().len() >= 3);
    let stats = stage_durations(&a);
    assert!(stats.usual(SAMPLE_PIPELINE_ID, "s1").is_some());
}
