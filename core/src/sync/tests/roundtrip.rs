//! Moving documents both ways, in batches, with either kind of sequence.

use serde_json::json;

use super::*;
use crate::store::ReplicatedDoc;
use crate::sync::testing::{MemoryRemote, Op};
use crate::sync::{Direction, SeqToken};

/// The server: contacts, an edited one, a deleted one, and one with two branches.
async fn server_with_history(remote: &MemoryRemote) {
    let server = remote.store();
    create_many(server, "srv", 4).await;
    update(
        server,
        "srv-01",
        json!({"type": "contact", "name": "Ana Pérez"}),
    )
    .await;
    delete(server, "srv-02").await;
    let branch = |r: &str, hashes: &[&str], name: &str| ReplicatedDoc {
        doc: crate::store::Doc {
            id: "acme".into(),
            rev: r.parse().unwrap(),
            deleted: false,
            body: body(json!({"type": "account", "name": name})),
        },
        ancestry: hashes.iter().map(|h| (*h).to_owned()).collect(),
    };
    let branches = vec![
        branch("2-b", &["b", "a"], "ACME S.L."),
        branch("2-c", &["c", "a"], "Acme"),
    ];
    server.bulk_docs_replicated(branches).await.unwrap();
}

/// The device: its own contacts, one edited, one deleted.
async fn device_with_history(local: &MemoryStore) {
    create_many(local, "dev", 3).await;
    update(
        local,
        "dev-00",
        json!({"type": "contact", "name": "Eva", "phone": "600"}),
    )
    .await;
    delete(local, "dev-02").await;
}

#[test]
fn pull_then_push_makes_both_sides_identical() {
    pollster::block_on(async {
        let (local, remote) = (MemoryStore::new(), MemoryRemote::new());
        server_with_history(&remote).await;
        device_with_history(&local).await;

        let pulled = pull(&local, &remote, &pull_rep("s1", 3)).await.unwrap();
        let pushed = push(&local, &remote, &push_rep("s1", 2)).await.unwrap();

        assert_identical(&local, &remote).await;
        assert_eq!(
            snapshot(&local).await.len(),
            8,
            "4 + acme from the server, 3 from the device"
        );
        assert_eq!(pulled.docs_written, 6, "4 contacts and acme's two branches");
        assert_eq!(
            pushed.docs_written, 3,
            "the device's own contacts, deletion included"
        );
        assert!(pulled.refused.is_empty() && pushed.refused.is_empty());
        let acme = local.get("acme").await.unwrap().unwrap();
        assert_eq!(
            acme.body["name"], "Acme",
            "2-c wins by hash on the device too"
        );
        assert!(
            local.get("srv-02").await.unwrap().is_none(),
            "the deletion travelled"
        );
        assert!(remote.store().get("dev-02").await.unwrap().is_none());
        assert_eq!(
            remote.store().get("dev-00").await.unwrap().unwrap().body["phone"],
            "600",
            "the device's edit reached the server"
        );
    });
}

#[test]
fn batches_smaller_than_the_data_move_everything_and_report_progress() {
    pollster::block_on(async {
        let (local, remote) = (MemoryStore::new(), MemoryRemote::new());
        create_many(remote.store(), "c", 25).await;
        let mut seen = Vec::new();
        let report = crate::sync::pull(&local, &remote, &pull_rep("s1", 4), &mut |p| seen.push(p))
            .await
            .unwrap();
        assert_eq!(
            local.info().await.unwrap().doc_count,
            25,
            "every document arrived"
        );
        assert_eq!(
            (report.docs_checked, report.docs_read, report.docs_written),
            (25, 25, 25)
        );
        assert!(!report.more);
        let done: Vec<u64> = seen.iter().map(|p| p.done).collect();
        assert_eq!(done, vec![4, 8, 12, 16, 20, 24, 25], "one report per batch");
        assert!(
            seen.iter()
                .all(|p| p.total == Some(25) && p.direction == Direction::Pull)
        );
        assert_eq!(
            remote.calls(Op::BulkGet),
            0,
            "first revisions come whole in the changes rows"
        );
    });
}

#[test]
fn push_progress_estimates_from_the_local_feed() {
    pollster::block_on(async {
        let (local, remote) = (MemoryStore::new(), MemoryRemote::new());
        create_many(&local, "c", 10).await;
        let mut seen = Vec::new();
        crate::sync::push(&local, &remote, &push_rep("s1", 4), &mut |p| seen.push(p))
            .await
            .unwrap();
        let shown: Vec<(u64, Option<u64>)> = seen.iter().map(|p| (p.done, p.total)).collect();
        assert_eq!(shown, vec![(4, Some(10)), (8, Some(10)), (10, Some(10))]);
        assert_eq!(remote.store().info().await.unwrap().doc_count, 10);
    });
}

