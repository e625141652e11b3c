//! The search input at the top of a record list: filters as you type.

use leptos::{ev, prelude::*};

/// A search field whose accessible name is `label` (e.g. "Buscar contactos"). The shell's `/`
/// shortcut focuses it (`data-search`); ArrowDown calls `on_arrow_down` (move into results).
#[component]
pub fn SearchBox(
    /// The accessible name, also shown as the placeholder.
    #[prop(into)]
    label: Signal<String>,
    /// The current query.
    #[prop(into)]
    value: Signal<String>,
    /// Called on every keystroke with the new query.
    #[prop(into)]
    on_input: Callback<String>,
    /// Called when ArrowDown is pressed in the field.
    #[prop(optional, into)]
    on_arrow_down: Option<Callback<()>>,
) -> impl IntoView {
    let on_keydown = move |ev: ev::KeyboardEvent| {
        if ev.key() == "ArrowDown"
            && let Some(cb) = on_arrow_down
        {
            ev.prevent_default();
            cb.run(());
        }
    };
    view! {
        <div class="search-box">
            <svg class="search-box-icon" aria-hidden="true" viewBox="0 0 24 24" width="20" height="20">
                <circle cx="11" cy="11" r="7" fill="none" stroke="currentColor" stroke-width="2" />
                <path d="M16.5 16.5 21 21" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
            </svg>
            <input
                type="search"
                class="search-box-input"
                data-search=""
                aria-label=label
                placeholder=move || format!("{}…", label.get())
                autocomplete="off"
                spellcheck="false"
                enterkeyhint="search"
                prop:value=value
                on:input:target=move |ev| on_input.run(ev.target().value())
                on:keydown=on_keydown
            />
        </div>
    }
}
