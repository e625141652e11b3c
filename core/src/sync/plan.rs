//! The pure steps of one replication batch: what to ask the target about, whether the source
//! answered everything asked, and how the target's answers sort into written and refused.

use std::collections::{BTreeMap, BTreeSet};

use crate::store::{ReplicatedDoc, Rev, RevsDiff};

use super::error::SyncError;
use super::remote::{DocWriteResult, Fetched, RemoteChange, WriteOutcome};

/// A revision the target refused to store (its validation said no). It is not sent again until
/// the document changes, so the app keeps this list to flag the record for its user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RefusedDoc {
    pub id: String,
    pub rev: Rev,
    pub reason: String,
}

/// How the target's answers sort out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WriteSummary {
    pub written: u64,
    pub refused: Vec<RefusedDoc>,
}

/// Every leaf of a page of changes, split by whether the target must be asked.
#[derive(Debug, Default, PartialEq)]
pub struct Wanted {
    /// The `_revs_diff` request.
    pub ask: RevsDiff,
    /// Documents whose every row says the source made the only leaf
    /// ([`RemoteChange::made_here`]): the target lacks them unless this device pushed them
    /// before (then writing them again changes nothing). Sending them without asking saves the
    /// target a lookup per document and the push a round trip.
    pub lacking: RevsDiff,
}

/// What to ask `_revs_diff` for a page of changes, and what to send without asking. Ids
/// starting with `_` (design documents) are left out: the local store refuses them and the app
/// writes none, so they never travel.
pub fn plan_diff(changes: &[RemoteChange]) -> Wanted {
    // Per id: its leaves, and whether every row of it said "made here".
    let mut diff: BTreeMap<String, (BTreeSet<Rev>, bool)> = BTreeMap::new();
    for change in changes.iter().filter(|c| !c.id.starts_with('_')) {
        let entry = diff
            .entry(change.id.clone())
            .or_insert_with(|| (BTreeSet::new(), true));
        entry.0.extend(change.leaves.iter().cloned());
        entry.1 &= change.made_here;
    }
    // Inserted one by one: `collect()` into a BTreeMap would sort a Vec (another sort copy).
    let mut out = Wanted::default();
    for (id, (revs, made_here)) in diff.into_iter().filter(|(_, (revs, _))| !revs.is_empty()) {
        let side = if made_here {
            &mut out.lacking
        } else {
            &mut out.ask
        };
        side.insert(id, revs.into_iter().collect());
    }
    out
}

/// What [`take_from_rows`] found in a page of changes.
#[derive(Debug, Default, PartialEq)]
pub struct FromRows {
    /// First revisions taken whole from their rows.
    pub docs: Vec<ReplicatedDoc>,
    /// Rows standing for a first revision the target lacks, with their document or without:
    /// the fetches the documents save (or would have saved).
    pub first_revisions: usize,
}

/// The missing revisions a page of changes already carries whole, taken out of `missing` so
/// only the rest is fetched. A row qualifies when its document has one revision, the first
/// (`1-x`), live: its history is itself, so the body and `_revisions {start: 1, ids: [x]}`
/// are the revision exactly as `_bulk_get?revs=true` would give it (PouchDB's replicator takes
/// first revisions from `_all_docs` the same way). Rows whose document does not match their
/// only leaf (id, revision, deletion: the feed read it after a newer edit), and rows with
/// more leaves (conflicts), later generations or deletions, are left to the fetch. Every
/// row's document is taken out of the page either way.
pub fn take_from_rows(changes: &mut [RemoteChange], missing: &mut RevsDiff) -> FromRows {
    let mut found = FromRows::default();
    for change in changes.iter_mut() {
        let doc = change.doc.take();
        let [leaf] = change.leaves.as_slice() else {
            continue;
        };
        let Some(revs) = missing.get_mut(&change.id) else {
            continue;
        };
        let Some(at) = revs.iter().position(|r| r == leaf) else {
            continue;
        };
        if leaf.pos != 1 || change.deleted {
            continue;
        }
        found.first_revisions += 1;
        let Some(doc) = doc.filter(|d| !d.deleted && d.id == change.id && d.rev == *leaf) else {
            continue;
        };
        revs.remove(at);
        if revs.is_empty() {
            missing.remove(&change.id);
        }
        let ancestry = vec![doc.rev.hash.clone()];
        found.docs.push(ReplicatedDoc { doc, ancestry });
    }
    found
}

