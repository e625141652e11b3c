//! The sync loop as a user meets it, against core's in-memory server: a save reaches the
//! server within about a second, pulled records appear (also when the connection drops before
//! the checkpoint), refusals are remembered per record, a conflict of different fields merges
//! by itself, and resolving a conflict leaves one version.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;
use std::time::Duration;

use cartera::idb::IdbStore;
use cartera::state::sync::{
    FieldChoice, chosen_body, load_conflict, pending_count, reason_code, replication_ids,
    resolve_conflict, run_once, update_refused,
};
use cartera::state::{Store, provide_data_version, provide_sync};
use cartera_core::store::{Body, Doc, DocStore, Edit, ReplicatedDoc, Rev, RevsDiff, StoreError};
use cartera_core::sync::testing::{Fault, MemoryRemote, Op};
use cartera_core::sync::{
    DocWriteResult, Fetched, Remote, RemoteChanges, RemoteError, RemoteInfo, SeqToken, SyncState,
};
use leptos::prelude::*;
use serde_json::{Value, json};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

/// The in-memory server, shared between the loop and the test that inspects it.
#[derive(Clone, Default)]
struct Shared(Rc<MemoryRemote>);

impl Remote for Shared {
    async fn info(&self) -> Result<RemoteInfo, RemoteError> {
        self.0.info().await
    }
    async fn changes(
        &self,
        since: &SeqToken,
        limit: usize,
        include_docs: bool,
    ) -> Result<RemoteChanges, RemoteError> {
        self.0.changes(since, limit, include_docs).await
    }
    async fn revs_diff(&self, revs: &RevsDiff) -> Result<RevsDiff, RemoteError> {
        self.0.revs_diff(revs).await
    }
    async fn bulk_get(&self, wanted: &RevsDiff) -> Result<Vec<Fetched>, RemoteError> {
        self.0.bulk_get(wanted).await
    }
    async fn bulk_docs_replicated(
        &self,
        docs: &[ReplicatedDoc],
    ) -> Result<Vec<DocWriteResult>, RemoteError> {
        self.0.bulk_docs_replicated(docs).await
    }
    async fn get_local(&self, id: &str) -> Result<Option<Value>, RemoteError> {
        self.0.get_local(id).await
    }
    async fn put_local(&self, id: &str, doc: Value) -> Result<Option<String>, RemoteError> {
        self.0.put_local(id, doc).await
    }
}

async fn fresh_store(tag: &str) -> Store {
    let name = format!("sync-{tag}-{}", uuid::Uuid::now_v7());
    Store::new(IdbStore::open(&name).await.expect("open a fresh store"))
}

fn body(v: Value) -> Body {
    match v {
        Value::Object(m) => m,
        _ => Body::new(),
    }
}

async fn save(store: &impl DocStore, id: &str, prev: Option<Rev>, fields: Value) -> Rev {
    let edit = Edit {
        id: id.into(),
        prev,
        deleted: false,
        body: body(fields),
    };
    let mut results = store.bulk_docs(vec![edit]).await.expect("write");
    results.remove(0).expect("edit accepted")
}

async fn sleep(ms: u64) {
    gloo_timers::future::sleep(Duration::from_millis(ms)).await;
}

/// Polls `check` every 50 ms for up to `ms`.
async fn eventually(ms: u64, mut check: impl AsyncFnMut() -> bool) -> bool {
    for _ in 0..(ms / 50) {
        if check().await {
            return true;
        }
        sleep(50).await;
    }
    check().await
}

#[wasm_bindgen_test]
async fn a_saved_contact_reaches_the_server_within_a_second_and_nothing_stays_pending() {
    // Mounting (nothing) starts Leptos's executor, which effects and spawned runs need.
    leptos::mount::mount_to_body(|| ());
    let owner = Owner::new();
    owner.set();
    let version = provide_data_version();
    let sync = provide_sync(version);
    let store = fresh_store("save").await;
    let remote = Shared::default();
    let config = cartera::state::sync::SyncConfig {
        server: "http://memory".into(),
        db: "cartera".into(),
        user: "ana".into(),
        roles: vec!["rep".into()],
    };
    sync.connect(store.clone(), remote.clone(), config)
        .await
        .expect("connect");
    let settled = eventually(3000, async || {
        matches!(sync.state(), SyncState::UpToDate { .. })
    })
    .await;
    assert!(settled, "first sync ends up to date: {:?}", sync.state());

    save(
        &*store,
        "contact-1",
        None,
        json!({"type": "contact", "given_name": "Ana"}),
    )
    .await;
    version.bump();
    let pushed = eventually(1500, async || {
        remote
            .0
            .store()
            .get("contact-1")
            .await
            .ok()
            .flatten()
            .is_some()
    })
    .await;
    assert!(pushed, "the save was pushed within 1.5 s");
    let drained = eventually(1000, async || sync.pending() == Some(0)).await;
    assert!(drained, "pending count back to 0: {:?}", sync.pending());
    cartera::state::sync::forget_config();
}

