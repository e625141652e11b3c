//! "Today": the rep's home screen.
//!
//! - visits: the rep's visits on today's date in the team's calendar, timed ones in start
//!   order, then the ones with only a day (by subject, then id); done visits stay (checked);
//! - overdue: the rep's tasks and calls not done whose time has passed (timed ones) or whose
//!   day is before today, oldest first;
//! - due today: the rest of today's tasks and calls not done, in time order;
//! - deals needing attention: the rep's open deals with at least one [`Attention`] reason,
//!   most urgent reason first, then the earliest expected close, then id.

use crate::sort;
use std::collections::BTreeSet;

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};

use super::activity::{Activity, When};
use super::codes::ActivityKind;
use super::deal::Deal;
use super::period::local_date;
use super::stage_history::{StageStats, stalled};

/// Days ahead within which an expected close counts as "closing soon".
pub const CLOSING_SOON_DAYS: i64 = 7;

/// Why a deal needs attention, most urgent first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Attention {
    /// The expected close day has passed and the deal is still open.
    CloseDatePassed,
    /// In its stage longer than the team usually is (see `stage_history`).
    Stalled,
    /// Expected to close within [`CLOSING_SOON_DAYS`] days.
    ClosingSoon,
    /// No activity still to do is linked to it.
    NoNextStep,
}

/// An open deal and why it needs attention (sorted, most urgent first).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DealAttention {
    pub deal: Deal,
    pub reasons: Vec<Attention>,
}

/// The rep's home screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Today {
    /// Today in the team's calendar.
    pub date: NaiveDate,
    pub visits: Vec<Activity>,
    pub overdue: Vec<Activity>,
    pub due_today: Vec<Activity>,
    pub deals: Vec<DealAttention>,
}

/// `user`'s day at `now` in the team's calendar (UTC offset `tz`); `stats` are the team's
/// stage times (see [`super::stage_durations`]).
pub fn today(
    activities: &[Activity],
    deals: &[Deal],
    stats: &StageStats,
    user: &str,
    now: DateTime<Utc>,
    tz: FixedOffset,
) -> Today {
    let date = local_date(now, tz);
    let mine = || activities.iter().filter(|a| a.owner == user);
    let day_of = |w: &When| match *w {
        When::Day(d) => d,
        When::At { start, .. } => local_date(start, tz),
    };
    // Timed before day-only on the same day; then time, subject, id.
    let key = |a: &Activity| match a.when {
        Some(When::At { start, .. }) => {
            (day_of(&When::At { start, minutes: 0 }), false, Some(start))
        }
        Some(When::Day(d)) => (d, true, None),
        None => (NaiveDate::MAX, true, None),
    };
    let sort = |v: &mut Vec<Activity>| {
        sort::sort_by(v, |a, b| {
            (key(a), &a.subject, &a.id).cmp(&(key(b), &b.subject, &b.id))
        });
    };
    let mut visits: Vec<Activity> = mine()
        .filter(|a| a.kind == ActivityKind::Visit && a.when.is_some_and(|w| day_of(&w) == date))
        .cloned()
        .collect();
    sort(&mut visits);
    let todo = || {
        mine().filter(|a| matches!(a.kind, ActivityKind::Task | ActivityKind::Call) && !a.is_done())
    };
    let overdue_at = |a: &Activity| match a.when {
        Some(When::At { start, .. }) => start < now,
        Some(When::Day(d)) => d < date,
        None => false,
    };
    let mut overdue: Vec<Activity> = todo().filter(|a| overdue_at(a)).cloned().collect();
    sort(&mut overdue);
    let mut due_today: Vec<Activity> = todo()
        .filter(|a| !overdue_at(a) && a.when.is_some_and(|w| day_of(&w) == date))
        .cloned()
        .collect();
    sort(&mut due_today);
    let deals = needing_attention(activities, deals, stats, user, now, date);
    Today {
        date,
        visits,
        overdue,
        due_today,
        deals,
    }
}

fn needing_attention(
    activities: &[Activity],
    deals: &[Deal],
    stats: &StageStats,
    user: &str,
    now: DateTime<Utc>,
    date: NaiveDate,
) -> Vec<DealAttention> {
    let mut planned: BTreeSet<&str> = BTreeSet::new();
    planned.extend(
        (activities.iter())
            .filter(|a| !a.is_done())
            .filter_map(|a| a.deal_id.as_deref()),
    );
    let mut out: Vec<DealAttention> = Vec::new();
    for d in deals.iter().filter(|d| d.is_open() && d.owner == user) {
        let days_left = (d.expected_close - date).num_days();
        let mut reasons = Vec::new();
        if days_left < 0 {
            reasons.push(Attention::CloseDatePassed);
        }
        if stalled(d, stats, now) {
            reasons.push(Attention::Stalled);
        }
        if (0..=CLOSING_SOON_DAYS).contains(&days_left) {
            reasons.push(Attention::ClosingSoon);
        }
        if !planned.contains(d.id.as_str()) {
            reasons.push(Attention::NoNextStep);
        }
        if !reasons.is_empty() {
            out.push(DealAttention {
                deal: d.clone(),
                reasons,
            });
        }
    }
    sort::sort_by(&mut out, |a, b| {
        (a.reasons.first(), a.deal.expected_close, &a.deal.id).cmp(&(
            b.reasons.first(),
            b.deal.expected_close,
            &b.deal.id,
        ))
    });
    out
}
