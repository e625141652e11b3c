//! The two ends of a replication behind one shape, so pull and push are the same loop: the
//! local [`DocStore`] and a [`Remote`] each act as a source (changes feed, fetch) and as a
//! target (revs_diff, write), and both keep checkpoints in local documents.

use serde_json::Value;

use crate::store::{DocStore, ReplicatedDoc, Rev, RevsDiff};

use super::error::SyncError;
use super::remote::{DocWriteResult, Fetched, Remote, RemoteChange, RemoteChanges, SeqToken};

/// Where a side keeps its checkpoint documents.
pub(super) trait Side {
    async fn read_local(&self, id: &str) -> Result<Option<Value>, SyncError>;
    async fn write_local(&self, id: &str, doc: Value) -> Result<(), SyncError>;
}

/// The side documents come from.
pub(super) trait Source: Side {
    async fn changes(&self, since: &SeqToken, limit: usize) -> Result<RemoteChanges, SyncError>;
    async fn fetch(&self, wanted: &RevsDiff) -> Result<Vec<Fetched>, SyncError>;
}

/// The side documents go to.
pub(super) trait Target: Side {
    async fn revs_diff(&self, revs: &RevsDiff) -> Result<RevsDiff, SyncError>;
    /// Stores the revisions; rows only for those not written (see [`DocWriteResult`]).
    async fn write(&self, docs: Vec<ReplicatedDoc>) -> Result<Vec<DocWriteResult>, SyncError>;
}

/// The local store as one end.
pub(super) struct Local<'a, S>(pub &'a S);

/// The remote database as one end.
pub(super) struct Far<'a, R>(pub &'a R);

impl<S: DocStore> Side for Local<'_, S> {
    async fn read_local(&self, id: &str) -> Result<Option<Value>, SyncError> {
        Ok(self.0.get_local(id).await?)
    }

    async fn write_local(&self, id: &str, doc: Value) -> Result<(), SyncError> {
        Ok(self.0.put_local(id, Some(doc)).await?)
    }
}

impl<S: DocStore> Source for Local<'_, S> {
    async fn changes(&self, since: &SeqToken, limit: usize) -> Result<RemoteChanges, SyncError> {
        let page = self.0.changes(since.to_local().unwrap_or(0), limit).await?;
        // Every write takes one sequence and a row stands for one or more of them, so the
        // writes after the page bound the rows still to come.
        let update_seq = self.0.info().await?.update_seq;
        let results = page
            .results
            .into_iter()
            .map(|c| RemoteChange {
                seq: SeqToken::from_local(c.seq),
                id: c.id,
                leaves: c.leaves,
                deleted: c.deleted,
            })
            .collect();
        Ok(RemoteChanges {
            results,
            last_seq: SeqToken::from_local(page.last_seq),
            pending: Some(update_seq.saturating_sub(page.last_seq)),
        })
    }

    async fn fetch(&self, wanted: &RevsDiff) -> Result<Vec<Fetched>, SyncError> {
        let mut fetched = Vec::new();
        for (id, revs) in wanted {
            let record = self.0.record(id).await?;
            for rev in revs {
                let body = self.0.get_rev(id, rev).await?;
                let ancestry = record.as_ref().and_then(|r| r.tree.path(rev));
                fetched.push(match (body, ancestry) {
                    (Some(doc), Some(ancestry)) => Fetched::Found(ReplicatedDoc { doc, ancestry }),
                    _ => self.unavailable(id, rev).await?,
                });
            }
        }
        Ok(fetched)
    }
}

impl<S: DocStore> Local<'_, S> {
    /// Why a revision asked for has no body: an edit made since the changes page replaced it
    /// (it is no longer a leaf; the feed listed it as one), or it is truly missing.
    async fn unavailable(&self, id: &str, rev: &Rev) -> Result<Fetched, SyncError> {
        let (id, rev) = (id.to_owned(), rev.clone());
        let record = self.0.record(&id).await?;
        let replaced = record.is_some_and(|r| !r.tree.is_leaf(&rev));
        Ok(if replaced {
            Fetched::Superseded { id, rev }
        } else {
            Fetched::Missing { id, rev }
        })
    }
}

impl<S: DocStore> Target for Local<'_, S> {
    async fn revs_diff(&self, revs: &RevsDiff) -> Result<RevsDiff, SyncError> {
        Ok(self.0.revs_diff(revs).await?)
    }

    async fn write(&self, docs: Vec<ReplicatedDoc>) -> Result<Vec<DocWriteResult>, SyncError> {
        // One transaction: all of it lands or the call fails. A reserved id cannot come (the
        // plan leaves `_` ids out), so there is nothing to report per document.
        self.0.bulk_docs_replicated(docs).await?;
        Ok(Vec::new())
    }
}

impl<R: Remote> Side for Far<'_, R> {
    async fn read_local(&self, id: &str) -> Result<Option<Value>, SyncError> {
        Ok(self.0.get_local(id).await?)
    }

    async fn write_local(&self, id: &str, doc: Value) -> Result<(), SyncError> {
        Ok(self.0.put_local(id, doc).await?)
    }
}

impl<R: Remote> Source for Far<'_, R> {
    async fn changes(&self, since: &SeqToken, limit: usize) -> Result<RemoteChanges, SyncError> {
        Ok(self.0.changes(since, limit).await?)
    }

    async fn fetch(&self, wanted: &RevsDiff) -> Result<Vec<Fetched>, SyncError> {
        Ok(self.0.bulk_get(wanted).await?)
    }
}

impl<R: Remote> Target for Far<'_, R> {
    async fn revs_diff(&self, revs: &RevsDiff) -> Result<RevsDiff, SyncError> {
        Ok(self.0.revs_diff(revs).await?)
    }

    async fn write(&self, docs: Vec<ReplicatedDoc>) -> Result<Vec<DocWriteResult>, SyncError> {
        Ok(self.0.bulk_docs_replicated(&docs).await?)
    }
}
