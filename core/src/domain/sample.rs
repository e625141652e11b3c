//! Deterministic sample data: Spanish and Latin-American accounts and contacts, for demos,
//! tests and the benchmark (which calls it at any size).

use chrono::{DateTime, Utc};

use super::account::Account;
use super::contact::Contact;
use super::sample_rng::Rng;
use super::sample_tables::{
    BRAND_WORDS, COUNTRIES, City, Country, GIVEN_NAMES, INDUSTRIES, JOB_TITLES, NOTES, STREETS,
    SURNAMES, TAGS,
};
use super::tax_id::company_cif;
use super::types::{Address, Meta};
use crate::search::normalize;

/// The reps who own sample records.
pub const SAMPLE_OWNERS: [&str; 6] = ["lucia", "javier", "marta", "diego", "camila", "andres"];

/// Two years, the span the sample records are created over.
const SPAN_MS: u64 = 2 * 365 * 24 * 3600 * 1000;

/// A generated data set; both lists are sorted by id, which is creation order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SampleData {
    pub accounts: Vec<Account>,
    pub contacts: Vec<Contact>,
}

/// `contacts` contacts and one account per five (rounded up), created one after another over
/// the two years before `now`, each account before its contacts; nine contacts in ten belong
/// to an account. The same seed and `now` give the same data, ids (UUID v7) included.
pub fn sample_data(seed: u64, contacts: usize, now: DateTime<Utc>) -> SampleData {
    let n_accounts = contacts.div_ceil(5);
    let mut g = Gen::new(seed, n_accounts + contacts, now);
    let mut out = SampleData {
        accounts: Vec::with_capacity(n_accounts),
        contacts: Vec::with_capacity(contacts),
    };
    let mut places: Vec<Place> = Vec::with_capacity(n_accounts);
    for i in 0..contacts {
        // u64: i * n_accounts overflows a 32-bit usize from about 150k contacts.
        let j = usize::try_from(i as u64 * n_accounts as u64 / contacts as u64).unwrap_or(0);
        while out.accounts.len() <= j {
            let (account, place) = g.account();
            out.accounts.push(account);
            places.push(place);
        }
        let employer = match g.rng.chance(90) {
            true => out.accounts.get(j).zip(places.get(j)),
            false => None,
        };
        let contact = g.contact(employer);
        out.contacts.push(contact);
    }
    out
}

/// Where an account is, and the mail domain its people use.
struct Place {
    country: &'static Country,
    city: &'static City,
    domain: String,
}

struct Gen {
    rng: Rng,
    start_ms: u64,
    step_ms: u64,
    now_ms: u64,
    /// Records created so far.
    made: u64,
}

impl Gen {
    fn new(seed: u64, records: usize, now: DateTime<Utc>) -> Self {
        let now_ms = u64::try_from(now.timestamp_millis()).unwrap_or(0);
        let start_ms = now_ms.saturating_sub(SPAN_MS);
        let step_ms = (SPAN_MS / (records as u64).max(1)).max(1);
        Self {
            rng: Rng(seed),
            start_ms,
            step_ms,
            now_ms,
            made: 0,
        }
    }

    /// The next record's id and metadata: one step of time after the previous record.
    fn stamp(&mut self, owner: &str) -> (String, Meta) {
        let created_ms = self.start_ms + self.made * self.step_ms;
        self.made += 1;
        let mut bytes = [0u8; 10];
        bytes[..8].copy_from_slice(&self.rng.next().to_le_bytes());
        bytes[8..].copy_from_slice(&self.rng.next().to_le_bytes()[..2]);
        let id = uuid::Builder::from_unix_timestamp_millis(created_ms, &bytes)
            .into_uuid()
            .to_string();
        let updated_ms = match self.rng.chance(40) && self.now_ms > created_ms {
            true => created_ms + self.rng.next() % (self.now_ms - created_ms),
            false => created_ms,
        };
        let editor = if updated_ms > created_ms && self.rng.chance(30) {
            self.rng.pick(&SAMPLE_OWNERS)
        } else {
            owner
        };
        let time = |ms: u64| {
            i64::try_from(ms)
                .ok()
                .and_then(DateTime::from_timestamp_millis)
                .unwrap_or_default()
        };
        let meta = Meta {
            created_at: time(created_ms),
            created_by: owner.to_owned(),
            updated_at: time(updated_ms),
            updated_by: editor.to_owned(),
        };
        (id, meta)
    }

