//! The CouchDB wire format, pure: request bodies and URL parts from core types, and response
//! bodies into core types. No IO here, so every shape is tested without a server.
//!
//! Lenient where servers differ (PouchDB Server leaves out `pending`, reports a missing
//! revision as `{"missing": rev}` where CouchDB sends an `error` row, answers `_bulk_docs`
//! with rows in any order); strict where a guess would corrupt data (a revision without its
//! `_revisions` history is an error, not a new root).

use std::collections::BTreeMap;

use cartera_core::store::{Doc, ReplicatedDoc, Rev, RevsDiff};
use cartera_core::sync::{
    DocWriteResult, Fetched, RemoteChange, RemoteChanges, RemoteError, RemoteInfo, SeqToken,
    WriteOutcome,
};
use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

/// Parses a response body: broken JSON (cut short, not JSON) is [`RemoteError::InvalidJson`],
/// well-formed JSON of another shape is [`RemoteError::UnexpectedResponse`].
pub(crate) fn decode<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, RemoteError> {
    serde_json::from_slice(bytes).map_err(|e| match e.classify() {
        serde_json::error::Category::Data => RemoteError::UnexpectedResponse(short(e.to_string())),
        _ => RemoteError::InvalidJson(e),
    })
}

/// The `reason` (else `error`) of an error body, or the start of the body when it is not JSON.
pub(crate) fn reason(bytes: &[u8]) -> String {
    #[derive(Deserialize)]
    struct ErrorBody {
        error: Option<Value>,
        reason: Option<Value>,
    }
    let text = |v: Value| match v {
        Value::String(s) => s,
        other => other.to_string(),
    };
    match serde_json::from_slice::<ErrorBody>(bytes) {
        Ok(ErrorBody {
            reason: Some(r), ..
        }) => short(text(r)),
        Ok(ErrorBody { error: Some(e), .. }) => short(text(e)),
        _ => short(String::from_utf8_lossy(bytes).trim().to_owned()),
    }
}

/// Whether a 404's reason says the database itself is missing (CouchDB: "Database does not
/// exist.", PouchDB Server: "no_db_file"), rather than a document.
pub(crate) fn is_missing_database(reason: &str) -> bool {
    reason == "no_db_file" || reason.starts_with("Database does not exist")
}

/// `since` as a URL parameter: numbers and strings as they are, anything else as JSON text
/// (the form CouchDB 1.x accepts back for its array sequences).
pub(crate) fn since_param(since: &SeqToken) -> String {
    match &since.0 {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        other => other.to_string(),
    }
}

/// Percent-encodes everything but RFC 3986's unreserved characters (as `encodeURIComponent`,
/// and stricter, which servers accept).
pub(crate) fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The URL path of a document inside its database: `_design/` and `_local/` keep their slash.
pub(crate) fn doc_path(id: &str) -> String {
    for prefix in ["_design/", "_local/"] {
        if let Some(rest) = id.strip_prefix(prefix) {
            return format!("{prefix}{}", encode(rest));
        }
    }
    encode(id)
}

/// The path of a local document, given with or without its `_local/` prefix.
pub(crate) fn local_path(id: &str) -> String {
    doc_path(&format!(
        "_local/{}",
        id.strip_prefix("_local/").unwrap_or(id)
    ))
}

/// `GET /db`.
pub(crate) fn info(bytes: &[u8]) -> Result<RemoteInfo, RemoteError> {
    #[derive(Deserialize)]
    struct Info {
        update_seq: Value,
        doc_count: Option<u64>,
    }
    let info: Info = decode(bytes)?;
    Ok(RemoteInfo {
        update_seq: SeqToken(info.update_seq),
        doc_count: info.doc_count,
    })
}

/// `GET /db/_changes?style=all_docs` (normal or longpoll feed), with or without
/// `include_docs`. A row's `doc` that is not a document (`null`, no `_rev`) is left out: the
/// replicator then fetches that revision.
pub(crate) fn changes(bytes: &[u8]) -> Result<RemoteChanges, RemoteError> {
    #[derive(Deserialize)]
    struct Page {
        results: Vec<Row>,
        last_seq: Value,
        pending: Option<u64>,
    }
    #[derive(Deserialize)]
    struct Row {
        seq: Value,
        id: String,
        #[serde(default)]
        changes: Vec<Leaf>,
        deleted: Option<bool>,
        doc: Option<Value>,
    }
    #[derive(Deserialize)]
    struct Leaf {
        rev: Rev,
    }
    let page: Page = decode(bytes)?;
    let results = page
        .results
        .into_iter()
        .map(|row| RemoteChange {
            seq: SeqToken(row.seq),
            id: row.id,
            leaves: row.changes.into_iter().map(|l| l.rev).collect(),
            deleted: row.deleted.unwrap_or(false),
            doc: row.doc.and_then(|d| Doc::from_json(d).ok()),
            made_here: false,
        })
        .collect();
    Ok(RemoteChanges {
        results,
        last_seq: SeqToken(page.last_seq),
        pending: page.pending,
    })
}

