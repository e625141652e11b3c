use serde_json::{Value, json};

use super::*;
use crate::store::{Body, Doc};
use crate::sync::remote::SeqToken;

fn rev(s: &str) -> Rev {
    s.parse().unwrap()
}

fn change(id: &str, leaves: &[&str]) -> RemoteChange {
    RemoteChange {
        seq: SeqToken(json!(1)),
        id: id.into(),
        leaves: leaves.iter().map(|r| rev(r)).collect(),
        deleted: false,
        doc: None,
        made_here: false,
    }
}

fn found(id: &str, r: &str, ancestry: &[&str]) -> Fetched {
    let body: Body = match json!({"n": 1}) {
        Value::Object(m) => m,
        _ => unreachable!(),
    };
    Fetched::Found(ReplicatedDoc {
        doc: Doc {
            id: id.into(),
            rev: rev(r),
            deleted: false,
            body,
        },
        ancestry: ancestry.iter().map(|h| (*h).to_owned()).collect(),
    })
}

fn diff(entries: &[(&str, &[&str])]) -> RevsDiff {
    entries
        .iter()
        .map(|(id, revs)| ((*id).to_owned(), revs.iter().map(|r| rev(r)).collect()))
        .collect()
}

#[test]
fn the_diff_asks_for_every_leaf_and_skips_design_docs() {
    let changes = [
        change("b", &["2-x", "2-y"]),
        change("_design/app", &["1-d"]),
        change("a", &["1-a"]),
        change("b", &["2-y"]),
    ];
    let wanted = plan_diff(&changes);
    assert_eq!(wanted.ask, diff(&[("a", &["1-a"]), ("b", &["2-x", "2-y"])]));
    assert_eq!(wanted.lacking, diff(&[]));
}

#[test]
fn revisions_made_here_are_sent_without_asking_unless_a_row_says_otherwise() {
    let mine = |id, leaves| RemoteChange {
        made_here: true,
        ..change(id, leaves)
    };
    let changes = [
        mine("a", &["3-a"]),
        change("b", &["1-b"]),
        mine("c", &["2-c"]),
        change("c", &["2-c"]),
    ];
    let wanted = plan_diff(&changes);
    assert_eq!(wanted.lacking, diff(&[("a", &["3-a"])]));
    assert_eq!(wanted.ask, diff(&[("b", &["1-b"]), ("c", &["2-c"])]));
}

#[test]
fn found_revisions_are_written_and_superseded_ones_skipped() {
    let asked = diff(&[("a", &["2-a"]), ("b", &["1-b"])]);
    let docs = check_fetched(
        &asked,
        vec![
            found("a", "2-a", &["a", "z"]),
            Fetched::Superseded {
                id: "b".into(),
                rev: rev("1-b"),
            },
        ],
    )
    .unwrap();
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].doc.rev, rev("2-a"));
}

#[test]
fn a_newer_revision_of_the_branch_answers_for_an_older_one() {
    // `latest=true`: asked 2-b, got 3-c whose ancestry passes through 2-b.
    let asked = diff(&[("a", &["2-b"])]);
    let docs = check_fetched(&asked, vec![found("a", "3-c", &["c", "b", "a"])]).unwrap();
    assert_eq!(docs[0].doc.rev, rev("3-c"));
    let other_branch = check_fetched(&asked, vec![found("a", "3-c", &["c", "x", "a"])]);
    assert!(matches!(
        other_branch,
        Err(SyncError::IncompleteFetch {
            asked: 1,
            answered: 0
        })
    ));
}

#[test]
fn a_short_answer_stops_the_batch() {
    let asked = diff(&[("a", &["1-a"]), ("b", &["1-b"]), ("c", &["1-c"])]);
    let result = check_fetched(&asked, vec![found("a", "1-a", &["a"])]);
    assert!(matches!(
        result,
        Err(SyncError::IncompleteFetch {
            asked: 3,
            answered: 1
        })
    ));
}

#[test]
fn a_missing_revision_stops_the_batch_but_an_unasked_one_does_not() {
    let asked = diff(&[("a", &["1-a"])]);
    let missing = check_fetched(
        &asked,
        vec![Fetched::Missing {
            id: "a".into(),
            rev: rev("1-a"),
        }],
    );
    assert!(matches!(missing, Err(SyncError::MissingRevision { .. })));
    let unasked = check_fetched(
        &asked,
        vec![
            Fetched::Missing {
                id: "z".into(),
                rev: rev("1-z"),
            },
            found("a", "1-a", &["a"]),
        ],
    );
    assert_eq!(unasked.unwrap().len(), 1);
}

/// A changes row carrying a document (`include_docs`).
fn with_doc(mut change: RemoteChange, id: &str, r: &str, deleted: bool) -> RemoteChange {
    let Fetched::Found(mut found) = found(id, r, &[]) else {
        unreachable!()
    };
    found.doc.deleted = deleted;
    change.doc = Some(found.doc);
    change
}

