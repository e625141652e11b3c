//! Renders the toasts of `state::Toasts`: polite announcements, errors as alerts.

use crate::components::keyed::keyed;
use leptos::prelude::*;

use crate::i18n::{Common, Shell as Msg, expect_i18n};
use crate::state::{Toast, ToastKind, expect_toasts};

#[component]
pub fn ToastHost() -> impl IntoView {
    let i18n = expect_i18n();
    let toasts = expect_toasts();
    view! {
        <section class="toasts" aria-label=i18n.signal(Msg::Notifications) aria-live="polite">
            {keyed(
                move || toasts.items(),
                |t| t.id.to_string(),
                |toast| view! { <ToastView toast/> }.into_any(),
            )}
        </section>
    }
}

#[component]
fn ToastView(toast: Toast) -> impl IntoView {
    let i18n = expect_i18n();
    let toasts = expect_toasts();
    let id = toast.id;
    let is_error = toast.kind == ToastKind::Error;
    view! {
        <div class="toast" class:toast-error=is_error role=is_error.then_some("alert")>
            <p class="toast-text">{toast.text}</p>
            {toast.undo.is_some().then(|| view! {
                <button type="button" class="btn btn-text toast-undo" on:click=move |_| toasts.undo(id)>
                    {i18n.signal(Common::Undo)}
                </button>
            })}
            <button
                type="button"
                class="btn-icon toast-close"
                aria-label=i18n.signal(Msg::Dismiss)
                on:click=move |_| toasts.dismiss(id)
            >
                <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                    <path d="M6 6l12 12M18 6 6 18"></path>
                </svg>
            </button>
        </div>
    }
}
