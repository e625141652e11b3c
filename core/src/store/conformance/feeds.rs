//! The changes feed, `all_docs`, local documents and `info`.

use serde_json::json;

use super::{create, delete, ids, info, must, replicate, replicated, rev, two_branches, update};
use crate::store::{Change, DocStore, IdRange, StoreInfo};

fn row_ids(rows: &[Change]) -> Vec<&str> {
    rows.iter().map(|c| c.id.as_str()).collect()
}

pub async fn case_changes_have_one_row_per_document<S: DocStore>(store: &S) {
    let a1 = create(store, "a", json!({"n": 1})).await;
    create(store, "b", json!({"n": 1})).await;
    update(store, "a", &a1, json!({"n": 2})).await;
    let page = must(store.changes(0, 100).await, "changes");
    assert_eq!(
        row_ids(&page.results),
        vec!["b", "a"],
        "one row per document, ordered by its latest change"
    );
    let seq = info(store).await.update_seq;
    assert_eq!(
        page.results[1].seq, seq,
        "a's row carries its latest sequence"
    );
    assert!(
        page.results[0].seq < page.results[1].seq,
        "rows are ordered by sequence"
    );
    assert_eq!(page.last_seq, seq, "last_seq is the last row's sequence");

    let empty = must(store.changes(seq, 100).await, "changes");
    assert!(
        empty.results.is_empty(),
        "nothing changed since the last sequence"
    );
    assert_eq!(empty.last_seq, seq, "an empty page keeps last_seq at since");
    let since_b = must(store.changes(page.results[0].seq, 100).await, "changes");
    assert_eq!(
        row_ids(&since_b.results),
        vec!["a"],
        "changes after b's sequence"
    );
}

pub async fn case_changes_page_by_limit<S: DocStore>(store: &S) {
    for i in 0..5 {
        create(store, &format!("d{i}"), json!({"i": i})).await;
    }
    let mut seen = Vec::new();
    let mut since = 0;
    for expected_len in [2, 2, 1, 0] {
        let page = must(store.changes(since, 2).await, "changes");
        assert_eq!(
            page.results.len(),
            expected_len,
            "a page holds at most `limit` rows"
        );
        seen.extend(page.results.iter().map(|c| c.id.clone()));
        since = page.last_seq;
    }
    assert_eq!(
        seen,
        vec!["d0", "d1", "d2", "d3", "d4"],
        "paging visits every document once, in order"
    );
    assert_eq!(
        since,
        info(store).await.update_seq,
        "paging ends at the store's sequence"
    );
}

pub async fn case_changes_report_deletions_and_leaves<S: DocStore>(store: &S) {
    let r1 = create(store, "gone", json!({"n": 1})).await;
    let r2 = delete(store, "gone", &r1).await;
    two_branches(store, "deal-1").await;
    let page = must(store.changes(0, 100).await, "changes");
    assert_eq!(row_ids(&page.results), vec!["gone", "deal-1"]);
    let gone = &page.results[0];
    assert!(gone.deleted, "a deletion is in the feed, marked deleted");
    assert_eq!(
        gone.leaves,
        vec![r2],
        "a deleted document's leaf is its deletion"
    );
    let deal = &page.results[1];
    assert!(!deal.deleted, "a conflicted document is live");
    assert_eq!(
        deal.leaves,
        vec![rev("2-c"), rev("2-b")],
        "every leaf, winner first"
    );
}

/// A push sends what this device made without asking the server: the feed must say so only
/// while the only leaf is a local edit's.
pub async fn case_changes_say_which_revisions_were_made_here<S: DocStore>(store: &S) {
    let mine = create(store, "mine", json!({"n": 1})).await;
    replicate(
        store,
        vec![replicated("theirs", "1-t", &["t"], false, json!({"n": 1}))],
    )
    .await;
    two_branches(store, "both").await;
    let made_here = |page: &crate::store::ChangesPage, id: &str| {
        page.results
            .iter()
            .find(|c| c.id == id)
            .map(|c| c.made_here)
            .unwrap_or_else(|| panic!("{id} is in the feed"))
    };
    let page = must(store.changes(0, 100).await, "changes");
    assert!(
        made_here(&page, "mine"),
        "a local edit's revision is made here"
    );
    assert!(!made_here(&page, "theirs"), "a replicated revision is not");
    assert!(!made_here(&page, "both"), "nor a conflict");

    // An edit of a replicated document is made here; a replicated edit on top of ours is not.
    let theirs = update(store, "theirs", &rev("1-t"), json!({"n": 2})).await;
    let mine_hash = mine.to_string();
    let mine_hash = mine_hash.split_once('-').map_or("", |(_, h)| h);
    replicate(
        store,
        vec![replicated(
            "mine",
            "2-m",
            &["m", mine_hash],
            false,
            json!({"n": 2}),
        )],
    )
    .await;
    let page = must(store.changes(0, 100).await, "changes");
    assert!(made_here(&page, "theirs"), "{theirs} was edited here");
    assert!(!made_here(&page, "mine"), "2-m came from elsewhere");
}

