//! `MemoryRemote`: a [`Remote`] in memory, wrapping a [`MemoryStore`], with the deviations of
//! real servers and injectable faults, so the replicator is tested on the host (and, behind
//! the `conformance` feature, reusable by the browser tests).
//!
//! Like a server it keeps `_local` documents with CouchDB's `_rev` check (`0-N`, a stale
//! `_rev` is a 409), answers `_bulk_docs` with rows in reverse order (PouchDB Server reorders
//! them), can give sequences as opaque strings (`"12-g1AAAA…"`, as CouchDB) instead of
//! integers, can refuse (403) documents carrying a marker field, as a `validate_doc_update`
//! would, and gives changes rows their winning revision with `include_docs` (or ignores the
//! parameter, as a server without it would).

use std::cell::RefCell;
use std::collections::BTreeMap;

use serde_json::Value;

use crate::store::{DocStore, MemoryStore, ReplicatedDoc, Rev, RevsDiff, Seq, StoreError};

use super::remote::{
    DocWriteResult, Fetched, Remote, RemoteChange, RemoteChanges, RemoteError, RemoteInfo,
    SeqToken, WriteOutcome,
};

/// The endpoints, to count calls and aim faults.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Op {
    Info,
    Changes,
    RevsDiff,
    BulkGet,
    BulkDocs,
    GetLocal,
    PutLocal,
}

/// A fault to inject into one call.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fault {
    /// The request never reaches the server.
    Network,
    Timeout,
    /// 503 Service Unavailable.
    Unavailable,
    /// The answer is cut short mid-JSON.
    TruncatedJson,
    /// `_bulk_get` answers only the first half of the revisions asked (no error).
    ShortAnswer,
    /// The server does the work, then the connection drops before the answer arrives.
    LostAnswer,
    /// 401: the session expired.
    Unauthorized,
}

/// How sequences look.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SeqStyle {
    /// Integers, as PouchDB Server.
    #[default]
    Integer,
    /// Opaque strings, as CouchDB 2+: `"12-g1AAAA…"`.
    Opaque,
}

/// A remote database in memory. See the module documentation.
#[derive(Debug, Default)]
pub struct MemoryRemote {
    store: MemoryStore,
    seq_style: SeqStyle,
    refuse_field: Option<String>,
    hide_pending: bool,
    ignore_include_docs: bool,
    calls: RefCell<BTreeMap<Op, usize>>,
    fetched: RefCell<Vec<(String, Rev)>>,
    docs_asked: RefCell<Vec<bool>>,
    faults: RefCell<Vec<(Op, usize, Fault)>>,
}

impl MemoryRemote {
    pub fn new() -> Self {
        Self::default()
    }

    /// Sequences as opaque strings, as CouchDB gives them.
    pub fn with_string_seqs(mut self) -> Self {
        self.seq_style = SeqStyle::Opaque;
        self
    }

    /// Refuses (403) every revision whose body has `field`.
    pub fn refusing_docs_with(mut self, field: &str) -> Self {
        self.refuse_field = Some(field.to_owned());
        self
    }

    /// Leaves `pending` out of changes pages, as PouchDB Server does.
    pub fn without_pending(mut self) -> Self {
        self.hide_pending = true;
        self
    }

    /// Answers changes without documents even when asked for them, as a server that does not
    /// know `include_docs`.
    pub fn ignoring_include_docs(mut self) -> Self {
        self.ignore_include_docs = true;
        self
    }

    /// Every revision asked of `bulk_get` so far, in order.
    pub fn fetched_revs(&self) -> Vec<(String, Rev)> {
        self.fetched.borrow().clone()
    }

    /// Whether each changes call so far asked for documents, in order.
    pub fn docs_asked(&self) -> Vec<bool> {
        self.docs_asked.borrow().clone()
    }

    /// The database itself, to edit "on the server" and to inspect.
    pub fn store(&self) -> &MemoryStore {
        &self.store
    }

    /// Makes the `nth` call of `op` from now (1 for the next) suffer `fault`.
    pub fn inject(&self, op: Op, nth: usize, fault: Fault) {
        let at = self.calls(op) + nth.max(1);
        self.faults.borrow_mut().push((op, at, fault));
    }

    /// How many times `op` was called.
    pub fn calls(&self, op: Op) -> usize {
        self.calls.borrow().get(&op).copied().unwrap_or(0)
    }

