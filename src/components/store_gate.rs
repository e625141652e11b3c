//! Renders its children only once the store is open, with the `Store` in context; a
//! translated loading state before, and the storage problem screen if opening failed.

use leptos::context::Provider;
use leptos::prelude::*;

use crate::components::storage_error::StorageProblemScreen;
use crate::i18n::{Shell as Msg, expect_i18n};
use crate::state::StoreStatus;

#[component]
pub fn StoreGate(status: RwSignal<StoreStatus>, children: ChildrenFn) -> impl IntoView {
    let i18n = expect_i18n();
    move || match status.get() {
        StoreStatus::Opening => view! {
            <div class="loading" role="status" aria-live="polite">
                <span class="spinner" aria-hidden="true"></span>
                {i18n.signal(Msg::OpeningStorage)}
            </div>
        }
        .into_any(),
        StoreStatus::Failed(error) => view! { <StorageProblemScreen error/> }.into_any(),
        StoreStatus::Ready(store) => {
            let children = children.clone();
            view! { <Provider value=store>{children()}</Provider> }.into_any()
        }
    }
}
