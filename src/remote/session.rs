//! Cookie sessions (`/_session`): sign in once, then every request carries the server's
//! `AuthSession` cookie ([`Auth::Cookie`]) and no password stays in memory.
//!
//! `server` is the server's root URL (`http://127.0.0.1:5984`), not a database's.

use std::time::Duration;

use cartera_core::sync::RemoteError;
use serde::Deserialize;
use serde_json::json;

use super::http::{self, Auth, Call};
use super::wire;

/// How long a session request may take.
pub const SESSION_TIMEOUT: Duration = Duration::from_secs(30);

/// Who the server says is signed in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Session {
    pub name: String,
    pub roles: Vec<String>,
}

/// `POST /_session`: signs in; the browser keeps the session cookie. Wrong name or password is
/// [`RemoteError::Unauthorized`].
pub async fn login(server: &str, user: &str, password: &str) -> Result<Session, RemoteError> {
    #[derive(Deserialize)]
    struct LoggedIn {
        name: Option<String>,
        #[serde(default)]
        roles: Vec<String>,
    }
    let body = json!({ "name": user, "password": password }).to_string();
    let reply = call(server, "POST", Some(&body)).await?;
    let answer: LoggedIn = reply.parse(wire::decode)?;
    match answer.name {
        Some(name) => Ok(Session {
            name,
            roles: answer.roles,
        }),
        None => Err(RemoteError::UnexpectedResponse(
            "signed in without a user name".into(),
        )),
    }
}

/// `GET /_session`: who the session cookie belongs to; `None` when nobody is signed in (no
/// cookie, or it expired).
pub async fn session(server: &str) -> Result<Option<Session>, RemoteError> {
    #[derive(Deserialize)]
    struct Info {
        #[serde(rename = "userCtx")]
        user_ctx: UserCtx,
    }
    #[derive(Deserialize)]
    struct UserCtx {
        name: Option<String>,
        #[serde(default)]
        roles: Vec<String>,
    }
    let reply = call(server, "GET", None).await?;
    let info: Info = reply.parse(wire::decode)?;
    Ok(info.user_ctx.name.map(|name| Session {
        name,
        roles: info.user_ctx.roles,
    }))
}

/// `DELETE /_session`: signs out (the server clears the cookie).
pub async fn logout(server: &str) -> Result<(), RemoteError> {
    call(server, "DELETE", None).await?.parse(|_| Ok(()))
}

async fn call(server: &str, method: &str, body: Option<&str>) -> Result<http::Reply, RemoteError> {
    let url = format!("{}/_session", server.trim_end_matches('/'));
    http::send(Call {
        method,
        url: &url,
        body,
        auth: &Auth::Cookie,
        timeout: SESSION_TIMEOUT,
    })
    .await
}
