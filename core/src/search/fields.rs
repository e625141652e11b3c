//! What of a contact or an account is searchable, most important first (the field index is
//! part of the rank, so the layout is fixed; lists with one word each are joined by spaces).

use std::borrow::Cow;

use crate::domain::{Account, Contact};

/// A contact's searchable fields: 0 given name, 1 family name, 2 emails, 3 its account's
/// name (when given), 4 job title, 5 city, 6 tags, then one field per phone (phones cannot
/// be joined: digits run together).
pub fn contact_fields<'a>(c: &'a Contact, account_name: Option<&'a str>) -> Vec<Cow<'a, str>> {
    let mut f: Vec<Cow<'a, str>> = vec![
        Cow::Borrowed(c.given_name.as_str()),
        Cow::Borrowed(c.family_name.as_str()),
        joined(&c.emails),
        Cow::Borrowed(account_name.unwrap_or("")),
        Cow::Borrowed(c.job_title.as_str()),
        Cow::Borrowed(c.address.city.as_str()),
        joined(&c.tags),
    ];
    f.extend(c.phones.iter().map(|p| Cow::Borrowed(p.as_str())));
    f
}

/// An account's searchable fields: 0 name, 1 tax id, 2 website (without scheme and "www."),
/// 3 industry, 4 cities, 5 tags, then one field per phone.
pub fn account_fields(a: &Account) -> Vec<Cow<'_, str>> {
    let site = ["https://", "http://"]
        .iter()
        .fold(a.website.as_str(), |s, p| s.strip_prefix(p).unwrap_or(s));
    let cities: Vec<&str> = a.addresses.iter().map(|ad| ad.city.as_str()).collect();
    let mut f: Vec<Cow<'_, str>> = vec![
        Cow::Borrowed(a.name.as_str()),
        Cow::Borrowed(a.tax_id.as_str()),
        Cow::Borrowed(site.strip_prefix("www.").unwrap_or(site)),
        Cow::Borrowed(a.industry.as_str()),
        Cow::Owned(cities.join(" ")),
        joined(&a.tags),
    ];
    f.extend(a.phones.iter().map(|p| Cow::Borrowed(p.as_str())));
    f
}

fn joined(items: &[String]) -> Cow<'_, str> {
    match items {
        [] => Cow::Borrowed(""),
        [one] => Cow::Borrowed(one.as_str()),
        many => Cow::Owned(many.join(" ")),
    }
}
