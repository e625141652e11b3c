//! The activity form: as typed (a day and a local time), validated, and turned into an activity.

use chrono::{DateTime, FixedOffset, TimeZone, Utc};

use super::super::types::Meta;
use super::activity::{Activity, When};
use super::codes::ActivityKind;
use super::deal_input::{fmt_hm, parse_date, parse_hm};
use super::input::{Check, MAX_NOTES, MAX_SHORT, SalesCode, SalesField, SalesFieldError};
use super::period::local_date;

/// Longest activity, in minutes (a day).
pub const MAX_MINUTES: u32 = 24 * 60;

/// The activity form, every field as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ActivityInput {
    pub kind: ActivityKind,
    pub subject: String,
    /// Empty keeps the current owner (the creator for a new activity).
    pub owner: String,
    pub contact_id: String,
    pub account_id: String,
    pub deal_id: String,
    pub lead_id: String,
    /// "YYYY-MM-DD", or empty for no date.
    pub date: String,
    /// "HH:MM" in the team's time zone, or empty for the whole day.
    pub time: String,
    /// Length in minutes; empty is 0 for tasks and calls, 60 for meetings and visits.
    pub minutes: String,
    pub place: String,
    pub notes: String,
}

/// An activity form that passed validation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidActivity {
    pub kind: ActivityKind,
    pub subject: String,
    pub owner: Option<String>,
    pub contact_id: Option<String>,
    pub account_id: Option<String>,
    pub deal_id: Option<String>,
    pub lead_id: Option<String>,
    pub when: Option<When>,
    pub place: String,
    pub notes: String,
}

/// Validates the activity form; the day and time are read in the team's calendar (`tz`).
pub fn validate_activity(
    input: &ActivityInput,
    tz: FixedOffset,
) -> Result<ValidActivity, Vec<SalesFieldError>> {
    let mut c = Check::default();
    let valid = ValidActivity {
        kind: input.kind,
        subject: c.required(SalesField::Subject, &input.subject, MAX_SHORT),
        owner: c.opt(SalesField::Owner, &input.owner, MAX_SHORT),
        contact_id: c.opt(SalesField::ContactId, &input.contact_id, MAX_SHORT),
        account_id: c.opt(SalesField::AccountId, &input.account_id, MAX_SHORT),
        deal_id: c.opt(SalesField::DealId, &input.deal_id, MAX_SHORT),
        lead_id: c.opt(SalesField::LeadId, &input.lead_id, MAX_SHORT),
        when: when(&mut c, input, tz),
        place: c.text(SalesField::Place, &input.place, MAX_SHORT),
        notes: c.text(SalesField::Notes, &input.notes, MAX_NOTES),
    };
    c.finish(valid)
}

fn when(c: &mut Check, input: &ActivityInput, tz: FixedOffset) -> Option<When> {
    let (date_raw, time_raw) = (input.date.trim(), input.time.trim());
    if date_raw.is_empty() {
        if !time_raw.is_empty() {
            c.push(SalesField::Date, SalesCode::Required);
        }
        return None;
    }
    let Some(date) = parse_date(date_raw) else {
        c.push(SalesField::Date, SalesCode::InvalidDate);
        return None;
    };
    if time_raw.is_empty() {
        return Some(When::Day(date));
    }
    let Some(time) = parse_hm(time_raw) else {
        c.push(SalesField::Time, SalesCode::InvalidTime);
        return None;
    };
    let default = match input.kind {
        ActivityKind::Meeting | ActivityKind::Visit => 60,
        ActivityKind::Task | ActivityKind::Call => 0,
    };
    let minutes = match input.minutes.trim() {
        "" => default,
        m => match m.parse::<u32>().ok().filter(|m| *m <= MAX_MINUTES) {
            Some(m) => m,
            None => {
                c.push(SalesField::Duration, SalesCode::InvalidNumber);
                default
            }
        },
    };
    // A fixed offset maps every local time to exactly one instant.
    let start = tz
        .from_local_datetime(&date.and_time(time))
        .single()?
        .with_timezone(&Utc);
    Some(When::At { start, minutes })
}

/// The form pre-filled for editing `a`, times shown in the team's calendar (`tz`).
pub fn activity_input(a: &Activity, tz: FixedOffset) -> ActivityInput {
    let (date, time, minutes) = match a.when {
        None => (String::new(), String::new(), String::new()),
        Some(When::Day(d)) => (d.to_string(), String::new(), String::new()),
        Some(When::At { start, minutes }) => (
            local_date(start, tz).to_string(),
            fmt_hm(start.with_timezone(&tz).time()),
            minutes.to_string(),
        ),
    };
    let s = |o: &Option<String>| o.clone().unwrap_or_default();
    ActivityInput {
        kind: a.kind,
        subject: a.subject.clone(),
        owner: a.owner.clone(),
        contact_id: s(&a.contact_id),
        account_id: s(&a.account_id),
        deal_id: s(&a.deal_id),
        lead_id: s(&a.lead_id),
        date,
        time,
        minutes,
        place: a.place.clone(),
        notes: a.notes.clone(),
    }
}

/// A new activity from a validated form, created by `user` at `now`; assigned to the form's
/// owner, or to `user`.
pub fn new_activity(v: ValidActivity, id: String, now: DateTime<Utc>, user: &str) -> Activity {
    let owner = v.owner.clone().unwrap_or_else(|| user.to_owned());
    let mut a = with_fields(id, v, owner, Meta::created(now, user));
    a.visit = None;
    a
}

/// `old` changed to the validated form by `user` at `now`; keeps id, creation metadata, done
/// state and the visit log, and the owner when the form leaves it empty.
pub fn update_activity(
    old: &Activity,
    v: ValidActivity,
    now: DateTime<Utc>,
    user: &str,
) -> Activity {
    let owner = v.owner.clone().unwrap_or_else(|| old.owner.clone());
    let mut a = with_fields(old.id.clone(), v, owner, old.meta.touched(now, user));
    a.done_at = old.done_at;
    a.done_by = old.done_by.clone();
    a.visit = old.visit.clone();
    a
}

fn with_fields(id: String, v: ValidActivity, owner: String, meta: Meta) -> Activity {
    Activity {
        id,
        kind: v.kind,
        subject: v.subject,
        owner,
        contact_id: v.contact_id,
        account_id: v.account_id,
        deal_id: v.deal_id,
        lead_id: v.lead_id,
        when: v.when,
        place: v.place,
        done_at: None,
        done_by: String::new(),
        visit: None,
        notes: v.notes,
        meta,
    }
}
