//! "New version available — Reload", shown when a new service worker is waiting.

use leptos::prelude::*;

use crate::i18n::{Shell as Msg, expect_i18n};
use crate::state::expect_app_update;

#[component]
pub fn UpdatePrompt() -> impl IntoView {
    let i18n = expect_i18n();
    let update = expect_app_update();
    view! {
        <Show when=move || update.ready()>
            <div class="update-banner" role="status">
                <span>{i18n.signal(Msg::UpdateAvailable)}</span>
                <button type="button" class="btn btn-primary" on:click=move |_| update.apply()>
                    {i18n.signal(Msg::Reload)}
                </button>
            </div>
        </Show>
    }
}
