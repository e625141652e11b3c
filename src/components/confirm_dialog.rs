//! A modal confirmation on the native `<dialog>` (focus kept inside, Escape cancels).

use crate::state::effect;
use std::sync::atomic::{AtomicUsize, Ordering};

use leptos::html::Dialog;
use leptos::prelude::*;

use crate::i18n::{Common, expect_i18n};

/// Opens while `open` is true. Confirming runs `on_confirm` and closes; Cancel, Escape and
/// the backdrop close without it. Texts are already translated.
#[component]
pub fn ConfirmDialog(
    open: RwSignal<bool>,
    #[prop(into)] title: Signal<String>,
    #[prop(into)] message: Signal<String>,
    #[prop(into)] confirm_label: Signal<String>,
    on_confirm: Callback<()>,
    /// Styles the confirm button as dangerous (deleting, resetting).
    #[prop(optional)]
    destructive: bool,
) -> impl IntoView {
    let i18n = expect_i18n();
    let dialog = NodeRef::<Dialog>::new();
    // Unique ids, so two dialogs on one page still name and describe themselves.
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    let (title_id, message_id) = (format!("confirm-title-{n}"), format!("confirm-message-{n}"));
    let (labelled_by, described_by) = (title_id.clone(), message_id.clone());
    effect(move || {
        let want = open.get();
        let Some(el) = dialog.get() else { return };
        if want && !el.open() {
            let _ = el.show_modal();
        } else if !want && el.open() {
            el.close();
        }
    });
    let confirm = move |_| {
        open.set(false);
        on_confirm.run(());
    };
    view! {
        <dialog
            node_ref=dialog
            class="dialog"
            aria-labelledby=labelled_by
            aria-describedby=described_by
            on:close=move |_| open.set(false)
        >
            <h2 id=title_id>{move || title.get()}</h2>
            <p id=message_id>{move || message.get()}</p>
            <div class="dialog-actions">
                <button type="button" class="btn" autofocus on:click=move |_| open.set(false)>
                    {i18n.signal(Common::Cancel)}
                </button>
                <button
                    type="button"
                    class="btn"
                    class:btn-danger=destructive
                    class:btn-primary=!destructive
                    on:click=confirm
                >
                    {move || confirm_label.get()}
                </button>
            </div>
        </dialog>
    }
}
