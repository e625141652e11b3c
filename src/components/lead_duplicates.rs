//! The possible duplicates of a lead being saved: each with why it matched, a link to it,
//! "Merge" for leads, and "Save anyway" for all.

use cartera_core::domain::leads::{MatchKind, RecordKind};
use leptos::prelude::*;

use crate::i18n::{Leads, expect_i18n};

/// One record that looks like the new lead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DuplicateView {
    pub id: String,
    pub record: RecordKind,
    pub kind: MatchKind,
    pub name: String,
}

impl DuplicateView {
    fn href(&self) -> String {
        match self.record {
            RecordKind::Lead => format!("/leads/{}", self.id),
            RecordKind::Contact => format!("/contacts/{}", self.id),
        }
    }
}

/// The list of matches; `on_merge(id)` merges into lead `id`; `on_save_anyway` saves as new.
#[component]
pub fn LeadDuplicates(
    matches: Vec<DuplicateView>,
    #[prop(into)] on_merge: Callback<String>,
    #[prop(into)] on_save_anyway: Callback<()>,
    #[prop(into)] busy: Signal<bool>,
) -> impl IntoView {
    let i18n = expect_i18n();
    let n = matches.len();
    let rows = matches
        .into_iter()
        .map(|m| {
            let (href, id) = (m.href(), m.id.clone());
            let record = m.record;
            let what = move || match record {
                RecordKind::Lead => i18n.t(Leads::MatchLead),
                RecordKind::Contact => i18n.t(Leads::MatchContact),
            };
            let kind = m.kind;
            let merge = (record == RecordKind::Lead).then(|| {
                let name = m.name.clone();
                view! {
                    <button
                        type="button"
                        class="btn btn-primary"
                        disabled=busy
                        aria-label=move || format!("{} — {}", i18n.t(Leads::Merge), name)
                        on:click=move |_| on_merge.run(id.clone())
                    >
                        {i18n.signal(Leads::Merge)}
                    </button>
                }
            });
            view! {
                <li class="dup-item">
                    <div class="dup-text">
                        <a href=href>{m.name.clone()}</a>
                        <span class="dup-why">{what}" · "{i18n.signal(Leads::Match(kind))}</span>
                    </div>
                    {merge}
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="lead-duplicates" role="alert" aria-labelledby="dup-title">
            <h2 id="dup-title">{i18n.signal(Leads::DuplicatesTitle(n))}</h2>
            <p>{i18n.signal(Leads::DuplicatesHint)}</p>
            <ul class="dup-list">{rows}</ul>
            <button type="button" class="btn" disabled=busy on:click=move |_| on_save_anyway.run(())>
                {i18n.signal(Leads::SaveAnyway)}
            </button>
        </section>
    }
}
