//! The lead form as typed, its validation into a [`ValidLead`], and the leads it makes.

use super::super::input::{AddressInput, AddressPart, ErrorCode};
use super::super::phone::{PhoneError, normalize_phone};
use super::super::tax_id::{check_spanish_tax_id, normalize_tax_id};
use super::super::types::Address;
use super::super::validate::{normalize_email, normalize_website, parse_tags};
use super::lead::LeadSource;
use crate::sort;

const MAX_SHORT: usize = 200;
const MAX_NOTES: usize = 20_000;

/// The lead form (quick capture or full edit), every field as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LeadInput {
    pub given_name: String,
    pub family_name: String,
    pub company: String,
    /// One entry per box; blank entries are ignored.
    pub emails: Vec<String>,
    pub phones: Vec<String>,
    pub job_title: String,
    pub website: String,
    pub tax_id: String,
    pub address: AddressInput,
    pub industry: String,
    /// Employees, digits with optional thousands separators ("1.200"), or empty.
    pub company_size: String,
    /// Comma-separated product codes.
    pub interest: String,
    /// A [`LeadSource`] code ("web", "campaign:spring-fair", ...); empty reads as "other".
    pub source: String,
    /// Empty keeps the current owner (the creator for a new lead, until routing).
    pub owner: String,
    /// Comma-separated.
    pub tags: String,
    pub notes: String,
}

/// A lead form field; indexed fields point at the n-th box, blanks counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum LeadField {
    /// A person's name or a company is required: both given and family names and the company.
    NameOrCompany,
    GivenName,
    FamilyName,
    Company,
    /// A phone or an email is required: all the phone and email boxes.
    PhoneOrEmail,
    Email(usize),
    Phone(usize),
    JobTitle,
    Website,
    TaxId,
    Address(AddressPart),
    Industry,
    CompanySize,
    Interest,
    Source,
    Owner,
    Tags,
    Notes,
}

/// What is wrong with a lead field: a code shared with the other forms, or one of the lead
/// form's own.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum LeadErrorCode {
    Form(ErrorCode),
    /// Not a whole number (company size).
    NotANumber,
    /// Not a known source code.
    UnknownSource,
}

/// One problem with one lead field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LeadFieldError {
    pub field: LeadField,
    pub code: LeadErrorCode,
}

impl LeadFieldError {
    fn new(field: LeadField, code: ErrorCode) -> Self {
        Self {
            field,
            code: LeadErrorCode::Form(code),
        }
    }
}

/// A lead form that passed validation, normalised like contacts and accounts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidLead {
    pub given_name: String,
    pub family_name: String,
    pub company: String,
    pub emails: Vec<String>,
    pub phones: Vec<String>,
    pub job_title: String,
    pub website: String,
    pub tax_id: String,
    pub address: Address,
    pub industry: String,
    pub company_size: Option<u32>,
    pub interest: Vec<String>,
    pub source: LeadSource,
    pub owner: Option<String>,
    pub tags: Vec<String>,
    pub notes: String,
    /// Problems worth showing that do not block saving (a Spanish tax id that fails its check).
    pub warnings: Vec<LeadFieldError>,
}

#[derive(Default)]
struct Check {
    errors: Vec<LeadFieldError>,
}

impl Check {
    fn push(&mut self, field: LeadField, code: LeadErrorCode) {
        self.errors.push(LeadFieldError { field, code });
    }

    fn form(&mut self, field: LeadField, code: ErrorCode) {
        self.errors.push(LeadFieldError::new(field, code));
    }

    fn text(&mut self, field: LeadField, raw: &str, max: usize) -> String {
        let s = raw.trim();
        if s.chars().count() > max {
            self.form(field, ErrorCode::TooLong);
        }
        s.to_owned()
    }

    fn emails(&mut self, raw: &[String]) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for (i, e) in raw.iter().enumerate().filter(|(_, e)| !e.trim().is_empty()) {
            match normalize_email(e) {
                Some(e) if !out.contains(&e) => out.push(e),
                Some(_) => {}
                None => self.form(LeadField::Email(i), ErrorCode::InvalidEmail),
            }
        }
        out
    }

    fn phones(&mut self, raw: &[String], country: &str) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for (i, p) in raw.iter().enumerate().filter(|(_, p)| !p.trim().is_empty()) {
            match normalize_phone(p, country) {
                Ok(p) if !out.contains(&p) => out.push(p),
                Ok(_) => {}
                Err(e) => self.form(LeadField::Phone(i), phone_code(e)),
            }
        }
        out
    }

    fn address(&mut self, a: &AddressInput) -> Address {
        let f = LeadField::Address;
        let country = a.country.trim().to_ascii_uppercase();
        let iso = country.len() == 2 && country.bytes().all(|b| b.is_ascii_uppercase());
        if !country.is_empty() && !iso {
            self.form(f(AddressPart::Country), ErrorCode::InvalidCountry);
        }
        Address {
            street: self.text(f(AddressPart::Street), &a.street, MAX_SHORT),
            city: self.text(f(AddressPart::City), &a.city, MAX_SHORT),
            region: self.text(f(AddressPart::Region), &a.region, MAX_SHORT),
            postal_code: self.text(f(AddressPart::PostalCode), &a.postal_code, MAX_SHORT),
            country,
        }
    }

    fn website(&mut self, raw: &str) -> String {
        match raw.trim() {
            "" => String::new(),
            w => normalize_website(w).unwrap_or_else(|| {
                self.form(LeadField::Website, ErrorCode::InvalidWebsite);
                String::new()
            }),
        }
    }
}

