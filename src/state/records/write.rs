//! Reading one record for a page, saving it, and deleting it with undo.

use cartera_core::domain::DomainError;
use cartera_core::store::{Body, Doc, DocStore, Edit, Rev, StoreError, WriteError};

use super::RecordsCache;
use crate::i18n::{ErrorMsg, I18n, Kind, RecordDetail};
use crate::state::{DataVersion, Store, Toasts};

/// A record read from the store with the document it came from (its revision is the parent of
/// the next save).
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded<T> {
    pub doc: Doc,
    pub record: T,
}

/// Reads record `id` of one kind. `Ok(None)` when it does not exist, was deleted, or is
/// another kind of record.
pub async fn load<T>(
    store: &Store,
    id: &str,
    from_doc: fn(&Doc) -> Result<T, DomainError>,
) -> Result<Option<Loaded<T>>, ErrorMsg> {
    let Some(doc) = store.get(id).await.map_err(|e| ErrorMsg::from(&e))? else {
        return Ok(None);
    };
    match from_doc(&doc) {
        Ok(record) => Ok(Some(Loaded { doc, record })),
        Err(DomainError::Deleted { .. } | DomainError::WrongType { .. }) => Ok(None),
        Err(DomainError::BadField { .. }) => Err(ErrorMsg::Corrupt),
    }
}

/// Why a save did not happen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveError {
    /// The record changed (or was created) elsewhere since it was read.
    Conflict,
    /// The store refused the edit or failed; the message says why.
    Failed(ErrorMsg),
}

impl From<&StoreError> for SaveError {
    fn from(e: &StoreError) -> Self {
        SaveError::Failed(ErrorMsg::from(e))
    }
}

impl From<&WriteError> for SaveError {
    fn from(e: &WriteError) -> Self {
        match e {
            WriteError::Conflict => SaveError::Conflict,
            other => SaveError::Failed(ErrorMsg::from(other)),
        }
    }
}

/// A whole-document edit of a singleton (the team's routing or scoring rules): over the `(id,
/// rev)` it was read from, or a new document at `default_id` when none was stored yet.
pub fn edit_over(stored: Option<(String, Rev)>, default_id: &str, body: Body) -> Edit {
    let (id, prev) = match stored {
        Some((id, rev)) => (id, Some(rev)),
        None => (default_id.to_owned(), None),
    };
    Edit {
        id,
        prev,
        deleted: false,
        body,
    }
}

/// Writes one edit; the new revision on success.
pub async fn write(store: &Store, edit: Edit) -> Result<Rev, SaveError> {
    let results = store
        .bulk_docs(vec![edit])
        .await
        .map_err(|e| SaveError::from(&e))?;
    match results.into_iter().next() {
        Some(Ok(rev)) => Ok(rev),
        Some(Err(e)) => Err(SaveError::from(&e)),
        None => Err(SaveError::Failed(ErrorMsg::Unexpected)),
    }
}

/// The body of a deletion revision: a tombstone that only keeps the record's type.
fn tombstone(body: &Body) -> Body {
    let mut b = Body::new();
    if let Some(t) = body.get("type") {
        b.insert("type".into(), t.clone());
    }
    b
}

/// The services a deletion needs.
#[derive(Clone, Copy)]
pub struct WriteCtx {
    pub cache: RecordsCache,
    pub version: DataVersion,
    pub toasts: Toasts,
    pub i18n: I18n,
}

impl WriteCtx {
    pub fn new() -> Self {
        Self {
            cache: super::expect_records(),
            version: crate::state::expect_data_version(),
            toasts: crate::state::expect_toasts(),
            i18n: crate::i18n::expect_i18n(),
        }
    }

    fn show_error(&self, e: SaveError) {
        let msg = match e {
            SaveError::Conflict => ErrorMsg::Conflict,
            SaveError::Failed(m) => m,
        };
        self.toasts.error(self.i18n.t(msg));
    }
}

impl Default for WriteCtx {
    fn default() -> Self {
        Self::new()
    }
}

