//! `/contacts`: every contact, searchable as you type, sortable and filterable by tag and
//! owner, in a virtualized list that stays smooth with 100k contacts.

use leptos::prelude::*;

pub use super::contact_detail::ContactDetailPage;
pub use super::contact_form::ContactFormPage;
use crate::components::list_controls::ListControls;
use crate::components::record_list::{RecordList, RecordListHeader};
use crate::components::record_list_item::RecordListItem;
use crate::i18n::Kind;
use crate::state::records::{CacheStatus, RecordsCache, expect_records, follow_store, list_data};
use crate::state::{expect_current_user, expect_store};

const KIND: Kind = Kind::Contact;

#[component]
pub fn ContactsPage() -> impl IntoView {
    let cache = expect_records();
    let store = expect_store();
    follow_store(cache, store.clone());
    let filter = cache.contact_filter;
    let data = list_data(cache.contacts, filter);
    view! {
        <section class="page records-page">
            <RecordListHeader
                kind=KIND
                shown=Signal::derive(move || data.ids.with(|v| v.len()))
                total=data.total
                filter
                ready=Signal::derive(move || cache.status.get() == CacheStatus::Ready)
                new_href="/contacts/new"
            />
            <ListControls kind=KIND filter tags=data.tags owners=data.owners me=expect_current_user().id() />
            <RecordList
                kind=KIND
                status=cache.status
                total=data.total
                ids=data.ids
                filter
                scroll=cache.contact_scroll
                new_href="/contacts/new"
                row=move |_, id| contact_row(cache, id)
                on_retry=move |()| cache.sync_with(store.clone())
            />
        </section>
    }
}

/// A contact's row: name, then job title and account. Re-renders when the data changes.
fn contact_row(cache: RecordsCache, id: String) -> impl IntoView {
    move || {
        let row = cache.contacts.with(|s| s.get(&id).cloned())?;
        let account = row
            .account_id
            .as_deref()
            .and_then(|a| cache.account_name(a));
        let subtitle = [Some(row.job_title), account]
            .into_iter()
            .flatten()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" · ");
        Some(view! {
            <RecordListItem
                href=format!("/contacts/{}", row.id)
                id=row.id
                title=row.name
                subtitle
                tags=row.tags
            />
        })
    }
}
