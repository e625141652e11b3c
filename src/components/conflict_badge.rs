//! A record's sync flags, for detail pages: "Conflict: review" (a link to `/conflicts/:id`)
//! when the record has more than one live version, and "Not synced" with the server's reason
//! when it refused the current version. Renders nothing otherwise.
//!
//! Usage: `<ConflictBadge id=id.clone()/>` (an id `String` or a `Signal<String>`).

use crate::state::resource;
use leptos::prelude::*;

use crate::i18n::{RefusalText, SyncMsg as Msg, expect_i18n};
use crate::state::{expect_data_version, expect_store, expect_sync, sync::reason_code};

#[component]
pub fn ConflictBadge(#[prop(into)] id: Signal<String>) -> impl IntoView {
    let i18n = expect_i18n();
    let (store, version, sync) = (expect_store(), expect_data_version(), expect_sync());
    let leaves = resource(move || {
        version.track();
        let (store, id) = (store.clone(), id.get());
        async move {
            use cartera_core::store::DocStore;
            store.get_conflicts(&id).await.map(|l| l.len()).unwrap_or(0)
        }
    });
    let conflict = move || {
        let n = leaves.get().unwrap_or(0);
        (n > 1).then(|| {
            let href = format!("/conflicts/{}", id.get());
            view! {
                <a href=href class="badge badge-warning conflict-badge">
                    {i18n.signal(Msg::ConflictBadge)}
                </a>
            }
        })
    };
    let refused = move || {
        let r = sync.refusal_for(&id.get())?;
        let code = reason_code(&r.reason).map(str::to_owned);
        Some(view! {
            <span class="badge badge-danger refused-badge" role="note">
                <strong>{i18n.signal(Msg::RefusedBadge)}</strong>
                ": "
                {move || i18n.t(RefusalText(code.clone()))}
            </span>
        })
    };
    view! {
        <div class="record-flags">
            {conflict}
            {refused}
        </div>
    }
}
