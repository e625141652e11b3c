use serde_json::{Value, json};

use super::*;
use crate::store::MemoryStore;

fn seq(v: Value) -> SeqToken {
    SeqToken(v)
}

fn entry(session: &str, last: Value) -> HistoryEntry {
    HistoryEntry {
        session_id: session.into(),
        last_seq: seq(last),
    }
}

fn checkpoint(session: &str, last: Value, history: Vec<HistoryEntry>) -> Checkpoint {
    Checkpoint {
        session_id: session.into(),
        last_seq: seq(last),
        history,
    }
}

#[test]
fn replication_id_is_deterministic_and_names_each_direction_and_filter() {
    let url = "https://crm.example.com/cartera";
    let id = replication_id("store-1", url, None);
    assert_eq!(
        id,
        replication_id("store-1", url, None),
        "same inputs, same id"
    );
    assert_eq!(id.len(), 32);
    assert!(
        id.chars().all(|c| c.is_ascii_hexdigit()),
        "safe in a URL path: {id}"
    );
    assert_ne!(
        id,
        replication_id(url, "store-1", None),
        "push and pull differ"
    );
    assert_ne!(
        id,
        replication_id("store-1", url, Some("owner:ana")),
        "a filter differs"
    );
    assert_ne!(
        replication_id("ab", "c", None),
        replication_id("a", "bc", None),
        "no two different triples share a canonical string"
    );
    assert_eq!(checkpoint_doc_id(&id), format!("_local/{id}"));
}

#[test]
fn no_checkpoint_on_either_side_starts_from_the_beginning() {
    let cp = checkpoint("s1", json!(40), vec![entry("s1", json!(40))]);
    assert_eq!(start_seq(None, None), SeqToken::start());
    assert_eq!(
        start_seq(Some(&cp), None),
        SeqToken::start(),
        "target lost it"
    );
    assert_eq!(
        start_seq(None, Some(&cp)),
        SeqToken::start(),
        "source lost it"
    );
}

#[test]
fn the_same_session_on_both_sides_resumes_at_its_seq() {
    let s = checkpoint("s2", json!("57-g1AAAAx"), vec![]);
    let t = checkpoint("s2", json!("57-g1AAAAx"), vec![]);
    assert_eq!(start_seq(Some(&s), Some(&t)), seq(json!("57-g1AAAAx")));
}

#[test]
fn different_sessions_resume_at_the_newest_session_both_recorded() {
    // The target got session s3's checkpoint, the source's write failed: both know s2.
    let s = checkpoint(
        "s2",
        json!(20),
        vec![entry("s2", json!(20)), entry("s1", json!(10))],
    );
    let t = checkpoint(
        "s3",
        json!(30),
        vec![
            entry("s3", json!(30)),
            entry("s2", json!(20)),
            entry("s1", json!(10)),
        ],
    );
    assert_eq!(start_seq(Some(&s), Some(&t)), seq(json!(20)));
    assert_eq!(
        start_seq(Some(&t), Some(&s)),
        seq(json!(20)),
        "either way round"
    );
}

#[test]
fn histories_with_nothing_in_common_start_over() {
    // A recreated database with a checkpoint of another lineage.
    let s = checkpoint(
        "a2",
        json!(8),
        vec![entry("a2", json!(8)), entry("a1", json!(4))],
    );
    let t = checkpoint(
        "b2",
        json!(90),
        vec![entry("b2", json!(90)), entry("b1", json!(50))],
    );
    assert_eq!(start_seq(Some(&s), Some(&t)), SeqToken::start());
}

#[test]
fn unreadable_checkpoints_are_ignored() {
    assert_eq!(
        Checkpoint::from_doc(&json!({"last_seq": 5})),
        None,
        "no session"
    );
    assert_eq!(Checkpoint::from_doc(&json!([1, 2])), None);
    let read = Checkpoint::from_doc(&json!({"_id": "_local/x", "_rev": "0-3", "session_id": "s",
        "last_seq": "9-abc", "replicator": "pouchdb"}));
    assert_eq!(
        read,
        Some(checkpoint("s", json!("9-abc"), vec![])),
        "extra fields are fine"
    );
}

#[test]
fn a_new_checkpoint_records_the_session_and_seq() {
    let doc = next_checkpoint_doc(None, "s1", &seq(json!(12))).unwrap();
    let cp = Checkpoint::from_doc(&doc).unwrap();
    assert_eq!(
        cp,
        checkpoint("s1", json!(12), vec![entry("s1", json!(12))])
    );
    assert_eq!(doc["version"], 1);
}

#[test]
fn updating_keeps_the_rev_and_unknown_fields_and_skips_unchanged_seqs() {
    let existing = json!({"_id": "_local/r", "_rev": "0-4", "session_id": "s1", "last_seq": 12,
        "history": [{"session_id": "s1", "last_seq": 12}], "note": "kept"});
    assert_eq!(
        next_checkpoint_doc(Some(existing.clone()), "s2", &seq(json!(12))),
        None,
        "the same seq needs no write"
    );
    let doc = next_checkpoint_doc(Some(existing), "s2", &seq(json!(30))).unwrap();
    assert_eq!(doc["_rev"], "0-4", "the server needs the current _rev");
    assert_eq!(doc["note"], "kept");
    let cp = Checkpoint::from_doc(&doc).unwrap();
    assert_eq!(
        cp.history,
        vec![entry("s2", json!(30)), entry("s1", json!(12))]
    );
}

#[test]
fn history_keeps_one_entry_per_session_and_the_latest_five() {
    let mut doc = None;
    for (i, session) in ["a", "b", "c", "d", "e", "f"].iter().enumerate() {
        doc = next_checkpoint_doc(doc, session, &seq(json!(i * 10)));
        // A second batch of the same session replaces its entry.
        doc = next_checkpoint_doc(doc, session, &seq(json!(i * 10 + 5)));
    }
    let cp = Checkpoint::from_doc(&doc.unwrap()).unwrap();
    let sessions: Vec<&str> = cp.history.iter().map(|e| e.session_id.as_str()).collect();
    assert_eq!(sessions, vec!["f", "e", "d", "c", "b"]);
    assert_eq!(cp.history[0].last_seq, seq(json!(55)));
}

#[test]
fn a_store_keeps_its_identity() {
    pollster::block_on(async {
        let store = MemoryStore::new();
        assert_eq!(local_identity(&store, "first").await.unwrap(), "first");
        assert_eq!(local_identity(&store, "second").await.unwrap(), "first");
    });
}
