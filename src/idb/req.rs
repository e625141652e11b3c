//! IndexedDB requests and transactions as futures, and browser errors as [`StoreError`]s.
//!
//! Requests wait on one JS promise each; a batch waits only on its last request, because
//! IndexedDB completes the requests of a transaction in the order they were placed, and an
//! earlier failure aborts the transaction, which fails the last request too.
//!
//! Futures resume in microtasks, which run while the transaction is still active, so a
//! continuation may place new requests in the same transaction.

use cartera_core::store::StoreError;
use js_sys::{Array, Function, Promise};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    DomException, IdbDatabase, IdbObjectStore, IdbRequest, IdbRequestReadyState, IdbTransaction,
    IdbTransactionMode,
};

/// Waits until `req` succeeds; its value is then in `req.result()`.
pub(crate) async fn wait(req: &IdbRequest) -> Result<(), StoreError> {
    if req.ready_state() == IdbRequestReadyState::Done {
        // Already settled: its events fired before anyone listened.
        return match req.error() {
            Ok(None) => Ok(()),
            _ => Err(request_error(req)),
        };
    }
    let promise = Promise::new(&mut |resolve: Function, reject: Function| {
        req.set_onsuccess(Some(&resolve));
        req.set_onerror(Some(&reject));
    });
    let outcome = JsFuture::from(promise).await;
    req.set_onsuccess(None);
    req.set_onerror(None);
    outcome.map(|_| ()).map_err(|_| request_error(req))
}

/// The value of a request once it succeeded.
pub(crate) async fn value(req: &IdbRequest) -> Result<JsValue, StoreError> {
    wait(req).await?;
    req.result().map_err(|e| js_error(&e))
}

/// Waits for every request of a batch placed in one transaction (see the module docs).
pub(crate) async fn wait_all(reqs: &[IdbRequest]) -> Result<(), StoreError> {
    match reqs.last() {
        Some(last) => wait(last).await,
        None => Ok(()),
    }
}

/// The value of a request that already completed (after [`wait_all`]).
pub(crate) fn done_value(req: &IdbRequest) -> Result<JsValue, StoreError> {
    req.result().map_err(|e| js_error(&e))
}

/// A readonly transaction over `stores`. It commits by itself once its requests are done.
pub(crate) fn read_tx(db: &IdbDatabase, stores: &[&str]) -> Result<IdbTransaction, StoreError> {
    db.transaction_with_str_sequence_and_mode(&names(stores), IdbTransactionMode::Readonly)
        .map_err(|e| tx_error(&e))
}

/// One object store of a transaction.
pub(crate) fn store(tx: &IdbTransaction, name: &str) -> Result<IdbObjectStore, StoreError> {
    tx.object_store(name).map_err(|e| js_error(&e))
}

/// A readwrite transaction that rolls back unless [`WriteTx::commit`] succeeds: dropping it
/// (an error with `?`, a cancelled future) aborts it, so a batch lands whole or not at all.
pub(crate) struct WriteTx {
    tx: IdbTransaction,
    /// Settles on `complete` (Ok) or `abort` (Err); created up front so no event is missed.
    done: Option<JsFuture>,
}

impl WriteTx {
    pub(crate) fn new(db: &IdbDatabase, stores: &[&str]) -> Result<Self, StoreError> {
        let tx = db
            .transaction_with_str_sequence_and_mode(&names(stores), IdbTransactionMode::Readwrite)
            .map_err(|e| tx_error(&e))?;
        let promise = Promise::new(&mut |resolve: Function, reject: Function| {
            tx.set_oncomplete(Some(&resolve));
            tx.set_onabort(Some(&reject));
        });
        Ok(Self {
            tx,
            done: Some(JsFuture::from(promise)),
        })
    }

    pub(crate) fn store(&self, name: &str) -> Result<IdbObjectStore, StoreError> {
        store(&self.tx, name)
    }

    /// Commits and waits until the data is written (`complete`), or reports why it was not.
    pub(crate) async fn commit(mut self) -> Result<(), StoreError> {
        let Some(done) = self.done.take() else {
            return Err(StoreError::Backend("transaction already finished".into()));
        };
        // `commit()` only speeds things up (the transaction would auto-commit anyway) and
        // throws if the transaction already aborted; the `done` future tells the outcome.
        // web-sys marks `commit()` deprecated, but it is standard (IndexedDB 3.0) and in every
        // current browser; where missing, the call fails and auto-commit does the job.
        #[allow(deprecated)]
        let _ = self.tx.commit();
        let outcome = done.await;
        self.tx.set_oncomplete(None);
        self.tx.set_onabort(None);
        outcome.map(|_| ()).map_err(|_| abort_reason(&self.tx))
    }
}

impl Drop for WriteTx {
    fn drop(&mut self) {
        if self.done.is_some() {
            // Throws only when the transaction already finished, which is what we want.
            let _ = self.tx.abort();
        }
    }
}

fn names(stores: &[&str]) -> Array {
    stores.iter().map(|s| JsValue::from_str(s)).collect()
}

/// Why a request failed: its own error, or the transaction's when it was aborted because
/// another request failed (or the browser aborted it, e.g. for quota).
fn request_error(req: &IdbRequest) -> StoreError {
    let own = req.error().ok().flatten();
    let is_abort = own.as_ref().is_none_or(|e| e.name() == "AbortError");
    if is_abort && let Some(tx_err) = req.transaction().and_then(|tx| tx.error()) {
        return dom_error(&tx_err);
    }
    match own {
        Some(e) => dom_error(&e),
        None => StoreError::Backend("request failed".into()),
    }
}

fn abort_reason(tx: &IdbTransaction) -> StoreError {
    match tx.error() {
        Some(e) => dom_error(&e),
        None => StoreError::Backend("transaction aborted".into()),
    }
}

/// Starting a transaction fails with `InvalidStateError` when the connection was closed,
/// e.g. because another tab upgraded or deleted the database.
fn tx_error(e: &JsValue) -> StoreError {
    match e.dyn_ref::<DomException>() {
        Some(d) if d.name() == "InvalidStateError" => {
            StoreError::Unavailable("the database connection is closed".into())
        }
        _ => js_error(e),
    }
}

/// A DOMException by name; the message is kept short for logs (the UI shows the variant).
pub(crate) fn dom_error(e: &DomException) -> StoreError {
    match e.name().as_str() {
        "QuotaExceededError" => StoreError::QuotaExceeded,
        "VersionError" => StoreError::VersionTooNew,
        name => StoreError::Backend(short(format!("{name}: {}", e.message()))),
    }
}

/// Any value a browser call threw.
pub(crate) fn js_error(e: &JsValue) -> StoreError {
    if let Some(d) = e.dyn_ref::<DomException>() {
        return dom_error(d);
    }
    if let Some(err) = e.dyn_ref::<js_sys::Error>() {
        return StoreError::Backend(short(String::from(err.message())));
    }
    StoreError::Backend(short(
        e.as_string().unwrap_or_else(|| "unknown error".into()),
    ))
}

fn short(mut s: String) -> String {
    const MAX: usize = 160;
    if s.len() > MAX {
        let cut = (0..=MAX)
            .rev()
            .find(|&i| s.is_char_boundary(i))
            .unwrap_or(0);
        s.truncate(cut);
        s.push('…');
    }
    s
}
