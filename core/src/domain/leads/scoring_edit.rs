//! The scoring rules form: each stored rule's points and whether it is on; a rule left out is
//! removed. Conditions are kept as stored (the form edits points, not conditions).

use chrono::{DateTime, Utc};

use super::scoring::{ScoringRule, ScoringRules};
use crate::domain::Meta;

/// The most points one rule gives or takes.
pub const MAX_POINTS: i32 = 1_000;

/// One rule row as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ScoringRuleInput {
    /// The id of the rule in the rules the form was filled from.
    pub id: String,
    /// A whole number, negative allowed ("-5", "+10").
    pub points: String,
    pub enabled: bool,
}

/// What is wrong with a rule's points (row `row`): not a whole number from -1000 to 1000.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct ScoringPointsError {
    pub row: usize,
}

impl From<&ScoringRule> for ScoringRuleInput {
    fn from(r: &ScoringRule) -> Self {
        Self {
            id: r.id.clone(),
            points: r.points.to_string(),
            enabled: r.enabled,
        }
    }
}

/// Parses points: a whole number from -1000 to 1000, a leading "+" and spaces allowed.
pub fn parse_points(raw: &str) -> Option<i32> {
    let s = raw.trim();
    let s = s.strip_prefix('+').unwrap_or(s).trim_start();
    s.parse::<i32>()
        .ok()
        .filter(|p| (-MAX_POINTS..=MAX_POINTS).contains(p))
}

/// The rules `base` with the rows' points and switches, in the rows' order, changed by `user`
/// at `now` (`stored`: whether `base` was stored, so it keeps its creation metadata). A row
/// whose id `base` does not have is ignored.
pub fn validate_scoring(
    rows: &[ScoringRuleInput],
    base: &ScoringRules,
    stored: bool,
    now: DateTime<Utc>,
    user: &str,
) -> Result<ScoringRules, Vec<ScoringPointsError>> {
    let mut errors = Vec::new();
    let mut rules = Vec::with_capacity(rows.len());
    for (row, input) in rows.iter().enumerate() {
        let Some(rule) = base.rules.iter().find(|r| r.id == input.id) else {
            continue;
        };
        match parse_points(&input.points) {
            Some(points) => rules.push(ScoringRule {
                points,
                enabled: input.enabled,
                ..rule.clone()
            }),
            None => errors.push(ScoringPointsError { row }),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let meta = match stored {
        true => base.meta.touched(now, user),
        false => Meta::created(now, user),
    };
    Ok(ScoringRules { rules, meta })
}
