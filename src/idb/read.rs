//! Reads: documents, revisions, the changes feed, id ranges and the secondary indexes.

use std::cmp::Ordering;
use std::collections::{HashMap, HashSet};

use cartera_core::store::{
    Change, ChangesPage, Doc, DocRecord, IdRange, Query, Rev, RevRead, RevsDiff, Seq, StoreError,
    StoreInfo,
};
use js_sys::Array;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{
    IdbCursorDirection, IdbCursorWithValue, IdbDatabase, IdbIndex, IdbKeyRange, IdbObjectStore,
};

use super::record::{decode_leaf, decode_record, decode_records, leaf_key};
use super::req::{done_value, js_error, read_tx, store, value, wait_all};
use super::schema::{
    BY_ACCOUNT, BY_OWNER, BY_SEQ, BY_TYPE, BY_UPDATED, DOCS, LOCAL, META, META_DOC_COUNT, META_SEQ,
    REVS,
};

/// Reads the records of `ids` from `docs`: every request first, then one wait.
pub(crate) async fn records(
    docs: &IdbObjectStore,
    ids: impl IntoIterator<Item = &str>,
) -> Result<HashMap<String, DocRecord>, StoreError> {
    let reqs = ids
        .into_iter()
        .map(|id| docs.get(&JsValue::from_str(id)).map_err(|e| js_error(&e)))
        .collect::<Result<Vec<_>, _>>()?;
    wait_all(&reqs).await?;
    let mut out = HashMap::with_capacity(reqs.len());
    for r in &reqs {
        if let Some(rec) = decode_record(&done_value(r)?)? {
            out.insert(rec.id.clone(), rec);
        }
    }
    Ok(out)
}

/// The records of a batch's documents (`revs_diff`, writes). One `get` per id costs a round
/// trip to the browser's storage process each; for a large batch, listing the keys between
/// its smallest and largest id first is much cheaper, and then only the documents that exist
/// are read (a first pull or an import of new documents reads none). The listing stops after
/// a few keys per id: a range that spans many other documents (ids spread over a large store)
/// costs that short listing, then the `get`s.
pub(crate) async fn batch_records(
    docs: &IdbObjectStore,
    ids: &[&str],
) -> Result<HashMap<String, DocRecord>, StoreError> {
    const SCAN_FROM: usize = 32;
    const KEYS_PER_ID: usize = 8;
    if ids.len() >= SCAN_FROM
        && let Some(present) = existing_ids(docs, ids, ids.len() * KEYS_PER_ID).await?
    {
        return records(docs, ids.iter().copied().filter(|id| present.contains(*id))).await;
    }
    records(docs, ids.iter().copied()).await
}

/// Which of `ids` have a record, from one scan of the keys between the smallest and the
/// largest of them; `None` when that range holds more than `cap` keys.
async fn existing_ids(
    docs: &IdbObjectStore,
    ids: &[&str],
    cap: usize,
) -> Result<Option<HashSet<String>>, StoreError> {
    let by_key = |a: &&&str, b: &&&str| key_order(a, b);
    let (Some(lo), Some(hi)) = (ids.iter().min_by(by_key), ids.iter().max_by(by_key)) else {
        return Ok(Some(HashSet::new()));
    };
    let range = IdbKeyRange::bound(&JsValue::from_str(lo), &JsValue::from_str(hi))
        .map_err(|e| js_error(&e))?;
    // One more than the cap: getting it means the range holds more.
    let limit = u32::try_from(cap).unwrap_or(u32::MAX - 1) + 1;
    let req = docs
        .get_all_keys_with_key_and_limit(&range, limit)
        .map_err(|e| js_error(&e))?;
    let keys: Array = value(&req)
        .await?
        .dyn_into()
        .map_err(|_| StoreError::Backend("getAllKeys returned no array".into()))?;
    if keys.length() >= limit {
        return Ok(None);
    }
    Ok(Some(keys.iter().filter_map(|k| k.as_string()).collect()))
}

