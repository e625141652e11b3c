//! `/conflicts/:id`: a record edited in two places at once. Each field two versions changed
//! differently shows the current version (the winner, which the record's page shows;
//! `FieldChoice::Mine`) and every other one as radio choices, with the common earlier value
//! when it was kept; the fields changed on one side only are listed as merged. Saving writes
//! the merge with the choices as a new revision and deletes the other versions. They are
//! labelled "current" and "other", not "mine" and "theirs": the winner is picked by revision
//! hash, so on the device that made an edit it is as often the other device's version, and the
//! store does not record which device wrote which.
//! See `state::sync::conflicts` for which fields are asked about, with and without the base.

use crate::nav::use_navigate;
use crate::routes::use_params_map;
use crate::state::job;
use crate::state::resource;
use cartera_core::domain::Field;
use cartera_core::store::WriteError;
use leptos::prelude::*;
use serde_json::Value;

use crate::components::record_detail::PageLoading;
use crate::i18n::{ErrorMsg, FieldLabel, RecordDetail, SyncCount, SyncMsg as Msg, expect_i18n};
use crate::state::sync::{
    ConflictView, FieldChoice, chosen_body, field, load_conflict, resolve_conflict,
};
use crate::state::{expect_current_user, expect_data_version, expect_store, expect_toasts};
use cartera_core::store::Body;

/// The hint that says why the fields shown need a choice; those fields point to it.
const HINT: &str = "conflict-hint";

/// The record's own page.
fn record_href(view: &ConflictView) -> String {
    let id = &view.mine.id;
    match view.mine.doc_type() {
        Some("account") => format!("/accounts/{id}"),
        Some("deal") => format!("/deals/{id}"),
        _ => format!("/contacts/{id}"),
    }
}

/// A document field's label in the current locale (the key itself for fields no form has).
fn field_label(key: &str) -> String {
    let i18n = expect_i18n();
    let known = match key {
        "given_name" => Some(Field::GivenName),
        "family_name" => Some(Field::FamilyName),
        "name" => Some(Field::AccountName),
        "emails" => Some(Field::Email(0)),
        "phones" => Some(Field::Phone(0)),
        "job_title" => Some(Field::JobTitle),
        "account_id" => Some(Field::AccountId),
        "tax_id" => Some(Field::TaxId),
        "industry" => Some(Field::Industry),
        "website" => Some(Field::Website),
        "tags" => Some(Field::Tags),
        "owner" => Some(Field::Owner),
        "notes" => Some(Field::Notes),
        _ => None,
    };
    match (known, key) {
        (Some(f), _) => i18n.t(FieldLabel(f)),
        (None, "address" | "addresses") => i18n.t(RecordDetail::SectionAddress),
        (None, other) => other.replace('_', " "),
    }
}

/// A value as text: strings as they are, lists and objects joined with commas.
fn value_text(value: Option<&Value>) -> String {
    let i18n = expect_i18n();
    let text = match value {
        None => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Array(items)) => items
            .iter()
            .map(|v| value_text(Some(v)))
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(", "),
        Some(Value::Object(m)) => m
            .values()
            .map(|v| value_text(Some(v)))
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(", "),
        Some(other) => other.to_string(),
    };
    if text.is_empty() {
        i18n.t(Msg::Empty)
    } else {
        text
    }
}

