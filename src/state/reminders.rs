//! Reminders through the Notifications API, while the app is open.
//!
//! - **The switch** (Settings) is kept in localStorage. Turning it on asks the browser for
//!   permission (`Notification.requestPermission()`, from that user action only).
//! - **The check** runs every 30 s, when the data changes, when the switch or the permission
//!   changes and once the store is open: core's `due_reminders` picks the current user's
//!   activities due within `REMINDER_LEAD` (or overdue within `REMINDER_GRACE`) not reminded
//!   yet. Their keys (id + due time) are remembered in localStorage before anything is shown,
//!   so a reload or a second tab does not repeat them.
//! - **Showing**: with permission, through the service worker (`registration.showNotification`,
//!   since `new Notification` throws on Android Chrome) when one is active, else
//!   `new Notification`; without permission (blocked, not supported, dismissed) or when both
//!   throw, as an in-app toast.
//! - **Clicking** a notification opens the activity: `public/sw.js` focuses a window and posts
//!   `{type: "OPEN", url}`, handled here by an in-app navigation (or opens a new window).

use crate::state::effect;
use std::time::Duration;

use cartera_core::domain::sales::{
    ACTIVITY_TYPE, Activity, REMINDER_GRACE, REMINDER_LEAD, When, due_reminders, prune_reminded,
    reminder_key,
};
use chrono::Utc;
use js_sys::{Object, Reflect};
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Notification, NotificationOptions, NotificationPermission};

use super::activities::activity_href;
use super::leads::load_all;
use super::{AppUpdate, CurrentUser, DataVersion, StoreStatus, Toasts};
use crate::i18n::{ActivityMsg, I18n, fmt_datetime};

const ON_KEY: &str = "cartera.reminders";
const SHOWN_KEY: &str = "cartera.reminders.shown";
const CHECK_EVERY: Duration = Duration::from_secs(30);

/// What the browser allows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Permission {
    /// No Notifications API (or not in this context).
    Unsupported,
    /// Not decided yet: turning reminders on asks.
    Ask,
    Granted,
    /// Blocked by the user or the browser.
    Denied,
}

/// The reminders service, kept in context; `Copy`.
#[derive(Clone, Copy)]
pub struct Reminders {
    on: RwSignal<bool>,
    permission: RwSignal<Permission>,
    /// A permission prompt is open: checks wait for the answer.
    asking: StoredValue<bool>,
}

impl Reminders {
    /// Whether the user turned reminders on (for the switch's first state).
    pub fn on_untracked(&self) -> bool {
        self.on.get_untracked()
    }

    /// The browser's permission; reactive.
    pub fn permission(&self) -> Permission {
        self.permission.get()
    }

    /// Turns reminders on or off and remembers it; turning them on asks for permission when
    /// the browser has not been asked yet (call it from the user's action).
    pub fn set_on(self, on: bool) {
        if let Some(s) = local_storage() {
            // Not remembered (private mode): on for this session only.
            let _ = if on {
                s.set_item(ON_KEY, "on")
            } else {
                s.remove_item(ON_KEY)
            };
        }
        if on
            && permission() == Permission::Ask
            && let Ok(asked) = Notification::request_permission()
        {
            self.asking.set_value(true);
            leptos::task::spawn_local(async move {
                // `resolve`: old Safari answers through a callback and returns no promise.
                let _ = JsFuture::from(js_sys::Promise::resolve(&asked)).await;
                self.asking.set_value(false);
                self.permission.try_set(permission());
            });
        }
        self.on.set(on);
    }
}

/// Starts the service (the app root calls it once).
pub fn provide_reminders(
    status: RwSignal<StoreStatus>,
    version: DataVersion,
    toasts: Toasts,
    i18n: I18n,
    user: CurrentUser,
    app: AppUpdate,
) -> Reminders {
    let saved = local_storage().and_then(|s| s.get_item(ON_KEY).ok().flatten());
    let r = Reminders {
        on: RwSignal::new(saved.is_some()),
        permission: RwSignal::new(permission()),
        asking: StoredValue::new(false),
    };
    provide_context(r);
    let check = move || {
        let store = match status.get_untracked() {
            StoreStatus::Ready(store) => store,
            _ => return,
        };
        // Changed in the browser's settings meanwhile? (Set only on change: the effect below
        // tracks it.)
        let now_allowed = permission();
        if r.permission.get_untracked() != now_allowed {
            r.permission.set(now_allowed);
        }
        if !r.on.get_untracked() || r.asking.get_value() {
            return;
        }
        let granted = now_allowed == Permission::Granted;
        leptos::task::spawn_local(async move {
            let Ok(list) = load_all(&store, ACTIVITY_TYPE, Activity::from_doc).await else {
                return;
            };
            for a in take_due(&list, &user.id()) {
                show(i18n, toasts, app, &a, granted);
            }
        });
    };
    effect(move || {
        version.track();
        status.track();
        r.on.track();
        r.permission.track();
        check();
    });
    let _ = set_interval_with_handle(check, CHECK_EVERY);
    listen_for_clicks();
    r
}

