//! The records cache: every contact and account as a small row in memory, with a search index,
//! so lists search, filter and sort 100k records instantly, offline.
//!
//! Loaded once (`Query::ByType`), then kept fresh from the store's changes feed whenever the
//! data version moves (a local write, a sync), so it also sees changes made elsewhere. Pages
//! that write apply their result at once with [`RecordsCache::apply_contact`] & co.
//!
//! Also remembers each list's search, filters and scroll position across navigation.

mod filter;
mod rows;
mod write;

use crate::state::effect;
use cartera_core::domain::{ACCOUNT_TYPE, Account, CONTACT_TYPE, Contact};
use cartera_core::store::{Doc, DocStore, Query, Seq, StoreError};
use std::sync::Arc;

use leptos::prelude::*;

pub use filter::{ListFilter, Orders, SortBy, all_owners, all_tags, orders, visible_ids};
pub use rows::{AccountRow, ContactRow, ListRow, RecordSet};
pub use write::{
    Loaded, Record, SaveError, WriteCtx, delete_with_undo, edit_over, latest, load, save, write,
};

use super::Store;
use crate::i18n::ErrorMsg;

/// Rows of the changes feed read per request.
const CHANGES_BATCH: usize = 500;

/// Where loading the cache stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CacheStatus {
    Empty,
    Loading,
    Ready,
    Failed(ErrorMsg),
}

/// The cache service, kept in context; `Copy`.
#[derive(Clone, Copy)]
pub struct RecordsCache {
    pub contacts: RwSignal<RecordSet<ContactRow>>,
    pub accounts: RwSignal<RecordSet<AccountRow>>,
    pub status: RwSignal<CacheStatus>,
    /// The search, filters and order of each list, kept while the app runs.
    pub contact_filter: RwSignal<ListFilter>,
    pub account_filter: RwSignal<ListFilter>,
    /// The scroll position of each list.
    pub contact_scroll: RwSignal<f64>,
    pub account_scroll: RwSignal<f64>,
    last_seq: StoredValue<Seq>,
    busy: StoredValue<bool>,
    again: StoredValue<bool>,
    /// Accounts renamed since the last catch-up: their contacts need re-indexing.
    renamed: StoredValue<Vec<String>>,
}

impl RecordsCache {
    fn new() -> Self {
        Self {
            contacts: RwSignal::new(RecordSet::default()),
            accounts: RwSignal::new(RecordSet::default()),
            status: RwSignal::new(CacheStatus::Empty),
            contact_filter: RwSignal::new(ListFilter::default()),
            account_filter: RwSignal::new(ListFilter::default()),
            contact_scroll: RwSignal::new(0.0),
            account_scroll: RwSignal::new(0.0),
            last_seq: StoredValue::new(0),
            busy: StoredValue::new(false),
            again: StoredValue::new(false),
            renamed: StoredValue::new(Vec::new()),
        }
    }

    /// Loads the cache the first time, then catches up with the changes feed. Call it from an
    /// effect that tracks the data version. Never runs twice at once.
    pub fn sync_with(&self, store: Store) {
        if self.busy.get_value() {
            self.again.set_value(true);
            return;
        }
        self.busy.set_value(true);
        let cache = *self;
        leptos::task::spawn_local(async move {
            loop {
                cache.again.set_value(false);
                let result = if cache.status.get_untracked() == CacheStatus::Ready {
                    cache.catch_up(&store).await
                } else {
                    cache.load(&store).await
                };
                if let Err(e) = result {
                    cache
                        .status
                        .try_set(CacheStatus::Failed(ErrorMsg::from(&e)));
                }
                if !cache.again.get_value() {
                    break;
                }
            }
            cache.busy.set_value(false);
        });
    }

    async fn load(&self, store: &Store) -> Result<(), StoreError> {
        // A reload after a big sync keeps showing the old rows until the new ones are ready.
        if self.status.get_untracked() != CacheStatus::Ready {
            self.status.set(CacheStatus::Loading);
        }
        let seq = store.info().await?.update_seq;
        let accounts = store
            .query(&Query::ByType {
                doc_type: ACCOUNT_TYPE.into(),
            })
            .await?;
        let contacts = store
            .query(&Query::ByType {
                doc_type: CONTACT_TYPE.into(),
            })
            .await?;
        // Consumed as they are read, so 100k documents and 100k records are not all held at once.
        let accounts: Vec<Account> = accounts
            .into_iter()
            .filter_map(|d| Account::from_doc(&d).ok())
            .collect();
        let contacts: Vec<Contact> = contacts
            .into_iter()
            .filter_map(|d| Contact::from_doc(&d).ok())
            .collect();
        let account_set = rows::account_set(&accounts);
        let contact_set = rows::contact_set(&contacts, &account_set);
        self.accounts.set(account_set);
        self.contacts.set(contact_set);
        self.last_seq.set_value(seq);
        self.status.set(CacheStatus::Ready);
        Ok(())
    }

