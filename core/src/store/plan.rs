//! Pure planning of writes, shared by every store: given the current records of the documents a
//! batch touches, compute the new records, the side bodies to keep or drop, and per-edit results.
//! A store reads the records of the batch's ids and the bodies [`needed_leaf_bodies`] asks for,
//! calls a planner, and writes the plan in one transaction.
//!
//! Side bodies are the bodies of non-winning leaves and of each document's kept base
//! ([`DocRecord::base`]), both keyed by (id, rev). The base is what lets a conflict be merged
//! against the common ancestor instead of asking about every differing field:
//! - a local edit (not a deletion) of the live winner A keeps A's body as the base, except when
//!   A is itself an edit of the current base (saves in a row keep the revision they started
//!   from: until A is pushed, no other device can have branched from it);
//! - deleting a leaf, and replicated revisions, do not choose a base;
//! - a write of the document drops the base once it is no longer a proper ancestor of a live
//!   leaf (the document deleted, the branch abandoned, or the revision stemmed), never before;
//! - so a document has at most one kept base, and only a document edited on this device has one.

use std::collections::{BTreeSet, HashMap};

use super::Seq;
use super::doc::{Body, Doc, DocRecord, Edit, IndexEntries, ReplicatedDoc};
use super::error::WriteError;
use super::rev::Rev;
use super::tree::{DEFAULT_REVS_LIMIT, RevTree};

/// What a store must write to apply a batch.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WritePlan {
    /// Records to put (created or changed), each with its new sequence, in the order the batch
    /// first changed them.
    pub records: Vec<DocRecord>,
    /// Side bodies to keep (the `revs` store, keyed by id and rev): non-winning leaves and new
    /// bases.
    pub put_bodies: Vec<Doc>,
    /// Side bodies to drop: no longer leaves, now the winner (kept inline in the record), or a
    /// base replaced or dropped. No key is both put and dropped.
    pub delete_bodies: Vec<(String, Rev)>,
    /// One result per edit, in order. For replicated batches a known revision is `Ok` too;
    /// only a reserved id (`InvalidId`) or a hand-built invalid revision id (`Conflict`) is an
    /// error.
    pub results: Vec<Result<Rev, WriteError>>,
    /// The store's update sequence after the batch.
    pub last_seq: Seq,
}

/// Non-winning leaf bodies, keyed by (id, rev), that the store prefetched for the planner.
pub type LeafBodies = HashMap<(String, Rev), Doc>;

/// The non-winning leaf bodies a store must read before planning a batch over `records`: a
/// write can make any leaf the new winner, whose body then moves into the record. Documents
/// with a single leaf need none. Sorted by id, then revision.
pub fn needed_leaf_bodies(records: &HashMap<String, DocRecord>) -> Vec<(String, Rev)> {
    let mut needed: Vec<(String, Rev)> = records
        .iter()
        .filter(|(_, r)| r.tree.leaves().len() > 1)
        .flat_map(|(id, r)| {
            losing_leaves(r)
                .into_iter()
                .map(move |rev| (id.clone(), rev))
        })
        .collect();
    crate::sort::sort(&mut needed);
    needed
}

/// Plans local edits (`new_edits=true`). An edit must name the current winner as `prev`; `None`
/// creates a document, or recreates one whose winner is deleted (the new revision continues the
/// deleted leaf). A deletion may also name a live non-winning leaf, which is how a conflict is
/// resolved. Edits of the same id apply in order; every applied edit takes the next sequence.
pub fn plan_edits(
    existing: &HashMap<String, DocRecord>,
    leaf_bodies: &LeafBodies,
    edits: Vec<Edit>,
    last_seq: Seq,
) -> WritePlan {
    let mut batch = Batch::new(existing, leaf_bodies, last_seq);
    let results = edits
        .into_iter()
        .map(|edit| apply_edit(&mut batch, edit))
        .collect();
    batch.finish(results)
}

/// Plans replicated revisions (`new_edits=false`): each is grafted into its tree with its
/// ancestry. A known revision changes nothing and takes no sequence. Reserved ids (`_design/…`,
/// `_local/…`) are skipped with [`WriteError::InvalidId`].
pub fn plan_replicated(
    existing: &HashMap<String, DocRecord>,
    leaf_bodies: &LeafBodies,
    docs: Vec<ReplicatedDoc>,
    last_seq: Seq,
) -> WritePlan {
    let mut batch = Batch::new(existing, leaf_bodies, last_seq);
    let results = docs
        .into_iter()
        .map(|doc| apply_replicated(&mut batch, doc))
        .collect();
    batch.finish(results)
}

/// Ids must be non-empty and must not start with `_`.
pub fn validate_id(id: &str) -> Result<(), WriteError> {
    if id.is_empty() || id.starts_with('_') {
        return Err(WriteError::InvalidId);
    }
    Ok(())
}