#[component]
pub fn ConflictPage() -> impl IntoView {
    let i18n = expect_i18n();
    let (store, version) = (expect_store(), expect_data_version());
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").unwrap_or_default());
    let conflict = resource(move || {
        version.track();
        let (store, id) = (store.clone(), id());
        async move {
            load_conflict(&*store, &id)
                .await
                .map_err(|e| ErrorMsg::from(&e))
        }
    });
    view! {
        <section class="page conflict">
            <header class="page-header">
                <h1>{i18n.signal(Msg::ConflictTitle)}</h1>
            </header>
            {move || match conflict.get() {
                None => view! { <PageLoading/> }.into_any(),
                Some(Err(e)) => view! { <crate::components::storage_error::StorageErrorView message=e/> }.into_any(),
                Some(Ok(None)) => view! {
                    <p class="empty">{i18n.signal(Msg::ConflictGone)}</p>
                    <a href=format!("/contacts/{}", id()) class="btn">{i18n.signal(Msg::BackToRecord)}</a>
                }.into_any(),
                Some(Ok(Some(found))) => view! { <ConflictForm conflict=found/> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn ConflictForm(conflict: ConflictView) -> impl IntoView {
    let i18n = expect_i18n();
    let (store, version, toasts, user) = (
        expect_store(),
        expect_data_version(),
        expect_toasts(),
        expect_current_user(),
    );
    let navigate = use_navigate();
    let choices = RwSignal::new(conflict.fields.clone());
    let back = record_href(&conflict);
    let shared = StoredValue::new(conflict.clone());
    let save = job(move |_: &()| {
        let (store, view) = (store.clone(), shared.get_value());
        let (navigate, back) = (navigate.clone(), record_href(&view));
        let now = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
        let body = chosen_body(&view, &choices.get_untracked(), &now, &user.id());
        async move {
            match resolve_conflict(&*store, &view.mine, &view.theirs, body).await {
                Ok(Ok(_)) => {
                    version.bump();
                    toasts.show(i18n.t(Msg::ConflictResolved), None);
                    navigate(&back, Default::default());
                }
                Ok(Err(WriteError::Conflict)) => {
                    toasts.error(i18n.t(Msg::ConflictChanged));
                    version.bump();
                }
                Ok(Err(e)) => toasts.write_error(&e),
                Err(e) => toasts.store_error(&e),
            }
        }
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        save.dispatch(());
    };
    let rows = conflict
        .fields
        .iter()
        .enumerate()
        .map(|(row, (key, _))| {
            view! { <FieldRow row key=key.clone() conflict=conflict.clone() choices/> }
        })
        .collect_view();
    let hint = match (conflict.fields.is_empty(), conflict.base.is_some()) {
        (true, _) => Msg::ConflictNothingToAsk,
        (false, true) => Msg::ConflictBothChanged,
        (false, false) => Msg::ConflictNoBase,
    };
    let merged = (!conflict.merged_fields.is_empty()).then(|| {
        let labels: Vec<String> = conflict
            .merged_fields
            .iter()
            .map(|k| field_label(k))
            .collect();
        view! {
            <p class="field-hint conflict-merged">
                {i18n.signal(Msg::MergedFields)}": "{labels.join(", ")}
            </p>
        }
    });
    view! {
        <p class="page-intro">{i18n.signal(Msg::ConflictIntro)}</p>
        <p class="field-hint" id=HINT>{i18n.signal(hint)}</p>
        {merged}
        <form class="conflict-form" on:submit=on_submit>
            {rows}
            <div class="form-actions">
                <a href=back class="btn">{i18n.signal(crate::i18n::Common::Cancel)}</a>
                <button type="submit" class="btn btn-primary" disabled=move || save.pending().get()>
                    {i18n.signal(Msg::KeepChoices)}
                </button>
            </div>
        </form>
    }
}

/// One field to ask about: a radio per version, and the common earlier value when kept.
#[component]
fn FieldRow(
    row: usize,
    key: String,
    conflict: ConflictView,
    choices: RwSignal<Vec<(String, FieldChoice)>>,
) -> impl IntoView {
    let i18n = expect_i18n();
    let several = conflict.theirs.len() > 1;
    let before = conflict.base.as_ref().map(|b: &Body| {
        let text = value_text(field(b, &key));
        view! { <p class="field-hint conflict-base">{i18n.signal(Msg::BaseValue)}": "{text}</p> }
    });
    let name = format!("conflict-field-{row}");
    let options: Vec<(FieldChoice, String, String)> = std::iter::once((
        FieldChoice::Mine,
        i18n.t(Msg::Mine),
        value_text(field(&conflict.mine.body, &key)),
    ))
    .chain(conflict.theirs.iter().enumerate().map(|(i, t)| {
        let label = if several {
            i18n.t(SyncCount::TheirsN(i + 1))
        } else {
            i18n.t(Msg::Theirs)
        };
        (
            FieldChoice::Theirs(i),
            label,
            value_text(field(&t.body, &key)),
        )
    }))
    .collect();
    let radios = options
        .into_iter()
        .map(|(choice, label, text)| {
            let name = name.clone();
            let checked = move || choices.with(|c| c.get(row).is_some_and(|(_, ch)| *ch == choice));
            let pick = move |_| {
                choices.update(|c| {
                    if let Some(entry) = c.get_mut(row) {
                        entry.1 = choice
                    }
                })
            };
            view! {
                <label class="choice conflict-choice">
                    <input type="radio" name=name prop:checked=checked on:change=pick/>
                    <span class="choice-label">{label}</span>
                    <span class="choice-value">{text}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="card choices conflict-field conflict-unsettled" aria-describedby=HINT>
            <legend class="card-title">{field_label(&key)}</legend>
            {before}
            {radios}
        </fieldset>
    }
}
