//! Reading and writing the sales documents' own kinds of fields (numbers, dates, money, codes,
//! arrays of objects), in the spirit of `domain::body`: lenient about absence, strict about
//! kind, never panicking.

use chrono::{DateTime, NaiveDate, Utc};
use serde_json::{Map, Value};

use super::super::error::{DomainError, JsonKind};
use super::super::money::Money;
use super::codes::{Code, from_code};
use super::deal_input::parse_ymd;

/// The kind reported for a bad number. `JsonKind` has no number variant (error.rs belongs to
/// the contacts module); numbers are reported as `Object` until one is added.
const NUMBER: JsonKind = JsonKind::Object;

/// One JSON object of a document: the body itself, or an element of one of its arrays (then
/// errors name the array's field).
pub(crate) struct Obj<'a> {
    id: &'a str,
    m: &'a Map<String, Value>,
    /// The body field holding this object and its kind, when nested.
    parent: Option<(&'static str, JsonKind)>,
}

impl<'a> Obj<'a> {
    pub fn new(id: &'a str, m: &'a Map<String, Value>) -> Self {
        Self {
            id,
            m,
            parent: None,
        }
    }

    fn bad(&self, field: &'static str, expected: JsonKind) -> DomainError {
        let (field, expected) = self.parent.unwrap_or((field, expected));
        DomainError::BadField {
            id: self.id.to_owned(),
            field,
            expected,
        }
    }

    fn get(&self, field: &str) -> Option<&'a Value> {
        self.m.get(field).filter(|v| !v.is_null())
    }

    pub fn string(&self, field: &'static str) -> Result<String, DomainError> {
        match self.get(field) {
            None => Ok(String::new()),
            Some(Value::String(s)) => Ok(s.clone()),
            Some(_) => Err(self.bad(field, JsonKind::String)),
        }
    }

    pub fn opt_string(&self, field: &'static str) -> Result<Option<String>, DomainError> {
        Ok(Some(self.string(field)?).filter(|s| !s.is_empty()))
    }

    pub fn bool(&self, field: &'static str) -> Result<bool, DomainError> {
        match self.get(field) {
            None => Ok(false),
            Some(Value::Bool(b)) => Ok(*b),
            Some(_) => Err(self.bad(field, NUMBER)),
        }
    }

    /// An integer; missing reads as 0.
    pub fn i64(&self, field: &'static str) -> Result<i64, DomainError> {
        match self.get(field) {
            None => Ok(0),
            Some(v) => v.as_i64().ok_or_else(|| self.bad(field, NUMBER)),
        }
    }

    pub fn u32(&self, field: &'static str) -> Result<u32, DomainError> {
        u32::try_from(self.i64(field)?).map_err(|_| self.bad(field, NUMBER))
    }

    pub fn i32(&self, field: &'static str) -> Result<i32, DomainError> {
        i32::try_from(self.i64(field)?).map_err(|_| self.bad(field, NUMBER))
    }

    /// A whole percentage 0-100.
    pub fn percent(&self, field: &'static str) -> Result<u8, DomainError> {
        (u8::try_from(self.i64(field)?).ok())
            .filter(|p| *p <= 100)
            .ok_or_else(|| self.bad(field, NUMBER))
    }

    /// An optional integer: missing reads as `None`.
    pub fn opt_i64(&self, field: &'static str) -> Result<Option<i64>, DomainError> {
        self.get(field).map(|_| self.i64(field)).transpose()
    }

    pub fn timestamp(&self, field: &'static str) -> Result<Option<DateTime<Utc>>, DomainError> {
        match self.get(field) {
            None => Ok(None),
            Some(Value::String(s)) => DateTime::parse_from_rfc3339(s)
                .map(|t| Some(t.with_timezone(&Utc)))
                .map_err(|_| self.bad(field, JsonKind::Timestamp)),
            Some(_) => Err(self.bad(field, JsonKind::Timestamp)),
        }
    }

    /// A calendar day "YYYY-MM-DD"; missing reads as `None`.
    pub fn date(&self, field: &'static str) -> Result<Option<NaiveDate>, DomainError> {
        match self.get(field) {
            None => Ok(None),
            Some(Value::String(s)) => (parse_ymd(s))
                .map(Some)
                .ok_or_else(|| self.bad(field, JsonKind::String)),
            Some(_) => Err(self.bad(field, JsonKind::String)),
        }
    }

    /// A stored enum code; missing reads as `None`, an unknown code is an error.
    pub fn code<T: Code>(&self, field: &'static str) -> Result<Option<T>, DomainError> {
        match self.opt_string(field)? {
            None => Ok(None),
            Some(s) => from_code(&s)
                .map(Some)
                .ok_or_else(|| self.bad(field, JsonKind::String)),
        }
    }

    /// `{minor, currency}`; missing reads as 0 EUR.
    pub fn money(&self, field: &'static str) -> Result<Money, DomainError> {
        let m = self.object(field, |o| {
            Ok(Money::new(o.i64("minor")?, &o.string("currency")?))
        })?;
        Ok(m.unwrap_or_else(|| Money::zero("EUR")))
    }

    /// A nested object read by `read`; missing reads as `None`.
    pub fn object<T>(
        &self,
        field: &'static str,
        read: impl Fn(&Obj) -> Result<T, DomainError>,
    ) -> Result<Option<T>, DomainError> {
        match self.get(field) {
            None => Ok(None),
            Some(Value::Object(m)) => read(&self.nested(field, JsonKind::Object, m)).map(Some),
            Some(_) => Err(self.bad(field, JsonKind::Object)),
        }
    }

    /// An array of objects, each read by `read`; missing reads as empty.
    pub fn array<T>(
        &self,
        field: &'static str,
        read: impl Fn(&Obj) -> Result<T, DomainError>,
    ) -> Result<Vec<T>, DomainError> {
        match self.get(field) {
            None => Ok(Vec::new()),
            Some(Value::Array(items)) => (items.iter())
                .map(|v| match v {
                    Value::Object(m) => read(&self.nested(field, JsonKind::Array, m)),
                    _ => Err(self.bad(field, JsonKind::Array)),
                })
                .collect(),
            Some(_) => Err(self.bad(field, JsonKind::Array)),
        }
    }

    fn nested(&self, field: &'static str, kind: JsonKind, m: &'a Map<String, Value>) -> Obj<'a> {
        Obj {
            id: self.id,
            m,
            parent: Some(self.parent.unwrap_or((field, kind))),
        }
    }
}

/// Inserts `value` under `field` when present (absent fields keep documents small and keep
/// `account_id` out of the store's index when unlinked).
pub(crate) fn put_opt(m: &mut Map<String, Value>, field: &str, value: Option<&str>) {
    if let Some(v) = value.filter(|v| !v.is_empty()) {
        m.insert(field.into(), Value::String(v.to_owned()));
    }
}

pub(crate) fn money(m: &Money) -> Value {
    let mut o = Map::new();
    o.insert("minor".into(), m.amount_minor.into());
    o.insert("currency".into(), Value::String(m.currency.clone()));
    Value::Object(o)
}

pub(crate) fn date(d: NaiveDate) -> Value {
    Value::String(d.to_string())
}

pub(crate) fn array<T>(items: &[T], write: impl Fn(&T) -> Value) -> Value {
    Value::Array(items.iter().map(write).collect())
}
