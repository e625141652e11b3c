//! CouchDB-style document storage: the `DocStore` contract, revisions and revision trees,
//! the pure planning of writes shared by every store, and `MemoryStore`, the host twin.
//!
//! Invariants (see ARCHITECTURE.md):
//! - every store applies writes through [`plan::plan_edits`] / [`plan::plan_replicated`], so the
//!   revision logic exists once and is host-tested;
//! - a batch is written in one transaction: all of it lands, or none of it;
//! - the winning revision follows CouchDB's rule ([`tree::RevTree::winner`]);
//! - conflicting leaves are never dropped by a write; only an explicit deletion of a leaf ends it;
//! - a document keeps at most one base body (the revision its last local edits started from),
//!   and only while it is a proper ancestor of a live leaf.

pub mod doc;
pub mod error;
pub mod memory;
pub mod plan;
pub mod rev;
pub mod tree;

#[cfg(any(test, feature = "conformance"))]
pub mod conformance;

use std::collections::BTreeMap;

pub use doc::{Body, Doc, DocRecord, Edit, IndexEntries, ReplicatedDoc};
pub use error::{StoreError, TreeError, WriteError};
pub use memory::MemoryStore;
pub use rev::Rev;
pub use tree::{Leaf, RevTree};

/// A local update sequence: increases by one for every document write in a store.
pub type Seq = u64;

/// One row of the changes feed (`style=all_docs`): the document's current leaves.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub seq: Seq,
    pub id: String,
    /// Every leaf revision (winner first), like CouchDB's `style=all_docs`.
    pub leaves: Vec<Rev>,
    /// True when the winning revision is a deletion.
    pub deleted: bool,
    /// True when the only leaf is a revision a local edit on this device made: a database this
    /// device has not pushed it to lacks it, so a push need not ask (`_revs_diff`).
    pub made_here: bool,
}

/// A page of the changes feed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChangesPage {
    pub results: Vec<Change>,
    /// The sequence to ask from next time (the last row's, or `since` when empty).
    pub last_seq: Seq,
}

/// Summary of a store.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoreInfo {
    /// Documents whose winning revision is not deleted.
    pub doc_count: u64,
    pub update_seq: Seq,
}

/// The secondary indexes the UI queries. Deleted documents appear in none of them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Query {
    /// Every live document with this `type`, ordered by id.
    ByType { doc_type: String },
    /// Documents of `doc_type` owned by `owner` (the `owner` field), ordered by id.
    ByOwner { doc_type: String, owner: String },
    /// Documents of `doc_type` linked to `account` (the `account_id` field), ordered by id.
    ByAccount { doc_type: String, account: String },
    /// Documents of `doc_type` ordered by `updated_at` (RFC 3339 UTC strings sort as instants),
    /// newest first, at most `limit`. Documents without `updated_at` are left out; documents
    /// with the same `updated_at` come by id, descending (as a reverse cursor over a
    /// `[type, updated_at]` index returns them).
    RecentlyUpdated { doc_type: String, limit: usize },
}

/// A range of ids for `all_docs`, inclusive start, exclusive end; `None` is unbounded.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct IdRange {
    pub start: Option<String>,
    pub end: Option<String>,
    pub limit: Option<usize>,
}

/// Which revisions of each document a store lacks (`_revs_diff`).
pub type RevsDiff = BTreeMap<String, Vec<Rev>>;

/// One revision read for replication ([`DocStore::read_revs`]).
#[derive(Clone, Debug, PartialEq)]
pub enum RevRead {
    /// The revision's body with its ancestry.
    Found(ReplicatedDoc),
    /// No longer a leaf: a later edit replaced it (and carries it in its ancestry).
    Superseded { id: String, rev: Rev },
    /// The store does not have this revision's body.
    Missing { id: String, rev: Rev },
}

impl RevRead {
    /// Classifies revision `rev` of `id` from its record and its body as read.
    pub fn classify(id: &str, rev: &Rev, record: Option<&DocRecord>, body: Option<Doc>) -> Self {
        let ancestry = record.and_then(|r| r.tree.path(rev));
        let known = ancestry.is_some();
        let leaf = record.is_some_and(|r| r.tree.is_leaf(rev));
        match (body, ancestry) {
            (Some(doc), Some(ancestry)) if leaf => Self::Found(ReplicatedDoc { doc, ancestry }),
            // A revision of the tree that is no longer a leaf (even when its body is kept as a
            // base); an unknown one is missing.
            _ if known && !leaf => Self::Superseded {
                id: id.to_owned(),
                rev: rev.clone(),
            },
            _ => Self::Missing {
                id: id.to_owned(),
                rev: rev.clone(),
            },
        }
    }
}

