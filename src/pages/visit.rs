//! `/visits/:id`: a visit on site. "Check in" and "Check out" record the time and, only when
//! the rep ticks "Use my location", the device's position (a refusal or a slow fix is said in
//! words and the time is saved alone). After check-out the time on site shows. Notes, outcome
//! and the visit's expenses (travel, other; the cost of the sale) are saved with Save. Works
//! offline: everything is written to the local store.

use crate::routes::use_params_map;
use crate::state::resource;
use cartera_core::domain::sales::{
    Activity, ExpenseInput, ExpenseKind, SalesField, VisitLog, VisitOutcome, check_in, check_out,
    time_on_site, validate_expenses,
};
use cartera_core::store::Rev;
use chrono::Utc;
use leptos::prelude::*;

use crate::components::deal_fields::SalesErrors;
use crate::components::field::{SelectField, TextAreaField, TextField};
use crate::components::record_detail::{LoadFailed, PageLoading};
use crate::i18n::{ActivityMsg, Common, I18n, RecordForm, expect_i18n, fmt_datetime};
use crate::state::geo::{GeoError, current_position};
use crate::state::leads::{edit, rescore_lead, save_error_message, write_batch};
use crate::state::records::load;
use crate::state::sales::decimal_separator;
use crate::state::{
    CurrentUser, DataVersion, Store, Toasts, expect_current_user, expect_data_version,
    expect_store, expect_toasts,
};

/// Expenses are kept in the currency the visit already uses, else in euros (what new deals
/// default to, until teams store a currency of their own).
const TEAM_CURRENCY: &str = "EUR";

const OUTCOMES: [VisitOutcome; 5] = [
    VisitOutcome::Order,
    VisitOutcome::FollowUp,
    VisitOutcome::NoInterest,
    VisitOutcome::NotAvailable,
    VisitOutcome::Other,
];

