use serde_json::{Value, json};

use super::*;

/// A store reduced to what the planners see, to chain batches.
#[derive(Default)]
struct State {
    records: HashMap<String, DocRecord>,
    bodies: LeafBodies,
    seq: Seq,
}

impl State {
    fn edits(&mut self, edits: Vec<Edit>) -> WritePlan {
        let plan = plan_edits(&self.records, &self.prefetch(), edits, self.seq);
        self.apply(&plan);
        plan
    }

    fn replicated(&mut self, docs: Vec<ReplicatedDoc>) -> WritePlan {
        let plan = plan_replicated(&self.records, &self.prefetch(), docs, self.seq);
        self.apply(&plan);
        plan
    }

    fn prefetch(&self) -> LeafBodies {
        let needed = needed_leaf_bodies(&self.records);
        needed
            .into_iter()
            .filter_map(|k| self.bodies.get(&k).map(|d| (k, d.clone())))
            .collect()
    }

    fn apply(&mut self, plan: &WritePlan) {
        for r in &plan.records {
            self.records.insert(r.id.clone(), r.clone());
        }
        for d in &plan.put_bodies {
            self.bodies.insert((d.id.clone(), d.rev.clone()), d.clone());
        }
        for k in &plan.delete_bodies {
            self.bodies.remove(k);
        }
        self.seq = plan.last_seq;
    }

    fn record(&self, id: &str) -> &DocRecord {
        &self.records[id]
    }
}

fn body(v: Value) -> Body {
    match v {
        Value::Object(m) => m,
        _ => panic!("test bodies are objects"),
    }
}

fn edit(id: &str, prev: Option<&Rev>, deleted: bool, b: Value) -> Edit {
    Edit {
        id: id.into(),
        prev: prev.cloned(),
        deleted,
        body: body(b),
    }
}

fn rev(s: &str) -> Rev {
    s.parse().unwrap()
}

fn replicated(id: &str, r: &str, ancestry: &[&str], deleted: bool, b: Value) -> ReplicatedDoc {
    let doc = Doc {
        id: id.into(),
        rev: rev(r),
        deleted,
        body: body(b),
    };
    ReplicatedDoc {
        doc,
        ancestry: ancestry.iter().map(|h| (*h).to_owned()).collect(),
    }
}

/// A document with two branches, 2-b (body "B") and 2-c (body "C", the winner).
fn conflicted() -> State {
    let mut s = State::default();
    s.replicated(vec![
        replicated("d", "2-b", &["b", "a"], false, json!({"v": "B"})),
        replicated("d", "2-c", &["c", "a"], false, json!({"v": "C"})),
    ]);
    s
}

#[test]
fn create_keeps_the_body_inline_and_indexes_it() {
    let mut s = State {
        seq: 7,
        ..State::default()
    };
    let b = json!({"type": "contact", "owner": "ana", "account_id": "acme", "updated_at": "2025-01-01T00:00:00Z"});
    let plan = s.edits(vec![edit("c1", None, false, b.clone())]);
    let expected = Rev::next(None, false, &body(b.clone()));
    assert_eq!(plan.results, vec![Ok(expected.clone())]);
    assert_eq!(plan.last_seq, 8);
    let r = s.record("c1");
    assert_eq!((r.seq, &r.winner, r.deleted), (8, &expected, false));
    assert_eq!(r.body, body(b));
    assert_eq!(r.index.doc_type.as_deref(), Some("contact"));
    assert_eq!(r.index.owner.as_deref(), Some("ana"));
    assert_eq!(r.index.account.as_deref(), Some("acme"));
    assert!(
        plan.put_bodies.is_empty() && plan.delete_bodies.is_empty(),
        "a single leaf has no side body"
    );
}