    /// Counts a call and returns its fault: an error to answer at once, or a fault the call
    /// itself plays out (`ShortAnswer`, `LostAnswer`).
    fn begin(&self, op: Op) -> Result<Option<Fault>, RemoteError> {
        let n = {
            let mut calls = self.calls.borrow_mut();
            let n = calls.entry(op).or_insert(0);
            *n += 1;
            *n
        };
        let fault = {
            let mut faults = self.faults.borrow_mut();
            let found = faults.iter().position(|(o, at, _)| *o == op && *at == n);
            found.map(|i| faults.remove(i).2)
        };
        match fault {
            None => Ok(None),
            Some(Fault::Network) => Err(RemoteError::Network("connection refused".into())),
            Some(Fault::Timeout) => Err(RemoteError::Timeout),
            Some(Fault::Unavailable) => Err(RemoteError::from_status(503, "unavailable")),
            Some(Fault::Unauthorized) => Err(RemoteError::from_status(401, "session expired")),
            Some(Fault::TruncatedJson) => Err(truncated_json()),
            Some(f @ (Fault::ShortAnswer | Fault::LostAnswer)) => Ok(Some(f)),
        }
    }

    fn token(&self, seq: Seq) -> SeqToken {
        match self.seq_style {
            SeqStyle::Integer => SeqToken::from_local(seq),
            // Deterministic filler standing for CouchDB's opaque, base64-like suffix.
            SeqStyle::Opaque => SeqToken(Value::from(format!(
                "{seq}-g1AAAA{:08x}",
                seq.wrapping_mul(0x9E37_79B9).rotate_left(7) as u32
            ))),
        }
    }

    /// Reads `since` as the server would: an integer, or a string starting with one.
    fn parse_since(&self, since: &SeqToken) -> Result<Seq, RemoteError> {
        let parsed = match &since.0 {
            Value::Number(n) => n.as_u64(),
            Value::String(s) => s.split('-').next().and_then(|n| n.parse().ok()),
            _ => None,
        };
        parsed.ok_or_else(|| RemoteError::from_status(400, format!("malformed since: {}", since.0)))
    }

    async fn winner(&self, id: &str) -> Result<Option<crate::store::Doc>, RemoteError> {
        let record = self.store.record(id).await.map_err(server_error)?;
        match record {
            Some(r) => self
                .store
                .get_rev(id, &r.winner)
                .await
                .map_err(server_error),
            None => Ok(None),
        }
    }

    fn refuses(&self, doc: &ReplicatedDoc) -> bool {
        self.refuse_field
            .as_ref()
            .is_some_and(|f| doc.doc.body.contains_key(f))
    }
}

/// The error a JSON body cut short gives.
fn truncated_json() -> RemoteError {
    match serde_json::from_str::<Value>(r#"{"results":[{"id":"a","#) {
        Err(e) => RemoteError::InvalidJson(e),
        Ok(_) => RemoteError::UnexpectedResponse("truncated body parsed".into()),
    }
}

/// The server's own storage failing is a 500 to its client.
fn server_error(e: StoreError) -> RemoteError {
    RemoteError::from_status(500, e.to_string())
}

/// Plays out `LostAnswer` after the work is done.
fn answer<T>(fault: Option<Fault>, value: T) -> Result<T, RemoteError> {
    match fault {
        Some(Fault::LostAnswer) => Err(RemoteError::Network("connection reset".into())),
        _ => Ok(value),
    }
}

impl Remote for MemoryRemote {
    async fn info(&self) -> Result<RemoteInfo, RemoteError> {
        let fault = self.begin(Op::Info)?;
        let info = self.store.info().await.map_err(server_error)?;
        answer(
            fault,
            RemoteInfo {
                update_seq: self.token(info.update_seq),
                doc_count: Some(info.doc_count),
            },
        )
    }

    async fn changes(
        &self,
        since: &SeqToken,
        limit: usize,
        include_docs: bool,
    ) -> Result<RemoteChanges, RemoteError> {
        let fault = self.begin(Op::Changes)?;
        self.docs_asked.borrow_mut().push(include_docs);
        let since = self.parse_since(since)?;
        let page = self
            .store
            .changes(since, limit)
            .await
            .map_err(server_error)?;
        let rest = self.store.changes(page.last_seq, usize::MAX).await;
        let pending = rest.map_err(server_error)?.results.len() as u64;
        let mut results = Vec::with_capacity(page.results.len());
        for c in page.results {
            // The winning revision, deleted or not, as CouchDB's `include_docs` gives it.
            let doc = match include_docs && !self.ignore_include_docs {
                true => self.winner(&c.id).await?,
                false => None,
            };
            results.push(RemoteChange {
                seq: self.token(c.seq),
                id: c.id,
                leaves: c.leaves,
                deleted: c.deleted,
                doc,
                // A server's feed never says so.
                made_here: false,
            });
        }
        let changes = RemoteChanges {
            results,
            last_seq: self.token(page.last_seq),
            pending: (!self.hide_pending).then_some(pending),
        };
        answer(fault, changes)
    }

