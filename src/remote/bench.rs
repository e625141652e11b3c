//! Timing hooks for the sync benchmark (cargo feature `bench`, never in the shipped build):
//! pull and push of `n` small documents (about 300 bytes of JSON each) between a fresh
//! IndexedDB store and a fresh database on a real CouchDB-compatible server, through
//! [`HttpRemote`] and `cartera_core::sync`, in batches of the replicator's default size.
//!
//! `server` is the server's root URL and `admin` a server admin: each call creates its own
//! database (`bench-…`) and store, and deletes both afterwards, also when it fails. Only the
//! replication itself is timed, not the seeding. No assertion on time: the caller reports it.

use std::time::Duration;

use cartera_core::store::{Body, DocStore, Edit, StoreError};
use cartera_core::sync::{
    Interrupted, RemoteError, Replication, SyncReport, pull, push, replication_id, sync,
};
use serde_json::{Value, json};

use super::{Auth, Credentials, HttpRemote, InvalidUrl, json_request};
use crate::idb::{IdbStore, delete_database};

/// Deadline of the set-up requests (seeding posts 1000 documents at a time).
const ADMIN_TIMEOUT: Duration = Duration::from_secs(120);
const SEED_CHUNK: usize = 1000;

/// Why a benchmark run could not be timed.
#[derive(Debug, thiserror::Error)]
pub enum BenchError {
    #[error("invalid server URL")]
    Url(#[from] InvalidUrl),
    #[error("server request failed")]
    Remote(#[from] RemoteError),
    #[error("local store failed")]
    Store(#[from] StoreError),
    /// Boxed: a report is large, and errors travel by value.
    #[error("replication stopped")]
    Sync(Box<Interrupted>),
    #[error("the server answered {status} to {what}")]
    Status { what: &'static str, status: u16 },
    #[error("{written} of {expected} documents were replicated")]
    Incomplete { written: u64, expected: usize },
    #[error("a sync with nothing to do replicated {moved} documents")]
    NotNoop { moved: u64 },
}

impl From<Interrupted> for BenchError {
    fn from(e: Interrupted) -> Self {
        Self::Sync(Box::new(e))
    }
}

impl From<Interrupted<SyncReport>> for BenchError {
    /// Keeps the error; the two-way report is dropped (the bench only needs to stop).
    fn from(e: Interrupted<SyncReport>) -> Self {
        Self::Sync(Box::new(Interrupted {
            error: e.error,
            report: e.report.pull,
        }))
    }
}

/// Milliseconds to pull `n` documents from a server database into an empty local store.
pub async fn bench_pull(server: &str, admin: &Credentials, n: usize) -> Result<f64, BenchError> {
    let db = Scratch::create(server, admin).await?;
    let url = db.url.clone();
    let timed = async {
        seed_server(&db, n).await?;
        with_store(|store, name| async move {
            let remote = HttpRemote::new(&url, Auth::Basic(admin.clone()))?;
            let replication = replication(&url, &name);
            let start = now_ms();
            let report = pull(&store, &remote, &replication, &mut |_| {}).await?;
            let ms = now_ms() - start;
            complete(report.docs_written, n).map(|()| ms)
        })
        .await
    }
    .await;
    db.delete().await;
    timed
}

/// Milliseconds to push `n` documents from a local store into an empty server database.
pub async fn bench_push(server: &str, admin: &Credentials, n: usize) -> Result<f64, BenchError> {
    let db = Scratch::create(server, admin).await?;
    let url = db.url.clone();
    let timed = with_store(|store, name| async move {
        let edits = (0..n)
            .map(|i| {
                let (id, body) = doc(i);
                Edit {
                    id,
                    prev: None,
                    deleted: false,
                    body,
                }
            })
            .collect();
        store.bulk_docs(edits).await?;
        let remote = HttpRemote::new(&url, Auth::Basic(admin.clone()))?;
        let replication = replication(&name, &url);
        let start = now_ms();
        let report = push(&store, &remote, &replication, &mut |_| {}).await?;
        let ms = now_ms() - start;
        complete(report.docs_written, n).map(|()| ms)
    })
    .await;
    db.delete().await;
    timed
}

/// Milliseconds of `rounds` consecutive two-way syncs (`cartera_core::sync`, push then pull)
/// that find nothing to do: a fresh server database is seeded with `n` documents, one full sync
/// pulls them into a fresh store (untimed), then each timed sync reuses the same replication ids
/// (so the checkpoints) with a new session id, as the app does on its next sync. The first timed
/// run is the one right after the full sync. Fails when a timed run moved any document.
pub async fn bench_noop_sync(
    server: &str,
    admin: &Credentials,
    n: usize,
    rounds: usize,
) -> Result<Vec<f64>, BenchError> {
    let db = Scratch::create(server, admin).await?;
    let url = db.url.clone();
    let timed = async {
        seed_server(&db, n).await?;
        let mut runs = Vec::with_capacity(rounds);
        let runs_ref = &mut runs;
        with_store(|store, name| async move {
            let remote = HttpRemote::new(&url, Auth::Basic(admin.clone()))?;
            let push_id = replication_id(&name, &url, None);
            let pull_id = replication_id(&url, &name, None);
            let session = || uuid::Uuid::now_v7().to_string();
            let full = sync(
                &store,
                &remote,
                &Replication::new(push_id.clone(), session()),
                &Replication::new(pull_id.clone(), session()),
                &mut |_| {},
            )
            .await?;
            complete(full.pull.docs_written, n)?;
            for _ in 0..rounds {
                let (push_r, pull_r) = (
                    Replication::new(push_id.clone(), session()),
                    Replication::new(pull_id.clone(), session()),
                );
                let start = now_ms();
                let report = sync(&store, &remote, &push_r, &pull_r, &mut |_| {}).await?;
                let ms = now_ms() - start;
                let moved = report.push.docs_written + report.pull.docs_written;
                if moved != 0 {
                    return Err(BenchError::NotNoop { moved });
                }
                runs_ref.push(ms);
            }
            Ok(0.0)
        })
        .await?;
        Ok(runs)
    }
    .await;
    db.delete().await;
    timed
}

/// A contact-like document of about 300 bytes.
fn doc(i: usize) -> (String, Body) {
    let id = format!("bench-contact-{i:06}");
    let body = json!({
        "type": "contact",
        "owner": format!("rep-{}", i % 12),
        "given_name": "María José",
        "family_name": format!("Fernández {i}"),
        "emails": [format!("maria.fernandez{i}@ferreteria-ejemplo.es")],
        "phones": [format!("+34 91 {:03} {:02} {:02}", i % 1000, i % 97, i % 89)],
        "account_id": format!("account-{:04}", i % 700),
        "job_title": "Jefa de compras",
        "updated_at": format!("2026-11-{:02}T{:02}:{:02}:00Z", 1 + i % 28, i % 24, i % 60),
    });
    match body {
        Value::Object(m) => (id, m),
        _ => (id, Body::new()),
    }
}

/// A database of its own on the server.
struct Scratch {
    url: String,
    auth: Auth,
}

impl Scratch {
    async fn create(server: &str, admin: &Credentials) -> Result<Self, BenchError> {
        let name = format!("bench-{}", uuid::Uuid::now_v7());
        let url = format!("{}/{name}", server.trim_end_matches('/'));
        let auth = Auth::Basic(admin.clone());
        let reply = json_request("PUT", &url, None, &auth, ADMIN_TIMEOUT).await?;
        if reply.status != 201 && reply.status != 202 {
            return Err(BenchError::Status {
                what: "creating the database",
                status: reply.status,
            });
        }
        Ok(Self { url, auth })
    }

    /// Best effort: a leftover `bench-…` database is harmless.
    async fn delete(&self) {
        let _ = json_request("DELETE", &self.url, None, &self.auth, ADMIN_TIMEOUT).await;
    }
}

async fn seed_server(db: &Scratch, n: usize) -> Result<(), BenchError> {
    let url = format!("{}/_bulk_docs", db.url);
    for start in (0..n).step_by(SEED_CHUNK) {
        let docs: Vec<Value> = (start..n.min(start + SEED_CHUNK))
            .map(|i| {
                let (id, mut body) = doc(i);
                body.insert("_id".into(), Value::String(id));
                Value::Object(body)
            })
            .collect();
        let body = json!({ "docs": docs });
        let reply = json_request("POST", &url, Some(&body), &db.auth, ADMIN_TIMEOUT).await?;
        let refused = reply
            .body
            .as_array()
            .is_none_or(|rows| rows.iter().any(|r| r.get("error").is_some()));
        if reply.status != 201 || refused {
            return Err(BenchError::Status {
                what: "seeding",
                status: reply.status,
            });
        }
    }
    Ok(())
}

/// Runs `run` on a fresh IndexedDB store (given with its name), then deletes the store.
async fn with_store<F, Fut>(run: F) -> Result<f64, BenchError>
where
    F: FnOnce(IdbStore, String) -> Fut,
    Fut: std::future::Future<Output = Result<f64, BenchError>>,
{
    let name = format!("bench-sync-{}", uuid::Uuid::now_v7());
    let store = IdbStore::open(&name).await?;
    let outcome = run(store, name.clone()).await;
    // The store given to `run` is dropped by now, so the deletion is not blocked.
    let deleted = delete_database(&name).await;
    let ms = outcome?;
    deleted?;
    Ok(ms)
}

fn replication(source: &str, target: &str) -> Replication {
    let id = replication_id(source, target, None);
    Replication::new(id, uuid::Uuid::now_v7().to_string())
}

fn complete(written: u64, expected: usize) -> Result<(), BenchError> {
    if written == expected as u64 {
        Ok(())
    } else {
        Err(BenchError::Incomplete { written, expected })
    }
}

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or_else(js_sys::Date::now, |p| p.now())
}
