//! Resolving conflicts: a conflicted document's live leaves merged field by field against their
//! common ancestor (when this device kept it: [`DocStore::conflict_base`]), the decision whether
//! that needs the user, and the write that ends the conflict.
//!
//! The app's sync loop calls [`auto_merge_since`] after each run, so edits to different fields
//! of the same record merge without asking; the resolution screen uses [`merge_leaves`] to ask
//! only about the fields both sides changed, and [`resolve_conflict`] to save the choice.
//!
//! An automatic resolution is deterministic: the same leaves and base give the same merged body
//! (no clock, no user stamped), and revision ids hash the parent and the body, so two devices
//! that both merge the same conflict write the same revisions and do not conflict again.

use crate::store::{Body, Doc, DocStore, Edit, Rev, RevTree, Seq, StoreError, WriteError};

use super::merge::three_way_merge;

/// The live leaves of a conflicted document merged into one body.
#[derive(Clone, Debug, PartialEq)]
pub struct LeafMerge {
    /// Each field one version changed (against the common ancestor) takes that change; a
    /// conflicting field holds the winner's value.
    pub merged: Body,
    /// Fields two versions changed differently, sorted: only these need the user.
    pub conflicts: Vec<String>,
    /// The base every other leaf was merged against (their common ancestor with the winner),
    /// `None` when it is not kept for at least one of them (those fields merged without a base:
    /// any field the versions hold differently is a conflict).
    pub base: Option<Body>,
}

impl LeafMerge {
    /// Whether the merge may be written without asking: every version was merged against its
    /// common ancestor with the winner, and no field conflicts.
    pub fn is_automatic(&self) -> bool {
        self.base.is_some() && self.conflicts.is_empty()
    }
}

/// Merges the winner with every other live leaf, in order. A leaf whose common ancestor with
/// the winner in `tree` is `base` merges against it; any other merges without a base.
pub fn merge_leaves(tree: &RevTree, base: Option<&Doc>, winner: &Doc, others: &[Doc]) -> LeafMerge {
    let mut merged = winner.body.clone();
    let mut conflicts: Vec<String> = Vec::new();
    let mut every_base = !others.is_empty();
    for other in others {
        let shared = tree.common_ancestor(&winner.rev, &other.rev);
        let b = base.filter(|b| shared.as_ref() == Some(&b.rev));
        every_base &= b.is_some();
        let merge = three_way_merge(b.map(|b| &b.body), &merged, &other.body);
        merged = merge.merged;
        for key in merge.conflicts {
            if !conflicts.contains(&key) {
                conflicts.push(key);
            }
        }
    }
    // Each merge lists its conflicts sorted; only several other leaves can unsort them.
    crate::sort::sort(&mut conflicts);
    LeafMerge {
        merged,
        conflicts,
        base: base.filter(|_| every_base).map(|b| b.body.clone()),
    }
}

/// Writes `body` as a new revision on `winner` and deletes every leaf of `others`. Returns the
/// new winning revision; a winner edited meanwhile gives `WriteError::Conflict` and changes
/// nothing.
///
/// Two transactions, the winner first and alone: in one batch, a failed edit does not stop the
/// others, so the leaves would be deleted without their values merged. Interrupted between the
/// two, the document keeps the merged winner and the other leaves: still a conflict, nothing
/// lost.
pub async fn resolve_conflict<S: DocStore>(
    store: &S,
    winner: &Doc,
    others: &[Doc],
    body: Body,
) -> Result<Result<Rev, WriteError>, StoreError> {
    let edit = Edit {
        id: winner.id.clone(),
        prev: Some(winner.rev.clone()),
        deleted: false,
        body,
    };
    let written = store.bulk_docs(vec![edit]).await?.into_iter().next();
    let rev = match written.unwrap_or(Err(WriteError::Conflict)) {
        Ok(rev) => rev,
        Err(e) => return Ok(Err(e)),
    };
    let losers: Vec<Edit> = others
        .iter()
        .map(|t| Edit {
            id: t.id.clone(),
            prev: Some(t.rev.clone()),
            deleted: true,
            body: Body::new(),
        })
        .collect();
    // A leaf already deleted elsewhere is fine: it no longer competes.
    store.bulk_docs(losers).await?;
    Ok(Ok(rev))
}

/// Resolves document `id`'s conflict without asking when [`merge_leaves`] says it may. Returns
/// whether it did.
pub async fn auto_merge<S: DocStore>(store: &S, id: &str) -> Result<bool, StoreError> {
    let mut leaves = store.get_conflicts(id).await?;
    if leaves.len() < 2 {
        return Ok(false);
    }
    let winner = leaves.remove(0);
    let Some(record) = store.record(id).await? else {
        return Ok(false);
    };
    // Every live leaf must be here with its body, or the resolution would leave one behind.
    if record.winner != winner.rev || record.tree.conflicts().len() != leaves.len() {
        return Ok(false);
    }
    let base = store.conflict_base(id).await?;
    let merge = merge_leaves(&record.tree, base.as_ref(), &winner, &leaves);
    if !merge.is_automatic() {
        return Ok(false);
    }
    Ok(resolve_conflict(store, &winner, &leaves, merge.merged)
        .await?
        .is_ok())
}

/// Changes read per page while looking for conflicts.
const PAGE: usize = 500;

/// Looks at every document changed after `since` (a sync run's pulled revisions) and resolves
/// the conflicts that merge without asking. Returns how many it resolved.
pub async fn auto_merge_since<S: DocStore>(store: &S, since: Seq) -> Result<usize, StoreError> {
    let mut resolved = 0;
    let mut at = since;
    loop {
        let page = store.changes(at, PAGE).await?;
        if page.results.is_empty() {
            return Ok(resolved);
        }
        for change in &page.results {
            // Deleted leaves count in `leaves` too; `auto_merge` looks at the live ones.
            if !change.deleted && change.leaves.len() > 1 && auto_merge(store, &change.id).await? {
                resolved += 1;
            }
        }
        at = page.last_seq;
    }
}

#[cfg(test)]
mod tests;
