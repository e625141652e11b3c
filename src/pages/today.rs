//! `/today`: the rep's home screen from core's `today(...)`: today's visits in order, overdue
//! and due tasks with done/undone toggles, and the deals needing attention with their reasons;
//! each item links to its record.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use cartera_core::domain::sales::{
    Activity, Attention, DealAttention, Today, When, stage_durations, today,
};
use cartera_core::store::Doc;
use chrono::Utc;
use leptos::prelude::*;

use crate::components::empty_state::EmptyState;
use crate::components::record_detail::{LoadFailed, PageLoading};
use crate::i18n::ActivityMsg;
use crate::i18n::{I18n, TodayMsg, expect_i18n, fmt_date, fmt_datetime, fmt_money};
use crate::state::activities::{Activities, activities_resource, save_done};
use crate::state::agenda::export_agenda;
use crate::state::records::WriteCtx;
use crate::state::sales::{expect_sales, follow_sales, team_offset};
use crate::state::{CurrentUser, Store, expect_current_user, expect_store};

#[component]
pub fn TodayPage() -> impl IntoView {
    let i18n = expect_i18n();
    let sales = expect_sales();
    follow_sales(sales, expect_store());
    // Tasks ticked during this visit, kept across reloads of the data.
    let ticked = RwSignal::new(HashSet::new());
    let activities = activities_resource();
    view! {
        <section class="page today-page">
            <h1>{i18n.signal(TodayMsg::Title)}</h1>
            <div class="today-actions">
                <a href="/activities/new" class="btn btn-primary">{i18n.signal(ActivityMsg::NewActivity)}</a>
                <ExportAgendaButton/>
            </div>
            <Transition fallback=PageLoading>
                {move || Suspend::new(async move {
                    match activities.await {
                        Ok(a) => view! { <TodayView activities=a ticked /> }.into_any(),
                        Err(msg) => view! { <LoadFailed msg /> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

/// The day, recomputed when deals change. Tasks ticked in this visit stay listed (checked)
/// so a slip of the finger is one tap to undo.
#[component]
fn TodayView(activities: Activities, ticked: RwSignal<HashSet<String>>) -> impl IntoView {
    let i18n = expect_i18n();
    let sales = expect_sales();
    let user = expect_current_user().id();
    let Activities { list, docs } = activities;
    let day = {
        let list = list.clone();
        Memo::new(move |_| {
            let keep = ticked.get();
            // Ticked in this visit: listed as if still to do; the checkbox shows the truth.
            let acts: Vec<Activity> = (list.iter())
                .map(|a| match keep.contains(&a.id) {
                    true => Activity {
                        done_at: None,
                        ..a.clone()
                    },
                    false => a.clone(),
                })
                .collect();
            let deals = sales.deals.get();
            let stats = stage_durations(&deals);
            today(&acts, &deals, &stats, &user, Utc::now(), team_offset())
        })
    };
    let by_id: Arc<HashMap<String, Activity>> =
        Arc::new(list.iter().map(|a| (a.id.clone(), a.clone())).collect());
    let toggle = Toggle {
        ctx: WriteCtx::new(),
        store: StoredValue::new(expect_store()),
        user: expect_current_user(),
        docs: StoredValue::new(docs),
        ticked,
    };
    move || {
        let t: Today = day.get();
        let heading = fmt_date(i18n.locale(), t.date);
        if t.visits.is_empty()
            && t.overdue.is_empty()
            && t.due_today.is_empty()
            && t.deals.is_empty()
        {
            return view! { <p class="today-date">{heading}</p> {empty(i18n)} }.into_any();
        }
        let item = {
            let by_id = by_id.clone();
            move |a: Activity| {
                let real = by_id.get(&a.id).cloned().unwrap_or(a);
                activity_item(i18n, real, toggle)
            }
        };
        let list = |v: Vec<Activity>| v.into_iter().map(item.clone()).collect_view();
        let visits = if t.visits.is_empty() {
            view! { <p>{i18n.t(TodayMsg::NoVisits)}</p> }.into_any()
        } else {
            view! { <ol class="today-list">{list(t.visits)}</ol> }.into_any()
        };
        let overdue = (!t.overdue.is_empty()).then(|| list(t.overdue));
        let due = (!t.due_today.is_empty()).then(|| list(t.due_today));
        let deals = (!t.deals.is_empty())
            .then(|| (t.deals.into_iter().map(|d| deal_item(i18n, d))).collect_view());
        view! {
            <p class="today-date">{heading}</p>
            <TodaySection id="today-visits" title=TodayMsg::Visits>{visits}</TodaySection>
            {overdue.map(|v| view! {
                <TodaySection id="today-overdue" title=TodayMsg::Overdue>
                    <ul class="today-list">{v}</ul>
                </TodaySection>
            })}
            {due.map(|v| view! {
                <TodaySection id="today-due" title=TodayMsg::DueToday>
                    <ul class="today-list">{v}</ul>
                </TodaySection>
            })}
            {deals.map(|v| view! {
                <TodaySection id="today-deals" title=TodayMsg::Deals>
                    <ul class="today-list">{v}</ul>
                </TodaySection>
            })}
        }
        .into_any()
    }
}

#[component]
fn TodaySection(id: &'static str, title: TodayMsg, children: Children) -> impl IntoView {
    let i18n = expect_i18n();
    view! {
        <section class="today-section" aria-labelledby=id>
            <h2 id=id>{move || i18n.t(title.clone())}</h2>
            {children()}
        </section>
    }
}

/// Marks tasks done or to do again.
#[derive(Clone, Copy)]
struct Toggle {
    ctx: WriteCtx,
    store: StoredValue<Store>,
    user: CurrentUser,
    docs: StoredValue<Arc<HashMap<String, Doc>>>,
    ticked: RwSignal<HashSet<String>>,
}

impl Toggle {
    fn run(self, a: Activity, done: bool) {
        let Some(doc) = self.docs.with_value(|d| d.get(&a.id).cloned()) else {
            return;
        };
        self.ticked.update(|t| {
            t.insert(a.id.clone());
        });
        save_done(self.ctx, self.store.get_value(), &doc, &a, done, self.user);
    }
}

/// Where an activity's subject links to: its deal, contact, account or lead.
fn record_href(a: &Activity) -> Option<String> {
    (a.deal_id.as_ref().map(|id| format!("/deals/{id}")))
        .or_else(|| a.contact_id.as_ref().map(|id| format!("/contacts/{id}")))
        .or_else(|| a.account_id.as_ref().map(|id| format!("/accounts/{id}")))
        .or_else(|| a.lead_id.as_ref().map(|id| format!("/leads/{id}")))
}

fn activity_item(i18n: I18n, a: Activity, toggle: Toggle) -> impl IntoView {
    let l = i18n.locale();
    let when = match a.when {
        Some(When::At { start, .. }) => fmt_datetime(l, start),
        Some(When::Day(d)) => fmt_date(l, d),
        None => i18n.t(TodayMsg::NoDate),
    };
    let meta = [i18n.t(TodayMsg::Kind(a.kind)), when, a.place.clone()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
    let subject = a.subject.clone();
    let shown = subject.clone();
    let title = match record_href(&a) {
        Some(href) => view! { <a href=href class="today-item-title">{shown}</a> }.into_any(),
        None => view! { <span class="today-item-title">{shown}</span> }.into_any(),
    };
    let visit_href = (a.kind == cartera_core::domain::sales::ActivityKind::Visit)
        .then(|| format!("/visits/{}", a.id));
    let done = a.is_done();
    let check_id = format!("done-{}", a.id);
    let checkbox = (a.kind != cartera_core::domain::sales::ActivityKind::Visit).then(|| {
        let a = a.clone();
        view! {
            <input
                type="checkbox"
                id=check_id
                checked=done
                aria-label=i18n.t(TodayMsg::DoneLabel(subject.clone()))
                on:change:target=move |ev| toggle.run(a.clone(), ev.target().checked())
            />
        }
    });
    view! {
        <li class="today-item" class:is-done=done>
            {checkbox}
            <span class="today-item-text">
                {title}
                <span class="today-item-meta">{meta}</span>
                {visit_href.map(|h| view! { <a href=h class="btn today-visit-link">{i18n.t(ActivityMsg::OpenVisit)}</a> })}
            </span>
        </li>
    }
}

fn attention_class(a: Attention) -> &'static str {
    match a {
        Attention::CloseDatePassed => "attention attention-close_date_passed",
        _ => "attention",
    }
}

fn deal_item(i18n: I18n, d: DealAttention) -> impl IntoView {
    let l = i18n.locale();
    let deal = d.deal;
    let closes = i18n.t(TodayMsg::ClosesOn(fmt_date(l, deal.expected_close)));
    let amount = fmt_money(l, deal.amount.amount_minor, &deal.amount.currency);
    let reasons = (d.reasons.into_iter())
        .map(|r| view! { <span class=attention_class(r)>{i18n.t(TodayMsg::Reason(r))}</span> })
        .collect_view();
    view! {
        <li class="today-item">
            <span class="today-item-text">
                <a href=format!("/deals/{}", deal.id) class="today-item-title">{deal.title.clone()}</a>
                <span class="today-item-meta">{amount}" · "{closes}</span>
                <span>{reasons}</span>
            </span>
        </li>
    }
}

fn empty(i18n: I18n) -> impl IntoView {
    view! {
        <EmptyState
            title=i18n.signal(TodayMsg::EmptyTitle)
            hint=i18n.signal(TodayMsg::EmptyHint)
        >
            <a href="/leads/new" class="btn btn-primary">{i18n.signal(TodayMsg::CaptureLead)}</a>
            <a href="/leads" class="btn">{i18n.signal(TodayMsg::SeeLeads)}</a>
        </EmptyState>
    }
}

/// Downloads the current user's agenda as an .ics file (read from the local store, so it works
/// offline).
#[component]
fn ExportAgendaButton() -> impl IntoView {
    let i18n = expect_i18n();
    let (store, toasts) = (
        StoredValue::new(expect_store()),
        crate::state::expect_toasts(),
    );
    let user = StoredValue::new(expect_current_user().id());
    let on_click = move |_| {
        let (store, user) = (store.get_value(), user.get_value());
        leptos::task::spawn_local(async move {
            if export_agenda(&store, &user).await.is_err() {
                toasts.error(i18n.t(ActivityMsg::ExportFailed));
            }
        });
    };
    view! {
        <button type="button" class="btn" on:click=on_click>{i18n.signal(ActivityMsg::ExportAgenda)}</button>
    }
}
