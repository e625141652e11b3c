//! Form inputs as a user typed them, their validated forms, and validation codes.

use super::types::Address;

/// An address as typed in a form.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AddressInput {
    pub street: String,
    pub city: String,
    pub region: String,
    pub postal_code: String,
    /// ISO 3166-1 alpha-2 in any case ("es", "MX"), or empty.
    pub country: String,
}

/// The contact form, every field as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ContactInput {
    pub given_name: String,
    pub family_name: String,
    /// One entry per email box in the form; blank entries are ignored.
    pub emails: Vec<String>,
    /// One entry per phone box in the form; blank entries are ignored.
    pub phones: Vec<String>,
    pub job_title: String,
    /// The linked account's id, or empty for none.
    pub account_id: String,
    pub address: AddressInput,
    /// Comma-separated tags ("cliente, vip").
    pub tags: String,
    /// The owning rep's user name; empty keeps the current owner (or the creator for new contacts).
    pub owner: String,
    pub notes: String,
}

/// The account form, every field as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AccountInput {
    pub name: String,
    /// NIF/CIF/NIE in Spain, RFC in Mexico, NIT in Colombia, ...
    pub tax_id: String,
    pub industry: String,
    /// One entry per address block in the form; blank addresses are ignored.
    pub addresses: Vec<AddressInput>,
    pub phones: Vec<String>,
    pub website: String,
    /// Comma-separated tags.
    pub tags: String,
    /// The owning rep's user name; empty keeps the current owner (or the creator for new accounts).
    pub owner: String,
    pub notes: String,
}

/// A contact form that passed validation, with values normalised (trimmed, emails lower case,
/// phones E.164, country upper case, tags split).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidContact {
    pub given_name: String,
    pub family_name: String,
    pub emails: Vec<String>,
    pub phones: Vec<String>,
    pub job_title: String,
    pub account_id: Option<String>,
    pub address: Address,
    pub tags: Vec<String>,
    /// `None`: keep the current owner (the creator for a new contact).
    pub owner: Option<String>,
    pub notes: String,
    /// Problems worth showing that do not block saving.
    pub warnings: Vec<FieldError>,
}

/// An account form that passed validation, with values normalised (website with scheme, tax id
/// upper case without separators, phones E.164, tags split).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidAccount {
    pub name: String,
    pub tax_id: String,
    pub industry: String,
    pub addresses: Vec<Address>,
    pub phones: Vec<String>,
    pub website: String,
    pub tags: Vec<String>,
    /// `None`: keep the current owner (the creator for a new account).
    pub owner: Option<String>,
    pub notes: String,
    /// Problems worth showing that do not block saving (e.g. a Spanish tax id that fails its check).
    pub warnings: Vec<FieldError>,
}

/// A part of an address.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AddressPart {
    Street,
    City,
    Region,
    PostalCode,
    Country,
}

/// A form field. Indexed fields point at the n-th entry of the form's list (0-based, counting
/// blank entries too, so the UI can highlight the box the user typed in).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    /// Contacts: the given and family names together (one of them is required).
    ContactName,
    GivenName,
    FamilyName,
    /// Accounts: the name.
    AccountName,
    Email(usize),
    Phone(usize),
    JobTitle,
    AccountId,
    TaxId,
    Industry,
    Website,
    /// Contacts have one address (index 0).
    Address(usize, AddressPart),
    Tags,
    Owner,
    Notes,
}

/// What is wrong with a field. The UI turns codes into words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ErrorCode {
    /// A required field is empty.
    Required,
    /// Longer than the field allows.
    TooLong,
    /// Not an email address.
    InvalidEmail,
    /// Not a phone number (letters, misplaced `+`, ...).
    InvalidPhone,
    /// A phone number with too few digits for its country.
    PhoneTooShort,
    /// A phone number with too many digits for its country.
    PhoneTooLong,
    /// A national phone number while no country is known; type it with `+` and the country code.
    PhoneNeedsCountryCode,
    /// Not a web address.
    InvalidWebsite,
    /// Not a two-letter ISO country code.
    InvalidCountry,
    /// A Spanish NIF/CIF/NIE whose control character does not match (a warning).
    InvalidTaxId,
}

/// One problem with one field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FieldError {
    pub field: Field,
    pub code: ErrorCode,
}

impl FieldError {
    pub fn new(field: Field, code: ErrorCode) -> Self {
        Self { field, code }
    }
}
