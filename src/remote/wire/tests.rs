use cartera_core::store::{Doc, ReplicatedDoc, Rev, RevsDiff};
use cartera_core::sync::{Fetched, RemoteError, SeqToken, WriteOutcome};
use serde_json::{Value, json};
use wasm_bindgen_test::wasm_bindgen_test;

use super::*;

fn rev(s: &str) -> Rev {
    s.parse().expect("a valid rev")
}

fn bytes(v: Value) -> Vec<u8> {
    v.to_string().into_bytes()
}

#[wasm_bindgen_test]
fn sequences_go_back_as_they_came() {
    assert_eq!(since_param(&SeqToken(json!(42))), "42");
    let couch = "12-g1AAAAB4eJzLYWBg";
    assert_eq!(since_param(&SeqToken(json!(couch))), couch);
    assert_eq!(since_param(&SeqToken(json!([3, "x"]))), r#"[3,"x"]"#);
    assert_eq!(encode("12-g1AA/+=?&"), "12-g1AA%2F%2B%3D%3F%26");
    assert_eq!(encode("ñ"), "%C3%B1");
}

#[wasm_bindgen_test]
fn document_paths_keep_their_namespace_slash() {
    assert_eq!(doc_path("contact/1 ñ"), "contact%2F1%20%C3%B1");
    assert_eq!(doc_path("_design/cartera"), "_design/cartera");
    assert_eq!(local_path("_local/abc"), "_local/abc");
    assert_eq!(local_path("abc/d"), "_local/abc%2Fd");
}

#[wasm_bindgen_test]
fn a_body_cut_short_is_invalid_json_and_a_wrong_shape_is_unexpected() {
    let page = r#"{"results":[{"seq":1,"id":"a","changes":[{"rev":"1-x"}]}],"last_seq":1}"#;
    assert!(changes(page.as_bytes()).is_ok());
    let cut = &page.as_bytes()[..page.len() / 2];
    assert!(matches!(changes(cut), Err(RemoteError::InvalidJson(_))));
    assert!(matches!(changes(b""), Err(RemoteError::InvalidJson(_))));
    assert!(matches!(
        changes(b"<html>"),
        Err(RemoteError::InvalidJson(_))
    ));
    let shape = br#"{"rows":[]}"#;
    assert!(matches!(
        changes(shape),
        Err(RemoteError::UnexpectedResponse(_))
    ));
    let bad_rev = br#"{"results":[{"seq":1,"id":"a","changes":[{"rev":"x"}]}],"last_seq":1}"#;
    assert!(matches!(
        changes(bad_rev),
        Err(RemoteError::UnexpectedResponse(_))
    ));
}

#[wasm_bindgen_test]
fn changes_read_pouchdb_and_couchdb_pages() {
    let pouch = bytes(json!({
        "results": [
            {"id": "a", "changes": [{"rev": "2-b"}, {"rev": "2-a"}], "seq": 7},
            {"id": "d", "changes": [{"rev": "3-d"}], "seq": 9, "deleted": true},
        ],
        "last_seq": 9,
    }));
    let page = changes(&pouch).expect("PouchDB page");
    assert_eq!(page.last_seq, SeqToken(json!(9)));
    assert_eq!(page.pending, None);
    assert_eq!(page.results[0].leaves, vec![rev("2-b"), rev("2-a")]);
    assert!(!page.results[0].deleted && page.results[1].deleted);

    let couch = bytes(json!({
        "results": [{"seq": "7-g1AA", "id": "a", "changes": [{"rev": "1-a"}]}],
        "last_seq": "7-g1AA", "pending": 12,
    }));
    let page = changes(&couch).expect("CouchDB page");
    assert_eq!(page.results[0].seq, SeqToken(json!("7-g1AA")));
    assert_eq!(page.pending, Some(12));
}

#[wasm_bindgen_test]
fn changes_rows_carry_their_document_when_the_server_gives_it() {
    let page = bytes(json!({
        "results": [
            {"seq": 1, "id": "a", "changes": [{"rev": "1-x"}],
                "doc": {"_id": "a", "_rev": "1-x", "name": "Ana", "_attachments": {}}},
            {"seq": 2, "id": "d", "changes": [{"rev": "2-y"}], "deleted": true,
                "doc": {"_id": "d", "_rev": "2-y", "_deleted": true}},
            {"seq": 3, "id": "n", "changes": [{"rev": "1-n"}], "doc": null},
            {"seq": 4, "id": "b", "changes": [{"rev": "1-b"}], "doc": {"_id": "b"}},
            {"seq": 5, "id": "q", "changes": [{"rev": "1-q"}]},
        ],
        "last_seq": 5,
    }));
    let rows = changes(&page).expect("page with documents").results;
    let a = rows[0].doc.as_ref().expect("a's document");
    assert_eq!((a.id.as_str(), &a.rev), ("a", &rev("1-x")));
    assert_eq!(a.body.len(), 1, "underscore fields dropped: {:?}", a.body);
    assert!(rows[1].doc.as_ref().is_some_and(|d| d.deleted));
    // null, a document without _rev, no doc at all: left to bulk_get.
    assert!(rows[2..].iter().all(|r| r.doc.is_none()));
}

#[wasm_bindgen_test]
fn a_local_write_answers_its_new_rev_when_the_server_gives_it() {
    let answer = br#"{"ok":true,"id":"_local/abc","rev":"0-3"}"#;
    assert_eq!(put_rev(answer).expect("answer"), Some("0-3".to_owned()));
    assert_eq!(put_rev(br#"{"ok":true}"#).expect("answer"), None);
    assert_eq!(put_rev(b"").expect("any body"), None);
}

#[wasm_bindgen_test]
fn revs_diff_leaves_out_ids_with_nothing_missing() {
    let mut asked = RevsDiff::new();
    asked.insert("a".into(), vec![rev("1-a"), rev("2-b")]);
    assert_eq!(revs_diff_body(&asked), r#"{"a":["1-a","2-b"]}"#);
    let answer = br#"{"a":{"missing":["2-b"],"possible_ancestors":["1-a"]},"b":{"missing":[]}}"#;
    let diff = revs_diff(answer).expect("diff");
    assert_eq!(diff.len(), 1);
    assert_eq!(diff["a"], vec![rev("2-b")]);
}

#[wasm_bindgen_test]
fn bulk_get_reads_found_missing_and_error_rows() {
    let answer = bytes(json!({"results": [
        {"id": "a", "docs": [{"ok": {"_id": "a", "_rev": "2-b", "n": 1,
            "_revisions": {"start": 2, "ids": ["b", "a"]}}}]},
        {"id": "p", "docs": [{"missing": "1-p"}]},
        {"id": "c", "docs": [{"error": {"id": "c", "rev": "1-c", "error": "not_found",
            "reason": "missing"}}]},
        {"id": "z", "docs": [{}]},
    ]}));
    let fetched = bulk_get(&answer).expect("bulk_get");
    assert_eq!(
        fetched.len(),
        3,
        "the row naming no revision is left unanswered"
    );
    let Fetched::Found(doc) = &fetched[0] else {
        panic!("found: {fetched:?}")
    };
    assert_eq!(doc.doc.rev, rev("2-b"));
    assert_eq!(doc.ancestry, vec!["b".to_owned(), "a".to_owned()]);
    assert_eq!(doc.doc.body.get("n"), Some(&json!(1)));
    assert!(!doc.doc.body.contains_key("_revisions"));
    assert_eq!(
        fetched[1],
        Fetched::Missing {
            id: "p".into(),
            rev: rev("1-p")
        }
    );
    assert_eq!(
        fetched[2],
        Fetched::Missing {
            id: "c".into(),
            rev: rev("1-c")
        }
    );
}

#[wasm_bindgen_test]
fn a_revision_without_a_matching_history_is_refused_not_guessed() {
    let no_history = json!({"_id": "a", "_rev": "2-b"});
    assert!(matches!(
        replicated(no_history),
        Err(RemoteError::UnexpectedResponse(_))
    ));
    let wrong = json!({"_id": "a", "_rev": "2-b", "_revisions": {"start": 2, "ids": ["x", "a"]}});
    assert!(matches!(
        replicated(wrong),
        Err(RemoteError::UnexpectedResponse(_))
    ));
    let stemmed = json!({"_id": "a", "_rev": "9-b", "_revisions": {"start": 9, "ids": ["b", "a"]}});
    assert_eq!(replicated(stemmed).expect("stemmed").ancestry.len(), 2);
    let deleted = json!({"_id": "a", "_rev": "3-c", "_deleted": true,
        "_revisions": {"start": 3, "ids": ["c", "b", "a"]}});
    assert!(replicated(deleted).expect("tombstone").doc.deleted);
}

#[wasm_bindgen_test]
fn open_revs_answers_are_read_for_their_document() {
    let answer = bytes(json!([
        {"ok": {"_id": "a", "_rev": "1-a", "_revisions": {"start": 1, "ids": ["a"]}}},
        {"missing": "1-z"},
    ]));
    let fetched = open_revs("a", &answer).expect("open_revs");
    assert!(matches!(&fetched[0], Fetched::Found(d) if d.doc.id == "a"));
    assert_eq!(
        fetched[1],
        Fetched::Missing {
            id: "a".into(),
            rev: rev("1-z")
        }
    );
    assert_eq!(
        open_revs_param(&[rev("1-a"), rev("2-b")]),
        r#"["1-a","2-b"]"#
    );
}

#[wasm_bindgen_test]
fn bulk_docs_sends_histories_and_reads_rows_by_id() {
    let mut body = serde_json::Map::new();
    body.insert("n".into(), json!(1));
    let doc = ReplicatedDoc {
        doc: Doc {
            id: "a".into(),
            rev: rev("2-b"),
            deleted: true,
            body,
        },
        ancestry: vec!["b".into(), "a".into()],
    };
    let sent: Value = serde_json::from_str(&bulk_docs_body(&[doc])).expect("JSON");
    assert_eq!(sent["new_edits"], json!(false));
    assert_eq!(
        sent["docs"][0],
        json!({"_id": "a", "_rev": "2-b", "_deleted": true, "n": 1,
            "_revisions": {"start": 2, "ids": ["b", "a"]}})
    );

    // CouchDB answers new_edits=false with failures only; PouchDB Server may reorder rows.
    assert!(bulk_docs(b"[]").expect("empty").is_empty());
    let rows = bytes(json!([
        {"id": "b", "error": "forbidden", "reason": "cartera:not_owner: x"},
        {"id": "a", "rev": "1-a", "ok": true},
        {"id": "c", "rev": "1-c", "error": "unauthorized", "reason": "no"},
        {"id": "d", "error": "conflict", "reason": "Document update conflict."},
        {"error": "no id"},
    ]));
    let rows = bulk_docs(&rows).expect("rows");
    assert_eq!(rows.len(), 4);
    assert!(
        matches!(&rows[0].outcome, WriteOutcome::Forbidden { reason } if reason.contains("not_owner"))
    );
    assert_eq!(rows[0].rev, None);
    assert_eq!(
        (rows[1].rev.clone(), &rows[1].outcome),
        (Some(rev("1-a")), &WriteOutcome::Written)
    );
    assert!(matches!(rows[2].outcome, WriteOutcome::Forbidden { .. }));
    assert!(matches!(&rows[3].outcome, WriteOutcome::Failed { error, .. } if error == "conflict"));
}

#[wasm_bindgen_test]
fn error_bodies_give_their_reason() {
    assert_eq!(
        reason(br#"{"error":"not_found","reason":"no_db_file"}"#),
        "no_db_file"
    );
    assert_eq!(reason(br#"{"error":"bad_request"}"#), "bad_request");
    assert_eq!(reason(b"Bad Gateway\n"), "Bad Gateway");
    assert!(is_missing_database("Database does not exist."));
    assert!(is_missing_database("no_db_file"));
    assert!(!is_missing_database("missing"));
    assert!(!is_missing_database("deleted"));
}
