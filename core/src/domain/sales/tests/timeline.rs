use super::*;
use crate::domain::leads::Reassignment;
use crate::store::{DocStore, Edit, MemoryStore, Query};

fn timed(d: u32, h: u32) -> Option<When> {
    Some(When::At {
        start: at(2026, 3, d, h, 0),
        minutes: 30,
    })
}

/// An activity of Lucía's linked by `set` (e.g. `|a| a.contact_id = ...`).
fn linked(id: &str, when: Option<When>, set: impl Fn(&mut Activity)) -> Activity {
    let mut a = activity(id, ActivityKind::Call, "lucia", when);
    set(&mut a);
    a
}

fn ids(entries: &[Entry]) -> Vec<String> {
    (entries.iter())
        .map(|e| match e {
            Entry::Activity(a) => a.id.clone(),
            Entry::Stage(c) => format!("stage:{}", c.to),
            Entry::Reassigned(r) => format!("owner:{}", r.to),
        })
        .collect()
}

fn of(record: RecordRef, activities: &[Activity]) -> Vec<String> {
    ids(&timeline(record, &[], activities, History::default()))
}

#[test]
fn a_contacts_timeline_lists_its_activities_newest_first() {
    let contact = |a: &mut Activity| a.contact_id = Some("c1".into());
    let all = [
        linked("a", Some(When::Day(day(2026, 3, 1))), contact),
        linked("b", timed(9, 9), contact),
        // Undated: placed at its creation (2026-01-01 08:00).
        linked("c", None, contact),
        linked("d", timed(20, 9), |a| a.contact_id = Some("c2".into())),
        linked("e", timed(5, 9), |a| a.deal_id = Some("c1".into())),
    ];
    assert_eq!(of(RecordRef::Contact("c1"), &all), ["b", "a", "c"]);
    assert_eq!(of(RecordRef::Deal("c1"), &all), ["e"]);
    assert!(of(RecordRef::Lead("c1"), &all).is_empty());
}

#[test]
fn ties_are_broken_the_same_way_every_time() {
    let deal = |a: &mut Activity| a.deal_id = Some("d1".into());
    let (t, later) = (at(2026, 3, 9, 9, 0), at(2026, 3, 10, 9, 0));
    let acts = [
        linked("01-first", timed(9, 9), deal),
        linked("02-second", timed(9, 9), deal),
        linked("03-later", timed(10, 9), deal),
    ];
    let change = |from: Option<&str>, to: &str, at| StageChange {
        from: from.map(Into::into),
        to: to.into(),
        at,
        by: "lucia".into(),
    };
    // Two moves at the very same instant as two calls, and one later.
    let stages = [
        change(None, "lead", t),
        change(Some("lead"), "offer", t),
        change(Some("offer"), "nego", later),
    ];
    let history = History {
        stages: &stages,
        ..History::default()
    };
    let once = timeline(RecordRef::Deal("d1"), &[], &acts, history);
    assert_eq!(
        ids(&once),
        [
            // Same instant: the activity first, then the move.
            "03-later",
            "stage:nego",
            // Activities by id descending, then the later logged move first.
            "02-second",
            "01-first",
            "stage:offer",
            "stage:lead",
        ]
    );
    // Input order does not matter.
    let reversed: Vec<Activity> = acts.iter().rev().cloned().collect();
    assert_eq!(
        ids(&timeline(RecordRef::Deal("d1"), &[], &reversed, history)),
        ids(&once)
    );
}

#[test]
fn an_accounts_timeline_includes_its_contacts_and_deals_activities() {
    let all = [
        linked("own", timed(1, 9), |a| a.account_id = Some("acc".into())),
        linked("by-contact", timed(2, 9), |a| {
            a.contact_id = Some("c1".into())
        }),
        linked("by-deal", timed(3, 9), |a| a.deal_id = Some("d1".into())),
        linked("elsewhere", timed(4, 9), |a| {
            a.contact_id = Some("c9".into())
        }),
        // Linked to the deal and the account at once: listed once.
        linked("both", timed(5, 9), |a| {
            a.deal_id = Some("d1".into());
            a.account_id = Some("acc".into());
        }),
    ];
    let related = [RecordRef::Contact("c1"), RecordRef::Deal("d1")];
    let t = timeline(
        RecordRef::Account("acc"),
        &related,
        &all,
        History::default(),
    );
    assert_eq!(ids(&t), ["both", "by-deal", "by-contact", "own"]);
    // Without the related records only the account's own activities.
    assert_eq!(of(RecordRef::Account("acc"), &all), ["both", "own"]);
}

