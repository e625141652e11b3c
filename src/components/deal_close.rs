//! Closing a deal as won or lost: a modal `<dialog>` asking for the reason and a note.

use crate::state::effect;
use cartera_core::domain::sales::{CloseReason, DealStatus};
use leptos::html::Dialog;
use leptos::prelude::*;

use crate::i18n::{Common, SalesMsg, expect_i18n};

const REASONS: [CloseReason; 10] = [
    CloseReason::Price,
    CloseReason::Product,
    CloseReason::Relationship,
    CloseReason::Service,
    CloseReason::Competitor,
    CloseReason::NoBudget,
    CloseReason::NoDecision,
    CloseReason::Timing,
    CloseReason::NoResponse,
    CloseReason::Other,
];

/// Opens while `open` holds `Won` or `Lost`; confirming runs `on_close(status, reason, note)`.
#[component]
pub fn DealCloseDialog(
    open: RwSignal<Option<DealStatus>>,
    on_close: Callback<(DealStatus, Option<CloseReason>, String)>,
) -> impl IntoView {
    let i18n = expect_i18n();
    let dialog = NodeRef::<Dialog>::new();
    let reason = RwSignal::new(String::new());
    let note = RwSignal::new(String::new());
    effect(move || {
        let want = open.get().is_some();
        let Some(el) = dialog.get() else { return };
        if want && !el.open() {
            reason.set(String::new());
            note.set(String::new());
            let _ = el.show_modal();
        } else if !want && el.open() {
            el.close();
        }
    });
    let confirm = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Some(status) = open.get_untracked() {
            open.set(None);
            let r = CloseReason::from_code(&reason.get_untracked());
            on_close.run((status, r, note.get_untracked()));
        }
    };
    let title = move || {
        open.get()
            .map(|s| i18n.t(SalesMsg::CloseTitle(s)))
            .unwrap_or_default()
    };
    view! {
        <dialog node_ref=dialog class="dialog" aria-labelledby="close-title" on:close=move |_| open.set(None)>
            <form on:submit=confirm>
                <h2 id="close-title">{title}</h2>
                <div class="field">
                    <label class="field-label" for="close-reason">{i18n.signal(SalesMsg::CloseReasonLabel)}</label>
                    <select id="close-reason" class="field-input" bind:value=reason>
                        <option value="">{i18n.signal(SalesMsg::NoReason)}</option>
                        {REASONS.iter().map(|r| {
                            let r = *r;
                            view! { <option value=r.code()>{i18n.signal(SalesMsg::Reason(r))}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label class="field-label" for="close-note">{i18n.signal(SalesMsg::CloseNoteLabel)}</label>
                    <textarea id="close-note" class="field-input field-textarea" rows="3" bind:value=note></textarea>
                </div>
                <div class="dialog-actions">
                    <button type="button" class="btn" on:click=move |_| open.set(None)>
                        {i18n.signal(Common::Cancel)}
                    </button>
                    <button type="submit" class="btn btn-primary">{i18n.signal(SalesMsg::Confirm)}</button>
                </div>
            </form>
        </dialog>
    }
}
