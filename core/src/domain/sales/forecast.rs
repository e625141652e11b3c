//! Forecasts: the weighted pipeline per month or quarter, per rep and for the team, by stage
//! probability, by forecast category, and by the reps' historical win rates.
//!
//! Rules:
//! - an open deal counts in the period of its expected close date (a calendar day of the
//!   team); an open deal whose date is before the current period has *slipped* and counts in
//!   the current period;
//! - a won deal counts, as closed, in the period of `closed_at` in the team's calendar (UTC
//!   offset `tz`): won at 2026-04-01 04:30 UTC is March 31, 23:30 at UTC−5, so March and Q1;
//!   won deals of past periods are history and are left out; lost deals never count;
//! - weighted = amount × probability / 100 and historical = amount × won / closed, each
//!   rounded once per deal (half away from zero) in minor units, then summed;
//! - every sum is kept per currency.

use crate::sort;
use chrono::{DateTime, FixedOffset, Utc};

use super::amounts::Amounts;
use super::codes::{DealStatus, ForecastCategory};
use super::deal::Deal;
use super::intern::Interner;
use super::money_ext::ratio_minor;
use super::period::{Period, PeriodKind};
use super::win_rate::{WinRates, win_rates};

/// What one rep (or the team) is expected to sell in one period.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ForecastTotals {
    pub open_deals: u32,
    pub won_deals: u32,
    /// Open deals that should have closed in an earlier period (counted here).
    pub slipped_deals: u32,
    /// Open amounts, unweighted.
    pub pipeline: Amounts,
    /// Open amounts × stage probability.
    pub weighted: Amounts,
    /// Open amounts × the owner's historical win rate (the team's when the rep has little
    /// history; the deal's probability when the team has none).
    pub historical: Amounts,
    /// Won amounts.
    pub won: Amounts,
    /// Unweighted amounts per category, in [`ForecastCategory::ALL`] order (closed = won).
    pub by_category: [Amounts; 4],
}

impl ForecastTotals {
    pub fn category(&self, c: ForecastCategory) -> &Amounts {
        let i = (ForecastCategory::ALL.iter().position(|x| *x == c)).unwrap_or(0);
        &self.by_category[i]
    }

    /// Won plus the weighted open pipeline: the stage-probability forecast.
    pub fn expected(&self) -> Amounts {
        let mut out = self.won.clone();
        out.merge(&self.weighted);
        out
    }

    /// Won plus the open pipeline at historical win rates.
    pub fn expected_historical(&self) -> Amounts {
        let mut out = self.won.clone();
        out.merge(&self.historical);
        out
    }

    /// Closed + commit: what the rep commits to.
    pub fn commit(&self) -> Amounts {
        self.sum_of(&[ForecastCategory::Closed, ForecastCategory::Commit])
    }

    /// Closed + commit + best case.
    pub fn best_case(&self) -> Amounts {
        self.sum_of(&[
            ForecastCategory::Closed,
            ForecastCategory::Commit,
            ForecastCategory::BestCase,
        ])
    }

    fn sum_of(&self, cats: &[ForecastCategory]) -> Amounts {
        let mut out = Amounts::default();
        cats.iter().for_each(|c| out.merge(self.category(*c)));
        out
    }

    fn merge(&mut self, o: &ForecastTotals) {
        self.open_deals += o.open_deals;
        self.won_deals += o.won_deals;
        self.slipped_deals += o.slipped_deals;
        self.pipeline.merge(&o.pipeline);
        self.weighted.merge(&o.weighted);
        self.historical.merge(&o.historical);
        self.won.merge(&o.won);
        for (a, b) in self.by_category.iter_mut().zip(&o.by_category) {
            a.merge(b);
        }
    }
}

/// One rep's forecast for one period.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RepForecast {
    pub owner: String,
    pub totals: ForecastTotals,
}

/// One period: the team and each rep (sorted by owner).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PeriodForecast {
    pub period: Period,
    pub team: ForecastTotals,
    pub reps: Vec<RepForecast>,
}

/// The forecast from the current period on: every period with an open or won deal, in time
/// order; the current period is always first, even when empty.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Forecast {
    pub current: Period,
    pub periods: Vec<PeriodForecast>,
    /// The win rates the historical forecast used.
    pub rates: WinRates,
}

impl Forecast {
    pub fn period(&self, p: Period) -> Option<&PeriodForecast> {
        self.periods.iter().find(|f| f.period == p)
    }
}

