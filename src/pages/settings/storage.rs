//! Storage on this device: space used of the quota, whether it is persistent, how many
//! records are saved.

use crate::state::resource;
use cartera_core::store::DocStore;
use leptos::prelude::*;

use crate::i18n::{Settings as Msg, SettingsCount, expect_i18n, fmt_bytes, fmt_int};
use crate::state::{self, expect_data_version, expect_persistence, expect_store};

#[component]
pub fn StorageSection() -> impl IntoView {
    let i18n = expect_i18n();
    let store = expect_store();
    let version = expect_data_version();
    let usage = resource(move || {
        version.track();
        state::storage_use()
    });
    let persistence = expect_persistence();
    let docs = resource(move || {
        version.track();
        let store = store.clone();
        async move { store.info().await.ok().map(|i| i.doc_count) }
    });
    let used_text = move || {
        let locale = i18n.locale();
        match usage.get().flatten() {
            Some(u) => i18n.t(SettingsCount::UsedOfQuota {
                used: fmt_bytes(locale, u.used),
                quota: fmt_bytes(locale, u.quota),
            }),
            None => i18n.t(Msg::StorageUnknown),
        }
    };
    // Per mille, as an integer (no float formatting in the wasm).
    let ratio = move || {
        usage
            .get()
            .flatten()
            .map_or(0, |u| (u.ratio().clamp(0.0, 1.0) * 1000.0).round() as u32)
    };
    let persisted_text = move || match persistence.get() {
        Some(true) => i18n.t(Msg::PersistentYes),
        Some(false) => i18n.t(Msg::PersistentNo),
        None => i18n.t(Msg::StorageUnknown),
    };
    let docs_text = move || {
        let n = docs.get().flatten()?;
        Some(fmt_int(i18n.locale(), i64::try_from(n).unwrap_or(i64::MAX)))
    };
    view! {
        <section class="card" aria-labelledby="storage-title">
            <h2 id="storage-title" class="card-title">{i18n.signal(Msg::Storage)}</h2>
            <dl class="facts">
                <div>
                    <dt id="storage-used">{i18n.signal(Msg::StorageUsed)}</dt>
                    <dd>
                        <span>{used_text}</span>
                        <progress class="meter" aria-labelledby="storage-used" max="1000" value=ratio></progress>
                    </dd>
                </div>
                <div>
                    <dt>{i18n.signal(Msg::Persistent)}</dt>
                    <dd>{persisted_text}</dd>
                </div>
                <div>
                    <dt>{i18n.signal(Msg::Documents)}</dt>
                    <dd>{move || docs_text().unwrap_or_default()}</dd>
                </div>
            </dl>
            <Show when=move || persistence.get() == Some(false)>
                <p class="field-hint">{i18n.signal(Msg::PersistentHint)}</p>
            </Show>
        </section>
    }
}
