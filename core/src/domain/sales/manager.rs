//! The manager's view: the team's forecast for the current period, the deals closing in it
//! and the stalled deals.

use crate::sort;
use chrono::{DateTime, FixedOffset, Utc};

use super::deal::Deal;
use super::forecast::{PeriodForecast, forecast};
use super::period::PeriodKind;
use super::stage_history::{StageStats, stalled, time_in_stage};

/// What a sales manager looks at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ManagerView {
    /// The current period's forecast, team and reps (slipped deals included).
    pub forecast: PeriodForecast,
    /// Open deals expected to close in the current period, by close day, then owner, then id.
    pub closing: Vec<Deal>,
    /// Open stalled deals, longest in their stage first, then id.
    pub stalled: Vec<Deal>,
}

/// The manager's view of `deals` (the team's) for the `kind` of period holding `now` in the
/// team's calendar; `stats` are the team's stage times.
pub fn manager_view(
    deals: &[Deal],
    stats: &StageStats,
    kind: PeriodKind,
    tz: FixedOffset,
    now: DateTime<Utc>,
) -> ManagerView {
    let f = forecast(deals, kind, tz, now);
    let current = f.current;
    let forecast =
        (f.periods.into_iter().find(|p| p.period == current)).unwrap_or(PeriodForecast {
            period: current,
            team: Default::default(),
            reps: Vec::new(),
        });
    let mut closing: Vec<Deal> = (deals.iter())
        .filter(|d| d.is_open() && current.contains(d.expected_close))
        .cloned()
        .collect();
    sort::sort_by(&mut closing, |a, b| {
        (a.expected_close, &a.owner, &a.id).cmp(&(b.expected_close, &b.owner, &b.id))
    });
    let mut stuck: Vec<(chrono::Duration, &Deal)> = (deals.iter())
        .filter(|d| stalled(d, stats, now))
        .map(|d| (time_in_stage(d, now), d))
        .collect();
    sort::sort_by(&mut stuck, |a, b| {
        b.0.cmp(&a.0).then_with(|| a.1.id.cmp(&b.1.id))
    });
    ManagerView {
        forecast,
        closing,
        stalled: stuck.into_iter().map(|(_, d)| d.clone()).collect(),
    }
}
