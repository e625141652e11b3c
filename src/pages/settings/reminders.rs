//! Reminders: the switch (asking the browser for permission when turned on) and what the
//! browser allows, in words.

use cartera_core::domain::sales::REMINDER_LEAD;
use leptos::prelude::*;

use crate::i18n::{Settings as Msg, SettingsCount, expect_i18n};
use crate::state::reminders::{Permission, expect_reminders};

#[component]
pub fn RemindersSection() -> impl IntoView {
    let i18n = expect_i18n();
    let r = expect_reminders();
    let state = move || {
        i18n.t(match r.permission() {
            Permission::Granted => Msg::NotifyAllowed,
            Permission::Denied => Msg::NotifyBlocked,
            Permission::Ask => Msg::NotifyAsk,
            Permission::Unsupported => Msg::NotifyUnsupported,
        })
    };
    let label = SettingsCount::RemindBefore(REMINDER_LEAD.num_minutes());
    view! {
        <section class="card" aria-labelledby="reminders-title">
            <h2 id="reminders-title" class="card-title">{i18n.signal(Msg::Reminders)}</h2>
            <label class="choice">
                <input
                    type="checkbox"
                    role="switch"
                    aria-describedby="reminders-state reminders-hint"
                    checked=r.on_untracked()
                    on:change=move |ev| r.set_on(event_target_checked(&ev))
                />
                <span>{i18n.signal(label)}</span>
            </label>
            <p id="reminders-state" class="field-hint" role="status">{state}</p>
            <p id="reminders-hint" class="field-hint">{i18n.signal(Msg::RemindersHint)}</p>
        </section>
    }
}
