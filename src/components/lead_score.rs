//! A lead's owner, the routing rule that chose it, and its score explained rule by rule.

use cartera_core::domain::leads::{AssignedBy, Lead, Score};
use leptos::prelude::*;

use crate::components::record_meta::who;
use crate::i18n::{Leads, Reason, expect_i18n};

/// "Asignado a Lucia por la regla «territorio-madrid»".
#[component]
pub fn LeadRouting(lead: Lead) -> impl IntoView {
    let i18n = expect_i18n();
    let owner = lead.owner.clone();
    // A hand-over after routing: the rule no longer explains the owner; the log does.
    let handed = (lead.reassignments.last())
        .filter(|r| lead.routing.as_ref().is_none_or(|x| r.at > x.at))
        .map(|r| r.by.clone());
    let by = lead.routing.map(|r| r.by);
    let how = move || match (&handed, &by) {
        (Some(who_did), _) => format!(" ({})", i18n.t(Leads::ReassignedBy(who(who_did, false)))),
        (None, by) => rule_text(i18n, by.as_ref()),
    };
    view! {
        <p class="lead-routing" data-testid="lead-routing">
            {move || i18n.t(Leads::AssignedTo(who(&owner, true)))}
            {how}
        </p>
    }
}

/// " por la regla «X»", " sin regla aplicable…", or nothing when never routed.
fn rule_text(i18n: crate::i18n::I18n, by: Option<&AssignedBy>) -> String {
    match by {
        Some(AssignedBy::Rule(id)) => format!(" {}", i18n.t(Leads::ByRule(id.clone()))),
        Some(AssignedBy::Fallback) => format!(" {}", i18n.t(Leads::ByFallback)),
        None => String::new(),
    }
}

/// The score as a badge ("35 puntos").
#[component]
pub fn ScoreBadge(total: i32) -> impl IntoView {
    let i18n = expect_i18n();
    let level = match total {
        i32::MIN..=19 => "low",
        20..=49 => "mid",
        _ => "high",
    };
    view! {
        <span class=format!("score-badge score-{level}")>{i18n.signal(Leads::Points(total))}</span>
    }
}

/// The score and its reasons, biggest first ("+20 sector: Acero").
#[component]
pub fn ScoreExplained(score: Score) -> impl IntoView {
    let i18n = expect_i18n();
    let Score { total, reasons } = score;
    let items = if reasons.is_empty() {
        view! { <p class="lead-no-reasons">{i18n.signal(Leads::NoReasons)}</p> }.into_any()
    } else {
        let rows = reasons
            .into_iter()
            .map(|r| {
                let class = if r.points >= 0 {
                    "reason reason-plus"
                } else {
                    "reason reason-minus"
                };
                view! { <li class=class>{move || i18n.t(Reason(r.points, &r.code))}</li> }
            })
            .collect_view();
        view! { <ul class="lead-reasons">{rows}</ul> }.into_any()
    };
    view! {
        <div class="lead-score">
            <ScoreBadge total />
            {items}
        </div>
    }
}