fn apply_edit(batch: &mut Batch<'_>, edit: Edit) -> Result<Rev, WriteError> {
    validate_id(&edit.id)?;
    if edit.body.keys().any(|k| k.starts_with('_')) {
        return Err(WriteError::ReservedField);
    }
    let doc = batch.doc(&edit.id);
    let parent = edit_parent(doc.record.as_ref(), edit.prev.as_ref(), edit.deleted)?;
    let base = match edit.deleted {
        true => None,
        false => new_base(doc.record.as_ref(), parent.as_ref()),
    };
    let rev = Rev::next(parent.as_ref(), edit.deleted, &edit.body);
    let mut tree = doc
        .record
        .as_ref()
        .map_or_else(RevTree::new, |r| r.tree.clone());
    tree.insert(parent.as_ref(), rev.clone(), edit.deleted)
        .map_err(|_| WriteError::Conflict)?;
    let new = Doc {
        id: edit.id,
        rev: rev.clone(),
        deleted: edit.deleted,
        body: edit.body,
    };
    let id = new.id.clone();
    batch.commit(tree, new);
    batch.set_made_here(&id, &rev);
    if let Some(base) = base {
        batch.set_base(base);
    }
    Ok(rev)
}

/// The base a local edit of `parent` sets: the live winner it replaces, unless that winner is
/// itself an edit of the current base. `None` leaves the base as it is.
fn new_base(record: Option<&DocRecord>, parent: Option<&Rev>) -> Option<Doc> {
    let record = record.filter(|r| !r.deleted && parent == Some(&r.winner))?;
    let kept = record.base.as_ref();
    if kept.is_some() && record.tree.parent(&record.winner) == kept {
        return None;
    }
    Some(record.winning_doc())
}

/// The revision a local edit continues, or why it may not.
fn edit_parent(
    record: Option<&DocRecord>,
    prev: Option<&Rev>,
    deleting: bool,
) -> Result<Option<Rev>, WriteError> {
    match (record, prev) {
        (None, None) => Ok(None),
        (Some(r), None) if r.deleted => Ok(Some(r.winner.clone())),
        (Some(r), Some(p)) if *p == r.winner => Ok(Some(p.clone())),
        (Some(r), Some(p)) if deleting && r.tree.conflicts().contains(p) => Ok(Some(p.clone())),
        _ => Err(WriteError::Conflict),
    }
}

fn apply_replicated(batch: &mut Batch<'_>, replicated: ReplicatedDoc) -> Result<Rev, WriteError> {
    let ReplicatedDoc { doc: new, ancestry } = replicated;
    validate_id(&new.id)?;
    let rev = new.rev.clone();
    let doc = batch.doc(&new.id);
    let mut tree = doc
        .record
        .as_ref()
        .map_or_else(RevTree::new, |r| r.tree.clone());
    match tree.graft(&rev, new.deleted, &ancestry) {
        Ok(true) => batch.commit(tree, new),
        Ok(false) => {}
        // Only a revision built by hand can be invalid (parsing refuses position 0 and empty
        // hashes); it cannot join the tree, which is what a conflict reports.
        Err(_) => return Err(WriteError::Conflict),
    }
    Ok(rev)
}

/// Whether a kept base can still serve a merge: the document is live and the base is a proper
/// ancestor of one of its live leaves.
fn is_useful_base(record: &DocRecord, base: &Rev) -> bool {
    !record.deleted
        && (record.tree.leaves().iter())
            .any(|l| !l.deleted && record.tree.is_ancestor(base, &l.rev))
}

/// The live and deleted leaves other than the winner.
fn losing_leaves(record: &DocRecord) -> BTreeSet<Rev> {
    let mut out = BTreeSet::new();
    out.extend(
        (record.tree.leaves().into_iter())
            .map(|l| l.rev)
            .filter(|r| *r != record.winner),
    );
    out
}

/// One document as the batch changes it.
struct WorkDoc {
    record: Option<DocRecord>,
    /// Known bodies of revisions other than the winner: prefetched leaves, revisions this batch
    /// added, former winners.
    bodies: HashMap<Rev, Doc>,
    /// The non-winning leaves before the batch.
    before: BTreeSet<Rev>,
    /// The kept base before the batch, and the body of one this batch chose.
    base_before: Option<Rev>,
    new_base: Option<Doc>,
    changed: bool,
}

/// The documents a batch touched, in the order it first touched them.
struct Batch<'a> {
    existing: &'a HashMap<String, DocRecord>,
    leaf_bodies: &'a LeafBodies,
    docs: HashMap<String, WorkDoc>,
    order: Vec<String>,
    seq: Seq,
}

impl<'a> Batch<'a> {
    fn new(
        existing: &'a HashMap<String, DocRecord>,
        leaf_bodies: &'a LeafBodies,
        seq: Seq,
    ) -> Self {
        Self {
            existing,
            leaf_bodies,
            docs: HashMap::new(),
            order: Vec::new(),
            seq,
        }
    }

