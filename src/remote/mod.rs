//! The HTTP [`Remote`]: a CouchDB-compatible database (Apache CouchDB 3, Cloudant, PouchDB
//! Server) over the browser's `fetch`, for `cartera_core::sync`'s replicator.
//!
//! - `http.rs`: one request with its own timeout and credentials; browser failures as errors.
//! - `wire.rs`: the JSON of each endpoint, pure.
//! - `session.rs`: cookie sign-in (`/_session`).
//!
//! Invariants:
//! - nothing from the network is unwrapped: every failure is a [`RemoteError`] (HTTP statuses
//!   through [`RemoteError::from_status`], broken JSON as `InvalidJson`, a `fetch` rejection
//!   as `Network`, our own abort as `Timeout`);
//! - every request has a deadline, a longpoll included (PouchDB Server ignores `timeout`);
//! - `latest=true` is never sent (it crashes PouchDB Server for an unknown revision);
//! - sequences are sent back exactly as received;
//! - a password lives only in [`Credentials`], in memory, and is never printed.
//!
//! Attachments are not replicated: Cartera's documents have none (`Doc::from_json` drops
//! `_attachments`).

mod http;
mod session;
mod wire;

#[cfg(feature = "bench")]
pub mod bench;

use std::cell::Cell;
use std::time::Duration;

use cartera_core::store::{ReplicatedDoc, RevsDiff};
use cartera_core::sync::{
    DocWriteResult, Fetched, Remote, RemoteChanges, RemoteError, RemoteInfo, SeqToken,
};
use serde_json::Value;

pub use http::{Auth, Credentials};
pub use session::{SESSION_TIMEOUT, Session, login, logout, session};

/// A database URL that cannot be used: not `http(s)://host/db`, or with credentials in it
/// (`fetch` refuses those; pass [`Credentials`] instead).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("invalid database URL")]
pub struct InvalidUrl;

/// Whether the server has `_bulk_get` (CouchDB 2+, PouchDB Server); learnt on first use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum BulkGet {
    Unknown,
    Supported,
    Unsupported,
}

/// A remote database. See the module documentation.
#[derive(Debug)]
pub struct HttpRemote {
    /// The database URL, without a trailing slash.
    db: String,
    auth: Auth,
    timeout: Duration,
    bulk_get: Cell<BulkGet>,
}

impl HttpRemote {
    /// The deadline of each request unless [`HttpRemote::with_timeout`] says otherwise: long
    /// enough for a batch on a slow mobile network, short enough to notice a dead connection.
    pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(60);

    /// A longpoll may take this much longer than the wait it asked for.
    pub const LONGPOLL_GRACE: Duration = Duration::from_secs(2);

    /// The database at `db_url` (`https://host:6984/cartera`), reached with `auth`.
    pub fn new(db_url: &str, auth: Auth) -> Result<Self, InvalidUrl> {
        Ok(Self {
            db: check_db_url(db_url)?,
            auth,
            timeout: Self::DEFAULT_TIMEOUT,
            bulk_get: Cell::new(BulkGet::Unknown),
        })
    }

    /// Gives each request `timeout` to finish (answer and body).
    pub fn with_timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// Fetches revisions with `GET doc?open_revs=…` instead of `_bulk_get` (for servers
    /// without it; others are detected on first use).
    pub fn without_bulk_get(self) -> Self {
        self.bulk_get.set(BulkGet::Unsupported);
        self
    }

    /// The database URL (no credentials in it): name the remote side of a replication by it.
    pub fn url(&self) -> &str {
        &self.db
    }

    /// The server's root URL, for [`login`], [`session`] and [`logout`].
    pub fn server_url(&self) -> &str {
        self.db
            .rsplit_once('/')
            .map_or(&self.db, |(server, _)| server)
    }

    /// Waits up to `wait` for changes after `since` (`feed=longpoll`). An empty page (with
    /// `since` as `last_seq`) means nothing changed in time. A server that does not answer at
    /// all looks the same; call [`Remote::info`] to tell.
    pub async fn wait_for_changes(
        &self,
        since: &SeqToken,
        limit: usize,
        wait: Duration,
    ) -> Result<RemoteChanges, RemoteError> {
        let path = format!(
            "_changes?feed=longpoll&style=all_docs&since={}&limit={}&timeout={}",
            wire::encode(&wire::since_param(since)),
            limit.max(1),
            wait.as_millis()
        );
        let reply = self
            .send_within("GET", &path, None, wait + Self::LONGPOLL_GRACE)
            .await;
        match reply {
            Err(RemoteError::Timeout) => Ok(RemoteChanges {
                results: Vec::new(),
                last_seq: since.clone(),
                pending: None,
            }),
            other => other?.parse(wire::changes),
        }
    }

    async fn send(
        &self,
        method: &str,
        path: &str,
        body: Option<&str>,
    ) -> Result<http::Reply, RemoteError> {
        self.send_within(method, path, body, self.timeout).await
    }

    async fn send_within(
        &self,
        method: &str,
        path: &str,
        body: Option<&str>,
        timeout: Duration,
    ) -> Result<http::Reply, RemoteError> {
        let url = if path.is_empty() {
            self.db.clone()
        } else {
            format!("{}/{path}", self.db)
        };
        http::send(http::Call {
            method,
            url: &url,
            body,
            auth: &self.auth,
            timeout,
        })
        .await
    }

