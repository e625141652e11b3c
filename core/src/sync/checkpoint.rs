//! Replication ids and checkpoints, pure.
//!
//! A replication (source, target, filter) has a deterministic id; its checkpoint is the local
//! document `_local/<id>` written on BOTH sides after each batch is durably stored. A run starts
//! from the sequence both sides agree on, as CouchDB's `compare_replication_logs` decides (and
//! pouchdb-checkpointer ports): same session on both sides, that session's `last_seq`; else the
//! newest session both histories hold; else the beginning. A side that lost its checkpoint (a
//! cleared browser store, a recreated database) therefore restarts from the beginning, which is
//! slow but never skips a document.

use md5::{Digest, Md5};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::store::{DocStore, StoreError};

use super::remote::SeqToken;

/// How many past sessions a checkpoint remembers (as pouchdb-checkpointer).
pub const HISTORY_LEN: usize = 5;

/// Format version of the checkpoint documents this code writes.
const CHECKPOINT_VERSION: u64 = 1;

/// The id of the replication from `source` to `target` through `filter`: the md5 hex digest of
/// a canonical JSON array of the three, so no two different triples share a string (plain
/// concatenation would make `"ab" + "c"` equal `"a" + "bc"`). Name each side by a stable
/// identity: the server database's URL without credentials, and the local store's
/// [`local_identity`]. Each direction has its own id.
pub fn replication_id(source: &str, target: &str, filter: Option<&str>) -> String {
    let canonical = Value::Array(vec![
        Value::from("cartera-replication/1"),
        Value::from(source),
        Value::from(target),
        filter.map_or(Value::Null, Value::from),
    ]);
    let mut md5 = Md5::new();
    md5.update(canonical.to_string().as_bytes());
    md5.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// The local document that holds a replication's checkpoint, on both sides.
pub fn checkpoint_doc_id(replication_id: &str) -> String {
    format!("_local/{replication_id}")
}

/// One past session of a replication.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryEntry {
    pub session_id: String,
    pub last_seq: SeqToken,
}

/// A replication checkpoint as both sides store it: the source sequence up to which the target
/// holds everything, the session that wrote it, and the latest sessions, newest first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Checkpoint {
    pub session_id: String,
    pub last_seq: SeqToken,
    #[serde(default)]
    pub history: Vec<HistoryEntry>,
}

impl Checkpoint {
    /// Reads a checkpoint document; `None` when it is not one this code understands (then the
    /// replication starts over rather than trusting it).
    pub fn from_doc(doc: &Value) -> Option<Self> {
        serde_json::from_value(doc.clone()).ok()
    }
}

/// Where a run starts, given the checkpoints read from the source and the target.
pub fn start_seq(source: Option<&Checkpoint>, target: Option<&Checkpoint>) -> SeqToken {
    let (Some(source), Some(target)) = (source, target) else {
        return SeqToken::start();
    };
    if source.session_id == target.session_id {
        return source.last_seq.clone();
    }
    common_history(&source.history, &target.history)
}

/// The newest session both histories recorded, walking both from their newest entries.
fn common_history(source: &[HistoryEntry], target: &[HistoryEntry]) -> SeqToken {
    let holds =
        |history: &[HistoryEntry], session: &str| history.iter().any(|e| e.session_id == session);
    let (mut source, mut target) = (source, target);
    while let (Some((s, source_rest)), Some((t, target_rest))) =
        (source.split_first(), target.split_first())
    {
        if holds(target, &s.session_id) {
            return s.last_seq.clone();
        }
        if holds(source_rest, &t.session_id) {
            return t.last_seq.clone();
        }
        source = source_rest;
        target = target_rest;
    }
    SeqToken::start()
}

/// The checkpoint document to write after a batch up to `seq`: `existing` (as read from that
/// side, `_rev` and unknown fields kept) with `seq` recorded for `session_id`, which becomes the
/// newest history entry. `None` when `existing` already records `seq`, so a run that moved
/// nothing writes nothing.
pub fn next_checkpoint_doc(
    existing: Option<Value>,
    session_id: &str,
    seq: &SeqToken,
) -> Option<Value> {
    let mut doc = match existing {
        Some(Value::Object(m)) => m,
        _ => Map::new(),
    };
    if doc.get("last_seq") == Some(&seq.0) {
        return None;
    }
    let older: Vec<HistoryEntry> = doc
        .get("history")
        .and_then(|h| serde_json::from_value(h.clone()).ok())
        .unwrap_or_default();
    let newest = HistoryEntry {
        session_id: session_id.to_owned(),
        last_seq: seq.clone(),
    };
    let history: Vec<HistoryEntry> = std::iter::once(newest)
        .chain(older.into_iter().filter(|e| e.session_id != session_id))
        .take(HISTORY_LEN)
        .collect();
    doc.insert("session_id".into(), Value::from(session_id));
    doc.insert("last_seq".into(), seq.0.clone());
    doc.insert(
        "history".into(),
        serde_json::to_value(history).unwrap_or(Value::Array(Vec::new())),
    );
    doc.insert("replicator".into(), Value::from("cartera"));
    doc.insert("version".into(), Value::from(CHECKPOINT_VERSION));
    Some(Value::Object(doc))
}

/// The local document holding the store's identity.
const IDENTITY_DOC: &str = "_local/cartera-identity";

/// A stable name for this local store, for [`replication_id`]: the one it was given the first
/// time, or `fresh` (a new random id from the caller) when it has none yet. A cleared store
/// gets a new identity, and with it new replications.
pub async fn local_identity<S: DocStore>(store: &S, fresh: &str) -> Result<String, StoreError> {
    let stored = store.get_local(IDENTITY_DOC).await?;
    if let Some(id) = stored
        .as_ref()
        .and_then(|d| d.get("id"))
        .and_then(Value::as_str)
    {
        return Ok(id.to_owned());
    }
    let doc = serde_json::json!({ "id": fresh });
    store.put_local(IDENTITY_DOC, Some(doc)).await?;
    Ok(fresh.to_owned())
}

#[cfg(test)]
mod tests;
