//! Settings › Sync: the server and account this device syncs with, and signing out, keeping
//! the local data or wiping it.

use crate::state::job;
use leptos::html::Dialog;
use leptos::prelude::*;

use crate::i18n::{Common, SyncMsg as Msg, expect_i18n};
use crate::state::sync::sign_out;
use crate::state::{self, expect_store, expect_sync, expect_toasts};

#[component]
pub fn SyncSection() -> impl IntoView {
    let i18n = expect_i18n();
    let sync = expect_sync();
    let account = move || match sync.config() {
        Some(config) => view! {
            <p>
                {i18n.signal(Msg::SignedInAs)} " " <strong>{config.user.clone()}</strong>
                " · " <span class="sync-server">{config.server.clone()}</span>
            </p>
            <SignOut/>
        }
        .into_any(),
        None => view! {
            <p class="field-hint">{i18n.signal(Msg::NotSignedIn)}</p>
            <a href="/login" class="btn btn-primary">{i18n.signal(Msg::SignIn)}</a>
        }
        .into_any(),
    };
    view! {
        <section class="card" aria-labelledby="sync-title">
            <h2 id="sync-title" class="card-title">{i18n.signal(Msg::SyncSection)}</h2>
            {account}
        </section>
    }
}

/// The Sign out button and its dialog: cancel, keep local data, or wipe it.
#[component]
fn SignOut() -> impl IntoView {
    let i18n = expect_i18n();
    let (sync, store, toasts) = (expect_sync(), expect_store(), expect_toasts());
    let dialog = NodeRef::<Dialog>::new();
    let leave = job(move |wipe: &bool| {
        let (store, wipe) = (store.clone(), *wipe);
        async move {
            sign_out(sync).await;
            if !wipe {
                toasts.show(i18n.t(Msg::SignedOut), None);
            } else if let Err(e) = state::delete_all_data(store).await {
                toasts.store_error(&e);
            }
        }
    });
    let close = move || {
        if let Some(d) = dialog.get() {
            d.close();
        }
    };
    let choose = move |wipe: bool| {
        close();
        leave.dispatch(wipe);
    };
    view! {
        <button
            type="button"
            class="btn"
            disabled=move || leave.pending().get()
            on:click=move |_| {
                if let Some(d) = dialog.get() {
                    let _ = d.show_modal();
                }
            }
        >
            {i18n.signal(Msg::SignOut)}
        </button>
        <dialog
            node_ref=dialog
            class="dialog"
            aria-labelledby="signout-title"
            aria-describedby="signout-message"
        >
            <h2 id="signout-title">{i18n.signal(Msg::SignOutTitle)}</h2>
            <p id="signout-message">{i18n.signal(Msg::SignOutMessage)}</p>
            <div class="dialog-actions">
                <button type="button" class="btn" autofocus on:click=move |_| close()>
                    {i18n.signal(Common::Cancel)}
                </button>
                <button type="button" class="btn" on:click=move |_| choose(false)>
                    {i18n.signal(Msg::KeepData)}
                </button>
                <button type="button" class="btn btn-danger" on:click=move |_| choose(true)>
                    {i18n.signal(Msg::WipeData)}
                </button>
            </div>
        </dialog>
    }
}