/// Whether to ask the next page of changes for its documents, after a page of `rows` rows of
/// which `first_revisions` were first revisions the target lacked: when they are at least
/// half. Documents cost their bytes on every row and save a fetch on those rows only, so a
/// feed of revisions the target has (its own writes coming back) or of later edits stops
/// asking after one page, and a feed of new documents (a first sync) keeps asking.
pub fn docs_pay(rows: usize, first_revisions: usize) -> bool {
    first_revisions * 2 >= rows
}

/// The revisions to write, after checking that the source answered every one `asked`.
/// Superseded revisions are skipped (a later change carries their successor). A missing
/// revision, or one left unanswered, stops the batch: checkpointing past it could skip a
/// document for good.
pub fn check_fetched(
    asked: &RevsDiff,
    fetched: Vec<Fetched>,
) -> Result<Vec<ReplicatedDoc>, SyncError> {
    let mut unanswered: BTreeSet<(String, Rev)> = BTreeSet::new();
    unanswered.extend(
        (asked.iter()).flat_map(|(id, revs)| revs.iter().map(move |rev| (id.clone(), rev.clone()))),
    );
    let total = unanswered.len();
    let mut docs: Vec<ReplicatedDoc> = Vec::new();
    for answer in fetched {
        match answer {
            Fetched::Found(doc) => {
                let before = unanswered.len();
                unanswered.retain(|(id, rev)| !(doc.doc.id == *id && answers(&doc, rev)));
                let new = !docs
                    .iter()
                    .any(|d| d.doc.id == doc.doc.id && d.doc.rev == doc.doc.rev);
                if unanswered.len() < before && new {
                    docs.push(doc);
                }
            }
            Fetched::Missing { id, rev } => {
                let key = (id, rev);
                if unanswered.contains(&key) {
                    let (id, rev) = key;
                    return Err(SyncError::MissingRevision { id, rev });
                }
            }
            Fetched::Superseded { id, rev } => {
                unanswered.remove(&(id, rev));
            }
        }
    }
    if !unanswered.is_empty() {
        return Err(SyncError::IncompleteFetch {
            asked: total,
            answered: total - unanswered.len(),
        });
    }
    Ok(docs)
}

/// Whether `doc` answers a request for `rev`: it is `rev`, or a newer revision whose ancestry
/// passes through `rev` (what `latest=true` returns).
fn answers(doc: &ReplicatedDoc, rev: &Rev) -> bool {
    let have = &doc.doc.rev;
    if *have == *rev {
        return true;
    }
    let Some(back) = have.pos.checked_sub(rev.pos) else {
        return false;
    };
    usize::try_from(back)
        .ok()
        .and_then(|i| doc.ancestry.get(i))
        .is_some_and(|hash| *hash == rev.hash)
}

/// Sorts the target's answers for the revisions `sent` (id, rev) into written and refused.
/// Rows match by id, and by revision when they name one; a revision without a row was written.
/// Any failure other than a refusal fails the batch, so it is not checkpointed and the next
/// run sends it again.
pub fn sort_out_writes(
    sent: &[(String, Rev)],
    results: &[DocWriteResult],
) -> Result<WriteSummary, SyncError> {
    let mut summary = WriteSummary::default();
    for (id, rev) in sent {
        let rows = results
            .iter()
            .filter(|r| r.id == *id && r.rev.as_ref().is_none_or(|named| named == rev));
        let mut outcome = &WriteOutcome::Written;
        for row in rows {
            match (&row.outcome, outcome) {
                (WriteOutcome::Failed { .. }, _) => outcome = &row.outcome,
                (WriteOutcome::Forbidden { .. }, WriteOutcome::Written) => outcome = &row.outcome,
                _ => {}
            }
        }
        match outcome {
            WriteOutcome::Written => summary.written += 1,
            WriteOutcome::Forbidden { reason } => summary.refused.push(RefusedDoc {
                id: id.clone(),
                rev: rev.clone(),
                reason: reason.clone(),
            }),
            WriteOutcome::Failed { error, reason } => {
                return Err(SyncError::WriteFailed {
                    id: id.clone(),
                    rev: rev.clone(),
                    error: error.clone(),
                    reason: reason.clone(),
                });
            }
        }
    }
    Ok(summary)
}

#[cfg(test)]
mod tests;
