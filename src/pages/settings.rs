//! Settings: language, the local profile, reminders, sync, storage on this device, the team's
//! pipelines and stages, lead routing and scoring, and data tools (export, sample data, delete everything).

mod data;
mod pipeline_stage;
mod pipelines;
mod reminders;
mod routing;
mod sales_sample;
mod scoring;
mod scoring_row;
mod storage;
mod sync;

use leptos::prelude::*;

use crate::i18n::{Locale, Settings as Msg, expect_i18n};
use crate::state::{expect_current_user, expect_toasts};

#[component]
pub fn SettingsPage() -> impl IntoView {
    let i18n = expect_i18n();
    view! {
        <section class="page settings">
            <header class="page-header">
                <h1>{i18n.signal(Msg::Title)}</h1>
            </header>
            <LanguageSection/>
            <ProfileSection/>
            <reminders::RemindersSection/>
            <sync::SyncSection/>
            <storage::StorageSection/>
            <data::DataSection/>
            <pipelines::PipelinesSection/>
            <routing::RoutingSection/>
            <scoring::ScoringSection/>
            <section class="card"><sales_sample::SalesSample/></section>
        </section>
    }
}

#[component]
fn LanguageSection() -> impl IntoView {
    let i18n = expect_i18n();
    let option = move |locale: Locale, label: Msg| {
        view! {
            <label class="choice">
                <input
                    type="radio"
                    name="language"
                    value=locale.tag()
                    prop:checked=move || i18n.locale() == locale
                    on:change=move |_| i18n.set_locale(locale)
                />
                <span lang=locale.tag()>{i18n.signal(label)}</span>
            </label>
        }
    };
    view! {
        <section class="card">
            <fieldset class="choices">
                <legend class="card-title">{i18n.signal(Msg::Language)}</legend>
                {option(Locale::Es, Msg::LanguageEs)}
                {option(Locale::En, Msg::LanguageEn)}
            </fieldset>
        </section>
    }
}

#[component]
fn ProfileSection() -> impl IntoView {
    let i18n = expect_i18n();
    let user = expect_current_user();
    let toasts = expect_toasts();
    let draft = RwSignal::new(user.name_untracked());
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        user.set_name(&draft.get_untracked());
        draft.set(user.name_untracked());
        toasts.show(i18n.t(Msg::NameSaved), None);
    };
    view! {
        <section class="card" aria-labelledby="profile-title">
            <h2 id="profile-title" class="card-title">{i18n.signal(Msg::Profile)}</h2>
            <form class="form-row" on:submit=save>
                <div class="field">
                    <label for="profile-name">{i18n.signal(Msg::YourName)}</label>
                    <input
                        id="profile-name"
                        type="text"
                        autocomplete="name"
                        maxlength="80"
                        aria-describedby="profile-name-hint"
                        bind:value=draft
                    />
                    <p id="profile-name-hint" class="field-hint">{i18n.signal(Msg::YourNameHint)}</p>
                </div>
                <button type="submit" class="btn btn-primary">
                    {i18n.signal(crate::i18n::Common::Save)}
                </button>
            </form>
        </section>
    }
}
