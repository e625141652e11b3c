//! Helpers of the sync browser tests: the test server from the build environment, scratch
//! databases, local stores, and snapshots of both sides to compare document by document.
//!
//! The server comes at compile time (`option_env!`), as the test page cannot read the
//! environment: scripts/test.sh starts a patched PouchDB Server, runs server/setup.mjs with
//! server/dev-users.json, and sets
//! - `CARTERA_TEST_SYNC_URL`: the server's root URL (`http://127.0.0.1:PORT`);
//! - `CARTERA_TEST_SYNC_ADMIN`: a server admin as `name:password`.

pub mod faulty;

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use cartera::idb::{IdbStore, delete_database};
use cartera::remote::{Auth, Credentials, JsonReply, json_request};
use cartera_core::store::{Body, Doc, DocStore, IdRange, Rev};
use cartera_core::sync::{RemoteError, Replication, replication_id};
use serde_json::{Value, json};

const SERVER: Option<&str> = option_env!("CARTERA_TEST_SYNC_URL");
const ADMIN: Option<&str> = option_env!("CARTERA_TEST_SYNC_ADMIN");
/// The users server/setup.mjs creates for development and tests.
const DEV_USERS: &str = include_str!("../../server/dev-users.json");
/// The database server/setup.mjs prepares; its rules are copied into scratch databases.
const SETUP_DB: &str = "cartera";
const ADMIN_TIMEOUT: Duration = Duration::from_secs(120);

const MISSING: &str = "CARTERA_TEST_SYNC_URL and CARTERA_TEST_SYNC_ADMIN must be set when \
    the tests are BUILT: run them through scripts/test.sh, which starts a PouchDB Server, \
    or see tests/sync_pouchdb.rs for the manual steps";

/// The server's root URL.
pub fn server() -> &'static str {
    SERVER.expect(MISSING).trim_end_matches('/')
}

pub fn admin() -> Credentials {
    let (user, password) = ADMIN.and_then(|a| a.split_once(':')).expect(MISSING);
    Credentials::new(user, password)
}

/// A user of server/dev-users.json (ana and bruno are reps, sofia support, marta a manager).
pub fn user(name: &str) -> Credentials {
    Credentials::new(name, &password(name))
}

pub fn password(name: &str) -> String {
    let users: Vec<Value> = serde_json::from_str(DEV_USERS).expect("server/dev-users.json");
    let found = users.iter().find(|u| u["name"] == name);
    let found = found.unwrap_or_else(|| panic!("no user {name} in server/dev-users.json"));
    found["password"].as_str().expect("a password").to_owned()
}

/// A request as the server admin, to a path under the server's root.
pub async fn as_admin(method: &str, path: &str, body: Option<Value>) -> JsonReply {
    let url = format!("{}/{path}", server());
    let auth = Auth::Basic(admin());
    let reply = json_request(method, &url, body.as_ref(), &auth, ADMIN_TIMEOUT).await;
    reply.unwrap_or_else(|e| panic!("{method} {url}: {e:?}{}", hint(&e)))
}

/// A request as `auth` to a URL.
pub async fn request(method: &str, url: &str, body: Option<Value>, auth: &Auth) -> JsonReply {
    let reply = json_request(method, url, body.as_ref(), auth, ADMIN_TIMEOUT).await;
    reply.unwrap_or_else(|e| panic!("{method} {url}: {e:?}{}", hint(&e)))
}

fn hint(e: &RemoteError) -> &'static str {
    match e {
        RemoteError::Network(_) => {
            " (is the server running, and does its CORS allow this page's origin? scripts/test.sh \
             fixes the page's address with WASM_BINDGEN_TEST_ADDRESS and starts the server with \
             APP_ORIGIN set to it)"
        }
        _ => "",
    }
}

/// A database of its own for one test; [`TestDb::delete`] removes it.
pub struct TestDb {
    pub name: String,
    pub url: String,
}

impl TestDb {
    /// A new empty database, readable and writable by the server admin only.
    pub async fn create(label: &str) -> Self {
        let name = format!("test-{label}-{}", uuid::Uuid::now_v7());
        let reply = as_admin("PUT", &name, None).await;
        assert_eq!(reply.status, 201, "create {name}: {:?}", reply.body);
        let url = format!("{}/{name}", server());
        Self { name, url }
    }

