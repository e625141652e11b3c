//! The far side of replication: the CouchDB HTTP endpoints a replicator needs, as a trait.
//! The app crate implements it over `fetch`; [`super::testing::MemoryRemote`] implements it in
//! memory for host tests. Nothing here speaks HTTP.
//!
//! Servers differ (see SETUP-NOTES, "Sync server"): PouchDB Server's sequences are integers and
//! CouchDB's are strings, so a sequence is an opaque [`SeqToken`]; `_bulk_docs` results may come
//! back reordered, so write results are matched by id, never by position.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::store::{Doc, ReplicatedDoc, Rev, RevsDiff, Seq};

/// An update sequence exactly as its database gave it (a number, a string, anything): only
/// ever stored and sent back, never compared by order or computed with.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SeqToken(pub Value);

impl SeqToken {
    /// The beginning of every changes feed (`since=0`, which CouchDB and PouchDB both accept).
    pub fn start() -> Self {
        Self(Value::from(0u64))
    }

    /// A local store's sequence as a token.
    pub fn from_local(seq: Seq) -> Self {
        Self(Value::from(seq))
    }

    /// The local sequence this token holds; `None` when it is not one (then a local feed starts
    /// over, which is slow but loses nothing).
    pub fn to_local(&self) -> Option<Seq> {
        match &self.0 {
            Value::Number(n) => n.as_u64(),
            Value::String(s) => s.parse().ok(),
            _ => None,
        }
    }
}

impl Default for SeqToken {
    fn default() -> Self {
        Self::start()
    }
}

/// `GET /db`.
#[derive(Clone, Debug, PartialEq)]
pub struct RemoteInfo {
    pub update_seq: SeqToken,
    pub doc_count: Option<u64>,
}

/// One row of `GET /db/_changes?style=all_docs`.
#[derive(Clone, Debug, PartialEq)]
pub struct RemoteChange {
    pub seq: SeqToken,
    pub id: String,
    /// Every leaf revision of the document (`changes[].rev`).
    pub leaves: Vec<Rev>,
    pub deleted: bool,
    /// The document as the feed gave it (`include_docs=true`: its winning revision when the
    /// row was read, possibly newer than `leaves`); `None` when not asked for, or when the
    /// source left it out. Only a hint: the replicator checks it against `leaves`.
    pub doc: Option<Doc>,
    /// The source itself made the only leaf (a local edit on this device: see
    /// [`crate::store::Change::made_here`]), so the target lacks it unless this device pushed
    /// it before: the replicator sends it without asking `_revs_diff`. Always false for a
    /// server's feed.
    pub made_here: bool,
}

/// A page of the changes feed.
#[derive(Clone, Debug, PartialEq)]
pub struct RemoteChanges {
    pub results: Vec<RemoteChange>,
    /// Where the next page starts (`since` again when the page is empty).
    pub last_seq: SeqToken,
    /// How many rows remain after this page, when the server says (`pending`, CouchDB 2+);
    /// only used to estimate progress.
    pub pending: Option<u64>,
}

/// The answer for one revision asked of `_bulk_get`.
#[derive(Clone, Debug, PartialEq)]
pub enum Fetched {
    /// The revision with its ancestry (`revs=true`). A server asked with `latest=true` may send
    /// a newer revision of the same branch instead; it answers the one asked for.
    Found(ReplicatedDoc),
    /// The source does not have this revision (`{"missing": rev}` or an `error` row).
    Missing { id: String, rev: Rev },
    /// The revision is no longer a leaf: a newer edit replaced it, so a later row of the changes
    /// feed carries that edit (with this revision in its ancestry). Skipping it loses nothing.
    Superseded { id: String, rev: Rev },
}

/// How the server answered for one document of `_bulk_docs` with `new_edits=false`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WriteOutcome {
    Written,
    /// The server's validation refused it (`forbidden`, or `unauthorized` as PouchDB Server
    /// answers some refusals). Sending it again would be refused again.
    Forbidden {
        reason: String,
    },
    /// Any other per-document error.
    Failed {
        error: String,
        reason: String,
    },
}

/// One row of a `_bulk_docs` answer. CouchDB answers `new_edits=false` with the failures only:
/// a document sent without a row counts as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocWriteResult {
    pub id: String,
    /// The revision the row is about, when the server names it; `None` applies to every
    /// revision of `id` in the request.
    pub rev: Option<Rev>,
    pub outcome: WriteOutcome,
}

