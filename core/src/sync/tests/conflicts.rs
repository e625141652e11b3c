//! Both sides edited the same record; the server refused some records.

use serde_json::json;

use crate::sync::testing::{Fault, MemoryRemote, Op};
use crate::sync::{SeqToken, three_way_merge};

use super::*;

async fn sync_both(local: &MemoryStore, remote: &MemoryRemote, session: &str) {
    let (push_r, pull_r) = (push_rep(session, 10), pull_rep(session, 10));
    crate::sync::sync(local, remote, &push_r, &pull_r, &mut quiet())
        .await
        .unwrap();
}

/// A contact both sides hold, as of its first revision.
async fn shared_contact(local: &MemoryStore, remote: &MemoryRemote) -> Body {
    let first = json!({"type": "contact", "name": "Ana", "phone": "600", "city": "Vigo"});
    create(local, "ana", first.clone()).await;
    sync_both(local, remote, "s0").await;
    body(first)
}

#[test]
fn concurrent_edits_keep_both_leaves_and_the_same_winner_then_merge() {
    pollster::block_on(async {
        let (local, remote) = (MemoryStore::new(), MemoryRemote::new());
        let base = shared_contact(&local, &remote).await;
        let mine = json!({"type": "contact", "name": "Ana", "phone": "611", "city": "Vigo"});
        let theirs = json!({"type": "contact", "name": "Ana", "phone": "600", "city": "Lugo"});
        let my_rev = update(&local, "ana", mine).await;
        let their_rev = update(remote.store(), "ana", theirs).await;
        sync_both(&local, &remote, "s1").await;

        assert_identical(&local, &remote).await;
        let view = &snapshot(&local).await["ana"];
        let leaves: Vec<&Rev> = view.leaves.iter().map(|l| &l.0).collect();
        assert_eq!(leaves.len(), 2, "both edits are kept on both sides");
        assert!(leaves.contains(&&my_rev) && leaves.contains(&&their_rev));
        assert_eq!(
            view.winner,
            my_rev.clone().max(their_rev.clone()),
            "CouchDB: greater hash"
        );
        let on_device = local.get_conflicts("ana").await.unwrap();
        assert_eq!(
            on_device,
            remote.store().get_conflicts("ana").await.unwrap()
        );

        // The user (or the app) merges field by field and resolves on the device.
        let (winner, loser) = (&on_device[0], &on_device[1]);
        let merge = three_way_merge(Some(&base), &winner.body, &loser.body);
        assert!(
            merge.conflicts.is_empty(),
            "different fields merge without asking"
        );
        let resolved = Edit {
            id: "ana".into(),
            prev: Some(winner.rev.clone()),
            deleted: false,
            body: merge.merged,
        };
        let end_loser = Edit {
            id: "ana".into(),
            prev: Some(loser.rev.clone()),
            deleted: true,
            body: Body::new(),
        };
        let results = local.bulk_docs(vec![resolved, end_loser]).await.unwrap();
        assert!(results.iter().all(Result::is_ok), "{results:?}");
        sync_both(&local, &remote, "s2").await;

        assert_identical(&local, &remote).await;
        let ana = remote.store().get("ana").await.unwrap().unwrap();
        assert_eq!(
            (&ana.body["phone"], &ana.body["city"]),
            (&json!("611"), &json!("Lugo"))
        );
        assert_eq!(
            remote.store().get_conflicts("ana").await.unwrap().len(),
            1,
            "resolved"
        );
    });
}

#[test]
fn an_edit_beats_a_concurrent_deletion_on_both_sides() {
    pollster::block_on(async {
        let (local, remote) = (MemoryStore::new(), MemoryRemote::new());
        shared_contact(&local, &remote).await;
        let deletion = delete(&local, "ana").await;
        update(
            remote.store(),
            "ana",
            json!({"type": "contact", "name": "Ana", "phone": "622"}),
        )
        .await;
        sync_both(&local, &remote, "s1").await;

        assert_identical(&local, &remote).await;
        let ana = local
            .get("ana")
            .await
            .unwrap()
            .expect("the edit keeps the record alive");
        assert_eq!(ana.body["phone"], "622");
        let view = &snapshot(&local).await["ana"];
        assert!(
            view.leaves.iter().any(|l| l.0 == deletion && l.1),
            "the deletion is a leaf"
        );
        assert!(
            local.get_conflicts("ana").await.unwrap().len() == 1,
            "no live conflict"
        );
    });
}