/// IndexedDB's order of string keys: by UTF-16 code units. It differs from `str`'s order
/// (code points) when characters beyond U+FFFF meet ones from U+E000 to U+FFFF; bounds taken in
/// the wrong order would leave keys out of a range, or make the range invalid.
fn key_order(a: &str, b: &str) -> Ordering {
    a.encode_utf16().cmp(b.encode_utf16())
}

/// Reads leaf bodies from `revs`; bodies that are missing are left out.
pub(crate) async fn leaf_bodies(
    revs: &IdbObjectStore,
    keys: &[(String, Rev)],
) -> Result<Vec<Doc>, StoreError> {
    let reqs = keys
        .iter()
        .map(|(id, rev)| revs.get(&leaf_key(id, rev)).map_err(|e| js_error(&e)))
        .collect::<Result<Vec<_>, _>>()?;
    wait_all(&reqs).await?;
    let mut out = Vec::with_capacity(reqs.len());
    for r in &reqs {
        out.extend(decode_leaf(&done_value(r)?)?);
    }
    Ok(out)
}

/// A store-wide counter from `meta` (0 when never written).
pub(crate) fn counter(v: &JsValue) -> u64 {
    // Counters are written as whole doubles below 2^53.
    v.as_f64().map_or(0, |n| n as u64)
}

pub(crate) async fn record(db: &IdbDatabase, id: &str) -> Result<Option<DocRecord>, StoreError> {
    let tx = read_tx(db, &[DOCS])?;
    let docs = store(&tx, DOCS)?;
    let req = docs.get(&JsValue::from_str(id)).map_err(|e| js_error(&e))?;
    decode_record(&value(&req).await?)
}

pub(crate) async fn get_rev(
    db: &IdbDatabase,
    id: &str,
    rev: &Rev,
) -> Result<Option<Doc>, StoreError> {
    let tx = read_tx(db, &[DOCS, REVS])?;
    let rec_req = store(&tx, DOCS)?
        .get(&JsValue::from_str(id))
        .map_err(|e| js_error(&e))?;
    let leaf_req = store(&tx, REVS)?
        .get(&leaf_key(id, rev))
        .map_err(|e| js_error(&e))?;
    wait_all(&[rec_req.clone(), leaf_req.clone()]).await?;
    match decode_record(&done_value(&rec_req)?)? {
        Some(rec) if rec.winner == *rev => Ok(Some(rec.winning_doc())),
        // `revs` also holds the kept base, which is not a leaf.
        Some(rec) if rec.tree.is_leaf(rev) => decode_leaf(&done_value(&leaf_req)?),
        _ => Ok(None),
    }
}

/// The kept base of a conflicted document, when it is the conflict's common ancestor
/// (`DocRecord::conflict_base`).
pub(crate) async fn conflict_base(db: &IdbDatabase, id: &str) -> Result<Option<Doc>, StoreError> {
    let tx = read_tx(db, &[DOCS, REVS])?;
    let req = store(&tx, DOCS)?
        .get(&JsValue::from_str(id))
        .map_err(|e| js_error(&e))?;
    let Some(rec) = decode_record(&value(&req).await?)? else {
        return Ok(None);
    };
    let Some(base) = rec.conflict_base() else {
        return Ok(None);
    };
    let req = store(&tx, REVS)?
        .get(&leaf_key(id, base))
        .map_err(|e| js_error(&e))?;
    decode_leaf(&value(&req).await?)
}

