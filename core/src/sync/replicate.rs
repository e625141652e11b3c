//! The replication loop: pull (remote → local) and push (local → remote) are one loop over a
//! [`Source`] and a [`Target`]. Each batch moves through fixed steps, IO thin and planning pure:
//!
//! ```text
//! read checkpoints ─► changes(since, batch, include_docs) ─► empty? ─► checkpoint feed end
//!                          │
//!                          ▼
//!  plan_diff ─► revs_diff ─► take_from_rows ─► fetch the rest ─► check_fetched ─► write
//!                                                                                  │
//!    next batch ◄─ progress ◄─ checkpoint (target, then source) ◄─ sort_out_writes ◄┘
//! ```
//!
//! A pull asks the remote feed for documents while they pay ([`super::plan::docs_pay`]): the
//! target's `revs_diff` still decides what is missing, and of that, live first revisions that
//! their rows carry whole are taken from the rows ([`super::plan::take_from_rows`]); the rest
//! is fetched with its history.
//!
//! The checkpoint is written only after the target answered the write of the whole batch: a
//! checkpoint never passes an unwritten batch. An error anywhere stops the run without moving
//! it, and a rerun repeats at most the interrupted batch (revisions are idempotent). Each
//! side's checkpoint document is read once per run; later writes go over the one written last.

use std::future::{Future, poll_fn};
use std::pin::pin;
use std::task::Poll;

use serde_json::Value;

use crate::store::{DocStore, ReplicatedDoc, RevsDiff};

use super::checkpoint::{Checkpoint, checkpoint_doc_id, next_checkpoint_doc, start_seq};
use super::error::{Interrupted, SyncError};
use super::plan::{
    RefusedDoc, check_fetched, docs_pay, plan_diff, sort_out_writes, take_from_rows,
};
use super::remote::{Remote, RemoteChange, RemoteError, SeqToken};
use super::sides::{End, Far, Local, Side, Source, Target};

/// What to replicate and how.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Replication {
    /// From [`super::replication_id`]; names the checkpoint documents.
    pub id: String,
    /// New for every run (a random id); recorded in the checkpoints' history.
    pub session_id: String,
    /// Changes read per batch (at least 1).
    pub batch_size: usize,
    /// Batches per run, so a long first sync can yield (the report then says `more`).
    pub max_batches: usize,
}

impl Replication {
    pub const DEFAULT_BATCH_SIZE: usize = 500;

    /// A replication with the default batch size and no batch limit.
    pub fn new(id: impl Into<String>, session_id: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            session_id: session_id.into(),
            batch_size: Self::DEFAULT_BATCH_SIZE,
            max_batches: usize::MAX,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Direction {
    /// Local → remote.
    Push,
    /// Remote → local.
    Pull,
}

/// Reported after each checkpointed batch: "`done` of about `total` documents".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    pub direction: Direction,
    /// Changed documents examined so far in this run.
    pub done: u64,
    /// `done` plus the source's estimate of what remains, when it gives one.
    pub total: Option<u64>,
}

/// What one run did. Counts cover checkpointed batches only.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReplicationReport {
    /// Where the run started (from the checkpoints).
    pub start_seq: SeqToken,
    /// The source sequence the checkpoints now record.
    pub last_seq: SeqToken,
    /// Changed documents examined.
    pub docs_checked: u64,
    /// Revisions read from the source (the ones the target lacked).
    pub docs_read: u64,
    /// Revisions the target stored.
    pub docs_written: u64,
    /// Revisions the target refused; they will not be sent again unless edited.
    pub refused: Vec<RefusedDoc>,
    /// The run stopped at `max_batches` with changes possibly left.
    pub more: bool,
}

/// What a two-way sync did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SyncReport {
    pub push: ReplicationReport,
    pub pull: ReplicationReport,
}

/// Copies what the local store lacks from `remote` into `local`.
pub async fn pull<S: DocStore, R: Remote>(
    local: &S,
    remote: &R,
    replication: &Replication,
    progress: &mut impl FnMut(Progress),
) -> Result<ReplicationReport, Interrupted> {
    let mut run = Run::new(replication, Direction::Pull, progress);
    run.go(
        &End::<S, R>::Far(Far(remote)),
        &End::<S, R>::Local(Local(local)),
    )
    .await
}

/// Copies what `remote` lacks from `local` into it.
pub async fn push<S: DocStore, R: Remote>(
    local: &S,
    remote: &R,
    replication: &Replication,
    progress: &mut impl FnMut(Progress),
) -> Result<ReplicationReport, Interrupted> {
    let mut run = Run::new(replication, Direction::Push, progress);
    run.go(
        &End::<S, R>::Local(Local(local)),
        &End::<S, R>::Far(Far(remote)),
    )
    .await
}

