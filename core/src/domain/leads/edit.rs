//! Making and changing leads: from the form, by status, by hand-over to another rep.

use chrono::{DateTime, Utc};
use thiserror::Error;

use super::super::types::Meta;
use super::input::ValidLead;
use super::lead::{Lead, LeadStatus, Reassignment};
use super::scoring::Score;

/// Why a lead's status cannot change.
#[derive(Clone, Copy, Debug, Error, PartialEq, Eq, Hash)]
pub enum StatusError {
    /// A lead becomes converted only by converting it (which creates the contact).
    #[error("convert the lead instead")]
    UseConversion,
    /// A converted lead lives on as its contact; it does not go back.
    #[error("the lead is already converted")]
    AlreadyConverted,
}

impl StatusError {
    /// Status errors never go away by retrying.
    pub fn is_retryable(&self) -> bool {
        false
    }
}

/// A new lead from a validated form, created by `user` at `now`: status new, score zero, not
/// yet routed, owned by the form's owner or by `user`.
pub fn new_lead(valid: ValidLead, id: String, now: DateTime<Utc>, user: &str) -> Lead {
    let owner = valid.owner.clone().unwrap_or_else(|| user.to_owned());
    Lead {
        id,
        given_name: valid.given_name,
        family_name: valid.family_name,
        company: valid.company,
        emails: valid.emails,
        phones: valid.phones,
        job_title: valid.job_title,
        website: valid.website,
        tax_id: valid.tax_id,
        address: valid.address,
        industry: valid.industry,
        company_size: valid.company_size,
        interest: valid.interest,
        source: valid.source,
        status: LeadStatus::New,
        owner,
        score: Score::default(),
        routing: None,
        reassignments: Vec::new(),
        merged_from: Vec::new(),
        merged_values: Vec::new(),
        converted: None,
        tags: valid.tags,
        notes: valid.notes,
        meta: Meta::created(now, user),
    }
}

/// `old` changed to the validated form by `user` at `now`. Keeps the id, status, score,
/// routing, logs and creation metadata; a new owner typed in the form is logged as a
/// reassignment (without a reason).
pub fn update_lead(old: &Lead, valid: ValidLead, now: DateTime<Utc>, user: &str) -> Lead {
    let base = match valid.owner.as_deref() {
        Some(to) if to != old.owner => reassign(old, to, now, user, ""),
        _ => old.clone(),
    };
    let fresh = new_lead(valid, old.id.clone(), now, user);
    Lead {
        owner: base.owner.clone(),
        meta: old.meta.touched(now, user),
        status: base.status,
        score: base.score,
        routing: base.routing,
        reassignments: base.reassignments,
        merged_from: base.merged_from,
        merged_values: base.merged_values,
        converted: base.converted,
        ..fresh
    }
}

/// `lead` moved to `status` by `user` at `now`.
pub fn set_status(
    lead: &Lead,
    status: LeadStatus,
    now: DateTime<Utc>,
    user: &str,
) -> Result<Lead, StatusError> {
    if lead.status == LeadStatus::Converted {
        return Err(StatusError::AlreadyConverted);
    }
    if status == LeadStatus::Converted {
        return Err(StatusError::UseConversion);
    }
    Ok(Lead {
        status,
        meta: lead.meta.touched(now, user),
        ..lead.clone()
    })
}

/// `lead` handed to `to` by `by` at `at`, with the change logged (a no-op when `to` already
/// owns it).
pub fn reassign(lead: &Lead, to: &str, at: DateTime<Utc>, by: &str, reason: &str) -> Lead {
    if lead.owner == to {
        return lead.clone();
    }
    let mut out = lead.clone();
    out.reassignments.push(Reassignment {
        from: lead.owner.clone(),
        to: to.to_owned(),
        at,
        by: by.to_owned(),
        reason: reason.trim().to_owned(),
    });
    out.owner = to.to_owned();
    out.meta = lead.meta.touched(at, by);
    out
}