#[test]
fn deleted_on_both_sides_stays_deleted_everywhere() {
    pollster::block_on(async {
        let (local, remote) = (MemoryStore::new(), MemoryRemote::new());
        shared_contact(&local, &remote).await;
        update(&local, "ana", json!({"name": "Ana", "note": "mine"})).await;
        delete(&local, "ana").await;
        delete(remote.store(), "ana").await;
        sync_both(&local, &remote, "s1").await;

        assert_identical(&local, &remote).await;
        assert!(local.get("ana").await.unwrap().is_none());
        assert!(remote.store().get("ana").await.unwrap().is_none());
        let view = &snapshot(&local).await["ana"];
        assert_eq!(view.leaves.len(), 2);
        assert!(view.deleted && view.leaves.iter().all(|l| l.1));
        assert_eq!(view.winner.pos, 3, "the longer deleted branch wins");
    });
}

#[test]
fn refused_documents_are_reported_and_the_rest_checkpointed() {
    pollster::block_on(async {
        let (local, remote) = (
            MemoryStore::new(),
            MemoryRemote::new().refusing_docs_with("locked"),
        );
        create_many(&local, "c", 4).await;
        let locked_rev = create(&local, "locked-1", json!({"name": "L1", "locked": true})).await;
        create(&local, "locked-2", json!({"name": "L2", "locked": true})).await;

        let report = push(&local, &remote, &push_rep("s1", 3)).await.unwrap();
        assert_eq!(report.docs_written, 4);
        let refused: Vec<&str> = report.refused.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(refused, vec!["locked-1", "locked-2"]);
        assert_eq!(report.refused[0].rev, locked_rev);
        assert_eq!(report.refused[0].reason, "this record is locked");
        assert_eq!(
            report.last_seq,
            SeqToken::from_local(6),
            "checkpointed past the refusals"
        );
        assert!(remote.store().get("locked-1").await.unwrap().is_none());
        assert!(remote.store().get("c-03").await.unwrap().is_some());

        let bulk_docs = remote.calls(Op::BulkDocs);
        let again = push(&local, &remote, &push_rep("s2", 3)).await.unwrap();
        assert!(
            again.refused.is_empty(),
            "not sent again, so not refused again"
        );
        assert_eq!(remote.calls(Op::BulkDocs), bulk_docs);

        update(&local, "locked-1", json!({"name": "L1"})).await;
        let fixed = push(&local, &remote, &push_rep("s3", 3)).await.unwrap();
        assert_eq!(
            fixed.docs_written, 1,
            "an edit without the lock goes through"
        );
        assert_eq!(
            remote.store().get("locked-1").await.unwrap().unwrap().body["name"],
            "L1"
        );
    });
}

#[test]
fn refusals_are_reported_even_when_a_later_batch_fails() {
    pollster::block_on(async {
        let (local, remote) = (
            MemoryStore::new(),
            MemoryRemote::new().refusing_docs_with("locked"),
        );
        create(&local, "locked-1", json!({"name": "L1", "locked": true})).await;
        create_many(&local, "c", 5).await;
        remote.inject(Op::BulkDocs, 2, Fault::Network);
        let stopped = push(&local, &remote, &push_rep("s1", 3)).await.unwrap_err();
        assert_eq!(stopped.report.last_seq, SeqToken::from_local(3));
        let refused: Vec<&str> = stopped
            .report
            .refused
            .iter()
            .map(|r| r.id.as_str())
            .collect();
        assert_eq!(
            refused,
            vec!["locked-1"],
            "batch 1 was checkpointed past it: flag it now"
        );
    });
}