    /// Applies every change since the last one seen.
    async fn catch_up(&self, store: &Store) -> Result<(), StoreError> {
        loop {
            let page = store
                .changes(self.last_seq.get_value(), CHANGES_BATCH)
                .await?;
            if page.results.is_empty() {
                break;
            }
            if page.results.len() >= CHANGES_BATCH {
                // A big sync: reading everything again is faster than one get per change.
                return self.load(store).await;
            }
            for change in &page.results {
                match store.get(&change.id).await? {
                    Some(doc) if !change.deleted => self.apply_doc(&doc),
                    _ => self.forget(&change.id),
                }
            }
            self.last_seq.set_value(page.last_seq);
        }
        for account in self
            .renamed
            .try_update_value(std::mem::take)
            .unwrap_or_default()
        {
            self.reindex_contacts_of(store, &account).await?;
        }
        Ok(())
    }

    /// Shows a written or received document in the lists (a deletion or unreadable record
    /// leaves them).
    pub fn apply_doc(&self, doc: &Doc) {
        match doc.doc_type() {
            Some(CONTACT_TYPE) => match Contact::from_doc(doc) {
                Ok(c) => self.apply_contact(&c),
                Err(_) => self.forget(&doc.id),
            },
            Some(ACCOUNT_TYPE) => match Account::from_doc(doc) {
                Ok(a) => self.apply_account(&a),
                Err(_) => self.forget(&doc.id),
            },
            _ => {}
        }
    }

    /// Contacts are found by their account's name too: re-index them after a rename.
    async fn reindex_contacts_of(&self, store: &Store, account_id: &str) -> Result<(), StoreError> {
        let query = Query::ByAccount {
            doc_type: CONTACT_TYPE.into(),
            account: account_id.into(),
        };
        for doc in store.query(&query).await? {
            if let Ok(c) = Contact::from_doc(&doc) {
                self.apply_contact(&c);
            }
        }
        Ok(())
    }

    /// Shows a saved contact in the lists at once.
    pub fn apply_contact(&self, c: &Contact) {
        let account_name = c.account_id.as_deref().and_then(|id| {
            self.accounts
                .with_untracked(|s| s.get(id).map(|a| a.name.clone()))
        });
        self.contacts
            .update(|s| rows::upsert_contact(s, c, account_name.as_deref()));
    }

    /// Shows a saved account in the lists at once.
    pub fn apply_account(&self, a: &Account) {
        let renamed = self
            .accounts
            .with_untracked(|s| s.get(&a.id).is_some_and(|old| old.name != a.name));
        if renamed {
            self.renamed.update_value(|r| r.push(a.id.clone()));
        }
        self.accounts.update(|s| rows::upsert_account(s, a));
    }

    /// Removes a deleted record from the lists.
    pub fn forget(&self, id: &str) {
        if self.contacts.with_untracked(|s| s.get(id).is_some()) {
            self.contacts.update(|s| {
                s.remove(id);
            });
        }
        if self.accounts.with_untracked(|s| s.get(id).is_some()) {
            self.accounts.update(|s| {
                s.remove(id);
            });
        }
    }

    /// The name of an account, if it is known; reactive.
    pub fn account_name(&self, id: &str) -> Option<String> {
        self.accounts.with(|s| s.get(id).map(|a| a.name.clone()))
    }
}

/// Creates the cache and puts it in context. Call it once, high in the tree (the app root),
/// so the cache outlives the pages.
pub fn provide_records() -> RecordsCache {
    let cache = RecordsCache::new();
    provide_context(cache);
    cache
}

/// The records cache. If the app root has not provided one, the first caller installs it at
/// the root of the reactive tree, so it still outlives the pages (and loads once per session).
pub fn expect_records() -> RecordsCache {
    super::context_or_root(provide_records)
}

/// Keeps the cache in step with the store: loads it, then follows every data version bump.
/// Call it in each page that lists records.
pub fn follow_store(cache: RecordsCache, store: Store) {
    let version = super::expect_data_version();
    effect(move || {
        version.track();
        cache.sync_with(store.clone());
    });
}

/// The derived data of one list screen.
#[derive(Clone, Copy)]
pub struct ListData {
    /// Ids to show for the current filter, in order.
    pub ids: Memo<Arc<Vec<String>>>,
    /// Records before search and filters.
    pub total: Memo<usize>,
    pub tags: Memo<Vec<String>>,
    pub owners: Memo<Vec<String>>,
}

/// Derives what a list screen shows from a record set and its filter. Sorting happens once per
/// data change; each keystroke only filters.
pub fn list_data<R>(set: RwSignal<RecordSet<R>>, filter: RwSignal<ListFilter>) -> ListData
where
    R: ListRow + Send + Sync + 'static,
{
    // Comparing 100k ids to skip an update would cost as much as the update: always notify.
    let orders = Memo::new_with_compare(move |_| set.with(orders), |_, _| true);
    let ids = Memo::new_with_compare(
        move |_| {
            let f = filter.get();
            Arc::new(set.with(|s| orders.with(|o| visible_ids(s, o, &f))))
        },
        |_, _| true,
    );
    ListData {
        ids,
        total: Memo::new(move |_| set.with(|s| s.len())),
        tags: Memo::new(move |_| set.with(all_tags)),
        owners: Memo::new(move |_| set.with(all_owners)),
    }
}