/// Revisions to replicate with their ancestry, in one transaction and one wait: every record
/// and every leaf body asked for is requested first (a winner's key in `revs` finds nothing; its
/// body is inline in the record).
pub(crate) async fn read_revs(
    db: &IdbDatabase,
    wanted: &RevsDiff,
) -> Result<Vec<RevRead>, StoreError> {
    if wanted.is_empty() {
        return Ok(Vec::new());
    }
    let tx = read_tx(db, &[DOCS, REVS])?;
    let (docs, revs) = (store(&tx, DOCS)?, store(&tx, REVS)?);
    let mut record_reqs = Vec::with_capacity(wanted.len());
    let mut leaf_reqs = Vec::with_capacity(wanted.len());
    for (id, wanted_revs) in wanted {
        record_reqs.push(docs.get(&JsValue::from_str(id)).map_err(|e| js_error(&e))?);
        for rev in wanted_revs {
            leaf_reqs.push(revs.get(&leaf_key(id, rev)).map_err(|e| js_error(&e))?);
        }
    }
    // Requests of one transaction complete in the order they were made: wait for every one.
    wait_all(&record_reqs).await?;
    wait_all(&leaf_reqs).await?;
    let mut out = Vec::with_capacity(leaf_reqs.len());
    let mut leaves = leaf_reqs.iter();
    for ((id, wanted_revs), record_req) in wanted.iter().zip(&record_reqs) {
        let record = decode_record(&done_value(record_req)?)?;
        for rev in wanted_revs {
            let leaf = leaves.next();
            let body = match (&record, leaf) {
                (Some(rec), _) if rec.winner == *rev => Some(rec.winning_doc()),
                (Some(_), Some(req)) => decode_leaf(&done_value(req)?)?,
                _ => None,
            };
            out.push(RevRead::classify(id, rev, record.as_ref(), body));
        }
    }
    Ok(out)
}

/// The winner (when live) and the other live leaves, winner first.
pub(crate) async fn conflicts(db: &IdbDatabase, id: &str) -> Result<Vec<Doc>, StoreError> {
    let tx = read_tx(db, &[DOCS, REVS])?;
    let req = store(&tx, DOCS)?
        .get(&JsValue::from_str(id))
        .map_err(|e| js_error(&e))?;
    let Some(rec) = decode_record(&value(&req).await?)? else {
        return Ok(Vec::new());
    };
    if rec.deleted {
        return Ok(Vec::new());
    }
    let keys: Vec<(String, Rev)> = rec
        .tree
        .conflicts()
        .into_iter()
        .map(|r| (rec.id.clone(), r))
        .collect();
    let mut out = vec![rec.winning_doc()];
    out.extend(leaf_bodies(&store(&tx, REVS)?, &keys).await?);
    Ok(out)
}

pub(crate) async fn revs_diff(db: &IdbDatabase, revs: &RevsDiff) -> Result<RevsDiff, StoreError> {
    let tx = read_tx(db, &[DOCS])?;
    let ids: Vec<&str> = revs.keys().map(String::as_str).collect();
    let known = batch_records(&store(&tx, DOCS)?, &ids).await?;
    let mut out = RevsDiff::new();
    for (id, wanted) in revs {
        let tree = known.get(id).map(|r| &r.tree);
        let missing: Vec<Rev> = wanted
            .iter()
            .filter(|rev| !tree.is_some_and(|t| t.contains(rev)))
            .cloned()
            .collect();
        if !missing.is_empty() {
            out.insert(id.clone(), missing);
        }
    }
    Ok(out)
}

pub(crate) async fn changes(
    db: &IdbDatabase,
    since: Seq,
    limit: usize,
) -> Result<ChangesPage, StoreError> {
    let empty = ChangesPage {
        results: Vec::new(),
        last_seq: since,
    };
    if limit == 0 {
        return Ok(empty);
    }
    let tx = read_tx(db, &[DOCS])?;
    let index = index(&store(&tx, DOCS)?, BY_SEQ)?;
    let range = IdbKeyRange::lower_bound_with_open(&JsValue::from_f64(since as f64), true)
        .map_err(|e| js_error(&e))?;
    let req = index
        .get_all_with_key_and_limit(&range, count(limit))
        .map_err(|e| js_error(&e))?;
    let results: Vec<Change> = decode_records(&value(&req).await?)?
        .into_iter()
        .map(|rec| rec.change())
        .collect();
    let last_seq = results.last().map_or(since, |c| c.seq);
    Ok(ChangesPage { results, last_seq })
}

