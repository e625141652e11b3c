//! Accounts: the companies the team sells to.

use chrono::{DateTime, Utc};
use serde_json::Value;

use super::ACCOUNT_TYPE;
use super::body::{self, Reader};
use super::error::DomainError;
use super::input::{AccountInput, AddressInput, ValidAccount};
use super::types::{Address, Meta};
use crate::store::{Body, Doc};

/// A company (or public body, or self-employed professional) the team sells to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Account {
    /// The document id, a UUID v7 string.
    pub id: String,
    pub name: String,
    /// Upper case without separators ("B12345678").
    pub tax_id: String,
    pub industry: String,
    /// The first is the main (billing) address.
    pub addresses: Vec<Address>,
    /// E.164.
    pub phones: Vec<String>,
    /// With scheme ("https://example.com"), or empty.
    pub website: String,
    pub tags: Vec<String>,
    pub owner: String,
    pub notes: String,
    pub meta: Meta,
}

impl Account {
    /// The document body: `type: "account"`, `owner`, `updated_at` (RFC 3339 UTC, fixed width)
    /// and the other fields under their own names.
    pub fn to_body(&self) -> Body {
        let mut m = body::header(ACCOUNT_TYPE, &self.owner, &self.meta);
        m.insert("name".into(), body::string(&self.name));
        m.insert("tax_id".into(), body::string(&self.tax_id));
        m.insert("industry".into(), body::string(&self.industry));
        m.insert(
            "addresses".into(),
            Value::Array(self.addresses.iter().map(body::address).collect()),
        );
        m.insert("phones".into(), body::strings(&self.phones));
        m.insert("website".into(), body::string(&self.website));
        m.insert("tags".into(), body::strings(&self.tags));
        m.insert("notes".into(), body::string(&self.notes));
        m
    }

    /// Reads a stored account. Missing fields read as empty; fields of the wrong kind, another
    /// `type` or a deleted document are errors.
    pub fn from_doc(doc: &Doc) -> Result<Self, DomainError> {
        body::check_doc(doc, ACCOUNT_TYPE)?;
        let r = Reader::new(doc);
        Ok(Self {
            id: doc.id.clone(),
            name: r.string("name")?,
            tax_id: r.string("tax_id")?,
            industry: r.string("industry")?,
            addresses: r.addresses("addresses")?,
            phones: r.strings("phones")?,
            website: r.string("website")?,
            tags: r.strings("tags")?,
            owner: r.string("owner")?,
            notes: r.string("notes")?,
            meta: r.meta()?,
        })
    }
}

impl From<&Account> for AccountInput {
    /// The form pre-filled for editing `a`.
    fn from(a: &Account) -> Self {
        Self {
            name: a.name.clone(),
            tax_id: a.tax_id.clone(),
            industry: a.industry.clone(),
            addresses: a.addresses.iter().map(AddressInput::from).collect(),
            phones: a.phones.clone(),
            website: a.website.clone(),
            tags: a.tags.join(", "),
            owner: a.owner.clone(),
            notes: a.notes.clone(),
        }
    }
}

/// A new account from a validated form, created by `user` at `now`; owned by the form's owner,
/// or by `user` when the form leaves it empty.
pub fn new_account(valid: ValidAccount, id: String, now: DateTime<Utc>, user: &str) -> Account {
    let owner = valid.owner.clone().unwrap_or_else(|| user.to_owned());
    with_fields(id, valid, owner, Meta::created(now, user))
}

/// `old` changed to the validated form by `user` at `now`; keeps its id, creation metadata
/// and (when the form leaves it empty) its owner.
pub fn update_account(
    old: &Account,
    valid: ValidAccount,
    now: DateTime<Utc>,
    user: &str,
) -> Account {
    let owner = valid.owner.clone().unwrap_or_else(|| old.owner.clone());
    with_fields(old.id.clone(), valid, owner, old.meta.touched(now, user))
}

fn with_fields(id: String, v: ValidAccount, owner: String, meta: Meta) -> Account {
    Account {
        id,
        name: v.name,
        tax_id: v.tax_id,
        industry: v.industry,
        addresses: v.addresses,
        phones: v.phones,
        website: v.website,
        tags: v.tags,
        owner,
        notes: v.notes,
        meta,
    }
}
