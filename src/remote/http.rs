//! One HTTP request over the browser's `fetch`, as a future: its own timeout (an
//! `AbortController`), credentials as the [`Auth`] says, and browser failures as
//! [`RemoteError`]s (a `TypeError` is the network, an abort is the timeout).
//!
//! Dropping the future aborts the request, so a cancelled sync leaves nothing running.

use std::time::Duration;

use cartera_core::sync::RemoteError;
use gloo_timers::callback::Timeout;
use js_sys::{Promise, Uint8Array};
use serde::de::DeserializeOwned;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    AbortController, DomException, Headers, Request, RequestCache, RequestCredentials, RequestInit,
    RequestMode, Response,
};

use super::wire;

#[wasm_bindgen]
extern "C" {
    /// The global `fetch` (a window's or a worker's).
    #[wasm_bindgen(js_name = fetch)]
    fn fetch_request(request: &Request) -> Promise;
}

/// How requests authenticate.
#[derive(Clone, Debug, Default)]
pub enum Auth {
    /// No credentials: the server sees an anonymous user.
    #[default]
    Anonymous,
    /// HTTP Basic on every request, from credentials held in memory only.
    Basic(Credentials),
    /// The session cookie set by [`super::login`], sent with `credentials: 'include'` (the page
    /// and the server must be on the same site, and the server's CORS must allow credentials).
    Cookie,
}

/// A user name and password, for [`Auth::Basic`]. Kept in memory only and never printed.
#[derive(Clone)]
pub struct Credentials {
    user: String,
    /// `Basic base64(user:password)`.
    header: String,
}

impl Credentials {
    pub fn new(user: &str, password: &str) -> Self {
        Self {
            user: user.to_owned(),
            header: format!("Basic {}", base64(format!("{user}:{password}").as_bytes())),
        }
    }

    pub fn user(&self) -> &str {
        &self.user
    }
}

impl std::fmt::Debug for Credentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Credentials")
            .field("user", &self.user)
            .field("password", &"…")
            .finish()
    }
}

/// A request to send.
pub(crate) struct Call<'a> {
    pub method: &'a str,
    pub url: &'a str,
    /// JSON text.
    pub body: Option<&'a str>,
    pub auth: &'a Auth,
    pub timeout: Duration,
}

/// A response, whatever its status, with its whole body.
#[derive(Debug)]
pub(crate) struct Reply {
    pub status: u16,
    pub body: Vec<u8>,
}

impl Reply {
    pub fn is_success(&self) -> bool {
        (200..300).contains(&self.status)
    }

    /// The body parsed as `T` (see [`wire::decode`]).
    pub fn json<T: DeserializeOwned>(&self) -> Result<T, RemoteError> {
        wire::decode(&self.body)
    }

    /// The error this status stands for, with the body's reason.
    pub fn error(&self) -> RemoteError {
        RemoteError::from_status(self.status, wire::reason(&self.body))
    }

    /// The body parsed by `parse` when the status is a success, else the status's error.
    pub fn parse<T>(
        self,
        parse: impl FnOnce(&[u8]) -> Result<T, RemoteError>,
    ) -> Result<T, RemoteError> {
        if self.is_success() {
            parse(&self.body)
        } else {
            Err(self.error())
        }
    }
}

/// Aborts its request when dropped: a timeout, or the caller dropping the future. Aborting a
/// request that already finished does nothing.
struct AbortOnDrop(AbortController);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// Sends `call` and reads the whole response, within `call.timeout`.
pub(crate) async fn send(call: Call<'_>) -> Result<Reply, RemoteError> {
    let controller = AbortController::new().map_err(|e| failure(&e))?;
    let request = build(&call, &controller)?;
    let abort = AbortOnDrop(controller);
    let millis = u32::try_from(call.timeout.as_millis()).unwrap_or(u32::MAX);
    let on_timeout = abort.0.clone();
    let _timer = Timeout::new(millis, move || on_timeout.abort());

    let response: Response = JsFuture::from(fetch_request(&request))
        .await
        .map_err(|e| failure(&e))?
        .dyn_into()
        .map_err(|_| RemoteError::Network("fetch did not give a Response".into()))?;
    let status = response.status();
    let buffer = response.array_buffer().map_err(|e| failure(&e))?;
    let buffer = JsFuture::from(buffer).await.map_err(|e| failure(&e))?;
    let body = Uint8Array::new(&buffer).to_vec();
    Ok(Reply { status, body })
}

fn build(call: &Call<'_>, controller: &AbortController) -> Result<Request, RemoteError> {
    let init = RequestInit::new();
    init.set_method(call.method);
    init.set_mode(RequestMode::Cors);
    // Replication must see the server as it is now; a cached `_local` or `_changes` would lie.
    init.set_cache(RequestCache::NoStore);
    init.set_credentials(match call.auth {
        Auth::Cookie => RequestCredentials::Include,
        Auth::Anonymous | Auth::Basic(_) => RequestCredentials::Omit,
    });
    init.set_signal(Some(&controller.signal()));
    let headers = Headers::new().map_err(|e| failure(&e))?;
    let set = |name: &str, value: &str| headers.set(name, value).map_err(|e| failure(&e));
    set("Accept", "application/json")?;
    if let Some(body) = call.body {
        set("Content-Type", "application/json")?;
        init.set_body(&JsValue::from_str(body));
    }
    if let Auth::Basic(credentials) = call.auth {
        set("Authorization", &credentials.header)?;
    }
    init.set_headers(&headers);
    Request::new_with_str_and_init(call.url, &init).map_err(|e| failure(&e))
}

/// What a rejected `fetch` (or body read) means: an abort is our timeout; anything else
/// (`TypeError: Failed to fetch`: offline, refused, reset, CORS) is the network.
fn failure(e: &JsValue) -> RemoteError {
    if let Some(d) = e.dyn_ref::<DomException>() {
        return match d.name().as_str() {
            "AbortError" | "TimeoutError" => RemoteError::Timeout,
            name => RemoteError::Network(wire::short(format!("{name}: {}", d.message()))),
        };
    }
    if let Some(err) = e.dyn_ref::<js_sys::Error>() {
        let name = String::from(err.name());
        if name == "AbortError" {
            return RemoteError::Timeout;
        }
        return RemoteError::Network(wire::short(format!("{name}: {}", err.message())));
    }
    RemoteError::Network(wire::short(
        e.as_string().unwrap_or_else(|| "fetch failed".into()),
    ))
}

/// Standard base64 with padding (RFC 4648), for the Basic header.
pub(crate) fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | (u32::from(*b) << (16 - 8 * i)));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}
