//! The `DocStore` conformance suite against the IndexedDB store, one test per case, each on a
//! fresh database in headless Chromium.
//!
//! `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test idb_conformance`
#![cfg(target_arch = "wasm32")]

use cartera::idb::{IdbStore, delete_database};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

/// Runs one case on a new database with a random name, and deletes it afterwards.
async fn on_fresh_store<F, Fut>(case: &str, run: F)
where
    F: FnOnce(IdbStore) -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    let name = format!("conformance-{case}-{}", uuid::Uuid::now_v7());
    let store = IdbStore::open(&name).await.expect("open a fresh database");
    run(store).await;
    delete_database(&name).await.expect("delete the database");
}

macro_rules! idb_cases {
    ($($case:ident),* $(,)?) => {$(
        #[wasm_bindgen_test]
        async fn $case() {
            on_fresh_store(stringify!($case), |store| async move {
                cartera_core::store::conformance::$case(&store).await;
            })
            .await;
        }
    )*};
}

cartera_core::conformance_cases!(idb_cases);
