//! Settings › Lead routing: the team's routing rules in order (territory, product interest or
//! every lead → one user or a team in turn) and the fallback owner, checked by core's
//! `validate_routing` and saved as the `routing_rules` document with an Undo toast. The
//! defaults are shown until the team stores its own. Editable by managers and admins.

use crate::components::keyed::keyed;
use cartera_core::domain::leads::{
    RouteKind, RoutingField, RoutingFieldError, RoutingInput, RoutingRuleInput, RoutingRules,
    validate_routing,
};
use cartera_core::store::Rev;
use leptos::prelude::*;

use crate::components::field::TextField;
use crate::i18n::{Common, I18n, RoutingMsg, expect_i18n};
use crate::state::leads::{ROUTING_RULES_ID, default_routing_rules, load_routing_doc};
use crate::state::records::{SaveError, edit_over, write};
use crate::state::{
    DataVersion, Store, Toasts, expect_current_user, expect_data_version, expect_store,
    expect_toasts,
};

#[derive(Clone)]
struct Row {
    key: u32,
    id: String,
    kind: RwSignal<String>,
    regions: RwSignal<String>,
    postal: RwSignal<String>,
    countries: RwSignal<String>,
    products: RwSignal<String>,
    assign: RwSignal<String>,
}

/// What the form was read from: the stored document's id and revision (`None`: the
/// defaults, nothing stored yet) and the rules it held.
type Stored = (Option<(String, Rev)>, Option<RoutingRules>);

/// The form and what it was read from; `Copy`.
#[derive(Clone, Copy)]
struct Form {
    stored: StoredValue<Stored>,
    rows: RwSignal<Vec<Row>>,
    fallback: RwSignal<String>,
    next_key: StoredValue<u32>,
    /// The section's owner: rows made in a task must live as long as the section.
    owner: StoredValue<Owner>,
    errors: RwSignal<Vec<RoutingFieldError>>,
    store: StoredValue<Store>,
    toasts: Toasts,
    i18n: I18n,
    version: DataVersion,
}

impl Form {
    fn row(&self, r: &RoutingRuleInput) -> Row {
        let key = self.next_key.get_value();
        self.next_key.set_value(key + 1);
        let s = |v: &str| {
            self.owner
                .with_value(|o| o.with(|| RwSignal::new(v.to_owned())))
        };
        Row {
            key,
            id: r.id.clone(),
            kind: s(r.kind.code()),
            regions: s(&r.regions),
            postal: s(&r.postal_prefixes),
            countries: s(&r.countries),
            products: s(&r.products),
            assign: s(&r.assign),
        }
    }

    fn fill(&self, doc: Option<(String, Rev)>, rules: Option<RoutingRules>) {
        let shown = rules.clone().unwrap_or_else(default_routing_rules);
        let input = RoutingInput::from(&shown);
        let rows = input.rules.iter().map(|r| self.row(r)).collect();
        self.rows.set(rows);
        self.fallback.set(input.fallback_owner);
        self.stored.set_value((doc, rules));
    }

    fn input(&self) -> RoutingInput {
        let rule = |r: &Row| RoutingRuleInput {
            id: r.id.clone(),
            kind: RouteKind::from_code(&r.kind.get_untracked()).unwrap_or_default(),
            regions: r.regions.get_untracked(),
            postal_prefixes: r.postal.get_untracked(),
            countries: r.countries.get_untracked(),
            products: r.products.get_untracked(),
            assign: r.assign.get_untracked(),
        };
        RoutingInput {
            rules: self.rows.with_untracked(|v| v.iter().map(rule).collect()),
            fallback_owner: self.fallback.get_untracked(),
        }
    }

    fn error(&self, i18n: I18n, field: RoutingField) -> Option<String> {
        (self.errors)
            .with(|l| (l.iter().find(|e| e.field == field)).map(|e| i18n.t(RoutingMsg::Error(*e))))
    }

