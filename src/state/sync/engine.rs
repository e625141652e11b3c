//! One sync run and its bookkeeping, generic over the store and the remote so browser tests
//! drive it with core's `MemoryRemote`: replication ids, the run itself, the refused list kept
//! in a `_local` document, and the count of local changes not yet pushed.

use cartera_core::store::{DocStore, StoreError};
use cartera_core::sync::{
    Checkpoint, Interrupted, Progress, RefusedDoc, Remote, Replication, SyncErrorCode, SyncReport,
    checkpoint_doc_id, local_identity, replication_id, sync,
};
use serde::{Deserialize, Serialize};

/// The `_local` document listing the revisions the server refused.
pub const REFUSED_DOC: &str = "_local/cartera-sync-refused";

/// Counting unpushed changes stops here (the UI shows "1000+").
pub const PENDING_CAP: usize = 1000;

/// The two replications between this store and one remote database.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReplicationIds {
    pub push: String,
    pub pull: String,
}

/// The ids for `remote` (the database URL without credentials) and this store, whose identity
/// is created on first use (`fresh` is the id it gets then).
pub async fn replication_ids<S: DocStore>(
    store: &S,
    remote: &str,
    fresh: &str,
) -> Result<ReplicationIds, StoreError> {
    let local = local_identity(store, fresh).await?;
    Ok(ReplicationIds {
        push: replication_id(&local, remote, None),
        pull: replication_id(remote, &local, None),
    })
}

/// A revision the server refused, as kept on this device (core's `RefusedDoc`, storable).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Refused {
    pub id: String,
    pub rev: String,
    pub reason: String,
}

impl From<&RefusedDoc> for Refused {
    fn from(r: &RefusedDoc) -> Self {
        Self {
            id: r.id.clone(),
            rev: r.rev.to_string(),
            reason: r.reason.clone(),
        }
    }
}

/// How a run ended, with what it did before any error.
#[derive(Debug)]
pub struct RunOutcome {
    pub report: SyncReport,
    pub error: Option<SyncErrorCode>,
}

impl RunOutcome {
    /// Revisions pulled into the local store (lists must read again).
    pub fn pulled(&self) -> u64 {
        self.report.pull.docs_written
    }

    /// Whether a run should follow at once: a batch limit was hit, or pulled documents moved
    /// the local feed past the push checkpoint (the next push only moves the checkpoint).
    pub fn more(&self) -> bool {
        self.report.push.more || self.report.pull.more || self.pulled() > 0
    }
}

/// Pushes, then pulls, with a fresh session id; never fails: an interruption becomes the
/// outcome's error code, keeping what the run did before it.
pub async fn run_once<S: DocStore, R: Remote>(
    store: &S,
    remote: &R,
    ids: &ReplicationIds,
    progress: &mut impl FnMut(Progress),
) -> RunOutcome {
    let session = uuid::Uuid::now_v7().to_string();
    let push = Replication::new(ids.push.clone(), session.clone());
    let pull = Replication::new(ids.pull.clone(), session);
    match sync(store, remote, &push, &pull, progress).await {
        Ok(report) => RunOutcome {
            report,
            error: None,
        },
        Err(Interrupted { error, report }) => RunOutcome {
            report,
            error: Some(error.code()),
        },
    }
}

/// The refused list as stored (empty when there is none or it cannot be read).
pub async fn load_refused<S: DocStore>(store: &S) -> Result<Vec<Refused>, StoreError> {
    let doc = store.get_local(REFUSED_DOC).await?;
    Ok(doc
        .and_then(|d| d.get("docs").cloned())
        .and_then(|d| serde_json::from_value(d).ok())
        .unwrap_or_default())
}

/// Adds the newly refused revisions to the stored list and drops entries whose document
/// changed since (a new edit is sent again, so its old refusal no longer applies).
pub async fn update_refused<S: DocStore>(
    store: &S,
    new: &[RefusedDoc],
) -> Result<Vec<Refused>, StoreError> {
    let mut list = load_refused(store).await?;
    for r in new {
        list.retain(|old| old.id != r.id);
        list.push(Refused::from(r));
    }
    let mut kept = Vec::with_capacity(list.len());
    for r in list {
        let current = store.record(&r.id).await?;
        if current.is_some_and(|rec| rec.winner.to_string() == r.rev) {
            kept.push(r);
        }
    }
    let doc = serde_json::json!({ "docs": kept });
    store.put_local(REFUSED_DOC, Some(doc)).await?;
    Ok(kept)
}

/// Local changes the push checkpoint has not passed, counted on the changes feed up to
/// [`PENDING_CAP`].
pub async fn pending_count<S: DocStore>(store: &S, push_id: &str) -> Result<usize, StoreError> {
    let checkpoint = store.get_local(&checkpoint_doc_id(push_id)).await?;
    let since = checkpoint
        .as_ref()
        .and_then(Checkpoint::from_doc)
        .and_then(|c| c.last_seq.to_local())
        .unwrap_or(0);
    let page = store.changes(since, PENDING_CAP).await?;
    Ok(page
        .results
        .iter()
        .filter(|c| !c.id.starts_with('_'))
        .count())
}

/// The reason code of a `validate_doc_update` refusal (`"cartera:not_owner: …"` → `not_owner`).
pub fn reason_code(reason: &str) -> Option<&str> {
    let rest = reason.strip_prefix("cartera:")?;
    rest.split(':').next().map(str::trim)
}