#[test]
fn refused_edits_do_not_stop_the_others() {
    let mut s = State::default();
    let first = s
        .edits(vec![edit("a", None, false, json!({"n": 1}))])
        .results[0]
        .clone()
        .unwrap();
    let plan = s.edits(vec![
        edit("", None, false, json!({})),
        edit("_design/x", None, false, json!({})),
        edit("b", None, false, json!({"_secret": 1})),
        edit("a", None, false, json!({"n": 2})),
        edit("a", Some(&rev("1-stale")), false, json!({"n": 2})),
        edit("b", None, false, json!({"n": 3})),
    ]);
    let errors: Vec<_> = plan.results[..5]
        .iter()
        .map(|r| r.clone().unwrap_err())
        .collect();
    assert_eq!(
        errors,
        vec![
            WriteError::InvalidId,
            WriteError::InvalidId,
            WriteError::ReservedField,
            WriteError::Conflict,
            WriteError::Conflict
        ]
    );
    assert!(plan.results[5].is_ok(), "the valid edit of b still applies");
    assert_eq!(plan.records.len(), 1, "only b was written");
    assert_eq!(s.record("a").winner, first, "a is unchanged");
    assert_eq!(plan.last_seq, 2);
}

#[test]
fn edits_of_one_id_apply_in_order_and_write_one_record() {
    let mut s = State::default();
    let r1 = Rev::next(None, false, &body(json!({"n": 1})));
    let plan = s.edits(vec![
        edit("a", None, false, json!({"n": 1})),
        edit("a", Some(&r1), false, json!({"n": 2})),
    ]);
    assert_eq!(plan.records.len(), 1);
    assert_eq!(plan.records[0].winner.pos, 2);
    assert_eq!(plan.records[0].body, body(json!({"n": 2})));
    assert_eq!(plan.records[0].seq, 2, "each applied edit takes a sequence");
    assert_eq!(plan.last_seq, 2);
}

#[test]
fn a_deleted_document_can_be_recreated_without_a_rev() {
    let mut s = State::default();
    let r1 = s
        .edits(vec![edit("a", None, false, json!({"n": 1}))])
        .results[0]
        .clone()
        .unwrap();
    let r2 = s.edits(vec![edit("a", Some(&r1), true, json!({}))]).results[0]
        .clone()
        .unwrap();
    assert!(s.record("a").deleted);
    assert_eq!(
        s.record("a").index,
        IndexEntries::default(),
        "a deleted document is in no index"
    );
    let r3 = s
        .edits(vec![edit("a", None, false, json!({"n": 3}))])
        .results[0]
        .clone()
        .unwrap();
    assert_eq!(
        r3,
        Rev::next(Some(&r2), false, &body(json!({"n": 3}))),
        "continues the deleted leaf"
    );
    assert!(!s.record("a").deleted);
    assert_eq!(s.record("a").tree.leaves().len(), 1);
}

#[test]
fn needed_leaf_bodies_lists_losers_of_conflicted_documents_only() {
    let mut s = conflicted();
    s.edits(vec![edit("single", None, false, json!({}))]);
    assert_eq!(
        needed_leaf_bodies(&s.records),
        vec![("d".to_owned(), rev("2-b"))]
    );
    assert_eq!(s.bodies.len(), 1, "the losing leaf body is kept aside");
    assert_eq!(
        s.record("d").body,
        body(json!({"v": "C"})),
        "the winner body is inline"
    );
}

#[test]
fn deleting_the_winner_promotes_the_other_branch() {
    let mut s = conflicted();
    let plan = s.edits(vec![edit("d", Some(&rev("2-c")), true, json!({}))]);
    let deletion = plan.results[0].clone().unwrap();
    let r = s.record("d");
    assert_eq!((&r.winner, r.deleted), (&rev("2-b"), false));
    assert_eq!(
        r.body,
        body(json!({"v": "B"})),
        "the new winner's body moved inline"
    );
    assert_eq!(plan.delete_bodies, vec![("d".to_owned(), rev("2-b"))]);
    let put: Vec<_> = plan
        .put_bodies
        .iter()
        .map(|d| (&d.rev, d.deleted))
        .collect();
    assert_eq!(
        put,
        vec![(&deletion, true)],
        "the deleted leaf is kept aside"
    );
}

