//! IndexedDB-specific behaviour of the store, beyond the `DocStore` contract: persistence across
//! connections, schema versions, wiping, other tabs, and all-or-nothing batches.
#![cfg(target_arch = "wasm32")]

use cartera::idb::{
    IdbStore, SCHEMA_VERSION, delete_database, request_persistent_storage, storage_estimate,
};
use cartera_core::store::{
    Body, Doc, DocStore, Edit, IdRange, Query, ReplicatedDoc, Rev, RevsDiff, StoreError,
};
use js_sys::{Function, Promise};
use serde_json::{Value, json};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{IdbDatabase, IdbOpenDbRequest, IdbTransactionMode};

wasm_bindgen_test_configure!(run_in_browser);

fn db_name(test: &str) -> String {
    format!("idb-store-{test}-{}", uuid::Uuid::now_v7())
}

fn body(v: Value) -> Body {
    match v {
        Value::Object(m) => m,
        _ => Body::new(),
    }
}

fn create(id: &str, v: Value) -> Edit {
    Edit {
        id: id.into(),
        prev: None,
        deleted: false,
        body: body(v),
    }
}

async fn open(name: &str) -> IdbStore {
    IdbStore::open(name).await.expect("open the store")
}

/// Opens `name` directly, as another tab or another build of the app would; `version: None`
/// opens whatever version is stored.
async fn raw_open(name: &str, version: Option<u32>) -> IdbDatabase {
    let factory = web_sys::window()
        .and_then(|w| w.indexed_db().ok().flatten())
        .expect("indexedDB");
    let req: IdbOpenDbRequest = match version {
        Some(v) => factory.open_with_u32(name, v),
        None => factory.open(name),
    }
    .expect("open request");
    let done = Promise::new(&mut |resolve: Function, reject: Function| {
        req.set_onsuccess(Some(&resolve));
        req.set_onerror(Some(&reject));
    });
    JsFuture::from(done).await.expect("raw open");
    req.result().expect("result").unchecked_into()
}

/// Writes `value` under `key` in the store's `meta` object store, behind the store's back.
async fn raw_put_meta(db: &IdbDatabase, key: &str, value: f64) {
    let tx = db
        .transaction_with_str_and_mode("meta", IdbTransactionMode::Readwrite)
        .expect("transaction");
    let done = Promise::new(&mut |resolve: Function, reject: Function| {
        tx.set_oncomplete(Some(&resolve));
        tx.set_onabort(Some(&reject));
    });
    tx.object_store("meta")
        .expect("meta")
        .put_with_key(&JsValue::from_f64(value), &JsValue::from_str(key))
        .expect("put");
    JsFuture::from(done).await.expect("raw write");
}

fn names(list: web_sys::DomStringList) -> Vec<String> {
    (0..list.length()).filter_map(|i| list.item(i)).collect()
}

#[wasm_bindgen_test]
async fn data_survives_closing_and_reopening() {
    let name = db_name("reopen");
    let store = open(&name).await;
    let results = store
        .bulk_docs(vec![
            create(
                "acct-1",
                json!({"type": "account", "name": "Ferretería Núñez"}),
            ),
            create(
                "ct-1",
                json!({"type": "contact", "owner": "ana", "account_id": "acct-1"}),
            ),
        ])
        .await
        .expect("bulk_docs");
    assert!(results.iter().all(Result::is_ok), "{results:?}");
    // A conflict, so a non-winning leaf body is stored too.
    let conflict = |rev: &str, hash: &str, v: &str| ReplicatedDoc {
        doc: Doc {
            id: "deal-1".into(),
            rev: rev.parse().expect("rev"),
            deleted: false,
            body: body(json!({"type": "deal", "v": v})),
        },
        ancestry: vec![hash.into(), "a".into()],
    };
    store
        .bulk_docs_replicated(vec![conflict("2-b", "b", "B"), conflict("2-c", "c", "C")])
        .await
        .expect("replicate");
    store
        .put_local("_local/checkpoint", Some(json!({"last_seq": 7})))
        .await
        .expect("put_local");
    let info_before = store.info().await.expect("info");
    drop(store);

    let store = open(&name).await;
    let contact = store.get("ct-1").await.expect("get").expect("ct-1 kept");
    assert_eq!(contact.body.get("owner"), Some(&json!("ana")));
    let conflicts = store.get_conflicts("deal-1").await.expect("conflicts");
    let revs: Vec<String> = conflicts.iter().map(|d| d.rev.to_string()).collect();
    assert_eq!(revs, ["2-c", "2-b"], "winner and its conflict survive");
    assert_eq!(conflicts[1].body.get("v"), Some(&json!("B")));
    assert_eq!(store.info().await.expect("info"), info_before);
    assert_eq!(info_before.doc_count, 3);
    let by_owner = Query::ByOwner {
        doc_type: "contact".into(),
        owner: "ana".into(),
    };
    assert_eq!(store.query(&by_owner).await.expect("query").len(), 1);
    assert_eq!(
        store.get_local("_local/checkpoint").await.expect("local"),
        Some(json!({"last_seq": 7}))
    );
    drop(store);
    delete_database(&name).await.expect("delete");
}

