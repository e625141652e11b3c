//! The `DocStore` conformance suite: the one contract every store passes, `MemoryStore` on the
//! host and the IndexedDB store in a headless browser (as PouchDB runs one suite per adapter).
//!
//! Each case takes a fresh, empty store and panics with a readable message when the store breaks
//! the contract. [`run_all`] runs every case, each on its own store; [`conformance_cases!`] lists
//! the cases so a test harness can make one test per case. In the browser:
//!
//! ```text
//! macro_rules! idb_cases {
//!     ($($case:ident),* $(,)?) => {$(
//!         #[wasm_bindgen_test]
//!         async fn $case() {
//!             let store = open_store_on_a_new_random_database().await;
//!             cartera_core::store::conformance::$case(&store).await;
//!         }
//!     )*};
//! }
//! cartera_core::conformance_cases!(idb_cases);
//! ```
//!
//! The suite is behind the `conformance` feature; it panics by design (it is a test).

mod bases;
mod conflicts;
mod edits;
mod feeds;
mod indexes;

use std::fmt::Debug;
use std::future::Future;

use serde_json::Value;

pub use bases::*;
pub use conflicts::*;
pub use edits::*;
pub use feeds::*;
pub use indexes::*;

use super::{Body, Doc, DocStore, Edit, ReplicatedDoc, Rev, StoreInfo, WriteError};

/// Calls `$m!(case_a, case_b, ...)` with every conformance case, so a harness can turn each
/// into its own test. The cases live in `cartera_core::store::conformance`.
#[macro_export]
macro_rules! conformance_cases {
    ($m:ident) => {
        $m!(
            case_create_get_update_delete,
            case_stale_update_is_a_conflict,
            case_creating_an_existing_document_is_a_conflict,
            case_invalid_ids_and_fields_are_refused,
            case_a_bad_edit_does_not_stop_the_batch,
            case_linear_edits,
            case_edits_of_one_document_in_one_batch,
            case_a_deleted_document_can_be_recreated,
            case_conflicting_branches_pick_the_couchdb_winner,
            case_deleting_the_winner_promotes_the_other_branch,
            case_deleting_the_losing_leaf_resolves_the_conflict,
            case_replicating_a_known_revision_changes_nothing,
            case_replicated_child_of_a_local_edit_is_no_conflict,
            case_get_rev_reads_leaves_only,
            case_read_revs_answers_each_revision_in_order,
            case_revs_diff_lists_missing_revisions,
            case_conflict_base_is_the_kept_common_ancestor,
            case_conflict_base_needs_the_shared_revision,
            case_saves_in_a_row_keep_the_base_they_started_from,
            case_changes_have_one_row_per_document,
            case_changes_page_by_limit,
            case_changes_report_deletions_and_leaves,
            case_changes_say_which_revisions_were_made_here,
            case_all_docs_ranges_and_limit,
            case_local_docs_are_kept_apart,
            case_info_counts_live_documents,
            case_query_by_type,
            case_query_by_owner_follows_edits,
            case_query_by_account_follows_edits,
            case_query_recently_updated,
            case_deleted_documents_leave_every_index,
            case_indexes_follow_the_winning_revision,
        );
    };
}

/// Runs every case, each on a fresh store from `make_empty_store`.
pub async fn run_all<S, F, Fut>(make_empty_store: F)
where
    S: DocStore,
    F: Fn() -> Fut,
    Fut: Future<Output = S>,
{
    macro_rules! run {
        ($($case:ident),* $(,)?) => {
            $( $case(&make_empty_store().await).await; )*
        };
    }
    crate::conformance_cases!(run);
}

/// The value of a store call the case depends on; a store failure fails the case.
fn must<T, E: Debug>(result: Result<T, E>, what: &str) -> T {
    match result {
        Ok(v) => v,
        Err(e) => panic!("{what} failed: {e:?}"),
    }
}

fn body(v: Value) -> Body {
    match v {
        Value::Object(m) => m,
        other => panic!("a test body must be a JSON object, got {other}"),
    }
}

fn rev(s: &str) -> Rev {
    must(s.parse::<Rev>(), &format!("parsing revision {s}"))
}

fn edit(id: &str, prev: Option<&Rev>, deleted: bool, v: Value) -> Edit {
    Edit {
        id: id.to_owned(),
        prev: prev.cloned(),
        deleted,
        body: body(v),
    }
}

fn replicated(id: &str, r: &str, ancestry: &[&str], deleted: bool, v: Value) -> ReplicatedDoc {
    let doc = Doc {
        id: id.to_owned(),
        rev: rev(r),
        deleted,
        body: body(v),
    };
    ReplicatedDoc {
        doc,
        ancestry: ancestry.iter().map(|h| (*h).to_owned()).collect(),
    }
}

/// Saves one edit and returns its result.
async fn save<S: DocStore>(store: &S, edit: Edit) -> Result<Rev, WriteError> {
    let mut results = must(store.bulk_docs(vec![edit]).await, "bulk_docs");
    assert_eq!(results.len(), 1, "bulk_docs returns one result per edit");
    results.pop().unwrap_or(Err(WriteError::Conflict))
}

async fn create<S: DocStore>(store: &S, id: &str, v: Value) -> Rev {
    must(
        save(store, edit(id, None, false, v)).await,
        &format!("creating {id}"),
    )
}

async fn update<S: DocStore>(store: &S, id: &str, prev: &Rev, v: Value) -> Rev {
    must(
        save(store, edit(id, Some(prev), false, v)).await,
        &format!("updating {id}"),
    )
}

async fn delete<S: DocStore>(store: &S, id: &str, prev: &Rev) -> Rev {
    must(
        save(
            store,
            edit(id, Some(prev), true, Value::Object(Body::new())),
        )
        .await,
        &format!("deleting {id}"),
    )
}

async fn replicate<S: DocStore>(store: &S, docs: Vec<ReplicatedDoc>) {
    must(
        store.bulk_docs_replicated(docs).await,
        "bulk_docs_replicated",
    );
}

/// The live winning revision, failing the case when the document is missing or deleted.
async fn get<S: DocStore>(store: &S, id: &str) -> Doc {
    match must(store.get(id).await, &format!("get {id}")) {
        Some(doc) => doc,
        None => panic!("document {id} should exist and be live"),
    }
}

async fn info<S: DocStore>(store: &S) -> StoreInfo {
    must(store.info().await, "info")
}

/// A document with two branches from 1-a: 2-b (`{"v": "B"}`) and 2-c (`{"v": "C"}`), which wins
/// by hash.
async fn two_branches<S: DocStore>(store: &S, id: &str) {
    replicate(
        store,
        vec![
            replicated(id, "2-b", &["b", "a"], false, serde_json::json!({"v": "B"})),
            replicated(id, "2-c", &["c", "a"], false, serde_json::json!({"v": "C"})),
        ],
    )
    .await;
}

fn ids(docs: &[Doc]) -> Vec<&str> {
    docs.iter().map(|d| d.id.as_str()).collect()
}

fn revs(docs: &[Doc]) -> Vec<String> {
    docs.iter().map(|d| d.rev.to_string()).collect()
}