#[test]
fn deleting_the_losing_leaf_resolves_the_conflict() {
    let mut s = conflicted();
    let plan = s.edits(vec![edit("d", Some(&rev("2-b")), true, json!({}))]);
    assert!(plan.results[0].is_ok());
    let r = s.record("d");
    assert_eq!(r.winner, rev("2-c"));
    assert!(r.tree.conflicts().is_empty());
    assert_eq!(plan.delete_bodies, vec![("d".to_owned(), rev("2-b"))]);
    assert_eq!(plan.put_bodies.len(), 1, "the deletion leaf is kept");
}

#[test]
fn a_losing_leaf_may_only_be_deleted() {
    let mut s = conflicted();
    let plan = s.edits(vec![edit(
        "d",
        Some(&rev("2-b")),
        false,
        json!({"v": "B2"}),
    )]);
    assert_eq!(plan.results, vec![Err(WriteError::Conflict)]);
    assert!(plan.records.is_empty());
    let plan = s.edits(vec![edit("d", Some(&rev("1-a")), true, json!({}))]);
    assert_eq!(
        plan.results,
        vec![Err(WriteError::Conflict)],
        "an inner revision is not a leaf"
    );
}

#[test]
fn replicating_a_known_revision_changes_nothing() {
    let mut s = conflicted();
    let before = s.record("d").clone();
    let plan = s.replicated(vec![
        replicated("d", "2-b", &["b", "a"], false, json!({"v": "B"})),
        replicated("d", "1-a", &["a"], false, json!({})),
    ]);
    assert_eq!(plan.results, vec![Ok(rev("2-b")), Ok(rev("1-a"))]);
    assert!(plan.records.is_empty() && plan.put_bodies.is_empty() && plan.delete_bodies.is_empty());
    assert_eq!(plan.last_seq, 2, "no new sequence");
    assert_eq!(s.record("d"), &before);
}

#[test]
fn replicated_branch_that_wins_moves_the_old_winner_aside() {
    let mut s = conflicted();
    let plan = s.replicated(vec![replicated(
        "d",
        "3-e",
        &["e", "b", "a"],
        false,
        json!({"v": "E"}),
    )]);
    let r = s.record("d");
    assert_eq!(r.winner, rev("3-e"));
    assert_eq!(r.body, body(json!({"v": "E"})));
    assert_eq!(r.seq, 3);
    assert_eq!(
        plan.delete_bodies,
        vec![("d".to_owned(), rev("2-b"))],
        "2-b is no longer a leaf"
    );
    let put: Vec<_> = plan.put_bodies.iter().map(|d| (&d.rev, &d.body)).collect();
    assert_eq!(
        put,
        vec![(&rev("2-c"), &body(json!({"v": "C"})))],
        "the old winner becomes a losing leaf"
    );
}

#[test]
fn replicated_reserved_ids_and_bad_revs_are_refused() {
    let mut s = State::default();
    let mut bad = replicated("x", "1-a", &["a"], false, json!({}));
    bad.doc.rev = Rev::new(0, "a");
    let plan = s.replicated(vec![
        replicated("_design/app", "1-a", &["a"], false, json!({})),
        bad,
        replicated("ok", "1-a", &["a"], false, json!({})),
    ]);
    assert_eq!(
        plan.results,
        vec![
            Err(WriteError::InvalidId),
            Err(WriteError::Conflict),
            Ok(rev("1-a"))
        ]
    );
    assert_eq!(plan.records.len(), 1);
}

