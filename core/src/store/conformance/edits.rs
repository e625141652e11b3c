//! Local edits (`new_edits=true`): create, update, delete, and what is refused.

use serde_json::json;

use super::{body, create, delete, edit, get, info, must, rev, save, update};
use crate::store::{DocStore, IdRange, Rev, WriteError};

pub async fn case_create_get_update_delete<S: DocStore>(store: &S) {
    let r1 = create(
        store,
        "contact-1",
        json!({"type": "contact", "name": "Ana"}),
    )
    .await;
    assert_eq!(r1.pos, 1, "a new document starts at revision 1");
    let doc = get(store, "contact-1").await;
    assert_eq!(
        (doc.rev.clone(), doc.deleted),
        (r1.clone(), false),
        "get returns the saved revision"
    );
    assert_eq!(
        doc.body,
        body(json!({"type": "contact", "name": "Ana"})),
        "get returns the saved fields"
    );

    let r2 = update(
        store,
        "contact-1",
        &r1,
        json!({"type": "contact", "name": "Ana María"}),
    )
    .await;
    assert_eq!(r2.pos, 2, "an update is revision 2");
    let doc = get(store, "contact-1").await;
    assert_eq!(doc.rev, r2, "get returns the updated revision");
    assert_eq!(
        doc.body["name"], "Ana María",
        "get returns the updated name"
    );

    let r3 = delete(store, "contact-1", &r2).await;
    assert_eq!(
        must(store.get("contact-1").await, "get"),
        None,
        "a deleted document is gone for get"
    );
    let record = must(store.record("contact-1").await, "record");
    let record =
        record.unwrap_or_else(|| panic!("a deleted document keeps its record (for replication)"));
    assert_eq!(
        (record.winner, record.deleted),
        (r3.clone(), true),
        "the record's winner is the deletion"
    );
    let tombstone = must(store.get_rev("contact-1", &r3).await, "get_rev");
    assert_eq!(
        tombstone.map(|d| d.deleted),
        Some(true),
        "get_rev reads the deletion revision"
    );
}

pub async fn case_stale_update_is_a_conflict<S: DocStore>(store: &S) {
    let r1 = create(store, "deal-1", json!({"amount": 100})).await;
    let r2 = update(store, "deal-1", &r1, json!({"amount": 200})).await;
    let seq = info(store).await.update_seq;
    let stale = save(
        store,
        edit("deal-1", Some(&r1), false, json!({"amount": 300})),
    )
    .await;
    assert_eq!(
        stale,
        Err(WriteError::Conflict),
        "saving over an old revision is a conflict"
    );
    let unknown = save(store, edit("deal-1", Some(&rev("9-zzz")), false, json!({}))).await;
    assert_eq!(
        unknown,
        Err(WriteError::Conflict),
        "saving over an unknown revision is a conflict"
    );
    let doc = get(store, "deal-1").await;
    assert_eq!(
        (doc.rev, &doc.body["amount"]),
        (r2, &json!(200)),
        "the newer save is untouched"
    );
    assert_eq!(
        info(store).await.update_seq,
        seq,
        "a refused edit writes nothing"
    );
}

pub async fn case_creating_an_existing_document_is_a_conflict<S: DocStore>(store: &S) {
    let r1 = create(store, "account-1", json!({"name": "Acme"})).await;
    let again = save(
        store,
        edit("account-1", None, false, json!({"name": "Other"})),
    )
    .await;
    assert_eq!(
        again,
        Err(WriteError::Conflict),
        "creating an id that exists is a conflict"
    );
    let doc = get(store, "account-1").await;
    assert_eq!(
        (doc.rev, &doc.body["name"]),
        (r1, &json!("Acme")),
        "the existing document is untouched"
    );
    let missing = save(
        store,
        edit("account-2", Some(&rev("1-abc")), false, json!({})),
    )
    .await;
    assert_eq!(
        missing,
        Err(WriteError::Conflict),
        "updating a document that does not exist is a conflict"
    );
}

pub async fn case_invalid_ids_and_fields_are_refused<S: DocStore>(store: &S) {
    for id in ["", "_design/app", "_local/checkpoint", "_x"] {
        let result = save(store, edit(id, None, false, json!({"name": "x"}))).await;
        assert_eq!(
            result,
            Err(WriteError::InvalidId),
            "the id {id:?} is refused"
        );
    }
    let result = save(
        store,
        edit("contact-1", None, false, json!({"name": "x", "_secret": 1})),
    )
    .await;
    assert_eq!(
        result,
        Err(WriteError::ReservedField),
        "a body field starting with _ is refused"
    );
    let info = info(store).await;
    assert_eq!(
        (info.doc_count, info.update_seq),
        (0, 0),
        "nothing was written"
    );
}

