//! The two ends of a replication behind one shape, so pull and push are the same loop: the
//! local [`DocStore`] and a [`Remote`] each act as a source (changes feed, fetch) and as a
//! target (revs_diff, write), and both keep checkpoints in local documents.

use serde_json::Value;

use crate::store::{DocStore, ReplicatedDoc, RevRead, RevsDiff};

use super::error::SyncError;
use super::remote::{DocWriteResult, Fetched, Remote, RemoteChange, RemoteChanges, SeqToken};

/// Where a side keeps its checkpoint documents.
pub(super) trait Side {
    async fn read_local(&self, id: &str) -> Result<Option<Value>, SyncError>;
    /// Writes `doc`; returns it as the side now holds it (a remote's new `_rev` in it), or
    /// `None` when that is not known (then it is read again before the next write).
    async fn write_local(&self, id: &str, doc: Value) -> Result<Option<Value>, SyncError>;
}

/// The side documents come from.
pub(super) trait Source: Side {
    /// `include_docs`: rows may carry the document (see [`RemoteChange::doc`]); a hint only.
    async fn changes(
        &self,
        since: &SeqToken,
        limit: usize,
        include_docs: bool,
    ) -> Result<RemoteChanges, SyncError>;
    async fn fetch(&self, wanted: &RevsDiff) -> Result<Vec<Fetched>, SyncError>;
}

/// The side documents go to.
pub(super) trait Target: Side {
    async fn revs_diff(&self, revs: &RevsDiff) -> Result<RevsDiff, SyncError>;
    /// Stores the revisions; rows only for those not written (see [`DocWriteResult`]).
    async fn write(&self, docs: Vec<ReplicatedDoc>) -> Result<Vec<DocWriteResult>, SyncError>;
}

/// Either end, so that pull and push are one instantiation of the replication loop (half the
/// code in the wasm build) instead of one per direction.
pub(super) enum End<'a, S, R> {
    Local(Local<'a, S>),
    Far(Far<'a, R>),
}

impl<S: DocStore, R: Remote> Side for End<'_, S, R> {
    async fn read_local(&self, id: &str) -> Result<Option<Value>, SyncError> {
        match self {
            End::Local(end) => end.read_local(id).await,
            End::Far(end) => end.read_local(id).await,
        }
    }

    async fn write_local(&self, id: &str, doc: Value) -> Result<Option<Value>, SyncError> {
        match self {
            End::Local(end) => end.write_local(id, doc).await,
            End::Far(end) => end.write_local(id, doc).await,
        }
    }
}

impl<S: DocStore, R: Remote> Source for End<'_, S, R> {
    async fn changes(
        &self,
        since: &SeqToken,
        limit: usize,
        include_docs: bool,
    ) -> Result<RemoteChanges, SyncError> {
        match self {
            End::Local(end) => end.changes(since, limit, include_docs).await,
            End::Far(end) => end.changes(since, limit, include_docs).await,
        }
    }

    async fn fetch(&self, wanted: &RevsDiff) -> Result<Vec<Fetched>, SyncError> {
        match self {
            End::Local(end) => end.fetch(wanted).await,
            End::Far(end) => end.fetch(wanted).await,
        }
    }
}

impl<S: DocStore, R: Remote> Target for End<'_, S, R> {
    async fn revs_diff(&self, revs: &RevsDiff) -> Result<RevsDiff, SyncError> {
        match self {
            End::Local(end) => end.revs_diff(revs).await,
            End::Far(end) => end.revs_diff(revs).await,
        }
    }

    async fn write(&self, docs: Vec<ReplicatedDoc>) -> Result<Vec<DocWriteResult>, SyncError> {
        match self {
            End::Local(end) => end.write(docs).await,
            End::Far(end) => end.write(docs).await,
        }
    }
}

/// The local store as one end.
pub(super) struct Local<'a, S>(pub &'a S);

/// The remote database as one end.
pub(super) struct Far<'a, R>(pub &'a R);

impl<S: DocStore> Side for Local<'_, S> {
    async fn read_local(&self, id: &str) -> Result<Option<Value>, SyncError> {
        Ok(self.0.get_local(id).await?)
    }

    /// The store keeps a local document as given (no `_rev` of its own).
    async fn write_local(&self, id: &str, doc: Value) -> Result<Option<Value>, SyncError> {
        self.0.put_local(id, Some(doc.clone())).await?;
        Ok(Some(doc))
    }
}

impl<S: DocStore> Source for Local<'_, S> {
    /// Rows never carry documents: the store reads a batch's revisions in one transaction
    /// anyway ([`DocStore::read_revs`]).
    async fn changes(
        &self,
        since: &SeqToken,
        limit: usize,
        _include_docs: bool,
    ) -> Result<RemoteChanges, SyncError> {
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
                doc: None,
                made_here: c.made_here,
            })
            .collect();
        Ok(RemoteChanges {
            results,
            last_seq: SeqToken::from_local(page.last_seq),
            pending: Some(update_seq.saturating_sub(page.last_seq)),
        })
    }

    async fn fetch(&self, wanted: &RevsDiff) -> Result<Vec<Fetched>, SyncError> {
        let reads = self.0.read_revs(wanted).await?;
        Ok(reads
            .into_iter()
            .map(|r| match r {
                RevRead::Found(doc) => Fetched::Found(doc),
                RevRead::Superseded { id, rev } => Fetched::Superseded { id, rev },
                RevRead::Missing { id, rev } => Fetched::Missing { id, rev },
            })
            .collect())
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

    async fn write_local(&self, id: &str, mut doc: Value) -> Result<Option<Value>, SyncError> {
        let rev = self.0.put_local(id, doc.clone()).await?;
        Ok(match (rev, &mut doc) {
            (Some(rev), Value::Object(fields)) => {
                fields.insert("_rev".into(), Value::String(rev));
                Some(doc)
            }
            _ => None,
        })
    }
}

impl<R: Remote> Source for Far<'_, R> {
    async fn changes(
        &self,
        since: &SeqToken,
        limit: usize,
        include_docs: bool,
    ) -> Result<RemoteChanges, SyncError> {
        Ok(self.0.changes(since, limit, include_docs).await?)
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
