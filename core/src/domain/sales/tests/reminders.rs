use chrono::Duration;

use super::*;

/// 10:00 UTC on March 10, 2026.
fn now() -> chrono::DateTime<chrono::Utc> {
    at(2026, 3, 10, 10, 0)
}

/// Lucía's call starting `minutes` from now (negative: already started).
fn call_in(id: &str, minutes: i64) -> Activity {
    let start = now() + Duration::minutes(minutes);
    activity(
        id,
        ActivityKind::Call,
        "lucia",
        Some(When::At { start, minutes: 15 }),
    )
}

fn due(activities: &[Activity], reminded: &[String]) -> Vec<String> {
    due_reminders(
        activities,
        "lucia",
        now(),
        REMINDER_LEAD,
        REMINDER_GRACE,
        reminded,
    )
    .iter()
    .map(|a| a.id.clone())
    .collect()
}

#[test]
fn reminds_within_the_lead_time_not_before() {
    let all = [
        call_in("in-16", 16),
        call_in("in-15", 15),
        call_in("in-3", 3),
        call_in("now", 0),
    ];
    // By due time: the one starting now first.
    assert_eq!(due(&all, &[]), ["now", "in-3", "in-15"]);
}

#[test]
fn overdue_ones_remind_only_within_the_grace_window() {
    let all = [
        call_in("late-60", -60),
        call_in("late-61", -61),
        call_in("late-5", -5),
    ];
    assert_eq!(due(&all, &[]), ["late-60", "late-5"]);
}

#[test]
fn done_other_owners_and_untimed_ones_do_not_remind() {
    let done = set_done(&call_in("done", 5), true, now(), "lucia");
    let mut javier = call_in("javier", 5);
    javier.owner = "javier".into();
    let day_only = activity(
        "day",
        ActivityKind::Task,
        "lucia",
        Some(When::Day(day(2026, 3, 10))),
    );
    let undated = activity("undated", ActivityKind::Task, "lucia", None);
    let all = [
        done,
        javier,
        day_only.clone(),
        undated.clone(),
        call_in("mine", 5),
    ];
    assert_eq!(due(&all, &[]), ["mine"]);
    assert_eq!(
        (reminder_key(&day_only), reminder_key(&undated)),
        (None, None)
    );
}

#[test]
fn a_shown_reminder_is_not_repeated_until_the_time_changes() {
    let call = call_in("c1", 10);
    let key = reminder_key(&call).expect("timed");
    assert_eq!(
        key,
        format!("c1@{}", (now() + Duration::minutes(10)).timestamp())
    );
    assert!(due(std::slice::from_ref(&call), std::slice::from_ref(&key)).is_empty());
    // Moved to five minutes from now: a new due time, a new reminder.
    let moved = call_in("c1", 5);
    assert_eq!(due(&[moved], &[key]), ["c1"]);
}

#[test]
fn old_and_unreadable_keys_are_pruned() {
    let secs = |m: i64| (now() + Duration::minutes(m)).timestamp();
    let mut keys = vec![
        format!("old@{}", secs(-61)),
        format!("edge@{}", secs(-60)),
        format!("soon@{}", secs(10)),
        "garbage".to_owned(),
        "id@not-a-number".to_owned(),
    ];
    prune_reminded(&mut keys, now(), REMINDER_GRACE);
    assert_eq!(
        keys,
        [format!("edge@{}", secs(-60)), format!("soon@{}", secs(10))]
    );
}