/// Push, then pull: the user's own edits reach the server first. Stops at the first error.
pub async fn sync<S: DocStore, R: Remote>(
    local: &S,
    remote: &R,
    push_replication: &Replication,
    pull_replication: &Replication,
    progress: &mut impl FnMut(Progress),
) -> Result<SyncReport, Interrupted<SyncReport>> {
    let mut done = SyncReport::default();
    match push(local, remote, push_replication, progress).await {
        Ok(report) => done.push = report,
        Err(Interrupted { error, report }) => {
            done.push = report;
            return Err(Interrupted {
                error,
                report: done,
            });
        }
    }
    match pull(local, remote, pull_replication, progress).await {
        Ok(report) => done.pull = report,
        Err(Interrupted { error, report }) => {
            done.pull = report;
            return Err(Interrupted {
                error,
                report: done,
            });
        }
    }
    Ok(done)
}

/// One batch's counts, before they join the report.
#[derive(Default)]
struct BatchOutcome {
    read: u64,
    written: u64,
    refused: Vec<RefusedDoc>,
}

/// The state of one run.
struct Run<'a, P> {
    replication: &'a Replication,
    direction: Direction,
    progress: &'a mut P,
    doc_id: String,
    report: ReplicationReport,
    /// The source refused a checkpoint write (a read-only account): keep the target's only.
    source_read_only: bool,
    /// The checkpoint document each side holds, when known (as read at the start, or as last
    /// written; `Some(None)`: none yet): the next checkpoint is written without reading it.
    source_doc: Option<Option<Value>>,
    target_doc: Option<Option<Value>>,
}

impl<'a, P: FnMut(Progress)> Run<'a, P> {
    fn new(replication: &'a Replication, direction: Direction, progress: &'a mut P) -> Self {
        Self {
            replication,
            direction,
            progress,
            doc_id: checkpoint_doc_id(&replication.id),
            report: ReplicationReport::default(),
            source_read_only: false,
            source_doc: None,
            target_doc: None,
        }
    }

    async fn go(
        &mut self,
        source: &impl Source,
        target: &impl Target,
    ) -> Result<ReplicationReport, Interrupted> {
        match self.batches(source, target).await {
            Ok(()) => Ok(std::mem::take(&mut self.report)),
            Err(error) => Err(Interrupted {
                error,
                report: std::mem::take(&mut self.report),
            }),
        }
    }

    async fn batches(
        &mut self,
        source: &impl Source,
        target: &impl Target,
    ) -> Result<(), SyncError> {
        let from_source = source.read_local(&self.doc_id).await?;
        let from_target = target.read_local(&self.doc_id).await?;
        let start = start_seq(
            from_source.as_ref().and_then(Checkpoint::from_doc).as_ref(),
            from_target.as_ref().and_then(Checkpoint::from_doc).as_ref(),
        );
        (self.source_doc, self.target_doc) = (Some(from_source), Some(from_target));
        self.report.start_seq = start.clone();
        self.report.last_seq = start;
        let limit = self.replication.batch_size.max(1);
        // Only the remote feed gives documents; each page says whether the next should.
        let pull = self.direction == Direction::Pull;
        let mut include_docs = pull;
        let mut pending = None;
        // A two-stage pipeline: while batch k is written to the target and checkpointed,
        // batch k+1 is read from the source (changes, revs_diff, fetch). Reading k+1 depends
        // only on the source's feed and on what the target lacks; a revision of k+1 that k
        // also brings is written twice, which is harmless (replicated writes are idempotent).
        let mut page = source
            .changes(&self.report.last_seq, limit, include_docs)
            .await?;
        let mut docs = None;
        for batch in 0..self.replication.max_batches {
            if page.results.is_empty() {
                // The feed may have moved past rows this replication leaves out.
                return self.checkpoint(source, target, page.last_seq).await;
            }
            let (current, pays) = match docs.take() {
                Some(gathered) => gathered,
                None => gather(source, target, &mut page.results).await?,
            };
            include_docs = pull && pays;
            let (rows, seq, page_pending) = (page.results.len(), page.last_seq, page.pending);
            let last = batch + 1 == self.replication.max_batches;
            let run = &mut *self;
            // The checkpoint only after the whole batch was written.
            let deliver_k = async {
                let outcome = deliver(target, current).await?;
                run.checkpoint(source, target, seq.clone()).await?;
                Ok::<_, SyncError>(outcome)
            };
            let read_next = async {
                if last {
                    return Ok(None);
                }
                let mut next = source.changes(&seq, limit, include_docs).await?;
                let docs = match next.results.is_empty() {
                    true => None,
                    false => Some(gather(source, target, &mut next.results).await?),
                };
                Ok::<_, SyncError>(Some((next, docs)))
            };
            let (delivered, next) = both(deliver_k, read_next).await;
            self.record(rows, delivered?, page_pending);
            pending = page_pending;
            // A failed read of the next batch stops the run after this batch's checkpoint.
            match next? {
                Some((next, next_docs)) => (page, docs) = (next, next_docs),
                None => break,
            }
        }
        // Stopped at the batch limit: more remains unless the source said nothing does.
        self.report.more = pending != Some(0);
        Ok(())
    }

