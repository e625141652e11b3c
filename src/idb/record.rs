//! How records are laid out in IndexedDB.
//!
//! A `docs` record is a small JS object: the key (`id`), the indexed fields (`seq`, and
//! `t`/`o`/`a`/`u` only when present, so IndexedDB leaves a document out of an index that lacks
//! them, as it must for deleted ones) and `j`, the whole [`DocRecord`] as a JSON string.
//!
//! Why a JSON string: building nested JS objects field by field costs a wasm-to-JS call per
//! field. Measured on 10k contacts of ~300 B (release build, headless Chromium, busy 2-core
//! machine): encoding 70-95 ms as JSON strings against 230-325 ms as objects through
//! `serde-wasm-bindgen`; encode + put + commit 1.3-1.45 s against 1.5-1.65 s; reading them back
//! through an index and decoding was similar (0.3-0.5 s both ways, mostly IndexedDB's own
//! time).
//!
//! A `revs` record is `{id, rev, j}` with `j` the [`Doc`] as JSON: a non-winning leaf or a
//! document's kept base.

use cartera_core::store::{Doc, DocRecord, Rev, StoreError};
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

use super::req;

/// Property names, created once: making the JS strings for every record nearly doubled the
/// encoding time.
struct Keys {
    id: JsValue,
    seq: JsValue,
    rev: JsValue,
    json: JsValue,
    /// `t`, `o`, `a`, `u`: type, owner, account, updated.
    index: [JsValue; 4],
}

thread_local! {
    static KEYS: Keys = Keys {
        id: JsValue::from_str("id"),
        seq: JsValue::from_str("seq"),
        rev: JsValue::from_str("rev"),
        json: JsValue::from_str("j"),
        index: ["t", "o", "a", "u"].map(JsValue::from_str),
    };
}

/// The `docs` object for `rec`.
pub(crate) fn encode_record(rec: &DocRecord) -> Result<JsValue, StoreError> {
    let json = serde_json::to_string(rec).map_err(|e| unencodable(&rec.id, &e))?;
    KEYS.with(|k| {
        let obj = Object::new();
        set(&obj, &k.id, &JsValue::from_str(&rec.id))?;
        // Sequences stay far below 2^53, where doubles are exact.
        set(&obj, &k.seq, &JsValue::from_f64(rec.seq as f64))?;
        let index = &rec.index;
        let values = [
            &index.doc_type,
            &index.owner,
            &index.account,
            &index.updated,
        ];
        for (key, value) in k.index.iter().zip(values) {
            if let Some(value) = value {
                set(&obj, key, &JsValue::from_str(value))?;
            }
        }
        set(&obj, &k.json, &JsValue::from_str(&json))?;
        Ok(obj.into())
    })
}

/// The record behind a `docs` value; `None` for `undefined` (no such key).
pub(crate) fn decode_record(value: &JsValue) -> Result<Option<DocRecord>, StoreError> {
    if value.is_undefined() {
        return Ok(None);
    }
    let json = json_field(value)?;
    serde_json::from_slice(json.as_bytes())
        .map(Some)
        .map_err(|e| corrupt(&id_of(value), &e))
}

/// Every record of a `getAll` result.
pub(crate) fn decode_records(values: &JsValue) -> Result<Vec<DocRecord>, StoreError> {
    let array: &Array = values
        .dyn_ref()
        .ok_or_else(|| StoreError::Backend("getAll returned no array".into()))?;
    let mut out = Vec::with_capacity(array.length() as usize);
    for value in array.iter() {
        if let Some(rec) = decode_record(&value)? {
            out.push(rec);
        }
    }
    Ok(out)
}

/// The `revs` object for a leaf body.
pub(crate) fn encode_leaf(doc: &Doc) -> Result<JsValue, StoreError> {
    let json = serde_json::to_string(doc).map_err(|e| unencodable(&doc.id, &e))?;
    KEYS.with(|k| {
        let obj = Object::new();
        set(&obj, &k.id, &JsValue::from_str(&doc.id))?;
        set(&obj, &k.rev, &JsValue::from_str(&doc.rev.to_string()))?;
        set(&obj, &k.json, &JsValue::from_str(&json))?;
        Ok(obj.into())
    })
}

/// The leaf body behind a `revs` value; `None` for `undefined`.
pub(crate) fn decode_leaf(value: &JsValue) -> Result<Option<Doc>, StoreError> {
    if value.is_undefined() {
        return Ok(None);
    }
    let json = json_field(value)?;
    serde_json::from_slice(json.as_bytes())
        .map(Some)
        .map_err(|e| corrupt(&id_of(value), &e))
}

/// The `revs` key of a leaf: `[id, rev]`.
pub(crate) fn leaf_key(id: &str, rev: &Rev) -> JsValue {
    Array::of2(&JsValue::from_str(id), &JsValue::from_str(&rev.to_string())).into()
}

fn set(obj: &Object, key: &JsValue, value: &JsValue) -> Result<(), StoreError> {
    Reflect::set(obj, key, value)
        .map(|_| ())
        .map_err(|e| req::js_error(&e))
}

fn json_field(value: &JsValue) -> Result<String, StoreError> {
    KEYS.with(|k| Reflect::get(value, &k.json))
        .ok()
        .and_then(|j| j.as_string())
        .ok_or_else(|| StoreError::Corrupt {
            id: id_of(value),
            reason: "record has no JSON payload".into(),
        })
}

fn id_of(value: &JsValue) -> String {
    KEYS.with(|k| Reflect::get(value, &k.id))
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

fn corrupt(id: &str, e: &serde_json::Error) -> StoreError {
    StoreError::Corrupt {
        id: id.to_owned(),
        reason: e.to_string(),
    }
}

/// Serialising plain data to JSON does not fail; kept as an error, not a panic, all the same.
fn unencodable(id: &str, e: &serde_json::Error) -> StoreError {
    StoreError::Backend(format!("cannot encode {id}: {e}"))
}
