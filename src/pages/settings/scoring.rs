//! Settings › Lead scoring: the team's scoring rules, each a condition (its kind and
//! parameters), points and a switch; rules added, edited and removed, checked by core's
//! `validate_scoring` (errors next to each field) and saved as the `scoring_rules` document
//! with an Undo toast. Saving (and Undo) scores every lead again with the saved rules. The
//! defaults are shown until the team stores its own. Editable by managers and admins.

use crate::components::keyed::keyed;
use cartera_core::domain::leads::{
    ConditionKind, ScoringField, ScoringFieldError, ScoringRuleInput, ScoringRules,
    validate_scoring,
};
use cartera_core::store::Rev;
use leptos::prelude::*;

use super::scoring_row::ScoringRow;
use crate::components::field::{focus_by_id, focus_first_invalid};
use crate::i18n::{Common, I18n, Message, ScoringMsg, expect_i18n};
use crate::state::leads::{
    SCORING_RULES_ID, default_scoring_rules, load_scoring_doc, rescore_leads,
};
use crate::state::records::{SaveError, edit_over, write};
use crate::state::{
    CurrentUser, DataVersion, Store, Toasts, expect_current_user, expect_data_version,
    expect_store, expect_toasts,
};

/// One rule row: a signal per field.
#[derive(Clone)]
pub(super) struct Row {
    pub key: u32,
    pub id: String,
    /// The rule as stored, in words (a new rule's: "New rule").
    pub legend: String,
    pub kind: RwSignal<String>,
    pub list: RwSignal<String>,
    pub employees: RwSignal<String>,
    pub days: RwSignal<String>,
    pub at_least: RwSignal<String>,
    pub activity_kind: RwSignal<String>,
    pub source: RwSignal<String>,
    pub campaign: RwSignal<String>,
    pub points: RwSignal<String>,
    pub enabled: RwSignal<bool>,
}

/// What the form was read from: the stored document's id and revision (`None`: the
/// defaults, nothing stored yet) and the rules it held.
type Stored = (Option<(String, Rev)>, Option<ScoringRules>);

/// The form and what it was read from; `Copy`.
#[derive(Clone, Copy)]
pub(super) struct Form {
    stored: StoredValue<Stored>,
    pub rows: RwSignal<Vec<Row>>,
    errors: RwSignal<Vec<ScoringFieldError>>,
    /// Row keys are never reused: a refilled form gets new rows (new signals).
    next_key: StoredValue<u32>,
    /// The section's owner: rows made in a task must live as long as the section.
    owner: StoredValue<Owner>,
    store: StoredValue<Store>,
    toasts: Toasts,
    pub i18n: I18n,
    version: DataVersion,
    user: CurrentUser,
}

impl Form {
    fn row(&self, r: &ScoringRuleInput, legend: String) -> Row {
        let key = self.next_key.get_value();
        self.next_key.set_value(key.wrapping_add(1));
        let s = |v: &str| {
            self.owner
                .with_value(|o| o.with(|| RwSignal::new(v.to_owned())))
        };
        Row {
            key,
            id: r.id.clone(),
            legend,
            kind: s(r.kind.code()),
            list: s(&r.list),
            employees: s(&r.employees),
            days: s(&r.days),
            at_least: s(&r.at_least),
            activity_kind: s(&r.activity_kind),
            source: s(&r.source),
            campaign: s(&r.campaign),
            points: s(&r.points),
            enabled: self
                .owner
                .with_value(|o| o.with(|| RwSignal::new(r.enabled))),
        }
    }

    fn fill(&self, doc: Option<(String, Rev)>, rules: Option<ScoringRules>) {
        let l = self.i18n.locale();
        let shown = rules.clone().unwrap_or_else(default_scoring_rules);
        let rows = (shown.rules.iter())
            .map(|r| {
                let legend = ScoringMsg::Rule(r.condition.clone()).text(l).into_owned();
                self.row(&ScoringRuleInput::from(r), legend)
            })
            .collect();
        self.errors.set(Vec::new());
        self.rows.set(rows);
        self.stored.set_value((doc, rules));
    }