/// Panics only when the app root did not provide it (a programming error).
pub fn expect_reminders() -> Reminders {
    expect_context::<Reminders>()
}

/// The reminders due now, marked as shown (synchronously: no other check can take them).
fn take_due(list: &[Activity], user: &str) -> Vec<Activity> {
    let now = Utc::now();
    let storage = local_storage();
    let saved = (storage.as_ref()).and_then(|s| s.get_item(SHOWN_KEY).ok().flatten());
    let mut shown: Vec<String> = saved.unwrap_or_default().lines().map(Into::into).collect();
    prune_reminded(&mut shown, now, REMINDER_GRACE);
    let due: Vec<Activity> = due_reminders(list, user, now, REMINDER_LEAD, REMINDER_GRACE, &shown)
        .into_iter()
        .cloned()
        .collect();
    shown.extend(due.iter().filter_map(reminder_key));
    if let Some(s) = storage {
        // Not remembered (private mode, full storage): a reload may remind again.
        let _ = s.set_item(SHOWN_KEY, &shown.join("\n"));
    }
    due
}

/// Shows one reminder: a notification when `granted` and the browser takes it, else a toast.
/// Through the service worker's registration when it is active (`new Notification` throws on
/// Android Chrome); `new Notification` otherwise. The registration is the one the app made at
/// startup (what `navigator.serviceWorker.ready` resolves to, without waiting forever where
/// there is no worker, e.g. plain http on a LAN).
fn show(i18n: I18n, toasts: Toasts, app: AppUpdate, a: &Activity, granted: bool) {
    let start = match a.when {
        Some(When::At { start, .. }) => start,
        _ => return,
    };
    let when = fmt_datetime(i18n.locale(), start);
    let url = activity_href(a);
    if granted {
        let opts = NotificationOptions::new();
        opts.set_body(&i18n.t(ActivityMsg::ReminderBody(a.kind, when.clone())));
        opts.set_tag(&reminder_key(a).unwrap_or_default());
        opts.set_icon("/icons/icon-192.png");
        let data = Object::new();
        let _ = Reflect::set(&data, &"url".into(), &JsValue::from_str(&url));
        opts.set_data(&data);
        let shown = match app.registration().filter(|r| r.active().is_some()) {
            Some(reg) => reg
                .show_notification_with_options(&a.subject, &opts)
                .is_ok(),
            None => directly(&a.subject, &opts, url).is_ok(),
        };
        if shown {
            return;
        }
    }
    toasts.show(i18n.t(ActivityMsg::Reminder(a.subject.clone(), when)), None);
}

/// `new Notification(...)`, opening the activity when clicked.
fn directly(title: &str, opts: &NotificationOptions, url: String) -> Result<(), JsValue> {
    let n = Notification::new_with_options(title, opts)?;
    let on_click = Closure::once_into_js(move || open_in_app(&url));
    n.set_onclick(Some(on_click.unchecked_ref()));
    Ok(())
}

/// Opens the service worker's "OPEN" messages (a clicked notification) in the app.
fn listen_for_clicks() {
    let Some(container) = worker_container() else {
        return;
    };
    let on_message = Closure::<dyn FnMut(JsValue)>::new(move |ev: JsValue| {
        let data = Reflect::get(&ev, &"data".into()).unwrap_or(JsValue::NULL);
        let field = |k: &str| {
            Reflect::get(&data, &k.into())
                .ok()
                .and_then(|v| v.as_string())
        };
        if field("type").as_deref() == Some("OPEN")
            && let Some(url) = field("url")
        {
            open_in_app(&url);
        }
    });
    // Setting `onmessage` also starts the page's message queue.
    container.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // Lives as long as the page.
    on_message.forget();
}

/// Focuses the window and routes to the app path `url` (the router follows `popstate`).
fn open_in_app(url: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let _ = window.focus();
    if url.starts_with('/') && !url.starts_with("//") {
        if let Ok(history) = window.history() {
            let _ = history.push_state_with_url(&JsValue::NULL, "", Some(url));
        }
        if let Ok(ev) = web_sys::Event::new("popstate") {
            let _ = window.dispatch_event(&ev);
        }
    }
}

/// The browser's notification permission now.
fn permission() -> Permission {
    let supported = web_sys::window()
        .is_some_and(|w| Reflect::has(&w, &"Notification".into()).unwrap_or(false));
    if !supported {
        return Permission::Unsupported;
    }
    match Notification::permission() {
        NotificationPermission::Granted => Permission::Granted,
        NotificationPermission::Denied => Permission::Denied,
        _ => Permission::Ask,
    }
}

fn worker_container() -> Option<web_sys::ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    // Absent in insecure contexts (plain http on a LAN address).
    Reflect::has(&navigator, &"serviceWorker".into())
        .unwrap_or(false)
        .then(|| navigator.service_worker())
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}