/// Deletes `doc` (a deletion revision on top of it), calls `on_deleted`, and shows
/// "Contacto eliminado — Deshacer". Undo writes the previous body back as a new revision on
/// top of the deletion, so the record returns with its id and history.
pub fn delete_with_undo(
    ctx: WriteCtx,
    store: Store,
    kind: Kind,
    doc: Doc,
    on_deleted: impl FnOnce() + 'static,
) {
    leptos::task::spawn_local(async move {
        let edit = Edit {
            id: doc.id.clone(),
            prev: Some(doc.rev.clone()),
            deleted: true,
            body: tombstone(&doc.body),
        };
        match write(&store, edit).await {
            Ok(deletion) => {
                ctx.cache.forget(&doc.id);
                on_deleted();
                ctx.version.bump();
                let text = ctx.i18n.t(RecordDetail::Deleted(kind));
                ctx.toasts.show_undo(text, move || {
                    restore(ctx, store.clone(), kind, doc.clone(), deletion.clone());
                });
            }
            Err(e) => ctx.show_error(e),
        }
    });
}

/// Writes `doc`'s body back on top of its deletion revision.
fn restore(ctx: WriteCtx, store: Store, kind: Kind, doc: Doc, deletion: Rev) {
    leptos::task::spawn_local(async move {
        let edit = Edit {
            id: doc.id.clone(),
            prev: Some(deletion),
            deleted: false,
            body: doc.body.clone(),
        };
        match write(&store, edit).await {
            Ok(rev) => {
                let restored = Doc { rev, ..doc };
                ctx.cache.apply_doc(&restored);
                ctx.version.bump();
                ctx.toasts
                    .show(ctx.i18n.t(RecordDetail::Restored(kind)), None);
            }
            Err(e) => ctx.show_error(e),
        }
    });
}

/// A record kind the forms can save: read from and written to a document.
pub trait Record: Clone + Send + Sync + 'static {
    const KIND: Kind;
    fn from_doc(doc: &Doc) -> Result<Self, DomainError>;
    fn to_body(&self) -> Body;
    fn id(&self) -> &str;
    /// Shows the saved record in the lists at once.
    fn apply(&self, cache: RecordsCache);
}

impl Record for cartera_core::domain::Contact {
    const KIND: Kind = Kind::Contact;
    fn from_doc(doc: &Doc) -> Result<Self, DomainError> {
        Self::from_doc(doc)
    }
    fn to_body(&self) -> Body {
        self.to_body()
    }
    fn id(&self) -> &str {
        &self.id
    }
    fn apply(&self, cache: RecordsCache) {
        cache.apply_contact(self);
    }
}

impl Record for cartera_core::domain::Account {
    const KIND: Kind = Kind::Account;
    fn from_doc(doc: &Doc) -> Result<Self, DomainError> {
        Self::from_doc(doc)
    }
    fn to_body(&self) -> Body {
        self.to_body()
    }
    fn id(&self) -> &str {
        &self.id
    }
    fn apply(&self, cache: RecordsCache) {
        cache.apply_account(self);
    }
}

/// Saves `record` on top of revision `prev` (`None` creates it); the saved document.
pub async fn save<T: Record>(
    store: &Store,
    prev: Option<Rev>,
    record: &T,
) -> Result<Loaded<T>, SaveError> {
    let body = record.to_body();
    let edit = Edit {
        id: record.id().to_owned(),
        prev,
        deleted: false,
        body: body.clone(),
    };
    let rev = write(store, edit).await?;
    let doc = Doc {
        id: record.id().to_owned(),
        rev,
        deleted: false,
        body,
    };
    Ok(Loaded {
        doc,
        record: record.clone(),
    })
}

/// The current winning revision of `id` to save over after a conflict. When it was deleted
/// elsewhere, `fallback` stands for its content, so saving brings it back.
pub async fn latest<T: Record>(
    store: &Store,
    id: &str,
    fallback: T,
) -> Result<Loaded<T>, SaveError> {
    let record = store.record(id).await.map_err(|e| SaveError::from(&e))?;
    let Some(record) = record else {
        return Err(SaveError::Failed(ErrorMsg::Unexpected));
    };
    let doc = record.winning_doc();
    let current = if doc.deleted {
        None
    } else {
        T::from_doc(&doc).ok()
    };
    Ok(Loaded {
        record: current.unwrap_or(fallback),
        doc,
    })
}
