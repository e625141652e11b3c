//! Replicated revisions (`new_edits=false`), conflicts and their resolution, `revs_diff`.

use serde_json::json;

use super::{
    create, delete, edit, get, info, must, replicate, replicated, rev, revs, save, two_branches,
    update,
};
use crate::store::{DocStore, RevRead, RevsDiff, WriteError};

pub async fn case_conflicting_branches_pick_the_couchdb_winner<S: DocStore>(store: &S) {
    two_branches(store, "deal-1").await;
    let doc = get(store, "deal-1").await;
    assert_eq!(
        doc.rev,
        rev("2-c"),
        "same depth: the greater hash wins, as in CouchDB"
    );
    assert_eq!(doc.body["v"], "C", "get returns the winner's fields");
    let all = must(store.get_conflicts("deal-1").await, "get_conflicts");
    assert_eq!(
        revs(&all),
        vec!["2-c", "2-b"],
        "get_conflicts lists the winner, then the conflict"
    );
    assert_eq!(all[1].body["v"], "B", "the losing branch keeps its fields");

    replicate(
        store,
        vec![
            replicated("deal-2", "2-z", &["z", "a"], false, json!({"v": "Z"})),
            replicated(
                "deal-2",
                "3-0",
                &["0", "y", "a"],
                false,
                json!({"v": "deeper"}),
            ),
        ],
    )
    .await;
    assert_eq!(
        get(store, "deal-2").await.rev,
        rev("3-0"),
        "the deeper branch wins over a greater hash"
    );

    let r3 = update(store, "deal-1", &rev("2-c"), json!({"v": "C2"})).await;
    let all = must(store.get_conflicts("deal-1").await, "get_conflicts");
    assert_eq!(
        revs(&all),
        vec![r3.to_string(), "2-b".to_owned()],
        "editing the winner keeps the conflict"
    );
}

pub async fn case_deleting_the_winner_promotes_the_other_branch<S: DocStore>(store: &S) {
    two_branches(store, "deal-1").await;
    let count = info(store).await.doc_count;
    delete(store, "deal-1", &rev("2-c")).await;
    let doc = get(store, "deal-1").await;
    assert_eq!(
        (doc.rev, &doc.body["v"]),
        (rev("2-b"), &json!("B")),
        "the other branch is now the document"
    );
    let all = must(store.get_conflicts("deal-1").await, "get_conflicts");
    assert_eq!(revs(&all), vec!["2-b"], "no conflict is left");
    assert_eq!(
        info(store).await.doc_count,
        count,
        "the document is still live"
    );

    delete(store, "deal-1", &rev("2-b")).await;
    assert_eq!(
        must(store.get("deal-1").await, "get"),
        None,
        "deleting every branch deletes the document"
    );
    assert_eq!(
        must(store.get_conflicts("deal-1").await, "get_conflicts"),
        vec![],
        "a deleted document has no conflicts"
    );
}

pub async fn case_deleting_the_losing_leaf_resolves_the_conflict<S: DocStore>(store: &S) {
    two_branches(store, "deal-1").await;
    let edited = save(
        store,
        edit("deal-1", Some(&rev("2-b")), false, json!({"v": "B2"})),
    )
    .await;
    assert_eq!(
        edited,
        Err(WriteError::Conflict),
        "a losing branch cannot be edited, only deleted"
    );
    let inner = save(store, edit("deal-1", Some(&rev("1-a")), true, json!({}))).await;
    assert_eq!(
        inner,
        Err(WriteError::Conflict),
        "an old revision cannot be deleted"
    );

    delete(store, "deal-1", &rev("2-b")).await;
    let doc = get(store, "deal-1").await;
    assert_eq!(
        (doc.rev, &doc.body["v"]),
        (rev("2-c"), &json!("C")),
        "the winner stays"
    );
    let all = must(store.get_conflicts("deal-1").await, "get_conflicts");
    assert_eq!(revs(&all), vec!["2-c"], "the conflict is resolved");
}

pub async fn case_replicating_a_known_revision_changes_nothing<S: DocStore>(store: &S) {
    two_branches(store, "deal-1").await;
    let local = create(store, "deal-2", json!({"v": 1})).await;
    let before = info(store).await;
    let record = must(store.record("deal-1").await, "record");
    replicate(
        store,
        vec![
            replicated("deal-1", "2-b", &["b", "a"], false, json!({"v": "B"})),
            replicated("deal-1", "1-a", &["a"], false, json!({})),
            replicated(
                "deal-2",
                &local.to_string(),
                &[&local.hash],
                false,
                json!({"v": 1}),
            ),
        ],
    )
    .await;
    assert_eq!(
        info(store).await,
        before,
        "no new sequence, no new document"
    );
    assert_eq!(
        must(store.record("deal-1").await, "record"),
        record,
        "the record is unchanged"
    );
    let page = must(store.changes(before.update_seq, 10).await, "changes");
    assert!(
        page.results.is_empty(),
        "a known revision makes no change row"
    );
}