    /// A new database with the rules of the one server/setup.mjs prepared: the same
    /// `_security` (members by Cartera role) and `validate_doc_update`.
    pub async fn with_cartera_rules(label: &str) -> Self {
        let db = Self::create(label).await;
        let security = as_admin("GET", &format!("{SETUP_DB}/_security"), None).await;
        let design = as_admin("GET", &format!("{SETUP_DB}/_design/cartera"), None).await;
        assert_eq!(
            (security.status, design.status),
            (200, 200),
            "the `{SETUP_DB}` database is not set up: run server/setup.mjs --users \
             server/dev-users.json against the test server first"
        );
        let put = as_admin(
            "PUT",
            &format!("{}/_security", db.name),
            Some(security.body),
        )
        .await;
        assert_eq!(put.status, 200, "_security: {:?}", put.body);
        let mut design = design.body;
        if let Some(m) = design.as_object_mut() {
            m.remove("_rev");
        }
        let path = format!("{}/_design/cartera", db.name);
        let put = as_admin("PUT", &path, Some(design)).await;
        assert_eq!(put.status, 201, "design doc: {:?}", put.body);
        db
    }

    pub fn doc_url(&self, id: &str) -> String {
        format!("{}/{id}", self.url)
    }

    /// Writes documents as the admin (`new_edits=true`); returns each id's new revision.
    pub async fn save(&self, docs: Vec<Value>) -> BTreeMap<String, Rev> {
        let body = json!({ "docs": docs });
        let reply = as_admin("POST", &format!("{}/_bulk_docs", self.name), Some(body)).await;
        assert_eq!(reply.status, 201, "_bulk_docs: {:?}", reply.body);
        let rows = reply.body.as_array().expect("rows").clone();
        rows.into_iter()
            .map(|row| {
                assert!(row.get("error").is_none(), "refused: {row}");
                let id = row["id"].as_str().expect("id").to_owned();
                (id, row["rev"].as_str().expect("rev").parse().expect("rev"))
            })
            .collect()
    }

    /// Writes any number of documents, 1000 per request.
    pub async fn save_all(&self, docs: Vec<Value>) -> BTreeMap<String, Rev> {
        let mut revs = BTreeMap::new();
        let mut docs = docs.into_iter().peekable();
        while docs.peek().is_some() {
            revs.extend(self.save(docs.by_ref().take(1000).collect()).await);
        }
        revs
    }

    /// Seeds `n` contacts, edits every 10th again and deletes every 100th (from the 5th), so
    /// histories longer than one revision and tombstones travel too. Returns the edited ids.
    pub async fn seed_contacts(&self, n: usize) -> Vec<String> {
        let docs = (0..n).map(|i| contact(&format!("contact-{i:05}"), "ana", i));
        let revs = self.save_all(docs.collect()).await;
        let mut again = Vec::new();
        let mut edited = Vec::new();
        for (i, (id, rev)) in revs.iter().enumerate() {
            if i % 100 == 5 {
                again.push(json!({"_id": id, "_rev": rev.to_string(), "_deleted": true}));
            } else if i % 10 == 0 {
                let mut doc = contact(id, "ana", i);
                doc["_rev"] = json!(rev.to_string());
                doc["notes"] = json!("llamar el lunes");
                again.push(doc);
                edited.push(id.clone());
            }
        }
        self.save_all(again).await;
        edited
    }

    /// `id` on the server: its winning revision and all its leaves.
    pub async fn leaves(&self, id: &str) -> (Rev, BTreeSet<Rev>) {
        let url = format!("{}?conflicts=true", self.doc_url(id));
        let doc = request("GET", &url, None, &Auth::Basic(admin())).await.body;
        let rev = |v: &Value| v.as_str().expect("rev").parse::<Rev>().expect("rev");
        let winner = rev(&doc["_rev"]);
        let conflicts = doc["_conflicts"].as_array().cloned().unwrap_or_default();
        let mut leaves: BTreeSet<Rev> = conflicts.iter().map(rev).collect();
        leaves.insert(winner.clone());
        (winner, leaves)
    }

    pub async fn delete(self) {
        as_admin("DELETE", &self.name, None).await;
    }
}

/// A valid Cartera contact owned by `owner` (validate_doc_update checks the shape).
pub fn contact(id: &str, owner: &str, n: usize) -> Value {
    json!({
        "_id": id,
        "type": "contact",
        "owner": owner,
        "created_at": "2026-11-26T10:00:00Z",
        "created_by": owner,
        "updated_at": "2026-11-26T10:00:00Z",
        "updated_by": owner,
        "given_name": "Lucía",
        "family_name": format!("Pérez {n}"),
        "emails": [format!("lucia{n}@example.com")],
        "phones": ["+34612345678"],
        "notes": "",
    })
}