/// Storage of CouchDB-style documents. Implemented by [`MemoryStore`] (host) and by the
/// IndexedDB store in the app crate; both pass the same conformance suite.
///
/// Local documents (`_local/…`) are not replicated and have no revision tree.
// Stores run on one thread (the browser's); futures need not be Send.
#[allow(async_fn_in_trait)]
pub trait DocStore {
    /// The winning revision of a document, `None` when missing or deleted.
    async fn get(&self, id: &str) -> Result<Option<Doc>, StoreError>;

    /// A leaf revision (deleted ones included); `None` for a revision that is not a leaf (a
    /// kept base included: see [`DocStore::conflict_base`]) or whose body is not kept.
    async fn get_rev(&self, id: &str, rev: &Rev) -> Result<Option<Doc>, StoreError>;

    /// The full metadata of a document: revision tree, winner, sequence.
    async fn record(&self, id: &str) -> Result<Option<DocRecord>, StoreError>;

    /// The winner and every other non-deleted leaf (the conflicts), winner first. Empty when the
    /// document is missing or deleted.
    async fn get_conflicts(&self, id: &str) -> Result<Vec<Doc>, StoreError>;

    /// The common ancestor of a conflict, when this store kept it: the body of the deepest
    /// revision that is an ancestor of both the winner and another live leaf, if that revision
    /// is the document's kept base ([`DocRecord::conflict_base`]). `None` for a document with
    /// no live conflict, or whose conflict branched from a revision this device did not keep
    /// (only the revision its last local edits started from is kept; see [`plan`]).
    async fn conflict_base(&self, id: &str) -> Result<Option<Doc>, StoreError>;

    /// Local edits (`new_edits=true`): each edit must name the current winning revision
    /// as its parent (or none for a new document, or to recreate a deleted one); a deletion may
    /// also name a losing leaf, to resolve a conflict. One transaction; one result per edit,
    /// in order. A failed edit does not stop the others. See [`plan::plan_edits`].
    async fn bulk_docs(&self, edits: Vec<Edit>)
    -> Result<Vec<Result<Rev, WriteError>>, StoreError>;

    /// Replicated revisions (`new_edits=false`): each revision is grafted into the tree with
    /// its ancestry; known revisions are ignored (idempotent). One transaction.
    async fn bulk_docs_replicated(&self, docs: Vec<ReplicatedDoc>) -> Result<(), StoreError>;

    /// For each id, the given revisions this store does not have, in the order asked; ids with
    /// nothing missing are left out (as CouchDB's `_revs_diff`).
    async fn revs_diff(&self, revs: &RevsDiff) -> Result<RevsDiff, StoreError>;

    /// Revisions to replicate, with their ancestry: one answer per revision asked, in order
    /// (ids in `wanted`'s order). A store may read them all in one transaction; the default
    /// reads document by document.
    async fn read_revs(&self, wanted: &RevsDiff) -> Result<Vec<RevRead>, StoreError> {
        let mut out = Vec::new();
        for (id, revs) in wanted {
            let record = self.record(id).await?;
            for rev in revs {
                let body = self.get_rev(id, rev).await?;
                out.push(RevRead::classify(id, rev, record.as_ref(), body));
            }
        }
        Ok(out)
    }

    /// Documents changed after `since`, oldest first, at most `limit` rows, one row per
    /// document (its latest change).
    async fn changes(&self, since: Seq, limit: usize) -> Result<ChangesPage, StoreError>;

    /// Live documents (winning revision) with ids in `range`, ordered by id. Deleted documents
    /// do not count towards the limit; a start after the end gives nothing.
    async fn all_docs(&self, range: &IdRange) -> Result<Vec<Doc>, StoreError>;

    /// Live documents through a secondary index.
    async fn query(&self, query: &Query) -> Result<Vec<Doc>, StoreError>;

    /// A local (non-replicated) document.
    async fn get_local(&self, id: &str) -> Result<Option<serde_json::Value>, StoreError>;

    /// Writes (`Some`) or removes (`None`) a local document.
    async fn put_local(&self, id: &str, value: Option<serde_json::Value>)
    -> Result<(), StoreError>;

    async fn info(&self) -> Result<StoreInfo, StoreError>;
}
