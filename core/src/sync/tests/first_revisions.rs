//! First revisions taken whole from the changes rows (`include_docs`) instead of `_bulk_get`:
//! they land with the server's `_rev` and history, everything else still goes through
//! `bulk_get`, and a server that leaves the documents out changes nothing but the route.

use serde_json::json;

use super::*;
use crate::store::{Doc, ReplicatedDoc, RevsDiff};
use crate::sync::testing::{MemoryRemote, Op};
use crate::sync::{
    DocWriteResult, Fetched, Remote, RemoteChanges, RemoteError, RemoteInfo, SeqToken,
};

/// The revisions `bulk_get` was asked for, as `id rev` strings, sorted.
fn fetched(remote: &MemoryRemote) -> Vec<String> {
    let mut revs: Vec<String> = (remote.fetched_revs().iter())
        .map(|(id, rev)| format!("{id} {rev}"))
        .collect();
    revs.sort();
    revs
}

/// The hashes of `id`'s winner and its ancestors on `store`, newest first.
async fn history(store: &MemoryStore, id: &str) -> Vec<String> {
    let record = store.record(id).await.unwrap().expect("stored document");
    record
        .tree
        .path(&record.winner)
        .expect("winner in its tree")
}

fn replicated(id: &str, rev: &str, deleted: bool, name: &str) -> ReplicatedDoc {
    ReplicatedDoc {
        doc: Doc {
            id: id.into(),
            rev: rev.parse().unwrap(),
            deleted,
            body: body(json!({"type": "contact", "name": name})),
        },
        ancestry: vec![rev.split_once('-').unwrap().1.to_owned()],
    }
}

/// A server with one document of each kind: a new one (first revision), an edited one, a
/// conflict of two first revisions, a deleted one, and a first revision that is a deletion.
async fn server_with_every_kind(remote: &MemoryRemote) {
    let server = remote.store();
    create(server, "new", json!({"type": "contact", "name": "Nuevo"})).await;
    create(server, "edited", json!({"type": "contact", "name": "Ana"})).await;
    update(
        server,
        "edited",
        json!({"type": "contact", "name": "Ana Pérez"}),
    )
    .await;
    create(
        server,
        "removed",
        json!({"type": "contact", "name": "Luis"}),
    )
    .await;
    delete(server, "removed").await;
    let odd = vec![
        replicated("twins", "1-aaa", false, "Acme"),
        replicated("twins", "1-bbb", false, "ACME S.L."),
        replicated("ghost", "1-ggg", true, "Nadie"),
    ];
    server.bulk_docs_replicated(odd).await.unwrap();
}

#[test]
fn first_revisions_arrive_from_the_changes_rows_with_their_rev_and_history() {
    pollster::block_on(async {
        let (local, remote) = (MemoryStore::new(), MemoryRemote::new());
        create_many(remote.store(), "c", 6).await;
        let report = pull(&local, &remote, &pull_rep("s1", 4)).await.unwrap();
        assert_eq!((report.docs_read, report.docs_written), (6, 6));
        assert_eq!(remote.calls(Op::BulkGet), 0, "no fetch at all");
        assert_identical(&local, &remote).await;
        let server_rev = remote.store().get("c-03").await.unwrap().unwrap().rev;
        assert_eq!(local.get("c-03").await.unwrap().unwrap().rev, server_rev);
        assert_eq!(history(&local, "c-03").await, vec![server_rev.hash.clone()]);

        // The next edit on the server extends that history: one leaf, no false conflict.
        let edited = update(remote.store(), "c-03", json!({"name": "Eva"})).await;
        pull(&local, &remote, &pull_rep("s2", 4)).await.unwrap();
        assert_eq!(fetched(&remote), vec![format!("c-03 {edited}")]);
        assert_eq!(
            history(&local, "c-03").await,
            vec![edited.hash, server_rev.hash]
        );
        assert_identical(&local, &remote).await;
        assert_eq!(snapshot(&local).await["c-03"].leaves.len(), 1);
    });
}

#[test]
fn later_revisions_conflicts_and_deletions_still_go_through_bulk_get() {
    pollster::block_on(async {
        let (local, remote) = (MemoryStore::new(), MemoryRemote::new());
        server_with_every_kind(&remote).await;
        let report = pull(&local, &remote, &pull_rep("s1", 10)).await.unwrap();
        let snap = snapshot(remote.store()).await;
        let leaf = |id: &str, i: usize| format!("{id} {}", snap[id].leaves[i].0);
        let mut through_bulk_get = vec![
            leaf("edited", 0),
            leaf("ghost", 0),
            leaf("removed", 0),
            leaf("twins", 0),
            leaf("twins", 1),
        ];
        through_bulk_get.sort();
        assert_eq!(fetched(&remote), through_bulk_get, "all but `new`");
        assert_eq!(
            report.docs_written, 6,
            "new, edited, removed, ghost, twins ×2"
        );
        assert_identical(&local, &remote).await;
        assert_eq!(
            local.get("twins").await.unwrap().unwrap().body["name"],
            "ACME S.L."
        );
        assert!(local.get("ghost").await.unwrap().is_none());
        assert!(local.get("removed").await.unwrap().is_none());
    });
}

