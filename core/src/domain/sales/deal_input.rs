//! The deal form: as typed, validated, and turned into a deal; closing and reopening deals.

use chrono::{DateTime, NaiveDate, NaiveTime, Timelike, Utc};

use super::super::money::{DecimalSeparator, Money, currency_exponent, parse_money};
use super::super::types::Meta;
use super::codes::{CloseReason, DealStatus, ForecastCategory};
use super::deal::{Deal, DealLine, StageChange};
use super::input::{Check, MAX_NOTES, MAX_SHORT, SalesCode, SalesField, SalesFieldError};
use super::pipeline::{Pipeline, parse_percent};

/// The largest deal amount or line price, in minor units (10^14: a trillion euros in cents),
/// so that totals over any realistic number of deals fit in 64 bits.
pub const MAX_AMOUNT_MINOR: i64 = 100_000_000_000_000;
/// Most product lines in one deal.
pub const MAX_LINES: usize = 200;

/// One product row of the deal form.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LineInput {
    pub product_id: String,
    pub name: String,
    /// A whole number of units.
    pub quantity: String,
    /// Unit price as typed, in the deal's currency.
    pub unit_price: String,
}

/// The deal form, every field as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DealInput {
    pub title: String,
    pub account_id: String,
    pub contact_id: String,
    /// Set by lead conversion; empty otherwise.
    pub lead_id: String,
    /// Empty keeps the current owner (the creator for a new deal).
    pub owner: String,
    /// As typed ("12.500,00"); empty with product lines means "the lines' total".
    pub amount: String,
    /// ISO 4217 in any case.
    pub currency: String,
    /// "YYYY-MM-DD".
    pub expected_close: String,
    /// Empty: the default pipeline.
    pub pipeline_id: String,
    /// Empty: the pipeline's first stage.
    pub stage_id: String,
    /// "0"-"100"; empty: the stage's default probability.
    pub probability: String,
    pub category: ForecastCategory,
    pub campaign: String,
    pub lines: Vec<LineInput>,
    pub notes: String,
}

/// A deal form that passed validation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidDeal {
    pub title: String,
    pub account_id: Option<String>,
    pub contact_id: Option<String>,
    pub lead_id: Option<String>,
    /// `None`: keep the current owner (the creator for a new deal).
    pub owner: Option<String>,
    pub amount: Money,
    pub expected_close: NaiveDate,
    pub pipeline_id: String,
    pub stage_id: String,
    pub probability: u8,
    pub category: ForecastCategory,
    pub campaign: Option<String>,
    pub lines: Vec<DealLine>,
    pub notes: String,
}

impl From<&Deal> for DealInput {
    /// The form pre-filled for editing `d`, amounts with a decimal comma (see [`deal_input`]
    /// for other locales).
    fn from(d: &Deal) -> Self {
        deal_input(d, DecimalSeparator::Comma)
    }
}

/// The form pre-filled for editing `d`, amounts written with the locale's separator `sep`.
pub fn deal_input(d: &Deal, sep: DecimalSeparator) -> DealInput {
    let money = |minor| Money::new(minor, &d.amount.currency).to_input(sep);
    DealInput {
        title: d.title.clone(),
        account_id: d.account_id.clone().unwrap_or_default(),
        contact_id: d.contact_id.clone().unwrap_or_default(),
        lead_id: d.lead_id.clone().unwrap_or_default(),
        owner: d.owner.clone(),
        amount: d.amount.to_input(sep),
        currency: d.amount.currency.clone(),
        expected_close: d.expected_close.to_string(),
        pipeline_id: d.pipeline_id.clone(),
        stage_id: d.stage_id.clone(),
        probability: d.probability.to_string(),
        category: d.category,
        campaign: d.campaign.clone().unwrap_or_default(),
        lines: (d.lines.iter())
            .map(|l| LineInput {
                product_id: l.product_id.clone().unwrap_or_default(),
                name: l.name.clone(),
                quantity: l.quantity.to_string(),
                unit_price: money(l.unit_price_minor),
            })
            .collect(),
        notes: d.notes.clone(),
    }
}

/// Parses a day typed as "YYYY-MM-DD" (what date inputs give).
pub fn parse_date(raw: &str) -> Option<NaiveDate> {
    parse_ymd(raw.trim())
}

