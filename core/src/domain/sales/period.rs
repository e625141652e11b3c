//! Calendar periods (months and quarters) in the team's time zone.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, Utc};

/// Months or quarters.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PeriodKind {
    #[default]
    Month,
    Quarter,
}

impl PeriodKind {
    /// The stored code.
    pub fn code(self) -> &'static str {
        match self {
            PeriodKind::Month => "month",
            PeriodKind::Quarter => "quarter",
        }
    }

    pub fn from_code(s: &str) -> Option<Self> {
        match s {
            "month" => Some(PeriodKind::Month),
            "quarter" => Some(PeriodKind::Quarter),
            _ => None,
        }
    }

    fn months(self) -> u32 {
        match self {
            PeriodKind::Month => 1,
            PeriodKind::Quarter => 3,
        }
    }
}

/// A month (number 1-12) or a quarter (number 1-4) of a year. Periods of one kind sort in
/// time order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Period {
    pub year: i32,
    pub kind: PeriodKind,
    pub number: u32,
}

impl Period {
    /// Month `month` (1-12) of `year`.
    pub fn month(year: i32, month: u32) -> Option<Self> {
        Self::new(year, PeriodKind::Month, month)
    }

    /// Quarter `quarter` (1-4) of `year`.
    pub fn quarter(year: i32, quarter: u32) -> Option<Self> {
        Self::new(year, PeriodKind::Quarter, quarter)
    }

    pub fn new(year: i32, kind: PeriodKind, number: u32) -> Option<Self> {
        let max = 12 / kind.months();
        let ok = (1..=max).contains(&number) && NaiveDate::from_ymd_opt(year, 12, 31).is_some();
        ok.then_some(Self { year, kind, number })
    }

    /// The period of `kind` holding the calendar day `date`.
    pub fn containing(kind: PeriodKind, date: NaiveDate) -> Self {
        let number = (date.month() - 1) / kind.months() + 1;
        Self {
            year: date.year(),
            kind,
            number,
        }
    }

    /// The period of `kind` holding instant `t` in the team's calendar (UTC offset `tz`).
    pub fn at(kind: PeriodKind, t: DateTime<Utc>, tz: FixedOffset) -> Self {
        Self::containing(kind, local_date(t, tz))
    }

    fn first_month(&self) -> u32 {
        (self.number - 1) * self.kind.months() + 1
    }

    /// The first day of the period.
    pub fn first_day(&self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.first_month(), 1).unwrap_or_default()
    }

    /// The last day of the period.
    pub fn last_day(&self) -> NaiveDate {
        let next = self.next().first_day();
        next.pred_opt().unwrap_or(next)
    }

    /// True when the calendar day `date` falls in the period.
    pub fn contains(&self, date: NaiveDate) -> bool {
        Self::containing(self.kind, date) == *self
    }

    /// The period after this one.
    pub fn next(&self) -> Self {
        let max = 12 / self.kind.months();
        match self.number >= max {
            true => Self {
                year: self.year.saturating_add(1),
                number: 1,
                ..*self
            },
            false => Self {
                number: self.number + 1,
                ..*self
            },
        }
    }

    /// The period before this one.
    pub fn prev(&self) -> Self {
        match self.number <= 1 {
            true => Self {
                year: self.year.saturating_sub(1),
                number: 12 / self.kind.months(),
                ..*self
            },
            false => Self {
                number: self.number - 1,
                ..*self
            },
        }
    }
}

/// The calendar day of instant `t` at UTC offset `tz`.
pub fn local_date(t: DateTime<Utc>, tz: FixedOffset) -> NaiveDate {
    t.with_timezone(&tz).date_naive()
}
