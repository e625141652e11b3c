//! Historical win rates and average deal sizes per rep, from closed deals.
//!
//! A win rate is counted in deals: won / (won + lost). A rep with fewer than
//! [`MIN_CLOSED_FOR_RATE`] closed deals has too little history, and forecasts use the team's
//! rate for them instead (see [`WinRates::rate_for`]).

use super::amounts::Amounts;
use super::codes::DealStatus;
use super::deal::Deal;
use super::intern::Interner;
use super::stage_history::cycle_length;
use crate::sort;

/// Fewest closed deals before a rep's own win rate is used.
pub const MIN_CLOSED_FOR_RATE: u32 = 5;

/// One rep's (or the team's) closed-deal history.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WinRate {
    /// The rep; empty for the team.
    pub owner: String,
    pub won: u32,
    pub lost: u32,
    /// Sum of won amounts, per currency.
    pub won_amount: Amounts,
    /// Average won deal per currency (rounded half away from zero, in minor units).
    pub average_deal: Amounts,
    /// Average days from creation to close over won deals (rounded down).
    pub average_cycle_days: Option<i64>,
}

impl WinRate {
    pub fn closed(&self) -> u32 {
        self.won + self.lost
    }

    /// The win rate in basis points (1/100 of a percent; 3333 is 33,33 %), rounded half away
    /// from zero; `None` without closed deals.
    pub fn rate_bp(&self) -> Option<u32> {
        let closed = u64::from(self.closed());
        (closed > 0).then(|| {
            u32::try_from((u64::from(self.won) * 20_000 + closed) / (2 * closed)).unwrap_or(0)
        })
    }
}

/// Win rates per rep (sorted by owner) and for the whole team.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WinRates {
    pub team: WinRate,
    pub reps: Vec<WinRate>,
}

impl WinRates {
    pub fn rep(&self, owner: &str) -> Option<&WinRate> {
        (self
            .reps
            .binary_search_by(|r| r.owner.as_str().cmp(owner))
            .ok())
        .and_then(|i| self.reps.get(i))
    }

    /// The `(won, closed)` counts a forecast uses for `owner`: the rep's own with at least
    /// [`MIN_CLOSED_FOR_RATE`] closed deals, else the team's; `None` when the team has none.
    pub fn rate_for(&self, owner: &str) -> Option<(u32, u32)> {
        let own = self
            .rep(owner)
            .filter(|r| r.closed() >= MIN_CLOSED_FOR_RATE);
        let r = own.unwrap_or(&self.team);
        (r.closed() > 0).then_some((r.won, r.closed()))
    }
}

#[derive(Default)]
struct Acc {
    won: u32,
    lost: u32,
    won_amount: Amounts,
    /// Won deals per currency (a count, not money).
    won_count: Amounts,
    cycle_secs: i128,
    cycles: i64,
}

impl Acc {
    fn add(&mut self, d: &Deal) {
        match d.status {
            DealStatus::Won => {
                self.won += 1;
                self.won_amount.add_money(&d.amount);
                self.won_count.add(&d.amount.currency, 1);
                if let Some(c) = cycle_length(d) {
                    self.cycle_secs += i128::from(c.num_seconds());
                    self.cycles += 1;
                }
            }
            DealStatus::Lost => self.lost += 1,
            DealStatus::Open => {}
        }
    }

    fn finish(self, owner: &str) -> WinRate {
        let mut average_deal = Amounts::default();
        for m in self.won_amount.as_slice() {
            let n = self.won_count.get(&m.currency).max(1);
            let avg = super::super::money::round_div(i128::from(m.amount_minor), i128::from(n));
            average_deal.add(&m.currency, avg.unwrap_or(0));
        }
        let average_cycle_days = (self.cycles > 0).then(|| {
            i64::try_from(self.cycle_secs / i128::from(self.cycles) / 86_400).unwrap_or(0)
        });
        WinRate {
            owner: owner.to_owned(),
            won: self.won,
            lost: self.lost,
            won_amount: self.won_amount,
            average_deal,
            average_cycle_days,
        }
    }
}

/// Win rate, average won deal and average cycle per rep and for the team, from the closed
/// deals among `deals` (callers choose the history window by the deals they pass).
pub fn win_rates(deals: &[Deal]) -> WinRates {
    let mut team = Acc::default();
    let mut owners = Interner::default();
    let mut reps: Vec<Acc> = Vec::new();
    for d in deals.iter().filter(|d| !d.is_open()) {
        team.add(d);
        let i = owners.id(&d.owner);
        if i == reps.len() {
            reps.push(Acc::default());
        }
        if let Some(acc) = reps.get_mut(i) {
            acc.add(d);
        }
    }
    let mut reps: Vec<WinRate> = (reps.into_iter().zip(&owners.names))
        .map(|(a, o)| a.finish(o))
        .collect();
    sort::sort_by(&mut reps, |a, b| a.owner.cmp(&b.owner));
    WinRates {
        team: team.finish(""),
        reps,
    }
}
