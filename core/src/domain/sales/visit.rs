//! Visits on site: check-in and check-out with the device's location (optional), time on
//! site, outcome and the visit's expenses, kept for the cost of the sale.

use chrono::{DateTime, Duration, Utc};
use serde_json::Value;

use super::super::DomainError;
use super::super::body;
use super::super::money::{DecimalSeparator, Money, currency_exponent, parse_money};
use super::activity::Activity;
use super::amounts::Amounts;
use super::codes::{ActivityKind, ExpenseKind, VisitOutcome};
use super::input::{Check, MAX_SHORT, SalesCode, SalesField, SalesFieldError};
use super::store_ext::{self as ext, Obj};
use crate::store::Body;

/// A position in degrees × 10^7 (about 1 cm), as integers so records compare exactly.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct GeoPoint {
    pub lat_e7: i32,
    pub lon_e7: i32,
    /// The device's accuracy radius, in metres.
    pub accuracy_m: Option<u32>,
}

impl GeoPoint {
    /// A point from the device's degrees; `None` when not finite or out of range.
    pub fn from_degrees(lat: f64, lon: f64, accuracy_m: Option<f64>) -> Option<Self> {
        let ok = lat.is_finite() && lon.is_finite() && lat.abs() <= 90.0 && lon.abs() <= 180.0;
        // In range, so the casts cannot saturate; `as` on floats never panics.
        ok.then(|| Self {
            lat_e7: (lat * 1e7).round() as i32,
            lon_e7: (lon * 1e7).round() as i32,
            accuracy_m: (accuracy_m.filter(|a| a.is_finite() && *a >= 0.0))
                .map(|a| a.round().min(f64::from(u32::MAX)) as u32),
        })
    }
}

/// A check-in or check-out: when, and where when the device told.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CheckPoint {
    pub at: DateTime<Utc>,
    pub location: Option<GeoPoint>,
}

/// Money spent on a visit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Expense {
    pub kind: ExpenseKind,
    pub amount: Money,
    pub note: String,
}

/// What happened on a visit; the visit notes are the activity's notes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct VisitLog {
    pub check_in: Option<CheckPoint>,
    pub check_out: Option<CheckPoint>,
    pub outcome: Option<VisitOutcome>,
    pub expenses: Vec<Expense>,
}

/// The visit checked in at `at` (a second check-in replaces the first and clears the
/// check-out).
pub fn check_in(
    a: &Activity,
    at: DateTime<Utc>,
    location: Option<GeoPoint>,
    user: &str,
) -> Activity {
    let mut out = a.clone();
    out.meta = a.meta.touched(at, user);
    let log = out.visit.get_or_insert_with(VisitLog::default);
    log.check_in = Some(CheckPoint { at, location });
    log.check_out = None;
    out
}

/// The visit checked out at `at`, with its outcome; it is then done. Without a check-in the
/// visit counts as checked in at its check-out (time on site 0).
pub fn check_out(
    a: &Activity,
    at: DateTime<Utc>,
    location: Option<GeoPoint>,
    outcome: Option<VisitOutcome>,
    user: &str,
) -> Activity {
    let mut out = a.clone();
    out.meta = a.meta.touched(at, user);
    let log = out.visit.get_or_insert_with(VisitLog::default);
    let point = CheckPoint { at, location };
    log.check_in.get_or_insert(point);
    log.check_out = Some(point);
    if outcome.is_some() {
        log.outcome = outcome;
    }
    out.done_at = Some(at);
    out.done_by = user.to_owned();
    out
}

/// Time between check-in and check-out; `None` until both are recorded (0 if the clock went
/// backwards).
pub fn time_on_site(v: &VisitLog) -> Option<Duration> {
    let (i, o) = (v.check_in?, v.check_out?);
    Some((o.at - i.at).max(Duration::zero()))
}

/// The visit expense form row.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ExpenseInput {
    pub kind: ExpenseKind,
    pub amount: String,
    pub currency: String,
    pub note: String,
}