    fn shift(&self, key: u32, by: isize) {
        self.rows.update(|v| {
            if let Some(i) = v.iter().position(|r| r.key == key) {
                let j = i.saturating_add_signed(by);
                if j < v.len() && j != i {
                    v.swap(i, j);
                }
            }
        });
    }
}

/// Reads the stored rules into the form.
fn reload(form: Form) {
    let store = form.store.get_value();
    leptos::task::spawn_local(async move {
        match load_routing_doc(&store).await {
            Ok(Some((doc, rules))) => form.fill(Some((doc.id, doc.rev)), Some(rules)),
            Ok(None) => form.fill(None, None),
            Err(e) => form.toasts.error(form.i18n.t(e)),
        }
    });
}

/// Writes `rules` over what the form was read from; Undo writes `before` back over it.
fn save(form: Form, rules: RoutingRules, before: Option<RoutingRules>, undo: bool) {
    let (store, toasts, i18n, version) =
        (form.store.get_value(), form.toasts, form.i18n, form.version);
    let (doc, _) = form.stored.get_value();
    let edit = edit_over(doc, ROUTING_RULES_ID, rules.to_body());
    let id = edit.id.clone();
    leptos::task::spawn_local(async move {
        match write(&store, edit).await {
            Ok(rev) => {
                version.bump();
                form.fill(Some((id, rev)), Some(rules.clone()));
                let before = before.unwrap_or_else(default_routing_rules);
                if undo {
                    toasts.show(i18n.t(RoutingMsg::Restored), None);
                } else {
                    toasts.show_undo(i18n.t(RoutingMsg::Saved), move || {
                        save(form, before.clone(), None, true);
                    });
                }
            }
            Err(SaveError::Conflict) => toasts.error(i18n.t(crate::i18n::ErrorMsg::Conflict)),
            Err(SaveError::Failed(m)) => toasts.error(i18n.t(m)),
        }
    });
}

#[component]
pub fn RoutingSection() -> impl IntoView {
    let i18n = expect_i18n();
    let editable = expect_current_user().configures_team();
    let form = Form {
        stored: StoredValue::new((None, None)),
        rows: RwSignal::new(Vec::new()),
        fallback: RwSignal::new(String::new()),
        next_key: StoredValue::new(0),
        owner: StoredValue::new(Owner::current().unwrap_or_default()),
        errors: RwSignal::new(Vec::new()),
        store: StoredValue::new(expect_store()),
        toasts: expect_toasts(),
        i18n,
        version: expect_data_version(),
    };
    reload(form);
    let user = expect_current_user();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (_, old) = form.stored.get_value();
        match validate_routing(&form.input(), old.as_ref(), chrono::Utc::now(), &user.id()) {
            Ok(rules) => {
                form.errors.set(Vec::new());
                save(form, rules, old, false);
            }
            Err(e) => form.errors.set(e),
        }
    };
    let add = move |_| {
        let row = form.row(&RoutingRuleInput::default());
        form.rows.update(|v| v.push(row));
    };
    view! {
        <section class="card routing-editor" aria-labelledby="routing-title">
            <h2 id="routing-title" class="card-title">{i18n.signal(RoutingMsg::Title)}</h2>
            <p class="field-hint">{i18n.signal(RoutingMsg::Hint)}</p>
            {(!editable).then(|| view! {
                <p class="field-hint" role="note">{i18n.signal(RoutingMsg::ReadOnly)}</p>
            })}
            <form on:submit=submit novalidate>
                <fieldset class="plain" disabled=!editable>
                    {keyed(
                        move || form.rows.get(),
                        |r| r.key.to_string(),
                        move |row| view! { <RuleRow row form/> }.into_any(),
                    )}
                    <button type="button" class="btn btn-link" on:click=add>
                        <span aria-hidden="true">"+ "</span>
                        {i18n.signal(RoutingMsg::Add)}
                    </button>
                    <TextField
                        id="routing-fallback"
                        label=i18n.signal(RoutingMsg::Fallback)
                        value=form.fallback
                        hint=i18n.signal(RoutingMsg::FallbackHint)
                        error=Signal::derive(move || form.error(i18n, RoutingField::FallbackOwner))
                    />
                    <button type="submit" class="btn btn-primary">{i18n.signal(Common::Save)}</button>
                </fieldset>
            </form>
        </section>
    }
}