#[component]
pub fn VisitPage() -> impl IntoView {
    let store = expect_store();
    let params = use_params_map();
    // Read once per visit: this page keeps its own copy up to date after each write.
    let data = resource(move || {
        let id = params.with(|p| p.get("id")).unwrap_or_default();
        let store = store.clone();
        async move { load(&store, &id, Activity::from_doc).await }
    });
    let i18n = expect_i18n();
    view! {
        <section class="page detail-page visit-page">
            <Transition fallback=PageLoading>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(Some(l)) => view! { <VisitView rev=l.doc.rev activity=l.record /> }.into_any(),
                        Ok(None) => view! {
                            <div class="not-found" role="status">
                                <p>{i18n.signal(ActivityMsg::NotFound)}</p>
                                <a href="/today" class="btn">{i18n.signal(ActivityMsg::BackToToday)}</a>
                            </div>
                        }.into_any(),
                        Err(msg) => view! { <LoadFailed msg /> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

/// The visit as stored, and what the screen needs to write it.
#[derive(Clone, Copy)]
struct Visit {
    current: RwSignal<(Rev, Activity)>,
    busy: RwSignal<bool>,
    i18n: I18n,
    store: StoredValue<Store>,
    version: DataVersion,
    toasts: Toasts,
    user: CurrentUser,
}

impl Visit {
    /// Writes `next` over the revision on screen; `done` is toasted on success.
    fn save(self, next: Activity, done: ActivityMsg) {
        let (store, version, toasts) = (self.store.get_value(), self.version, self.toasts);
        let prev = self.current.with_untracked(|(rev, _)| rev.clone());
        let i18n = self.i18n;
        self.busy.set(true);
        leptos::task::spawn_local(async move {
            let result =
                write_batch(&store, vec![edit(&next.id, Some(prev), next.to_body())]).await;
            self.busy.try_set(false);
            match result.map(|revs| revs.into_iter().next()) {
                Ok(Some(rev)) => {
                    if let Some(lead) = &next.lead_id {
                        rescore_lead(&store, lead, &self.user).await;
                    }
                    self.current.try_set((rev, next));
                    version.bump();
                    toasts.show(i18n.t(done), None);
                }
                Ok(None) => toasts.error(i18n.t(crate::i18n::ErrorMsg::Unexpected)),
                Err(e) => toasts.error(i18n.t(save_error_message(e))),
            }
        });
    }
}

fn geo_message(e: GeoError) -> ActivityMsg {
    match e {
        GeoError::Denied => ActivityMsg::LocationDenied,
        GeoError::Unavailable => ActivityMsg::LocationUnavailable,
        GeoError::Timeout => ActivityMsg::LocationTimeout,
    }
}

/// The first expense of `kind` and the currency of the visit's expenses.
fn expense_row(log: Option<&VisitLog>, kind: ExpenseKind, i18n: I18n) -> ExpenseInput {
    let sep = decimal_separator(i18n.locale());
    let found = log.and_then(|v| v.expenses.iter().find(|e| e.kind == kind));
    ExpenseInput {
        kind,
        amount: found.map(|e| e.amount.to_input(sep)).unwrap_or_default(),
        currency: found.map_or(TEAM_CURRENCY.to_owned(), |e| e.amount.currency.clone()),
        note: found.map(|e| e.note.clone()).unwrap_or_default(),
    }
}

#[component]
fn VisitView(rev: Rev, activity: Activity) -> impl IntoView {
    let i18n = expect_i18n();
    let user = StoredValue::new(expect_current_user().id());
    let log = activity.visit.clone();
    let travel = expense_row(log.as_ref(), ExpenseKind::Travel, i18n);
    let other = expense_row(log.as_ref(), ExpenseKind::Other, i18n);
    let currency = travel.currency.clone();
    let rows = StoredValue::new([travel.clone(), other.clone()]);
    let (travel_amount, other_amount) = (RwSignal::new(travel.amount), RwSignal::new(other.amount));
    let notes = RwSignal::new(activity.notes.clone());
    let outcome = RwSignal::new(
        (log.as_ref().and_then(|v| v.outcome)).map_or(String::new(), |o| o.code().to_owned()),
    );
    let v = Visit {
        current: RwSignal::new((rev, activity.clone())),
        busy: RwSignal::new(false),
        i18n,
        store: StoredValue::new(expect_store()),
        version: expect_data_version(),
        toasts: expect_toasts(),
        user: expect_current_user(),
    };
    let use_location = RwSignal::new(false);
    let geo_note = RwSignal::new(None::<ActivityMsg>);
    let errors = SalesErrors::new();
    let checking = move |out: bool| {
        let want_location = use_location.get_untracked();
        geo_note.set(None);
        v.busy.set(true);
        leptos::task::spawn_local(async move {
            let location = match want_location {
                true => match current_position().await {
                    Ok(p) => {
                        geo_note.try_set(Some(ActivityMsg::LocationRecorded));
                        Some(p)
                    }
                    Err(e) => {
                        geo_note.try_set(Some(geo_message(e)));
                        None
                    }
                },
                false => None,
            };
            let Some(a) = v.current.try_with_untracked(|(_, a)| a.clone()) else {
                return;
            };
            let (now, who) = (Utc::now(), user.get_value());
            let (next, msg) = match out {
                false => (check_in(&a, now, location, &who), ActivityMsg::CheckedIn),
                true => {
                    let o = VisitOutcome::from_code(&outcome.get_untracked());
                    let next = check_out(&a, now, location, o, &who);
                    (next, ActivityMsg::CheckedOut)
                }
            };
            v.save(next, msg);
        });
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if v.busy.get_untracked() {
            return;
        }
        let [mut t, mut o] = rows.get_value();
        (t.amount, o.amount) = (travel_amount.get_untracked(), other_amount.get_untracked());
        // A cleared amount removes that expense, note and all.
        for r in [&mut t, &mut o] {
            if r.amount.trim().is_empty() {
                r.note.clear();
            }
        }
        let sep = decimal_separator(i18n.locale());
        let expenses = match validate_expenses(&[t, o], sep) {
            Ok(e) => e,
            Err(e) => return errors.show(e),
        };
        errors.set(Vec::new());
        let mut next = v.current.with_untracked(|(_, a)| a.clone());
        let who = user.get_value();
        next.meta = next.meta.touched(Utc::now(), &who);
        next.notes = notes.get_untracked();
        let log = next.visit.get_or_insert_with(VisitLog::default);
        log.outcome = VisitOutcome::from_code(&outcome.get_untracked());
        // Rows beyond the first of each kind (written elsewhere) are kept as they are.
        let mut seen = [false, false];
        let extra = log.expenses.iter().filter(|e| {
            let i = usize::from(e.kind == ExpenseKind::Other);
            std::mem::replace(&mut seen[i], true)
        });
        log.expenses = expenses.into_iter().chain(extra.cloned()).collect();
        v.save(next, ActivityMsg::VisitSaved);
    };
    let outcomes = Signal::derive(move || {
        let mut out = vec![(String::new(), i18n.t(ActivityMsg::OutcomeNone))];
        out.extend(
            OUTCOMES
                .iter()
                .map(|o| (o.code().to_owned(), i18n.t(ActivityMsg::OutcomeOf(*o)))),
        );
        out
    });
    let label = move |m: ActivityMsg| i18n.signal(m);
    let amount_label = |k: ExpenseKind| {
        let c = currency.clone();
        Signal::derive(move || {
            format!(
                "{} · {}",
                i18n.t(ActivityMsg::Expense(k)),
                i18n.t(ActivityMsg::AmountIn(c.clone()))
            )
        })
    };
    let id = activity.id.clone();
    view! {
        <a href="/today" class="back-link">{move || format!("← {}", i18n.t(ActivityMsg::BackToToday))}</a>
        <header class="detail-header">
            <div class="detail-heading">
                <h1>{activity.subject.clone()}</h1>
                <p class="detail-sub">{i18n.signal(ActivityMsg::Visit)}{(!activity.place.is_empty()).then(|| format!(" · {}", activity.place))}</p>
            </div>
            <a href=format!("/activities/{id}/edit") class="btn">{i18n.signal(ActivityMsg::EditDetails)}</a>
        </header>
        <section class="detail-section visit-checks" aria-labelledby="visit-checks">
            <h2 id="visit-checks" class="visually-hidden">{i18n.signal(ActivityMsg::CheckIn)}</h2>
            <div class="field field-check">
                <input type="checkbox" id="use-location" bind:checked=use_location aria-describedby="use-location-hint" />
                <label for="use-location">{i18n.signal(ActivityMsg::UseLocation)}</label>
                <p class="field-hint" id="use-location-hint">{i18n.signal(ActivityMsg::LocationHint)}</p>
            </div>
            <p class="visit-geo" role="status">{move || geo_note.get().map(|m| i18n.t(m))}</p>
            <CheckTimes current=v.current />
            <div class="form-actions">
                <button type="button" class="btn btn-primary" disabled=move || v.busy.get() on:click=move |_| checking(false)>{i18n.signal(ActivityMsg::CheckIn)}</button>
                <button type="button" class="btn" disabled=move || v.busy.get() || v.current.with(|(_, a)| a.visit.as_ref().and_then(|l| l.check_in).is_none()) on:click=move |_| checking(true)>{i18n.signal(ActivityMsg::CheckOut)}</button>
            </div>
        </section>
        <form class="record-form visit-form" novalidate on:submit=on_submit>
            {move || errors.count().gt(&0).then(|| view! { <p class="form-summary" role="alert">{i18n.t(RecordForm::FixFields(errors.count()))}</p> })}
            <div class="form-fields">
                <SelectField id="outcome" label=label(ActivityMsg::Outcome) value=outcome options=outcomes />
                <TextAreaField id="notes" label=label(ActivityMsg::Notes) value=notes />
                <fieldset class="visit-expenses">
                    <legend>{i18n.signal(ActivityMsg::Expenses)}</legend>
                    <TextField id="expense-travel" label=amount_label(ExpenseKind::Travel) value=travel_amount error=errors.of(SalesField::ExpenseAmount(0)) inputmode="decimal" />
                    <TextField id="expense-other" label=amount_label(ExpenseKind::Other) value=other_amount error=errors.of(SalesField::ExpenseAmount(1)) inputmode="decimal" />
                </fieldset>
            </div>
            <div class="form-actions">
                <button type="submit" class="btn btn-primary" disabled=move || v.busy.get()>{i18n.signal(Common::Save)}</button>
            </div>
        </form>
    }
}

/// The check-in and check-out times, and the time on site once both are there.
#[component]
fn CheckTimes(current: RwSignal<(Rev, Activity)>) -> impl IntoView {
    let i18n = expect_i18n();
    move || {
        let l = i18n.locale();
        let log = current.with(|(_, a)| a.visit.clone()).unwrap_or_default();
        let at =
            |p: Option<cartera_core::domain::sales::CheckPoint>| p.map(|p| fmt_datetime(l, p.at));
        let on_site = time_on_site(&log).map(|d| i18n.t(ActivityMsg::TimeOnSite(d.num_minutes())));
        view! {
            <ul class="visit-times">
                {at(log.check_in).map(|t| view! { <li class="visit-check-in">{i18n.t(ActivityMsg::CheckedInAt(t))}</li> })}
                {at(log.check_out).map(|t| view! { <li class="visit-check-out">{i18n.t(ActivityMsg::CheckedOutAt(t))}</li> })}
                {on_site.map(|t| view! { <li class="visit-on-site">{t}</li> })}
            </ul>
        }
    }
}