#[wasm_bindgen_test]
async fn records_a_pull_wrote_show_even_when_the_connection_drops_before_its_checkpoint() {
    leptos::mount::mount_to_body(|| ());
    let owner = Owner::new();
    owner.set();
    let version = provide_data_version();
    let sync = provide_sync(version);
    let store = fresh_store("cut").await;
    let remote = Shared::default();
    let config = cartera::state::sync::SyncConfig {
        server: "http://memory".into(),
        db: "cartera".into(),
        user: "ana".into(),
        roles: vec!["rep".into()],
    };
    sync.connect(store.clone(), remote.clone(), config)
        .await
        .expect("connect");
    let settled = eventually(3000, async || {
        matches!(sync.state(), SyncState::UpToDate { .. })
    })
    .await;
    assert!(settled, "first sync ends up to date: {:?}", sync.state());

    // Another device's record reaches the server; the next run writes it here, then the
    // server's copy of the pull checkpoint (the run's only `_local` write) fails.
    save(
        remote.0.store(),
        "acc-1",
        None,
        json!({"type": "account", "name": "Acme"}),
    )
    .await;
    let seen = untrack(|| version.track());
    let puts = remote.0.calls(Op::PutLocal);
    remote.0.inject(Op::PutLocal, 1, Fault::Network);
    sync.retry();
    let cut = eventually(2000, async || remote.0.calls(Op::PutLocal) > puts).await;
    assert!(cut, "the run reached the checkpoint");
    let stored = eventually(2000, async || {
        store.get("acc-1").await.ok().flatten().is_some()
    })
    .await;
    assert!(stored, "the batch was written before the checkpoint failed");
    // The lists read again: the run's report does not count an uncheckpointed batch, and the
    // retry finds the record already here, but the store changed.
    let refreshed = eventually(3000, async || untrack(|| version.track()) != seen).await;
    assert!(
        refreshed,
        "the data version moved, so lists show the pulled record"
    );
    let recovered = eventually(5000, async || {
        matches!(sync.state(), SyncState::UpToDate { .. })
    })
    .await;
    assert!(recovered, "the retry ends up to date: {:?}", sync.state());
    cartera::state::sync::forget_config();
}

#[wasm_bindgen_test]
async fn a_pull_brings_server_records_and_counts_only_local_edits_as_pending() {
    let store = fresh_store("pull").await;
    let remote = MemoryRemote::new();
    save(
        remote.store(),
        "acc-1",
        None,
        json!({"type": "account", "name": "Acme"}),
    )
    .await;
    let ids = replication_ids(&*store, "http://memory/cartera", "device-1")
        .await
        .expect("ids");
    let outcome = run_once(&*store, &remote, &ids, &mut |_| {}).await;
    assert_eq!(outcome.error, None);
    assert_eq!(outcome.pulled(), 1);
    let pulled = store.get("acc-1").await.expect("read");
    assert_eq!(
        pulled.and_then(|d| d.body.get("name").cloned()),
        Some(json!("Acme"))
    );
    // The follow-up run (outcome.more()) moves the push checkpoint past the pulled record.
    assert!(outcome.more());
    let again = run_once(&*store, &remote, &ids, &mut |_| {}).await;
    assert_eq!(again.error, None);
    assert_eq!(pending_count(&*store, &ids.push).await.expect("count"), 0);
    save(
        &*store,
        "c-1",
        None,
        json!({"type": "contact", "given_name": "Bea"}),
    )
    .await;
    assert_eq!(pending_count(&*store, &ids.push).await.expect("count"), 1);
}

#[wasm_bindgen_test]
async fn a_refused_record_is_remembered_with_its_reason_until_it_is_edited() {
    let store = fresh_store("refused").await;
    let remote = MemoryRemote::new().refusing_docs_with("locked");
    let rev = save(
        &*store,
        "c-9",
        None,
        json!({"type": "contact", "locked": true}),
    )
    .await;
    let ids = replication_ids(&*store, "http://memory/cartera", "device-2")
        .await
        .expect("ids");
    let outcome = run_once(&*store, &remote, &ids, &mut |_| {}).await;
    let refused = outcome.report.push.refused.clone();
    let list = update_refused(&*store, &refused).await.expect("store list");
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].id, "c-9");
    assert_eq!(list[0].rev, rev.to_string());
    // Editing the record lifts the flag (the new version will be sent).
    save(
        &*store,
        "c-9",
        Some(rev),
        json!({"type": "contact", "given_name": "Eva"}),
    )
    .await;
    let list = update_refused(&*store, &[]).await.expect("store list");
    assert!(list.is_empty());
    assert_eq!(
        reason_code("cartera:not_owner: contact is owned by \"bruno\""),
        Some("not_owner")
    );
    assert_eq!(reason_code("this record is locked"), None);
}

