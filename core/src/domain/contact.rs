//! Contacts: people at accounts.

use chrono::{DateTime, Utc};
use serde_json::Value;

use super::CONTACT_TYPE;
use super::body::{self, Reader};
use super::error::DomainError;
use super::input::{AddressInput, ContactInput, ValidContact};
use super::types::{Address, Meta};
use crate::store::{Body, Doc};

/// A person the team sells to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Contact {
    /// The document id, a UUID v7 string.
    pub id: String,
    pub given_name: String,
    pub family_name: String,
    /// Lower case, valid syntax.
    pub emails: Vec<String>,
    /// E.164 ("+34612345678").
    pub phones: Vec<String>,
    pub job_title: String,
    pub account_id: Option<String>,
    pub address: Address,
    pub tags: Vec<String>,
    /// The owning rep's user name.
    pub owner: String,
    pub notes: String,
    pub meta: Meta,
}

impl Contact {
    /// "Given Family", or whichever of the two is present.
    pub fn display_name(&self) -> String {
        match (self.given_name.is_empty(), self.family_name.is_empty()) {
            (false, false) => format!("{} {}", self.given_name, self.family_name),
            (false, true) => self.given_name.clone(),
            _ => self.family_name.clone(),
        }
    }

    /// The document body: `type: "contact"`, `owner`, `account_id` (absent when unlinked),
    /// `updated_at` (RFC 3339 UTC, fixed width) and the other fields under their own names.
    pub fn to_body(&self) -> Body {
        let mut m = body::header(CONTACT_TYPE, &self.owner, &self.meta);
        m.insert("given_name".into(), body::string(&self.given_name));
        m.insert("family_name".into(), body::string(&self.family_name));
        m.insert("emails".into(), body::strings(&self.emails));
        m.insert("phones".into(), body::strings(&self.phones));
        m.insert("job_title".into(), body::string(&self.job_title));
        if let Some(a) = &self.account_id {
            m.insert("account_id".into(), Value::String(a.clone()));
        }
        m.insert("address".into(), body::address(&self.address));
        m.insert("tags".into(), body::strings(&self.tags));
        m.insert("notes".into(), body::string(&self.notes));
        m
    }

    /// Reads a stored contact. Missing fields read as empty; fields of the wrong kind, another
    /// `type` or a deleted document are errors.
    pub fn from_doc(doc: &Doc) -> Result<Self, DomainError> {
        body::check_doc(doc, CONTACT_TYPE)?;
        let r = Reader::new(doc);
        Ok(Self {
            id: doc.id.clone(),
            given_name: r.string("given_name")?,
            family_name: r.string("family_name")?,
            emails: r.strings("emails")?,
            phones: r.strings("phones")?,
            job_title: r.string("job_title")?,
            account_id: r.opt_string("account_id")?,
            address: r.address("address")?,
            tags: r.strings("tags")?,
            owner: r.string("owner")?,
            notes: r.string("notes")?,
            meta: r.meta()?,
        })
    }
}

impl From<&Contact> for ContactInput {
    /// The form pre-filled for editing `c`.
    fn from(c: &Contact) -> Self {
        Self {
            given_name: c.given_name.clone(),
            family_name: c.family_name.clone(),
            emails: c.emails.clone(),
            phones: c.phones.clone(),
            job_title: c.job_title.clone(),
            account_id: c.account_id.clone().unwrap_or_default(),
            address: AddressInput::from(&c.address),
            tags: c.tags.join(", "),
            owner: c.owner.clone(),
            notes: c.notes.clone(),
        }
    }
}

impl From<&Address> for AddressInput {
    fn from(a: &Address) -> Self {
        Self {
            street: a.street.clone(),
            city: a.city.clone(),
            region: a.region.clone(),
            postal_code: a.postal_code.clone(),
            country: a.country.clone(),
        }
    }
}

/// A new contact from a validated form, created by `user` at `now`; owned by the form's owner,
/// or by `user` when the form leaves it empty.
pub fn new_contact(valid: ValidContact, id: String, now: DateTime<Utc>, user: &str) -> Contact {
    let owner = valid.owner.clone().unwrap_or_else(|| user.to_owned());
    with_fields(id, valid, owner, Meta::created(now, user))
}

/// `old` changed to the validated form by `user` at `now`; keeps its id, creation metadata
/// and (when the form leaves it empty) its owner.
pub fn update_contact(
    old: &Contact,
    valid: ValidContact,
    now: DateTime<Utc>,
    user: &str,
) -> Contact {
    let owner = valid.owner.clone().unwrap_or_else(|| old.owner.clone());
    with_fields(old.id.clone(), valid, owner, old.meta.touched(now, user))
}

fn with_fields(id: String, v: ValidContact, owner: String, meta: Meta) -> Contact {
    Contact {
        id,
        given_name: v.given_name,
        family_name: v.family_name,
        emails: v.emails,
        phones: v.phones,
        job_title: v.job_title,
        account_id: v.account_id,
        address: v.address,
        tags: v.tags,
        owner,
        notes: v.notes,
        meta,
    }
}