/// Reads up to `max` ASCII digits (at least one) after any leading whitespace, like chrono's
/// numeric items; returns the value and the rest.
fn digits(s: &str, max: usize) -> Option<(i64, &str)> {
    let s = s.trim_start();
    let n = s.bytes().take(max).take_while(u8::is_ascii_digit).count();
    if n == 0 {
        return None;
    }
    let mut v = 0i64;
    for b in s[..n].bytes() {
        v = v.checked_mul(10)?.checked_add(i64::from(b - b'0'))?;
    }
    Some((v, &s[n..]))
}

/// "YYYY-MM-DD" read exactly as chrono's `parse_from_str(s, "%Y-%m-%d")` does (a signed
/// year of any length, one- or two-digit month and day, whitespace before each number), without
/// pulling chrono's strftime parser into the wasm.
pub(crate) fn parse_ymd(s: &str) -> Option<NaiveDate> {
    let s = s.trim_start();
    let (year, s) = match s.as_bytes().first() {
        Some(b'-') => digits(&s[1..], usize::MAX).map(|(v, r)| (-v, r))?,
        Some(b'+') => digits(&s[1..], usize::MAX)?,
        _ => digits(s, 4)?,
    };
    let (month, s) = digits(s.strip_prefix('-')?, 2)?;
    let (day, s) = digits(s.strip_prefix('-')?, 2)?;
    if !s.is_empty() {
        return None;
    }
    let (month, day) = (u32::try_from(month).ok()?, u32::try_from(day).ok()?);
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)
}

/// "H:MM" or "HH:MM" (0:00-23:59) read exactly as chrono's `parse_from_str(s, "%H:%M")` does.
pub(crate) fn parse_hm(s: &str) -> Option<NaiveTime> {
    let (hour, s) = digits(s, 2)?;
    let (minute, s) = digits(s.strip_prefix(':')?, 2)?;
    if !s.is_empty() {
        return None;
    }
    NaiveTime::from_hms_opt(u32::try_from(hour).ok()?, u32::try_from(minute).ok()?, 0)
}

/// "HH:MM", as chrono's `format("%H:%M")`.
pub(crate) fn fmt_hm(t: NaiveTime) -> String {
    format!("{:02}:{:02}", t.hour(), t.minute())
}

/// Validates the deal form against the admin's `pipelines`, reading amounts with the locale's
/// decimal separator `sep`.
pub fn validate_deal(
    input: &DealInput,
    pipelines: &[Pipeline],
    sep: DecimalSeparator,
) -> Result<ValidDeal, Vec<SalesFieldError>> {
    let mut c = Check::default();
    let title = c.required(SalesField::Title, &input.title, MAX_SHORT);
    let currency = input.currency.trim().to_ascii_uppercase();
    if currency.is_empty() {
        c.push(SalesField::Currency, SalesCode::Required);
    } else if currency_exponent(&currency).is_none() {
        c.push(SalesField::Currency, SalesCode::UnknownCurrency);
    }
    let lines = lines(&mut c, &input.lines, &currency, sep);
    let amount = amount(&mut c, input, &lines, &currency, sep);
    let expected_close = parse_date(&input.expected_close);
    if expected_close.is_none() {
        let code = match input.expected_close.trim().is_empty() {
            true => SalesCode::Required,
            false => SalesCode::InvalidDate,
        };
        c.push(SalesField::ExpectedClose, code);
    }
    let (pipeline_id, stage_id, default_p) = stage(&mut c, input, pipelines);
    let probability = match input.probability.trim() {
        "" => default_p,
        raw => parse_percent(raw).unwrap_or_else(|| {
            c.push(SalesField::Probability, SalesCode::InvalidPercent);
            0
        }),
    };
    let valid = ValidDeal {
        account_id: c.opt(SalesField::AccountId, &input.account_id, MAX_SHORT),
        contact_id: c.opt(SalesField::ContactId, &input.contact_id, MAX_SHORT),
        lead_id: c.opt(SalesField::LeadId, &input.lead_id, MAX_SHORT),
        owner: c.opt(SalesField::Owner, &input.owner, MAX_SHORT),
        campaign: c.opt(SalesField::Campaign, &input.campaign, MAX_SHORT),
        notes: c.text(SalesField::Notes, &input.notes, MAX_NOTES),
        title,
        amount,
        expected_close: expected_close.unwrap_or_default(),
        pipeline_id,
        stage_id,
        probability,
        category: input.category,
        lines,
    };
    c.finish(valid)
}