    async fn revs_diff(&self, revs: &RevsDiff) -> Result<RevsDiff, RemoteError> {
        let fault = self.begin(Op::RevsDiff)?;
        let diff = self.store.revs_diff(revs).await.map_err(server_error)?;
        answer(fault, diff)
    }

    async fn bulk_get(&self, wanted: &RevsDiff) -> Result<Vec<Fetched>, RemoteError> {
        let fault = self.begin(Op::BulkGet)?;
        let mut answers = Vec::new();
        let asked = wanted.iter();
        let asked = asked.flat_map(|(id, revs)| revs.iter().map(|r| (id.clone(), r.clone())));
        self.fetched.borrow_mut().extend(asked);
        for (id, revs) in wanted {
            let record = self.store.record(id).await.map_err(server_error)?;
            for rev in revs {
                let doc = self.store.get_rev(id, rev).await.map_err(server_error)?;
                let ancestry = record.as_ref().and_then(|r| r.tree.path(rev));
                answers.push(match (doc, ancestry) {
                    (Some(doc), Some(ancestry)) => Fetched::Found(ReplicatedDoc { doc, ancestry }),
                    _ => Fetched::Missing {
                        id: id.clone(),
                        rev: rev.clone(),
                    },
                });
            }
        }
        if fault == Some(Fault::ShortAnswer) {
            answers.truncate(answers.len() / 2);
        }
        answer(fault, answers)
    }

    async fn bulk_docs_replicated(
        &self,
        docs: &[ReplicatedDoc],
    ) -> Result<Vec<DocWriteResult>, RemoteError> {
        let fault = self.begin(Op::BulkDocs)?;
        let (refused, accepted): (Vec<&ReplicatedDoc>, Vec<&ReplicatedDoc>) =
            docs.iter().partition(|d| self.refuses(d));
        let accepted_docs: Vec<ReplicatedDoc> = accepted.iter().map(|d| (*d).clone()).collect();
        self.store
            .bulk_docs_replicated(accepted_docs)
            .await
            .map_err(server_error)?;
        let row = |d: &ReplicatedDoc, outcome| DocWriteResult {
            id: d.doc.id.clone(),
            rev: Some(d.doc.rev.clone()),
            outcome,
        };
        let forbidden = || WriteOutcome::Forbidden {
            reason: "this record is locked".into(),
        };
        let mut rows: Vec<DocWriteResult> = accepted
            .into_iter()
            .map(|d| row(d, WriteOutcome::Written))
            .chain(refused.into_iter().map(|d| row(d, forbidden())))
            .collect();
        rows.reverse();
        answer(fault, rows)
    }

    async fn get_local(&self, id: &str) -> Result<Option<Value>, RemoteError> {
        let fault = self.begin(Op::GetLocal)?;
        let doc = self.store.get_local(id).await.map_err(server_error)?;
        answer(fault, doc)
    }

    async fn put_local(&self, id: &str, mut doc: Value) -> Result<Option<String>, RemoteError> {
        let fault = self.begin(Op::PutLocal)?;
        let current = self.store.get_local(id).await.map_err(server_error)?;
        let rev_of = |d: Option<&Value>| d.and_then(|d| d.get("_rev")).cloned();
        let current_rev = rev_of(current.as_ref());
        if current_rev != rev_of(Some(&doc)) {
            return Err(RemoteError::Conflict);
        }
        let n = current_rev
            .as_ref()
            .and_then(Value::as_str)
            .and_then(|r| r.strip_prefix("0-"))
            .and_then(|n| n.parse::<u64>().ok())
            .unwrap_or(0);
        let Value::Object(fields) = &mut doc else {
            return Err(RemoteError::from_status(400, "document must be an object"));
        };
        let rev = format!("0-{}", n + 1);
        fields.insert("_id".into(), Value::from(id));
        fields.insert("_rev".into(), Value::from(rev.clone()));
        self.store
            .put_local(id, Some(doc))
            .await
            .map_err(server_error)?;
        answer(fault, Some(rev))
    }
}