    fn input(&self) -> Vec<ScoringRuleInput> {
        let rule = |r: &Row| ScoringRuleInput {
            id: r.id.clone(),
            kind: ConditionKind::from_code(&r.kind.get_untracked()).unwrap_or_default(),
            list: r.list.get_untracked(),
            employees: r.employees.get_untracked(),
            days: r.days.get_untracked(),
            at_least: r.at_least.get_untracked(),
            activity_kind: r.activity_kind.get_untracked(),
            source: r.source.get_untracked(),
            campaign: r.campaign.get_untracked(),
            points: r.points.get_untracked(),
            enabled: r.enabled.get_untracked(),
        };
        self.rows.with_untracked(|v| v.iter().map(rule).collect())
    }

    /// The translated error of `field`; tracked.
    pub fn error(&self, field: ScoringField) -> Option<String> {
        let i18n = self.i18n;
        (self.errors)
            .with(|l| (l.iter().find(|e| e.field == field)).map(|e| i18n.t(ScoringMsg::Error(*e))))
    }
}

fn reload(form: Form) {
    let store = form.store.get_value();
    leptos::task::spawn_local(async move {
        match load_scoring_doc(&store).await {
            Ok(Some((doc, rules))) => form.fill(Some((doc.id, doc.rev)), Some(rules)),
            Ok(None) => form.fill(None, None),
            Err(e) => form.toasts.error(form.i18n.t(e)),
        }
    });
}

/// Writes `rules` over what the form was read from and scores the leads again with them;
/// Undo writes `before` back over it (and scores them again).
fn save(form: Form, rules: ScoringRules, before: Option<ScoringRules>, undo: bool) {
    let (store, toasts, i18n, version) =
        (form.store.get_value(), form.toasts, form.i18n, form.version);
    let (doc, _) = form.stored.get_value();
    let edit = edit_over(doc, SCORING_RULES_ID, rules.to_body());
    let id = edit.id.clone();
    let user = form.user.id();
    leptos::task::spawn_local(async move {
        let rev = match write(&store, edit).await {
            Ok(rev) => rev,
            Err(SaveError::Conflict) => {
                return toasts.error(i18n.t(crate::i18n::ErrorMsg::Conflict));
            }
            Err(SaveError::Failed(m)) => return toasts.error(i18n.t(m)),
        };
        let rescored = rescore_leads(&store, &rules, &user).await;
        version.bump();
        form.fill(Some((id, rev)), Some(rules));
        let n = match rescored {
            Ok(n) => n,
            Err(m) => {
                toasts.error(i18n.t(m));
                0
            }
        };
        if undo {
            toasts.show(i18n.t(ScoringMsg::Restored), None);
        } else {
            let before = before.unwrap_or_else(default_scoring_rules);
            toasts.show_undo(i18n.t(ScoringMsg::Saved(n)), move || {
                save(form, before.clone(), None, true);
            });
        }
    });
}

#[component]
pub fn ScoringSection() -> impl IntoView {
    let i18n = expect_i18n();
    let user = expect_current_user();
    let editable = user.configures_team();
    let form = Form {
        stored: StoredValue::new((None, None)),
        rows: RwSignal::new(Vec::new()),
        errors: RwSignal::new(Vec::new()),
        next_key: StoredValue::new(0),
        owner: StoredValue::new(Owner::current().unwrap_or_default()),
        store: StoredValue::new(expect_store()),
        toasts: expect_toasts(),
        i18n,
        version: expect_data_version(),
        user,
    };
    reload(form);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (_, old) = form.stored.get_value();
        match validate_scoring(&form.input(), old.as_ref(), chrono::Utc::now(), &user.id()) {
            Ok(rules) => {
                form.errors.set(Vec::new());
                save(form, rules, old, false);
            }
            Err(e) => {
                form.errors.set(e);
                focus_first_invalid();
            }
        }
    };
    let add = move |_| {
        let row = form.row(&ScoringRuleInput::default(), i18n.t(ScoringMsg::NewRule));
        let kind = format!("scoring-{}-kind", row.key);
        form.rows.update(|v| v.push(row));
        request_animation_frame(move || focus_by_id(&kind));
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
                    <p class="field-error" aria-live="polite">{move || form.error(ScoringField::Rules)}</p>
                    {keyed(
                        move || form.rows.get(),
                        |r| r.key.to_string(),
                        move |row| view! { <ScoringRow row form/> }.into_any(),
                    )}
                    <button type="button" class="btn btn-link" on:click=add>
                        <span aria-hidden="true">"+ "</span>
                        {i18n.signal(ScoringMsg::Add)}
                    </button>
                    <button type="submit" class="btn btn-primary">{i18n.signal(Common::Save)}</button>
                </fieldset>
            </form>
        </section>
    }
}
