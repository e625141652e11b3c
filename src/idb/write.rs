//! Writes. A batch is one readwrite transaction: read the records it touches and the leaf
//! bodies the planner needs, plan with `cartera_core::store::plan`, write the plan, commit.
//! All revision logic lives in the planners; this file only moves data.

use std::collections::HashMap;

use cartera_core::store::plan::{LeafBodies, WritePlan, needed_leaf_bodies};
use cartera_core::store::{DocRecord, Rev, Seq, StoreError, WriteError};
use wasm_bindgen::JsValue;
use web_sys::IdbDatabase;

use super::read::{batch_records, counter, leaf_bodies};
use super::record::{encode_leaf, encode_record, leaf_key};
use super::req::{WriteTx, done_value, js_error, wait_all};
use super::schema::{DOCS, LOCAL, META, META_DOC_COUNT, META_SEQ, REVS};

/// What a planner sees of the store before a batch.
pub(crate) struct Snapshot {
    pub existing: HashMap<String, DocRecord>,
    pub leaf_bodies: LeafBodies,
    pub last_seq: Seq,
}

/// Runs one batch over the documents `ids`: `plan` turns their snapshot into a [`WritePlan`],
/// which is written and committed in the same transaction. Returns the plan's results.
pub(crate) async fn apply(
    db: &IdbDatabase,
    ids: &[&str],
    plan: impl FnOnce(&Snapshot) -> WritePlan,
) -> Result<Vec<Result<Rev, WriteError>>, StoreError> {
    let tx = WriteTx::new(db, &[DOCS, REVS, META])?;
    let docs = tx.store(DOCS)?;
    let revs = tx.store(REVS)?;
    let meta = tx.store(META)?;

    let seq_key = JsValue::from_str(META_SEQ);
    let count_key = JsValue::from_str(META_DOC_COUNT);
    let seq_req = meta.get(&seq_key).map_err(|e| js_error(&e))?;
    let count_req = meta.get(&count_key).map_err(|e| js_error(&e))?;
    // Placed before the records' requests, so done by the time those are (no extra wait).
    let existing = batch_records(&docs, ids).await?;
    wait_all(&[seq_req.clone(), count_req.clone()]).await?;
    let doc_count = counter(&done_value(&count_req)?);
    let needed = needed_leaf_bodies(&existing);
    let leaf_bodies = leaf_bodies(&revs, &needed)
        .await?
        .into_iter()
        .map(|d| ((d.id.clone(), d.rev.clone()), d))
        .collect();
    let snapshot = Snapshot {
        existing,
        leaf_bodies,
        last_seq: counter(&done_value(&seq_req)?),
    };

    let plan = plan(&snapshot);
    if plan.records.is_empty() && plan.put_bodies.is_empty() && plan.delete_bodies.is_empty() {
        // Nothing changes (every edit refused, or only known revisions): dropping the
        // transaction rolls it back, and the update sequence stays.
        return Ok(plan.results);
    }
    for rec in &plan.records {
        docs.put(&encode_record(rec)?).map_err(|e| js_error(&e))?;
    }
    for doc in &plan.put_bodies {
        revs.put(&encode_leaf(doc)?).map_err(|e| js_error(&e))?;
    }
    for (id, rev) in &plan.delete_bodies {
        revs.delete(&leaf_key(id, rev)).map_err(|e| js_error(&e))?;
    }
    let doc_count = doc_count.saturating_add_signed(live_delta(&snapshot.existing, &plan.records));
    let put_counter = |key: &JsValue, n: u64| {
        // Counters stay far below 2^53, where doubles are exact.
        meta.put_with_key(&JsValue::from_f64(n as f64), key)
            .map_err(|e| js_error(&e))
    };
    put_counter(&seq_key, plan.last_seq)?;
    put_counter(&count_key, doc_count)?;
    tx.commit().await?;
    Ok(plan.results)
}

/// How many documents became live minus how many stopped being live.
fn live_delta(existing: &HashMap<String, DocRecord>, changed: &[DocRecord]) -> i64 {
    changed
        .iter()
        .map(|rec| {
            let was_live = existing.get(&rec.id).is_some_and(|r| !r.deleted);
            i64::from(!rec.deleted) - i64::from(was_live)
        })
        .sum()
}

/// Writes (`Some`) or removes (`None`) a local document.
pub(crate) async fn put_local(
    db: &IdbDatabase,
    id: &str,
    value: Option<&serde_json::Value>,
) -> Result<(), StoreError> {
    let tx = WriteTx::new(db, &[LOCAL])?;
    let local = tx.store(LOCAL)?;
    let key = JsValue::from_str(id);
    match value {
        Some(v) => {
            let json = serde_json::to_string(v).map_err(|e| StoreError::Backend(e.to_string()))?;
            local.put_with_key(&JsValue::from_str(&json), &key)
        }
        None => local.delete(&key),
    }
    .map_err(|e| js_error(&e))?;
    tx.commit().await
}
