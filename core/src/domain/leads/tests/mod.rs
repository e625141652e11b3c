//! Host tests of leads: what a rep sees after capturing, deduplicating, merging, scoring,
//! routing and converting.

mod capture;
mod convert;
mod dedupe;
mod doc;
mod merge;
mod routing;
mod scoring;
mod scoring_edit;

use chrono::{DateTime, TimeZone, Utc};

use super::*;
use crate::store::{Body, Doc, Rev};

/// An instant in 2026.
fn at(month: u32, day: u32, hour: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, month, day, hour, 0, 0)
        .single()
        .expect("valid date")
}

/// The quick-capture form: name, company, one email and one phone as typed.
fn typed(given: &str, family: &str, company: &str, email: &str, phone: &str) -> LeadInput {
    LeadInput {
        given_name: given.into(),
        family_name: family.into(),
        company: company.into(),
        emails: vec![email.into()],
        phones: vec![phone.into()],
        ..LeadInput::default()
    }
}

/// A lead saved from `input` by "lucia" (phones read as Spanish unless the address says).
fn saved(id: &str, input: LeadInput) -> Lead {
    let valid = validate_lead(&input, "ES").expect("valid lead form");
    new_lead(valid, id.into(), at(3, 1, 9), "lucia")
}

fn doc(id: &str, body: Body) -> Doc {
    Doc {
        id: id.into(),
        rev: "1-abc".parse::<Rev>().expect("rev"),
        deleted: false,
        body,
    }
}