/// A CouchDB-compatible database, seen through the endpoints replication uses.
///
/// Errors are [`RemoteError`]s classified retryable or permanent. Local documents (`_local/…`)
/// hold checkpoints: `get_local` returns the document as stored, `_rev` included, and
/// `put_local` sends back the `_rev` it was given (CouchDB answers a stale one with
/// [`RemoteError::Conflict`]) and returns the new one.
// `async fn` in a public trait cannot promise `Send` futures. The app is single-threaded wasm
// (fetch futures are not `Send`), and the host tests block on one thread, so none is needed.
#[allow(async_fn_in_trait)]
pub trait Remote {
    /// `GET /db`: a cheap way to see whether anything changed (compare `update_seq`).
    async fn info(&self) -> Result<RemoteInfo, RemoteError>;

    /// `GET /db/_changes?style=all_docs&since=…&limit=…`: documents changed after `since`,
    /// oldest first, one row per document. With `include_docs`, rows may carry the document
    /// ([`RemoteChange::doc`]); a server that ignores the parameter answers without, and the
    /// replicator then fetches every revision with [`Remote::bulk_get`].
    async fn changes(
        &self,
        since: &SeqToken,
        limit: usize,
        include_docs: bool,
    ) -> Result<RemoteChanges, RemoteError>;

    /// `POST /db/_revs_diff`: for each id, the given revisions the server lacks; ids with
    /// nothing missing are left out.
    async fn revs_diff(&self, revs: &RevsDiff) -> Result<RevsDiff, RemoteError>;

    /// `POST /db/_bulk_get?revs=true`: one answer per revision asked (an implementation may
    /// fall back to `GET /db/doc?open_revs=[…]&revs=true` per document).
    async fn bulk_get(&self, wanted: &RevsDiff) -> Result<Vec<Fetched>, RemoteError>;

    /// `POST /db/_bulk_docs` with `new_edits=false`: stores the revisions with their
    /// ancestry. Rows match documents by id (and revision when named), in any order.
    async fn bulk_docs_replicated(
        &self,
        docs: &[ReplicatedDoc],
    ) -> Result<Vec<DocWriteResult>, RemoteError>;

    /// `GET /db/_local/…`; `None` when it does not exist (404).
    async fn get_local(&self, id: &str) -> Result<Option<Value>, RemoteError>;

    /// `PUT /db/_local/…` with the whole document (its `_rev` when it had one); the new `_rev`
    /// when the server says it.
    async fn put_local(&self, id: &str, doc: Value) -> Result<Option<String>, RemoteError>;
}

/// Why a request to the remote database failed.
#[derive(Debug, thiserror::Error)]
pub enum RemoteError {
    /// No answer: offline, DNS, connection refused or reset, CORS.
    #[error("network error: {0}")]
    Network(String),
    /// No answer in time.
    #[error("request timed out")]
    Timeout,
    /// 5xx, or 429 (too many requests).
    #[error("server error {status}: {reason}")]
    Server { status: u16, reason: String },
    /// The body is not the JSON expected: cut short, or not JSON at all.
    #[error("invalid JSON in the response")]
    InvalidJson(#[source] serde_json::Error),
    /// Well-formed JSON of an unexpected shape.
    #[error("unexpected response: {0}")]
    UnexpectedResponse(String),
    /// 409 writing a local document: someone else wrote it since it was read.
    #[error("document update conflict")]
    Conflict,
    /// 401: not signed in, or the session expired.
    #[error("unauthorized: {reason}")]
    Unauthorized { reason: String },
    /// 403: signed in without the right to do this.
    #[error("forbidden: {reason}")]
    Forbidden { reason: String },
    /// 404 on the database itself.
    #[error("database not found")]
    DatabaseMissing,
    /// Another 4xx: the request itself is wrong (or too large, 413).
    #[error("bad request ({status}): {reason}")]
    BadRequest { status: u16, reason: String },
}

impl RemoteError {
    /// The error for an HTTP status that is not a success (the body's `reason` when it had one).
    /// 404 here means the database; a missing local document is `Ok(None)`, not an error.
    pub fn from_status(status: u16, reason: impl Into<String>) -> Self {
        let reason = reason.into();
        match status {
            401 => Self::Unauthorized { reason },
            403 => Self::Forbidden { reason },
            404 => Self::DatabaseMissing,
            408 => Self::Timeout,
            409 => Self::Conflict,
            429 | 500..=599 => Self::Server { status, reason },
            _ => Self::BadRequest { status, reason },
        }
    }

    /// Whether the same request may succeed later without anyone acting: network trouble, a
    /// busy or failing server, a garbled answer, a concurrent checkpoint write. Permanent
    /// errors need a person: sign in again, get access, fix the server's address.
    pub fn is_retryable(&self) -> bool {
        match self {
            Self::Network(_)
            | Self::Timeout
            | Self::Server { .. }
            | Self::InvalidJson(_)
            | Self::UnexpectedResponse(_)
            | Self::Conflict => true,
            Self::Unauthorized { .. }
            | Self::Forbidden { .. }
            | Self::DatabaseMissing
            | Self::BadRequest { .. } => false,
        }
    }
}
