//! Secondary indexes (`Query`): live documents only, following every edit.

use serde_json::{Value, json};

use super::{create, delete, ids, must, replicate, replicated, rev, update};
use crate::store::{DocStore, Query};

async fn query_ids<S: DocStore>(store: &S, query: Query) -> Vec<String> {
    let docs = must(store.query(&query).await, "query");
    ids(&docs).into_iter().map(str::to_owned).collect()
}

fn by_type(doc_type: &str) -> Query {
    Query::ByType {
        doc_type: doc_type.to_owned(),
    }
}

fn by_owner(doc_type: &str, owner: &str) -> Query {
    Query::ByOwner {
        doc_type: doc_type.to_owned(),
        owner: owner.to_owned(),
    }
}

fn by_account(doc_type: &str, account: &str) -> Query {
    Query::ByAccount {
        doc_type: doc_type.to_owned(),
        account: account.to_owned(),
    }
}

fn recent(doc_type: &str, limit: usize) -> Query {
    Query::RecentlyUpdated {
        doc_type: doc_type.to_owned(),
        limit,
    }
}

pub async fn case_query_by_type<S: DocStore>(store: &S) {
    create(store, "c2", json!({"type": "contact", "name": "Eva"})).await;
    create(store, "c1", json!({"type": "contact", "name": "Ana"})).await;
    create(store, "a1", json!({"type": "account", "name": "Acme"})).await;
    create(store, "x1", json!({"name": "untyped"})).await;
    assert_eq!(
        query_ids(store, by_type("contact")).await,
        ["c1", "c2"],
        "contacts only, by id"
    );
    assert_eq!(
        query_ids(store, by_type("account")).await,
        ["a1"],
        "accounts only"
    );
    assert!(
        query_ids(store, by_type("task")).await.is_empty(),
        "no task yet"
    );
    let docs = must(store.query(&by_type("contact")).await, "query");
    assert_eq!(
        docs[0].body["name"], "Ana",
        "a query returns the documents' fields"
    );
}

pub async fn case_query_by_owner_follows_edits<S: DocStore>(store: &S) {
    let d1 = create(store, "d1", json!({"type": "deal", "owner": "ana"})).await;
    create(store, "d2", json!({"type": "deal", "owner": "luis"})).await;
    create(store, "d3", json!({"type": "deal", "owner": "ana"})).await;
    create(store, "c1", json!({"type": "contact", "owner": "ana"})).await;
    assert_eq!(
        query_ids(store, by_owner("deal", "ana")).await,
        ["d1", "d3"],
        "Ana's deals, not her contacts"
    );
    update(store, "d1", &d1, json!({"type": "deal", "owner": "luis"})).await;
    assert_eq!(
        query_ids(store, by_owner("deal", "ana")).await,
        ["d3"],
        "a reassigned deal leaves Ana's list"
    );
    assert_eq!(
        query_ids(store, by_owner("deal", "luis")).await,
        ["d1", "d2"],
        "and joins Luis's"
    );
    assert_eq!(
        query_ids(store, by_owner("contact", "ana")).await,
        ["c1"],
        "Ana's contacts"
    );
}

pub async fn case_query_by_account_follows_edits<S: DocStore>(store: &S) {
    let t1 = create(store, "t1", json!({"type": "task", "account_id": "acme"})).await;
    create(store, "t2", json!({"type": "task", "account_id": "globex"})).await;
    create(store, "n1", json!({"type": "note", "account_id": "acme"})).await;
    assert_eq!(
        query_ids(store, by_account("task", "acme")).await,
        ["t1"],
        "Acme's tasks, not its notes"
    );
    update(
        store,
        "t1",
        &t1,
        json!({"type": "task", "account_id": "globex"}),
    )
    .await;
    assert!(
        query_ids(store, by_account("task", "acme"))
            .await
            .is_empty(),
        "a moved task leaves Acme"
    );
    assert_eq!(
        query_ids(store, by_account("task", "globex")).await,
        ["t1", "t2"],
        "and joins Globex"
    );
    let t1 = must(store.get("t1").await, "get")
        .map(|d| d.rev)
        .unwrap_or_else(|| panic!("t1 exists"));
    update(store, "t1", &t1, json!({"type": "task"})).await;
    assert_eq!(
        query_ids(store, by_account("task", "globex")).await,
        ["t2"],
        "a task without account leaves"
    );
}

pub async fn case_query_recently_updated<S: DocStore>(store: &S) {
    let at = |t: &str| Value::String(format!("2025-03-0{t}T10:00:00Z"));
    create(store, "q1", json!({"type": "quote", "updated_at": at("1")})).await;
    let q2 = create(store, "q2", json!({"type": "quote", "updated_at": at("3")})).await;
    create(store, "q3", json!({"type": "quote", "updated_at": at("2")})).await;
    create(store, "q4", json!({"type": "quote", "updated_at": at("2")})).await;
    create(store, "q5", json!({"type": "quote"})).await;
    create(store, "o1", json!({"type": "order", "updated_at": at("9")})).await;
    let all = query_ids(store, recent("quote", 10)).await;
    assert_eq!(
        all,
        ["q2", "q4", "q3", "q1"],
        "newest first; same instant by id descending; undated left out"
    );
    assert_eq!(
        query_ids(store, recent("quote", 2)).await,
        ["q2", "q4"],
        "at most `limit`, the newest"
    );
    update(
        store,
        "q2",
        &q2,
        json!({"type": "quote", "updated_at": at("0")}),
    )
    .await;
    assert_eq!(
        query_ids(store, recent("quote", 2)).await,
        ["q4", "q3"],
        "an edit moves the document"
    );
    assert!(
        query_ids(store, recent("quote", 0)).await.is_empty(),
        "a limit of 0 is empty"
    );
}

pub async fn case_deleted_documents_leave_every_index<S: DocStore>(store: &S) {
    let fields = json!({"type": "deal", "owner": "ana", "account_id": "acme", "updated_at": "2025-01-01T00:00:00Z"});
    let r1 = create(store, "d1", fields.clone()).await;
    delete(store, "d1", &r1).await;
    let queries = [
        by_type("deal"),
        by_owner("deal", "ana"),
        by_account("deal", "acme"),
        recent("deal", 10),
    ];
    for q in queries.clone() {
        assert!(
            query_ids(store, q.clone()).await.is_empty(),
            "a deleted deal is not in {q:?}"
        );
    }
    create(store, "d1", fields).await;
    for q in queries {
        assert_eq!(
            query_ids(store, q.clone()).await,
            ["d1"],
            "a recreated deal is back in {q:?}"
        );
    }
}

pub async fn case_indexes_follow_the_winning_revision<S: DocStore>(store: &S) {
    replicate(
        store,
        vec![
            replicated(
                "d1",
                "2-b",
                &["b", "a"],
                false,
                json!({"type": "deal", "owner": "ana"}),
            ),
            replicated(
                "d1",
                "2-c",
                &["c", "a"],
                false,
                json!({"type": "deal", "owner": "luis"}),
            ),
        ],
    )
    .await;
    assert_eq!(
        query_ids(store, by_owner("deal", "luis")).await,
        ["d1"],
        "the winner's owner is indexed"
    );
    assert!(
        query_ids(store, by_owner("deal", "ana")).await.is_empty(),
        "a losing branch is not indexed"
    );
    delete(store, "d1", &rev("2-c")).await;
    assert_eq!(
        query_ids(store, by_owner("deal", "ana")).await,
        ["d1"],
        "the promoted branch is indexed"
    );
    assert!(
        query_ids(store, by_owner("deal", "luis")).await.is_empty(),
        "the deleted branch is not"
    );
}
