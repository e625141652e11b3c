//! Storage failures in words: an inline alert for a page, the full screen shown when the
//! store cannot be opened, and a fallback for `ErrorBoundary`.

use std::sync::Arc;

use cartera_core::store::StoreError;
use leptos::prelude::*;

use crate::i18n::{ErrorMsg, Shell as Msg, expect_i18n};

/// An inline alert with the translated message of a storage error.
#[component]
pub fn StorageErrorView(#[prop(into)] message: Signal<ErrorMsg>) -> impl IntoView {
    let i18n = expect_i18n();
    view! {
        <div class="alert alert-error" role="alert">
            <p>{move || i18n.t(message.get())}</p>
        </div>
    }
}

/// For `<ErrorBoundary fallback=errors_fallback>`: each error in words (a `StoreError` by
/// its variant, anything else as "something went wrong").
pub fn errors_fallback(errors: ArcRwSignal<Errors>) -> impl IntoView {
    let i18n = expect_i18n();
    let messages = move || {
        let mut msgs: Vec<ErrorMsg> = errors
            .read()
            .iter()
            .map(|(_, e)| {
                e.downcast_ref::<StoreError>()
                    .map_or(ErrorMsg::Unexpected, ErrorMsg::from)
            })
            .collect();
        msgs.dedup();
        msgs
    };
    view! {
        <div class="alert alert-error" role="alert">
            {move || {
                messages().into_iter().map(|m| view! { <p>{i18n.t(m)}</p> }).collect_view()
            }}
        </div>
    }
}

/// The whole-screen message when the store cannot be opened. Nothing saved is touched;
/// "Try again" reloads, which also picks up a newer app version (VersionTooNew).
#[component]
pub fn StorageProblemScreen(error: Arc<StoreError>) -> impl IntoView {
    let i18n = expect_i18n();
    let message = ErrorMsg::from(error.as_ref());
    let reload = |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    };
    view! {
        <section class="problem-screen" role="alert" aria-labelledby="problem-title">
            <svg class="problem-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                <ellipse cx="12" cy="5" rx="8" ry="3"></ellipse>
                <path d="M4 5v14c0 1.7 3.6 3 8 3s8-1.3 8-3V5M4 12c0 1.7 3.6 3 8 3s8-1.3 8-3"></path>
            </svg>
            <h1 id="problem-title">{i18n.signal(Msg::StorageProblemTitle)}</h1>
            <p>{i18n.signal(message)}</p>
            <p class="muted">{i18n.signal(Msg::StorageProblemHint)}</p>
            <button type="button" class="btn btn-primary" on:click=reload>
                {i18n.signal(Msg::TryAgain)}
            </button>
        </section>
    }
}
