//! The leads list's search field and filters: status, source, owner and minimum score.

use cartera_core::domain::leads::{LeadSource, LeadStatus};
use leptos::prelude::*;

use crate::components::record_meta::user_label;
use crate::components::search_box::SearchBox;
use crate::i18n::{Leads, Records, expect_i18n, source_text, status_text};
use crate::state::leads::LeadFilter;

/// Minimum scores offered by the filter.
const SCORE_STEPS: [i32; 4] = [10, 20, 30, 50];

/// A compact labelled `<select>`; `options` are `(value, text)`, "" meaning no filter.
#[component]
fn FilterSelect(
    id: &'static str,
    #[prop(into)] label: Signal<String>,
    #[prop(into)] options: Signal<Vec<(String, String)>>,
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

/// Search and filters bound to `filter`; `owners` are the owners present, `me` the user.
#[component]
pub fn LeadFilters(
    filter: RwSignal<LeadFilter>,
    #[prop(into)] owners: Signal<Vec<String>>,
    me: String,
) -> impl IntoView {
    let i18n = expect_i18n();
    let statuses = Signal::derive(move || {
        let mut o = vec![(String::new(), i18n.t(Leads::AnyStatus))];
        let l = i18n.locale();
        o.extend(LeadStatus::ALL.map(|s| (s.code().to_owned(), status_text(s, l).to_owned())));
        o
    });
    let sources = Signal::derive(move || {
        use LeadSource::*;
        let mut o = vec![(String::new(), i18n.t(Leads::AnySource))];
        let l = i18n.locale();
        o.extend([Web, Referral, Event, ColdCall, Other].map(|s| (s.code(), source_text(&s, l))));
        o
    });
    let owner_options = Signal::derive(move || {
        let mut o = vec![
            (String::new(), i18n.t(Records::AnyOwner)),
            (me.clone(), i18n.t(Records::OwnerMine)),
        ];
        let others = owners.get().into_iter().filter(|w| *w != me);
        o.extend(others.map(|w| (w.clone(), user_label(&w))));
        o
    });
    let scores = Signal::derive(move || {
        let mut o = vec![(String::new(), i18n.t(Leads::AnyScore))];
        o.extend(SCORE_STEPS.map(|n| (n.to_string(), format!("≥ {n}"))));
        o
    });
    let get = move |f: fn(&LeadFilter) -> String| Signal::derive(move || filter.with(f));
    view! {
        <div class="list-controls">
            <SearchBox
                label=i18n.signal(Leads::Search)
                value=get(|f| f.query.clone())
                on_input=move |q| filter.update(|f| f.query = q)
            />
            <div class="filter-bar">
                <FilterSelect id="lead-filter-status" label=i18n.signal(Leads::StatusLabel) options=statuses value=get(|f| f.status.clone()) on_change=move |v| filter.update(|f| f.status = v) />
                <FilterSelect id="lead-filter-source" label=i18n.signal(Leads::SourceLabel) options=sources value=get(|f| f.source.clone()) on_change=move |v| filter.update(|f| f.source = v) />
                <FilterSelect id="lead-filter-owner" label=i18n.signal(Leads::Owner) options=owner_options value=get(|f| f.owner.clone()) on_change=move |v| filter.update(|f| f.owner = v) />
                <FilterSelect id="lead-filter-score" label=i18n.signal(Leads::MinScoreLabel) options=scores value=get(|f| f.min_score.map(|n| n.to_string()).unwrap_or_default()) on_change=move |v: String| filter.update(|f| f.min_score = v.parse().ok()) />
            </div>
        </div>
    }
}