    fn country(&mut self) -> &'static Country {
        let total: u64 = COUNTRIES.iter().map(|c| c.weight).sum();
        let mut roll = self.rng.next() % total.max(1);
        for c in COUNTRIES {
            if roll < c.weight {
                return c;
            }
            roll -= c.weight;
        }
        &COUNTRIES[0]
    }

    fn account(&mut self) -> (Account, Place) {
        let country = self.country();
        let city = &country.cities[self.rng.below(country.cities.len())];
        let (industry, trade) = self.rng.pick(INDUSTRIES);
        let (name, base) = self.company_name(country, city, trade);
        let domain = format!("{base}.{}", country.tld);
        let owner = self.rng.pick(&SAMPLE_OWNERS);
        let (id, meta) = self.stamp(owner);
        let mut phones = vec![self.landline(country, city)];
        if self.rng.chance(20) {
            phones.push(self.landline(country, city));
        }
        let account = Account {
            id,
            name,
            tax_id: self.tax_id(country),
            industry: industry.to_owned(),
            addresses: vec![self.address(country, city)],
            phones,
            website: if self.rng.chance(80) {
                format!("https://www.{domain}")
            } else {
                String::new()
            },
            tags: self.tags(3),
            owner: owner.to_owned(),
            notes: self.notes(),
            meta,
        };
        (
            account,
            Place {
                country,
                city,
                domain,
            },
        )
    }

    /// A company name and the base of its domain.
    fn company_name(&mut self, country: &Country, city: &City, trade: &str) -> (String, String) {
        let legal = self.rng.pick(country.legal_forms);
        let brand = self.rng.pick(BRAND_WORDS);
        let surname = self.rng.pick(SURNAMES);
        match self.rng.below(5) {
            0 => (format!("{brand} {trade} {legal}"), slug(&[brand, trade])),
            1 => (
                format!("{trade} {surname} {legal}"),
                slug(&[trade, surname]),
            ),
            2 => (format!("Grupo {brand}"), slug(&["grupo", brand])),
            3 => {
                let other = self.rng.pick(SURNAMES);
                (
                    format!("{surname} y {other} {legal}"),
                    slug(&[surname, other]),
                )
            }
            _ => (
                format!("{trade} {} {legal}", city.name),
                slug(&[trade, city.name]),
            ),
        }
    }

    fn tax_id(&mut self, country: &Country) -> String {
        let n = self.rng.next();
        match country.iso {
            "ES" => company_cif(if n.is_multiple_of(3) { 'A' } else { 'B' }, (n >> 8) as u32),
            "MX" => format!("{}{}", self.rng.fill("@@@"), self.rng.fill("######@@#")),
            "CO" => format!("900{}", self.rng.digits(7)),
            "AR" => format!("30{}", self.rng.digits(9)),
            "CL" => format!(
                "76{}{}",
                self.rng.digits(6),
                if n % 11 == 10 {
                    "K".into()
                } else {
                    self.rng.digits(1)
                }
            ),
            _ => format!("20{}", self.rng.digits(9)),
        }
    }

    fn address(&mut self, country: &Country, city: &City) -> Address {
        Address {
            street: format!("{} {}", self.rng.pick(STREETS), 1 + self.rng.below(200)),
            city: city.name.to_owned(),
            region: city.region.to_owned(),
            postal_code: self.rng.fill(city.postal),
            country: country.iso.to_owned(),
        }
    }

    fn landline(&mut self, country: &Country, city: &City) -> String {
        let rest = self
            .rng
            .digits(country.landline_len.saturating_sub(city.area.len()));
        format!("+{}{}{rest}", country.code, city.area)
    }

    fn mobile(&mut self, country: &Country, city: &City) -> String {
        let national = match country.iso {
            "ES" => format!("6{}", self.rng.digits(8)),
            "MX" => format!("{}{}", city.area, self.rng.digits(10 - city.area.len())),
            "CO" => format!("3{}{}", self.rng.below(3), self.rng.digits(8)),
            "AR" => format!("9{}{}", city.area, self.rng.digits(10 - city.area.len())),
            _ => format!("9{}", self.rng.digits(8)),
        };
        format!("+{}{national}", country.code)
    }

    fn tags(&mut self, max: usize) -> Vec<String> {
        let mut tags: Vec<String> = Vec::new();
        for _ in 0..self.rng.below(max + 1) {
            let tag = self.rng.pick(TAGS);
            if !tags.iter().any(|t| t == tag) {
                tags.push(tag.to_owned());
            }
        }
        tags
    }

    fn notes(&mut self) -> String {
        if self.rng.chance(15) {
            self.rng.pick(NOTES).to_owned()
        } else {
            String::new()
        }
    }

    fn contact(&mut self, employer: Option<(&Account, &Place)>) -> Contact {
        let given = self.rng.pick(GIVEN_NAMES);
        let surname = self.rng.pick(SURNAMES);
        let family_name = match self.rng.chance(60) {
            true => format!("{surname} {}", self.rng.pick(SURNAMES)),
            false => surname.to_owned(),
        };
        let (country, city) = match employer {
            Some((_, p)) => (p.country, p.city),
            None => {
                let c = self.country();
                (c, &c.cities[self.rng.below(c.cities.len())])
            }
        };
        let owner = match employer {
            Some((a, _)) if self.rng.chance(85) => a.owner.clone(),
            _ => self.rng.pick(&SAMPLE_OWNERS).to_owned(),
        };
        let (id, meta) = self.stamp(&owner);
        Contact {
            id,
            given_name: given.to_owned(),
            family_name,
            emails: self.emails(
                given,
                surname,
                country,
                employer.map(|(_, p)| p.domain.as_str()),
            ),
            phones: self.phones(country, city, employer.is_some()),
            job_title: self.job_title(employer.is_some()),
            account_id: employer.map(|(a, _)| a.id.clone()),
            address: self.address(country, city),
            tags: self.tags(2),
            owner,
            notes: self.notes(),
            meta,
        }
    }

    fn emails(
        &mut self,
        given: &str,
        surname: &str,
        country: &Country,
        work: Option<&str>,
    ) -> Vec<String> {
        let (g, s) = (slug(&[given]), slug(&[surname]));
        let local = match self.rng.below(3) {
            0 => format!("{g}.{s}"),
            1 => format!("{}{s}", g.get(..1).unwrap_or("x")),
            _ => format!("{g}{s}{}", self.rng.digits(2)),
        };
        let mut emails = Vec::with_capacity(2);
        if self.rng.chance(95) {
            let domain = work.map_or_else(
                || self.rng.pick(country.mail_domains).to_owned(),
                str::to_owned,
            );
            emails.push(format!("{local}@{domain}"));
        }
        if work.is_some() && self.rng.chance(10) {
            emails.push(format!("{g}.{s}@{}", self.rng.pick(country.mail_domains)));
        }
        emails.dedup();
        emails
    }

    fn phones(&mut self, country: &Country, city: &City, works: bool) -> Vec<String> {
        let mut phones = Vec::with_capacity(2);
        if self.rng.chance(90) {
            phones.push(self.mobile(country, city));
        }
        if works && self.rng.chance(30) {
            phones.push(self.landline(country, city));
        }
        phones.dedup();
        phones
    }

    fn job_title(&mut self, works: bool) -> String {
        if self.rng.chance(if works { 95 } else { 40 }) {
            self.rng.pick(JOB_TITLES).to_owned()
        } else {
            String::new()
        }
    }
}

/// Lower-case ASCII letters and digits of `parts`, joined ("Núñez", "del Sur" → "nunezdelsur").
fn slug(parts: &[&str]) -> String {
    let folded: String = parts.iter().map(|p| normalize(p)).collect();
    folded.chars().filter(char::is_ascii_alphanumeric).collect()
}