    /// The document as the batch has left it so far (loaded on first touch).
    fn doc(&mut self, id: &str) -> &WorkDoc {
        if !self.docs.contains_key(id) {
            let record = self.existing.get(id).cloned();
            let before = record.as_ref().map(losing_leaves).unwrap_or_default();
            let base_before = record.as_ref().and_then(|r| r.base.clone());
            let key = |rev: &Rev| (id.to_owned(), rev.clone());
            let bodies = before
                .iter()
                .filter_map(|rev| {
                    self.leaf_bodies
                        .get(&key(rev))
                        .map(|d| (rev.clone(), d.clone()))
                })
                .collect();
            self.order.push(id.to_owned());
            self.docs.insert(
                id.to_owned(),
                WorkDoc {
                    record,
                    bodies,
                    before,
                    base_before,
                    new_base: None,
                    changed: false,
                },
            );
        }
        &self.docs[id]
    }

    /// Replaces a touched document's tree after `new` was added to it, moving the winner's body
    /// into the record and giving it the next sequence.
    fn commit(&mut self, mut tree: RevTree, new: Doc) {
        let Some(doc) = self.docs.get_mut(&new.id) else {
            return;
        };
        // Stemming drops old ancestors only, never a leaf: no body is affected.
        tree.stem(DEFAULT_REVS_LIMIT);
        let Some(winner) = tree.winner() else { return };
        self.seq += 1;
        let id = new.id.clone();
        doc.bodies.insert(new.rev.clone(), new);
        let (mut base, mut made_here) = (None, None);
        if let Some(old) = doc.record.take() {
            (base, made_here) = (old.base, old.made_here);
            let old_doc = Doc {
                id: old.id,
                rev: old.winner,
                deleted: old.deleted,
                body: old.body,
            };
            doc.bodies.insert(old_doc.rev.clone(), old_doc);
        }
        // Every leaf's body is known when the store prefetched `needed_leaf_bodies`; an empty
        // body is the least harmful fallback if it did not.
        let body = doc
            .bodies
            .remove(&winner.rev)
            .map_or_else(Body::new, |d| d.body);
        doc.record = Some(DocRecord {
            id,
            seq: self.seq,
            tree,
            winner: winner.rev,
            deleted: winner.deleted,
            index: IndexEntries::from_body(winner.deleted, &body),
            body,
            base,
            made_here,
        });
        doc.changed = true;
    }

    /// Records `rev`, just committed by a local edit, as made on this device.
    fn set_made_here(&mut self, id: &str, rev: &Rev) {
        if let Some(record) = self.docs.get_mut(id).and_then(|d| d.record.as_mut()) {
            record.made_here = Some(rev.clone());
        }
    }

    /// Makes `base` the kept base of its (just committed) document.
    fn set_base(&mut self, base: Doc) {
        let Some(doc) = self.docs.get_mut(&base.id) else {
            return;
        };
        if let Some(record) = doc.record.as_mut() {
            record.base = Some(base.rev.clone());
            doc.new_base = Some(base);
        }
    }

    fn finish(mut self, results: Vec<Result<Rev, WriteError>>) -> WritePlan {
        let mut plan = WritePlan {
            results,
            last_seq: self.seq,
            ..WritePlan::default()
        };
        for id in self.order {
            let Some(mut doc) = self.docs.remove(&id) else {
                continue;
            };
            let Some(mut record) = doc.record.filter(|_| doc.changed) else {
                continue;
            };
            let after = losing_leaves(&record);
            for rev in doc.before.difference(&after) {
                plan.delete_bodies.push((id.clone(), rev.clone()));
            }
            for rev in after.difference(&doc.before) {
                if let Some(body) = doc.bodies.remove(rev) {
                    plan.put_bodies.push(body);
                }
            }
            record.base = record.base.take().filter(|b| is_useful_base(&record, b));
            if record.base != doc.base_before {
                let new = doc
                    .new_base
                    .take()
                    .filter(|d| record.base == Some(d.rev.clone()));
                if record.base.is_some() && new.is_none() {
                    // Never name a base without its body (cannot happen: a new base comes with
                    // its body); no base is the safe answer.
                    record.base = None;
                }
                if let Some(old) = doc.base_before.take() {
                    plan.delete_bodies.push((id.clone(), old));
                }
                if let Some(new) = new {
                    // The new base may have been a losing leaf this batch moved inline, then
                    // edited: its key is put, not dropped.
                    let key = (id.clone(), new.rev.clone());
                    plan.delete_bodies.retain(|k| *k != key);
                    plan.put_bodies.push(new);
                }
            }
            plan.records.push(record);
        }
        plan
    }
}

#[cfg(test)]
mod tests;
