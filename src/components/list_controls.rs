//! The controls above a record list: search, order, and the tag and owner filters.

use leptos::prelude::*;

use crate::components::search_box::SearchBox;
use crate::i18n::{Kind, Records, expect_i18n};
use crate::state::records::{ListFilter, SortBy};

/// Focuses the first row of the list on the page (ArrowDown from the search field).
fn focus_first_row() {
    use wasm_bindgen::JsCast;
    let first = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(".vlist [data-row] a").ok().flatten())
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(el) = first {
        let _ = el.focus();
    }
}

/// A compact labelled `<select>` of the filter bar.
#[component]
fn FilterSelect(
    id: &'static str,
    #[prop(into)] label: Signal<String>,
    /// `(value, text)`; the empty value means "no filter".
    #[prop(into)]
    options: Signal<Vec<(String, String)>>,
    #[prop(into)] value: Signal<String>,
    #[prop(into)] on_change: Callback<String>,
) -> impl IntoView {
    view! {
        <div class="filter">
            <label class="filter-label" for=id>{label}</label>
            <select
                id=id
                class="filter-select"
                on:change:target=move |ev| on_change.run(ev.target().value())
            >
                {move || {
                    let current = value.get();
                    options
                        .get()
                        .into_iter()
                        .map(|(v, text)| {
                            let selected = v == current;
                            view! { <option value=v selected=selected>{text}</option> }
                        })
                        .collect_view()
                }}
            </select>
        </div>
    }
}

/// Search field and filter bar bound to `filter`. `me` is the current user's owner stamp.
#[component]
pub fn ListControls(
    kind: Kind,
    filter: RwSignal<ListFilter>,
    #[prop(into)] tags: Signal<Vec<String>>,
    #[prop(into)] owners: Signal<Vec<String>>,
    me: String,
) -> impl IntoView {
    let i18n = expect_i18n();
    let t = move |m: Records| i18n.t(m);
    let sort_options = Signal::derive(move || {
        vec![
            (SortBy::Name.key().to_owned(), t(Records::SortByName)),
            (SortBy::Recent.key().to_owned(), t(Records::SortByRecent)),
        ]
    });
    let tag_options = Signal::derive(move || {
        let mut o = vec![(String::new(), t(Records::AnyTag))];
        o.extend(tags.get().into_iter().map(|tag| (tag.clone(), tag)));
        o
    });
    let me_for_options = me.clone();
    let owner_options = Signal::derive(move || {
        let mut o = vec![
            (String::new(), t(Records::AnyOwner)),
            (me_for_options.clone(), t(Records::OwnerMine)),
        ];
        let others = owners.get().into_iter().filter(|w| *w != me_for_options);
        o.extend(others.map(|w| (w.clone(), super::record_meta::user_label(&w))));
        o
    });
    view! {
        <div class="list-controls">
            <SearchBox
                label=Signal::derive(move || t(Records::Search(kind)))
                value=Signal::derive(move || filter.with(|f| f.query.clone()))
                on_input=move |q| filter.update(|f| f.query = q)
                on_arrow_down=move |()| focus_first_row()
            />
            <div class="filter-bar">
                <FilterSelect
                    id="list-sort"
                    label=Signal::derive(move || t(Records::SortLabel))
                    options=sort_options
                    value=Signal::derive(move || filter.with(|f| f.sort.key().to_owned()))
                    on_change=move |v: String| filter.update(|f| f.sort = SortBy::from_key(&v))
                />
                <FilterSelect
                    id="list-tag"
                    label=Signal::derive(move || t(Records::TagLabel))
                    options=tag_options
                    value=Signal::derive(move || filter.with(|f| f.tag.clone().unwrap_or_default()))
                    on_change=move |v: String| filter.update(|f| f.tag = (!v.is_empty()).then_some(v))
                />
                <FilterSelect
                    id="list-owner"
                    label=Signal::derive(move || t(Records::OwnerLabel))
                    options=owner_options
                    value=Signal::derive(move || filter.with(|f| f.owner.clone().unwrap_or_default()))
                    on_change=move |v: String| filter.update(|f| f.owner = (!v.is_empty()).then_some(v))
                />
            </div>
        </div>
    }
}
