//! The lead being typed: one signal per visible box, plus what a paste filled that has no box
//! (street, country, tax id, further phones and emails), so nothing pasted is lost.

use cartera_core::domain::AddressPart;
use cartera_core::domain::leads::{LeadField, LeadInput};
use leptos::prelude::*;

/// The element id of the box that edits `field` (to focus the first invalid one).
pub fn field_id(field: LeadField) -> &'static str {
    match field {
        LeadField::NameOrCompany | LeadField::GivenName => "lead-given",
        LeadField::FamilyName => "lead-family",
        LeadField::Company => "lead-company",
        LeadField::PhoneOrEmail | LeadField::Phone(_) => "lead-phone",
        LeadField::Email(_) => "lead-email",
        LeadField::Interest => "lead-interest",
        LeadField::Source => "lead-source",
        LeadField::Address(AddressPart::PostalCode) => "lead-postal",
        LeadField::Address(AddressPart::City) => "lead-city",
        LeadField::Address(_) => "lead-region",
        LeadField::JobTitle => "lead-job",
        LeadField::Industry => "lead-industry",
        LeadField::CompanySize => "lead-size",
        LeadField::Website => "lead-website",
        LeadField::TaxId | LeadField::Owner | LeadField::Tags | LeadField::Notes => "lead-note",
    }
}

/// The capture form's values; `Copy`.
#[derive(Clone, Copy)]
pub struct Draft {
    pub given: RwSignal<String>,
    pub family: RwSignal<String>,
    pub company: RwSignal<String>,
    pub phone: RwSignal<String>,
    pub email: RwSignal<String>,
    pub interest: RwSignal<String>,
    pub source: RwSignal<String>,
    pub region: RwSignal<String>,
    pub note: RwSignal<String>,
    pub job_title: RwSignal<String>,
    pub industry: RwSignal<String>,
    pub size: RwSignal<String>,
    pub postal: RwSignal<String>,
    pub city: RwSignal<String>,
    pub website: RwSignal<String>,
    /// The last paste, for the values without a box.
    extra: RwSignal<LeadInput>,
}

impl Draft {
    pub fn new() -> Self {
        let s = || RwSignal::new(String::new());
        Self {
            given: s(),
            family: s(),
            company: s(),
            phone: s(),
            email: s(),
            interest: s(),
            source: RwSignal::new("other".into()),
            region: s(),
            note: s(),
            job_title: s(),
            industry: s(),
            size: s(),
            postal: s(),
            city: s(),
            website: s(),
            extra: RwSignal::new(LeadInput::default()),
        }
    }

    /// The form as typed; reactive.
    pub fn input(&self) -> LeadInput {
        let mut i = self.extra.get();
        let first_and_rest = |first: String, all: &[String]| {
            let mut v = vec![first];
            v.extend(all.iter().skip(1).cloned());
            v
        };
        i.emails = first_and_rest(self.email.get(), &i.emails);
        i.phones = first_and_rest(self.phone.get(), &i.phones);
        i.given_name = self.given.get();
        i.family_name = self.family.get();
        i.company = self.company.get();
        i.interest = self.interest.get();
        i.source = self.source.get();
        i.address.region = self.region.get();
        i.address.postal_code = self.postal.get();
        i.address.city = self.city.get();
        i.notes = self.note.get();
        i.job_title = self.job_title.get();
        i.industry = self.industry.get();
        i.company_size = self.size.get();
        i.website = self.website.get();
        i
    }

    /// Puts a pasted card into the boxes (boxes the card leaves empty keep what was typed).
    pub fn fill(&self, i: LeadInput) {
        let put = |sig: RwSignal<String>, v: &str| {
            if !v.trim().is_empty() {
                sig.set(v.to_owned());
            }
        };
        put(self.given, &i.given_name);
        put(self.family, &i.family_name);
        put(self.company, &i.company);
        put(self.phone, i.phones.first().map_or("", String::as_str));
        put(self.email, i.emails.first().map_or("", String::as_str));
        put(self.interest, &i.interest);
        put(self.source, &i.source);
        put(self.region, &i.address.region);
        put(self.postal, &i.address.postal_code);
        put(self.city, &i.address.city);
        put(self.note, &i.notes);
        put(self.job_title, &i.job_title);
        put(self.industry, &i.industry);
        put(self.size, &i.company_size);
        put(self.website, &i.website);
        self.extra.set(i);
    }

    /// Empties every box, for the next capture.
    pub fn clear(&self) {
        for s in [
            self.given,
            self.family,
            self.company,
            self.phone,
            self.email,
            self.interest,
            self.region,
            self.note,
            self.job_title,
            self.industry,
            self.size,
            self.postal,
            self.city,
            self.website,
        ] {
            s.set(String::new());
        }
        self.source.set("other".into());
        self.extra.set(LeadInput::default());
    }
}

impl Default for Draft {
    fn default() -> Self {
        Self::new()
    }
}
