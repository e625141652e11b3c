//! The database layout, its versions and migrations, and opening and deleting databases.
//!
//! The IndexedDB version number is the schema version. `MIGRATIONS[i]` upgrades a database
//! from version `i` to `i + 1` inside the browser's upgrade transaction; opening runs every step
//! from the stored version to [`VERSION`]. A step that fails aborts the upgrade, which leaves
//! the stored data at its old version untouched.

use std::cell::RefCell;
use std::rc::Rc;

use cartera_core::store::StoreError;
use js_sys::{Array, Function, Promise};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    Event, IdbDatabase, IdbFactory, IdbIndexParameters, IdbObjectStore, IdbObjectStoreParameters,
    IdbOpenDbRequest, IdbTransaction, IdbVersionChangeEvent,
};

use super::req;

/// Documents: one record per document, keyed by `id` (see `record.rs`).
pub(crate) const DOCS: &str = "docs";
/// Side bodies, keyed by `[id, rev]`: non-winning leaf revisions and each document's kept base
/// (named by the record; see `cartera_core::store::plan`). Added in version 1's layout: keeping
/// bases needed no migration, records without one read as having none.
pub(crate) const REVS: &str = "revs";
/// Local (non-replicated) documents: a JSON string under an out-of-line key.
pub(crate) const LOCAL: &str = "local";
/// Store-wide counters under out-of-line keys ([`META_SEQ`], [`META_DOC_COUNT`]).
pub(crate) const META: &str = "meta";
pub(crate) const META_SEQ: &str = "update_seq";
pub(crate) const META_DOC_COUNT: &str = "doc_count";

/// Indexes of `docs`. Documents missing an indexed field (all deleted ones) are left out.
pub(crate) const BY_SEQ: &str = "seq";
pub(crate) const BY_TYPE: &str = "type";
pub(crate) const BY_OWNER: &str = "owner";
pub(crate) const BY_ACCOUNT: &str = "account";
pub(crate) const BY_UPDATED: &str = "updated";

/// The schema version this build writes and understands.
pub const VERSION: u32 = 2;

/// One upgrade step, run inside the upgrade transaction. A step that needs to rewrite data
/// may place requests on the transaction; the upgrade completes after they do.
type Migration = fn(&IdbDatabase, &IdbTransaction) -> Result<(), JsValue>;

static MIGRATIONS: [Migration; VERSION as usize] = [v0_to_v1, v1_to_v2];

/// Version 1: the initial layout.
fn v0_to_v1(db: &IdbDatabase, _tx: &IdbTransaction) -> Result<(), JsValue> {
    let docs = create_store(db, DOCS, Some(&JsValue::from_str("id")))?;
    index(&docs, BY_SEQ, &["seq"], true)?;
    index(&docs, BY_TYPE, &["t"], false)?;
    index(&docs, BY_OWNER, &["t", "o"], false)?;
    index(&docs, BY_ACCOUNT, &["t", "a"], false)?;
    index(&docs, BY_UPDATED, &["t", "u"], false)?;
    let rev_key: Array = ["id", "rev"].iter().map(|s| JsValue::from_str(s)).collect();
    create_store(db, REVS, Some(&rev_key))?;
    create_store(db, LOCAL, None)?;
    create_store(db, META, None)?;
    Ok(())
}

/// Version 2: the type index is keyed `[type, id]`, so a type is read in pages (one short task
/// each) instead of one `getAll` that blocks the main thread for 10k documents. IndexedDB builds
/// the new index from the stored records inside the upgrade.
fn v1_to_v2(_db: &IdbDatabase, tx: &IdbTransaction) -> Result<(), JsValue> {
    let docs = tx.object_store(DOCS)?;
    docs.delete_index(BY_TYPE)?;
    index(&docs, BY_TYPE, &["t", "id"], false)
}

fn create_store(
    db: &IdbDatabase,
    name: &str,
    key_path: Option<&JsValue>,
) -> Result<IdbObjectStore, JsValue> {
    let params = IdbObjectStoreParameters::new();
    if let Some(key_path) = key_path {
        params.set_key_path(key_path);
    }
    db.create_object_store_with_optional_parameters(name, &params)
}

