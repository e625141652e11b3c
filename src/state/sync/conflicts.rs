//! Conflict resolution: the winner ("mine") beside every other live leaf ("theirs"), field
//! by field, prefilled by core's `three_way_merge`; the chosen result is written as a new
//! revision on the winner and every losing leaf is deleted, in one transaction.
//!
//! The common ancestor is looked up (the deepest revision both branches share) but stores keep
//! only leaf bodies, so it is usually gone: the merge then runs without a base, and every field
//! both sides hold with different values needs the user's choice (without a base nobody can
//! tell which side changed it). A field only one side has is taken from that side.

use std::collections::BTreeSet;

use cartera_core::store::{Body, Doc, DocStore, Edit, Rev, StoreError, WriteError};
use cartera_core::sync::three_way_merge;
use serde_json::Value;

/// Where the value of a differing field comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldChoice {
    Mine,
    /// The i-th other leaf.
    Theirs(usize),
}

/// A document in conflict, as the resolution page shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct ConflictView {
    pub mine: Doc,
    pub theirs: Vec<Doc>,
    /// Fields whose values differ between the leaves (bookkeeping fields left out), sorted,
    /// each with the prefilled choice.
    pub fields: Vec<(String, FieldChoice)>,
    /// The fields the merge could not settle (a choice must be confirmed).
    pub unsettled: BTreeSet<String>,
}

/// Fields every edit changes; the merge settles them itself.
const BOOKKEEPING: [&str; 2] = ["updated_at", "updated_by"];

/// The document's conflict, `None` when it has a single live leaf (or none).
pub async fn load_conflict<S: DocStore>(
    store: &S,
    id: &str,
) -> Result<Option<ConflictView>, StoreError> {
    let mut leaves = store.get_conflicts(id).await?.into_iter();
    let Some(mine) = leaves.next() else {
        return Ok(None);
    };
    let theirs: Vec<Doc> = leaves.collect();
    if theirs.is_empty() {
        return Ok(None);
    }
    let mut merged = mine.body.clone();
    let mut unsettled = BTreeSet::new();
    for other in &theirs {
        let base = common_ancestor(store, id, &mine.rev, &other.rev).await?;
        let merge = three_way_merge(base.as_ref(), &merged, &other.body);
        merged = merge.merged;
        unsettled.extend(merge.conflicts);
    }
    let fields = differing_fields(&mine, &theirs)
        .into_iter()
        .map(|key| {
            let choice = prefill(&key, &merged, &mine, &theirs);
            (key, choice)
        })
        .collect();
    Ok(Some(ConflictView {
        mine,
        theirs,
        fields,
        unsettled,
    }))
}

/// Keys whose values are not the same on every leaf (`null` reads as absent).
fn differing_fields(mine: &Doc, theirs: &[Doc]) -> Vec<String> {
    let mut keys: BTreeSet<&String> = BTreeSet::new();
    keys.extend(
        std::iter::once(mine)
            .chain(theirs)
            .flat_map(|d| d.body.keys()),
    );
    keys.into_iter()
        .filter(|k| !BOOKKEEPING.contains(&k.as_str()))
        .filter(|k| {
            theirs
                .iter()
                .any(|t| field(&t.body, k) != field(&mine.body, k))
        })
        .cloned()
        .collect()
}

/// The leaf whose value the merge kept (mine when several hold it).
fn prefill(key: &str, merged: &Body, mine: &Doc, theirs: &[Doc]) -> FieldChoice {
    let want = field(merged, key);
    if field(&mine.body, key) == want {
        return FieldChoice::Mine;
    }
    theirs
        .iter()
        .position(|t| field(&t.body, key) == want)
        .map_or(FieldChoice::Mine, FieldChoice::Theirs)
}

/// A field's value, `null` read as absent.
pub fn field<'a>(body: &'a Body, key: &str) -> Option<&'a Value> {
    body.get(key).filter(|v| !v.is_null())
}

/// The body of the deepest revision both leaves descend from, when the store still has it.
async fn common_ancestor<S: DocStore>(
    store: &S,
    id: &str,
    a: &Rev,
    b: &Rev,
) -> Result<Option<Body>, StoreError> {
    let Some(record) = store.record(id).await? else {
        return Ok(None);
    };
    let (Some(path_a), Some(path_b)) = (record.tree.path(a), record.tree.path(b)) else {
        return Ok(None);
    };
    let shared = path_a
        .iter()
        .enumerate()
        .find(|(_, hash)| path_b.contains(hash));
    let Some((i, hash)) = shared else {
        return Ok(None);
    };
    let rev = Rev::new(a.pos.saturating_sub(i as u64), hash.clone());
    Ok(store
        .get_rev(id, &rev)
        .await?
        .filter(|d| !d.deleted)
        .map(|d| d.body))
}

/// The body the user chose: mine, with each differing field taken from its chosen leaf, and
/// the bookkeeping fields stamped with `now` and `user`.
pub fn chosen_body(
    view: &ConflictView,
    choices: &[(String, FieldChoice)],
    now: &str,
    user: &str,
) -> Body {
    let mut body = view.mine.body.clone();
    for (key, choice) in choices {
        let source = match choice {
            FieldChoice::Mine => Some(&view.mine),
            FieldChoice::Theirs(i) => view.theirs.get(*i),
        };
        match source.and_then(|d| field(&d.body, key)) {
            Some(value) => body.insert(key.clone(), value.clone()),
            None => body.remove(key),
        };
    }
    body.insert("updated_at".into(), Value::from(now));
    body.insert("updated_by".into(), Value::from(user));
    body
}

/// Writes `body` as a new revision on the winner and deletes every losing leaf, in one
/// transaction. Returns the new winning revision; a stale view (someone edited meanwhile)
/// gives `WriteError::Conflict`.
pub async fn resolve_conflict<S: DocStore>(
    store: &S,
    view: &ConflictView,
    body: Body,
) -> Result<Result<Rev, WriteError>, StoreError> {
    let id = &view.mine.id;
    let winner = Edit {
        id: id.clone(),
        prev: Some(view.mine.rev.clone()),
        deleted: false,
        body,
    };
    // The winner first, alone: when it fails (edited meanwhile) the losers must stay.
    let written = store.bulk_docs(vec![winner]).await?.into_iter().next();
    let rev = match written.unwrap_or(Err(WriteError::Conflict)) {
        Ok(rev) => rev,
        Err(e) => return Ok(Err(e)),
    };
    let losers: Vec<Edit> = view
        .theirs
        .iter()
        .map(|t| Edit {
            id: id.clone(),
            prev: Some(t.rev.clone()),
            deleted: true,
            body: Body::new(),
        })
        .collect();
    // A loser already deleted elsewhere is fine: it no longer competes.
    store.bulk_docs(losers).await?;
    Ok(Ok(rev))
}
