//! What a list keeps of each record: a small summary row, its search entry, and the set of
//! rows of one kind with its search index.

use std::collections::HashMap;

use cartera_core::domain::{Account, Contact};
use cartera_core::search::{SearchIndex, account_fields, contact_fields, normalize};
use chrono::{DateTime, Utc};

/// What the list screens need of a record, whatever its kind.
pub trait ListRow {
    fn id(&self) -> &str;
    /// The name, normalised for sorting ("José" sorts as "jose").
    fn sort_name(&self) -> &str;
    fn updated_at(&self) -> DateTime<Utc>;
    fn tags(&self) -> &[String];
    fn owner(&self) -> &str;
}

/// A contact as the list shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContactRow {
    pub id: String,
    pub name: String,
    pub sort_name: String,
    pub job_title: String,
    pub account_id: Option<String>,
    pub city: String,
    pub tags: Vec<String>,
    pub owner: String,
    pub updated_at: DateTime<Utc>,
}

impl ContactRow {
    pub fn new(c: &Contact) -> Self {
        let name = c.display_name();
        Self {
            id: c.id.clone(),
            sort_name: normalize(&name),
            name,
            job_title: c.job_title.clone(),
            account_id: c.account_id.clone(),
            city: c.address.city.clone(),
            tags: c.tags.clone(),
            owner: c.owner.clone(),
            updated_at: c.meta.updated_at,
        }
    }
}

/// An account as the list shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AccountRow {
    pub id: String,
    pub name: String,
    pub sort_name: String,
    pub industry: String,
    pub city: String,
    pub tags: Vec<String>,
    pub owner: String,
    pub updated_at: DateTime<Utc>,
}

impl AccountRow {
    pub fn new(a: &Account) -> Self {
        Self {
            id: a.id.clone(),
            sort_name: normalize(&a.name),
            name: a.name.clone(),
            industry: a.industry.clone(),
            city: a
                .addresses
                .iter()
                .map(|ad| ad.city.clone())
                .find(|c| !c.is_empty())
                .unwrap_or_default(),
            tags: a.tags.clone(),
            owner: a.owner.clone(),
            updated_at: a.meta.updated_at,
        }
    }
}

macro_rules! list_row {
    ($t:ty) => {
        impl ListRow for $t {
            fn id(&self) -> &str {
                &self.id
            }
            fn sort_name(&self) -> &str {
                &self.sort_name
            }
            fn updated_at(&self) -> DateTime<Utc> {
                self.updated_at
            }
            fn tags(&self) -> &[String] {
                &self.tags
            }
            fn owner(&self) -> &str {
                &self.owner
            }
        }
    };
}
list_row!(ContactRow);
list_row!(AccountRow);

/// The live records of one kind, by id, with their search index.
#[derive(Clone, Debug)]
pub struct RecordSet<R> {
    rows: HashMap<String, R>,
    index: SearchIndex,
}

impl<R> Default for RecordSet<R> {
    fn default() -> Self {
        Self {
            rows: HashMap::new(),
            index: SearchIndex::new(),
        }
    }
}

impl<R: ListRow> RecordSet<R> {
    pub fn get(&self, id: &str) -> Option<&R> {
        self.rows.get(id)
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    pub fn rows(&self) -> impl Iterator<Item = &R> {
        self.rows.values()
    }

    /// Ids of the best `limit` records matching every word of `query` (accent- and
    /// case-insensitive prefixes), best first.
    pub fn search(&self, query: &str, limit: usize) -> Vec<String> {
        self.index.search(query, limit)
    }

    /// Adds or replaces a row and its search entry.
    pub fn upsert<S: AsRef<str>>(&mut self, row: R, fields: &[S]) {
        self.index.insert(row.id(), fields);
        self.rows.insert(row.id().to_owned(), row);
    }

    /// Forgets a record; true when it was there.
    pub fn remove(&mut self, id: &str) -> bool {
        self.index.remove(id);
        self.rows.remove(id).is_some()
    }
}

/// Adds or replaces a contact, indexing its account's name with it.
pub fn upsert_contact(set: &mut RecordSet<ContactRow>, c: &Contact, account_name: Option<&str>) {
    set.upsert(ContactRow::new(c), &contact_fields(c, account_name));
}

/// Adds or replaces an account.
pub fn upsert_account(set: &mut RecordSet<AccountRow>, a: &Account) {
    set.upsert(AccountRow::new(a), &account_fields(a));
}

/// The set of `contacts`, indexed in one pass (much faster than one upsert each).
pub fn contact_set(
    contacts: &[Contact],
    accounts: &RecordSet<AccountRow>,
) -> RecordSet<ContactRow> {
    let account_name = |c: &Contact| {
        c.account_id
            .as_deref()
            .and_then(|id| accounts.get(id))
            .map(|a| a.name.as_str())
    };
    let mut set = RecordSet::default();
    set.index.insert_all(
        contacts
            .iter()
            .map(|c| (c.id.as_str(), contact_fields(c, account_name(c)))),
    );
    set.rows = contacts
        .iter()
        .map(|c| (c.id.clone(), ContactRow::new(c)))
        .collect();
    set
}

/// The set of `accounts`, indexed in one pass.
pub fn account_set(accounts: &[Account]) -> RecordSet<AccountRow> {
    let mut set = RecordSet::default();
    set.index
        .insert_all(accounts.iter().map(|a| (a.id.as_str(), account_fields(a))));
    set.rows = accounts
        .iter()
        .map(|a| (a.id.clone(), AccountRow::new(a)))
        .collect();
    set
}
