//! The app frame: skip link, header, navigation, main landmark, update banner, toasts and
//! the keyboard shortcuts.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::nav::Nav;
use crate::components::shortcuts::use_shortcuts;
use crate::components::sync_status::SyncStatus;
use crate::components::toast::ToastHost;
use crate::components::update_prompt::UpdatePrompt;
use crate::i18n::{Common, Shell as Msg, expect_i18n};

#[component]
pub fn Shell(children: Children) -> impl IntoView {
    let i18n = expect_i18n();
    use_shortcuts();
    let online = online_signal();
    view! {
        <a class="skip-link" href="#main" on:click=skip_to_main>
            {i18n.signal(Msg::SkipToContent)}
        </a>
        <div class="app">
            <header class="app-header">
                <span class="brand">
                    <svg class="brand-mark" viewBox="0 0 24 24" aria-hidden="true">
                        <rect x="3" y="6" width="18" height="14" rx="3"></rect>
                        <path d="M8 6V4.5A1.5 1.5 0 0 1 9.5 3h5A1.5 1.5 0 0 1 16 4.5V6"></path>
                    </svg>
                    {i18n.signal(Common::AppName)}
                </span>
                <Show when=move || !online.get()>
                    <span class="offline-badge" role="status">{i18n.signal(Msg::Offline)}</span>
                </Show>
                <SyncStatus/>
            </header>
            <Nav/>
            <main id="main" class="app-main" tabindex="-1">
                {children()}
            </main>
        </div>
        <UpdatePrompt/>
        <ToastHost/>
    }
}

/// Moves focus into `<main>` (the router would only rewrite the URL for `#main`).
fn skip_to_main(ev: leptos::ev::MouseEvent) {
    ev.prevent_default();
    if let Some(main) = document()
        .get_element_by_id("main")
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = main.focus();
    }
}

/// `navigator.onLine`, kept current by the window's online/offline events.
fn online_signal() -> ReadSignal<bool> {
    let initial = web_sys::window().is_none_or(|w| w.navigator().on_line());
    let (online, set_online) = signal(initial);
    let on = window_event_listener(leptos::ev::online, move |_| set_online.set(true));
    let off = window_event_listener(leptos::ev::offline, move |_| set_online.set(false));
    on_cleanup(move || {
        on.remove();
        off.remove();
    });
    online
}