#[wasm_bindgen_test]
async fn a_fresh_database_has_the_current_schema() {
    let name = db_name("schema");
    drop(open(&name).await);
    let db = raw_open(&name, None).await;
    assert_eq!(db.version() as u32, SCHEMA_VERSION);
    let mut stores = names(db.object_store_names());
    stores.sort();
    assert_eq!(stores, ["docs", "local", "meta", "revs"]);
    let tx = db.transaction_with_str("docs").expect("tx");
    let mut indexes = names(tx.object_store("docs").expect("docs").index_names());
    indexes.sort();
    assert_eq!(indexes, ["account", "owner", "seq", "type", "updated"]);
    db.close();
    delete_database(&name).await.expect("delete");
}

#[wasm_bindgen_test]
async fn data_from_a_newer_version_is_refused_and_left_alone() {
    let name = db_name("newer");
    let newer = raw_open(&name, Some(SCHEMA_VERSION + 1)).await;
    newer.close();
    match IdbStore::open(&name).await {
        Err(StoreError::VersionTooNew) => {}
        Err(e) => panic!("expected VersionTooNew, got {e:?}"),
        Ok(_) => panic!("expected VersionTooNew, the store opened"),
    }
    let db = raw_open(&name, None).await;
    assert_eq!(
        db.version() as u32,
        SCHEMA_VERSION + 1,
        "the newer data is untouched"
    );
    db.close();
    delete_database(&name).await.expect("delete");
}

#[wasm_bindgen_test]
async fn deleting_the_database_wipes_local_data() {
    let name = db_name("wipe");
    let store = open(&name).await;
    store
        .bulk_docs(vec![create("ct-1", json!({"type": "contact"}))])
        .await
        .expect("bulk_docs");
    drop(store);
    delete_database(&name).await.expect("delete");
    let store = open(&name).await;
    assert_eq!(store.get("ct-1").await.expect("get"), None);
    assert_eq!(store.info().await.expect("info").update_seq, 0);
    drop(store);
    delete_database(&name).await.expect("delete");
}

#[wasm_bindgen_test]
async fn another_tab_wiping_the_database_closes_this_connection() {
    let name = db_name("other-tab");
    let store = open(&name).await;
    // The open store must not block the deletion: it closes itself when asked.
    delete_database(&name).await.expect("delete is not blocked");
    match store.get("ct-1").await {
        Err(StoreError::Unavailable(_)) => {}
        other => panic!("expected Unavailable on a closed connection, got {other:?}"),
    }
}

#[wasm_bindgen_test]
async fn a_connection_that_never_closes_blocks_the_wipe_until_it_closes() {
    let name = db_name("blocked");
    let store = open(&name).await;
    store
        .bulk_docs(vec![create("ct-1", json!({"type": "contact"}))])
        .await
        .expect("bulk_docs");
    drop(store);
    // An older build's connection, without a `versionchange` handler.
    let stubborn = raw_open(&name, None).await;
    match delete_database(&name).await {
        Err(StoreError::Unavailable(_)) => {}
        other => panic!("expected Unavailable while blocked, got {other:?}"),
    }
    stubborn.close();
    // The deletion was queued and goes first once unblocked.
    let store = open(&name).await;
    assert_eq!(store.get("ct-1").await.expect("get"), None);
    drop(store);
    delete_database(&name).await.expect("delete");
}

