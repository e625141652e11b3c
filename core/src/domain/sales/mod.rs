//! Sales: deals in configurable pipelines, stage history and stalled deals, the board, activities
//! and visits, record timelines, reminders, the rep's "Today", forecasts, quotas and the agenda
//! as iCalendar.
//!
//! Invariants (as in the rest of `domain`):
//! - pure: callers pass `now`, the user and the team's UTC offset; output is sorted;
//! - money is integer minor units ([`Money`](super::money::Money)); amounts of different
//!   currencies are kept apart ([`Amounts`]) unless converted with explicit [`Rates`];
//!   weighted amounts are rounded once per deal, half away from zero;
//! - period boundaries are in the team's calendar (a `FixedOffset`); expected close dates are
//!   calendar days already;
//! - validation returns codes ([`SalesFieldError`]); reading documents never panics.

mod activity;
mod activity_input;
mod amounts;
mod board;
mod codes;
mod deal;
mod deal_input;
mod forecast;
mod ics;
mod input;
mod intern;
mod manager;
mod money_ext;
mod period;
mod pipeline;
mod quota;
mod reminders;
mod sample;
mod stage_history;
mod store_ext;
mod timeline;
mod today;
mod visit;
mod win_rate;

#[cfg(test)]
mod tests;

pub use activity::{Activity, RecordRef, When, set_done};
pub use activity_input::{
    ActivityInput, MAX_MINUTES, ValidActivity, activity_input, new_activity, update_activity,
    validate_activity,
};
pub use amounts::{Amounts, Rates, convert};
pub use board::{BoardFilter, ColumnTotals, board_columns, board_totals};
pub use codes::{
    ActivityKind, CloseReason, DealStatus, ExpenseKind, ForecastCategory, VisitOutcome,
};
pub use deal::{Deal, DealLine, StageChange};
pub use deal_input::{
    DealInput, LineInput, MAX_AMOUNT_MINOR, MAX_LINES, ValidDeal, close_deal, deal_input, new_deal,
    parse_date, reopen_deal, update_deal, validate_deal,
};
pub use forecast::{
    Forecast, ForecastTotals, PeriodForecast, RepForecast, forecast, forecast_with_rates,
};
pub use ics::{agenda_ics, escape_text};
pub use input::{SalesCode, SalesField, SalesFieldError};
pub use manager::{ManagerView, manager_view};
pub use period::{Period, PeriodKind, local_date};
pub use pipeline::{
    MAX_STAGES, Pipeline, PipelineDeleteError, PipelineInput, Stage, StageInUse, StageInput,
    check_pipeline_delete, follow_stage_probabilities, parse_percent, stages_in_use,
    validate_pipeline,
};
pub use quota::{Attainment, Quota, QuotaInput, attainment, validate_quota};
pub use reminders::{REMINDER_GRACE, REMINDER_LEAD, due_reminders, prune_reminded, reminder_key};
pub use sample::{SAMPLE_PIPELINE_ID, sample_deals, sample_pipeline};
pub use stage_history::{
    MIN_SAMPLES, StageStat, StageStats, cycle_days, cycle_length, move_stage, stage_durations,
    stalled, stays, time_in_stage,
};
pub use timeline::{Entry, History, timeline};
pub use today::{Attention, CLOSING_SOON_DAYS, DealAttention, Today, today};
pub use visit::{
    CheckPoint, Expense, ExpenseInput, GeoPoint, VisitLog, check_in, check_out, cost_of_sale,
    time_on_site, validate_expenses,
};

pub use win_rate::{MIN_CLOSED_FOR_RATE, WinRate, WinRates, win_rates};

/// The document `type` of deals.
pub const DEAL_TYPE: &str = "deal";
/// The document `type` of pipelines.
pub const PIPELINE_TYPE: &str = "pipeline";
/// The document `type` of activities.
pub const ACTIVITY_TYPE: &str = "activity";
/// The document `type` of quotas.
pub const QUOTA_TYPE: &str = "quota";
