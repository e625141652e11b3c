//! Conflict resolution from the UI: the winner ("mine") beside every other live leaf
//! ("theirs"), merged by core's `merge_leaves` against the common ancestor when this device kept
//! it. Only the fields two versions changed differently are asked about; every other change is
//! taken as merged. Without the common ancestor (the conflict branched from a revision this
//! device did not keep), every field the versions hold differently is asked about. Conflicts
//! that need nobody are resolved by the sync loop (core's `auto_merge_since`) before a badge
//! shows.

use std::collections::BTreeSet;

use cartera_core::store::{Body, Doc, DocStore, StoreError};
use cartera_core::sync::merge_leaves;
use serde_json::Value;

/// Where the value of an asked field comes from.
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
    /// Every version's changes merged; an asked field holds its prefilled choice.
    pub merged: Body,
    /// The fields to ask about, sorted, each with its prefilled choice.
    pub fields: Vec<(String, FieldChoice)>,
    /// The other fields whose versions differ, merged without asking (sorted; bookkeeping left
    /// out).
    pub merged_fields: Vec<String>,
    /// The common earlier version, when kept (each asked field shows its value there).
    pub base: Option<Body>,
}

/// Fields every edit changes; the merge settles them itself.
const BOOKKEEPING: [&str; 2] = ["updated_at", "updated_by"];

/// The document's conflict, `None` when it has a single live leaf (or none).
pub async fn load_conflict<S: DocStore>(
    store: &S,
    id: &str,
) -> Result<Option<ConflictView>, StoreError> {
    let mut theirs = store.get_conflicts(id).await?;
    if theirs.len() < 2 {
        return Ok(None);
    }
    let mine = theirs.remove(0);
    let tree = store.record(id).await?.map(|r| r.tree).unwrap_or_default();
    let base = store.conflict_base(id).await?;
    let merge = merge_leaves(&tree, base.as_ref(), &mine, &theirs);
    let fields = (merge.conflicts.iter())
        .map(|key| (key.clone(), prefill(key, &merge.merged, &mine, &theirs)))
        .collect();
    let merged_fields = differing_fields(&mine, &theirs)
        .into_iter()
        .filter(|k| !merge.conflicts.contains(k))
        .collect();
    Ok(Some(ConflictView {
        mine,
        theirs,
        merged: merge.merged,
        fields,
        merged_fields,
        base: merge.base,
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

/// The body the user chose: the merge, with each asked field taken from its chosen leaf, and
/// the bookkeeping fields stamped with `now` and `user`. Save it with core's
/// `resolve_conflict(store, &view.mine, &view.theirs, body)`.
pub fn chosen_body(
    view: &ConflictView,
    choices: &[(String, FieldChoice)],
    now: &str,
    user: &str,
) -> Body {
    let mut body = view.merged.clone();
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