#[wasm_bindgen_test]
async fn a_failed_write_leaves_nothing_of_its_batch() {
    let name = db_name("atomic");
    let store = open(&name).await;
    store
        .bulk_docs(vec![
            create("a", json!({"type": "contact"})),
            create("b", json!({"type": "contact"})),
        ])
        .await
        .expect("bulk_docs");
    // Rewind the update sequence behind the store's back: the next batch's first record then
    // reuses sequence 1, which the unique `seq` index refuses in the middle of the batch.
    let raw = raw_open(&name, None).await;
    raw_put_meta(&raw, "update_seq", 0.0).await;
    raw.close();
    let batch = vec![
        create("c", json!({"type": "contact"})),
        create("d", json!({"type": "contact"})),
    ];
    match store.bulk_docs(batch).await {
        Err(StoreError::Backend(reason)) => assert!(reason.contains("ConstraintError"), "{reason}"),
        other => panic!("expected a backend error, got {other:?}"),
    }
    let ids: Vec<String> = store
        .all_docs(&IdRange::default())
        .await
        .expect("all_docs")
        .into_iter()
        .map(|d| d.id)
        .collect();
    assert_eq!(ids, ["a", "b"], "nothing of the failed batch was written");
    assert_eq!(store.info().await.expect("info").doc_count, 2);
    drop(store);
    delete_database(&name).await.expect("delete");
}

#[wasm_bindgen_test]
async fn storage_estimate_reports_usage_and_quota() {
    let (usage, quota) = storage_estimate()
        .await
        .expect("Chromium reports an estimate");
    assert!(quota > 0 && usage <= quota, "usage {usage} quota {quota}");
    // Headless Chromium decides by its own heuristics; the call must answer, not hang.
    let _granted: bool = request_persistent_storage().await;
}

#[wasm_bindgen_test]
async fn a_large_batch_finds_its_existing_documents() {
    let name = db_name("large-batch");
    let store = open(&name).await;
    // IndexedDB orders strings by UTF-16 code units: U+1F600 (a surrogate pair, 0xD83D…) sorts
    // before U+FF5E there, but after it in UTF-8. Both must be found as existing.
    let mut existing: Vec<String> = (0..40).map(|i| format!("doc-{:02}", 2 * i)).collect();
    existing.push("\u{FF5E}-last-in-utf16".into());
    existing.push("\u{1F600}-last-in-utf8".into());
    let created = store
        .bulk_docs(
            existing
                .iter()
                .map(|id| create(id, json!({"n": 1})))
                .collect(),
        )
        .await
        .expect("create");
    let revs: Vec<_> = created.into_iter().map(|r| r.expect("created")).collect();

    // Updates of every existing document (with the right parent), re-creations of existing ids
    // (conflicts), and new documents in between.
    let mut batch: Vec<Edit> = existing
        .iter()
        .zip(&revs)
        .map(|(id, rev)| Edit {
            id: id.clone(),
            prev: Some(rev.clone()),
            deleted: false,
            body: body(json!({"n": 2})),
        })
        .collect();
    batch.extend((0..5).map(|i| create(&format!("doc-{:02}", 2 * i), json!({"n": 9}))));
    batch.extend((0..40).map(|i| create(&format!("doc-{:02}", 2 * i + 1), json!({"n": 1}))));
    let results = store.bulk_docs(batch).await.expect("bulk_docs");
    let (updates, rest) = results.split_at(existing.len());
    let (recreations, news) = rest.split_at(5);
    assert!(
        updates
            .iter()
            .all(|r| r.as_ref().is_ok_and(|rev| rev.pos == 2)),
        "{updates:?}"
    );
    assert!(
        recreations
            .iter()
            .all(|r| *r == Err(cartera_core::store::WriteError::Conflict))
    );
    assert!(news.iter().all(Result::is_ok), "{news:?}");
    let info = store.info().await.expect("info");
    assert_eq!(info.doc_count, 82);
    let emoji = store
        .get("\u{1F600}-last-in-utf8")
        .await
        .expect("get")
        .expect("kept");
    assert_eq!(emoji.body.get("n"), Some(&json!(2)));
    drop(store);
    delete_database(&name).await.expect("delete");
}