/// Validates expense rows (blank rows skipped) with the locale's decimal separator.
pub fn validate_expenses(
    rows: &[ExpenseInput],
    sep: DecimalSeparator,
) -> Result<Vec<Expense>, Vec<SalesFieldError>> {
    let mut c = Check::default();
    let mut out = Vec::new();
    let blank = |e: &ExpenseInput| e.amount.trim().is_empty() && e.note.trim().is_empty();
    for (i, e) in rows.iter().enumerate().filter(|(_, e)| !blank(e)) {
        let currency = e.currency.trim().to_ascii_uppercase();
        if currency_exponent(&currency).is_none() {
            c.push(SalesField::Currency, SalesCode::UnknownCurrency);
        }
        let amount = match parse_money(&e.amount, &currency, sep) {
            Ok(m) if m.amount_minor < 0 => {
                c.push(SalesField::ExpenseAmount(i), SalesCode::Negative);
                m
            }
            Ok(m) => m,
            Err(err) => {
                c.push(SalesField::ExpenseAmount(i), err.into());
                Money::zero(&currency)
            }
        };
        let note = c.text(SalesField::ExpenseNote(i), &e.note, MAX_SHORT);
        out.push(Expense {
            kind: e.kind,
            amount,
            note,
        });
    }
    c.finish(out)
}

/// The expenses of the visits linked to deal `deal_id`, per currency and kind-blind: the
/// deal's cost of sale.
pub fn cost_of_sale(activities: &[Activity], deal_id: &str) -> Amounts {
    let mut out = Amounts::default();
    let visits = (activities.iter())
        .filter(|a| a.kind == ActivityKind::Visit && a.deal_id.as_deref() == Some(deal_id));
    for e in visits
        .filter_map(|a| a.visit.as_ref())
        .flat_map(|v| &v.expenses)
    {
        out.add_money(&e.amount);
    }
    out
}

pub(crate) fn visit_body(v: &VisitLog) -> Body {
    let point = |p: &CheckPoint| {
        let mut m = Body::new();
        m.insert("at".into(), body::timestamp(&p.at));
        if let Some(g) = p.location {
            m.insert("lat_e7".into(), g.lat_e7.into());
            m.insert("lon_e7".into(), g.lon_e7.into());
            if let Some(acc) = g.accuracy_m {
                m.insert("accuracy_m".into(), acc.into());
            }
        }
        Value::Object(m)
    };
    let expense = |e: &Expense| {
        let mut m = Body::new();
        m.insert("kind".into(), body::string(e.kind.code()));
        m.insert("amount".into(), ext::money(&e.amount));
        m.insert("note".into(), body::string(&e.note));
        Value::Object(m)
    };
    let mut m = Body::new();
    if let Some(p) = &v.check_in {
        m.insert("check_in".into(), point(p));
    }
    if let Some(p) = &v.check_out {
        m.insert("check_out".into(), point(p));
    }
    ext::put_opt(&mut m, "outcome", v.outcome.map(VisitOutcome::code));
    m.insert("expenses".into(), ext::array(&v.expenses, expense));
    m
}

pub(crate) fn read_visit(o: &Obj) -> Result<VisitLog, DomainError> {
    let point = |p: &Obj| {
        let location = match (p.opt_i64("lat_e7")?, p.opt_i64("lon_e7")?) {
            (Some(_), Some(_)) => Some(GeoPoint {
                lat_e7: p.i32("lat_e7")?,
                lon_e7: p.i32("lon_e7")?,
                accuracy_m: p
                    .opt_i64("accuracy_m")?
                    .map(|_| p.u32("accuracy_m"))
                    .transpose()?,
            }),
            _ => None,
        };
        Ok(CheckPoint {
            at: p.timestamp("at")?.unwrap_or_default(),
            location,
        })
    };
    let expense = |e: &Obj| {
        Ok(Expense {
            kind: e.code("kind")?.unwrap_or_default(),
            amount: e.money("amount")?,
            note: e.string("note")?,
        })
    };
    Ok(VisitLog {
        check_in: o.object("check_in", point)?,
        check_out: o.object("check_out", point)?,
        outcome: o.code("outcome")?,
        expenses: o.array("expenses", expense)?,
    })
}