#[wasm_bindgen_test]
async fn resolving_a_conflict_keeps_the_chosen_fields_and_leaves_one_version()
-> Result<(), StoreError> {
    let store = fresh_store("conflict").await;
    let base = json!({"type": "contact", "given_name": "Ana", "job_title": "Rep"});
    let r1 = save(&*store, "c-1", None, base).await;
    let mine = json!({"type": "contact", "given_name": "Ana María", "job_title": "Lead"});
    save(&*store, "c-1", Some(r1.clone()), mine).await;
    // Another device's edit of the same first version arrives by replication.
    let theirs = Doc {
        id: "c-1".into(),
        rev: Rev::new(2, "0000000000000000000000000000000a"),
        deleted: false,
        body: body(json!({"type": "contact", "given_name": "Ana", "job_title": "Manager"})),
    };
    let ancestry = vec![theirs.rev.hash.clone(), r1.hash.clone()];
    store
        .bulk_docs_replicated(vec![ReplicatedDoc {
            doc: theirs,
            ancestry,
        }])
        .await?;
    assert_eq!(store.get_conflicts("c-1").await?.len(), 2);

    let view = load_conflict(&*store, "c-1").await?.expect("a conflict");
    let keys: Vec<&str> = view.fields.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(
        keys,
        ["job_title"],
        "only the field both versions changed is asked"
    );
    assert_eq!(
        view.merged_fields,
        ["given_name"],
        "the other change is merged"
    );
    assert_eq!(
        view.base.as_ref().and_then(|b| b.get("job_title")),
        Some(&json!("Rep")),
        "the common earlier version was kept by the local edit"
    );
    let choices = vec![("job_title".to_owned(), FieldChoice::Theirs(0))];
    let chosen = chosen_body(&view, &choices, "2026-01-01T00:00:00.000Z", "ana");
    resolve_conflict(&*store, &view.mine, &view.theirs, chosen)
        .await?
        .expect("written");

    let left = store.get_conflicts("c-1").await?;
    assert_eq!(left.len(), 1, "one version remains");
    assert_eq!(left[0].body.get("given_name"), Some(&json!("Ana María")));
    assert_eq!(left[0].body.get("job_title"), Some(&json!("Manager")));
    assert!(load_conflict(&*store, "c-1").await?.is_none());
    Ok(())
}

#[wasm_bindgen_test]
async fn the_loop_merges_a_conflict_of_different_fields_and_pushes_the_merge() {
    leptos::mount::mount_to_body(|| ());
    let owner = Owner::new();
    owner.set();
    let version = provide_data_version();
    let sync = provide_sync(version);
    let store = fresh_store("merge").await;
    let remote = Shared::default();
    let config = cartera::state::sync::SyncConfig {
        server: "http://memory".into(),
        db: "cartera".into(),
        user: "ana".into(),
        roles: vec!["rep".into()],
    };
    let first = json!({"type": "contact", "given_name": "Ana", "phones": ["600"], "notes": ""});
    let r1 = save(&*store, "c-1", None, first).await;
    sync.connect(store.clone(), remote.clone(), config)
        .await
        .expect("connect");
    let shared = eventually(3000, async || {
        remote.0.store().get("c-1").await.ok().flatten().is_some()
    })
    .await;
    assert!(shared, "the first version reached the server");

    // Another device changed the phone; this one, offline meanwhile, the notes.
    let theirs = json!({"type": "contact", "given_name": "Ana", "phones": ["611"], "notes": ""});
    save(remote.0.store(), "c-1", Some(r1.clone()), theirs).await;
    let mine = json!({"type": "contact", "given_name": "Ana", "phones": ["600"], "notes": "VIP"});
    save(&*store, "c-1", Some(r1), mine).await;
    version.bump();

    let merged = eventually(5000, async || {
        let on_server = remote
            .0
            .store()
            .get_conflicts("c-1")
            .await
            .unwrap_or_default();
        on_server.len() == 1
            && on_server[0].body.get("phones") == Some(&json!(["611"]))
            && on_server[0].body.get("notes") == Some(&json!("VIP"))
    })
    .await;
    assert!(merged, "the server holds one version with both changes");
    let here = store.get_conflicts("c-1").await.expect("read");
    assert_eq!(
        here.len(),
        1,
        "no conflict left on the device: nothing to ask"
    );
    assert_eq!(
        (here[0].body.get("phones"), here[0].body.get("notes")),
        (Some(&json!(["611"])), Some(&json!("VIP")))
    );
    cartera::state::sync::forget_config();
}