/// `POST /db/_revs_diff` body.
pub(crate) fn revs_diff_body(revs: &RevsDiff) -> String {
    let map = revs
        .iter()
        .map(|(id, revs)| (id.clone(), rev_array(revs)))
        .collect();
    Value::Object(map).to_string()
}

/// Revisions as a JSON array of strings.
fn rev_array(revs: &[Rev]) -> Value {
    Value::Array(revs.iter().map(|r| Value::String(r.to_string())).collect())
}

/// `POST /db/_revs_diff` answer; ids with nothing missing are left out.
pub(crate) fn revs_diff(bytes: &[u8]) -> Result<RevsDiff, RemoteError> {
    #[derive(Deserialize)]
    struct Row {
        #[serde(default)]
        missing: Vec<Rev>,
    }
    let rows: BTreeMap<String, Row> = decode(bytes)?;
    let mut out = RevsDiff::new();
    for (id, row) in rows.into_iter().filter(|(_, row)| !row.missing.is_empty()) {
        out.insert(id, row.missing);
    }
    Ok(out)
}

/// `POST /db/_bulk_get?revs=true` body: one entry per revision wanted.
pub(crate) fn bulk_get_body(wanted: &RevsDiff) -> String {
    let docs: Vec<Value> = wanted
        .iter()
        .flat_map(|(id, revs)| {
            revs.iter()
                .map(move |rev| json!({ "id": id, "rev": rev.to_string() }))
        })
        .collect();
    json!({ "docs": docs }).to_string()
}

/// One revision's answer, in `_bulk_get` results and in `open_revs` arrays.
#[derive(Deserialize)]
struct RevAnswer {
    ok: Option<Value>,
    error: Option<RevError>,
    missing: Option<String>,
}

#[derive(Deserialize)]
struct RevError {
    id: Option<String>,
    rev: Option<String>,
}

/// `POST /db/_bulk_get?revs=true` answer. An answer that names no revision is skipped: the
/// replicator counts it unanswered and stops the batch.
pub(crate) fn bulk_get(bytes: &[u8]) -> Result<Vec<Fetched>, RemoteError> {
    #[derive(Deserialize)]
    struct Answer {
        results: Vec<ForDoc>,
    }
    #[derive(Deserialize)]
    struct ForDoc {
        id: String,
        #[serde(default)]
        docs: Vec<RevAnswer>,
    }
    let answer: Answer = decode(bytes)?;
    let mut fetched = Vec::new();
    for result in answer.results {
        for rev in result.docs {
            if let Some(f) = fetched_of(&result.id, rev)? {
                fetched.push(f);
            }
        }
    }
    Ok(fetched)
}

/// `GET /db/doc?open_revs=[…]&revs=true` (JSON) answer, for document `id`.
pub(crate) fn open_revs(id: &str, bytes: &[u8]) -> Result<Vec<Fetched>, RemoteError> {
    let answers: Vec<RevAnswer> = decode(bytes)?;
    let mut fetched = Vec::new();
    for rev in answers {
        if let Some(f) = fetched_of(id, rev)? {
            fetched.push(f);
        }
    }
    Ok(fetched)
}

/// The `open_revs` parameter: the revisions as a JSON array.
pub(crate) fn open_revs_param(revs: &[Rev]) -> String {
    rev_array(revs).to_string()
}

fn fetched_of(id: &str, answer: RevAnswer) -> Result<Option<Fetched>, RemoteError> {
    if let Some(doc) = answer.ok {
        return replicated(doc).map(|d| Some(Fetched::Found(d)));
    }
    let (id, rev) = match (answer.error, answer.missing) {
        (Some(e), _) => (e.id.unwrap_or_else(|| id.to_owned()), e.rev),
        (None, Some(rev)) => (id.to_owned(), Some(rev)),
        (None, None) => return Ok(None),
    };
    Ok(rev
        .and_then(|r| r.parse::<Rev>().ok())
        .map(|rev| Fetched::Missing { id, rev }))
}

