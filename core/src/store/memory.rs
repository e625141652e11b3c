//! `MemoryStore`: the in-memory twin of the IndexedDB store, for host tests and tools. It keeps
//! the same three collections (records, side bodies: non-winning leaves and kept bases, local
//! documents) and applies
//! every write through the shared planners, so it behaves as the browser store does.

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use std::ops::Bound;

use serde_json::Value;

use super::plan::{LeafBodies, WritePlan, needed_leaf_bodies, plan_edits, plan_replicated};
use super::{
    Change, ChangesPage, Doc, DocRecord, DocStore, Edit, IdRange, Query, ReplicatedDoc, Rev,
    RevsDiff, Seq, StoreError, StoreInfo, WriteError,
};

#[derive(Debug, Default)]
struct Inner {
    records: BTreeMap<String, DocRecord>,
    bodies: LeafBodies,
    local: BTreeMap<String, Value>,
    seq: Seq,
}

/// A [`DocStore`] in memory. Single-threaded (interior mutability through `RefCell`), like the
/// browser store it stands in for; no borrow is held across an await.
#[derive(Debug, Default)]
pub struct MemoryStore {
    inner: RefCell<Inner>,
}

impl MemoryStore {
    pub fn new() -> Self {
        Self::default()
    }
}

impl Inner {
    /// The records of `ids` and the leaf bodies the planners need for them, as a store reads
    /// them at the start of a write transaction.
    fn prefetch<'a>(
        &self,
        ids: impl Iterator<Item = &'a str>,
    ) -> (HashMap<String, DocRecord>, LeafBodies) {
        let records: HashMap<String, DocRecord> = ids
            .filter_map(|id| self.records.get(id).map(|r| (id.to_owned(), r.clone())))
            .collect();
        let bodies = needed_leaf_bodies(&records)
            .into_iter()
            .filter_map(|key| self.bodies.get(&key).map(|d| (key, d.clone())))
            .collect();
        (records, bodies)
    }

    fn apply(&mut self, plan: WritePlan) -> Vec<Result<Rev, WriteError>> {
        for key in plan.delete_bodies {
            self.bodies.remove(&key);
        }
        for doc in plan.put_bodies {
            self.bodies.insert((doc.id.clone(), doc.rev.clone()), doc);
        }
        for record in plan.records {
            self.records.insert(record.id.clone(), record);
        }
        self.seq = plan.last_seq;
        plan.results
    }

    fn live(&self) -> impl Iterator<Item = &DocRecord> {
        self.records.values().filter(|r| !r.deleted)
    }
}

impl DocStore for MemoryStore {
    async fn get(&self, id: &str) -> Result<Option<Doc>, StoreError> {
        let inner = self.inner.borrow();
        Ok(inner
            .records
            .get(id)
            .filter(|r| !r.deleted)
            .map(DocRecord::winning_doc))
    }

    async fn get_rev(&self, id: &str, rev: &Rev) -> Result<Option<Doc>, StoreError> {
        let inner = self.inner.borrow();
        let Some(record) = inner.records.get(id) else {
            return Ok(None);
        };
        if record.winner == *rev {
            return Ok(Some(record.winning_doc()));
        }
        if !record.tree.is_leaf(rev) {
            return Ok(None);
        }
        Ok(inner.bodies.get(&(id.to_owned(), rev.clone())).cloned())
    }

    async fn conflict_base(&self, id: &str) -> Result<Option<Doc>, StoreError> {
        let inner = self.inner.borrow();
        let base = inner.records.get(id).and_then(DocRecord::conflict_base);
        Ok(base.and_then(|rev| inner.bodies.get(&(id.to_owned(), rev.clone())).cloned()))
    }

    async fn record(&self, id: &str) -> Result<Option<DocRecord>, StoreError> {
        Ok(self.inner.borrow().records.get(id).cloned())
    }

    async fn get_conflicts(&self, id: &str) -> Result<Vec<Doc>, StoreError> {
        let inner = self.inner.borrow();
        let Some(record) = inner.records.get(id).filter(|r| !r.deleted) else {
            return Ok(Vec::new());
        };
        let losers = record.tree.conflicts().into_iter();
        let losers = losers.filter_map(|rev| inner.bodies.get(&(id.to_owned(), rev)).cloned());
        Ok(std::iter::once(record.winning_doc())
            .chain(losers)
            .collect())
    }

    async fn bulk_docs(
        &self,
        edits: Vec<Edit>,
    ) -> Result<Vec<Result<Rev, WriteError>>, StoreError> {
        let mut inner = self.inner.borrow_mut();
        let (records, bodies) = inner.prefetch(edits.iter().map(|e| e.id.as_str()));
        let plan = plan_edits(&records, &bodies, edits, inner.seq);
        Ok(inner.apply(plan))
    }