/// Live documents in an id range. Deleted documents keep their records, so a page may hold
/// fewer live ones than asked for: read pages until `limit` live ones or the end.
pub(crate) async fn all_docs(db: &IdbDatabase, range: &IdRange) -> Result<Vec<Doc>, StoreError> {
    let limit = range.limit.unwrap_or(usize::MAX);
    let empty_range = matches!(
        (&range.start, &range.end),
        (Some(s), Some(e)) if key_order(s, e) != Ordering::Less
    );
    if limit == 0 || empty_range {
        return Ok(Vec::new());
    }
    let tx = read_tx(db, &[DOCS])?;
    let docs = store(&tx, DOCS)?;
    let mut out = Vec::new();
    let mut after: Option<String> = None;
    loop {
        let want = limit - out.len();
        let key_range = id_range(
            range.start.as_deref(),
            after.as_deref(),
            range.end.as_deref(),
        )?;
        let req = match &key_range {
            Some(r) => docs.get_all_with_key_and_limit(r, count(want)),
            None => docs.get_all_with_key_and_limit(&JsValue::UNDEFINED, count(want)),
        }
        .map_err(|e| js_error(&e))?;
        let page = decode_records(&value(&req).await?)?;
        let full = page.len() >= count(want) as usize;
        after = page.last().map(|r| r.id.clone());
        out.extend(
            page.iter()
                .filter(|r| !r.deleted)
                .map(DocRecord::winning_doc),
        );
        if !full || out.len() >= limit || after.is_none() {
            return Ok(out);
        }
    }
}

/// `[start, end)`, or `(after, end)` once a page was read; `None` for the whole store.
fn id_range(
    start: Option<&str>,
    after: Option<&str>,
    end: Option<&str>,
) -> Result<Option<IdbKeyRange>, StoreError> {
    let (lower, lower_open) = match (after, start) {
        (Some(a), _) => (Some(a), true),
        (None, s) => (s, false),
    };
    let key = |s: &str| JsValue::from_str(s);
    let range = match (lower, end) {
        (None, None) => return Ok(None),
        (Some(l), None) => IdbKeyRange::lower_bound_with_open(&key(l), lower_open),
        (None, Some(u)) => IdbKeyRange::upper_bound_with_open(&key(u), true),
        (Some(l), Some(u)) => {
            IdbKeyRange::bound_with_lower_open_and_upper_open(&key(l), &key(u), lower_open, true)
        }
    };
    range.map(Some).map_err(|e| js_error(&e))
}

pub(crate) async fn query(db: &IdbDatabase, query: &Query) -> Result<Vec<Doc>, StoreError> {
    let tx = read_tx(db, &[DOCS])?;
    let docs = store(&tx, DOCS)?;
    let s = |v: &str| JsValue::from_str(v);
    let (name, key) = match query {
        Query::ByType { doc_type } => return by_type(&index(&docs, BY_TYPE)?, doc_type).await,
        Query::ByOwner { doc_type, owner } => {
            (BY_OWNER, Array::of2(&s(doc_type), &s(owner)).into())
        }
        Query::ByAccount { doc_type, account } => {
            (BY_ACCOUNT, Array::of2(&s(doc_type), &s(account)).into())
        }
        Query::RecentlyUpdated { doc_type, limit } => {
            return recently_updated(&index(&docs, BY_UPDATED)?, doc_type, *limit).await;
        }
    };
    let range = IdbKeyRange::only(&key).map_err(|e| js_error(&e))?;
    let req = index(&docs, name)?
        .get_all_with_key(&range)
        .map_err(|e| js_error(&e))?;
    Ok(decode_records(&value(&req).await?)?
        .iter()
        .map(DocRecord::winning_doc)
        .collect())
}

/// Documents read per request by [`by_type`]: each page is decoded in its own main-thread task.
pub(crate) const TYPE_PAGE: u32 = 1000;

