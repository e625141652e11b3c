//! Activities: tasks, calls, meetings and visits, linked to contacts, accounts, deals or leads.

use chrono::{DateTime, NaiveDate, Utc};
use serde_json::Value;

use super::super::DomainError;
use super::super::body::{self, Reader};
use super::super::types::Meta;
use super::ACTIVITY_TYPE;
use super::codes::ActivityKind;
use super::store_ext::{self as ext, Obj};
use super::visit::{VisitLog, read_visit, visit_body};
use crate::store::{Body, Doc};

/// When an activity is due or happens.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum When {
    /// Some time during a day of the team's calendar (a task due Friday).
    Day(NaiveDate),
    /// At an instant, for `minutes` (a meeting at 10:00 for 45 minutes; 0 for a deadline).
    At { start: DateTime<Utc>, minutes: u32 },
}

/// A record an activity belongs to (the activity timeline of each record lists them).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RecordRef<'a> {
    Contact(&'a str),
    Account(&'a str),
    Deal(&'a str),
    Lead(&'a str),
}

impl<'a> RecordRef<'a> {
    /// The record `kind` names ("contact", "account", "deal", "lead"; the activity form's
    /// query keys); `None` for any other kind.
    pub fn from_code(kind: &str, id: &'a str) -> Option<Self> {
        Some(match kind {
            "contact" => Self::Contact(id),
            "account" => Self::Account(id),
            "deal" => Self::Deal(id),
            "lead" => Self::Lead(id),
            _ => return None,
        })
    }

    /// The kind's code (see [`RecordRef::from_code`]).
    pub fn code(self) -> &'static str {
        match self {
            Self::Contact(_) => "contact",
            Self::Account(_) => "account",
            Self::Deal(_) => "deal",
            Self::Lead(_) => "lead",
        }
    }

    pub fn id(self) -> &'a str {
        match self {
            Self::Contact(id) | Self::Account(id) | Self::Deal(id) | Self::Lead(id) => id,
        }
    }
}

/// A task, call, meeting or visit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Activity {
    pub id: String,
    pub kind: ActivityKind,
    pub subject: String,
    /// The rep who has to do it.
    pub owner: String,
    pub contact_id: Option<String>,
    pub account_id: Option<String>,
    pub deal_id: Option<String>,
    pub lead_id: Option<String>,
    /// `None`: no date (a to-do for some time).
    pub when: Option<When>,
    /// Where (a visit's or meeting's address), as typed.
    pub place: String,
    pub done_at: Option<DateTime<Utc>>,
    pub done_by: String,
    /// Check-in/out, outcome and expenses; visits only.
    pub visit: Option<VisitLog>,
    pub notes: String,
    pub meta: Meta,
}

impl Activity {
    pub fn is_done(&self) -> bool {
        self.done_at.is_some()
    }

    /// True when the activity is linked to `record`.
    pub fn links(&self, record: RecordRef) -> bool {
        let is = |v: &Option<String>, id: &str| v.as_deref() == Some(id);
        match record {
            RecordRef::Contact(id) => is(&self.contact_id, id),
            RecordRef::Account(id) => is(&self.account_id, id),
            RecordRef::Deal(id) => is(&self.deal_id, id),
            RecordRef::Lead(id) => is(&self.lead_id, id),
        }
    }

    /// The instant the activity sorts at on a timeline: its start, the start of its day
    /// (UTC), or (undated) when it was done or created.
    pub fn timeline_at(&self) -> DateTime<Utc> {
        match self.when {
            Some(When::At { start, .. }) => start,
            Some(When::Day(d)) => d.and_time(chrono::NaiveTime::MIN).and_utc(),
            None => self.done_at.unwrap_or(self.meta.created_at),
        }
    }

    /// The document body: `type: "activity"`, `owner`, `account_id` when linked, metadata,
    /// `kind`, `due_date: "YYYY-MM-DD"` or `start` + `minutes`, `done_at`, and `visit`.
    pub fn to_body(&self) -> Body {
        let mut m = body::header(ACTIVITY_TYPE, &self.owner, &self.meta);
        m.insert("kind".into(), body::string(self.kind.code()));
        m.insert("subject".into(), body::string(&self.subject));
        ext::put_opt(&mut m, "contact_id", self.contact_id.as_deref());
        ext::put_opt(&mut m, "account_id", self.account_id.as_deref());
        ext::put_opt(&mut m, "deal_id", self.deal_id.as_deref());
        ext::put_opt(&mut m, "lead_id", self.lead_id.as_deref());
        match self.when {
            Some(When::Day(d)) => {
                m.insert("due_date".into(), ext::date(d));
            }
            Some(When::At { start, minutes }) => {
                m.insert("start".into(), body::timestamp(&start));
                m.insert("minutes".into(), minutes.into());
            }
            None => {}
        }
        m.insert("place".into(), body::string(&self.place));
        if let Some(t) = &self.done_at {
            m.insert("done_at".into(), body::timestamp(t));
            m.insert("done_by".into(), body::string(&self.done_by));
        }
        if let Some(v) = &self.visit {
            m.insert("visit".into(), Value::Object(visit_body(v)));
        }
        m.insert("notes".into(), body::string(&self.notes));
        m
    }

    /// Reads a stored activity; never panics. A `start` wins over a `due_date`.
    pub fn from_doc(doc: &Doc) -> Result<Self, DomainError> {
        body::check_doc(doc, ACTIVITY_TYPE)?;
        let r = Reader::new(doc);
        let o = Obj::new(&doc.id, &doc.body);
        let when = match (r.timestamp("start")?, o.date("due_date")?) {
            (Some(start), _) => Some(When::At {
                start,
                minutes: o.u32("minutes")?,
            }),
            (None, Some(d)) => Some(When::Day(d)),
            (None, None) => None,
        };
        Ok(Self {
            id: doc.id.clone(),
            kind: o.code("kind")?.unwrap_or_default(),
            subject: r.string("subject")?,
            owner: r.string("owner")?,
            contact_id: r.opt_string("contact_id")?,
            account_id: r.opt_string("account_id")?,
            deal_id: r.opt_string("deal_id")?,
            lead_id: r.opt_string("lead_id")?,
            when,
            place: r.string("place")?,
            done_at: r.timestamp("done_at")?,
            done_by: r.string("done_by")?,
            visit: o.object("visit", read_visit)?,
            notes: r.string("notes")?,
            meta: r.meta()?,
        })
    }
}

/// `a` marked done by `user` at `now` (`done: true`) or not done again (`false`).
pub fn set_done(a: &Activity, done: bool, now: DateTime<Utc>, user: &str) -> Activity {
    let mut out = a.clone();
    out.meta = a.meta.touched(now, user);
    (out.done_at, out.done_by) = match done {
        true => (Some(now), user.to_owned()),
        false => (None, String::new()),
    };
    out
}
