//! Quotas per rep and period, and their attainment from won deals.

use chrono::{DateTime, FixedOffset, Utc};

use super::super::DomainError;
use super::super::body::{self, Reader};
use super::super::money::{DecimalSeparator, Money, currency_exponent, parse_money};
use super::super::types::Meta;
use super::QUOTA_TYPE;
use super::amounts::Amounts;
use super::codes::DealStatus;
use super::deal::Deal;
use super::deal_input::MAX_AMOUNT_MINOR;
use super::input::{Check, SalesCode, SalesField, SalesFieldError};
use super::period::{Period, PeriodKind};
use super::store_ext::{self as ext, Obj};
use crate::store::{Body, Doc};

/// What a rep should sell in a period.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quota {
    pub id: String,
    /// The rep the quota is for.
    pub owner: String,
    pub period: Period,
    pub amount: Money,
    pub meta: Meta,
}

impl Quota {
    /// The document body: `type: "quota"`, `owner` (the rep), metadata, `year`,
    /// `period_kind: "month"|"quarter"`, `period_number` and `amount: {minor, currency}`.
    pub fn to_body(&self) -> Body {
        let mut m = body::header(QUOTA_TYPE, &self.owner, &self.meta);
        m.insert("year".into(), self.period.year.into());
        m.insert("period_kind".into(), body::string(self.period.kind.code()));
        m.insert("period_number".into(), self.period.number.into());
        m.insert("amount".into(), ext::money(&self.amount));
        m
    }

    /// Reads a stored quota; never panics. A period that does not exist is an error.
    pub fn from_doc(doc: &Doc) -> Result<Self, DomainError> {
        body::check_doc(doc, QUOTA_TYPE)?;
        let r = Reader::new(doc);
        let o = Obj::new(&doc.id, &doc.body);
        let kind = PeriodKind::from_code(&r.string("period_kind")?).unwrap_or_default();
        let bad = || DomainError::BadField {
            id: doc.id.clone(),
            field: "period_number",
            expected: super::super::JsonKind::Object,
        };
        let period = Period::new(o.i32("year")?, kind, o.u32("period_number")?).ok_or_else(bad)?;
        Ok(Self {
            id: doc.id.clone(),
            owner: r.string("owner")?,
            period,
            amount: o.money("amount")?,
            meta: r.meta()?,
        })
    }
}

/// The quota form.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct QuotaInput {
    /// The rep.
    pub owner: String,
    pub kind: PeriodKind,
    pub year: String,
    /// Month 1-12 or quarter 1-4.
    pub number: String,
    pub amount: String,
    pub currency: String,
}

/// Validates the quota form into a quota with `id`, set by `user` at `now` (`old` keeps its
/// creation metadata).
pub fn validate_quota(
    input: &QuotaInput,
    sep: DecimalSeparator,
    id: String,
    old: Option<&Quota>,
    now: DateTime<Utc>,
    user: &str,
) -> Result<Quota, Vec<SalesFieldError>> {
    let mut c = Check::default();
    let owner = c.required(SalesField::Owner, &input.owner, 200);
    let year = input
        .year
        .trim()
        .parse::<i32>()
        .ok()
        .filter(|y| (2000..=2200).contains(y));
    if year.is_none() {
        c.push(SalesField::Year, SalesCode::InvalidNumber);
    }
    let number = input.number.trim().parse::<u32>().ok();
    let period = Period::new(year.unwrap_or(2000), input.kind, number.unwrap_or(0));
    if period.is_none() {
        c.push(SalesField::PeriodNumber, SalesCode::InvalidNumber);
    }
    let currency = input.currency.trim().to_ascii_uppercase();
    let amount = match currency_exponent(&currency) {
        None => {
            c.push(SalesField::Currency, SalesCode::UnknownCurrency);
            Money::zero(&currency)
        }
        Some(_) => match parse_money(&input.amount, &currency, sep) {
            Ok(m) if m.amount_minor < 0 => {
                c.push(SalesField::Amount, SalesCode::Negative);
                m
            }
            Ok(m) if m.amount_minor > MAX_AMOUNT_MINOR => {
                c.push(SalesField::Amount, SalesCode::OutOfRange);
                m
            }
            Ok(m) => m,
            Err(e) => {
                c.push(SalesField::Amount, e.into());
                Money::zero(&currency)
            }
        },
    };
    let meta = old.map_or_else(|| Meta::created(now, user), |q| q.meta.touched(now, user));
    let period = period.unwrap_or(Period {
        year: 2000,
        kind: input.kind,
        number: 1,
    });
    c.finish(Quota {
        id,
        owner,
        period,
        amount,
        meta,
    })
}

/// How far a rep is towards a quota.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attainment {
    pub quota: Money,
    /// Won in the quota's currency, in the period.
    pub won: Money,
    pub won_deals: u32,
    /// What is left to reach the quota (0 once reached).
    pub remaining: Money,
    /// `won / quota` in basis points (10 000 = 100 %), rounded half away from zero; `None`
    /// for a zero quota.
    pub percent_bp: Option<i64>,
    /// Won in other currencies: not counted, shown apart (no silent conversion).
    pub other_currencies: Amounts,
}

/// The quota's attainment: the deals of the quota's rep won within its period in the team's
/// calendar (`closed_at` at offset `tz`).
pub fn attainment(quota: &Quota, deals: &[Deal], tz: FixedOffset) -> Attainment {
    let mut won = 0i64;
    let mut won_deals = 0;
    let mut other_currencies = Amounts::default();
    let counts = |d: &&Deal| {
        d.status == DealStatus::Won
            && d.owner == quota.owner
            && d.closed_at
                .is_some_and(|t| Period::at(quota.period.kind, t, tz) == quota.period)
    };
    for d in deals.iter().filter(counts) {
        won_deals += 1;
        match d.amount.currency == quota.amount.currency {
            true => won = won.saturating_add(d.amount.amount_minor),
            false => other_currencies.add_money(&d.amount),
        }
    }
    let q = quota.amount.amount_minor;
    let percent_bp = (q != 0).then(|| super::money_ext::ratio_minor(won, 10_000, q));
    Attainment {
        quota: quota.amount.clone(),
        won: Money::new(won, &quota.amount.currency),
        won_deals,
        remaining: Money::new(q.saturating_sub(won).max(0), &quota.amount.currency),
        percent_bp,
        other_currencies,
    }
}