#[component]
fn RuleRow(row: Row, form: Form) -> impl IntoView {
    let i18n = expect_i18n();
    let key = row.key;
    let pos = move || {
        form.rows
            .with(|v| v.iter().position(|r| r.key == key).unwrap_or(0))
    };
    let last = move || form.rows.with(|v| v.last().is_some_and(|r| r.key == key));
    let n = move |m: fn(usize) -> RoutingMsg| move || i18n.t(m(pos() + 1));
    let err =
        move |f: fn(usize) -> RoutingField| Signal::derive(move || form.error(i18n, f(pos())));
    let kind = row.kind;
    let is = move |k: RouteKind| move || kind.get() == k.code();
    // The condition's error shows under its first list only.
    let list = |id: String, label: RoutingMsg, value: RwSignal<String>, first: bool| {
        let error = match first {
            true => err(RoutingField::When),
            false => Signal::derive(|| None),
        };
        view! {
            <TextField id label=i18n.signal(label) value hint=i18n.signal(RoutingMsg::ListHint) error/>
        }
    };
    let kinds = RouteKind::ALL.map(|k| {
        view! { <option value=k.code()>{i18n.signal(RoutingMsg::Kind(k))}</option> }
    });
    let territory = view! {
        {list(format!("rule-{key}-regions"), RoutingMsg::Regions, row.regions, true)}
        {list(format!("rule-{key}-postal"), RoutingMsg::PostalPrefixes, row.postal, false)}
        {list(format!("rule-{key}-countries"), RoutingMsg::Countries, row.countries, false)}
    };
    let products = list(
        format!("rule-{key}-products"),
        RoutingMsg::Products,
        row.products,
        true,
    );
    view! {
        <fieldset class="stage-row">
            <legend>{move || i18n.t(RoutingMsg::RuleN(pos() + 1))}</legend>
            <div class="field">
                <label class="field-label" for=format!("rule-{key}-kind")>{i18n.signal(RoutingMsg::Condition)}</label>
                <select id=format!("rule-{key}-kind") prop:value=move || kind.get() on:change=move |ev| kind.set(event_target_value(&ev))>
                    {kinds}
                </select>
            </div>
            <div class="rule-lists" hidden=move || !is(RouteKind::Territory)()>{territory}</div>
            <div hidden=move || !is(RouteKind::ProductInterest)()>{products}</div>
            <TextField
                id=format!("rule-{key}-assign")
                label=i18n.signal(RoutingMsg::AssignTo)
                value=row.assign
                hint=i18n.signal(RoutingMsg::AssignHint)
                error=err(RoutingField::Assign)
                required=true
            />
            <div class="stage-row-actions">
                <button type="button" class="btn btn-icon" aria-label=n(RoutingMsg::Up) disabled=move || pos() == 0 on:click=move |_| form.shift(key, -1)>
                    <span aria-hidden="true">"↑"</span>
                </button>
                <button type="button" class="btn btn-icon" aria-label=n(RoutingMsg::Down) disabled=last on:click=move |_| form.shift(key, 1)>
                    <span aria-hidden="true">"↓"</span>
                </button>
                <button type="button" class="btn btn-icon" aria-label=n(RoutingMsg::Remove) on:click=move |_| form.rows.update(|v| v.retain(|r| r.key != key))>
                    <span aria-hidden="true">"×"</span>
                </button>
            </div>
        </fieldset>
    }
}