/// The pipeline and stage chosen (defaults filled in) and the stage's probability.
fn stage(c: &mut Check, input: &DealInput, pipelines: &[Pipeline]) -> (String, String, u8) {
    let pid = input.pipeline_id.trim();
    let pipeline = match pid.is_empty() {
        true => (pipelines.iter().find(|p| p.is_default)).or(pipelines.first()),
        false => pipelines.iter().find(|p| p.id == pid),
    };
    let Some(pipeline) = pipeline else {
        c.push(SalesField::PipelineId, SalesCode::UnknownStage);
        return (pid.to_owned(), input.stage_id.trim().to_owned(), 0);
    };
    let sid = input.stage_id.trim();
    let stage = match sid.is_empty() {
        true => pipeline.first_stage(),
        false => pipeline.stage(sid),
    };
    match stage {
        Some(s) => (pipeline.id.clone(), s.id.clone(), s.probability),
        None => {
            c.push(SalesField::StageId, SalesCode::UnknownStage);
            (pipeline.id.clone(), sid.to_owned(), 0)
        }
    }
}

fn lines(
    c: &mut Check,
    rows: &[LineInput],
    currency: &str,
    sep: DecimalSeparator,
) -> Vec<DealLine> {
    let mut out = Vec::new();
    let blank = |l: &LineInput| {
        [&l.product_id, &l.name, &l.quantity, &l.unit_price]
            .iter()
            .all(|s| s.trim().is_empty())
    };
    for (i, l) in rows.iter().enumerate().filter(|(_, l)| !blank(l)) {
        let name = c.required(SalesField::LineName(i), &l.name, MAX_SHORT);
        let quantity = match l.quantity.trim() {
            "" => 1,
            q => q.parse::<u32>().unwrap_or_else(|_| {
                c.push(SalesField::LineQuantity(i), SalesCode::InvalidNumber);
                0
            }),
        };
        let price = money_field(c, SalesField::LinePrice(i), &l.unit_price, currency, sep);
        let line = DealLine {
            product_id: c.opt(SalesField::LineName(i), &l.product_id, MAX_SHORT),
            name,
            quantity,
            unit_price_minor: price.unwrap_or(0),
        };
        if line.total_minor().is_none_or(|t| t > MAX_AMOUNT_MINOR) {
            c.push(SalesField::LinePrice(i), SalesCode::LineTotalOverflow);
        }
        out.push(line);
    }
    if out.len() > MAX_LINES {
        c.push(SalesField::LineName(MAX_LINES), SalesCode::TooMany);
    }
    out
}

/// A non-negative amount within [`MAX_AMOUNT_MINOR`], or `None` after pushing an error.
fn money_field(
    c: &mut Check,
    field: SalesField,
    raw: &str,
    currency: &str,
    sep: DecimalSeparator,
) -> Option<i64> {
    // An unknown currency is reported on the currency field.
    currency_exponent(currency)?;
    match parse_money(raw, currency, sep) {
        Ok(m) if m.amount_minor < 0 => c.push(field, SalesCode::Negative),
        Ok(m) if m.amount_minor > MAX_AMOUNT_MINOR => c.push(field, SalesCode::OutOfRange),
        Ok(m) => return Some(m.amount_minor),
        Err(e) => c.push(field, e.into()),
    }
    None
}

fn amount(
    c: &mut Check,
    input: &DealInput,
    lines: &[DealLine],
    currency: &str,
    sep: DecimalSeparator,
) -> Money {
    let minor = match (input.amount.trim().is_empty(), lines.is_empty()) {
        (true, false) => (lines.iter())
            .try_fold(0i64, |acc, l| acc.checked_add(l.total_minor()?))
            .filter(|t| *t <= MAX_AMOUNT_MINOR)
            .unwrap_or_else(|| {
                c.push(SalesField::Amount, SalesCode::OutOfRange);
                0
            }),
        _ => money_field(c, SalesField::Amount, &input.amount, currency, sep).unwrap_or(0),
    };
    Money::new(minor, currency)
}

