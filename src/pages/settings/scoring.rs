//! Settings › Lead scoring: each rule's points and whether it is on, and removing rules,
//! checked by core's `validate_scoring` and saved as the `scoring_rules` document with an Undo
//! toast. The defaults are shown until the team stores its own. Conditions are not edited
//! here. Editable by managers and admins.

use cartera_core::domain::leads::{ScoringRuleInput, ScoringRules, validate_scoring};
use cartera_core::store::Rev;
use leptos::prelude::*;

use crate::components::field::TextField;
use crate::i18n::{Common, I18n, ScoringMsg, expect_i18n};
use crate::state::leads::{SCORING_RULES_ID, default_scoring_rules, load_scoring_doc};
use crate::state::records::{SaveError, edit_over, write};
use crate::state::{
    DataVersion, Store, Toasts, expect_current_user, expect_data_version, expect_store,
    expect_toasts,
};

#[derive(Clone)]
struct Row {
    key: u32,
    id: String,
    legend: String,
    points: RwSignal<String>,
    enabled: RwSignal<bool>,
}

/// The stored document's id and revision (`None`: the defaults) and the rules shown.
type Stored = (Option<(String, Rev)>, ScoringRules);

/// The form and what it was read from; `Copy`.
#[derive(Clone, Copy)]
struct Form {
    stored: StoredValue<Stored>,
    rows: RwSignal<Vec<Row>>,
    /// Rows (by position) whose points are wrong.
    errors: RwSignal<Vec<usize>>,
    /// Row keys are never reused: a refilled form gets new rows (new signals).
    next_key: StoredValue<u32>,
    /// The section's owner: rows made in a task must live as long as the section.
    owner: StoredValue<Owner>,
    store: StoredValue<Store>,
    toasts: Toasts,
    i18n: I18n,
    version: DataVersion,
}

impl Form {
    fn fill(&self, doc: Option<(String, Rev)>, rules: ScoringRules) {
        let l = self.i18n.locale();
        let rows = (rules.rules.iter())
            .map(|r| {
                let key = self.next_key.get_value();
                self.next_key.set_value(key.wrapping_add(1));
                let input = ScoringRuleInput::from(r);
                let make = || {
                    (
                        RwSignal::new(input.points.clone()),
                        RwSignal::new(input.enabled),
                    )
                };
                let (points, enabled) = self.owner.with_value(|o| o.with(make));
                Row {
                    key,
                    id: input.id.clone(),
                    legend: crate::i18n::Message::text(&ScoringMsg::Rule(r.condition.clone()), l)
                        .into_owned(),
                    points,
                    enabled,
                }
            })
            .collect();
        self.errors.set(Vec::new());
        self.rows.set(rows);
        self.stored.set_value((doc, rules));
    }

    fn input(&self) -> Vec<ScoringRuleInput> {
        self.rows.with_untracked(|v| {
            v.iter()
                .map(|r| ScoringRuleInput {
                    id: r.id.clone(),
                    points: r.points.get_untracked(),
                    enabled: r.enabled.get_untracked(),
                })
                .collect()
        })
    }
}

fn reload(form: Form) {
    let store = form.store.get_value();
    leptos::task::spawn_local(async move {
        match load_scoring_doc(&store).await {
            Ok(Some((doc, rules))) => form.fill(Some((doc.id, doc.rev)), rules),
            Ok(None) => form.fill(None, default_scoring_rules()),
            Err(e) => form.toasts.error(form.i18n.t(e)),
        }
    });
}

/// Writes `rules` over what the form was read from; Undo writes `before` back over it.
fn save(form: Form, rules: ScoringRules, undo: bool) {
    let (store, toasts, i18n, version) =
        (form.store.get_value(), form.toasts, form.i18n, form.version);
    let (doc, before) = form.stored.get_value();
    let edit = edit_over(doc, SCORING_RULES_ID, rules.to_body());
    let id = edit.id.clone();
    leptos::task::spawn_local(async move {
        match write(&store, edit).await {
            Ok(rev) => {
                version.bump();
                form.fill(Some((id, rev)), rules);
                if undo {
                    toasts.show(i18n.t(ScoringMsg::Restored), None);
                } else {
                    toasts.show_undo(i18n.t(ScoringMsg::Saved), move || {
                        save(form, before.clone(), true);
                    });
                }
            }
            Err(SaveError::Conflict) => toasts.error(i18n.t(crate::i18n::ErrorMsg::Conflict)),
            Err(SaveError::Failed(m)) => toasts.error(i18n.t(m)),
        }
    });
}

#[component]
pub fn ScoringSection() -> impl IntoView {
    let i18n = expect_i18n();
    let user = expect_current_user();
    let editable = user.configures_team();
    let form = Form {
        stored: StoredValue::new((None, ScoringRules::default())),
        rows: RwSignal::new(Vec::new()),
        errors: RwSignal::new(Vec::new()),
        next_key: StoredValue::new(0),
        owner: StoredValue::new(Owner::current().unwrap_or_default()),
        store: StoredValue::new(expect_store()),
        toasts: expect_toasts(),
        i18n,
        version: expect_data_version(),
    };
    reload(form);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (doc, base) = form.stored.get_value();
        match validate_scoring(
            &form.input(),
            &base,
            doc.is_some(),
            chrono::Utc::now(),
            &user.id(),
        ) {
            Ok(rules) => save(form, rules, false),
            Err(e) => form.errors.set(e.iter().map(|e| e.row).collect()),
        }
    };
    view! {
        <section class="card scoring-editor" aria-labelledby="scoring-title">
            <h2 id="scoring-title" class="card-title">{i18n.signal(ScoringMsg::Title)}</h2>
            <p class="field-hint">{i18n.signal(ScoringMsg::Hint)}</p>
            {(!editable).then(|| view! {
                <p class="field-hint" role="note">{i18n.signal(ScoringMsg::ReadOnly)}</p>
            })}
            <form on:submit=submit novalidate>
                <fieldset class="plain" disabled=!editable>
                    <For each=move || form.rows.get() key=|r| r.key let:row>
                        <ScoringRow row form/>
                    </For>
                    <button type="submit" class="btn btn-primary">{i18n.signal(Common::Save)}</button>
                </fieldset>
            </form>
        </section>
    }
}

#[component]
fn ScoringRow(row: Row, form: Form) -> impl IntoView {
    let i18n = form.i18n;
    let key = row.key;
    let pos = move || {
        form.rows
            .with(|v| v.iter().position(|r| r.key == key).unwrap_or(0))
    };
    let error = Signal::derive(move || {
        let wrong = form.errors.with(|e| e.contains(&pos()));
        wrong.then(|| i18n.t(ScoringMsg::PointsError))
    });
    let remove = i18n.t(ScoringMsg::Remove(row.legend.clone()));
    view! {
        <fieldset class="stage-row">
            <legend>{row.legend.clone()}</legend>
            <TextField
                id=format!("scoring-{key}-points")
                label=i18n.signal(ScoringMsg::Points)
                value=row.points
                error
                inputmode="numeric"
                required=true
            />
            <label class="choice">
                <input type="checkbox" role="switch" bind:checked=row.enabled/>
                <span>{i18n.signal(ScoringMsg::On)}</span>
            </label>
            <div class="stage-row-actions">
                <button
                    type="button"
                    class="btn btn-icon"
                    aria-label=remove
                    on:click=move |_| form.rows.update(|v| v.retain(|r| r.key != key))
                >
                    <span aria-hidden="true">"×"</span>
                </button>
            </div>
        </fieldset>
    }
}