    /// Counts a checkpointed batch and reports progress.
    fn record(&mut self, rows: usize, outcome: BatchOutcome, pending: Option<u64>) {
        let report = &mut self.report;
        report.docs_checked += rows as u64;
        report.docs_read += outcome.read;
        report.docs_written += outcome.written;
        report.refused.extend(outcome.refused);
        (self.progress)(Progress {
            direction: self.direction,
            done: report.docs_checked,
            total: pending.map(|p| report.docs_checked + p),
        });
    }

    /// Records `seq` on the target, then on the source (as CouchDB and PouchDB order it).
    async fn checkpoint(
        &mut self,
        source: &impl Side,
        target: &impl Side,
        seq: SeqToken,
    ) -> Result<(), SyncError> {
        let (session, id) = (&self.replication.session_id, &self.doc_id);
        write_checkpoint(target, id, session, &seq, &mut self.target_doc).await?;
        if !self.source_read_only {
            match write_checkpoint(source, id, session, &seq, &mut self.source_doc).await {
                Err(SyncError::Remote(
                    RemoteError::Forbidden { .. } | RemoteError::Unauthorized { .. },
                )) => self.source_read_only = true,
                other => other?,
            }
        }
        self.report.last_seq = seq;
        Ok(())
    }
}

/// The first half of a batch: the revisions of `changes` the target lacks, read from the
/// source and checked. First revisions the rows carry whole are taken from them (and their
/// documents out of the rows); only the rest is fetched. Also says whether asking the next
/// page for its documents pays ([`docs_pay`]).
async fn gather(
    source: &impl Source,
    target: &impl Target,
    changes: &mut [RemoteChange],
) -> Result<(Vec<ReplicatedDoc>, bool), SyncError> {
    let wanted = plan_diff(changes);
    let mut missing = match wanted.ask.is_empty() {
        true => RevsDiff::new(),
        false => target.revs_diff(&wanted.ask).await?,
    };
    missing.extend(wanted.lacking);
    let from_rows = take_from_rows(changes, &mut missing);
    let pays = docs_pay(changes.len(), from_rows.first_revisions);
    let mut docs = from_rows.docs;
    if !missing.is_empty() {
        docs.extend(check_fetched(&missing, source.fetch(&missing).await?)?);
    }
    Ok((docs, pays))
}

/// The second half: the gathered revisions written to the target, its answers sorted out.
async fn deliver(
    target: &impl Target,
    docs: Vec<ReplicatedDoc>,
) -> Result<BatchOutcome, SyncError> {
    if docs.is_empty() {
        return Ok(BatchOutcome::default());
    }
    let sent: Vec<_> = docs
        .iter()
        .map(|d| (d.doc.id.clone(), d.doc.rev.clone()))
        .collect();
    let results = target.write(docs).await?;
    let summary = sort_out_writes(&sent, &results)?;
    Ok(BatchOutcome {
        read: sent.len() as u64,
        written: summary.written,
        refused: summary.refused,
    })
}

/// Runs two futures at once on this thread and waits for both (no executor needed: each is
/// polled whenever the task wakes).
async fn both<A: Future, B: Future>(a: A, b: B) -> (A::Output, B::Output) {
    let (mut a, mut b) = (pin!(a), pin!(b));
    let (mut done_a, mut done_b) = (None, None);
    poll_fn(move |cx| {
        if done_a.is_none()
            && let Poll::Ready(v) = a.as_mut().poll(cx)
        {
            done_a = Some(v);
        }
        if done_b.is_none()
            && let Poll::Ready(v) = b.as_mut().poll(cx)
        {
            done_b = Some(v);
        }
        match (done_a.take(), done_b.take()) {
            (Some(x), Some(y)) => Poll::Ready((x, y)),
            (x, y) => {
                (done_a, done_b) = (x, y);
                Poll::Pending
            }
        }
    })
    .await
}

/// How often a checkpoint write that lost a race (409) is tried again.
const CHECKPOINT_ATTEMPTS: usize = 3;

/// Writes a side's checkpoint with `seq` recorded, unless it already is, over `known` (the
/// document the side holds, with its current `_rev`) or, when that is not known, over the
/// document read right before. `known` is then the document written, or unknown when the
/// write failed or its outcome is not known. A concurrent writer (a stale `_rev`, 409) makes
/// it read and try again.
async fn write_checkpoint(
    side: &impl Side,
    doc_id: &str,
    session: &str,
    seq: &SeqToken,
    known: &mut Option<Option<Value>>,
) -> Result<(), SyncError> {
    for _ in 0..CHECKPOINT_ATTEMPTS {
        let existing = match known.take() {
            Some(doc) => doc,
            None => side.read_local(doc_id).await?,
        };
        let Some(doc) = next_checkpoint_doc(existing.clone(), session, seq) else {
            *known = Some(existing);
            return Ok(());
        };
        match side.write_local(doc_id, doc).await {
            Ok(written) => {
                *known = written.map(Some);
                return Ok(());
            }
            Err(SyncError::Remote(RemoteError::Conflict)) => continue,
            Err(e) => return Err(e),
        }
    }
    Err(SyncError::Remote(RemoteError::Conflict))
}