/// A new open deal from a validated form, created by `user` at `now` in its stage (the first
/// history entry); owned by the form's owner, or by `user`.
pub fn new_deal(valid: ValidDeal, id: String, now: DateTime<Utc>, user: &str) -> Deal {
    let owner = valid.owner.clone().unwrap_or_else(|| user.to_owned());
    let first = StageChange {
        from: None,
        to: valid.stage_id.clone(),
        at: now,
        by: user.to_owned(),
    };
    let meta = Meta::created(now, user);
    let mut deal = with_fields(id, valid, owner, meta, Vec::new());
    deal.history.push(first);
    deal
}

/// `old` changed to the validated form by `user` at `now`: keeps id, creation metadata,
/// status and history (a new stage adds a history entry), and the owner when the form
/// leaves it empty.
pub fn update_deal(old: &Deal, valid: ValidDeal, now: DateTime<Utc>, user: &str) -> Deal {
    let owner = valid.owner.clone().unwrap_or_else(|| old.owner.clone());
    let mut history = old.history.clone();
    if valid.stage_id != old.stage_id || valid.pipeline_id != old.pipeline_id {
        history.push(StageChange {
            from: Some(old.stage_id.clone()),
            to: valid.stage_id.clone(),
            at: now,
            by: user.to_owned(),
        });
    }
    let mut deal = with_fields(
        old.id.clone(),
        valid,
        owner,
        old.meta.touched(now, user),
        history,
    );
    deal.status = old.status;
    deal.closed_at = old.closed_at;
    deal.close_reason = old.close_reason;
    deal.close_note = old.close_note.clone();
    deal
}

fn with_fields(
    id: String,
    v: ValidDeal,
    owner: String,
    meta: Meta,
    history: Vec<StageChange>,
) -> Deal {
    Deal {
        id,
        title: v.title,
        account_id: v.account_id,
        contact_id: v.contact_id,
        lead_id: v.lead_id,
        owner,
        amount: v.amount,
        expected_close: v.expected_close,
        pipeline_id: v.pipeline_id,
        stage_id: v.stage_id,
        probability: v.probability,
        category: v.category,
        campaign: v.campaign,
        lines: v.lines,
        status: DealStatus::Open,
        closed_at: None,
        close_reason: None,
        close_note: String::new(),
        history,
        notes: v.notes,
        meta,
    }
}

/// `deal` won (probability 100 %, category closed) or lost (0 %) at `at` by `user`, with a
/// reason and a note. An open status is treated as a reopening (see [`reopen_deal`]).
pub fn close_deal(
    deal: &Deal,
    status: DealStatus,
    reason: Option<CloseReason>,
    note: &str,
    at: DateTime<Utc>,
    user: &str,
) -> Deal {
    let mut d = deal.clone();
    d.meta = deal.meta.touched(at, user);
    d.status = status;
    d.close_reason = reason;
    d.close_note = note.trim().to_owned();
    match status {
        DealStatus::Won => (d.probability, d.category) = (100, ForecastCategory::Closed),
        DealStatus::Lost => d.probability = 0,
        DealStatus::Open => return reopen_deal(deal, None, at, user),
    }
    d.closed_at = Some(at);
    d
}

/// A closed deal open again in its stage, with the stage's probability from `pipeline` (the
/// deal's own when not given) and category pipeline when it was closed.
pub fn reopen_deal(
    deal: &Deal,
    pipeline: Option<&Pipeline>,
    at: DateTime<Utc>,
    user: &str,
) -> Deal {
    let mut d = deal.clone();
    d.meta = deal.meta.touched(at, user);
    d.status = DealStatus::Open;
    d.closed_at = None;
    d.close_reason = None;
    d.close_note.clear();
    if let Some(s) = pipeline.and_then(|p| p.stage(&deal.stage_id)) {
        d.probability = s.probability;
    }
    if d.category == ForecastCategory::Closed {
        d.category = ForecastCategory::Pipeline;
    }
    d
}