pub async fn case_a_bad_edit_does_not_stop_the_batch<S: DocStore>(store: &S) {
    let results = must(
        store
            .bulk_docs(vec![
                edit("a", None, false, json!({"n": 1})),
                edit("", None, false, json!({"n": 2})),
                edit("b", None, false, json!({"n": 3})),
                edit("a", None, false, json!({"n": 4})),
            ])
            .await,
        "bulk_docs",
    );
    let outcome: Vec<Result<u64, WriteError>> =
        results.into_iter().map(|r| r.map(|rev| rev.pos)).collect();
    assert_eq!(
        outcome,
        vec![
            Ok(1),
            Err(WriteError::InvalidId),
            Ok(1),
            Err(WriteError::Conflict)
        ],
        "one result per edit, in order"
    );
    let all = must(store.all_docs(&IdRange::default()).await, "all_docs");
    assert_eq!(
        super::ids(&all),
        vec!["a", "b"],
        "the valid edits were saved"
    );
    assert_eq!(
        all[0].body["n"], 1,
        "the refused second creation of a changed nothing"
    );
}

pub async fn case_linear_edits<S: DocStore>(store: &S) {
    let mut revs = vec![create(store, "task-1", json!({"step": 0})).await];
    for step in 1..5 {
        let prev = revs[revs.len() - 1].clone();
        revs.push(update(store, "task-1", &prev, json!({"step": step})).await);
    }
    let positions: Vec<u64> = revs.iter().map(|r| r.pos).collect();
    assert_eq!(
        positions,
        vec![1, 2, 3, 4, 5],
        "each edit is one revision deeper"
    );
    let record = must(store.record("task-1").await, "record")
        .unwrap_or_else(|| panic!("task-1 has a record"));
    let path = record.tree.path(&revs[4]).unwrap_or_default();
    let expected: Vec<String> = revs.iter().rev().map(|r| r.hash.clone()).collect();
    assert_eq!(
        path, expected,
        "the history lists every revision, newest first"
    );
    assert!(
        record.tree.conflicts().is_empty(),
        "linear edits make no conflict"
    );
    assert_eq!(
        get(store, "task-1").await.body["step"],
        4,
        "the last edit wins"
    );
    // Old revisions' bodies are not kept (as after CouchDB compaction): only leaves are readable.
    assert_eq!(
        must(store.get_rev("task-1", &revs[0]).await, "get_rev"),
        None,
        "old bodies are not kept"
    );
    assert_eq!(
        info(store).await.update_seq,
        5,
        "every edit took a sequence"
    );
}

pub async fn case_edits_of_one_document_in_one_batch<S: DocStore>(store: &S) {
    let first = body(json!({"n": 1}));
    let r1 = Rev::next(None, false, &first);
    let results = must(
        store
            .bulk_docs(vec![
                edit("a", None, false, json!({"n": 1})),
                edit("a", Some(&r1), false, json!({"n": 2})),
            ])
            .await,
        "bulk_docs",
    );
    assert_eq!(
        results[0],
        Ok(r1.clone()),
        "the first edit creates a with a predictable revision"
    );
    assert!(
        results[1].is_ok(),
        "the second edit applies on top of the first, in order"
    );
    let doc = get(store, "a").await;
    assert_eq!(
        (doc.rev.pos, &doc.body["n"]),
        (2, &json!(2)),
        "the later edit wins"
    );
}

pub async fn case_a_deleted_document_can_be_recreated<S: DocStore>(store: &S) {
    let r1 = create(store, "contact-1", json!({"name": "Ana"})).await;
    let r2 = delete(store, "contact-1", &r1).await;
    let r3 = create(store, "contact-1", json!({"name": "Ana again"})).await;
    assert_eq!(r3.pos, 3, "the new revision continues the deleted one");
    let doc = get(store, "contact-1").await;
    assert_eq!(
        (doc.rev, &doc.body["name"]),
        (r3, &json!("Ana again")),
        "the recreated document is live"
    );
    let record =
        must(store.record("contact-1").await, "record").unwrap_or_else(|| panic!("record"));
    assert_eq!(
        record.tree.leaves().len(),
        1,
        "recreating makes no conflict with the deletion {r2}"
    );
    assert_eq!(info(store).await.doc_count, 1, "the document counts again");
}
