use super::*;

fn timed(h: u32, min: u32) -> Option<When> {
    Some(When::At {
        start: at(2026, 3, 10, h, min),
        minutes: 30,
    })
}

/// Lucia's activities and deals around Tuesday March 10, 2026.
fn lucias_week() -> (Vec<Activity>, Vec<Deal>) {
    use ActivityKind::{Call, Meeting, Task, Visit};
    let lucia = |id: &str, kind, when| activity(id, kind, "lucia", when);
    let on = |m: u32, d: u32| Some(When::Day(day(2026, m, d)));
    let mut done_visit = lucia("v0", Visit, timed(13, 0)); // 08:00 local, already done
    done_visit.done_at = Some(at(2026, 3, 10, 13, 40));
    let late_night = Some(When::At {
        start: at(2026, 3, 11, 2, 0),
        minutes: 60,
    });
    let mut planned = lucia("n1", Call, on(3, 20));
    planned.deal_id = Some("ok".into());
    let acts = vec![
        lucia("v3", Visit, timed(21, 0)), // 16:00 local
        lucia("v2", Visit, on(3, 10)),
        done_visit,
        lucia("v1", Visit, timed(16, 30)), // 11:30 local
        lucia("v4", Visit, late_night),    // 02:00 UTC on March 11 is March 10 at UTC−5
        activity("vx", Visit, "javier", timed(16, 0)),
        lucia("vy", Visit, on(3, 11)),
        lucia("t1", Task, on(3, 2)),
        lucia("t2", Call, timed(14, 0)), // 09:00 local: an hour late
        lucia("t3", Task, timed(20, 0)), // 15:00 local: later today
        lucia("t4", Task, on(3, 10)),
        lucia("t5", Meeting, on(3, 1)),
        set_done(
            &lucia("t6", Task, on(2, 27)),
            true,
            at(2026, 3, 1, 9, 0),
            "lucia",
        ),
        planned,
    ];
    (acts, lucias_deals())
}

fn lucias_deals() -> Vec<Deal> {
    let c = at(2026, 1, 5, 9, 0);
    vec![
        deal("late", "lucia", eur(1), day(2026, 3, 9), c),
        deal("soon", "lucia", eur(1), day(2026, 3, 17), c),
        deal("ok", "lucia", eur(1), day(2026, 6, 1), c),
        deal("idle", "lucia", eur(1), day(2026, 6, 1), c),
        won(&deal("done", "lucia", eur(1), day(2026, 3, 1), c), c),
        deal("theirs", "javier", eur(1), day(2026, 3, 1), c),
    ]
}

#[test]
fn today_lists_visits_in_order_overdue_tasks_and_deals_needing_attention() {
    let (acts, deals) = lucias_week();
    // 10:00 local on Tuesday March 10 at UTC−5 is 15:00 UTC.
    let (tz, now) = (utc_minus_5(), at(2026, 3, 10, 15, 0));
    let t = today(&acts, &deals, &StageStats::default(), "lucia", now, tz);
    assert_eq!(t.date, day(2026, 3, 10));
    let ids = |v: &[Activity]| v.iter().map(|a| a.id.clone()).collect::<Vec<_>>();
    assert_eq!(
        ids(&t.visits),
        ["v0", "v1", "v3", "v4", "v2"],
        "timed in order, then day-only"
    );
    assert_eq!(
        ids(&t.overdue),
        ["t1", "t2"],
        "oldest first; meetings and done tasks are not tasks to chase"
    );
    assert_eq!(ids(&t.due_today), ["t3", "t4"]);
    let attention: Vec<(&str, Vec<Attention>)> = t
        .deals
        .iter()
        .map(|d| (d.deal.id.as_str(), d.reasons.clone()))
        .collect();
    assert_eq!(
        attention,
        [
            (
                "late",
                vec![Attention::CloseDatePassed, Attention::NoNextStep]
            ),
            ("soon", vec![Attention::ClosingSoon, Attention::NoNextStep]),
            ("idle", vec![Attention::NoNextStep]),
        ]
    );
}

#[test]
fn stalled_deals_need_attention() {
    let p = pipeline();
    let start = at(2025, 6, 1, 9, 0);
    let closed: Vec<Deal> = (1..=5)
        .map(|i| {
            let d = deal(&format!("h{i}"), "lucia", eur(1), day(2025, 9, 1), start);
            let d = move_stage(&d, &p.stages[1], start + chrono::Duration::days(1), "lucia");
            won(&d, start + chrono::Duration::days(1 + 10))
        })
        .collect();
    let stats = stage_durations(&closed);
    let d = deal(
        "slow",
        "lucia",
        eur(1),
        day(2026, 9, 1),
        at(2026, 1, 1, 9, 0),
    );
    let d = move_stage(&d, &p.stages[1], at(2026, 2, 1, 9, 0), "lucia");
    let mut next = activity(
        "n",
        ActivityKind::Task,
        "lucia",
        Some(When::Day(day(2026, 3, 20))),
    );
    next.deal_id = Some("slow".into());
    let t = today(
        &[next],
        &[d],
        &stats,
        "lucia",
        at(2026, 3, 10, 15, 0),
        utc_minus_5(),
    );
    assert_eq!(t.deals.len(), 1);
    assert_eq!(t.deals[0].reasons, [Attention::Stalled]);
}
