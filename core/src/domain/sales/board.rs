//! The Kanban board: a pipeline's open deals per stage, with column totals.

use crate::sort;
use chrono::NaiveDate;

use super::amounts::Amounts;
use super::deal::Deal;
use super::money_ext::ratio_minor;
use super::pipeline::Pipeline;

/// Which deals the board shows. Empty filter: every open deal of the pipeline.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BoardFilter {
    /// Only this rep's deals.
    pub owner: Option<String>,
    /// Only deals expected to close on or after this day.
    pub close_from: Option<NaiveDate>,
    /// Only deals expected to close on or before this day.
    pub close_to: Option<NaiveDate>,
}

impl BoardFilter {
    /// Deals expected to close within `period` (e.g. this quarter).
    pub fn closing_in(period: super::period::Period) -> Self {
        Self {
            owner: None,
            close_from: Some(period.first_day()),
            close_to: Some(period.last_day()),
        }
    }

    /// True when the open deal `d` of the board's pipeline passes the filter.
    pub fn accepts(&self, d: &Deal) -> bool {
        d.is_open()
            && self.owner.as_deref().is_none_or(|o| d.owner == o)
            && self.close_from.is_none_or(|f| d.expected_close >= f)
            && self.close_to.is_none_or(|t| d.expected_close <= t)
    }
}

/// The totals of one column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ColumnTotals {
    pub stage_id: String,
    pub count: u32,
    /// Sum of amounts, per currency.
    pub amount: Amounts,
    /// Sum of amount × probability, each deal rounded once, per currency.
    pub weighted: Amounts,
}

/// One column per stage of `pipeline`, in board order, over the open deals of that pipeline
/// that pass `filter`. Deals in a stage the pipeline no longer has are not shown.
pub fn board_totals(
    deals: &[Deal],
    pipeline: &Pipeline,
    filter: &BoardFilter,
) -> Vec<ColumnTotals> {
    let mut cols: Vec<ColumnTotals> = (pipeline.stages.iter())
        .map(|s| ColumnTotals {
            stage_id: s.id.clone(),
            count: 0,
            amount: Amounts::default(),
            weighted: Amounts::default(),
        })
        .collect();
    let on_board = |d: &&Deal| d.pipeline_id == pipeline.id && filter.accepts(d);
    for d in deals.iter().filter(on_board) {
        let Some(col) = pipeline.position(&d.stage_id).and_then(|i| cols.get_mut(i)) else {
            continue;
        };
        let (cur, minor) = (d.amount.currency.as_str(), d.amount.amount_minor);
        col.count += 1;
        col.amount.add(cur, minor);
        col.weighted
            .add(cur, ratio_minor(minor, i64::from(d.probability), 100));
    }
    cols
}

/// The board's cards: per stage in board order, the deals that pass `filter`, sorted by
/// expected close day, then title, then id.
pub fn board_columns<'a>(
    deals: &'a [Deal],
    pipeline: &Pipeline,
    filter: &BoardFilter,
) -> Vec<(String, Vec<&'a Deal>)> {
    let mut cols: Vec<(String, Vec<&Deal>)> = pipeline
        .stages
        .iter()
        .map(|s| (s.id.clone(), Vec::new()))
        .collect();
    for d in deals
        .iter()
        .filter(|d| d.pipeline_id == pipeline.id && filter.accepts(d))
    {
        if let Some((_, v)) = pipeline.position(&d.stage_id).and_then(|i| cols.get_mut(i)) {
            v.push(d);
        }
    }
    for (_, v) in &mut cols {
        sort::sort_by(v, |a, b| {
            (a.expected_close, &a.title, &a.id).cmp(&(b.expected_close, &b.title, &b.id))
        });
    }
    cols
}
