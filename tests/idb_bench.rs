//! Import and listing speed of the IndexedDB store against the floor: a raw IndexedDB put of
//! the same 10k contacts in one transaction.
//!
//! A benchmark, not a test: it prints `BENCH ...` lines for scripts/bench.sh and asserts nothing
//! about time. Timings only mean something in an optimised build:
//! `cargo test --release --features bench --target wasm32-unknown-unknown --test idb_bench -- --nocapture`.
#![cfg(all(target_arch = "wasm32", feature = "bench"))]

use cartera::idb::{IdbStore, delete_database};
use cartera_core::store::{Body, DocStore, Edit, IdRange, Query};
use js_sys::{Function, Promise};
use serde_json::{Value, json};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::{console_log, wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{IdbDatabase, IdbOpenDbRequest, IdbTransactionMode};

wasm_bindgen_test_configure!(run_in_browser);

const CONTACTS: usize = 10_000;
const ROUNDS: usize = 3;

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// A contact of about 300 bytes of JSON.
fn contact(i: usize) -> (String, Body) {
    let id = format!("contact-{i:06}-0190a8c4-7b1e-7d2a");
    let body = json!({
        "type": "contact",
        "name": format!("María José Fernández {i}"),
        "email": format!("maria.fernandez{i}@ferreteria-ejemplo.es"),
        "phone": format!("+34 91 {:03} {:02} {:02}", i % 1000, i % 97, i % 89),
        "account_id": format!("account-{:04}", i % 700),
        "owner": format!("rep-{}", i % 12),
        "city": "Alcalá de Henares",
        "title": "Jefa de compras",
        "source": "feria-ferretería-2026",
        "updated_at": format!("2026-11-{:02}T{:02}:{:02}:00Z", 1 + i % 28, i % 24, i % 60),
    });
    match body {
        Value::Object(m) => (id, m),
        _ => (id, Body::new()),
    }
}

async fn settle(promise: Promise) {
    JsFuture::from(promise).await.expect("request settles");
}

async fn raw_open(name: &str) -> IdbDatabase {
    let factory = web_sys::window()
        .and_then(|w| w.indexed_db().ok().flatten())
        .expect("indexedDB");
    let req: IdbOpenDbRequest = factory.open(name).expect("open");
    settle(Promise::new(&mut |resolve: Function, reject: Function| {
        req.set_onsuccess(Some(&resolve));
        req.set_onerror(Some(&reject));
    }))
    .await;
    req.result().expect("db").unchecked_into()
}

/// The floor: the contacts as plain JS objects with the fields the store's indexes read, put
/// into the store's own `docs` object store (same indexes) in one transaction.
async fn raw_import_ms(contacts: &[(String, Body)]) -> f64 {
    let name = format!("bench-raw-{}", uuid::Uuid::now_v7());
    drop(IdbStore::open(&name).await.expect("schema"));
    let db = raw_open(&name).await;
    let objects: Vec<JsValue> = contacts
        .iter()
        .enumerate()
        .map(|(seq, (id, body))| {
            let mut doc = body.clone();
            doc.insert("id".into(), json!(id));
            doc.insert("seq".into(), json!(seq + 1));
            doc.insert("t".into(), body["type"].clone());
            doc.insert("o".into(), body["owner"].clone());
            doc.insert("a".into(), body["account_id"].clone());
            doc.insert("u".into(), body["updated_at"].clone());
            js_sys::JSON::parse(&Value::Object(doc).to_string()).expect("JSON")
        })
        .collect();

    let start = now();
    let tx = db
        .transaction_with_str_and_mode("docs", IdbTransactionMode::Readwrite)
        .expect("tx");
    let done = Promise::new(&mut |resolve: Function, reject: Function| {
        tx.set_oncomplete(Some(&resolve));
        tx.set_onabort(Some(&reject));
    });
    let docs = tx.object_store("docs").expect("docs");
    for obj in &objects {
        docs.put(obj).expect("put");
    }
    settle(done).await;
    let ms = now() - start;
    db.close();
    delete_database(&name).await.expect("delete");
    ms
}

/// The store: `bulk_docs` of the same contacts into a fresh database.
async fn store_import_ms(contacts: &[(String, Body)], name: &str) -> f64 {
    let store = IdbStore::open(name).await.expect("open");
    let edits: Vec<Edit> = contacts
        .iter()
        .map(|(id, body)| Edit {
            id: id.clone(),
            prev: None,
            deleted: false,
            body: body.clone(),
        })
        .collect();
    let start = now();
    let results = store.bulk_docs(edits).await.expect("bulk_docs");
    let ms = now() - start;
    assert!(results.iter().all(Result::is_ok));
    ms
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs[xs.len() / 2]
}

#[wasm_bindgen_test]
async fn import_10k_contacts_against_raw_indexeddb() {
    let contacts: Vec<(String, Body)> = (0..CONTACTS).map(contact).collect();
    let bytes: usize = contacts
        .iter()
        .map(|(_, b)| Value::Object(b.clone()).to_string().len())
        .sum();
    let mut raw = Vec::new();
    let mut ours = Vec::new();
    for _ in 0..ROUNDS {
        raw.push(raw_import_ms(&contacts).await);
        let name = format!("bench-store-{}", uuid::Uuid::now_v7());
        ours.push(store_import_ms(&contacts, &name).await);
        delete_database(&name).await.expect("delete");
    }
    let (raw, ours) = (median(raw), median(ours));
    let ratio = ours / raw;
    console_log!(
        "import {CONTACTS} contacts ({} B avg): raw IndexedDB {raw:.0} ms, IdbStore::bulk_docs {ours:.0} ms, ratio {ratio:.2}",
        bytes / CONTACTS
    );
    console_log!("BENCH import n={CONTACTS} raw_ms={raw:.1} ours_ms={ours:.1} ratio={ratio:.3}");
}

#[wasm_bindgen_test]
async fn listing_10k_contacts() {
    let contacts: Vec<(String, Body)> = (0..CONTACTS).map(contact).collect();
    let name = format!("bench-list-{}", uuid::Uuid::now_v7());
    store_import_ms(&contacts, &name).await;

    // A new connection, as on a cold start of the app.
    let start = now();
    let store = IdbStore::open(&name).await.expect("open");
    let opened = now() - start;
    let timed = |label: &'static str, start: f64, n: usize| {
        console_log!("{label}: {n} docs in {:.1} ms", now() - start);
    };
    let t = now();
    let recent = Query::RecentlyUpdated {
        doc_type: "contact".into(),
        limit: 50,
    };
    let first = store.query(&recent).await.expect("recent");
    timed("recently updated, first 50", t, first.len());
    let t = now();
    let page = IdRange {
        limit: Some(50),
        ..IdRange::default()
    };
    let first_page = store.all_docs(&page).await.expect("all_docs");
    timed("all_docs, first 50 by id", t, first_page.len());
    let t = now();
    let all = store
        .query(&Query::ByType {
            doc_type: "contact".into(),
        })
        .await
        .expect("by type");
    timed("by type, all", t, all.len());
    let t = now();
    let owned = store
        .query(&Query::ByOwner {
            doc_type: "contact".into(),
            owner: "rep-3".into(),
        })
        .await
        .expect("by owner");
    timed("by owner", t, owned.len());
    console_log!("open: {opened:.1} ms");
    assert_eq!(first.len(), 50);
    assert_eq!(all.len(), CONTACTS);
    assert_eq!(owned.len(), CONTACTS / 12 + usize::from(CONTACTS % 12 > 3));
    drop(store);
    delete_database(&name).await.expect("delete");
}
