//! `/deals`: every deal (open first, by expected close), filterable by status and rep, in a
//! virtualized list.

use cartera_core::sort;
use std::sync::Arc;

use cartera_core::domain::sales::{Deal, DealStatus};
use leptos::prelude::*;

pub use super::deal_detail::DealDetailPage;
pub use super::deal_form::DealFormPage;
use crate::components::deal_fields::owner_options;
use crate::components::record_detail::PageLoading;
use crate::components::virtual_list::VirtualList;
use crate::i18n::{SalesMsg, expect_i18n, fmt_date, fmt_money};
use crate::state::records::CacheStatus;
use crate::state::sales::{SalesCache, expect_sales, follow_sales, stage_label};
use crate::state::{expect_current_user, expect_store};

/// Row height in CSS pixels; `.deal-row` in style/sales.css matches it.
const ROW_HEIGHT: f64 = 64.0;

fn visible(deals: &[Deal], status: &str, owner: &str) -> Vec<String> {
    let mut v: Vec<&Deal> = (deals.iter())
        .filter(|d| status.is_empty() || d.status.code() == status)
        .filter(|d| owner.is_empty() || d.owner == owner)
        .collect();
    sort::sort_by(&mut v, |a, b| {
        (!a.is_open(), a.expected_close, &a.title).cmp(&(!b.is_open(), b.expected_close, &b.title))
    });
    v.into_iter().map(|d| d.id.clone()).collect()
}

#[component]
pub fn DealsPage() -> impl IntoView {
    let i18n = expect_i18n();
    let sales = expect_sales();
    follow_sales(sales, expect_store());
    let status = RwSignal::new(DealStatus::Open.code().to_owned());
    let owner = RwSignal::new(String::new());
    let ids = Memo::new_with_compare(
        move |_| {
            Arc::new(
                sales
                    .deals
                    .with(|d| visible(d, &status.get(), &owner.get())),
            )
        },
        |_, _| false,
    );
    let owners = owner_options(expect_current_user(), String::new());
    let statuses = [DealStatus::Open, DealStatus::Won, DealStatus::Lost];
    view! {
        <section class="page records-page deals-page">
            <header class="records-header">
                <h1>{i18n.signal(SalesMsg::DealsTitle)}</h1>
                <p class="records-count" aria-live="polite">{move || i18n.t(SalesMsg::DealCount(ids.with(|v| v.len())))}</p>
                <a href="/deals/new" class="btn btn-primary btn-new">{i18n.signal(SalesMsg::NewDeal)}</a>
            </header>
            <div class="board-filters">
                <label class="filter">
                    <span>{i18n.signal(SalesMsg::StatusFilter)}</span>
                    <select bind:value=status>
                        <option value="">{i18n.signal(SalesMsg::AnyOwner)}</option>
                        {statuses.into_iter().map(|s| view! { <option value=s.code()>{i18n.signal(SalesMsg::Status(s))}</option> }).collect_view()}
                    </select>
                </label>
                <label class="filter">
                    <span>{i18n.signal(SalesMsg::OwnerFilter)}</span>
                    <select bind:value=owner>
                        <option value="">{i18n.signal(SalesMsg::AnyOwner)}</option>
                        {move || owners.get().into_iter().map(|(id, name)| view! { <option value=id>{name}</option> }).collect_view()}
                    </select>
                </label>
            </div>
            {move || match sales.status.get() {
                CacheStatus::Ready => view! {
                    <VirtualList
                        ids=Signal::derive(move || ids.get())
                        row_height=ROW_HEIGHT
                        label=i18n.signal(SalesMsg::DealsTitle)
                        row=move |_, id| deal_row(sales, id)
                    />
                }.into_any(),
                CacheStatus::Failed(msg) => view! { <p class="load-error" role="alert">{i18n.t(msg)}</p> }.into_any(),
                _ => view! { <PageLoading/> }.into_any(),
            }}
        </section>
    }
}

/// A deal's row: title, amount, stage or status, and close day.
fn deal_row(sales: SalesCache, id: String) -> impl IntoView {
    let i18n = expect_i18n();
    move || {
        let d = sales.deals.with(|all| {
            (all.binary_search_by(|d| d.id.cmp(&id)).ok()).and_then(|i| all.get(i).cloned())
        })?;
        let l = i18n.locale();
        let where_ = match d.status {
            DealStatus::Open => {
                stage_label(sales.pipeline(&d.pipeline_id).as_ref(), &d.stage_id, l)
            }
            s => i18n.t(SalesMsg::Status(s)),
        };
        let sub = format!("{where_} · {}", fmt_date(l, d.expected_close));
        Some(view! {
            <a href=format!("/deals/{}", d.id) class="deal-row">
                <span class="deal-row-title">{d.title.clone()}</span>
                <span class="deal-row-amount">{fmt_money(l, d.amount.amount_minor, &d.amount.currency)}</span>
                <span class="deal-row-sub">{sub}</span>
            </a>
        })
    }
}
