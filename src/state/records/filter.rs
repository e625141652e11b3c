//! Search, filter and sort of a record list: pure functions over a [`RecordSet`].

use cartera_core::sort;
use std::collections::{BTreeSet, HashSet};

use super::rows::{ListRow, RecordSet};

/// The list orders a user can pick.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortBy {
    /// By name, A to Z, accents ignored.
    #[default]
    Name,
    /// Most recently changed first.
    Recent,
}

impl SortBy {
    /// The value of the sort `<select>` option.
    pub fn key(self) -> &'static str {
        match self {
            SortBy::Name => "name",
            SortBy::Recent => "recent",
        }
    }

    pub fn from_key(key: &str) -> Self {
        match key {
            "recent" => SortBy::Recent,
            _ => SortBy::Name,
        }
    }
}

/// What a list shows: the search text, the tag and owner filters and the order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListFilter {
    pub query: String,
    /// Only records with this tag.
    pub tag: Option<String>,
    /// Only records owned by this user.
    pub owner: Option<String>,
    pub sort: SortBy,
}

impl ListFilter {
    /// True when the search or a filter narrows the list.
    pub fn narrows(&self) -> bool {
        !self.query.trim().is_empty() || self.tag.is_some() || self.owner.is_some()
    }
}

/// Both orders of every id, computed once per change of the data, not per keystroke.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Orders {
    pub by_name: Vec<String>,
    pub by_recent: Vec<String>,
}

/// Sorts every id by name (ties by id) and by last change (newest first, ties by id).
pub fn orders<R: ListRow>(set: &RecordSet<R>) -> Orders {
    let mut rows: Vec<&R> = set.rows().collect();
    sort::sort_by(&mut rows, |a, b| {
        a.sort_name()
            .cmp(b.sort_name())
            .then_with(|| a.id().cmp(b.id()))
    });
    let by_name = rows.iter().map(|r| r.id().to_owned()).collect();
    sort::sort_by(&mut rows, |a, b| {
        b.updated_at()
            .cmp(&a.updated_at())
            .then_with(|| a.id().cmp(b.id()))
    });
    let by_recent = rows.iter().map(|r| r.id().to_owned()).collect();
    Orders { by_name, by_recent }
}

/// The ids the list shows for `filter`, in its order.
pub fn visible_ids<R: ListRow>(
    set: &RecordSet<R>,
    orders: &Orders,
    filter: &ListFilter,
) -> Vec<String> {
    let order = match filter.sort {
        SortBy::Name => &orders.by_name,
        SortBy::Recent => &orders.by_recent,
    };
    let query = filter.query.trim();
    let hits: Option<HashSet<String>> =
        (!query.is_empty()).then(|| set.search(query, set.len()).into_iter().collect());
    let keep = |id: &String| {
        if hits.as_ref().is_some_and(|h| !h.contains(id)) {
            return false;
        }
        let Some(row) = set.get(id) else {
            return false;
        };
        filter
            .tag
            .as_ref()
            .is_none_or(|t| row.tags().iter().any(|x| x == t))
            && filter.owner.as_ref().is_none_or(|o| row.owner() == o)
    };
    match &hits {
        // A narrow search: walk the hits, not the whole order.
        Some(h) if h.len() * 8 < order.len() => {
            let mut ids: Vec<String> = h.iter().filter(|id| keep(id)).cloned().collect();
            sort_like(set, &mut ids, filter.sort);
            ids
        }
        _ => order.iter().filter(|id| keep(id)).cloned().collect(),
    }
}

fn sort_like<R: ListRow>(set: &RecordSet<R>, ids: &mut [String], sort: SortBy) {
    let name = |id: &str| {
        set.get(id)
            .map(|r| r.sort_name().to_owned())
            .unwrap_or_default()
    };
    let at = |id: &str| set.get(id).map(|r| r.updated_at());
    match sort {
        SortBy::Name => sort::sort_by_cached_key(ids, |id| (name(id), id.clone())),
        SortBy::Recent => sort::sort_by(ids, |a, b| at(b).cmp(&at(a)).then_with(|| a.cmp(b))),
    }
}

