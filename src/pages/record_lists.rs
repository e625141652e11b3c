//! `/contacts` and `/accounts`: every record of the kind, searchable as you type, sortable and
//! filterable by tag and owner, in a virtualized list that stays smooth with 100k records.
//!
//! One body for both lists: they differ only in their record set, filter, scroll place and row
//! subtitle (a contact's job title and account, an account's industry and city).

use leptos::prelude::*;

use crate::components::list_controls::ListControls;
use crate::components::record_list::{RecordList, RecordListHeader};
use crate::components::record_list_item::RecordListItem;
use crate::i18n::Kind;
use crate::state::records::{CacheStatus, RecordsCache, expect_records, follow_store, list_data};
use crate::state::{expect_current_user, expect_store};

/// Which list.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum List {
    Contacts,
    Accounts,
}

impl List {
    fn kind(self) -> Kind {
        match self {
            List::Contacts => Kind::Contact,
            List::Accounts => Kind::Account,
        }
    }

    fn path(self) -> &'static str {
        match self {
            List::Contacts => "/contacts",
            List::Accounts => "/accounts",
        }
    }
}

/// The list page of `list`.
pub fn list_page(list: List) -> impl IntoView {
    let cache = expect_records();
    let store = expect_store();
    follow_store(cache, store.clone());
    let (filter, scroll, data) = match list {
        List::Contacts => (
            cache.contact_filter,
            cache.contact_scroll,
            list_data(cache.contacts, cache.contact_filter),
        ),
        List::Accounts => (
            cache.account_filter,
            cache.account_scroll,
            list_data(cache.accounts, cache.account_filter),
        ),
    };
    let kind = list.kind();
    let new_href = match list {
        List::Contacts => "/contacts/new",
        List::Accounts => "/accounts/new",
    };
    view! {
        <section class="page records-page">
            <RecordListHeader
                kind
                shown=Signal::derive(move || data.ids.with(|v| v.len()))
                total=data.total
                filter
                ready=Signal::derive(move || cache.status.get() == CacheStatus::Ready)
                new_href
            />
            <ListControls kind filter tags=data.tags owners=data.owners me=expect_current_user().id() />
            <RecordList
                kind
                status=cache.status
                total=data.total
                ids=data.ids
                filter
                scroll
                new_href
                row=move |_, id| row(cache, list, id)
                on_retry=move |()| cache.sync_with(store.clone())
            />
        </section>
    }
}

/// A record's row: its name, then its subtitle. Re-renders when the data changes.
fn row(cache: RecordsCache, list: List, id: String) -> impl IntoView {
    move || {
        let (id, name, parts, tags) = match list {
            List::Contacts => {
                let r = cache.contacts.with(|s| s.get(&id).cloned())?;
                let account = r.account_id.as_deref().and_then(|a| cache.account_name(a));
                (r.id, r.name, [Some(r.job_title), account], r.tags)
            }
            List::Accounts => {
                let r = cache.accounts.with(|s| s.get(&id).cloned())?;
                (r.id, r.name, [Some(r.industry), Some(r.city)], r.tags)
            }
        };
        let subtitle = parts
            .into_iter()
            .flatten()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" · ");
        Some(view! {
            <RecordListItem
                href=format!("{}/{id}", list.path())
                id
                title=name
                subtitle
                tags
            />
        })
    }
}
