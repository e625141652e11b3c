//! Kept bases: the revision a local edit replaced, read back as the common ancestor of a
//! conflict (`conflict_base`), kept through replication, dropped with the document.

use serde_json::json;

use super::{
    body as body_of, create, delete, edit, must, replicate, replicated, rev, save, two_branches,
    update,
};
use crate::store::{DocRecord, DocStore, RevRead, RevsDiff};

async fn record<S: DocStore>(store: &S, id: &str) -> DocRecord {
    match must(store.record(id).await, "record") {
        Some(r) => r,
        None => panic!("{id} should have a record"),
    }
}

pub async fn case_conflict_base_is_the_kept_common_ancestor<S: DocStore>(store: &S) {
    let r1 = create(store, "c-1", json!({"name": "Ana", "phone": "600"})).await;
    assert_eq!(
        must(store.conflict_base("c-1").await, "conflict_base"),
        None,
        "no conflict, no base"
    );
    let r2 = update(store, "c-1", &r1, json!({"name": "Ana", "phone": "611"})).await;
    assert_eq!(
        record(store, "c-1").await.base,
        Some(r1.clone()),
        "the edit kept 1-"
    );
    assert_eq!(
        must(store.conflict_base("c-1").await, "conflict_base"),
        None,
        "a base is only answered for a conflict"
    );
    assert_eq!(
        must(store.get_rev("c-1", &r1).await, "get_rev"),
        None,
        "a kept base is not a leaf: get_rev does not answer it"
    );
    let ask = RevsDiff::from([("c-1".to_owned(), vec![r1.clone()])]);
    assert_eq!(
        must(store.read_revs(&ask).await, "read_revs"),
        vec![RevRead::Superseded {
            id: "c-1".into(),
            rev: r1.clone()
        }],
        "a kept base is never replicated"
    );

    // Another device edited 1- too.
    let other = json!({"name": "Ana", "phone": "600", "city": "Lugo"});
    replicate(
        store,
        vec![replicated("c-1", "2-z", &["z", &r1.hash], false, other)],
    )
    .await;
    let base = must(store.conflict_base("c-1").await, "conflict_base");
    assert_eq!(
        base.map(|d| (d.rev, d.body)),
        Some((r1.clone(), body_of(json!({"name": "Ana", "phone": "600"})))),
        "the common ancestor of the two leaves, with its body"
    );
    replicate(
        store,
        vec![replicated(
            "c-1",
            "3-y",
            &["y", "z", &r1.hash],
            false,
            json!({"name": "Ana", "phone": "600", "city": "Ourense"}),
        )],
    )
    .await;
    let base = must(store.conflict_base("c-1").await, "conflict_base");
    assert_eq!(
        base.map(|d| d.rev),
        Some(r1.clone()),
        "replicated revisions keep the base the conflict still needs"
    );

    // Resolved: the merge on the winner, the other leaf deleted.
    let winner = record(store, "c-1").await.winner;
    assert_eq!(winner, rev("3-y"));
    let merged = json!({"name": "Ana", "phone": "611", "city": "Ourense"});
    let resolved = update(store, "c-1", &winner, merged).await;
    delete(store, "c-1", &r2).await;
    assert_eq!(
        must(store.conflict_base("c-1").await, "conflict_base"),
        None,
        "no conflict left"
    );
    delete(store, "c-1", &resolved).await;
    assert_eq!(
        record(store, "c-1").await.base,
        None,
        "a deleted document keeps no base"
    );
}

pub async fn case_conflict_base_needs_the_shared_revision<S: DocStore>(store: &S) {
    two_branches(store, "deal-1").await;
    assert_eq!(
        must(store.conflict_base("deal-1").await, "conflict_base"),
        None,
        "both branches came from elsewhere: no base was kept"
    );
    let edited = save(
        store,
        edit("deal-1", Some(&rev("2-c")), false, json!({"v": "C2"})),
    )
    .await;
    assert!(edited.is_ok(), "{edited:?}");
    assert_eq!(record(store, "deal-1").await.base, Some(rev("2-c")));
    assert_eq!(
        must(store.conflict_base("deal-1").await, "conflict_base"),
        None,
        "the conflict branched at 1-a, which is not kept"
    );
}

pub async fn case_saves_in_a_row_keep_the_base_they_started_from<S: DocStore>(store: &S) {
    let r1 = create(store, "c-1", json!({"n": 1})).await;
    let r2 = update(store, "c-1", &r1, json!({"n": 2})).await;
    update(store, "c-1", &r2, json!({"n": 3})).await;
    replicate(
        store,
        vec![replicated(
            "c-1",
            "2-z",
            &["z", &r1.hash],
            false,
            json!({"n": 1, "m": 1}),
        )],
    )
    .await;
    let base = must(store.conflict_base("c-1").await, "conflict_base");
    assert_eq!(
        base.map(|d| (d.rev, d.body)),
        Some((r1, body_of(json!({"n": 1})))),
        "two offline saves still merge against what the other device had"
    );
}