/// Every tag in use, sorted.
pub fn all_tags<R: ListRow>(set: &RecordSet<R>) -> Vec<String> {
    // Inserted one by one: `collect()` into a BTreeSet would sort a Vec (another sort copy).
    let mut tags: BTreeSet<&String> = BTreeSet::new();
    tags.extend(set.rows().flat_map(|r| r.tags()));
    tags.into_iter().cloned().collect()
}

/// Every owner, sorted.
pub fn all_owners<R: ListRow>(set: &RecordSet<R>) -> Vec<String> {
    let mut owners: BTreeSet<&str> = BTreeSet::new();
    owners.extend(set.rows().map(|r| r.owner()).filter(|o| !o.is_empty()));
    owners.into_iter().map(str::to_owned).collect()
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};
    use wasm_bindgen_test::wasm_bindgen_test;

    use super::super::rows::ContactRow;
    use super::*;

    fn row(id: &str, name: &str, tags: &[&str], owner: &str, day: u32) -> ContactRow {
        ContactRow {
            id: id.into(),
            name: name.into(),
            sort_name: cartera_core::search::normalize(name),
            job_title: String::new(),
            account_id: None,
            city: String::new(),
            tags: tags.iter().map(|t| (*t).to_owned()).collect(),
            owner: owner.into(),
            updated_at: Utc
                .with_ymd_and_hms(2026, 11, day, 12, 0, 0)
                .single()
                .unwrap_or_default(),
        }
    }

    fn sample() -> RecordSet<ContactRow> {
        let mut set = RecordSet::default();
        for r in [
            row("j", "José García", &["vip"], "lucia", 3),
            row("a", "Ana Álvarez", &[], "lucia", 1),
            row("z", "Zoe Ruiz", &["vip"], "marta", 2),
        ] {
            let name = r.name.clone();
            set.upsert(r, &[name]);
        }
        set
    }

    fn ids(filter: ListFilter) -> Vec<String> {
        let set = sample();
        visible_ids(&set, &orders(&set), &filter)
    }

    #[wasm_bindgen_test]
    fn search_ignores_accents_and_case() {
        let f = |q: &str| ListFilter {
            query: q.into(),
            ..ListFilter::default()
        };
        assert_eq!(ids(f("jose")), ["j"]);
        assert_eq!(ids(f("ÁLV")), ["a"]);
        assert!(ids(f("nadie")).is_empty());
    }

    #[wasm_bindgen_test]
    fn sorts_by_name_without_accents_or_by_last_change() {
        assert_eq!(ids(ListFilter::default()), ["a", "j", "z"]);
        let recent = ListFilter {
            sort: SortBy::Recent,
            ..ListFilter::default()
        };
        assert_eq!(ids(recent), ["j", "z", "a"]);
    }

    #[wasm_bindgen_test]
    fn tag_and_owner_filters_combine_with_search() {
        let vip = ListFilter {
            tag: Some("vip".into()),
            ..ListFilter::default()
        };
        assert_eq!(ids(vip.clone()), ["j", "z"]);
        assert_eq!(
            ids(ListFilter {
                owner: Some("marta".into()),
                ..vip.clone()
            }),
            ["z"]
        );
        assert_eq!(
            ids(ListFilter {
                query: "zoe".into(),
                owner: Some("lucia".into()),
                ..vip
            }),
            Vec::<String>::new()
        );
    }

    #[wasm_bindgen_test]
    fn lists_tags_and_owners_once_sorted() {
        let set = sample();
        assert_eq!(all_tags(&set), ["vip"]);
        assert_eq!(all_owners(&set), ["lucia", "marta"]);
    }
}