#[test]
fn a_server_that_leaves_the_documents_out_is_read_through_bulk_get() {
    pollster::block_on(async {
        let (local, remote) = (
            MemoryStore::new(),
            MemoryRemote::new().ignoring_include_docs(),
        );
        server_with_every_kind(&remote).await;
        create_many(remote.store(), "c", 5).await;
        let report = pull(&local, &remote, &pull_rep("s1", 4)).await.unwrap();
        assert_eq!(report.docs_written, 11);
        assert_eq!(fetched(&remote).len(), 11, "every revision fetched");
        assert_identical(&local, &remote).await;
    });
}

#[test]
fn revisions_the_device_has_are_neither_taken_nor_rewritten() {
    pollster::block_on(async {
        let (local, remote) = (MemoryStore::new(), MemoryRemote::new());
        create_many(&local, "mine", 5).await;
        push(&local, &remote, &push_rep("s1", 10)).await.unwrap();
        create(remote.store(), "theirs", json!({"name": "Marta"})).await;
        let before = local.info().await.unwrap().update_seq;
        let report = pull(&local, &remote, &pull_rep("s1", 10)).await.unwrap();
        assert_eq!((report.docs_checked, report.docs_written), (6, 1));
        assert_eq!(
            local.info().await.unwrap().update_seq,
            before + 1,
            "only `theirs` was written"
        );
        assert_eq!(remote.calls(Op::BulkGet), 0);
        assert_identical(&local, &remote).await;
    });
}

#[test]
fn documents_are_asked_for_only_while_they_save_fetches() {
    pollster::block_on(async {
        let (local, remote) = (MemoryStore::new(), MemoryRemote::new());
        create_many(&local, "mine", 8).await;
        push(&local, &remote, &push_rep("s1", 10)).await.unwrap();
        create_many(remote.store(), "theirs", 8).await;
        pull(&local, &remote, &pull_rep("s1", 4)).await.unwrap();
        // Pages: mine ×2 (the device's own writes), theirs ×2, then the empty end.
        assert_eq!(
            remote.docs_asked(),
            vec![true, false, false, true, true],
            "asked first, dropped after a page of known documents, asked again after a \
             page of new first revisions"
        );
        let fetched: Vec<String> = (fetched(&remote).iter())
            .map(|f| f.split(' ').next().unwrap_or_default().to_owned())
            .collect();
        assert_eq!(
            fetched,
            ["theirs-00", "theirs-01", "theirs-02", "theirs-03"],
            "the page read without documents"
        );
        assert_identical(&local, &remote).await;
    });
}

/// The server's feed read each document after a newer edit: rows list the first revision,
/// their documents are already the second.
struct ReadAfterAnEdit<'a>(&'a MemoryRemote);

impl Remote for ReadAfterAnEdit<'_> {
    async fn info(&self) -> Result<RemoteInfo, RemoteError> {
        self.0.info().await
    }
    async fn changes(
        &self,
        since: &SeqToken,
        limit: usize,
        include_docs: bool,
    ) -> Result<RemoteChanges, RemoteError> {
        let mut page = self.0.changes(since, limit, include_docs).await?;
        for row in &mut page.results {
            if let Some(doc) = &mut row.doc {
                doc.rev = format!("2-{}", doc.rev.hash).parse().unwrap();
                doc.body.insert("name".into(), json!("a later edit"));
            }
        }
        Ok(page)
    }
    async fn revs_diff(&self, revs: &RevsDiff) -> Result<RevsDiff, RemoteError> {
        self.0.revs_diff(revs).await
    }
    async fn bulk_get(&self, wanted: &RevsDiff) -> Result<Vec<Fetched>, RemoteError> {
        self.0.bulk_get(wanted).await
    }
    async fn bulk_docs_replicated(
        &self,
        docs: &[ReplicatedDoc],
    ) -> Result<Vec<DocWriteResult>, RemoteError> {
        self.0.bulk_docs_replicated(docs).await
    }
    async fn get_local(&self, id: &str) -> Result<Option<Value>, RemoteError> {
        self.0.get_local(id).await
    }
    async fn put_local(&self, id: &str, doc: Value) -> Result<Option<String>, RemoteError> {
        self.0.put_local(id, doc).await
    }
}

#[test]
fn a_row_whose_document_is_another_revision_goes_through_bulk_get() {
    pollster::block_on(async {
        let (local, remote) = (MemoryStore::new(), MemoryRemote::new());
        create_many(remote.store(), "c", 3).await;
        let far = ReadAfterAnEdit(&remote);
        let report = crate::sync::pull(&local, &far, &pull_rep("s1", 10), &mut quiet())
            .await
            .unwrap();
        assert_eq!(report.docs_written, 3);
        assert_eq!(fetched(&remote).len(), 3, "each first revision fetched");
        assert_identical(&local, &remote).await;
        let doc = local.get("c-01").await.unwrap().unwrap();
        assert_eq!(
            doc.body["name"], "c-01",
            "the body of the revision asked for"
        );
    });
}
