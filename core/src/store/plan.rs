//! Pure planning of writes, shared by every store: given the current records of the documents a
//! batch touches, compute the new records, the leaf bodies to keep or drop, and per-edit results.
//! A store reads what [`needed_leaf_bodies`] asks for, calls a planner, and writes the plan in
//! one transaction.

use std::collections::HashMap;

use super::doc::{Doc, DocRecord, Edit, ReplicatedDoc};
use super::error::WriteError;
use super::rev::Rev;
use super::Seq;

/// What a store must write to apply a batch.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WritePlan {
    /// Records to put (created or changed), each with its new sequence.
    pub records: Vec<DocRecord>,
    /// Bodies of non-winning leaves to keep (the `revs` store, keyed by id and rev).
    pub put_bodies: Vec<Doc>,
    /// Bodies to drop: no longer leaves, or now the winner (kept inline in the record).
    pub delete_bodies: Vec<(String, Rev)>,
    /// One result per edit, in order (always `Ok` for replicated batches).
    pub results: Vec<Result<Rev, WriteError>>,
    /// The store's update sequence after the batch.
    pub last_seq: Seq,
}

/// Non-winning leaf bodies, keyed by (id, rev), that the store prefetched for the planner.
pub type LeafBodies = HashMap<(String, Rev), Doc>;
