//! The browser events that feed the sync loop: `online` / `offline`, the page becoming visible
//! again, and a periodic tick. They live as long as the app.

use std::time::Duration;

use cartera_core::sync::SyncEvent;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

use super::SyncService;

/// How often the loop looks for the server's changes while the app is open and idle.
const TICK: Duration = Duration::from_secs(60);

/// `navigator.onLine` (true when unknown).
pub fn is_online() -> bool {
    web_sys::window().is_none_or(|w| w.navigator().on_line())
}

/// A seed for the retry jitter, different on every device and start.
pub fn random_seed() -> u64 {
    (js_sys::Math::random() * (u64::MAX as f64)) as u64
}

/// `document.visibilityState == "visible"` (read by name: no web-sys feature needed).
fn page_visible() -> bool {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return true;
    };
    js_sys::Reflect::get(&doc, &"visibilityState".into())
        .ok()
        .and_then(|v| v.as_string())
        .is_none_or(|s| s == "visible")
}

/// Wires the events to `service` for the app's lifetime.
pub fn listen(service: SyncService) {
    let on = window_event_listener(leptos::ev::online, move |_| {
        service.dispatch(SyncEvent::Online);
    });
    let off = window_event_listener(leptos::ev::offline, move |_| {
        service.dispatch(SyncEvent::Offline);
    });
    // The page coming back (a phone unlocked, a tab selected): look for news at once.
    let visible = Closure::<dyn Fn()>::new(move || {
        if page_visible() && is_online() {
            service.dispatch(SyncEvent::Changed);
        }
    });
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        let _ = doc
            .add_event_listener_with_callback("visibilitychange", visible.as_ref().unchecked_ref());
    }
    // App-lifetime listener: the closure must outlive this function.
    visible.forget();
    let tick = set_interval_with_handle(
        move || {
            if page_visible() && is_online() {
                service.dispatch(SyncEvent::Changed);
            }
        },
        TICK,
    );
    on_cleanup(move || {
        on.remove();
        off.remove();
        if let Ok(handle) = tick {
            handle.clear();
        }
    });
}