/// The body of a document as a local edit takes it (no `_id`).
pub fn body(mut doc: Value) -> Body {
    if let Some(m) = doc.as_object_mut() {
        m.retain(|k, _| !k.starts_with('_'));
    }
    match doc {
        Value::Object(m) => m,
        _ => Body::new(),
    }
}

/// `id` in a local store: its winning revision and all its (live) leaves.
pub async fn local_leaves(store: &IdbStore, id: &str) -> (Rev, BTreeSet<Rev>) {
    let docs = store.get_conflicts(id).await.expect("local conflicts");
    let winner = docs
        .first()
        .map(|d| d.rev.clone())
        .expect("a live document");
    (winner, docs.into_iter().map(|d| d.rev).collect())
}

/// A fresh IndexedDB store and its name.
pub async fn fresh_store(label: &str) -> (IdbStore, String) {
    let name = format!("sync-{label}-{}", uuid::Uuid::now_v7());
    (IdbStore::open(&name).await.expect("open store"), name)
}

pub async fn drop_store(store: IdbStore, name: &str) {
    drop(store);
    delete_database(name).await.expect("delete store");
}

/// A replication from `source` to `target` with a new session, as the app starts one.
pub fn replication(source: &str, target: &str) -> Replication {
    Replication::new(
        replication_id(source, target, None),
        uuid::Uuid::now_v7().to_string(),
    )
}

/// Everything replication must carry, per document: its leaves, whether the winner is a
/// deletion, and (for live documents) the winning revision and its body.
#[derive(Debug, PartialEq)]
pub struct Snapshot {
    pub leaves: BTreeMap<String, (BTreeSet<Rev>, bool)>,
    pub live: BTreeMap<String, (Rev, Body)>,
}

impl Snapshot {
    /// The server's view (design documents left out: they never travel).
    pub async fn of_server(db: &TestDb) -> Self {
        let path = format!("{}/_changes?style=all_docs", db.name);
        let changes = as_admin("GET", &path, None).await.body;
        let rows = changes["results"].as_array().expect("results");
        let leaves = rows
            .iter()
            .filter(|r| !r["id"].as_str().unwrap_or("_").starts_with('_'))
            .map(|r| {
                let revs = r["changes"].as_array().expect("changes").iter();
                let revs = revs.map(|c| c["rev"].as_str().expect("rev").parse().expect("rev"));
                let deleted = r["deleted"].as_bool().unwrap_or(false);
                (
                    r["id"].as_str().expect("id").to_owned(),
                    (revs.collect(), deleted),
                )
            })
            .collect();
        let path = format!("{}/_all_docs?include_docs=true", db.name);
        let all = as_admin("GET", &path, None).await.body;
        let live = all["rows"]
            .as_array()
            .expect("rows")
            .iter()
            .filter(|r| !r["id"].as_str().unwrap_or("_").starts_with('_'))
            .map(|r| {
                let doc = Doc::from_json(r["doc"].clone()).expect("doc");
                (doc.id, (doc.rev, doc.body))
            })
            .collect();
        Self { leaves, live }
    }

    pub async fn of_store(store: &IdbStore) -> Self {
        let changes = store.changes(0, usize::MAX).await.expect("changes");
        let leaves = changes
            .results
            .into_iter()
            .map(|c| (c.id, (c.leaves.into_iter().collect(), c.deleted)))
            .collect();
        let all = store.all_docs(&IdRange::default()).await.expect("all_docs");
        let live = all.into_iter().map(|d| (d.id, (d.rev, d.body))).collect();
        Self { leaves, live }
    }

    /// Asserts both sides hold the same documents, naming the first that differs.
    pub fn assert_same_as(&self, other: &Self, what: &str) {
        assert_eq!(
            self.leaves.len(),
            other.leaves.len(),
            "{what}: document count"
        );
        for (id, mine) in &self.leaves {
            assert_eq!(Some(mine), other.leaves.get(id), "{what}: leaves of {id}");
        }
        assert_eq!(
            self.live.len(),
            other.live.len(),
            "{what}: live document count"
        );
        for (id, mine) in &self.live {
            assert_eq!(Some(mine), other.live.get(id), "{what}: winner of {id}");
        }
    }

    /// Every document has exactly one leaf: no replication created a conflict.
    pub fn assert_no_conflicts(&self, what: &str) {
        let forked = self.leaves.iter().find(|(_, (revs, _))| revs.len() != 1);
        assert!(forked.is_none(), "{what}: {forked:?}");
    }
}

pub fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}