    /// `_bulk_get`, or `None` when the server turns out not to have it.
    async fn try_bulk_get(&self, wanted: &RevsDiff) -> Result<Option<Vec<Fetched>>, RemoteError> {
        let body = wire::bulk_get_body(wanted);
        let reply = self
            .send("POST", "_bulk_get?revs=true", Some(&body))
            .await?;
        let unsupported = matches!(reply.status, 400 | 404 | 405 | 501)
            && !wire::is_missing_database(&wire::reason(&reply.body));
        if unsupported && self.bulk_get.get() == BulkGet::Unknown {
            self.bulk_get.set(BulkGet::Unsupported);
            return Ok(None);
        }
        let fetched = reply.parse(wire::bulk_get)?;
        self.bulk_get.set(BulkGet::Supported);
        Ok(Some(fetched))
    }

    /// One `GET doc?open_revs=[…]&revs=true` per document.
    async fn open_revs(&self, wanted: &RevsDiff) -> Result<Vec<Fetched>, RemoteError> {
        let mut fetched = Vec::new();
        for (id, revs) in wanted {
            let path = format!(
                "{}?revs=true&open_revs={}",
                wire::doc_path(id),
                wire::encode(&wire::open_revs_param(revs))
            );
            let reply = self.send("GET", &path, None).await?;
            fetched.extend(reply.parse(|b| wire::open_revs(id, b))?);
        }
        Ok(fetched)
    }
}

impl Remote for HttpRemote {
    async fn info(&self) -> Result<RemoteInfo, RemoteError> {
        self.send("GET", "", None).await?.parse(wire::info)
    }

    async fn changes(
        &self,
        since: &SeqToken,
        limit: usize,
        include_docs: bool,
    ) -> Result<RemoteChanges, RemoteError> {
        let path = format!(
            "_changes?style=all_docs&since={}&limit={}{}",
            wire::encode(&wire::since_param(since)),
            limit.max(1),
            if include_docs {
                "&include_docs=true"
            } else {
                ""
            }
        );
        self.send("GET", &path, None).await?.parse(wire::changes)
    }

    async fn revs_diff(&self, revs: &RevsDiff) -> Result<RevsDiff, RemoteError> {
        if revs.is_empty() {
            return Ok(RevsDiff::new());
        }
        let body = wire::revs_diff_body(revs);
        let reply = self.send("POST", "_revs_diff", Some(&body)).await?;
        reply.parse(wire::revs_diff)
    }

    async fn bulk_get(&self, wanted: &RevsDiff) -> Result<Vec<Fetched>, RemoteError> {
        if wanted.is_empty() {
            return Ok(Vec::new());
        }
        if self.bulk_get.get() != BulkGet::Unsupported
            && let Some(fetched) = self.try_bulk_get(wanted).await?
        {
            return Ok(fetched);
        }
        self.open_revs(wanted).await
    }

    async fn bulk_docs_replicated(
        &self,
        docs: &[ReplicatedDoc],
    ) -> Result<Vec<DocWriteResult>, RemoteError> {
        if docs.is_empty() {
            return Ok(Vec::new());
        }
        let body = wire::bulk_docs_body(docs);
        let reply = self.send("POST", "_bulk_docs", Some(&body)).await?;
        reply.parse(wire::bulk_docs)
    }

    async fn get_local(&self, id: &str) -> Result<Option<Value>, RemoteError> {
        let reply = self.send("GET", &wire::local_path(id), None).await?;
        if reply.status == 404 {
            let reason = wire::reason(&reply.body);
            if wire::is_missing_database(&reason) {
                return Err(RemoteError::DatabaseMissing);
            }
            return Ok(None);
        }
        reply.parse(wire::decode).map(Some)
    }

    async fn put_local(&self, id: &str, doc: Value) -> Result<Option<String>, RemoteError> {
        let body = doc.to_string();
        let reply = self.send("PUT", &wire::local_path(id), Some(&body)).await?;
        reply.parse(wire::put_rev)
    }
}

/// One JSON request to a CouchDB-compatible server, whatever its status (for tooling, tests
/// and the benchmark: creating databases, reading documents as they are on the server). An
/// empty body is `null`; a body that is not JSON is [`RemoteError::InvalidJson`].
pub async fn json_request(
    method: &str,
    url: &str,
    body: Option<&Value>,
    auth: &Auth,
    timeout: Duration,
) -> Result<JsonReply, RemoteError> {
    let text = body.map(Value::to_string);
    let reply = http::send(http::Call {
        method,
        url,
        body: text.as_deref(),
        auth,
        timeout,
    })
    .await?;
    let body = if reply.body.iter().all(u8::is_ascii_whitespace) {
        Value::Null
    } else {
        reply.json()?
    };
    Ok(JsonReply {
        status: reply.status,
        body,
    })
}

/// The answer to [`json_request`].
#[derive(Clone, Debug, PartialEq)]
pub struct JsonReply {
    pub status: u16,
    pub body: Value,
}

/// `http(s)://host[:port]/path-to-db` without credentials, query or fragment; returned without
/// its trailing slash.
fn check_db_url(url: &str) -> Result<String, InvalidUrl> {
    let url = url.trim().trim_end_matches('/');
    let rest = url
        .strip_prefix("http://")
        .or_else(|| url.strip_prefix("https://"))
        .ok_or(InvalidUrl)?;
    let (host, path) = rest.split_once('/').ok_or(InvalidUrl)?;
    let bad_host = host.is_empty() || host.contains('@');
    let bad_path = path.is_empty() || path.contains(['?', '#']);
    if bad_host || bad_path || url.chars().any(char::is_whitespace) {
        return Err(InvalidUrl);
    }
    Ok(url.to_owned())
}

#[cfg(test)]
mod tests;
