//! The replicator end to end on the host: a `MemoryStore` as the device, a `MemoryRemote` as the
//! server. Every case checks what a user would notice: documents present on both sides, the
//! same winner, nothing lost, nothing sent twice.

mod automerge;
mod conflicts;
mod faults;
mod first_revisions;
mod resume;
mod roundtrip;

use std::collections::BTreeMap;

use serde_json::Value;

use crate::store::{Body, DocStore, Edit, MemoryStore, Rev};
use crate::sync::testing::MemoryRemote;
use crate::sync::{
    Checkpoint, Interrupted, Progress, Replication, ReplicationReport, checkpoint_doc_id,
    replication_id,
};

const DEVICE: &str = "device-7f3a";
const SERVER: &str = "https://crm.example.com/cartera";

fn pull_rep(session: &str, batch_size: usize) -> Replication {
    Replication {
        batch_size,
        ..Replication::new(replication_id(SERVER, DEVICE, None), session)
    }
}

fn push_rep(session: &str, batch_size: usize) -> Replication {
    Replication {
        batch_size,
        ..Replication::new(replication_id(DEVICE, SERVER, None), session)
    }
}

fn body(v: Value) -> Body {
    match v {
        Value::Object(m) => m,
        other => panic!("a test body must be an object, got {other}"),
    }
}

async fn save(store: &MemoryStore, id: &str, prev: Option<&Rev>, deleted: bool, v: Value) -> Rev {
    let edit = Edit {
        id: id.into(),
        prev: prev.cloned(),
        deleted,
        body: body(v),
    };
    let mut results = store.bulk_docs(vec![edit]).await.unwrap();
    results
        .pop()
        .unwrap()
        .unwrap_or_else(|e| panic!("saving {id}: {e}"))
}

async fn create(store: &MemoryStore, id: &str, v: Value) -> Rev {
    save(store, id, None, false, v).await
}

async fn update(store: &MemoryStore, id: &str, v: Value) -> Rev {
    let current = store
        .get(id)
        .await
        .unwrap()
        .expect("document to update")
        .rev;
    save(store, id, Some(&current), false, v).await
}

async fn delete(store: &MemoryStore, id: &str) -> Rev {
    let current = store
        .get(id)
        .await
        .unwrap()
        .expect("document to delete")
        .rev;
    save(store, id, Some(&current), true, serde_json::json!({})).await
}

/// Creates `n` contacts `{prefix}-00 …` with a name each.
async fn create_many(store: &MemoryStore, prefix: &str, n: usize) {
    for i in 0..n {
        let id = format!("{prefix}-{i:02}");
        create(
            store,
            &id,
            serde_json::json!({"type": "contact", "name": id}),
        )
        .await;
    }
}

/// Everything a user could see of one document: its winner, and every leaf with its body.
#[derive(Clone, Debug, PartialEq)]
struct DocView {
    winner: Rev,
    deleted: bool,
    leaves: Vec<(Rev, bool, Option<Body>)>,
}

/// Every document of a store, deleted ones included (listed through the changes feed).
async fn snapshot(store: &MemoryStore) -> BTreeMap<String, DocView> {
    let mut view = BTreeMap::new();
    for change in store.changes(0, usize::MAX).await.unwrap().results {
        let record = store
            .record(&change.id)
            .await
            .unwrap()
            .expect("listed document");
        let mut leaves = Vec::new();
        for leaf in record.tree.leaves() {
            let doc = store.get_rev(&change.id, &leaf.rev).await.unwrap();
            leaves.push((leaf.rev, leaf.deleted, doc.map(|d| d.body)));
        }
        let winner = record.winner.clone();
        view.insert(
            change.id,
            DocView {
                winner,
                deleted: record.deleted,
                leaves,
            },
        );
    }
    view
}

/// CouchDB's rule, written out independently: live leaves beat deleted ones, then the higher
/// position, then the greater hash.
fn couchdb_winner(view: &DocView) -> Rev {
    let best = view
        .leaves
        .iter()
        .max_by_key(|(rev, deleted, _)| (!deleted, rev.pos, &rev.hash));
    best.expect("a document has a leaf").0.clone()
}

/// Both sides hold the same documents, with the same leaves, bodies and winner.
async fn assert_identical(local: &MemoryStore, remote: &MemoryRemote) {
    let (mine, theirs) = (snapshot(local).await, snapshot(remote.store()).await);
    assert_eq!(
        mine.keys().collect::<Vec<_>>(),
        theirs.keys().collect::<Vec<_>>(),
        "the same documents on both sides"
    );
    for (id, view) in &mine {
        assert_eq!(
            Some(view),
            theirs.get(id),
            "{id} differs between device and server"
        );
        assert_eq!(
            view.winner,
            couchdb_winner(view),
            "{id}'s winner follows CouchDB's rule"
        );
        assert!(
            view.leaves.iter().all(|l| l.2.is_some()),
            "{id} keeps every leaf's body"
        );
    }
}

/// A progress sink that ignores everything.
fn quiet() -> impl FnMut(Progress) {
    |_| {}
}

async fn pull(
    local: &MemoryStore,
    remote: &MemoryRemote,
    rep: &Replication,
) -> Result<ReplicationReport, Interrupted> {
    crate::sync::pull(local, remote, rep, &mut quiet()).await
}

async fn push(
    local: &MemoryStore,
    remote: &MemoryRemote,
    rep: &Replication,
) -> Result<ReplicationReport, Interrupted> {
    crate::sync::push(local, remote, rep, &mut quiet()).await
}

/// The checkpoints the device and the server keep for `rep`.
async fn checkpoints(
    local: &MemoryStore,
    remote: &MemoryRemote,
    rep: &Replication,
) -> (Option<Checkpoint>, Option<Checkpoint>) {
    let id = checkpoint_doc_id(&rep.id);
    let read = |v: Option<Value>| v.as_ref().and_then(Checkpoint::from_doc);
    let on_device = read(local.get_local(&id).await.unwrap());
    let on_server = read(remote.store().get_local(&id).await.unwrap());
    (on_device, on_server)
}
