//! Checkpoints: resuming where the last run stopped, doing nothing when nothing changed, and
//! being harmless when lost.

use serde_json::json;

use super::*;
use crate::sync::testing::{MemoryRemote, Op};
use crate::sync::{Remote, SeqToken};

#[test]
fn a_second_run_transfers_nothing_and_starts_at_the_checkpoint() {
    pollster::block_on(async {
        let (local, remote) = (MemoryStore::new(), MemoryRemote::new());
        create_many(remote.store(), "c", 10).await;
        let first = pull(&local, &remote, &pull_rep("s1", 4)).await.unwrap();
        let (device_cp, server_cp) = checkpoints(&local, &remote, &pull_rep("s1", 4)).await;
        assert_eq!(device_cp.as_ref().unwrap().last_seq, first.last_seq);
        assert_eq!(server_cp.as_ref().unwrap().last_seq, first.last_seq);

        let seq_before = local.info().await.unwrap().update_seq;
        let (gets, puts) = (remote.calls(Op::BulkGet), remote.calls(Op::PutLocal));
        let second = pull(&local, &remote, &pull_rep("s2", 4)).await.unwrap();
        assert_eq!(second.start_seq, first.last_seq, "read from the checkpoint");
        assert_eq!(
            (second.docs_checked, second.docs_read, second.docs_written),
            (0, 0, 0)
        );
        assert_eq!(remote.calls(Op::BulkGet), gets, "nothing fetched");
        assert_eq!(
            remote.calls(Op::PutLocal),
            puts,
            "no checkpoint rewritten on the server"
        );
        assert_eq!(
            local.info().await.unwrap().update_seq,
            seq_before,
            "no document written"
        );
        assert_eq!(
            checkpoints(&local, &remote, &pull_rep("s2", 4)).await,
            (device_cp, server_cp),
            "a no-op run leaves both checkpoints as they were"
        );
    });
}

#[test]
fn a_no_op_push_writes_nothing_on_the_server() {
    pollster::block_on(async {
        let (local, remote) = (MemoryStore::new(), MemoryRemote::new());
        create_many(&local, "c", 6).await;
        push(&local, &remote, &push_rep("s1", 4)).await.unwrap();
        let server_seq = remote.store().info().await.unwrap().update_seq;
        let (docs, puts) = (remote.calls(Op::BulkDocs), remote.calls(Op::PutLocal));
        let again = push(&local, &remote, &push_rep("s2", 4)).await.unwrap();
        assert_eq!(again.docs_checked, 0);
        assert_eq!(remote.calls(Op::BulkDocs), docs);
        assert_eq!(remote.calls(Op::PutLocal), puts);
        assert_eq!(remote.store().info().await.unwrap().update_seq, server_seq);
    });
}

#[test]
fn only_what_changed_since_the_checkpoint_travels() {
    pollster::block_on(async {
        let (local, remote) = (MemoryStore::new(), MemoryRemote::new());
        create_many(remote.store(), "c", 8).await;
        pull(&local, &remote, &pull_rep("s1", 5)).await.unwrap();
        update(remote.store(), "c-02", json!({"name": "Renamed"})).await;
        delete(remote.store(), "c-05").await;
        create(remote.store(), "new", json!({"name": "New"})).await;
        let next = pull(&local, &remote, &pull_rep("s2", 5)).await.unwrap();
        assert_eq!((next.docs_checked, next.docs_written), (3, 3));
        assert_eq!(
            local.get("c-02").await.unwrap().unwrap().body["name"],
            "Renamed"
        );
        assert!(local.get("c-05").await.unwrap().is_none());
        assert_identical(&local, &remote).await;
    });
}

#[test]
fn a_lost_checkpoint_restarts_from_zero_and_duplicates_nothing() {
    pollster::block_on(async {
        let (local, remote) = (MemoryStore::new(), MemoryRemote::new());
        create_many(remote.store(), "c", 9).await;
        pull(&local, &remote, &pull_rep("s1", 4)).await.unwrap();
        let before = snapshot(&local).await;
        let seq_before = local.info().await.unwrap().update_seq;
        // The device's checkpoint is gone (storage cleared of it); the server's alone is not
        // trusted, so everything is compared again.
        let id = checkpoint_doc_id(&pull_rep("s1", 4).id);
        local.put_local(&id, None).await.unwrap();
        let again = pull(&local, &remote, &pull_rep("s2", 4)).await.unwrap();
        assert_eq!(again.start_seq, crate::sync::SeqToken::start());
        assert_eq!(
            (again.docs_checked, again.docs_read),
            (9, 0),
            "all compared, none fetched"
        );
        assert_eq!(
            local.info().await.unwrap().update_seq,
            seq_before,
            "no revision rewritten"
        );
        assert_eq!(snapshot(&local).await, before);
    });
}

