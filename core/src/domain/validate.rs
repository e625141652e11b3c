//! Form validation: required fields, lengths, emails, phones, websites, countries, tax ids.

use super::input::{
    AccountInput, AddressInput, AddressPart, ContactInput, ErrorCode, Field, FieldError,
    ValidAccount, ValidContact,
};
use super::phone::{PhoneError, normalize_phone};
use super::tax_id::{check_spanish_tax_id, normalize_tax_id};
use super::types::Address;
use crate::sort;

/// Longest names, titles, address parts, emails and websites, in characters.
const MAX_SHORT: usize = 200;
/// Longest notes, in characters.
const MAX_NOTES: usize = 20_000;

/// Collects errors while fields are normalised.
#[derive(Default)]
struct Check {
    errors: Vec<FieldError>,
}

impl Check {
    fn push(&mut self, field: Field, code: ErrorCode) {
        self.errors.push(FieldError::new(field, code));
    }

    /// `raw` trimmed, with a `TooLong` error past `max` characters.
    fn text(&mut self, field: Field, raw: &str, max: usize) -> String {
        let s = raw.trim();
        if s.chars().count() > max {
            self.push(field, ErrorCode::TooLong);
        }
        s.to_owned()
    }

    fn emails(&mut self, raw: &[String]) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for (i, e) in raw.iter().enumerate().filter(|(_, e)| !e.trim().is_empty()) {
            match normalize_email(e) {
                Some(e) if !out.contains(&e) => out.push(e),
                Some(_) => {}
                None => self.push(Field::Email(i), ErrorCode::InvalidEmail),
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
                Err(e) => self.push(Field::Phone(i), phone_code(e)),
            }
        }
        out
    }

    fn address(&mut self, i: usize, a: &AddressInput) -> Address {
        let f = |part| Field::Address(i, part);
        let country = a.country.trim().to_ascii_uppercase();
        let iso = country.len() == 2 && country.bytes().all(|b| b.is_ascii_uppercase());
        if !country.is_empty() && !iso {
            self.push(f(AddressPart::Country), ErrorCode::InvalidCountry);
        }
        Address {
            street: self.text(f(AddressPart::Street), &a.street, MAX_SHORT),
            city: self.text(f(AddressPart::City), &a.city, MAX_SHORT),
            region: self.text(f(AddressPart::Region), &a.region, MAX_SHORT),
            postal_code: self.text(f(AddressPart::PostalCode), &a.postal_code, MAX_SHORT),
            country,
        }
    }

    fn finish<T>(mut self, value: T) -> Result<T, Vec<FieldError>> {
        if self.errors.is_empty() {
            Ok(value)
        } else {
            sort::sort(&mut self.errors);
            self.errors.dedup();
            Err(self.errors)
        }
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

fn owner(raw: &str) -> Option<String> {
    Some(raw.trim().to_owned()).filter(|s| !s.is_empty())
}

/// The country that reads national phone numbers: the address's when it is a two-letter
/// code, else the default.
fn phone_country<'a>(address: Option<&'a Address>, default_country: &'a str) -> &'a str {
    address
        .map(|a| a.country.as_str())
        .filter(|c| c.len() == 2)
        .unwrap_or(default_country)
}

/// Validates and normalises the contact form. Phones typed without an international prefix
/// are read as numbers of the address's country, or of `default_country` (ISO alpha-2) when
/// the address has none. Errors come sorted by field.
pub fn validate_contact(
    input: &ContactInput,
    default_country: &str,
) -> Result<ValidContact, Vec<FieldError>> {
    let mut c = Check::default();
    let given_name = c.text(Field::GivenName, &input.given_name, MAX_SHORT);
    let family_name = c.text(Field::FamilyName, &input.family_name, MAX_SHORT);
    if given_name.is_empty() && family_name.is_empty() {
        c.push(Field::ContactName, ErrorCode::Required);
    }
    let address = c.address(0, &input.address);
    let valid = ValidContact {
        given_name,
        family_name,
        emails: c.emails(&input.emails),
        phones: c.phones(
            &input.phones,
            phone_country(Some(&address), default_country),
        ),
        job_title: c.text(Field::JobTitle, &input.job_title, MAX_SHORT),
        account_id: Some(input.account_id.trim().to_owned()).filter(|s| !s.is_empty()),
        address,
        tags: parse_tags(&input.tags),
        owner: owner(&input.owner),
        notes: c.text(Field::Notes, &input.notes, MAX_NOTES),
        warnings: Vec::new(),
    };
    c.finish(valid)
}

/// Validates and normalises the account form; like [`validate_contact`], the first address's
/// country (or `default_country`) reads national phone numbers and decides whether the tax id
/// is checked as Spanish (a failed check is a warning, never an error).
pub fn validate_account(
    input: &AccountInput,
    default_country: &str,
) -> Result<ValidAccount, Vec<FieldError>> {
    let mut c = Check::default();
    let name = c.text(Field::AccountName, &input.name, MAX_SHORT);
    if name.is_empty() {
        c.push(Field::AccountName, ErrorCode::Required);
    }
    let addresses: Vec<Address> = (input.addresses.iter().enumerate())
        .map(|(i, a)| c.address(i, a))
        .filter(|a| !a.is_empty())
        .collect();
    let country = phone_country(addresses.first(), default_country).to_owned();
    let tax_id = normalize_tax_id(&input.tax_id);
    if tax_id.chars().count() > MAX_SHORT {
        c.push(Field::TaxId, ErrorCode::TooLong);
    }
    let website = match input.website.trim() {
        "" => String::new(),
        w => normalize_website(w).unwrap_or_else(|| {
            c.push(Field::Website, ErrorCode::InvalidWebsite);
            String::new()
        }),
    };
    let mut warnings = Vec::new();
    if !tax_id.is_empty()
        && country.eq_ignore_ascii_case("ES")
        && check_spanish_tax_id(&tax_id).is_none()
    {
        warnings.push(FieldError::new(Field::TaxId, ErrorCode::InvalidTaxId));
    }
    let valid = ValidAccount {
        name,
        tax_id,
        industry: c.text(Field::Industry, &input.industry, MAX_SHORT),
        phones: c.phones(&input.phones, &country),
        addresses,
        website,
        tags: parse_tags(&input.tags),
        owner: owner(&input.owner),
        notes: c.text(Field::Notes, &input.notes, MAX_NOTES),
        warnings,
    };
    c.finish(valid)
}

/// A trimmed, lower-case email address, or `None` when the syntax is wrong: one `@`, a local
/// part of the usual characters without leading, trailing or doubled dots, a domain of at least
/// two labels (letters, digits, inner hyphens; accented letters allowed) ending in letters.
pub fn normalize_email(raw: &str) -> Option<String> {
    let e = raw.trim().to_lowercase();
    let (local, domain) = e.split_once('@')?;
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local
            .chars()
            .all(|c| c.is_alphanumeric() || "._%+-!#$&'*/=?^`{|}~".contains(c));
    (local_ok && e.len() <= 254 && is_domain(domain)).then_some(e)
}

/// Host names: labels of letters and digits with inner hyphens, at least two, the last
/// alphabetic ("example.com", "peña.es").
fn is_domain(host: &str) -> bool {
    let labels: Vec<&str> = host.split('.').collect();
    let label_ok = |l: &&str| {
        !l.is_empty()
            && l.len() <= 63
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.chars().all(|c| c.is_alphanumeric() || c == '-')
    };
    let tld_ok = labels
        .last()
        .is_some_and(|t| t.chars().count() >= 2 && t.chars().all(char::is_alphabetic));
    labels.len() >= 2 && labels.iter().all(label_ok) && tld_ok
}

/// A website with its scheme ("example.com" → "https://example.com", "HTTP://Example.com/a" →
/// "http://example.com/a"), or `None` when it is not a web address (spaces, no domain, another
/// scheme, user info). The host is lower-cased; the path is kept as typed.
pub fn normalize_website(raw: &str) -> Option<String> {
    let s = raw.trim();
    if s.is_empty() || s.chars().any(char::is_whitespace) {
        return None;
    }
    let (scheme, rest) = match s.split_once("://") {
        Some((scheme, rest)) => (scheme.to_ascii_lowercase(), rest),
        None => ("https".to_owned(), s),
    };
    if scheme != "http" && scheme != "https" {
        return None;
    }
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, path) = rest.split_at(end);
    let host = match authority.rsplit_once(':') {
        Some((host, port)) if !port.is_empty() && port.bytes().all(|b| b.is_ascii_digit()) => host,
        _ => authority,
    };
    let host_lower = host.to_lowercase();
    if !is_domain(&host_lower) {
        return None;
    }
    let port = &authority[host.len()..];
    Some(format!("{scheme}://{host_lower}{port}{path}"))
}

/// Comma-separated tags, trimmed, without blanks or case-insensitive duplicates, in typed order.
pub fn parse_tags(raw: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for tag in raw.split(',').map(str::trim).filter(|t| !t.is_empty()) {
        if !out.iter().any(|t| t.to_lowercase() == tag.to_lowercase()) {
            out.push(tag.to_owned());
        }
    }
    out
}
