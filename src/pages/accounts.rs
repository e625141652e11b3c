//! `/accounts`: every account, searchable as you type, sortable and filterable by tag and
//! owner, in a virtualized list.

use leptos::prelude::*;

pub use super::account_detail::AccountDetailPage;
pub use super::account_form::AccountFormPage;
use crate::components::list_controls::ListControls;
use crate::components::record_list::{RecordList, RecordListHeader};
use crate::components::record_list_item::RecordListItem;
use crate::i18n::Kind;
use crate::state::records::{CacheStatus, RecordsCache, expect_records, follow_store, list_data};
use crate::state::{expect_current_user, expect_store};

const KIND: Kind = Kind::Account;

#[component]
pub fn AccountsPage() -> impl IntoView {
    let cache = expect_records();
    let store = expect_store();
    follow_store(cache, store.clone());
    let filter = cache.account_filter;
    let data = list_data(cache.accounts, filter);
    view! {
        <section class="page records-page">
            <RecordListHeader
                kind=KIND
                shown=Signal::derive(move || data.ids.with(|v| v.len()))
                total=data.total
                filter
                ready=Signal::derive(move || cache.status.get() == CacheStatus::Ready)
                new_href="/accounts/new"
            />
            <ListControls kind=KIND filter tags=data.tags owners=data.owners me=expect_current_user().id() />
            <RecordList
                kind=KIND
                status=cache.status
                total=data.total
                ids=data.ids
                filter
                scroll=cache.account_scroll
                new_href="/accounts/new"
                row=move |_, id| account_row(cache, id)
                on_retry=move |()| cache.sync_with(store.clone())
            />
        </section>
    }
}

/// An account's row: name, then industry and city. Re-renders when the data changes.
fn account_row(cache: RecordsCache, id: String) -> impl IntoView {
    move || {
        let row = cache.accounts.with(|s| s.get(&id).cloned())?;
        let subtitle = [row.industry, row.city]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" · ");
        Some(view! {
            <RecordListItem
                href=format!("/accounts/{}", row.id)
                id=row.id
                title=row.name
                subtitle
                tags=row.tags
            />
        })
    }
}