#[test]
fn a_server_without_pending_gives_no_total() {
    pollster::block_on(async {
        let (local, remote) = (MemoryStore::new(), MemoryRemote::new().without_pending());
        create_many(remote.store(), "c", 5).await;
        let mut seen = Vec::new();
        crate::sync::pull(&local, &remote, &pull_rep("s1", 2), &mut |p| seen.push(p))
            .await
            .unwrap();
        assert_eq!(
            seen.iter().map(|p| p.total).collect::<Vec<_>>(),
            vec![None; 3]
        );
        assert_eq!(local.info().await.unwrap().doc_count, 5);
    });
}

#[test]
fn opaque_string_sequences_are_kept_as_given() {
    pollster::block_on(async {
        let (local, remote) = (MemoryStore::new(), MemoryRemote::new().with_string_seqs());
        create_many(remote.store(), "c", 10).await;
        let first = pull(&local, &remote, &pull_rep("s1", 3)).await.unwrap();
        let server_seq = crate::sync::Remote::info(&remote).await.unwrap().update_seq;
        assert!(
            server_seq
                .0
                .as_str()
                .is_some_and(|s| s.starts_with("10-g1AAAA"))
        );
        assert_eq!(
            first.last_seq, server_seq,
            "the checkpoint holds the server's own token"
        );
        let (on_device, on_server) = checkpoints(&local, &remote, &pull_rep("s1", 3)).await;
        assert_eq!(on_device.unwrap().last_seq, server_seq);
        assert_eq!(on_server.unwrap().last_seq, server_seq);

        create(remote.store(), "late", json!({"name": "Late"})).await;
        let second = pull(&local, &remote, &pull_rep("s2", 3)).await.unwrap();
        assert_eq!(
            second.start_seq, server_seq,
            "resumed from the string token"
        );
        assert_eq!((second.docs_checked, second.docs_written), (1, 1));
        assert!(local.get("late").await.unwrap().is_some());

        update(&local, "c-03", json!({"name": "Edited here"})).await;
        let pushed = push(&local, &remote, &push_rep("s2", 3)).await.unwrap();
        assert_eq!(pushed.docs_written, 1, "only the edit goes back");
        assert_eq!(
            pushed.last_seq,
            SeqToken::from_local(12),
            "push checkpoints local numbers"
        );
        assert_identical(&local, &remote).await;
    });
}

#[test]
fn a_batch_limit_stops_early_and_the_next_run_continues() {
    pollster::block_on(async {
        let (local, remote) = (MemoryStore::new(), MemoryRemote::new());
        create_many(remote.store(), "c", 10).await;
        let limited = Replication {
            max_batches: 2,
            ..pull_rep("s1", 3)
        };
        let first = pull(&local, &remote, &limited).await.unwrap();
        assert!(first.more, "4 documents are left");
        assert_eq!(local.info().await.unwrap().doc_count, 6);
        let rest = pull(
            &local,
            &remote,
            &Replication {
                session_id: "s2".into(),
                ..limited
            },
        )
        .await
        .unwrap();
        assert_eq!(rest.start_seq, first.last_seq);
        assert_eq!(rest.docs_written, 4);
        assert!(!rest.more, "the server said nothing is pending");
        assert_identical(&local, &remote).await;
    });
}

#[test]
fn a_push_sends_this_devices_edits_without_asking_and_never_echoes_what_it_pulled() {
    pollster::block_on(async {
        let (local, remote) = (MemoryStore::new(), MemoryRemote::new());
        create_many(&local, "dev", 6).await;
        let report = push(&local, &remote, &push_rep("s1", 4)).await.unwrap();
        assert_eq!(report.docs_written, 6);
        assert_eq!(
            remote.calls(Op::RevsDiff),
            0,
            "the device's own edits need no question"
        );

        // Documents from the server come back in the device's feed after a pull: the push
        // asks about them, and sends none back.
        create_many(remote.store(), "srv", 5).await;
        pull(&local, &remote, &pull_rep("p1", 4)).await.unwrap();
        let sent = remote.calls(Op::BulkDocs);
        let echo = push(&local, &remote, &push_rep("s1", 4)).await.unwrap();
        assert_eq!((echo.docs_checked, echo.docs_read), (5, 0));
        assert!(
            remote.calls(Op::RevsDiff) > 0,
            "pulled revisions are asked about"
        );
        assert_eq!(remote.calls(Op::BulkDocs), sent, "nothing is sent back");

        // An edit here of a pulled document is sent again without asking.
        update(
            &local,
            "srv-01",
            json!({"type": "contact", "name": "Editada"}),
        )
        .await;
        let asked = remote.calls(Op::RevsDiff);
        let edit = push(&local, &remote, &push_rep("s1", 4)).await.unwrap();
        assert_eq!((edit.docs_checked, edit.docs_written), (1, 1));
        assert_eq!(remote.calls(Op::RevsDiff), asked);
        assert_identical(&local, &remote).await;
    });
}