    async fn bulk_docs_replicated(&self, docs: Vec<ReplicatedDoc>) -> Result<(), StoreError> {
        let mut inner = self.inner.borrow_mut();
        let (records, bodies) = inner.prefetch(docs.iter().map(|d| d.doc.id.as_str()));
        let plan = plan_replicated(&records, &bodies, docs, inner.seq);
        inner.apply(plan);
        Ok(())
    }

    async fn revs_diff(&self, revs: &RevsDiff) -> Result<RevsDiff, StoreError> {
        let inner = self.inner.borrow();
        let mut missing = RevsDiff::new();
        for (id, wanted) in revs {
            let tree = inner.records.get(id).map(|r| &r.tree);
            let lacking: Vec<Rev> = wanted
                .iter()
                .filter(|rev| !tree.is_some_and(|t| t.contains(rev)))
                .cloned()
                .collect();
            if !lacking.is_empty() {
                missing.insert(id.clone(), lacking);
            }
        }
        Ok(missing)
    }

    async fn changes(&self, since: Seq, limit: usize) -> Result<ChangesPage, StoreError> {
        let inner = self.inner.borrow();
        let mut rows: Vec<&DocRecord> = inner.records.values().filter(|r| r.seq > since).collect();
        rows.sort_by_key(|r| r.seq);
        let results: Vec<Change> = rows
            .into_iter()
            .take(limit)
            .map(DocRecord::change)
            .collect();
        let last_seq = results.last().map_or(since, |c| c.seq);
        Ok(ChangesPage { results, last_seq })
    }

    async fn all_docs(&self, range: &IdRange) -> Result<Vec<Doc>, StoreError> {
        let inner = self.inner.borrow();
        let start = range
            .start
            .as_deref()
            .map_or(Bound::Unbounded, Bound::Included);
        let in_range = inner.records.range::<str, _>((start, Bound::Unbounded));
        let before_end = |id: &String| range.end.as_deref().is_none_or(|end| id.as_str() < end);
        Ok(in_range
            .take_while(|(id, _)| before_end(id))
            .filter(|(_, r)| !r.deleted)
            .take(range.limit.unwrap_or(usize::MAX))
            .map(|(_, r)| r.winning_doc())
            .collect())
    }

    async fn query(&self, query: &Query) -> Result<Vec<Doc>, StoreError> {
        let inner = self.inner.borrow();
        let is = |field: &Option<String>, want: &str| field.as_deref() == Some(want);
        let found: Vec<&DocRecord> = match query {
            Query::ByType { doc_type } => inner
                .live()
                .filter(|r| is(&r.index.doc_type, doc_type))
                .collect(),
            Query::ByOwner { doc_type, owner } => inner
                .live()
                .filter(|r| is(&r.index.doc_type, doc_type) && is(&r.index.owner, owner))
                .collect(),
            Query::ByAccount { doc_type, account } => inner
                .live()
                .filter(|r| is(&r.index.doc_type, doc_type) && is(&r.index.account, account))
                .collect(),
            Query::RecentlyUpdated { doc_type, limit } => {
                let mut dated: Vec<&DocRecord> = inner
                    .live()
                    .filter(|r| is(&r.index.doc_type, doc_type) && r.index.updated.is_some())
                    .collect();
                dated.sort_by(|a, b| (&b.index.updated, &b.id).cmp(&(&a.index.updated, &a.id)));
                dated.truncate(*limit);
                dated
            }
        };
        Ok(found.into_iter().map(DocRecord::winning_doc).collect())
    }

    async fn get_local(&self, id: &str) -> Result<Option<Value>, StoreError> {
        Ok(self.inner.borrow().local.get(id).cloned())
    }

    async fn put_local(&self, id: &str, value: Option<Value>) -> Result<(), StoreError> {
        let mut inner = self.inner.borrow_mut();
        match value {
            Some(v) => inner.local.insert(id.to_owned(), v),
            None => inner.local.remove(id),
        };
        Ok(())
    }

    async fn info(&self) -> Result<StoreInfo, StoreError> {
        let inner = self.inner.borrow();
        Ok(StoreInfo {
            doc_count: inner.live().count() as u64,
            update_seq: inner.seq,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::MemoryStore;
    use crate::store::conformance;

    #[test]
    fn passes_the_whole_conformance_suite() {
        pollster::block_on(conformance::run_all(|| async { MemoryStore::new() }));
    }

    /// One host test per case, so a failure names its case.
    macro_rules! each_case {
        ($($case:ident),* $(,)?) => {
            $(
                #[test]
                fn $case() {
                    pollster::block_on(conformance::$case(&MemoryStore::new()));
                }
            )*
        };
    }
    crate::conformance_cases!(each_case);
}