/// Every live document of a type, by id: pages of [`TYPE_PAGE`] over the `[type, id]` index in
/// one transaction, each after the last id of the one before.
async fn by_type(index: &IdbIndex, doc_type: &str) -> Result<Vec<Doc>, StoreError> {
    let t = JsValue::from_str(doc_type);
    // Every key `[doc_type, <string>]` sorts before `[doc_type, []]` (arrays after strings).
    let upper: JsValue = Array::of2(&t, &Array::new()).into();
    let mut range = IdbKeyRange::bound(&Array::of1(&t), &upper).map_err(|e| js_error(&e))?;
    let mut out = Vec::new();
    loop {
        let req = index
            .get_all_with_key_and_limit(&range, TYPE_PAGE)
            .map_err(|e| js_error(&e))?;
        let page = decode_records(&value(&req).await?)?;
        let full = page.len() >= TYPE_PAGE as usize;
        let last = page.last().map(|r| r.id.clone());
        out.extend(page.iter().map(DocRecord::winning_doc));
        match last {
            Some(last) if full => {
                let lower = Array::of2(&t, &JsValue::from_str(&last));
                range =
                    IdbKeyRange::bound_with_lower_open_and_upper_open(&lower, &upper, true, false)
                        .map_err(|e| js_error(&e))?;
            }
            _ => return Ok(out),
        }
    }
}

/// Newest `updated_at` first: a backwards cursor over `[type, …]` keys.
async fn recently_updated(
    index: &IdbIndex,
    doc_type: &str,
    limit: usize,
) -> Result<Vec<Doc>, StoreError> {
    let mut out = Vec::new();
    if limit == 0 {
        return Ok(out);
    }
    // Every key `[doc_type, <string>]` sorts after `[doc_type]` and before `[doc_type, []]`
    // (arrays sort after strings).
    let t = JsValue::from_str(doc_type);
    let lower = Array::of1(&t);
    let upper = Array::of2(&t, &Array::new());
    let range = IdbKeyRange::bound(&lower, &upper).map_err(|e| js_error(&e))?;
    let req = index
        .open_cursor_with_range_and_direction(&range, IdbCursorDirection::Prev)
        .map_err(|e| js_error(&e))?;
    while out.len() < limit {
        let Ok(cursor) = value(&req).await?.dyn_into::<IdbCursorWithValue>() else {
            break; // `null`: past the last entry
        };
        let v = cursor.value().map_err(|e| js_error(&e))?;
        out.extend(decode_record(&v)?.map(|r| r.winning_doc()));
        if out.len() < limit {
            cursor.continue_().map_err(|e| js_error(&e))?;
        }
    }
    Ok(out)
}

pub(crate) async fn info(db: &IdbDatabase) -> Result<StoreInfo, StoreError> {
    let tx = read_tx(db, &[META])?;
    let meta = store(&tx, META)?;
    let seq = meta
        .get(&JsValue::from_str(META_SEQ))
        .map_err(|e| js_error(&e))?;
    let count = meta
        .get(&JsValue::from_str(META_DOC_COUNT))
        .map_err(|e| js_error(&e))?;
    wait_all(&[seq.clone(), count.clone()]).await?;
    Ok(StoreInfo {
        doc_count: counter(&done_value(&count)?),
        update_seq: counter(&done_value(&seq)?),
    })
}

pub(crate) async fn get_local(
    db: &IdbDatabase,
    id: &str,
) -> Result<Option<serde_json::Value>, StoreError> {
    let tx = read_tx(db, &[LOCAL])?;
    let req = store(&tx, LOCAL)?
        .get(&JsValue::from_str(id))
        .map_err(|e| js_error(&e))?;
    let Some(json) = value(&req).await?.as_string() else {
        return Ok(None);
    };
    serde_json::from_slice(json.as_bytes())
        .map(Some)
        .map_err(|e| StoreError::Corrupt {
            id: id.to_owned(),
            reason: e.to_string(),
        })
}

fn index(docs: &IdbObjectStore, name: &str) -> Result<IdbIndex, StoreError> {
    docs.index(name).map_err(|e| js_error(&e))
}

/// An IndexedDB count: `0` would mean "no limit" there, callers handle 0 before.
fn count(limit: usize) -> u32 {
    u32::try_from(limit).unwrap_or(u32::MAX).max(1)
}