/// A document fetched with `revs=true` as a [`ReplicatedDoc`]. Its `_revisions` must agree with
/// its `_rev`: without them the revision would land as a new root and fake a conflict.
pub(crate) fn replicated(mut value: Value) -> Result<ReplicatedDoc, RemoteError> {
    #[derive(Deserialize)]
    struct Revisions {
        start: u64,
        ids: Vec<String>,
    }
    let revisions = match &mut value {
        Value::Object(m) => m.remove("_revisions"),
        _ => None,
    };
    let doc = Doc::from_json(value)
        .map_err(|e| RemoteError::UnexpectedResponse(format!("document: {e}")))?;
    let bad = |what: &str| {
        RemoteError::UnexpectedResponse(short(format!("{} {}: {what}", doc.id, doc.rev)))
    };
    let revisions: Revisions = match revisions {
        Some(r) => serde_json::from_value(r).map_err(|_| bad("malformed _revisions"))?,
        None => return Err(bad("no _revisions")),
    };
    let consistent = revisions.start == doc.rev.pos
        && revisions.ids.first() == Some(&doc.rev.hash)
        && revisions.ids.len() as u64 <= revisions.start;
    if !consistent {
        return Err(bad("_revisions do not match _rev"));
    }
    Ok(ReplicatedDoc {
        doc,
        ancestry: revisions.ids,
    })
}

/// A replicated revision in CouchDB's form: the document with `_revisions {start, ids}`.
pub(crate) fn replicated_json(d: &ReplicatedDoc) -> Value {
    let mut value = d.doc.to_json();
    let ids = if d.ancestry.is_empty() {
        vec![d.doc.rev.hash.clone()]
    } else {
        d.ancestry.clone()
    };
    if let Value::Object(m) = &mut value {
        m.insert(
            "_revisions".into(),
            json!({ "start": d.doc.rev.pos, "ids": ids }),
        );
    }
    value
}

/// `PUT /db/_local/…` answer: the new `_rev` (`{"ok":true,"id":…,"rev":"0-2"}`), when given.
/// Any body is accepted: the write succeeded, only the next one would have to read first.
pub(crate) fn put_rev(bytes: &[u8]) -> Result<Option<String>, RemoteError> {
    // Read as a `Value`, whose parser the other answers already need (no parser of its own).
    let answer = decode::<Value>(bytes).ok();
    let rev = answer
        .as_ref()
        .and_then(|a| a.get("rev"))
        .and_then(Value::as_str);
    Ok(rev.map(str::to_owned))
}

/// `POST /db/_bulk_docs` body with `new_edits: false`.
pub(crate) fn bulk_docs_body(docs: &[ReplicatedDoc]) -> String {
    let docs: Vec<Value> = docs.iter().map(replicated_json).collect();
    json!({ "docs": docs, "new_edits": false }).to_string()
}

/// `POST /db/_bulk_docs` answer. A row without `error` is a write; `forbidden` and
/// `unauthorized` (PouchDB Server's word for some refusals) are validation refusals.
pub(crate) fn bulk_docs(bytes: &[u8]) -> Result<Vec<DocWriteResult>, RemoteError> {
    #[derive(Deserialize)]
    struct Row {
        id: Option<String>,
        rev: Option<String>,
        error: Option<String>,
        reason: Option<String>,
    }
    let rows: Vec<Row> = decode(bytes)?;
    Ok(rows
        .into_iter()
        .filter_map(|row| {
            let id = row.id?;
            let reason = row.reason.unwrap_or_default();
            let outcome = match row.error.as_deref() {
                None => WriteOutcome::Written,
                Some("forbidden" | "unauthorized") => WriteOutcome::Forbidden { reason },
                Some(error) => WriteOutcome::Failed {
                    error: error.to_owned(),
                    reason,
                },
            };
            let rev = row.rev.and_then(|r| r.parse().ok());
            Some(DocWriteResult { id, rev, outcome })
        })
        .collect())
}

/// Keeps error texts short enough for logs (the UI shows the error's variant, never this).
pub(crate) fn short(mut s: String) -> String {
    const MAX: usize = 200;
    if s.len() > MAX {
        let cut = (0..=MAX)
            .rev()
            .find(|&i| s.is_char_boundary(i))
            .unwrap_or(0);
        s.truncate(cut);
        s.push('…');
    }
    s
}

#[cfg(test)]
mod tests;
