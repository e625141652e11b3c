//! Runs that fail midway: the checkpoint never passes unwritten data, and a rerun finishes the
//! job with nothing lost and no revision written twice.

use crate::sync::testing::{Fault, MemoryRemote, Op};
use crate::sync::{SeqToken, SyncError, SyncErrorCode};

use super::*;

/// Every document the server changed up to `seq` is on the device, as on the server.
async fn assert_has_everything_up_to(local: &MemoryStore, remote: &MemoryRemote, seq: &SeqToken) {
    let upto = seq.to_local().expect("integer sequences here");
    let local_view = snapshot(local).await;
    let server_view = snapshot(remote.store()).await;
    for change in remote.store().changes(0, usize::MAX).await.unwrap().results {
        if change.seq <= upto {
            assert_eq!(
                local_view.get(&change.id),
                server_view.get(&change.id),
                "{} (server seq {}) is covered by the checkpoint {upto} but not on the device",
                change.id,
                change.seq
            );
        }
    }
}

#[test]
fn an_interrupted_pull_resumes_without_loss_or_duplicates() {
    pollster::block_on(async {
        let (local, remote) = (MemoryStore::new(), MemoryRemote::new());
        create_many(remote.store(), "c", 20).await;
        remote.inject(Op::Changes, 3, Fault::Network);
        let stopped = pull(&local, &remote, &pull_rep("s1", 5)).await.unwrap_err();
        assert_eq!(stopped.error.code(), SyncErrorCode::Network);
        assert!(stopped.error.is_retryable());
        assert_eq!(stopped.report.docs_written, 10, "two batches made it");
        let (device_cp, server_cp) = checkpoints(&local, &remote, &pull_rep("s1", 5)).await;
        assert_eq!(device_cp.unwrap().last_seq, stopped.report.last_seq);
        assert_eq!(server_cp.unwrap().last_seq, stopped.report.last_seq);
        assert_has_everything_up_to(&local, &remote, &stopped.report.last_seq).await;

        let rerun = pull(&local, &remote, &pull_rep("s2", 5)).await.unwrap();
        assert_eq!(
            rerun.start_seq, stopped.report.last_seq,
            "resumed, not restarted"
        );
        assert_eq!(rerun.docs_written, 10);
        assert_eq!(
            local.info().await.unwrap().update_seq,
            20,
            "each document written once"
        );
        assert_identical(&local, &remote).await;
    });
}

#[test]
fn a_lost_write_answer_is_not_checkpointed_and_the_resend_is_harmless() {
    pollster::block_on(async {
        let (local, remote) = (MemoryStore::new(), MemoryRemote::new());
        create_many(&local, "c", 12).await;
        // The server stores batch 2, then the connection drops before its answer.
        remote.inject(Op::BulkDocs, 2, Fault::LostAnswer);
        let stopped = push(&local, &remote, &push_rep("s1", 4)).await.unwrap_err();
        assert!(stopped.error.is_retryable());
        assert_eq!(
            stopped.report.last_seq,
            SeqToken::from_local(4),
            "only batch 1 counted"
        );
        let (device_cp, server_cp) = checkpoints(&local, &remote, &push_rep("s1", 4)).await;
        assert_eq!(device_cp.unwrap().last_seq, SeqToken::from_local(4));
        assert_eq!(server_cp.unwrap().last_seq, SeqToken::from_local(4));
        assert_eq!(
            remote.store().info().await.unwrap().doc_count,
            8,
            "batch 2 did land"
        );

        let rerun = push(&local, &remote, &push_rep("s2", 4)).await.unwrap();
        // This device made those revisions, so the push sends them without asking the server;
        // batch 2 goes again, and the server, which has it, changes nothing.
        assert_eq!(
            (rerun.docs_checked, rerun.docs_read),
            (8, 8),
            "batch 2 is sent again"
        );
        assert_eq!(remote.calls(Op::RevsDiff), 0, "nothing was asked");
        assert_eq!(
            remote.store().info().await.unwrap().update_seq,
            12,
            "no revision twice"
        );
        assert_identical(&local, &remote).await;
    });
}

