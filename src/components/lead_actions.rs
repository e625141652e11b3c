//! What a rep does to a lead on its page: change its status, hand it to someone else (logged).

use cartera_core::domain::SAMPLE_OWNERS;
use cartera_core::domain::leads::{Lead, LeadStatus, StatusError, reassign, set_status};
use cartera_core::sort;
use cartera_core::store::Doc;
use chrono::Utc;
use leptos::prelude::*;

use crate::components::field::{SelectField, TextField};
use crate::components::record_meta::who;
use crate::i18n::{Leads, expect_i18n, status_text};
use crate::state::leads::{edit, save_error_message, write_batch};
use crate::state::records::WriteCtx;
use crate::state::{Store, expect_current_user, expect_store};

/// Writes `lead` over `doc`, then bumps the data version and shows `done`.
fn write_lead(ctx: WriteCtx, store: Store, doc: Doc, lead: Lead, done: Leads) {
    leptos::task::spawn_local(async move {
        let e = edit(&doc.id, Some(doc.rev.clone()), lead.to_body());
        match write_batch(&store, vec![e]).await {
            Ok(_) => {
                ctx.version.bump();
                ctx.toasts.show(ctx.i18n.t(done), None);
            }
            Err(e) => ctx.toasts.error(ctx.i18n.t(save_error_message(e))),
        }
    });
}

/// The status select and its button (converting happens on its own page).
#[component]
pub fn LeadStatusForm(doc: Doc, lead: Lead) -> impl IntoView {
    let i18n = expect_i18n();
    let user = expect_current_user().id();
    let (ctx, store) = (WriteCtx::new(), expect_store());
    let value = RwSignal::new(lead.status.code().to_owned());
    let options = Signal::derive(move || {
        let l = i18n.locale();
        (LeadStatus::ALL.iter())
            .filter(|s| **s != LeadStatus::Converted)
            .map(|s| (s.code().to_owned(), status_text(*s, l).to_owned()))
            .collect::<Vec<_>>()
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(status) = LeadStatus::from_code(&value.get_untracked()) else {
            return;
        };
        match set_status(&lead, status, Utc::now(), &user) {
            Ok(next) => write_lead(ctx, store.clone(), doc.clone(), next, Leads::StatusChanged),
            Err(e) => {
                let msg = match e {
                    StatusError::UseConversion => Leads::UseConversion,
                    StatusError::AlreadyConverted => Leads::AlreadyConverted,
                };
                ctx.toasts.error(i18n.t(msg));
            }
        }
    };
    view! {
        <form class="lead-status-form" on:submit=submit>
            <SelectField id="lead-status" label=i18n.signal(Leads::StatusLabel) value options />
            <button type="submit" class="btn">{i18n.signal(Leads::ChangeStatus)}</button>
        </form>
    }
}

/// "Reassign": a new owner and a reason, logged on the lead.
#[component]
pub fn LeadReassignForm(doc: Doc, lead: Lead) -> impl IntoView {
    let i18n = expect_i18n();
    let me = expect_current_user().id();
    let (ctx, store) = (WriteCtx::new(), expect_store());
    let to = RwSignal::new(lead.owner.clone());
    let reason = RwSignal::new(String::new());
    let mut people: Vec<String> = SAMPLE_OWNERS.iter().map(|s| (*s).to_owned()).collect();
    people.extend([me.clone(), lead.owner.clone()]);
    people.retain(|p| !p.is_empty());
    sort::sort(&mut people);
    people.dedup();
    let options = Signal::derive(move || {
        (people.iter())
            .map(|p| (p.clone(), who(p, true)))
            .collect::<Vec<_>>()
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let target = to.get_untracked();
        if target == lead.owner {
            return;
        }
        let next = reassign(&lead, &target, Utc::now(), &me, &reason.get_untracked());
        write_lead(ctx, store.clone(), doc.clone(), next, Leads::Reassigned);
    };
    view! {
        <form class="lead-reassign" on:submit=submit>
            <SelectField id="lead-reassign-to" label=i18n.signal(Leads::ReassignTo) value=to options />
            <TextField id="lead-reassign-reason" label=i18n.signal(Leads::ReassignReason) value=reason />
            <button type="submit" class="btn">{i18n.signal(Leads::Reassign)}</button>
        </form>
    }
}