/// `revs_diff` of a large batch lists the keys of its range first when they are few (a pull of
/// new documents reads no record), and reads id by id when the range spans many others: both
/// ways, known revisions are not missing and unknown ones (new ids, new revisions) are.
#[wasm_bindgen_test]
async fn a_large_revs_diff_finds_known_revisions_in_dense_and_spread_ranges() {
    let name = db_name("large-diff");
    let store = open(&name).await;
    let ids: Vec<String> = (0..400).map(|i| format!("a-{i:03}")).collect();
    let edits = ids.iter().map(|id| create(id, json!({"n": 1}))).collect();
    let created = store.bulk_docs(edits).await.expect("create");
    let revs: Vec<_> = created.into_iter().map(|r| r.expect("created")).collect();
    let other: Rev = "1-00000000000000000000000000000000".parse().expect("rev");
    for (step, label) in [
        (1, "dense: 40 keys in range"),
        (10, "spread: 400 keys in range"),
    ] {
        let mut asked = RevsDiff::new();
        for i in (0..40).map(|k| k * step) {
            asked.insert(ids[i].clone(), vec![revs[i].clone()]);
        }
        // A known id with an unknown revision, and new ids inside the range.
        asked.insert(ids[0].clone(), vec![revs[0].clone(), other.clone()]);
        for new in ["a-000-new", "a-001-new"] {
            asked.insert(new.into(), vec![other.clone()]);
        }
        let missing = store.revs_diff(&asked).await.expect("revs_diff");
        let mut expected = RevsDiff::new();
        expected.insert(ids[0].clone(), vec![other.clone()]);
        for new in ["a-000-new", "a-001-new"] {
            expected.insert(new.into(), vec![other.clone()]);
        }
        assert_eq!(missing, expected, "{label}");
    }
    drop(store);
    delete_database(&name).await.expect("delete");
}

/// A type is read a page of 1000 at a time: across page boundaries nothing is lost or repeated,
/// other types and deleted documents in between are left out, and the order is by id.
#[wasm_bindgen_test]
async fn a_type_is_read_whole_across_pages() {
    let name = db_name("type-pages");
    let store = open(&name).await;
    let mut batch = Vec::new();
    for i in 0..2_345 {
        batch.push(create(
            &format!("d-{i:05}"),
            json!({"type": "deal", "n": i}),
        ));
        if i % 3 == 0 {
            batch.push(create(&format!("d-{i:05}-c"), json!({"type": "contact"})));
        }
    }
    let revs = store.bulk_docs(batch).await.expect("create");
    assert!(revs.iter().all(Result::is_ok));
    // Delete the deal that would sit on the first page boundary, and another one.
    for id in ["d-01000", "d-02000"] {
        let doc = store.get(id).await.expect("get").expect("exists");
        let deleted = Edit {
            id: id.into(),
            prev: Some(doc.rev),
            deleted: true,
            body: Body::new(),
        };
        assert!(store.bulk_docs(vec![deleted]).await.expect("delete")[0].is_ok());
    }
    let deals = store
        .query(&Query::ByType {
            doc_type: "deal".into(),
        })
        .await
        .expect("query");
    let ids: Vec<&str> = deals.iter().map(|d| d.id.as_str()).collect();
    let expected: Vec<String> = (0..2_345)
        .filter(|i| *i != 1000 && *i != 2000)
        .map(|i| format!("d-{i:05}"))
        .collect();
    assert_eq!(ids.len(), 2_343);
    assert!(
        ids.iter().zip(&expected).all(|(a, b)| *a == b),
        "by id, each once"
    );
    drop(store);
    delete_database(&name).await.expect("delete");
}

/// A database written by schema version 1 (type index keyed by the type alone) opens at the
/// current version with its data, and its types read through the rebuilt index.
#[wasm_bindgen_test]
async fn a_version_1_database_is_upgraded_with_its_data() {
    let name = db_name("upgrade-v1");
    {
        let old = IdbStore::open_old_schema(&name, 1)
            .await
            .expect("open at v1");
        let r = old
            .bulk_docs(vec![
                create("a-1", json!({"type": "deal"})),
                create("a-2", json!({"type": "contact"})),
                create("a-3", json!({"type": "deal"})),
            ])
            .await
            .expect("write at v1");
        assert!(r.iter().all(Result::is_ok));
    }
    let store = open(&name).await;
    let deals = store
        .query(&Query::ByType {
            doc_type: "deal".into(),
        })
        .await
        .expect("query after the upgrade");
    let ids: Vec<&str> = deals.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["a-1", "a-3"]);
    assert_eq!(store.info().await.expect("info").doc_count, 3);
    drop(store);
    let db = raw_open(&name, None).await;
    assert_eq!(db.version() as u32, SCHEMA_VERSION);
    db.close();
    delete_database(&name).await.expect("delete");
}
