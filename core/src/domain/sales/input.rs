//! The sales forms as typed, and their validation codes (the UI turns codes into words).

use super::super::money::MoneyError;
use crate::sort;

/// A field of a sales form (deal, pipeline, activity, visit, quota). Indexed fields point at
/// the n-th row of the form's list, counting blank rows too.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SalesField {
    /// Pipeline name.
    Name,
    Title,
    Subject,
    AccountId,
    ContactId,
    DealId,
    LeadId,
    Owner,
    Amount,
    Currency,
    ExpectedClose,
    PipelineId,
    StageId,
    Probability,
    Category,
    Campaign,
    Stages,
    StageName(usize),
    StageProbability(usize),
    LineName(usize),
    LineQuantity(usize),
    LinePrice(usize),
    /// Activity: the day (date-only, or the day of a timed activity).
    Date,
    /// Activity: the start time "HH:MM".
    Time,
    /// Activity: length in minutes.
    Duration,
    Place,
    ExpenseAmount(usize),
    ExpenseNote(usize),
    /// Quota: the year.
    Year,
    /// Quota: the month (1-12) or quarter (1-4).
    PeriodNumber,
    Notes,
}

/// What is wrong with a sales field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SalesCode {
    Required,
    TooLong,
    /// More rows than allowed.
    TooMany,
    /// The same stage id twice.
    Duplicate,
    /// Not an amount (see [`MoneyError`] for the details mapped to the codes below).
    InvalidAmount,
    /// More decimals than the currency has.
    TooManyDecimals,
    /// Below zero where only zero or more makes sense.
    Negative,
    /// Out of the range Cartera stores.
    OutOfRange,
    UnknownCurrency,
    /// Not a day ("YYYY-MM-DD").
    InvalidDate,
    /// Not a time ("HH:MM").
    InvalidTime,
    /// Not a whole number 0-100.
    InvalidPercent,
    /// Not a whole number.
    InvalidNumber,
    /// No such pipeline or stage.
    UnknownStage,
    /// A line total that does not fit.
    LineTotalOverflow,
}

impl From<MoneyError> for SalesCode {
    fn from(e: MoneyError) -> Self {
        match e {
            MoneyError::Empty => SalesCode::Required,
            MoneyError::TooManyDecimals => SalesCode::TooManyDecimals,
            MoneyError::UnknownCurrency => SalesCode::UnknownCurrency,
            MoneyError::Overflow | MoneyError::CurrencyMismatch => SalesCode::OutOfRange,
            MoneyError::Invalid => SalesCode::InvalidAmount,
        }
    }
}

/// One problem with one sales field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SalesFieldError {
    pub field: SalesField,
    pub code: SalesCode,
}

/// Collects errors while a form is normalised.
#[derive(Default)]
pub(crate) struct Check {
    pub errors: Vec<SalesFieldError>,
}

impl Check {
    pub fn push(&mut self, field: SalesField, code: SalesCode) {
        self.errors.push(SalesFieldError { field, code });
    }

    /// `raw` trimmed, with a `TooLong` error past `max` characters.
    pub fn text(&mut self, field: SalesField, raw: &str, max: usize) -> String {
        let s = raw.trim();
        if s.chars().count() > max {
            self.push(field, SalesCode::TooLong);
        }
        s.to_owned()
    }

    /// Like [`Check::text`], with `Required` when empty.
    pub fn required(&mut self, field: SalesField, raw: &str, max: usize) -> String {
        let s = self.text(field, raw, max);
        if s.is_empty() {
            self.push(field, SalesCode::Required);
        }
        s
    }

    /// `raw` trimmed, `None` when empty.
    pub fn opt(&mut self, field: SalesField, raw: &str, max: usize) -> Option<String> {
        Some(self.text(field, raw, max)).filter(|s| !s.is_empty())
    }

    pub fn finish<T>(mut self, value: T) -> Result<T, Vec<SalesFieldError>> {
        if self.errors.is_empty() {
            Ok(value)
        } else {
            sort::sort(&mut self.errors);
            self.errors.dedup();
            Err(self.errors)
        }
    }
}

/// Longest titles, names and ids, in characters.
pub(crate) const MAX_SHORT: usize = 200;
/// Longest notes, in characters.
pub(crate) const MAX_NOTES: usize = 20_000;
