//! Whole-store tools behind Settings: storage use, export, sample data, deleting everything.

use cartera_core::domain::sample_data;
use cartera_core::store::{DocStore, Edit, IdRange, StoreError};
use js_sys::Array;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

use super::Store;
use super::user::forget_profile;

/// Documents written per transaction when loading sample data: big enough to be fast,
/// small enough to show progress and to keep what was written if the quota runs out.
const CHUNK: usize = 500;

/// Bytes this site uses and may use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StorageUse {
    pub used: u64,
    pub quota: u64,
}

impl StorageUse {
    /// Used / quota, 0.0–1.0.
    pub fn ratio(&self) -> f64 {
        if self.quota == 0 {
            return 0.0;
        }
        (self.used as f64 / self.quota as f64).clamp(0.0, 1.0)
    }
}

/// `navigator.storage.estimate()`, when the browser tells.
pub async fn storage_use() -> Option<StorageUse> {
    let (used, quota) = crate::idb::storage_estimate().await?;
    Some(StorageUse { used, quota })
}

/// Downloads every live document as `cartera-YYYY-MM-DD.json`
/// (`{"exported_at": …, "docs": [CouchDB JSON…]}`).
pub async fn export_all(store: &Store) -> Result<(), StoreError> {
    let docs = store.all_docs(&IdRange::default()).await?;
    let now = chrono::Utc::now();
    let json = serde_json::json!({
        "exported_at": now.to_rfc3339(),
        "docs": docs.iter().map(|d| d.to_json()).collect::<Vec<_>>(),
    });
    let file = format!("cartera-{}.json", now.date_naive());
    download(&file, "application/json", &json.to_string())
        .map_err(|_| StoreError::Backend("download failed".into()))
}

/// Saves `text` as a file named `file_name` on the user's device (Blob + object URL + a click).
pub fn download(file_name: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    let opts = BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = Blob::new_with_str_sequence_and_options(&Array::of1(&text.into()), &opts)?;
    let url = Url::create_object_url_with_blob(&blob)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or(JsValue::NULL)?;
    let a: HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(file_name);
    a.click();
    // The click has started the download; the URL is no longer needed.
    Url::revoke_object_url(&url)
}

/// Adds sample accounts and `contacts` sample contacts, `CHUNK` per transaction, calling
/// `progress(done, total)` after each. Returns how many documents were added. When the
/// quota runs out, the chunks already written stay and the error is returned.
pub async fn load_sample(
    store: &Store,
    contacts: usize,
    progress: impl Fn(usize, usize),
) -> Result<usize, StoreError> {
    let now = chrono::Utc::now();
    let seed = u64::try_from(now.timestamp_millis()).unwrap_or_default();
    let data = sample_data(seed, contacts, now);
    let bodies = data
        .accounts
        .iter()
        .map(|a| (a.id.clone(), a.to_body()))
        .chain(data.contacts.iter().map(|c| (c.id.clone(), c.to_body())));
    let edits: Vec<Edit> = bodies
        .map(|(id, body)| Edit {
            id,
            prev: None,
            deleted: false,
            body,
        })
        .collect();
    let total = edits.len();
    let mut added = 0;
    progress(0, total);
    let mut done = 0;
    for chunk in edits.chunks(CHUNK) {
        let results = store.bulk_docs(chunk.to_vec()).await?;
        added += results.iter().filter(|r| r.is_ok()).count();
        done += chunk.len();
        progress(done, total);
    }
    Ok(added)
}

/// Deletes the database and the local profile, then reloads onto a fresh, empty store.
pub async fn delete_all_data(store: Store) -> Result<(), StoreError> {
    let name = store.name().to_owned();
    // Our own connection closes itself when asked (versionchange), so this is not blocked.
    drop(store);
    crate::idb::delete_database(&name).await?;
    forget_profile();
    if let Some(window) = web_sys::window() {
        let _ = window.location().replace("/");
    }
    Ok(())
}
