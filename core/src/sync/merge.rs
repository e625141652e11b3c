//! Field-level three-way merge of two conflicting revisions, so edits to different fields of
//! the same record merge without asking and only true collisions go to the user.

use std::collections::BTreeSet;

use serde_json::Value;

use crate::store::Body;

/// The result of a merge: the merged body, and the fields both sides changed differently
/// (sorted). Each conflicting field holds `mine` in `merged`, for the user to confirm or change.
#[derive(Clone, Debug, PartialEq)]
pub struct Merge {
    pub merged: Body,
    pub conflicts: Vec<String>,
}

/// Bookkeeping fields: every edit changes them, so both sides changing them is not a conflict.
/// The pair of the later `updated_at` wins together.
const TOUCHED_AT: &str = "updated_at";
const TOUCHED_BY: &str = "updated_by";

/// Merges `mine` and `theirs`, two edits of `base` (their common ancestor; `None` when it is
/// not known, e.g. two creations of the same id), field by field at the top level:
///
/// - a field both sides left equal keeps that value;
/// - a field only one side changed (relative to `base`) takes that side's value, removal
///   included;
/// - a field both sides changed to different values is a conflict;
/// - `updated_at` / `updated_by` come from the side with the later `updated_at` (RFC 3339 UTC
///   text of fixed width orders as time; on a tie, the greater `updated_by`).
///
/// A `null` field counts as absent (documents read them alike). Deterministic: the same
/// inputs give the same output, and swapping `mine` and `theirs` changes only which value a
/// conflicting field holds.
pub fn three_way_merge(base: Option<&Body>, mine: &Body, theirs: &Body) -> Merge {
    let mut keys: BTreeSet<&String> = BTreeSet::new();
    keys.extend(mine.keys().chain(theirs.keys()));
    let mut merged = Body::new();
    let mut conflicts = Vec::new();
    for key in keys {
        if key == TOUCHED_AT || key == TOUCHED_BY {
            continue;
        }
        let b = base.and_then(|b| field(b, key));
        let (m, t) = (field(mine, key), field(theirs, key));
        let chosen = if m == t || t == b {
            m
        } else if m == b {
            t
        } else {
            conflicts.push(key.clone());
            m
        };
        if let Some(value) = chosen {
            merged.insert(key.clone(), value.clone());
        }
    }
    let later = if touched(theirs) > touched(mine) {
        theirs
    } else {
        mine
    };
    for key in [TOUCHED_AT, TOUCHED_BY] {
        if let Some(value) = field(later, key)
            .or_else(|| field(mine, key))
            .or_else(|| field(theirs, key))
        {
            merged.insert(key.to_owned(), value.clone());
        }
    }
    Merge { merged, conflicts }
}

/// A field's value, with `null` read as absent.
fn field<'a>(body: &'a Body, key: &str) -> Option<&'a Value> {
    body.get(key).filter(|v| !v.is_null())
}

/// When and by whom a body was last edited, compared as text.
fn touched(body: &Body) -> (&str, &str) {
    let text = |key| body.get(key).and_then(Value::as_str).unwrap_or("");
    (text(TOUCHED_AT), text(TOUCHED_BY))
}

#[cfg(test)]
mod tests;