#[test]
fn a_first_revision_is_taken_from_its_row_with_itself_as_history() {
    let mut rows = [with_doc(change("a", &["1-x"]), "a", "1-x", false)];
    let mut missing = diff(&[("a", &["1-x"])]);
    let FromRows {
        docs,
        first_revisions,
    } = take_from_rows(&mut rows, &mut missing);
    assert!(missing.is_empty(), "nothing left to fetch");
    assert_eq!(first_revisions, 1);
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].doc.rev, rev("1-x"));
    assert_eq!(docs[0].doc.body["n"], 1);
    assert_eq!(docs[0].ancestry, vec!["x".to_owned()]);
    assert!(rows[0].doc.is_none(), "the body moved out of the page");
}

#[test]
fn only_a_live_first_revision_matching_its_row_is_taken() {
    let mut deleted_row = with_doc(change("dead", &["1-d"]), "dead", "1-d", false);
    deleted_row.deleted = true;
    let mut rows = vec![
        // Later generation, conflict of two first revisions, deleted body, a document read
        // after a newer edit, another document's body, a row without a document, a row saying
        // deleted, and the one that qualifies.
        with_doc(change("gen2", &["2-y"]), "gen2", "2-y", false),
        with_doc(change("twins", &["1-b", "1-a"]), "twins", "1-b", false),
        with_doc(change("gone", &["1-g"]), "gone", "1-g", true),
        with_doc(change("stale", &["1-s"]), "stale", "2-t", false),
        with_doc(change("other", &["1-o"]), "not-other", "1-o", false),
        change("bare", &["1-r"]),
        deleted_row,
        with_doc(change("ok", &["1-k"]), "ok", "1-k", false),
    ];
    let asked = [
        ("gen2", &["2-y"][..]),
        ("twins", &["1-a", "1-b"][..]),
        ("gone", &["1-g"][..]),
        ("stale", &["1-s"][..]),
        ("other", &["1-o"][..]),
        ("bare", &["1-r"][..]),
        ("dead", &["1-d"][..]),
        ("ok", &["1-k"][..]),
    ];
    let mut missing = diff(&asked);
    let found = take_from_rows(&mut rows, &mut missing);
    let taken: Vec<&str> = found.docs.iter().map(|d| d.doc.id.as_str()).collect();
    assert_eq!(taken, vec!["ok"]);
    assert_eq!(
        found.first_revisions, 5,
        "ok was saved a fetch; gone, stale, other and bare might have been"
    );
    let mut rest = diff(&asked);
    rest.remove("ok");
    assert_eq!(missing, rest, "everything else is fetched");
    assert!(rows.iter().all(|r| r.doc.is_none()));
}

#[test]
fn a_revision_the_target_has_is_not_taken() {
    let mut rows = [
        with_doc(change("known", &["1-k"]), "known", "1-k", false),
        with_doc(change("new", &["1-n"]), "new", "1-n", false),
    ];
    let mut missing = diff(&[("new", &["1-n"])]);
    let found = take_from_rows(&mut rows, &mut missing);
    assert_eq!(found.docs.len(), 1);
    assert_eq!(found.docs[0].doc.id, "new");
    assert_eq!(found.first_revisions, 1);
    assert!(missing.is_empty());
}

#[test]
fn documents_are_asked_for_while_half_the_rows_are_new_first_revisions() {
    assert!(docs_pay(500, 500), "a first sync");
    assert!(docs_pay(500, 250));
    assert!(!docs_pay(500, 249));
    assert!(!docs_pay(500, 0), "the device's own writes coming back");
    assert!(docs_pay(0, 0), "an empty page changes nothing");
}

fn row(id: &str, r: Option<&str>, outcome: WriteOutcome) -> DocWriteResult {
    DocWriteResult {
        id: id.into(),
        rev: r.map(rev),
        outcome,
    }
}

fn sent(items: &[(&str, &str)]) -> Vec<(String, Rev)> {
    items
        .iter()
        .map(|(id, r)| ((*id).to_owned(), rev(r)))
        .collect()
}

#[test]
fn write_rows_match_by_id_and_rev_in_any_order() {
    let forbidden = WriteOutcome::Forbidden {
        reason: "locked".into(),
    };
    let summary = sort_out_writes(
        &sent(&[("a", "1-a"), ("b", "2-x"), ("b", "2-y"), ("c", "1-c")]),
        &[
            row("c", Some("1-c"), WriteOutcome::Written),
            row("b", Some("2-y"), forbidden.clone()),
            row("a", None, forbidden),
        ],
    )
    .unwrap();
    assert_eq!(
        summary.written, 2,
        "b 2-x and c; a revision without a row was written"
    );
    let refused: Vec<(&str, String)> = summary
        .refused
        .iter()
        .map(|r| (r.id.as_str(), r.rev.to_string()))
        .collect();
    assert_eq!(
        refused,
        vec![("a", "1-a".to_owned()), ("b", "2-y".to_owned())]
    );
    assert_eq!(summary.refused[0].reason, "locked");
}

#[test]
fn another_write_error_fails_the_batch() {
    let failed = WriteOutcome::Failed {
        error: "internal".into(),
        reason: "boom".into(),
    };
    let result = sort_out_writes(&sent(&[("a", "1-a")]), &[row("a", Some("1-a"), failed)]);
    assert!(matches!(result, Err(SyncError::WriteFailed { ref id, .. }) if id == "a"));
}
