//! Reminders: which of the user's activities to remind of now.
//!
//! An activity reminds its owner once per due time when it is not done and has a time
//! (`When::At`; day-only and undated ones never remind), from [`REMINDER_LEAD`] before its
//! start until [`REMINDER_GRACE`] after it (an app opened a little late still reminds of
//! what just became overdue). Each shown reminder is remembered by its [`reminder_key`]
//! (id and due time), so a reload does not repeat it and a moved activity reminds again.

use chrono::{DateTime, Duration, Utc};

use super::activity::{Activity, When};
use crate::sort;

/// How long before an activity starts its reminder is shown.
pub const REMINDER_LEAD: Duration = Duration::minutes(15);
/// How long after an activity started its reminder may still be shown.
pub const REMINDER_GRACE: Duration = Duration::minutes(60);

/// The instant an activity is due at, when it has one.
fn due_at(a: &Activity) -> Option<DateTime<Utc>> {
    match a.when {
        Some(When::At { start, .. }) => Some(start),
        _ => None,
    }
}

/// The key a shown reminder is remembered by: `"<id>@<due, Unix seconds>"`; `None` for
/// activities that never remind (no time).
pub fn reminder_key(a: &Activity) -> Option<String> {
    due_at(a).map(|t| format!("{}@{}", a.id, t.timestamp()))
}

/// `user`'s activities to remind of at `now` (see the module docs), minus those whose key is
/// in `reminded`; by due time, then id.
pub fn due_reminders<'a>(
    activities: &'a [Activity],
    user: &str,
    now: DateTime<Utc>,
    lead: Duration,
    grace: Duration,
    reminded: &[String],
) -> Vec<&'a Activity> {
    let due_now = |a: &&Activity| {
        due_at(a).is_some_and(|t| t - lead <= now && now <= t + grace)
            && a.owner == user
            && !a.is_done()
            && reminder_key(a).is_some_and(|k| !reminded.contains(&k))
    };
    let mut out: Vec<&Activity> = activities.iter().filter(due_now).collect();
    sort::sort_by(&mut out, |a, b| (due_at(a), &a.id).cmp(&(due_at(b), &b.id)));
    out
}

/// Drops the remembered keys that can no longer matter at `now` (due more than `grace` ago)
/// and any that do not parse, so the list stays short.
pub fn prune_reminded(keys: &mut Vec<String>, now: DateTime<Utc>, grace: Duration) {
    let oldest = (now - grace).timestamp();
    keys.retain(|k| {
        (k.rsplit_once('@'))
            .and_then(|(_, secs)| secs.parse::<i64>().ok())
            .is_some_and(|secs| secs >= oldest)
    });
}
