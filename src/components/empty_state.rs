//! What a list shows when it has nothing to show: a title, a hint and the actions to take.

use leptos::prelude::*;

/// An empty-state panel; `children` are the calls to action (links or buttons).
#[component]
pub fn EmptyState(
    #[prop(into)] title: Signal<String>,
    #[prop(into)] hint: Signal<String>,
    children: Children,
) -> impl IntoView {
    view! {
        <section class="empty-state" role="status">
            <h2 class="empty-state-title">{title}</h2>
            <p class="empty-state-hint">{hint}</p>
            <div class="empty-state-actions">{children()}</div>
        </section>
    }
}
