//! App services in context, each a typed `provide_x()` / `expect_x()` pair. `App` provides
//! them all; pages and components only call the `expect_*` functions.
//!
//! - **Store** — [`expect_store()`] → [`Store`], the open IndexedDB `DocStore` (derefs to it).
//!   Clone it into `async move` blocks. Pages render only once it is open.
//! - **Data version** — [`expect_data_version()`] → [`DataVersion`]. Call `version.track()`
//!   inside a resource fetcher so it refetches, and `version.bump()` after every write
//!   that succeeded:
//!   ```ignore
//!   let (store, version) = (expect_store(), expect_data_version());
//!   let contacts = state::resource(move || {
//!       version.track();
//!       let store = store.clone();
//!       async move { store.query(&Query::ByType { doc_type: "contact".into() }).await }
//!   });
//!   ```
//! - **Toasts** — [`expect_toasts()`] → [`Toasts`]: `toasts.show(text, None)`,
//!   `toasts.show_undo(text, move || …)`, `toasts.error(text)`, `toasts.store_error(&e)`,
//!   `toasts.write_error(&e)`. Texts are already translated (`i18n.t(msg)`).
//! - **Errors in words** — [`store_error_message`] / [`write_error_message`] map every
//!   `StoreError` / `WriteError` variant to an [`ErrorMsg`]; render `i18n.t(msg)`, never
//!   `e.to_string()`. `components::storage_error::StorageErrorView` renders one in a page;
//!   `components::storage_error::errors_fallback` is a ready `ErrorBoundary` fallback.
//! - **Current user** — [`expect_current_user()`] → [`CurrentUser`]: `id()` (stable, for
//!   `owner` fields), `name()` (reactive), `set_name()`.
//! - **App update** — [`expect_app_update()`] → [`AppUpdate`]: service worker registration
//!   and the "new version available" state (the shell shows the banner).
//! - **Storage** — [`expect_persistence()`] (was persistent storage granted at startup),
//!   [`storage_use()`], and the Settings tools [`export_all`], [`load_sample`],
//!   [`delete_all_data`].
//! - **Sales** — [`sales`]: deals, pipelines and quotas in memory (`expect_sales()`), deal
//!   writes (`save_deal`, `move_deal`, `delete_deal_with_undo`) and the default pipeline.
//! - **Reminders** — [`reminders`]: `expect_reminders()` → the Settings switch (`on()`,
//!   `set_on()`, `permission()`); the service notifies of due activities while the app is open.
//! - **Records cache** — [`records`] (the contacts & accounts screens' in-memory rows).
//! - **Sync** — [`expect_sync()`] → [`SyncService`]: `state()` (core's `SyncState`),
//!   `pending()`, `config()`, `refusal_for(id)`, `retry()`; the loop pushes after every
//!   `version.bump()` and bumps it after a pull. See [`sync`].
//! - **Locale** — `crate::i18n::expect_i18n()`.

pub mod activities;
pub mod agenda;
mod data_tools;
mod data_version;
mod erased;
pub mod geo;
pub mod leads;
pub mod records;
pub mod reminders;
pub mod sales;
mod service_worker;
mod store;
pub mod sync;
mod toast;
mod user;

use cartera_core::store::{StoreError, WriteError};

pub use data_tools::{StorageUse, delete_all_data, export_all, load_sample, storage_use};
pub use data_version::{DataVersion, expect_data_version, provide_data_version};
pub use erased::{Job, Res, effect, job, resource};
pub use service_worker::{AppUpdate, expect_app_update, provide_app_update};
pub use store::{
    Db, Persistence, Store, StoreStatus, expect_persistence, expect_store, open_into,
    provide_store_status,
};
pub use sync::{SyncService, expect_sync, provide_sync};
pub use toast::{Toast, ToastKind, Toasts, Undo, expect_toasts, provide_toasts};
pub use user::{CurrentUser, expect_current_user, forget_profile, provide_current_user};

pub use crate::i18n::ErrorMsg;

/// The translatable message for a storage failure (exhaustive over `StoreError`).
pub fn store_error_message(e: &StoreError) -> ErrorMsg {
    ErrorMsg::from(e)
}

/// The translatable message for a refused edit (exhaustive over `WriteError`).
pub fn write_error_message(e: &WriteError) -> ErrorMsg {
    ErrorMsg::from(e)
}

/// A service from context; when the app root has not provided it, `provide` installs it at the
/// root of the reactive tree, so it still outlives the pages (and loads once per session).
pub(crate) fn context_or_root<T: Clone + 'static>(provide: fn() -> T) -> T {
    use leptos::prelude::{Owner, use_context};
    if let Some(service) = use_context::<T>() {
        return service;
    }
    let mut root = Owner::current();
    while let Some(parent) = root.as_ref().and_then(Owner::parent) {
        root = Some(parent);
    }
    match root {
        Some(root) => root.with(provide),
        None => provide(),
    }
}
