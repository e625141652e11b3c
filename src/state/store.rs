//! The document store in context: opened once at startup; pages render only once it is open.

use std::ops::Deref;
use std::sync::Arc;

use cartera_core::store::StoreError;
use leptos::prelude::*;
use send_wrapper::SendWrapper;

/// The store the app runs on: the IndexedDB `DocStore`.
pub type Db = crate::idb::IdbStore;

/// The open store. Cheap to clone; clone it into `async move` blocks. Derefs to [`Db`], so
/// every `DocStore` method is at hand: `store.get(id).await`.
#[derive(Clone)]
pub struct Store(SendWrapper<Db>);

impl Store {
    /// Wraps an open store (the app opens it through [`provide_store_status`]; tests directly).
    pub fn new(db: Db) -> Self {
        Self(SendWrapper::new(db))
    }
}

impl Deref for Store {
    type Target = Db;
    fn deref(&self) -> &Db {
        &self.0
    }
}

/// Where opening the store stands.
#[derive(Clone)]
pub enum StoreStatus {
    Opening,
    Ready(Store),
    Failed(Arc<StoreError>),
}

/// Whether the browser keeps this site's data under storage pressure; `None` until known.
#[derive(Clone, Copy, Debug)]
pub struct Persistence(RwSignal<Option<bool>>);

impl Persistence {
    /// Reactive.
    pub fn get(&self) -> Option<bool> {
        self.0.get()
    }
}

/// Opens the store in the background and provides its status; `App` shows a loading state,
/// the error screen, or the routes (with the [`Store`] in context) accordingly. Also asks the
/// browser, once, to make storage persistent.
pub fn provide_store_status() -> RwSignal<StoreStatus> {
    let status = RwSignal::new(StoreStatus::Opening);
    provide_context(status);
    open_into(status);
    let persistence = Persistence(RwSignal::new(None));
    provide_context(persistence);
    leptos::task::spawn_local(async move {
        let granted = crate::idb::request_persistent_storage().await;
        persistence.0.try_set(Some(granted));
    });
    status
}

/// Panics only when the app root did not provide it (a programming error).
pub fn expect_persistence() -> Persistence {
    expect_context::<Persistence>()
}

/// Opens (again) and reports into `status`.
pub fn open_into(status: RwSignal<StoreStatus>) {
    status.set(StoreStatus::Opening);
    leptos::task::spawn_local(async move {
        let next = match Db::open(crate::idb::DEFAULT_DB_NAME).await {
            Ok(db) => StoreStatus::Ready(Store::new(db)),
            Err(e) => StoreStatus::Failed(Arc::new(e)),
        };
        status.try_set(next);
    });
}

/// The open store. Only pages and components rendered under the app's routes may call it
/// (they render once the store is open); panics elsewhere, a programming error.
pub fn expect_store() -> Store {
    expect_context::<Store>()
}
