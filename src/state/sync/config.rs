//! Where and as whom this device syncs: server URL, database, user name and the roles the
//! server gave at sign-in, kept in localStorage. Never the password: the server's session
//! cookie signs requests in.

use serde::{Deserialize, Serialize};

const CONFIG_KEY: &str = "cartera.sync";

/// The database Cartera uses unless told otherwise (server/setup.mjs `DEFAULT_DB`).
pub const DEFAULT_DB: &str = "cartera";

/// The sync server's port when the app has to guess it (CouchDB's and `scripts/sync-server.sh`'s).
const DEFAULT_PORT: u16 = 5984;

/// A configured sync target.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncConfig {
    /// The server's base URL, without credentials or trailing slash.
    pub server: String,
    pub db: String,
    pub user: String,
    /// The user's roles as `_session` answered at sign-in (`rep`, `manager`, `admin`, …); what
    /// the UI offers, never what it enforces (the server does). Empty in configurations saved
    /// before roles were kept: signing in again records them.
    #[serde(default)]
    pub roles: Vec<String>,
}

impl SyncConfig {
    /// The database URL: the remote side's identity in replication ids.
    pub fn db_url(&self) -> String {
        format!("{}/{}", self.server, self.db)
    }

    /// True when the server lets this user set up the team (pipelines, scoring and routing
    /// rules): a manager or an admin (server/design/validate_doc_update.cjs).
    pub fn configures_team(&self) -> bool {
        (self.roles.iter()).any(|r| matches!(r.as_str(), "manager" | "admin" | "_admin"))
    }
}

/// The saved configuration, if any.
pub fn load_config() -> Option<SyncConfig> {
    let text = local_storage()?.get_item(CONFIG_KEY).ok()??;
    serde_json::from_slice(text.as_bytes()).ok()
}

/// Remembers the configuration (or forgets it with `None`).
pub fn save_config(config: Option<&SyncConfig>) {
    let Some(storage) = local_storage() else {
        return;
    };
    // Not being able to remember it (private mode) only costs signing in again.
    let _ = match config.and_then(|c| serde_json::to_string(c).ok()) {
        Some(text) => storage.set_item(CONFIG_KEY, &text),
        None => storage.remove_item(CONFIG_KEY),
    };
}

/// Normalises what the user typed: trims, adds `http://` (`https://` off localhost) when no
/// scheme is given, and drops trailing slashes. `None` when it cannot be a server address.
pub fn normalize_server(input: &str) -> Option<String> {
    let trimmed = input.trim().trim_end_matches('/');
    if trimmed.is_empty() || trimmed.contains(char::is_whitespace) || trimmed.contains('@') {
        return None;
    }
    let with_scheme = if trimmed.starts_with("http://") || trimmed.starts_with("https://") {
        trimmed.to_owned()
    } else {
        let local = trimmed.starts_with("localhost") || trimmed.starts_with("127.");
        let scheme = if local { "http" } else { "https" };
        format!("{scheme}://{trimmed}")
    };
    let host = with_scheme.split("://").nth(1).unwrap_or_default();
    (!host.is_empty() && !host.starts_with(['/', ':'])).then_some(with_scheme)
}

/// The server to offer on the login page: the saved one, else
/// `<meta name="cartera-sync-url" content="…">` (which `scripts/serve.sh` can inject), else
/// this page's host on port 5984.
pub fn default_server() -> String {
    if let Some(config) = load_config() {
        return config.server;
    }
    if let Some(url) = meta_sync_url().and_then(|u| normalize_server(&u)) {
        return url;
    }
    let location = web_sys::window().map(|w| w.location());
    let protocol = location
        .as_ref()
        .and_then(|l| l.protocol().ok())
        .unwrap_or_else(|| "http:".into());
    let host = location
        .and_then(|l| l.hostname().ok())
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| "127.0.0.1".into());
    format!("{protocol}//{host}:{DEFAULT_PORT}")
}

fn meta_sync_url() -> Option<String> {
    let doc = web_sys::window()?.document()?;
    let meta = doc
        .query_selector("meta[name=\"cartera-sync-url\"]")
        .ok()??;
    meta.get_attribute("content")
        .filter(|c| !c.trim().is_empty())
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// Forgets the saved configuration (signing out does it through the service).
pub fn forget_config() {
    save_config(None);
}
