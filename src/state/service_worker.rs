//! Service worker: registered at startup; when a new version is waiting, the shell offers
//! to reload. Reloading posts `{type: 'SKIP_WAITING'}` to the waiting worker and reloads
//! the page once the new worker takes control.

use std::time::Duration;

use js_sys::{Object, Reflect};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorkerContainer, ServiceWorkerRegistration};

const SCRIPT: &str = "/sw.js";
/// Reps keep the app open for days: look for a new version this often, not only on load.
const CHECK_EVERY: Duration = Duration::from_secs(30 * 60);

/// Whether a new version is waiting, and the way to switch to it.
#[derive(Clone, Copy)]
pub struct AppUpdate {
    ready: RwSignal<bool>,
    registration: StoredValue<Option<ServiceWorkerRegistration>, LocalStorage>,
}

impl AppUpdate {
    /// True when a new version is installed and waiting; reactive.
    pub fn ready(&self) -> bool {
        self.ready.get()
    }

    /// The app's service worker registration, once registered (`None` without service
    /// workers, or before).
    pub fn registration(&self) -> Option<ServiceWorkerRegistration> {
        self.registration.try_get_value().flatten()
    }

    /// Asks the waiting worker to take over; the page reloads on `controllerchange`.
    pub fn apply(&self) {
        let waiting = self
            .registration
            .try_get_value()
            .flatten()
            .and_then(|r| r.waiting());
        match waiting {
            Some(worker) => {
                let msg = Object::new();
                let _ = Reflect::set(&msg, &"type".into(), &"SKIP_WAITING".into());
                let _ = worker.post_message(&msg);
            }
            None => reload(),
        }
    }
}

/// Registers `/sw.js` (only over http(s); failures are ignored: the app works without it).
pub fn provide_app_update() -> AppUpdate {
    let update = AppUpdate {
        ready: RwSignal::new(false),
        registration: StoredValue::new_local(None),
    };
    provide_context(update);
    if let Some(container) = container() {
        leptos::task::spawn_local(register(container, update));
    }
    update
}

/// Panics only when the app root did not provide it (a programming error).
pub fn expect_app_update() -> AppUpdate {
    expect_context::<AppUpdate>()
}

fn container() -> Option<ServiceWorkerContainer> {
    let window = web_sys::window()?;
    let protocol = window.location().protocol().ok()?;
    if !protocol.starts_with("http") {
        return None;
    }
    let navigator = window.navigator();
    // Absent in insecure contexts (plain http on a LAN address).
    if !Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false) {
        return None;
    }
    Some(navigator.service_worker())
}

async fn register(container: ServiceWorkerContainer, update: AppUpdate) {
    let Ok(reg) = JsFuture::from(container.register(SCRIPT)).await else {
        return;
    };
    let Ok(reg) = reg.dyn_into::<ServiceWorkerRegistration>() else {
        return;
    };
    let has_controller = container.controller().is_some();
    reload_on_controller_change(&container, has_controller);
    update.registration.set_value(Some(reg.clone()));
    check_periodically(reg.clone());
    // A first install is not an update: only offer a reload when a worker already runs.
    if !has_controller {
        return;
    }
    if reg.waiting().is_some() {
        update.ready.set(true);
    }
    watch_for_updates(reg, update);
}

/// Flags `update.ready` when a newly found worker has installed and waits.
fn watch_for_updates(reg: ServiceWorkerRegistration, update: AppUpdate) {
    let reg_for_found = reg.clone();
    let on_found = Closure::<dyn FnMut()>::new(move || {
        let Some(installing) = reg_for_found.installing() else {
            return;
        };
        let reg = reg_for_found.clone();
        let on_state = Closure::<dyn FnMut()>::new(move || {
            if reg.waiting().is_some() {
                update.ready.try_set(true);
            }
        });
        installing.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
        // Lives as long as the worker: one per update, a few bytes.
        on_state.forget();
    });
    reg.set_onupdatefound(Some(on_found.as_ref().unchecked_ref()));
    on_found.forget();
}

fn check_periodically(reg: ServiceWorkerRegistration) {
    // The interval lives as long as the page.
    let _ = set_interval_with_handle(
        move || {
            if let Ok(promise) = reg.update() {
                // Offline the check fails; the next one will try again.
                leptos::task::spawn_local(async move {
                    let _ = JsFuture::from(promise).await;
                });
            }
        },
        CHECK_EVERY,
    );
}

fn reload_on_controller_change(container: &ServiceWorkerContainer, had_controller: bool) {
    if !had_controller {
        // The first worker claiming the page is not a new version: no reload.
        return;
    }
    let mut reloading = false;
    let on_change = Closure::<dyn FnMut()>::new(move || {
        if !reloading {
            reloading = true;
            reload();
        }
    });
    container.set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
    on_change.forget();
}

fn reload() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}