fn index(store: &IdbObjectStore, name: &str, fields: &[&str], unique: bool) -> Result<(), JsValue> {
    let params = IdbIndexParameters::new();
    params.set_unique(unique);
    match fields {
        [one] => store.create_index_with_str_and_optional_parameters(name, one, &params)?,
        many => {
            let seq: Array = many.iter().map(|s| JsValue::from_str(s)).collect();
            store.create_index_with_str_sequence_and_optional_parameters(name, &seq, &params)?
        }
    };
    Ok(())
}

fn factory() -> Result<IdbFactory, StoreError> {
    let unavailable = || StoreError::Unavailable("IndexedDB is not available".into());
    let window = web_sys::window().ok_or_else(unavailable)?;
    match window.indexed_db() {
        Ok(Some(f)) => Ok(f),
        // Firefox private windows used to throw here; some embedded browsers return null.
        Ok(None) | Err(_) => Err(unavailable()),
    }
}

/// Opens (creating or upgrading) database `name` at [`VERSION`].
///
/// Errors: [`StoreError::VersionTooNew`] when the stored data is newer than this build;
/// [`StoreError::Unavailable`] when IndexedDB is missing, the upgrade failed, or another tab
/// holds an old connection open that blocks the upgrade.
pub(crate) async fn open(name: &str) -> Result<IdbDatabase, StoreError> {
    open_at(name, VERSION, &MIGRATIONS).await
}

/// Opens `name` at an older schema `version` (running only the migrations up to it), as an
/// earlier build of the app would: for the upgrade tests.
pub(crate) async fn open_old(name: &str, version: u32) -> Result<IdbDatabase, StoreError> {
    let steps = MIGRATIONS
        .get(..version as usize)
        .ok_or_else(|| StoreError::Unavailable("no such schema version".into()))?;
    open_at(name, version, steps).await
}

async fn open_at(
    name: &str,
    version: u32,
    migrations: &'static [Migration],
) -> Result<IdbDatabase, StoreError> {
    let open_req = factory()?
        .open_with_u32(name, version)
        .map_err(|e| StoreError::Unavailable(format!("open refused: {:?}", req::js_error(&e))))?;
    let upgrade_error: Rc<RefCell<Option<String>>> = Rc::default();
    let on_upgrade = {
        let open_req = open_req.clone();
        let upgrade_error = upgrade_error.clone();
        Closure::<dyn FnMut(IdbVersionChangeEvent)>::new(move |ev: IdbVersionChangeEvent| {
            if let Err(reason) = upgrade(&open_req, &ev, migrations) {
                *upgrade_error.borrow_mut() = Some(reason);
            }
        })
    };
    open_req.set_onupgradeneeded(Some(on_upgrade.as_ref().unchecked_ref()));
    let outcome = settle(&open_req).await;
    if outcome == Outcome::StillBlocked {
        abandon(&open_req);
        return Err(StoreError::Unavailable(
            "another tab keeps an older version of the database open".into(),
        ));
    }
    open_req.set_onupgradeneeded(None);
    drop(on_upgrade);
    if outcome == Outcome::Failure {
        return Err(open_error(&open_req, upgrade_error.borrow_mut().take()));
    }
    let db: IdbDatabase = open_req
        .result()
        .map_err(|e| req::js_error(&e))?
        .dyn_into()
        .map_err(|_| StoreError::Unavailable("open returned no database".into()))?;
    Ok(db)
}

/// Runs the migration steps from the stored version up to the requested one.
fn upgrade(
    open_req: &IdbOpenDbRequest,
    ev: &IdbVersionChangeEvent,
    migrations: &[Migration],
) -> Result<(), String> {
    let (db, tx) = match (open_req.result(), open_req.transaction()) {
        (Ok(db), Some(tx)) => (db.unchecked_into::<IdbDatabase>(), tx),
        _ => return Err("upgrade without a database".into()),
    };
    // Versions are small integers stored as doubles.
    let old = ev.old_version() as usize;
    let new = ev.new_version().map_or(migrations.len(), |v| v as usize);
    let steps = migrations
        .get(old..new)
        .ok_or("no migration for this version")?;
    for step in steps {
        if let Err(e) = step(&db, &tx) {
            let _ = tx.abort();
            return Err(format!("{:?}", req::js_error(&e)));
        }
    }
    Ok(())
}

