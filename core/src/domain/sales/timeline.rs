//! A record's timeline: what was done or is planned on a contact, account, deal or lead, and
//! what happened to it, newest first.
//!
//! - activities linked to the record; on an account also those linked to its contacts and
//!   deals (the caller passes them as `related`, so deleted contacts and deals, which the
//!   store no longer lists, take their activities with them);
//! - a deal's stage moves and a lead's reassignments (lead merges keep no date, so they are
//!   not on it);
//! - order: newest first by [`Entry::at`]; at the same instant activities before history,
//!   activities by id descending (UUID v7 ids: the later created first) and history entries
//!   the later logged first. Done and open activities are listed alike.

use chrono::{DateTime, Utc};

use super::super::leads::Reassignment;
use super::activity::{Activity, RecordRef};
use super::deal::StageChange;
use crate::sort;

/// One line of a timeline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Entry<'a> {
    Activity(&'a Activity),
    /// A deal's move between stages (or its first stage).
    Stage(&'a StageChange),
    /// A lead's change of owner.
    Reassigned(&'a Reassignment),
}

impl Entry<'_> {
    /// The instant the entry sorts at: an activity's [`Activity::timeline_at`], or when the
    /// change was made.
    pub fn at(&self) -> DateTime<Utc> {
        match self {
            Entry::Activity(a) => a.timeline_at(),
            Entry::Stage(c) => c.at,
            Entry::Reassigned(r) => r.at,
        }
    }

    fn rank_and_id(&self) -> (u8, &str) {
        match self {
            Entry::Activity(a) => (0, &a.id),
            _ => (1, ""),
        }
    }
}

/// A record's own history: a deal's stage moves or a lead's reassignments, oldest first as
/// stored. Empty for contacts and accounts.
#[derive(Clone, Copy, Debug, Default)]
pub struct History<'a> {
    pub stages: &'a [StageChange],
    pub reassignments: &'a [Reassignment],
}

/// The timeline of `record` (see the module docs).
pub fn timeline<'a>(
    record: RecordRef,
    related: &[RecordRef],
    activities: &'a [Activity],
    history: History<'a>,
) -> Vec<Entry<'a>> {
    let linked = |a: &&Activity| a.links(record) || related.iter().any(|r| a.links(*r));
    let mut out: Vec<Entry> = activities
        .iter()
        .filter(linked)
        .map(Entry::Activity)
        .collect();
    out.extend(history.stages.iter().rev().map(Entry::Stage));
    out.extend(history.reassignments.iter().rev().map(Entry::Reassigned));
    sort::sort_by(&mut out, |a, b| {
        let ((ra, ia), (rb, ib)) = (a.rank_and_id(), b.rank_and_id());
        (b.at().cmp(&a.at())).then(ra.cmp(&rb)).then(ib.cmp(ia))
    });
    out
}