pub async fn case_all_docs_ranges_and_limit<S: DocStore>(store: &S) {
    for id in ["acc-1", "acc-2", "con-1", "con-2", "opp-1"] {
        create(store, id, json!({"name": id})).await;
    }
    let con2 = must(store.get("con-2").await, "get")
        .map(|d| d.rev)
        .unwrap_or_else(|| panic!("con-2 exists"));
    delete(store, "con-2", &con2).await;
    let range = |start: Option<&str>, end: Option<&str>, limit: Option<usize>| IdRange {
        start: start.map(str::to_owned),
        end: end.map(str::to_owned),
        limit,
    };
    let cases = [
        (
            range(None, None, None),
            vec!["acc-1", "acc-2", "con-1", "opp-1"],
            "every live document, by id",
        ),
        (
            range(Some("con"), Some("con\u{fff0}"), None),
            vec!["con-1"],
            "a prefix range",
        ),
        (
            range(Some("acc-2"), None, None),
            vec!["acc-2", "con-1", "opp-1"],
            "the start is inclusive",
        ),
        (
            range(None, Some("con-1"), None),
            vec!["acc-1", "acc-2"],
            "the end is exclusive",
        ),
        (
            range(None, None, Some(2)),
            vec!["acc-1", "acc-2"],
            "at most `limit` documents",
        ),
        (
            range(Some("con"), None, Some(2)),
            vec!["con-1", "opp-1"],
            "deleted documents do not use up the limit",
        ),
        (
            range(Some("z"), Some("a"), None),
            vec![],
            "a start after the end is empty",
        ),
        (range(None, None, Some(0)), vec![], "a limit of 0 is empty"),
    ];
    for (r, expected, why) in cases {
        let docs = must(store.all_docs(&r).await, "all_docs");
        assert_eq!(ids(&docs), expected, "{why}");
    }
    let first = must(
        store.all_docs(&range(None, None, Some(1))).await,
        "all_docs",
    );
    assert_eq!(
        first[0].body["name"], "acc-1",
        "all_docs returns the documents' fields"
    );
}

pub async fn case_local_docs_are_kept_apart<S: DocStore>(store: &S) {
    let id = "_local/replication-abc";
    assert_eq!(
        must(store.get_local(id).await, "get_local"),
        None,
        "no local document yet"
    );
    must(
        store.put_local(id, Some(json!({"last_seq": "12-x"}))).await,
        "put_local",
    );
    must(
        store.put_local(id, Some(json!({"last_seq": "15-y"}))).await,
        "put_local",
    );
    assert_eq!(
        must(store.get_local(id).await, "get_local"),
        Some(json!({"last_seq": "15-y"})),
        "the last write wins"
    );
    assert_eq!(
        info(store).await,
        StoreInfo {
            doc_count: 0,
            update_seq: 0
        },
        "local documents are not counted"
    );
    assert!(
        must(store.changes(0, 10).await, "changes")
            .results
            .is_empty(),
        "nor in the changes feed"
    );
    assert!(
        must(store.all_docs(&IdRange::default()).await, "all_docs").is_empty(),
        "nor in all_docs"
    );
    assert_eq!(
        must(store.get(id).await, "get"),
        None,
        "nor readable as a document"
    );
    must(store.put_local(id, None).await, "put_local");
    assert_eq!(
        must(store.get_local(id).await, "get_local"),
        None,
        "a removed local document is gone"
    );
    must(
        store.put_local("_local/never-written", None).await,
        "removing a missing local document is fine",
    );
}

pub async fn case_info_counts_live_documents<S: DocStore>(store: &S) {
    assert_eq!(
        info(store).await,
        StoreInfo {
            doc_count: 0,
            update_seq: 0
        },
        "an empty store"
    );
    let a = create(store, "a", json!({})).await;
    create(store, "b", json!({})).await;
    create(store, "c", json!({})).await;
    assert_eq!(
        info(store).await,
        StoreInfo {
            doc_count: 3,
            update_seq: 3
        },
        "three documents, three writes"
    );
    delete(store, "a", &a).await;
    assert_eq!(
        info(store).await,
        StoreInfo {
            doc_count: 2,
            update_seq: 4
        },
        "a deletion is a write"
    );
    two_branches(store, "d").await;
    assert_eq!(
        info(store).await.doc_count,
        3,
        "a conflicted document counts once"
    );
}