/// After giving up on a blocked open, the request may still go through later: keep it from
/// upgrading half-way (abort) and close the connection nobody will use.
fn abandon(open_req: &IdbOpenDbRequest) {
    let on_upgrade = Closure::once_into_js(move |ev: IdbVersionChangeEvent| {
        let tx = ev
            .target()
            .and_then(|t| t.dyn_into::<IdbOpenDbRequest>().ok())
            .and_then(|r| r.transaction());
        if let Some(tx) = tx {
            let _ = tx.abort();
        }
    });
    let on_success = Closure::once_into_js(move |ev: Event| {
        let db = ev
            .target()
            .and_then(|t| t.dyn_into::<IdbOpenDbRequest>().ok())
            .and_then(|r| r.result().ok())
            .and_then(|db| db.dyn_into::<IdbDatabase>().ok());
        if let Some(db) = db {
            db.close();
        }
    });
    open_req.set_onupgradeneeded(Some(on_upgrade.unchecked_ref()));
    open_req.set_onsuccess(Some(on_success.unchecked_ref()));
    open_req.set_onerror(None);
    open_req.set_onblocked(None);
}

fn open_error(open_req: &IdbOpenDbRequest, upgrade_error: Option<String>) -> StoreError {
    match open_req.error().ok().flatten() {
        Some(e) if e.name() == "VersionError" => StoreError::VersionTooNew,
        Some(e) if e.name() == "QuotaExceededError" => StoreError::QuotaExceeded,
        other => {
            let reason = upgrade_error
                .map(|r| format!("upgrade failed: {r}"))
                .or_else(|| other.map(|e| format!("{}: {}", e.name(), e.message())))
                .unwrap_or_else(|| "open failed".into());
            StoreError::Unavailable(reason)
        }
    }
}

/// Deletes database `name` and everything in it ("wipe local data", tests).
///
/// Open connections of this app close themselves when asked (see `IdbStore::open`). When a
/// connection still blocks the deletion after a few seconds, this returns
/// [`StoreError::Unavailable`]; the browser then deletes the database as soon as that
/// connection closes.
pub async fn delete_database(name: &str) -> Result<(), StoreError> {
    let del_req = factory()?
        .delete_database(name)
        .map_err(|e| req::js_error(&e))?;
    match settle(&del_req).await {
        Outcome::Success => Ok(()),
        Outcome::StillBlocked => Err(StoreError::Unavailable(
            "another tab keeps the database open".into(),
        )),
        Outcome::Failure => Err(match del_req.error().ok().flatten() {
            Some(e) => req::dom_error(&e),
            None => StoreError::Backend("delete failed".into()),
        }),
    }
}

/// How long an open or delete may stay blocked before giving up: connections asked to close
/// (ours close on `versionchange`) may still be finishing a transaction.
const BLOCKED_GRACE_MS: i32 = 3000;

/// How an open or delete request ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Outcome {
    Success,
    Failure,
    /// Still blocked by another connection after [`BLOCKED_GRACE_MS`]; the request stays queued.
    StillBlocked,
}

async fn settle(req: &IdbOpenDbRequest) -> Outcome {
    let settled = Promise::new(&mut |resolve: Function, reject: Function| {
        req.set_onsuccess(Some(&resolve));
        req.set_onerror(Some(&reject));
    });
    let blocked = Promise::new(&mut |resolve: Function, _reject: Function| {
        req.set_onblocked(Some(&resolve));
    });
    let is_blocked = |v: &JsValue| v.dyn_ref::<Event>().is_some_and(|e| e.type_() == "blocked");
    match JsFuture::from(Promise::race(&Array::of2(&settled, &blocked))).await {
        Ok(v) if !is_blocked(&v) => return Outcome::Success,
        Ok(_) => {}
        Err(_) => return Outcome::Failure,
    }
    let timeout = Promise::new(&mut |resolve: Function, _reject: Function| {
        if let Some(window) = web_sys::window() {
            let _ = window
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, BLOCKED_GRACE_MS);
        }
    });
    match JsFuture::from(Promise::race(&Array::of2(&settled, &timeout))).await {
        // The timeout resolves with `undefined`, success with its event.
        Ok(v) if v.is_undefined() => Outcome::StillBlocked,
        Ok(_) => Outcome::Success,
        Err(_) => Outcome::Failure,
    }
}
