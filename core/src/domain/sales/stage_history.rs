//! Stage moves, cycle lengths, time in stage and the "stalled" flag.
//!
//! **Stalled rule.** The team's usual time in a stage is the 75th percentile (nearest rank) of
//! the stays in that stage of the team's *closed* deals (won or lost; each stay of a deal in a
//! stage, from entering it to leaving it or closing, is one sample). An open deal is stalled when
//! its current stay is longer than that. With fewer than [`MIN_SAMPLES`] stays the team has no
//! "usual" time for the stage and nothing in it is flagged (no false alarms for new teams or
//! new stages). The 75th percentile rather than mean + k·σ: stage times are heavily skewed
//! (a few deals sit for months), which inflates σ and would hide most stalls.

use crate::sort;
use std::collections::BTreeMap;

use chrono::{DateTime, Duration, Utc};

use super::deal::{Deal, StageChange};
use super::pipeline::Stage;

/// Fewest closed stays in a stage before its usual time is trusted.
pub const MIN_SAMPLES: usize = 5;

/// The deal in stage `to` from `at`, moved by `user`: a history entry, and (for an open deal)
/// the stage's default probability. Moving to the current stage changes nothing.
pub fn move_stage(deal: &Deal, to: &Stage, at: DateTime<Utc>, user: &str) -> Deal {
    if deal.stage_id == to.id {
        return deal.clone();
    }
    let mut d = deal.clone();
    d.history.push(StageChange {
        from: Some(deal.stage_id.clone()),
        to: to.id.clone(),
        at,
        by: user.to_owned(),
    });
    d.stage_id = to.id.clone();
    if d.is_open() {
        d.probability = to.probability;
    }
    d.meta = deal.meta.touched(at, user);
    d
}

/// When the deal started: its creation, or its first history entry when earlier (imported).
fn started(deal: &Deal) -> DateTime<Utc> {
    (deal.history.first()).map_or(deal.meta.created_at, |c| c.at.min(deal.meta.created_at))
}

/// From creation to won or lost; `None` while the deal is open.
pub fn cycle_length(deal: &Deal) -> Option<Duration> {
    let closed = deal.closed_at.filter(|_| !deal.is_open())?;
    Some((closed - started(deal)).max(Duration::zero()))
}

/// [`cycle_length`] in whole days (rounded down), as the user sees it.
pub fn cycle_days(deal: &Deal) -> Option<i64> {
    cycle_length(deal).map(|d| d.num_days())
}

/// Each stay of the deal in a stage, in order: `(stage id, time there)`. The last stay ends
/// when the deal closed, or at `now` while it is open.
pub fn stays(deal: &Deal, now: DateTime<Utc>) -> Vec<(&str, Duration)> {
    let end = match deal.is_open() {
        true => now,
        false => deal.closed_at.unwrap_or(now),
    };
    let mut out = Vec::with_capacity(deal.history.len().max(1));
    if deal.history.is_empty() {
        out.push((deal.stage_id.as_str(), end - deal.meta.created_at));
    }
    for (i, c) in deal.history.iter().enumerate() {
        let until = deal.history.get(i + 1).map_or(end, |n| n.at);
        out.push((c.to.as_str(), (until - c.at).max(Duration::zero())));
    }
    out
}

/// How long the open deal has been in its current stage at `now`.
pub fn time_in_stage(deal: &Deal, now: DateTime<Utc>) -> Duration {
    (now - deal.stage_entered_at()).max(Duration::zero())
}

/// Time in one stage over the team's closed deals.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StageStat {
    pub pipeline_id: String,
    pub stage_id: String,
    /// Stays counted.
    pub samples: usize,
    /// Average stay (rounded down to the second).
    pub mean: Duration,
    /// 75th percentile stay (nearest rank): the team's usual time there.
    pub p75: Duration,
}

/// Per-stage times, sorted by pipeline then stage id.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StageStats {
    pub stages: Vec<StageStat>,
}

impl StageStats {
    pub fn get(&self, pipeline_id: &str, stage_id: &str) -> Option<&StageStat> {
        (self.stages)
            .binary_search_by(|s| {
                (s.pipeline_id.as_str(), s.stage_id.as_str()).cmp(&(pipeline_id, stage_id))
            })
            .ok()
            .and_then(|i| self.stages.get(i))
    }

    /// The usual time in the stage, when at least [`MIN_SAMPLES`] stays are known.
    pub fn usual(&self, pipeline_id: &str, stage_id: &str) -> Option<Duration> {
        (self.get(pipeline_id, stage_id))
            .filter(|s| s.samples >= MIN_SAMPLES)
            .map(|s| s.p75)
    }
}

/// Average and usual time per stage over the closed deals among `deals` (open ones are
/// skipped: their current stay is not over).
pub fn stage_durations(deals: &[Deal]) -> StageStats {
    let mut samples: BTreeMap<(&str, &str), Vec<i64>> = BTreeMap::new();
    for d in deals.iter().filter(|d| !d.is_open()) {
        for (stage, t) in stays(d, d.closed_at.unwrap_or_default()) {
            let key = (d.pipeline_id.as_str(), stage);
            samples.entry(key).or_default().push(t.num_seconds());
        }
    }
    let stages = (samples.into_iter())
        .map(|((pipeline, stage), mut secs)| {
            sort::sort(&mut secs);
            let n = secs.len().max(1);
            let total: i128 = secs.iter().map(|s| i128::from(*s)).sum();
            let mean = i64::try_from(total / n as i128).unwrap_or(i64::MAX);
            // Nearest rank: the ceil(0.75 n)-th smallest.
            let p75 = secs.get((3 * n).div_ceil(4) - 1).copied().unwrap_or(0);
            StageStat {
                pipeline_id: pipeline.to_owned(),
                stage_id: stage.to_owned(),
                samples: secs.len(),
                mean: Duration::try_seconds(mean).unwrap_or(Duration::MAX),
                p75: Duration::try_seconds(p75).unwrap_or(Duration::MAX),
            }
        })
        .collect();
    StageStats { stages }
}

/// True when the open `deal` has been in its stage longer than the team's usual time there
/// (see the module docs); never for closed deals or stages without a usual time.
pub fn stalled(deal: &Deal, team_usual: &StageStats, now: DateTime<Utc>) -> bool {
    deal.is_open()
        && (team_usual.usual(&deal.pipeline_id, &deal.stage_id))
            .is_some_and(|usual| time_in_stage(deal, now) > usual)
}