#[test]
fn records_round_trip_through_their_stored_form() {
    let s = conflicted();
    let record = s.record("d");
    let json = serde_json::to_value(record).unwrap();
    assert_eq!(
        json["tree"],
        json!([[1, "a", 0, 0], [2, "b", 1, 0], [2, "c", 2, 0]]),
        "compact tree"
    );
    let back: DocRecord = serde_json::from_value(json).unwrap();
    assert_eq!(&back, record);
}

/// The revision of an edit that must succeed.
fn ok(plan: &WritePlan) -> Rev {
    plan.results[0].clone().unwrap()
}

/// Keys of a plan's side bodies put and dropped.
fn side(plan: &WritePlan) -> (Vec<String>, Vec<String>) {
    let put = plan.put_bodies.iter().map(|d| d.rev.to_string()).collect();
    let dropped = plan.delete_bodies.iter().map(|k| k.1.to_string()).collect();
    (put, dropped)
}

#[test]
fn a_local_edit_keeps_the_revision_it_replaced_as_the_base() {
    let mut s = State::default();
    let r1 = ok(&s.edits(vec![edit("a", None, false, json!({"n": 1}))]));
    assert_eq!(s.record("a").base, None, "a new document has no base");
    let plan = s.edits(vec![edit("a", Some(&r1), false, json!({"n": 2}))]);
    let r2 = ok(&plan);
    assert_eq!(s.record("a").base, Some(r1.clone()));
    assert_eq!(
        side(&plan),
        (vec![r1.to_string()], vec![]),
        "the base's body is kept aside"
    );
    assert_eq!(
        s.bodies[&("a".to_owned(), r1.clone())].body,
        body(json!({"n": 1}))
    );

    let plan = s.edits(vec![edit("a", Some(&r2), false, json!({"n": 3}))]);
    assert_eq!(
        s.record("a").base,
        Some(r1.clone()),
        "saves in a row keep the revision they started from"
    );
    assert_eq!(side(&plan), (vec![], vec![]));
    assert_eq!(s.bodies.len(), 1, "one base per document");
}

#[test]
fn an_edit_of_someone_elses_revision_makes_it_the_base() {
    let mut s = State::default();
    let r1 = ok(&s.edits(vec![edit("a", None, false, json!({"n": 1}))]));
    let r2 = ok(&s.edits(vec![edit("a", Some(&r1), false, json!({"n": 2}))]));
    let plan = s.replicated(vec![replicated(
        "a",
        "3-x",
        &["x", &r2.hash, &r1.hash],
        false,
        json!({"n": "x"}),
    )]);
    assert_eq!(side(&plan), (vec![], vec![]), "replication keeps the base");
    assert_eq!(s.record("a").base, Some(r1.clone()));
    let plan = s.edits(vec![edit("a", Some(&rev("3-x")), false, json!({"n": 4}))]);
    assert_eq!(s.record("a").base, Some(rev("3-x")));
    assert_eq!(
        side(&plan),
        (vec!["3-x".to_owned()], vec![r1.to_string()]),
        "the new base replaces the old one"
    );
    assert_eq!(s.bodies.len(), 1);
}

#[test]
fn deleting_the_document_drops_its_base() {
    let mut s = State::default();
    let r1 = ok(&s.edits(vec![edit("a", None, false, json!({"n": 1}))]));
    let r2 = ok(&s.edits(vec![edit("a", Some(&r1), false, json!({"n": 2}))]));
    let plan = s.edits(vec![edit("a", Some(&r2), true, json!({}))]);
    assert_eq!(s.record("a").base, None);
    assert_eq!(side(&plan).1, vec![r1.to_string()]);
    assert!(
        s.bodies.is_empty(),
        "nothing is kept for a deleted document"
    );
    let plan = s.edits(vec![edit("a", None, false, json!({"n": 3}))]);
    assert_eq!(s.record("a").base, None, "recreating sets no base");
    assert_eq!(side(&plan), (vec![], vec![]));
}

