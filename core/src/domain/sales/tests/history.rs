use chrono::Duration;

use super::*;

#[test]
fn moving_a_deal_records_who_moved_it_and_when() {
    let p = pipeline();
    let d = deal(
        "d1",
        "lucia",
        eur(100_000),
        day(2026, 5, 1),
        at(2026, 1, 5, 9, 0),
    );
    let d = move_stage(&d, &p.stages[1], at(2026, 1, 12, 11, 0), "lucia");
    let d = move_stage(&d, &p.stages[2], at(2026, 2, 2, 17, 30), "javier");
    let back = move_stage(&d, &p.stages[1], at(2026, 2, 9, 8, 0), "javier");
    assert_eq!(d.stage_id, "nego");
    assert_eq!(
        d.probability, 60,
        "a move applies the stage's default probability"
    );
    assert_eq!(back.probability, 35);
    let moves: Vec<(Option<&str>, &str, &str)> = (back.history.iter())
        .map(|c| (c.from.as_deref(), c.to.as_str(), c.by.as_str()))
        .collect();
    assert_eq!(
        moves,
        [
            (None, "lead", "lucia"),
            (Some("lead"), "offer", "lucia"),
            (Some("offer"), "nego", "javier"),
            (Some("nego"), "offer", "javier")
        ]
    );
    assert_eq!(back.meta.updated_by, "javier");
    // Dropping a card in its own column changes nothing.
    assert_eq!(
        move_stage(&back, &p.stages[1], at(2026, 3, 1, 8, 0), "marta"),
        back
    );
}

#[test]
fn cycle_length_runs_from_creation_to_close() {
    let d = deal(
        "d1",
        "lucia",
        eur(100_000),
        day(2026, 5, 1),
        at(2026, 1, 5, 9, 0),
    );
    assert_eq!(cycle_length(&d), None, "open deals have no cycle yet");
    let w = won(&d, at(2026, 3, 6, 8, 59));
    assert_eq!(
        cycle_length(&w),
        Some(Duration::days(59) + Duration::hours(23) + Duration::minutes(59))
    );
    assert_eq!(cycle_days(&w), Some(59));
    let l = lost(&d, at(2026, 1, 25, 9, 0));
    assert_eq!(cycle_days(&l), Some(20));
    // Reopened, it is open again and has no cycle length.
    assert_eq!(
        cycle_days(&reopen_deal(
            &w,
            Some(&pipeline()),
            at(2026, 3, 7, 9, 0),
            "lucia"
        )),
        None
    );
}

/// A closed deal that spent `days_in_lead` days in "lead", then `days_in_offer` in "offer".
fn journey(id: &str, days_in_lead: i64, days_in_offer: i64) -> Deal {
    let p = pipeline();
    let start = at(2025, 6, 1, 9, 0);
    let d = deal(id, "lucia", eur(10_000), day(2025, 9, 1), start);
    let d = move_stage(
        &d,
        &p.stages[1],
        start + Duration::days(days_in_lead),
        "lucia",
    );
    won(&d, start + Duration::days(days_in_lead + days_in_offer))
}

#[test]
fn stage_durations_average_and_usual_time_over_closed_deals() {
    let mut deals: Vec<Deal> = (1..=8)
        .map(|i| journey(&format!("d{i}"), i, 2 * i))
        .collect();
    // Open deals do not count: their stay is not over.
    deals.push(deal(
        "open",
        "lucia",
        eur(1),
        day(2026, 1, 1),
        at(2024, 1, 1, 0, 0),
    ));
    let stats = stage_durations(&deals);
    let lead = stats.get("p1", "lead").expect("lead stats");
    assert_eq!(lead.samples, 8);
    assert_eq!(lead.mean, Duration::hours(108)); // 4.5 days
    assert_eq!(lead.p75, Duration::days(6)); // 6th of 8 sorted stays
    let offer = stats.get("p1", "offer").expect("offer stats");
    assert_eq!(
        (offer.mean, offer.p75),
        (Duration::days(9), Duration::days(12))
    );
    assert_eq!(stats.usual("p1", "offer"), Some(Duration::days(12)));
    assert_eq!(stats.usual("p1", "nego"), None);
    let ids: Vec<&str> = stats.stages.iter().map(|s| s.stage_id.as_str()).collect();
    assert_eq!(ids, ["lead", "offer"]);
}

#[test]
fn a_deal_is_stalled_past_the_teams_usual_time_in_its_stage() {
    let history: Vec<Deal> = (1..=8)
        .map(|i| journey(&format!("d{i}"), i, 2 * i))
        .collect();
    let stats = stage_durations(&history);
    let p = pipeline();
    let d = deal(
        "new",
        "marta",
        eur(50_000),
        day(2026, 6, 1),
        at(2026, 3, 1, 9, 0),
    );
    let d = move_stage(&d, &p.stages[1], at(2026, 3, 2, 9, 0), "marta");
    // Usual time in "offer" is 12 days: day 12 is fine, a minute more is stalled.
    assert!(!stalled(&d, &stats, at(2026, 3, 14, 9, 0)));
    assert!(stalled(&d, &stats, at(2026, 3, 14, 9, 1)));
    assert_eq!(
        time_in_stage(&d, at(2026, 3, 14, 9, 1)),
        Duration::days(12) + Duration::minutes(1)
    );
    // Closed deals are never stalled.
    assert!(!stalled(
        &won(&d, at(2026, 3, 20, 9, 0)),
        &stats,
        at(2026, 4, 30, 9, 0)
    ));
    // A stage with fewer than five closed stays has no usual time: nothing is flagged.
    let few = stage_durations(&history[..4]);
    assert!(!stalled(&d, &few, at(2027, 1, 1, 0, 0)));
}