pub async fn case_replicated_child_of_a_local_edit_is_no_conflict<S: DocStore>(store: &S) {
    let r1 = create(store, "contact-1", json!({"name": "Ana"})).await;
    replicate(
        store,
        vec![replicated(
            "contact-1",
            "2-x",
            &["x", &r1.hash],
            false,
            json!({"name": "Ana R."}),
        )],
    )
    .await;
    let doc = get(store, "contact-1").await;
    assert_eq!(
        (doc.rev, &doc.body["name"]),
        (rev("2-x"), &json!("Ana R.")),
        "the remote edit is the document"
    );
    let all = must(store.get_conflicts("contact-1").await, "get_conflicts");
    assert_eq!(
        revs(&all),
        vec!["2-x"],
        "an edit on top of ours is no conflict"
    );

    replicate(
        store,
        vec![replicated(
            "contact-2",
            "7-g",
            &["g", "f"],
            false,
            json!({"name": "stemmed"}),
        )],
    )
    .await;
    let record =
        must(store.record("contact-2").await, "record").unwrap_or_else(|| panic!("record"));
    assert_eq!(
        record.tree.path(&rev("7-g")),
        Some(vec!["g".to_owned(), "f".to_owned()]),
        "stemmed history is kept"
    );
    assert_eq!(
        get(store, "contact-2").await.rev,
        rev("7-g"),
        "a document with stemmed history is readable"
    );
}

pub async fn case_get_rev_reads_leaves_only<S: DocStore>(store: &S) {
    two_branches(store, "deal-1").await;
    let body_of = |doc: Option<crate::store::Doc>| doc.map(|d| d.body["v"].clone());
    let loser = must(store.get_rev("deal-1", &rev("2-b")).await, "get_rev");
    assert_eq!(
        body_of(loser),
        Some(json!("B")),
        "a losing leaf is readable"
    );
    let winner = must(store.get_rev("deal-1", &rev("2-c")).await, "get_rev");
    assert_eq!(body_of(winner), Some(json!("C")), "the winner is readable");
    assert_eq!(
        must(store.get_rev("deal-1", &rev("1-a")).await, "get_rev"),
        None,
        "an ancestor body is not kept"
    );
    assert_eq!(
        must(store.get_rev("deal-1", &rev("9-x")).await, "get_rev"),
        None,
        "an unknown revision is none"
    );
    assert_eq!(
        must(store.get_rev("nope", &rev("1-a")).await, "get_rev"),
        None,
        "a missing document is none"
    );
    let deletion = delete(store, "deal-1", &rev("2-c")).await;
    let tombstone = must(store.get_rev("deal-1", &deletion).await, "get_rev");
    assert_eq!(
        tombstone.map(|d| d.deleted),
        Some(true),
        "a losing deletion leaf is readable"
    );
}

pub async fn case_read_revs_answers_each_revision_in_order<S: DocStore>(store: &S) {
    two_branches(store, "deal-1").await;
    let plain = create(store, "deal-2", json!({"v": "P"})).await;
    let ask = RevsDiff::from([
        (
            "deal-1".to_owned(),
            vec![rev("2-b"), rev("1-a"), rev("2-c"), rev("9-x")],
        ),
        ("deal-2".to_owned(), vec![plain.clone()]),
        ("deal-9".to_owned(), vec![rev("1-z")]),
    ]);
    let reads = must(store.read_revs(&ask).await, "read_revs");
    let shape: Vec<String> = reads
        .iter()
        .map(|r| match r {
            RevRead::Found(d) => format!(
                "found {} {} {} {}",
                d.doc.id,
                d.doc.rev,
                d.doc.body["v"],
                d.ancestry.join(",")
            ),
            RevRead::Superseded { id, rev } => format!("superseded {id} {rev}"),
            RevRead::Missing { id, rev } => format!("missing {id} {rev}"),
        })
        .collect();
    assert_eq!(
        shape,
        vec![
            "found deal-1 2-b \"B\" b,a".to_owned(),
            "superseded deal-1 1-a".to_owned(),
            "found deal-1 2-c \"C\" c,a".to_owned(),
            "missing deal-1 9-x".to_owned(),
            format!("found deal-2 {plain} \"P\" {}", plain.hash),
            "missing deal-9 1-z".to_owned(),
        ],
        "one answer per revision asked, in order: losing leaf and winner with their ancestry, \
         an ancestor superseded, unknown revisions and documents missing"
    );
}

pub async fn case_revs_diff_lists_missing_revisions<S: DocStore>(store: &S) {
    two_branches(store, "deal-1").await;
    let ask = RevsDiff::from([
        (
            "deal-1".to_owned(),
            vec![rev("2-b"), rev("3-d"), rev("1-a")],
        ),
        ("deal-9".to_owned(), vec![rev("1-z")]),
        ("deal-1-copy".to_owned(), vec![]),
    ]);
    let missing = must(store.revs_diff(&ask).await, "revs_diff");
    let expected = RevsDiff::from([
        ("deal-1".to_owned(), vec![rev("3-d")]),
        ("deal-9".to_owned(), vec![rev("1-z")]),
    ]);
    assert_eq!(
        missing, expected,
        "only unknown revisions are listed; complete ids are left out"
    );
    let known = RevsDiff::from([("deal-1".to_owned(), vec![rev("2-c")])]);
    assert!(
        must(store.revs_diff(&known).await, "revs_diff").is_empty(),
        "nothing is missing"
    );
}
