//! Connecting the loop to a real server: signing in (cookie session, so no password is kept),
//! reconnecting at startup with the saved configuration, and signing out.

use crate::state::effect;
use cartera_core::sync::{Remote, RemoteError, SyncEvent};
use leptos::prelude::*;

use super::config::{DEFAULT_DB, SyncConfig, load_config};
use super::{SyncService, browser};
use crate::remote::{Auth, HttpRemote};
use crate::state::{Store, StoreStatus};

/// Why signing in failed, for the login page to translate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LoginError {
    /// 401: wrong name or password.
    WrongPassword,
    /// No answer: offline, wrong address, CORS.
    Unreachable,
    /// Anything else the server said.
    Refused,
    /// Signed in, but the account may not read the database (not a member: no Cartera role).
    NoAccess,
    /// The local store could not record the replication identity.
    Storage,
}

impl From<&RemoteError> for LoginError {
    fn from(e: &RemoteError) -> Self {
        match e {
            RemoteError::Unauthorized { .. } => Self::WrongPassword,
            RemoteError::Network(_) | RemoteError::Timeout => Self::Unreachable,
            _ => Self::Refused,
        }
    }
}

/// Signs in at `server` (a normalised base URL) and starts syncing as the user the server
/// names. The password goes to `POST /_session` only; the cookie signs later requests.
pub async fn sign_in(
    sync: SyncService,
    store: Store,
    server: &str,
    user: &str,
    password: &str,
) -> Result<SyncConfig, LoginError> {
    let session = crate::remote::login(server, user, password)
        .await
        .map_err(|e| LoginError::from(&e))?;
    let config = SyncConfig {
        server: server.to_owned(),
        db: DEFAULT_DB.to_owned(),
        user: session.name,
        roles: session.roles,
    };
    let remote = remote_for(&config)?;
    // A valid account is not enough: one that is not a member of the database reads nothing
    // (CouchDB answers 403, PouchDB Server 401, which the loop would call an expired session).
    // Other failures (offline again, no database) are the loop's to report.
    if let Err(RemoteError::Unauthorized { .. } | RemoteError::Forbidden { .. }) =
        remote.info().await
    {
        let _ = crate::remote::logout(server).await;
        return Err(LoginError::NoAccess);
    }
    connect_with(sync, store, remote, config.clone()).await?;
    Ok(config)
}

fn remote_for(config: &SyncConfig) -> Result<HttpRemote, LoginError> {
    HttpRemote::new(&config.db_url(), Auth::Cookie).map_err(|_| LoginError::Unreachable)
}

async fn connect_with(
    sync: SyncService,
    store: Store,
    remote: HttpRemote,
    config: SyncConfig,
) -> Result<(), LoginError> {
    sync.connect(store, remote, config)
        .await
        .map_err(|_| LoginError::Storage)
}

async fn connect_config(
    sync: SyncService,
    store: Store,
    config: SyncConfig,
) -> Result<(), LoginError> {
    connect_with(sync, store, remote_for(&config)?, config).await
}

/// Reconnects with the saved configuration once the store is open (the session cookie, when
/// still valid, signs the requests; an expired one shows "sign in again").
pub fn connect_when_open(sync: SyncService, status: RwSignal<StoreStatus>) {
    let done = StoredValue::new(false);
    effect(move || {
        let StoreStatus::Ready(store) = status.get() else {
            return;
        };
        let Some(config) = load_config() else {
            return;
        };
        if done.get_value() {
            return;
        }
        done.set_value(true);
        leptos::task::spawn_local(async move {
            let server = config.server.clone();
            if connect_config(sync, store, config).await.is_err() {
                sync.dispatch(SyncEvent::Failed(
                    cartera_core::sync::SyncErrorCode::StorageUnavailable,
                ));
                return;
            }
            refresh_roles(sync, &server).await;
        });
    });
}

/// Asks the server who this session is (`GET /_session`) and keeps the roles it names when they
/// changed: a rep made manager, or a device signed in before roles were kept, gets the team's
/// set-up without signing in again. Offline or signed out: nothing changes.
async fn refresh_roles(sync: SyncService, server: &str) {
    let Ok(Some(session)) = crate::remote::session(server).await else {
        return;
    };
    let Some(config) = load_config() else {
        return;
    };
    if session.name == config.user && session.roles != config.roles {
        let config = SyncConfig {
            roles: session.roles,
            ..config
        };
        super::config::save_config(Some(&config));
        sync.config.set(Some(config));
    }
}

/// Signs out: ends the server session (`DELETE /_session`; unreachable is fine, the cookie
/// then expires on its own) and stops syncing.
pub async fn sign_out(sync: SyncService) {
    if let Some(config) = sync.config.get_untracked()
        && browser::is_online()
    {
        let _ = crate::remote::logout(&config.server).await;
    }
    sync.disconnect();
}