#[test]
fn a_failed_checkpoint_write_keeps_the_previous_checkpoint() {
    pollster::block_on(async {
        let (local, remote) = (MemoryStore::new(), MemoryRemote::new());
        create_many(&local, "c", 9).await;
        // Push writes the server's checkpoint first: its second write fails (503).
        remote.inject(Op::PutLocal, 2, Fault::Unavailable);
        let stopped = push(&local, &remote, &push_rep("s1", 3)).await.unwrap_err();
        assert_eq!(stopped.error.code(), SyncErrorCode::ServerError);
        assert_eq!(stopped.report.last_seq, SeqToken::from_local(3));
        let (device_cp, server_cp) = checkpoints(&local, &remote, &push_rep("s1", 3)).await;
        assert_eq!(device_cp.unwrap().last_seq, SeqToken::from_local(3));
        assert_eq!(server_cp.unwrap().last_seq, SeqToken::from_local(3));
        let rerun = push(&local, &remote, &push_rep("s2", 3)).await.unwrap();
        assert_eq!(rerun.start_seq, SeqToken::from_local(3));
        assert_identical(&local, &remote).await;
    });
}

#[test]
fn a_checkpoint_written_on_one_side_only_resumes_from_the_common_one() {
    pollster::block_on(async {
        let (local, remote) = (MemoryStore::new(), MemoryRemote::new());
        create_many(remote.store(), "c", 9).await;
        pull(&local, &remote, &pull_rep("s1", 3)).await.unwrap();
        create_many(remote.store(), "d", 3).await;
        // Pull writes the device's checkpoint (target) first, then the server's: that fails.
        remote.inject(Op::PutLocal, 1, Fault::Timeout);
        let stopped = pull(&local, &remote, &pull_rep("s2", 3)).await.unwrap_err();
        assert_eq!(stopped.error.code(), SyncErrorCode::Timeout);
        let (device_cp, server_cp) = checkpoints(&local, &remote, &pull_rep("s2", 3)).await;
        assert_eq!(device_cp.unwrap().session_id, "s2", "the device moved on");
        assert_eq!(server_cp.unwrap().session_id, "s1", "the server did not");
        let rerun = pull(&local, &remote, &pull_rep("s3", 3)).await.unwrap();
        assert_eq!(
            rerun.start_seq,
            SeqToken::from_local(9),
            "the last seq both sides agree on"
        );
        assert_eq!(
            (rerun.docs_checked, rerun.docs_written),
            (3, 0),
            "already on the device"
        );
        assert_identical(&local, &remote).await;
    });
}

#[test]
fn a_short_bulk_get_answer_stops_the_batch_and_the_rerun_completes() {
    pollster::block_on(async {
        // A server without include_docs: first revisions too go through bulk_get.
        let (local, remote) = (
            MemoryStore::new(),
            MemoryRemote::new().ignoring_include_docs(),
        );
        create_many(remote.store(), "c", 12).await;
        remote.inject(Op::BulkGet, 2, Fault::ShortAnswer);
        let stopped = pull(&local, &remote, &pull_rep("s1", 4)).await.unwrap_err();
        assert!(matches!(
            stopped.error,
            SyncError::IncompleteFetch {
                asked: 4,
                answered: 2
            }
        ));
        assert_eq!(stopped.error.code(), SyncErrorCode::InvalidResponse);
        assert_eq!(stopped.report.last_seq, SeqToken::from_local(4));
        assert_eq!(
            local.info().await.unwrap().doc_count,
            4,
            "the half answer was not written"
        );
        assert_has_everything_up_to(&local, &remote, &stopped.report.last_seq).await;
        pull(&local, &remote, &pull_rep("s2", 4)).await.unwrap();
        assert_identical(&local, &remote).await;
    });
}

#[test]
fn truncated_json_is_retryable_and_costs_nothing() {
    pollster::block_on(async {
        let (local, remote) = (
            MemoryStore::new(),
            MemoryRemote::new().ignoring_include_docs(),
        );
        create_many(remote.store(), "c", 6).await;
        remote.inject(Op::BulkGet, 1, Fault::TruncatedJson);
        let stopped = pull(&local, &remote, &pull_rep("s1", 3)).await.unwrap_err();
        assert!(matches!(
            stopped.error,
            SyncError::Remote(crate::sync::RemoteError::InvalidJson(_))
        ));
        assert!(stopped.error.is_retryable());
        assert_eq!(stopped.report.last_seq, SeqToken::start());
        assert_eq!(local.info().await.unwrap().doc_count, 0);
        assert_eq!(
            checkpoints(&local, &remote, &pull_rep("s1", 3)).await,
            (None, None)
        );
        pull(&local, &remote, &pull_rep("s2", 3)).await.unwrap();
        assert_identical(&local, &remote).await;
    });
}

