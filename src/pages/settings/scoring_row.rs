//! One rule of Settings › Lead scoring: its condition kind, the parameters that kind reads
//! (the others stay in the row, hidden, so switching kinds back and forth loses nothing), its
//! points, its switch and its removal. Errors show under the field they are about.

use cartera_core::domain::leads::{ConditionKind, LeadSource, Param, ScoringField};
use cartera_core::domain::sales::ActivityKind;
use leptos::prelude::*;

use super::scoring::{Form, Row};
use crate::components::field::{SelectField, TextField};
use crate::i18n::{ScoringMsg, TodayMsg, source_text};

#[component]
pub(super) fn ScoringRow(row: Row, form: Form) -> impl IntoView {
    let i18n = form.i18n;
    let key = row.key;
    let pos = move || {
        form.rows
            .with(|v| v.iter().position(|r| r.key == key).unwrap_or(0))
    };
    let kind = row.kind;
    let current = move || ConditionKind::from_code(&kind.get()).unwrap_or_default();
    let hidden = move |p: Param| move || !current().params().contains(&p);
    let err = move |p: Param| Signal::derive(move || form.error(ScoringField::Param(pos(), p)));
    let id = move |what: &str| format!("scoring-{key}-{what}");
    let text = move |p: Param, what: &str, value, label: Signal<String>, hint: Signal<String>| {
        view! {
            <div class="rule-param" hidden=hidden(p)>
                <TextField id=id(what) label value error=err(p) hint/>
            </div>
        }
    };
    let number = move |p: Param, what: &str, value, label: Signal<String>| {
        view! {
            <div class="rule-param" hidden=hidden(p)>
                <TextField id=id(what) label value error=err(p) inputmode="numeric"/>
            </div>
        }
    };
    let kinds = Signal::derive(move || {
        (ConditionKind::ALL.iter())
            .map(|k| (k.code().to_owned(), i18n.t(ScoringMsg::Kind(*k))))
            .collect::<Vec<_>>()
    });
    let activity_kinds = Signal::derive(move || {
        use ActivityKind::*;
        let mut o = vec![(String::new(), i18n.t(ScoringMsg::AnyActivity))];
        o.extend(
            [Task, Call, Meeting, Visit].map(|k| (k.code().to_owned(), i18n.t(TodayMsg::Kind(k)))),
        );
        o
    });
    let sources = Signal::derive(move || {
        use LeadSource::*;
        let l = i18n.locale();
        let mut o: Vec<(String, String)> = ([Web, Referral, Event, ColdCall, Other].iter())
            .map(|s| (s.code(), source_text(s, l)))
            .collect();
        o.push(("campaign".into(), i18n.t(ScoringMsg::Campaign)));
        o
    });
    let list_label = Signal::derive(move || i18n.t(ScoringMsg::List(current())));
    // A campaign response may be at any time: its days are optional.
    let days_label = Signal::derive(move || {
        let optional = current() == ConditionKind::CampaignResponded;
        i18n.t(if optional {
            ScoringMsg::DaysOptional
        } else {
            ScoringMsg::Days
        })
    });
    let remove = i18n.t(ScoringMsg::Remove(row.legend.clone()));
    view! {
        <fieldset class="stage-row">
            <legend>{row.legend.clone()}</legend>
            <SelectField id=id("kind") label=i18n.signal(ScoringMsg::Condition) value=kind options=kinds/>
            {text(Param::List, "list", row.list, list_label, i18n.signal(ScoringMsg::ListHint))}
            {number(Param::Employees, "employees", row.employees, i18n.signal(ScoringMsg::Employees))}
            <div class="rule-param" hidden=hidden(Param::Source)>
                <SelectField id=id("source") label=i18n.signal(ScoringMsg::Kind(ConditionKind::SourceIs)) value=row.source options=sources error=err(Param::Source)/>
            </div>
            <div class="rule-param" hidden=hidden(Param::ActivityKind)>
                <SelectField id=id("activity") label=i18n.signal(ScoringMsg::ActivityKind) value=row.activity_kind options=activity_kinds error=err(Param::ActivityKind)/>
            </div>
            {number(Param::AtLeast, "at-least", row.at_least, i18n.signal(ScoringMsg::AtLeast))}
            {text(Param::Campaign, "campaign", row.campaign, i18n.signal(ScoringMsg::Campaign), i18n.signal(ScoringMsg::CampaignHint))}
            {number(Param::Days, "days", row.days, days_label)}
            <TextField
                id=id("points")
                label=i18n.signal(ScoringMsg::Points)
                value=row.points
                error=Signal::derive(move || form.error(ScoringField::Points(pos())))
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
