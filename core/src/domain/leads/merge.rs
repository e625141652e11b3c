//! Merging two leads that are the same person, keeping everything both knew.

use crate::sort;
use chrono::{DateTime, Utc};

use super::super::types::Meta;
use super::lead::{Lead, LeadSource, LeadStatus, MergedField, MergedValue};
use crate::search::normalize;

/// Collects the other lead's values that lose to the primary's.
struct Merger<'a> {
    other_id: &'a str,
    superseded: Vec<MergedValue>,
}

impl Merger<'_> {
    /// The primary's value when it has one, else the other's; a different other value is
    /// kept as superseded (accents and case ignored when comparing).
    fn pick(&mut self, field: MergedField, primary: &str, other: &str) -> String {
        let (p, o) = (primary.trim(), other.trim());
        if p.is_empty() {
            return o.to_owned();
        }
        if !o.is_empty() && normalize(p) != normalize(o) {
            self.superseded.push(MergedValue {
                field,
                value: o.to_owned(),
                from: self.other_id.to_owned(),
            });
        }
        p.to_owned()
    }
}

/// Union in order: the primary's values, then the other's new ones (case-insensitive).
fn union(primary: &[String], other: &[String]) -> Vec<String> {
    let mut out = primary.to_vec();
    for v in other {
        if !out.iter().any(|x| x.to_lowercase() == v.to_lowercase()) {
            out.push(v.clone());
        }
    }
    out
}

/// How far along a lead is, to keep the furthest status of the two.
fn progress(s: LeadStatus) -> u8 {
    match s {
        LeadStatus::Disqualified => 0,
        LeadStatus::New => 1,
        LeadStatus::Contacted => 2,
        LeadStatus::Qualified => 3,
        LeadStatus::Converted => 4,
    }
}

/// `other` merged into `primary` by `user` at `now`. Nothing is lost: lists (emails, phones,
/// interest, tags) are united; single values are the primary's when it has one, and the
/// other's differing values are kept in `merged_values`; notes are joined; the furthest
/// status, the earliest creation, both reassignment logs (in time order) and both merge
/// histories are kept, with `other` added to `merged_from`. The score is the primary's until
/// the caller rescores. The caller deletes `other` afterwards.
pub fn merge_leads(primary: &Lead, other: &Lead, now: DateTime<Utc>, user: &str) -> Lead {
    let mut m = Merger {
        other_id: &other.id,
        superseded: Vec::new(),
    };
    let (pa, oa) = (&primary.address, &other.address);
    let mut out = Lead {
        given_name: m.pick(
            MergedField::GivenName,
            &primary.given_name,
            &other.given_name,
        ),
        family_name: m.pick(
            MergedField::FamilyName,
            &primary.family_name,
            &other.family_name,
        ),
        company: m.pick(MergedField::Company, &primary.company, &other.company),
        job_title: m.pick(MergedField::JobTitle, &primary.job_title, &other.job_title),
        website: m.pick(MergedField::Website, &primary.website, &other.website),
        tax_id: m.pick(MergedField::TaxId, &primary.tax_id, &other.tax_id),
        industry: m.pick(MergedField::Industry, &primary.industry, &other.industry),
        owner: m.pick(MergedField::Owner, &primary.owner, &other.owner),
        emails: union(&primary.emails, &other.emails),
        phones: union(&primary.phones, &other.phones),
        interest: union(&primary.interest, &other.interest),
        tags: union(&primary.tags, &other.tags),
        ..primary.clone()
    };
    out.address.street = m.pick(MergedField::Street, &pa.street, &oa.street);
    out.address.city = m.pick(MergedField::City, &pa.city, &oa.city);
    out.address.region = m.pick(MergedField::Region, &pa.region, &oa.region);
    out.address.postal_code = m.pick(MergedField::PostalCode, &pa.postal_code, &oa.postal_code);
    out.address.country = m.pick(MergedField::Country, &pa.country, &oa.country);
    out.company_size = size(&mut m, primary.company_size, other.company_size);
    out.source = source(&mut m, &primary.source, &other.source);
    keep_histories(&mut out, other);
    out.merged_values
        .extend(other.merged_values.iter().cloned());
    out.merged_values.extend(m.superseded);
    out.meta = merged_meta(&primary.meta, &other.meta, now, user);
    out
}

fn size(m: &mut Merger, primary: Option<u32>, other: Option<u32>) -> Option<u32> {
    let text = |n: Option<u32>| n.map(|n| n.to_string()).unwrap_or_default();
    m.pick(MergedField::CompanySize, &text(primary), &text(other));
    primary.or(other)
}

fn source(m: &mut Merger, primary: &LeadSource, other: &LeadSource) -> LeadSource {
    match (primary, other) {
        (LeadSource::Other, o) => o.clone(),
        (p, LeadSource::Other) => p.clone(),
        (p, o) => {
            m.pick(MergedField::Source, &p.code(), &o.code());
            p.clone()
        }
    }
}

/// Status, routing, conversion, reassignment logs and merge histories of both.
fn keep_histories(out: &mut Lead, other: &Lead) {
    if progress(other.status) > progress(out.status) {
        out.status = other.status;
    }
    if out.routing.is_none() {
        out.routing = other.routing.clone();
    }
    if out.converted.is_none() {
        out.converted = other.converted.clone();
    }
    out.reassignments
        .extend(other.reassignments.iter().cloned());
    sort::sort_by_key(&mut out.reassignments, |r| r.at);
    out.merged_from.extend(other.merged_from.iter().cloned());
    out.merged_from.push(other.id.clone());
    out.merged_from.retain(|id| *id != out.id);
    sort::sort(&mut out.merged_from);
    out.merged_from.dedup();
    let notes = [out.notes.trim(), other.notes.trim()];
    out.notes = match notes {
        [p, o] if o.is_empty() || p == o => p.to_owned(),
        ["", o] => o.to_owned(),
        [p, o] => format!("{p}\n\n{o}"),
    };
}

/// Created when and by whom the older of the two was; changed now by `user`.
fn merged_meta(primary: &Meta, other: &Meta, now: DateTime<Utc>, user: &str) -> Meta {
    let first = if other.created_at < primary.created_at {
        other
    } else {
        primary
    };
    Meta {
        created_at: first.created_at,
        created_by: first.created_by.clone(),
        ..first.touched(now, user)
    }
}
