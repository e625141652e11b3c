//! Reading the lead documents' nested objects, numbers and codes, in the spirit of
//! `domain::body`: lenient about absence, strict about kind, never panicking. Errors inside an
//! array or object name the body field that holds it.

use chrono::{DateTime, Utc};
use serde_json::{Map, Value};

use super::super::error::{DomainError, JsonKind};

/// `JsonKind` has no number variant; like the sales documents, numbers report `Object`.
const NUMBER: JsonKind = JsonKind::Object;

/// One JSON object of a document: the body, or an object nested in one of its fields.
pub(crate) struct Obj<'a> {
    id: &'a str,
    m: &'a Map<String, Value>,
    parent: Option<&'static str>,
}

impl<'a> Obj<'a> {
    pub fn new(id: &'a str, m: &'a Map<String, Value>) -> Self {
        Self {
            id,
            m,
            parent: None,
        }
    }

    /// The error for `field`; inside a nested object, the error names the outer field.
    pub fn bad(&self, field: &'static str, expected: JsonKind) -> DomainError {
        let (field, expected) = match self.parent {
            Some(p) => (p, JsonKind::Object),
            None => (field, expected),
        };
        DomainError::BadField {
            id: self.id.to_owned(),
            field,
            expected,
        }
    }

    pub(crate) fn get(&self, field: &str) -> Option<&'a Value> {
        self.m.get(field).filter(|v| !v.is_null())
    }

    /// A string; missing reads as "".
    pub fn string(&self, field: &'static str) -> Result<String, DomainError> {
        match self.get(field) {
            None => Ok(String::new()),
            Some(Value::String(s)) => Ok(s.clone()),
            Some(_) => Err(self.bad(field, JsonKind::String)),
        }
    }

    /// A string; missing or "" reads as `None`.
    pub fn opt_string(&self, field: &'static str) -> Result<Option<String>, DomainError> {
        Ok(Some(self.string(field)?).filter(|s| !s.is_empty()))
    }

    /// An array of strings; missing reads as empty.
    pub fn strings(&self, field: &'static str) -> Result<Vec<String>, DomainError> {
        match self.get(field) {
            None => Ok(Vec::new()),
            Some(Value::Array(items)) => (items.iter())
                .map(|v| {
                    (v.as_str().map(str::to_owned)).ok_or_else(|| self.bad(field, JsonKind::Array))
                })
                .collect(),
            Some(_) => Err(self.bad(field, JsonKind::Array)),
        }
    }

    /// A whole number; missing reads as `None`.
    pub fn opt_i64(&self, field: &'static str) -> Result<Option<i64>, DomainError> {
        match self.get(field) {
            None => Ok(None),
            Some(v) => v.as_i64().map(Some).ok_or_else(|| self.bad(field, NUMBER)),
        }
    }

    /// A whole number that fits `T`; missing reads as `None`.
    pub fn opt_int<T: TryFrom<i64>>(&self, field: &'static str) -> Result<Option<T>, DomainError> {
        (self.opt_i64(field)?)
            .map(|n| T::try_from(n).map_err(|_| self.bad(field, NUMBER)))
            .transpose()
    }

    /// An RFC 3339 timestamp; missing reads as `None`.
    pub fn timestamp(&self, field: &'static str) -> Result<Option<DateTime<Utc>>, DomainError> {
        match self.get(field) {
            None => Ok(None),
            Some(Value::String(s)) => DateTime::parse_from_rfc3339(s)
                .map(|t| Some(t.with_timezone(&Utc)))
                .map_err(|_| self.bad(field, JsonKind::Timestamp)),
            Some(_) => Err(self.bad(field, JsonKind::Timestamp)),
        }
    }

    /// A code read by `parse`; missing reads as `None`, an unknown code is an error.
    pub fn code<T>(
        &self,
        field: &'static str,
        parse: impl Fn(&str) -> Option<T>,
    ) -> Result<Option<T>, DomainError> {
        (self.opt_string(field)?)
            .map(|s| parse(&s).ok_or_else(|| self.bad(field, JsonKind::String)))
            .transpose()
    }

    /// A nested object read by `read`; missing reads as `None`.
    pub fn object<T>(
        &self,
        field: &'static str,
        read: impl Fn(&Obj) -> Result<T, DomainError>,
    ) -> Result<Option<T>, DomainError> {
        match self.get(field) {
            None => Ok(None),
            Some(Value::Object(m)) => read(&self.nested(field, m)).map(Some),
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
                    Value::Object(m) => read(&self.nested(field, m)),
                    _ => Err(self.bad(field, JsonKind::Array)),
                })
                .collect(),
            Some(_) => Err(self.bad(field, JsonKind::Array)),
        }
    }

    fn nested(&self, field: &'static str, m: &'a Map<String, Value>) -> Obj<'a> {
        Obj {
            id: self.id,
            m,
            parent: Some(self.parent.unwrap_or(field)),
        }
    }
}

/// Writes `value` under `field` when present and not empty.
pub(crate) fn put_opt(m: &mut Map<String, Value>, field: &str, value: Option<&str>) {
    if let Some(v) = value.filter(|v| !v.is_empty()) {
        m.insert(field.into(), Value::String(v.to_owned()));
    }
}

/// An array of objects written by `write`.
pub(crate) fn array<T>(items: &[T], write: impl Fn(&T) -> Map<String, Value>) -> Value {
    Value::Array(items.iter().map(|i| Value::Object(write(i))).collect())
}
