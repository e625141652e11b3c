//! The browser's storage manager: persistence and quota.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{StorageEstimate, StorageManager};

fn manager() -> Option<StorageManager> {
    let navigator = web_sys::window()?.navigator();
    // `navigator.storage` is undefined outside secure contexts.
    let storage = js_sys::Reflect::get(&navigator, &"storage".into()).ok()?;
    storage.dyn_into::<StorageManager>().ok()
}

/// Asks the browser not to evict this site's data under storage pressure
/// (`navigator.storage.persist()`). True when the data is now persistent. Browsers may grant
/// it silently (Chrome: installed or frequently used sites), ask the user (Firefox), or refuse.
pub async fn request_persistent_storage() -> bool {
    let Some(promise) = manager().and_then(|m| m.persist().ok()) else {
        return false;
    };
    JsFuture::from(promise)
        .await
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}

/// Bytes used and the quota available to this site (`navigator.storage.estimate()`), when
/// the browser tells.
pub async fn storage_estimate() -> Option<(u64, u64)> {
    let promise = manager()?.estimate().ok()?;
    let value = JsFuture::from(promise).await.ok()?;
    if !value.is_object() {
        return None;
    }
    // A dictionary, not a class: nothing to check with `instanceof`.
    let estimate: StorageEstimate = value.unchecked_into();
    // Byte counts are whole doubles.
    Some((estimate.get_usage()? as u64, estimate.get_quota()? as u64))
}
