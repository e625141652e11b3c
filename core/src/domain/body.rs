//! Reading and writing entity fields in a document body, shared by the entities.
//!
//! Reading is lenient about absence (a missing or `null` field reads as its default, so
//! documents written by older versions still open) and strict about kind (a number where a
//! string belongs is a [`DomainError::BadField`]), and never panics.

use chrono::{DateTime, SecondsFormat, Utc};
use serde_json::{Map, Value};

use super::error::{DomainError, JsonKind};
use super::types::{Address, Meta};
use crate::store::{Body, Doc};

/// Checks that `doc` is a live document of type `expected`.
pub(crate) fn check_doc(doc: &Doc, expected: &'static str) -> Result<(), DomainError> {
    if doc.deleted {
        return Err(DomainError::Deleted { id: doc.id.clone() });
    }
    match doc.doc_type() {
        Some(t) if t == expected => Ok(()),
        found => Err(DomainError::WrongType {
            id: doc.id.clone(),
            expected,
            found: found.map(str::to_owned),
        }),
    }
}

/// Reads fields of one document, naming it in errors.
pub(crate) struct Reader<'a> {
    pub id: &'a str,
    pub body: &'a Body,
}

impl<'a> Reader<'a> {
    pub fn new(doc: &'a Doc) -> Self {
        Self {
            id: &doc.id,
            body: &doc.body,
        }
    }

    fn bad(&self, field: &'static str, expected: JsonKind) -> DomainError {
        DomainError::BadField {
            id: self.id.to_owned(),
            field,
            expected,
        }
    }

    /// A string field; missing or `null` reads as "".
    pub fn string(&self, field: &'static str) -> Result<String, DomainError> {
        string_in(self.body, field).map_err(|()| self.bad(field, JsonKind::String))
    }

    /// An optional string field; missing, `null` or "" reads as `None`.
    pub fn opt_string(&self, field: &'static str) -> Result<Option<String>, DomainError> {
        Ok(Some(self.string(field)?).filter(|s| !s.is_empty()))
    }

    /// An array of strings; missing or `null` reads as empty.
    pub fn strings(&self, field: &'static str) -> Result<Vec<String>, DomainError> {
        match self.body.get(field) {
            None | Some(Value::Null) => Ok(Vec::new()),
            Some(Value::Array(items)) => items
                .iter()
                .map(|v| {
                    v.as_str()
                        .map(str::to_owned)
                        .ok_or_else(|| self.bad(field, JsonKind::Array))
                })
                .collect(),
            Some(_) => Err(self.bad(field, JsonKind::Array)),
        }
    }

    /// One address object; missing or `null` reads as empty.
    pub fn address(&self, field: &'static str) -> Result<Address, DomainError> {
        match self.body.get(field) {
            None | Some(Value::Null) => Ok(Address::default()),
            Some(Value::Object(m)) => {
                address_from(m).map_err(|()| self.bad(field, JsonKind::Object))
            }
            Some(_) => Err(self.bad(field, JsonKind::Object)),
        }
    }

    /// An array of address objects; missing or `null` reads as empty.
    pub fn addresses(&self, field: &'static str) -> Result<Vec<Address>, DomainError> {
        match self.body.get(field) {
            None | Some(Value::Null) => Ok(Vec::new()),
            Some(Value::Array(items)) => items
                .iter()
                .map(|v| match v {
                    Value::Object(m) => {
                        address_from(m).map_err(|()| self.bad(field, JsonKind::Array))
                    }
                    _ => Err(self.bad(field, JsonKind::Array)),
                })
                .collect(),
            Some(_) => Err(self.bad(field, JsonKind::Array)),
        }
    }

    /// A timestamp; missing or `null` reads as `None`.
    pub fn timestamp(&self, field: &'static str) -> Result<Option<DateTime<Utc>>, DomainError> {
        match self.body.get(field) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => DateTime::parse_from_rfc3339(s)
                .map(|t| Some(t.with_timezone(&Utc)))
                .map_err(|_| self.bad(field, JsonKind::Timestamp)),
            Some(_) => Err(self.bad(field, JsonKind::Timestamp)),
        }
    }

    /// `created_at`, `created_by`, `updated_at`, `updated_by`. A missing `created_at` reads as
    /// `updated_at` and a missing `updated_at` as `created_at`; both missing read as the epoch.
    pub fn meta(&self) -> Result<Meta, DomainError> {
        let created = self.timestamp("created_at")?;
        let updated = self.timestamp("updated_at")?;
        let epoch = DateTime::<Utc>::UNIX_EPOCH;
        Ok(Meta {
            created_at: created.or(updated).unwrap_or(epoch),
            created_by: self.string("created_by")?,
            updated_at: updated.or(created).unwrap_or(epoch),
            updated_by: self.string("updated_by")?,
        })
    }
}

fn string_in(m: &Map<String, Value>, field: &str) -> Result<String, ()> {
    match m.get(field) {
        None | Some(Value::Null) => Ok(String::new()),
        Some(Value::String(s)) => Ok(s.clone()),
        Some(_) => Err(()),
    }
}

fn address_from(m: &Map<String, Value>) -> Result<Address, ()> {
    Ok(Address {
        street: string_in(m, "street")?,
        city: string_in(m, "city")?,
        region: string_in(m, "region")?,
        postal_code: string_in(m, "postal_code")?,
        country: string_in(m, "country")?,
    })
}

/// RFC 3339 in UTC with milliseconds ("2025-03-01T09:30:00.000Z"): fixed width, so the
/// store's `updated_at` index sorts text in time order.
pub(crate) fn timestamp(t: &DateTime<Utc>) -> Value {
    Value::String(t.to_rfc3339_opts(SecondsFormat::Millis, true))
}

pub(crate) fn string(s: &str) -> Value {
    Value::String(s.to_owned())
}

pub(crate) fn strings(items: &[String]) -> Value {
    Value::Array(items.iter().map(|s| string(s)).collect())
}

pub(crate) fn address(a: &Address) -> Value {
    let mut m = Map::new();
    m.insert("street".into(), string(&a.street));
    m.insert("city".into(), string(&a.city));
    m.insert("region".into(), string(&a.region));
    m.insert("postal_code".into(), string(&a.postal_code));
    m.insert("country".into(), string(&a.country));
    Value::Object(m)
}

/// Writes `type`, `owner` and the metadata fields.
pub(crate) fn header(doc_type: &str, owner: &str, meta: &Meta) -> Body {
    let mut m = Map::new();
    m.insert("type".into(), string(doc_type));
    m.insert("owner".into(), string(owner));
    m.insert("created_at".into(), timestamp(&meta.created_at));
    m.insert("created_by".into(), string(&meta.created_by));
    m.insert("updated_at".into(), timestamp(&meta.updated_at));
    m.insert("updated_by".into(), string(&meta.updated_by));
    m
}
