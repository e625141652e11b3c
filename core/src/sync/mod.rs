//! Replication with CouchDB-compatible servers, generic over the [`Remote`] trait: the pure
//! planning and the loop live here and are host-tested; the HTTP `Remote` and the live loop
//! (timers, online events) live in the app crate.
//!
//! - [`remote`]: the `Remote` trait (the endpoints a replicator needs) and `RemoteError`.
//! - [`checkpoint`]: replication ids and the two-sided checkpoints.
//! - [`plan`]: the pure steps of a batch.
//! - [`replicate`]: [`pull`], [`push`] and [`sync`].
//! - [`state`]: the sync status for the UI and the retry backoff, as a pure state machine.
//! - [`merge`]: field-level three-way merge for conflict resolution.
//! - [`resolve`]: a conflicted document's leaves merged against the kept base, resolved without
//!   asking when no field conflicts.
//!
//! Invariants (see ARCHITECTURE.md):
//! - a checkpoint never passes an unwritten batch: it is written (target first, then source)
//!   only after the target stored the whole batch;
//! - remote sequences are opaque: stored and sent back, never compared or computed with;
//! - a revision the target refuses is reported (id, rev, reason) and checkpointed past, never
//!   retried in a loop; any other write failure stops the batch before its checkpoint;
//! - what is missing is decided by the target's `revs_diff` alone; a revision is taken from a
//!   changes row (not fetched) only when the row lists it as the document's only leaf, it is a
//!   live first revision (`1-x`, its history is itself) and the row's document is that
//!   revision (id, `_rev`, not deleted);
//! - a replication's id depends only on source, target and filter.

pub mod checkpoint;
pub mod error;
pub mod merge;
pub mod plan;
pub mod remote;
pub mod replicate;
pub mod resolve;
mod sides;
pub mod state;

#[cfg(any(test, feature = "conformance"))]
pub mod testing;

#[cfg(test)]
mod tests;

pub use checkpoint::{Checkpoint, checkpoint_doc_id, local_identity, replication_id};
pub use error::{Interrupted, SyncError, SyncErrorCode};
pub use merge::{Merge, three_way_merge};
pub use plan::RefusedDoc;
pub use remote::{
    DocWriteResult, Fetched, Remote, RemoteChange, RemoteChanges, RemoteError, RemoteInfo,
    SeqToken, WriteOutcome,
};
pub use replicate::{
    Direction, Progress, Replication, ReplicationReport, SyncReport, pull, push, sync,
};
pub use resolve::{LeafMerge, auto_merge, auto_merge_since, merge_leaves, resolve_conflict};
pub use state::{Next, SyncEvent, SyncMachine, SyncState, backoff_delay};
