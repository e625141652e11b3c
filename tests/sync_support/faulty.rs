//! A [`Remote`] around another that fails chosen calls: fault injection around the real
//! `HttpRemote`, so an interrupted sync is replayed against a real server; and reruns until
//! done, as the app retries.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::future::Future;

use cartera::idb::IdbStore;
use cartera_core::store::{ReplicatedDoc, RevsDiff};
use cartera_core::sync::testing::Op;
use cartera_core::sync::{
    Direction, DocWriteResult, Fetched, Interrupted, Remote, RemoteChanges, RemoteError,
    RemoteInfo, Replication, ReplicationReport, SeqToken, pull, push,
};
use serde_json::Value;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fault {
    /// The request never reaches the server.
    Network,
    /// The server does the work, then the connection drops before the answer arrives.
    LostAnswer,
    /// The server does the work; its answer arrives cut short mid-JSON.
    Truncated,
    /// `_bulk_get` answers the first half of the revisions asked, without an error.
    ShortAnswer,
}

pub struct Faulty<R> {
    inner: R,
    calls: RefCell<BTreeMap<Op, usize>>,
    faults: RefCell<Vec<(Op, usize, Fault)>>,
}

impl<R: Remote> Faulty<R> {
    pub fn new(inner: R) -> Self {
        Self {
            inner,
            calls: RefCell::default(),
            faults: RefCell::default(),
        }
    }

    /// Makes the `nth` call of `op` (counting from the first, over the wrapper's life) fail.
    pub fn inject(&self, op: Op, nth: usize, fault: Fault) {
        self.faults.borrow_mut().push((op, nth, fault));
    }

    pub fn calls(&self, op: Op) -> usize {
        self.calls.borrow().get(&op).copied().unwrap_or(0)
    }

    /// Faults injected but not played yet.
    pub fn pending(&self) -> usize {
        self.faults.borrow().len()
    }

    fn begin(&self, op: Op) -> Option<Fault> {
        let n = {
            let mut calls = self.calls.borrow_mut();
            let n = calls.entry(op).or_insert(0);
            *n += 1;
            *n
        };
        let mut faults = self.faults.borrow_mut();
        let at = faults.iter().position(|(o, nth, _)| *o == op && *nth == n);
        at.map(|i| faults.remove(i).2)
    }
}

async fn play<T>(
    fault: Option<Fault>,
    call: impl Future<Output = Result<T, RemoteError>>,
) -> Result<T, RemoteError> {
    match fault {
        None | Some(Fault::ShortAnswer) => call.await,
        Some(Fault::Network) => Err(RemoteError::Network("injected: connection refused".into())),
        Some(Fault::LostAnswer) => {
            let _ = call.await;
            Err(RemoteError::Network("injected: connection reset".into()))
        }
        Some(Fault::Truncated) => {
            let _ = call.await;
            let cut = serde_json::from_str::<Value>(r#"{"results":[{"seq":12,"id":"contact-0"#);
            match cut {
                Err(e) => Err(RemoteError::InvalidJson(e)),
                Ok(_) => Err(RemoteError::UnexpectedResponse("cut body parsed".into())),
            }
        }
    }
}

impl<R: Remote> Remote for Faulty<R> {
    async fn info(&self) -> Result<RemoteInfo, RemoteError> {
        play(self.begin(Op::Info), self.inner.info()).await
    }

    async fn changes(
        &self,
        since: &SeqToken,
        limit: usize,
        include_docs: bool,
    ) -> Result<RemoteChanges, RemoteError> {
        let call = self.inner.changes(since, limit, include_docs);
        play(self.begin(Op::Changes), call).await
    }

    async fn revs_diff(&self, revs: &RevsDiff) -> Result<RevsDiff, RemoteError> {
        play(self.begin(Op::RevsDiff), self.inner.revs_diff(revs)).await
    }

    async fn bulk_get(&self, wanted: &RevsDiff) -> Result<Vec<Fetched>, RemoteError> {
        let fault = self.begin(Op::BulkGet);
        let mut fetched = play(fault, self.inner.bulk_get(wanted)).await?;
        if fault == Some(Fault::ShortAnswer) {
            fetched.truncate(fetched.len() / 2);
        }
        Ok(fetched)
    }

    async fn bulk_docs_replicated(
        &self,
        docs: &[ReplicatedDoc],
    ) -> Result<Vec<DocWriteResult>, RemoteError> {
        let call = self.inner.bulk_docs_replicated(docs);
        play(self.begin(Op::BulkDocs), call).await
    }

    async fn get_local(&self, id: &str) -> Result<Option<Value>, RemoteError> {
        play(self.begin(Op::GetLocal), self.inner.get_local(id)).await
    }

    async fn put_local(&self, id: &str, doc: Value) -> Result<Option<String>, RemoteError> {
        play(self.begin(Op::PutLocal), self.inner.put_local(id, doc)).await
    }
}

/// Runs one direction until it completes (at most 10 runs), as the app retries; returns the
/// interrupted runs and the final report. Batches of 100.
pub async fn until_done(
    direction: Direction,
    store: &IdbStore,
    remote: &impl Remote,
    rep_id: &str,
) -> (Vec<Interrupted>, ReplicationReport) {
    let mut failed = Vec::new();
    for _ in 0..10 {
        let mut rep = Replication::new(rep_id, uuid::Uuid::now_v7().to_string());
        rep.batch_size = 100;
        let outcome = match direction {
            Direction::Pull => pull(store, remote, &rep, &mut |_| {}).await,
            Direction::Push => push(store, remote, &rep, &mut |_| {}).await,
        };
        match outcome {
            Ok(report) => return (failed, report),
            Err(e) => failed.push(e),
        }
    }
    panic!("still failing after 10 runs: {:?}", failed.last());
}

/// Every run after an interruption starts at or after the last checkpoint the interrupted run
/// recorded (after it, when the cut came between the two checkpoint writes): a rerun repeats
/// at most the batch that was cut. Sequences are compared as numbers, which PouchDB Server's
/// and the local store's are.
pub fn assert_resumed(failed: &[Interrupted], done: &ReplicationReport) {
    let num = |s: &SeqToken| s.to_local().expect("an integer sequence");
    let starts = failed.iter().skip(1).map(|f| &f.report.start_seq);
    let starts: Vec<_> = starts.chain([&done.start_seq]).collect();
    for (before, start) in failed.iter().zip(starts) {
        assert!(before.error.is_retryable(), "{:?}", before.error);
        assert!(
            num(start) >= num(&before.report.last_seq),
            "resumed, not restarted"
        );
    }
    assert!(num(&done.start_seq) > 0, "the last run resumed");
}