#[test]
fn done_and_open_activities_are_listed_alike_and_keep_their_place() {
    let contact = |a: &mut Activity| a.contact_id = Some("c1".into());
    let call = linked("call", timed(10, 9), contact);
    let task = linked("task", Some(When::Day(day(2026, 3, 12))), contact);
    let done = set_done(&call, true, at(2026, 3, 10, 9, 30), "lucia");
    let all = [done.clone(), task.clone()];
    let t = timeline(RecordRef::Contact("c1"), &[], &all, History::default());
    assert_eq!(ids(&t), ["task", "call"]);
    let states: Vec<bool> = (t.iter())
        .map(|e| matches!(e, Entry::Activity(a) if a.is_done()))
        .collect();
    assert_eq!(states, [false, true]);
    // Undone again: still there, still in its place, open.
    let undone = set_done(&done, false, at(2026, 3, 10, 9, 31), "lucia");
    let all = [undone, task];
    let t = timeline(RecordRef::Contact("c1"), &[], &all, History::default());
    assert_eq!(ids(&t), ["task", "call"]);
    assert!(matches!(t[1], Entry::Activity(a) if !a.is_done() && a.done_by.is_empty()));
}

#[test]
fn a_leads_reassignments_are_on_its_timeline() {
    let lead = |a: &mut Activity| a.lead_id = Some("l1".into());
    let acts = [linked("call", timed(10, 9), lead)];
    let moved = |to: &str, d| Reassignment {
        from: "ana".into(),
        to: to.into(),
        at: at(2026, 3, d, 12, 0),
        by: "marta".into(),
        reason: String::new(),
    };
    let log = [moved("javier", 2), moved("lucia", 11)];
    let history = History {
        reassignments: &log,
        ..History::default()
    };
    let t = timeline(RecordRef::Lead("l1"), &[], &acts, history);
    assert_eq!(ids(&t), ["owner:lucia", "call", "owner:javier"]);
    assert_eq!(t[0].at(), at(2026, 3, 11, 12, 0));
}

#[test]
fn deleted_activities_and_records_leave_the_timeline() {
    pollster::block_on(async {
        let store = MemoryStore::new();
        let contact = |a: &mut Activity| a.contact_id = Some("c1".into());
        let kept = linked("kept", timed(1, 9), contact);
        let gone = linked("gone", timed(2, 9), contact);
        let edit = |a: &Activity| Edit {
            id: a.id.clone(),
            prev: None,
            deleted: false,
            body: a.to_body(),
        };
        let revs = store
            .bulk_docs(vec![edit(&kept), edit(&gone)])
            .await
            .expect("write");
        let gone_rev = revs[1].clone().expect("written");
        let tomb = Edit {
            prev: Some(gone_rev),
            deleted: true,
            ..edit(&gone)
        };
        let deleted = store.bulk_docs(vec![tomb]).await.expect("delete");
        assert!(deleted[0].is_ok());
        // What the detail pages read: the live activities of the type.
        let docs = store
            .query(&Query::ByType {
                doc_type: ACTIVITY_TYPE.into(),
            })
            .await
            .expect("query");
        let live: Vec<Activity> = docs
            .iter()
            .filter_map(|d| Activity::from_doc(d).ok())
            .collect();
        assert_eq!(of(RecordRef::Contact("c1"), &live), ["kept"]);
    });
    // A contact deleted from the account is no longer passed as related: its activities go.
    let acts = [linked("by-old-contact", timed(3, 9), |a| {
        a.contact_id = Some("c-deleted".into())
    })];
    let related = [RecordRef::Contact("c-live")];
    let t = timeline(
        RecordRef::Account("acc"),
        &related,
        &acts,
        History::default(),
    );
    assert!(t.is_empty());
}

#[test]
fn record_refs_read_the_activity_forms_query_keys() {
    for kind in ["contact", "account", "deal", "lead"] {
        let r = RecordRef::from_code(kind, "x1").expect("known kind");
        assert_eq!((r.code(), r.id()), (kind, "x1"));
    }
    assert_eq!(RecordRef::from_code("visit", "x1"), None);
}
