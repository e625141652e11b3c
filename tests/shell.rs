//! The app shell's services as a user meets them: storage errors in words, sizes in the
//! user's format, Undo on a toast, and sample data loading with progress.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use cartera::i18n::{ErrorMsg, Locale, Message, fmt_bytes, provide_i18n};
use cartera::idb::{IdbStore, delete_database};
use cartera::state::{Store, load_sample, provide_toasts};
use cartera_core::store::{DocStore, StoreError};
use leptos::prelude::*;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

fn every_store_error() -> Vec<StoreError> {
    vec![
        StoreError::QuotaExceeded,
        StoreError::Unavailable("blocked".into()),
        StoreError::VersionTooNew,
        StoreError::Corrupt {
            id: "c1".into(),
            reason: "bad json".into(),
        },
        StoreError::Backend("aborted".into()),
    ]
}

#[wasm_bindgen_test]
fn every_storage_error_reads_as_words_in_both_languages_never_as_the_debug_text() {
    for e in every_store_error() {
        let msg = ErrorMsg::from(&e);
        let es = msg.text(Locale::Es);
        let en = msg.text(Locale::En);
        assert!(!es.is_empty() && !en.is_empty(), "{e:?}");
        assert_ne!(es, en, "{e:?} is not translated");
        assert!(
            !es.contains(&e.to_string()) && !en.contains(&e.to_string()),
            "{e:?}"
        );
    }
    // Running out of space must tell the user that what was saved is safe.
    assert!(ErrorMsg::QuotaExceeded.text(Locale::Es).contains("a salvo"));
    assert!(ErrorMsg::QuotaExceeded.text(Locale::En).contains("safe"));
}

#[wasm_bindgen_test]
fn storage_sizes_use_the_locale_decimal_separator() {
    let es = fmt_bytes(Locale::Es, 1_500_000);
    let en = fmt_bytes(Locale::En, 1_500_000);
    assert!(es.contains("1,5") && es.contains("MB"), "{es}");
    assert!(en.contains("1.5") && en.contains("MB"), "{en}");
}

#[wasm_bindgen_test]
fn undo_on_a_toast_runs_its_action_once_and_removes_the_toast() {
    let owner = Owner::new();
    owner.set();
    let toasts = provide_toasts(provide_i18n());
    let undone = Arc::new(AtomicUsize::new(0));
    let counter = undone.clone();
    toasts.show_undo("Contacto eliminado", move || {
        counter.fetch_add(1, Ordering::SeqCst);
    });
    let shown = toasts.items();
    assert_eq!(shown.len(), 1);
    assert!(shown[0].undo.is_some());
    toasts.undo(shown[0].id);
    toasts.undo(shown[0].id);
    assert_eq!(undone.load(Ordering::SeqCst), 1);
    assert!(toasts.items().is_empty());
}

#[wasm_bindgen_test]
async fn sample_data_lands_whole_and_reports_progress_to_the_end() {
    let name = format!("shell-sample-{}", uuid::Uuid::now_v7());
    let store = Store::new(IdbStore::open(&name).await.expect("open"));
    let seen = Rc::new(RefCell::new(Vec::new()));
    let log = seen.clone();
    let added = load_sample(&store, 40, move |done, total| {
        log.borrow_mut().push((done, total))
    })
    .await
    .expect("load");
    let info = store.info().await.expect("info");
    assert_eq!(info.doc_count, added as u64);
    assert!(added >= 40, "40 contacts and their accounts, got {added}");
    let progress = seen.borrow().clone();
    assert_eq!(progress.first(), Some(&(0, added)));
    assert_eq!(progress.last(), Some(&(added, added)));
    drop(store);
    delete_database(&name).await.expect("delete");
}
