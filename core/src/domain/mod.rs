//! CRM entities and their rules: contacts and accounts, their document form, form validation
//! (emails, phones, websites, Spanish tax ids) and deterministic sample data.
//!
//! Invariants:
//! - pure: no IO, no clock, no randomness except [`new_id`]; callers pass `now` and the user;
//! - validation returns codes ([`ErrorCode`]) and never words: the UI translates;
//! - reading a stored document never panics: bad data is a [`DomainError`].

mod account;
mod body;
mod contact;
mod error;
mod input;
pub mod leads;
pub mod money;
pub mod phone;
pub mod sales;
mod sample;
mod sample_rng;
mod sample_tables;
pub mod tax_id;
mod types;
mod validate;

pub use account::{Account, new_account, update_account};
pub use contact::{Contact, new_contact, update_contact};
pub use error::{DomainError, JsonKind};
pub use input::{
    AccountInput, AddressInput, AddressPart, ContactInput, ErrorCode, Field, FieldError,
    ValidAccount, ValidContact,
};
pub use money::{DecimalSeparator, Money, MoneyError, parse_money};
pub use phone::{PhoneError, normalize_phone};
pub use sample::{SAMPLE_OWNERS, SampleData, sample_data};
pub use types::{Address, Meta};
pub use validate::{
    normalize_email, normalize_website, parse_tags, validate_account, validate_contact,
};

/// The country assumed for phone numbers typed without an international prefix when the
/// record's own address has no country (ISO 3166-1 alpha-2).
pub const DEFAULT_COUNTRY: &str = "ES";

/// The document `type` of contacts.
pub const CONTACT_TYPE: &str = "contact";
/// The document `type` of accounts.
pub const ACCOUNT_TYPE: &str = "account";

/// A new document id: a UUID v7 string (time-ordered, so ids sort in creation order).
pub fn new_id() -> String {
    uuid::Uuid::now_v7().to_string()
}

#[cfg(test)]
mod tests;