#[test]
fn replicated_writes_keep_a_base_while_it_is_an_ancestor_of_a_live_leaf() {
    let mut s = State::default();
    let r1 = ok(&s.edits(vec![edit("a", None, false, json!({"n": 1}))]));
    let r2 = ok(&s.edits(vec![edit("a", Some(&r1), false, json!({"n": 2}))]));
    s.replicated(vec![replicated(
        "a",
        "2-z",
        &["z", &r1.hash],
        false,
        json!({"n": "z"}),
    )]);
    assert_eq!(s.record("a").base, Some(r1.clone()));
    assert_eq!(
        s.record("a").conflict_base(),
        Some(&r1),
        "the base is the common ancestor of the conflict"
    );
    // Our branch deleted elsewhere: the other one still descends from the base.
    s.replicated(vec![replicated(
        "a",
        &format!("3-{}", "d"),
        &["d", &r2.hash, &r1.hash],
        true,
        json!({}),
    )]);
    assert_eq!(s.record("a").base, Some(r1.clone()));
    assert_eq!(s.record("a").conflict_base(), None, "no live conflict left");
    // The other branch deleted too: the document is deleted and the base goes.
    let plan = s.replicated(vec![replicated(
        "a",
        "3-e",
        &["e", "z", &r1.hash],
        true,
        json!({}),
    )]);
    assert!(s.record("a").deleted);
    assert_eq!(s.record("a").base, None);
    assert!(side(&plan).1.contains(&r1.to_string()));
}

#[test]
fn a_conflict_that_branched_elsewhere_has_no_usable_base() {
    let mut s = State::default();
    let r1 = ok(&s.edits(vec![edit("a", None, false, json!({"n": 1}))]));
    let r2 = ok(&s.edits(vec![edit("a", Some(&r1), false, json!({"n": 2}))]));
    s.replicated(vec![replicated(
        "a",
        "3-x",
        &["x", &r2.hash, &r1.hash],
        false,
        json!({"n": "x"}),
    )]);
    ok(&s.edits(vec![edit("a", Some(&rev("3-x")), false, json!({"n": 4}))]));
    s.replicated(vec![replicated(
        "a",
        "2-z",
        &["z", &r1.hash],
        false,
        json!({"n": "z"}),
    )]);
    let r = s.record("a");
    assert_eq!(r.tree.conflicts().len(), 1);
    assert_eq!(r.base, Some(rev("3-x")), "kept: an ancestor of our leaf");
    assert_eq!(
        r.conflict_base(),
        None,
        "the conflict's common ancestor is the first revision, which is not kept"
    );
}

#[test]
fn editing_a_promoted_leaf_keeps_its_body_as_the_base() {
    let mut s = conflicted();
    let plan = s.edits(vec![
        edit("d", Some(&rev("2-c")), true, json!({})),
        edit("d", Some(&rev("2-b")), false, json!({"v": "B2"})),
    ]);
    assert!(plan.results.iter().all(Result::is_ok), "{:?}", plan.results);
    assert_eq!(s.record("d").base, Some(rev("2-b")));
    assert!(
        !plan.delete_bodies.contains(&("d".to_owned(), rev("2-b"))),
        "2-b's body is put as the base, not dropped"
    );
    assert_eq!(
        s.bodies[&("d".to_owned(), rev("2-b"))].body,
        body(json!({"v": "B"}))
    );
}

#[test]
fn the_base_is_stored_in_the_record_and_old_records_read_without_one() {
    let mut s = State::default();
    let r1 = ok(&s.edits(vec![edit("a", None, false, json!({"n": 1}))]));
    ok(&s.edits(vec![edit("a", Some(&r1), false, json!({"n": 2}))]));
    let json = serde_json::to_value(s.record("a")).unwrap();
    assert_eq!(json["b"], json!(r1.to_string()));
    let mut old = json.clone();
    old.as_object_mut().unwrap().remove("b");
    let back: DocRecord = serde_json::from_value(old).unwrap();
    assert_eq!(back.base, None);
}