/// The forecast of `deals` by `kind` of period in the team's calendar (`tz`) as of `now`;
/// historical win rates come from the closed deals among `deals` (see the module docs).
pub fn forecast(deals: &[Deal], kind: PeriodKind, tz: FixedOffset, now: DateTime<Utc>) -> Forecast {
    let rates = win_rates(deals);
    forecast_with_rates(deals, &rates, kind, tz, now)
}

/// [`forecast`] with win rates computed elsewhere (e.g. over the last year's deals only).
pub fn forecast_with_rates(
    deals: &[Deal],
    rates: &WinRates,
    kind: PeriodKind,
    tz: FixedOffset,
    now: DateTime<Utc>,
) -> Forecast {
    let current = Period::at(kind, now, tz);
    let mut owners = Interner::default();
    let mut owner_rates: Vec<Option<(u32, u32)>> = Vec::new();
    // Per period (unsorted), the totals per owner id.
    let mut cells: Vec<(Period, Vec<ForecastTotals>)> = vec![(current, Vec::new())];
    for d in deals {
        let Some((period, slipped)) = deal_period(d, kind, current, tz) else {
            continue;
        };
        let owner = owners.id(&d.owner);
        if owner == owner_rates.len() {
            owner_rates.push(rates.rate_for(&d.owner));
        }
        let rate = owner_rates.get(owner).copied().flatten();
        let pi = match cells.iter().position(|(p, _)| *p == period) {
            Some(i) => i,
            None => {
                cells.push((period, Vec::new()));
                cells.len() - 1
            }
        };
        let Some((_, reps)) = cells.get_mut(pi) else {
            continue;
        };
        if reps.len() <= owner {
            reps.resize_with(owner + 1, ForecastTotals::default);
        }
        if let Some(t) = reps.get_mut(owner) {
            add_deal(t, d, slipped, rate);
        }
    }
    Forecast {
        current,
        periods: into_periods(cells, &owners),
        rates: rates.clone(),
    }
}

/// The cells in period order, reps in name order, reps without deals left out.
fn into_periods(
    mut cells: Vec<(Period, Vec<ForecastTotals>)>,
    owners: &Interner,
) -> Vec<PeriodForecast> {
    sort::sort_by_key(&mut cells, |(p, _)| *p);
    let order = owners.sorted();
    (cells.into_iter())
        .map(|(period, mut by_owner)| {
            let mut team = ForecastTotals::default();
            let mut reps = Vec::new();
            for &i in &order {
                let Some(totals) = by_owner.get_mut(i).map(std::mem::take) else {
                    continue;
                };
                if totals != ForecastTotals::default() {
                    team.merge(&totals);
                    let owner = owners.names.get(i).copied().unwrap_or_default().to_owned();
                    reps.push(RepForecast { owner, totals });
                }
            }
            PeriodForecast { period, team, reps }
        })
        .collect()
}

/// The period a deal counts in and whether it slipped; `None` for lost deals, won deals of
/// past periods and won deals without a close time.
fn deal_period(
    d: &Deal,
    kind: PeriodKind,
    current: Period,
    tz: FixedOffset,
) -> Option<(Period, bool)> {
    match d.status {
        DealStatus::Lost => None,
        DealStatus::Won => {
            let p = Period::at(kind, d.closed_at?, tz);
            (p >= current).then_some((p, false))
        }
        DealStatus::Open => {
            let p = Period::containing(kind, d.expected_close);
            Some(if p < current {
                (current, true)
            } else {
                (p, false)
            })
        }
    }
}

fn add_deal(t: &mut ForecastTotals, d: &Deal, slipped: bool, rate: Option<(u32, u32)>) {
    let cur = d.amount.currency.as_str();
    let minor = d.amount.amount_minor;
    if let Some(c) = d.forecast_category() {
        let i = (ForecastCategory::ALL.iter().position(|x| *x == c)).unwrap_or(0);
        t.by_category[i].add(cur, minor);
    }
    if d.status == DealStatus::Won {
        t.won_deals += 1;
        t.won.add(cur, minor);
        return;
    }
    t.open_deals += 1;
    t.slipped_deals += u32::from(slipped);
    t.pipeline.add(cur, minor);
    t.weighted
        .add(cur, ratio_minor(minor, i64::from(d.probability), 100));
    let (won, closed) = rate.unwrap_or((u32::from(d.probability), 100));
    t.historical
        .add(cur, ratio_minor(minor, i64::from(won), i64::from(closed)));
}
