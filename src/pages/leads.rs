//! `/leads`: every lead, best score first, searchable and filterable by status, source, owner
//! and minimum score, in the same virtualized list as contacts.

use crate::state::resource;
use cartera_core::sort;
use std::collections::HashMap;
use std::sync::Arc;

use cartera_core::domain::leads::Lead;
use leptos::prelude::*;

use crate::components::empty_state::EmptyState;
use crate::components::lead_filters::LeadFilters;
use crate::components::lead_score::ScoreBadge;
use crate::components::record_detail::{LoadFailed, PageLoading};
use crate::components::record_list::row_height;
use crate::components::record_meta::user_label;
use crate::components::virtual_list::VirtualList;
use crate::i18n::{Leads, Records, expect_i18n, status_text};
use crate::state::leads::{LeadFilter, expect_leads_ui, load_leads, visible_leads};
use crate::state::{expect_current_user, expect_data_version, expect_store};

pub use super::lead_capture::LeadCapturePage;
pub use super::lead_convert::LeadConvertPage;
pub use super::lead_detail::LeadDetailPage;

#[component]
pub fn LeadsPage() -> impl IntoView {
    let (store, version) = (expect_store(), expect_data_version());
    let leads = resource(move || {
        version.track();
        let store = store.clone();
        async move { load_leads(&store).await }
    });
    view! {
        <section class="page records-page">
            <Transition fallback=PageLoading>
                {move || Suspend::new(async move {
                    match leads.await {
                        Ok(loaded) => {
                            let list: Vec<Lead> = loaded.into_iter().map(|l| l.record).collect();
                            view! { <LeadList leads=Arc::new(list) /> }.into_any()
                        }
                        Err(msg) => view! { <LoadFailed msg /> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

/// Header, filters and rows of the loaded leads.
#[component]
fn LeadList(leads: Arc<Vec<Lead>>) -> impl IntoView {
    let i18n = expect_i18n();
    let ui = expect_leads_ui();
    let filter = ui.filter;
    let total = leads.len();
    let by_id: Arc<HashMap<String, Lead>> =
        Arc::new(leads.iter().map(|l| (l.id.clone(), l.clone())).collect());
    let mut owners: Vec<String> = leads.iter().map(|l| l.owner.clone()).collect();
    sort::sort(&mut owners);
    owners.dedup();
    let ids = {
        let leads = leads.clone();
        Memo::new(move |_| Arc::new(filter.with(|f| visible_leads(&leads, f))))
    };
    let count = move || {
        let shown = ids.with(|v| v.len());
        if filter.with(LeadFilter::narrows) {
            i18n.t(Leads::CountFiltered(shown, total))
        } else {
            i18n.t(Leads::Count(total))
        }
    };
    let row = move |_, id: String| lead_row(by_id.get(&id).cloned());
    let body = move || {
        if total == 0 {
            return empty().into_any();
        }
        if ids.with(|v| v.is_empty()) {
            return no_matches(filter).into_any();
        }
        view! {
            <VirtualList
                ids
                row_height=row_height()
                row=row.clone()
                label=i18n.signal(Leads::ListLabel)
                scroll_memory=ui.scroll
            />
        }
        .into_any()
    };
    view! {
        <header class="records-header">
            <h1>{i18n.signal(Leads::Title)}</h1>
            <p class="records-count" aria-live="polite">{count}</p>
            <a href="/leads/new" class="btn btn-primary btn-new">
                <span aria-hidden="true">"+ "</span>
                {i18n.signal(Leads::New)}
            </a>
        </header>
        <LeadFilters filter owners=Signal::derive(move || owners.clone()) me=expect_current_user().id() />
        {body}
    }
}

/// One lead's row: name, then company · status · owner, and the score.
fn lead_row(lead: Option<Lead>) -> impl IntoView {
    let i18n = expect_i18n();
    lead.map(|l| {
        let status = l.status;
        let (company, owner) = (l.company.clone(), user_label(&l.owner));
        let sub = move || {
            [
                company.clone(),
                status_text(status, i18n.locale()).to_owned(),
                owner.clone(),
            ]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" · ")
        };
        let title = l.display_name();
        view! {
            <a href=format!("/leads/{}", l.id) class="lead-row">
                <span class="lead-row-text">
                    <span class="lead-row-title">{title}</span>
                    <span class="lead-row-sub">{sub}</span>
                </span>
                <ScoreBadge total=l.score.total />
            </a>
        }
    })
}

fn empty() -> impl IntoView {
    let i18n = expect_i18n();
    view! {
        <EmptyState
            title=i18n.signal(Leads::EmptyTitle)
            hint=i18n.signal(Leads::EmptyHint)
        >
            <a href="/leads/new" class="btn btn-primary">{i18n.signal(Leads::CreateFirst)}</a>
        </EmptyState>
    }
}

fn no_matches(filter: RwSignal<LeadFilter>) -> impl IntoView {
    let i18n = expect_i18n();
    view! {
        <EmptyState
            title=i18n.signal(Leads::NoMatches)
            hint=i18n.signal(Records::NoMatchesHint)
        >
            <button type="button" class="btn" on:click=move |_| filter.set(LeadFilter::default())>
                {i18n.signal(Records::ClearFilters)}
            </button>
        </EmptyState>
    }
}