#[test]
fn an_expired_session_is_permanent_and_writes_nothing() {
    pollster::block_on(async {
        let (local, remote) = (MemoryStore::new(), MemoryRemote::new());
        create_many(&local, "c", 3).await;
        remote.inject(Op::Changes, 1, Fault::Unauthorized);
        let stopped = pull(&local, &remote, &pull_rep("s1", 3)).await.unwrap_err();
        assert_eq!(stopped.error.code(), SyncErrorCode::Unauthorized);
        assert!(!stopped.error.is_retryable(), "the user must sign in again");
        assert_eq!(remote.calls(Op::PutLocal), 0);
        assert_eq!(local.info().await.unwrap().update_seq, 3);
    });
}

/// A device store on which the user saves an edit of `c-01` while a push is reading revisions.
struct EditedMidway {
    inner: MemoryStore,
    armed: std::cell::Cell<bool>,
}

impl DocStore for EditedMidway {
    async fn get_rev(
        &self,
        id: &str,
        rev: &Rev,
    ) -> Result<Option<crate::store::Doc>, crate::store::StoreError> {
        if self.armed.replace(false) {
            update(&self.inner, "c-01", serde_json::json!({"name": "Edited"})).await;
        }
        self.inner.get_rev(id, rev).await
    }
    async fn get(&self, id: &str) -> Result<Option<crate::store::Doc>, crate::store::StoreError> {
        self.inner.get(id).await
    }
    async fn record(
        &self,
        id: &str,
    ) -> Result<Option<crate::store::DocRecord>, crate::store::StoreError> {
        self.inner.record(id).await
    }
    async fn get_conflicts(
        &self,
        id: &str,
    ) -> Result<Vec<crate::store::Doc>, crate::store::StoreError> {
        self.inner.get_conflicts(id).await
    }
    async fn conflict_base(
        &self,
        id: &str,
    ) -> Result<Option<crate::store::Doc>, crate::store::StoreError> {
        self.inner.conflict_base(id).await
    }
    async fn bulk_docs(
        &self,
        edits: Vec<Edit>,
    ) -> Result<Vec<Result<Rev, crate::store::WriteError>>, crate::store::StoreError> {
        self.inner.bulk_docs(edits).await
    }
    async fn bulk_docs_replicated(
        &self,
        docs: Vec<crate::store::ReplicatedDoc>,
    ) -> Result<(), crate::store::StoreError> {
        self.inner.bulk_docs_replicated(docs).await
    }
    async fn revs_diff(
        &self,
        revs: &crate::store::RevsDiff,
    ) -> Result<crate::store::RevsDiff, crate::store::StoreError> {
        self.inner.revs_diff(revs).await
    }
    async fn changes(
        &self,
        since: u64,
        limit: usize,
    ) -> Result<crate::store::ChangesPage, crate::store::StoreError> {
        self.inner.changes(since, limit).await
    }
    async fn all_docs(
        &self,
        range: &crate::store::IdRange,
    ) -> Result<Vec<crate::store::Doc>, crate::store::StoreError> {
        self.inner.all_docs(range).await
    }
    async fn query(
        &self,
        query: &crate::store::Query,
    ) -> Result<Vec<crate::store::Doc>, crate::store::StoreError> {
        self.inner.query(query).await
    }
    async fn get_local(
        &self,
        id: &str,
    ) -> Result<Option<serde_json::Value>, crate::store::StoreError> {
        self.inner.get_local(id).await
    }
    async fn put_local(
        &self,
        id: &str,
        value: Option<serde_json::Value>,
    ) -> Result<(), crate::store::StoreError> {
        self.inner.put_local(id, value).await
    }
    async fn info(&self) -> Result<crate::store::StoreInfo, crate::store::StoreError> {
        self.inner.info().await
    }
}

#[test]
fn a_document_edited_during_a_push_arrives_in_its_new_version() {
    pollster::block_on(async {
        let local = EditedMidway {
            inner: MemoryStore::new(),
            armed: std::cell::Cell::new(false),
        };
        let remote = MemoryRemote::new();
        create_many(&local.inner, "c", 4).await;
        local.armed.set(true);
        let report = crate::sync::push(&local, &remote, &push_rep("s1", 10), &mut quiet())
            .await
            .unwrap();
        // c-01's first revision was replaced while the batch read it: it is skipped, and the
        // edit's own change (a later row of the same run) carries it with its ancestry.
        assert_eq!(report.docs_checked, 5, "4 rows, then c-01's new row");
        let on_server = remote.store().get("c-01").await.unwrap().unwrap();
        assert_eq!(on_server.body["name"], "Edited");
        assert_identical(&local.inner, &remote).await;
        let server_leaves = snapshot(remote.store()).await["c-01"].leaves.len();
        assert_eq!(
            server_leaves, 1,
            "no false conflict from the skipped revision"
        );
    });
}