impl Check {
    fn company_size(&mut self, raw: &str) -> Option<u32> {
        parse_company_size(raw).unwrap_or_else(|()| {
            self.push(LeadField::CompanySize, LeadErrorCode::NotANumber);
            None
        })
    }

    fn source(&mut self, raw: &str) -> LeadSource {
        match raw.trim() {
            "" => LeadSource::Other,
            s => LeadSource::from_code(s).unwrap_or_else(|| {
                self.push(LeadField::Source, LeadErrorCode::UnknownSource);
                LeadSource::Other
            }),
        }
    }

    /// The normalised tax id, and a warning when a Spanish one fails its check.
    fn tax_id(&mut self, raw: &str, country: &str) -> (String, Vec<LeadFieldError>) {
        let tax_id = normalize_tax_id(raw);
        if tax_id.chars().count() > MAX_SHORT {
            self.form(LeadField::TaxId, ErrorCode::TooLong);
        }
        let mut warnings = Vec::new();
        let spanish = country.eq_ignore_ascii_case("ES");
        if !tax_id.is_empty() && spanish && check_spanish_tax_id(&tax_id).is_none() {
            warnings.push(LeadFieldError::new(
                LeadField::TaxId,
                ErrorCode::InvalidTaxId,
            ));
        }
        (tax_id, warnings)
    }
}

fn phone_code(e: PhoneError) -> ErrorCode {
    match e {
        PhoneError::Invalid => ErrorCode::InvalidPhone,
        PhoneError::TooShort => ErrorCode::PhoneTooShort,
        PhoneError::TooLong => ErrorCode::PhoneTooLong,
        PhoneError::NeedsCountryCode => ErrorCode::PhoneNeedsCountryCode,
    }
}

/// Employees as typed: digits, optionally grouped by threes with `.`, `,` or spaces.
pub(crate) fn parse_company_size(raw: &str) -> Result<Option<u32>, ()> {
    let s = raw.trim();
    if s.is_empty() {
        return Ok(None);
    }
    let groups: Vec<&str> = s.split(['.', ',', ' ', '\u{a0}']).collect();
    let grouped = groups.len() > 1
        && (1..=3).contains(&groups[0].len())
        && groups[1..].iter().all(|g| g.len() == 3);
    let digits: String = groups.concat();
    let all_digits = !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit());
    if !all_digits || (groups.len() > 1 && !grouped) {
        return Err(());
    }
    digits.parse().map(Some).map_err(|_| ())
}

/// Validates and normalises the lead form. A lead needs a name (given or family) or a company,
/// and a phone or an email. Phones typed without an international prefix are read in the
/// address's country, else `default_country`. Errors come sorted by field.
pub fn validate_lead(
    input: &LeadInput,
    default_country: &str,
) -> Result<ValidLead, Vec<LeadFieldError>> {
    let mut c = Check::default();
    let given_name = c.text(LeadField::GivenName, &input.given_name, MAX_SHORT);
    let family_name = c.text(LeadField::FamilyName, &input.family_name, MAX_SHORT);
    let company = c.text(LeadField::Company, &input.company, MAX_SHORT);
    if given_name.is_empty() && family_name.is_empty() && company.is_empty() {
        c.form(LeadField::NameOrCompany, ErrorCode::Required);
    }
    let typed = |v: &[String]| v.iter().any(|s| !s.trim().is_empty());
    if !typed(&input.emails) && !typed(&input.phones) {
        c.form(LeadField::PhoneOrEmail, ErrorCode::Required);
    }
    let address = c.address(&input.address);
    let country = match address.country.len() {
        2 => address.country.clone(),
        _ => default_country.to_owned(),
    };
    let (tax_id, warnings) = c.tax_id(&input.tax_id, &country);
    let valid = ValidLead {
        given_name,
        family_name,
        company,
        emails: c.emails(&input.emails),
        phones: c.phones(&input.phones, &country),
        job_title: c.text(LeadField::JobTitle, &input.job_title, MAX_SHORT),
        website: c.website(&input.website),
        tax_id,
        address,
        industry: c.text(LeadField::Industry, &input.industry, MAX_SHORT),
        company_size: c.company_size(&input.company_size),
        interest: parse_tags(&input.interest),
        source: c.source(&input.source),
        owner: Some(input.owner.trim().to_owned()).filter(|s| !s.is_empty()),
        tags: parse_tags(&input.tags),
        notes: c.text(LeadField::Notes, &input.notes, MAX_NOTES),
        warnings,
    };
    if c.errors.is_empty() {
        Ok(valid)
    } else {
        sort::sort(&mut c.errors);
        c.errors.dedup();
        Err(c.errors)
    }
}
