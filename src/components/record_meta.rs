//! Who created and last changed a record, and when, in the user's language.

use cartera_core::domain::Meta;
use leptos::prelude::*;

use crate::i18n::{RecordDetail, expect_i18n, fmt_datetime};
use crate::state::expect_current_user;

/// A user stamp as people read it: sample reps are stored in lower case ("lucia" → "Lucia").
pub fn user_label(stamp: &str) -> String {
    let mut chars = stamp.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// How a user stamp reads: the current user's name (or "tú"/"ti", `subject` choosing the
/// form), another rep's name, or "alguien" when nobody is recorded.
pub fn who(stamp: &str, subject: bool) -> String {
    let (i18n, user) = (expect_i18n(), expect_current_user());
    if stamp.is_empty() {
        return i18n.t(RecordDetail::SomeoneUnknown);
    }
    if stamp != user.id() {
        return user_label(stamp);
    }
    let name = user.name();
    match (name.is_empty(), subject) {
        (false, _) => name,
        (true, true) => i18n.t(RecordDetail::YouSubject),
        (true, false) => i18n.t(RecordDetail::You),
    }
}

/// "Creado por Lucia · 26 nov 2026, 14:05" and "Modificado por ti · …".
#[component]
pub fn RecordMeta(meta: Meta) -> impl IntoView {
    let i18n = expect_i18n();
    let who = |stamp: &str| who(stamp, false);
    let created = {
        let meta = meta.clone();
        move || {
            let at = fmt_datetime(i18n.locale(), meta.created_at);
            i18n.t(RecordDetail::CreatedBy(who(&meta.created_by), at))
        }
    };
    let updated = move || {
        let at = fmt_datetime(i18n.locale(), meta.updated_at);
        i18n.t(RecordDetail::UpdatedBy(who(&meta.updated_by), at))
    };
    view! {
        <ul class="record-meta">
            <li>{created}</li>
            <li>{updated}</li>
        </ul>
    }
}
