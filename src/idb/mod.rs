//! The IndexedDB `DocStore`.
//!
//! Thin IO over the pure planners of `cartera_core::store::plan`: each batch is one readwrite
//! transaction that reads the records it touches, plans, writes and commits. Layout and schema
//! versions: `schema.rs`; record encoding: `record.rs`.
//!
//! Invariants:
//! - a batch lands whole or not at all (`req::WriteTx` aborts unless committed);
//! - deleted documents appear in no secondary index (their records carry no index fields);
//! - the update sequence and live-document count in `meta` change in the same transaction as
//!   the documents;
//! - nothing from the browser is unwrapped: failures become [`StoreError`]s.
//!
//! Built on raw `web-sys` rather than `indexed_db_futures`: a blocked open must be abandoned
//! with Unavailable while the upgrade handler stays installed (that crate frees it when its
//! open future is dropped, which would let the version change without the schema), and a
//! quota failure arrives as a transaction abort whose reason (`transaction.error`) its
//! `commit()` does not report. The few calls needed are wrapped in `req.rs`.

mod read;
mod record;
mod req;
mod schema;
mod storage;
mod write;

use std::rc::Rc;

use cartera_core::store::plan::{plan_edits, plan_replicated};
use cartera_core::store::{
    ChangesPage, Doc, DocRecord, DocStore, Edit, IdRange, Query, ReplicatedDoc, Rev, RevRead,
    RevsDiff, Seq, StoreError, StoreInfo, WriteError,
};
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::IdbDatabase;

pub use schema::{VERSION as SCHEMA_VERSION, delete_database};
pub use storage::{request_persistent_storage, storage_estimate};

/// The database the app uses.
pub const DEFAULT_DB_NAME: &str = "cartera";

/// A [`DocStore`] in one IndexedDB database. Cheap to clone (clones share the connection);
/// the connection closes when the last clone is dropped.
#[derive(Clone)]
pub struct IdbStore {
    inner: Rc<Inner>,
}

struct Inner {
    db: IdbDatabase,
    name: String,
    /// Closes this connection when another tab upgrades or deletes the database, so this tab
    /// never blocks it; later calls then fail with [`StoreError::Unavailable`].
    _on_versionchange: Closure<dyn FnMut()>,
}

impl Drop for Inner {
    fn drop(&mut self) {
        self.db.set_onversionchange(None);
        self.db.close();
    }
}

impl IdbStore {
    /// Opens database `name` (normally [`DEFAULT_DB_NAME`]), creating or upgrading it.
    ///
    /// Errors: [`StoreError::VersionTooNew`] when a newer build of the app wrote it;
    /// [`StoreError::Unavailable`] when IndexedDB is missing (some private modes), the upgrade
    /// failed, or another tab holds an old connection open.
    pub async fn open(name: &str) -> Result<Self, StoreError> {
        let db = schema::open(name).await?;
        Ok(Self::with_db(db, name))
    }

    fn with_db(db: IdbDatabase, name: &str) -> Self {
        let on_versionchange = {
            let db = db.clone();
            Closure::<dyn FnMut()>::new(move || db.close())
        };
        db.set_onversionchange(Some(on_versionchange.as_ref().unchecked_ref()));
        Self {
            inner: Rc::new(Inner {
                db,
                name: name.to_owned(),
                _on_versionchange: on_versionchange,
            }),
        }
    }

    /// Opens `name` at an older schema `version`, as an earlier build of the app would (for the
    /// upgrade tests; the app always opens with [`IdbStore::open`]).
    #[doc(hidden)]
    pub async fn open_old_schema(name: &str, version: u32) -> Result<Self, StoreError> {
        let db = schema::open_old(name, version).await?;
        Ok(Self::with_db(db, name))
    }

    /// The database name.
    pub fn name(&self) -> &str {
        &self.inner.name
    }

    fn db(&self) -> &IdbDatabase {
        &self.inner.db
    }
}

impl DocStore for IdbStore {
    async fn get(&self, id: &str) -> Result<Option<Doc>, StoreError> {
        let rec = read::record(self.db(), id).await?;
        Ok(rec.filter(|r| !r.deleted).map(|r| r.winning_doc()))
    }

    async fn get_rev(&self, id: &str, rev: &Rev) -> Result<Option<Doc>, StoreError> {
        read::get_rev(self.db(), id, rev).await
    }

    async fn record(&self, id: &str) -> Result<Option<DocRecord>, StoreError> {
        read::record(self.db(), id).await
    }

    async fn get_conflicts(&self, id: &str) -> Result<Vec<Doc>, StoreError> {
        read::conflicts(self.db(), id).await
    }

    async fn conflict_base(&self, id: &str) -> Result<Option<Doc>, StoreError> {
        read::conflict_base(self.db(), id).await
    }

    async fn bulk_docs(
        &self,
        edits: Vec<Edit>,
    ) -> Result<Vec<Result<Rev, WriteError>>, StoreError> {
        if edits.is_empty() {
            return Ok(Vec::new());
        }
        let ids: Vec<String> = edits.iter().map(|e| e.id.clone()).collect();
        write::apply(self.db(), &unique(&ids), |s| {
            plan_edits(&s.existing, &s.leaf_bodies, edits, s.last_seq)
        })
        .await
    }

    async fn bulk_docs_replicated(&self, docs: Vec<ReplicatedDoc>) -> Result<(), StoreError> {
        if docs.is_empty() {
            return Ok(());
        }
        let ids: Vec<String> = docs.iter().map(|d| d.doc.id.clone()).collect();
        write::apply(self.db(), &unique(&ids), |s| {
            plan_replicated(&s.existing, &s.leaf_bodies, docs, s.last_seq)
        })
        .await
        .map(|_| ())
    }

    async fn revs_diff(&self, revs: &RevsDiff) -> Result<RevsDiff, StoreError> {
        read::revs_diff(self.db(), revs).await
    }

    async fn read_revs(&self, wanted: &RevsDiff) -> Result<Vec<RevRead>, StoreError> {
        read::read_revs(self.db(), wanted).await
    }

    async fn changes(&self, since: Seq, limit: usize) -> Result<ChangesPage, StoreError> {
        read::changes(self.db(), since, limit).await
    }

    async fn all_docs(&self, range: &IdRange) -> Result<Vec<Doc>, StoreError> {
        read::all_docs(self.db(), range).await
    }

    async fn query(&self, query: &Query) -> Result<Vec<Doc>, StoreError> {
        read::query(self.db(), query).await
    }

    async fn get_local(&self, id: &str) -> Result<Option<serde_json::Value>, StoreError> {
        read::get_local(self.db(), id).await
    }

    async fn put_local(
        &self,
        id: &str,
        value: Option<serde_json::Value>,
    ) -> Result<(), StoreError> {
        write::put_local(self.db(), id, value.as_ref()).await
    }

    async fn info(&self) -> Result<StoreInfo, StoreError> {
        read::info(self.db()).await
    }
}

/// The distinct ids of a batch, in first-seen order.
fn unique(ids: &[String]) -> Vec<&str> {
    let mut seen = std::collections::HashSet::with_capacity(ids.len());
    ids.iter()
        .map(String::as_str)
        .filter(|id| seen.insert(*id))
        .collect()
}