#[test]
fn sync_runs_push_then_pull_and_reruns_idempotently() {
    pollster::block_on(async {
        let (local, remote) = (MemoryStore::new(), MemoryRemote::new());
        create_many(&local, "mine", 3).await;
        create_many(remote.store(), "theirs", 4).await;
        let (push_r, pull_r) = (push_rep("s1", 2), pull_rep("s1", 2));
        let report = crate::sync::sync(&local, &remote, &push_r, &pull_r, &mut quiet()).await;
        let report = report.unwrap();
        assert_eq!((report.push.docs_written, report.pull.docs_written), (3, 4));
        assert_identical(&local, &remote).await;
        let before = snapshot(&local).await;
        let (push_r, pull_r) = (push_rep("s2", 2), pull_rep("s2", 2));
        let rerun = crate::sync::sync(&local, &remote, &push_r, &pull_r, &mut quiet()).await;
        let rerun = rerun.unwrap();
        assert_eq!(rerun.pull.docs_written, 0);
        // The pulled documents are new to the device's feed: push compares them once, sends none.
        assert_eq!((rerun.push.docs_checked, rerun.push.docs_written), (4, 0));
        assert_eq!(snapshot(&local).await, before);
        assert_identical(&local, &remote).await;
    });
}

#[test]
fn each_side_checkpoint_is_read_once_per_run_then_written_over_what_was_written() {
    pollster::block_on(async {
        let (local, remote) = (MemoryStore::new(), MemoryRemote::new());
        create_many(remote.store(), "c", 12).await;
        let first = pull(&local, &remote, &pull_rep("s1", 4)).await.unwrap();
        assert_eq!(remote.calls(Op::GetLocal), 1, "read at the start only");
        assert_eq!(remote.calls(Op::PutLocal), 3, "one write per batch");
        create_many(remote.store(), "d", 8).await;
        let second = pull(&local, &remote, &pull_rep("s2", 4)).await.unwrap();
        assert_eq!(remote.calls(Op::GetLocal), 2);
        assert_eq!(
            remote.calls(Op::PutLocal),
            5,
            "over the _rev the last write gave"
        );
        let (device_cp, server_cp) = checkpoints(&local, &remote, &pull_rep("s2", 4)).await;
        let (device_cp, server_cp) = (device_cp.unwrap(), server_cp.unwrap());
        assert_eq!(server_cp, device_cp, "both sides record the same");
        assert_eq!(server_cp.last_seq, second.last_seq);
        let sessions: Vec<(&str, &SeqToken)> = (server_cp.history.iter())
            .map(|h| (h.session_id.as_str(), &h.last_seq))
            .collect();
        assert_eq!(
            sessions,
            vec![("s2", &second.last_seq), ("s1", &first.last_seq)]
        );
        assert_identical(&local, &remote).await;
    });
}

#[test]
fn a_checkpoint_another_run_wrote_meanwhile_is_read_again_and_kept_in_the_history() {
    pollster::block_on(async {
        let (local, remote) = (MemoryStore::new(), MemoryRemote::new());
        create_many(remote.store(), "c", 12).await;
        let id = checkpoint_doc_id(&pull_rep("s1", 4).id);
        // After the first batch, another tab's run of the same replication writes the server's
        // checkpoint: the _rev this run holds is stale.
        let mut other_tab = |p: Progress| {
            if p.done != 4 {
                return;
            }
            pollster::block_on(async {
                let mut doc = remote.get_local(&id).await.unwrap().unwrap();
                doc["history"]
                    .as_array_mut()
                    .unwrap()
                    .push(json!({"session_id": "other-tab", "last_seq": 2}));
                remote.put_local(&id, doc).await.unwrap();
            });
        };
        let rep = pull_rep("s1", 4);
        let report = crate::sync::pull(&local, &remote, &rep, &mut other_tab)
            .await
            .unwrap();
        assert_eq!(report.docs_written, 12);
        let (_, server_cp) = checkpoints(&local, &remote, &rep).await;
        let server_cp = server_cp.unwrap();
        assert_eq!(server_cp.last_seq, report.last_seq);
        let sessions: Vec<&str> = (server_cp.history.iter())
            .map(|h| h.session_id.as_str())
            .collect();
        assert_eq!(sessions, vec!["s1", "other-tab"]);
        assert_identical(&local, &remote).await;
    });
}
