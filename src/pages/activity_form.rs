//! `/activities/new` and `/activities/:id/edit`: the activity form (kind, subject, day, time,
//! duration, place, the linked record, notes). `?deal=`, `?account=`, `?contact=` or `?lead=`
//! prefill the link (and bring the user back to that record after saving a new task, call or
//! meeting) and `?kind=visit` the kind. Day and time are read in the team's calendar;
//! errors show inline in the user's language and nothing is saved while the form is invalid.

use crate::nav::{query_map, use_navigate};
use crate::routes::use_params_map;
use crate::state::effect;
use crate::state::resource;
use cartera_core::domain::new_id;
use cartera_core::domain::sales::{
    Activity, ActivityInput, ActivityKind, SalesField, activity_input, new_activity,
    update_activity, validate_activity,
};
use chrono::Utc;
use leptos::prelude::*;

use crate::components::deal_fields::SalesErrors;
use crate::components::field::{SelectField, TextAreaField, TextField};
use crate::components::record_detail::{LoadFailed, PageLoading};
use crate::i18n::{ActivityMsg, Common, ErrorMsg, RecordForm, expect_i18n};
use crate::state::leads::{edit, rescore_lead, save_error_message, write_batch};
use crate::state::records::{Loaded, expect_records, follow_store, load};
use crate::state::sales::{expect_sales, follow_sales, team_offset};
use crate::state::{expect_current_user, expect_data_version, expect_store, expect_toasts};

const KINDS: [ActivityKind; 4] = [
    ActivityKind::Task,
    ActivityKind::Call,
    ActivityKind::Meeting,
    ActivityKind::Visit,
];

#[derive(Clone, Debug, PartialEq)]
enum Opening {
    New,
    Edit(Box<Loaded<Activity>>),
    NotFound,
}

#[component]
pub fn ActivityFormPage() -> impl IntoView {
    let store = expect_store();
    follow_sales(expect_sales(), store.clone());
    follow_store(expect_records(), store.clone());
    let params = use_params_map();
    let opening = resource(move || {
        let (store, id) = (store.clone(), params.with(|p| p.get("id")));
        async move {
            let Some(id) = id else {
                return Ok(Opening::New);
            };
            Ok(load(&store, &id, Activity::from_doc)
                .await?
                .map_or(Opening::NotFound, |l| Opening::Edit(Box::new(l))))
        }
    });
    let prefill = {
        let q = query_map();
        blank_input(|k| q.get(k))
    };
    // Opened from a record's timeline: back to that record after saving or cancelling.
    let back = record_page(&link_of(&prefill));
    let i18n = expect_i18n();
    view! {
        <section class="page form-page">
            <Transition fallback=PageLoading>
                {move || {
                    let (prefill, back) = (prefill.clone(), back.clone());
                    Suspend::new(async move {
                        match opening.await {
                            Ok(Opening::New) => view! { <ActivityForm base=None input=prefill back /> }.into_any(),
                            Ok(Opening::Edit(l)) => {
                                let input = activity_input(&l.record, team_offset());
                                view! { <ActivityForm base=Some(*l) input back=None /> }.into_any()
                            }
                            Ok(Opening::NotFound) => view! {
                                <p class="load-error" role="alert">{i18n.signal(ActivityMsg::NotFound)}</p>
                            }.into_any(),
                            Err(msg) => view! { <LoadFailed msg /> }.into_any(),
                        }
                    })
                }}
            </Transition>
        </section>
    }
}

/// A new activity: today, linked to the record the query names, of the kind it names.
fn blank_input(q: impl Fn(&str) -> Option<String>) -> ActivityInput {
    let kind = q("kind")
        .and_then(|k| ActivityKind::from_code(&k))
        .unwrap_or_default();
    ActivityInput {
        kind,
        deal_id: q("deal").unwrap_or_default(),
        account_id: q("account").unwrap_or_default(),
        contact_id: q("contact").unwrap_or_default(),
        lead_id: q("lead").unwrap_or_default(),
        date: Utc::now()
            .with_timezone(&team_offset())
            .date_naive()
            .to_string(),
        ..ActivityInput::default()
    }
}

/// The linked record as one select value: "deal:ID", "account:ID", "contact:ID", "lead:ID".
fn link_of(i: &ActivityInput) -> String {
    [
        ("deal", &i.deal_id),
        ("contact", &i.contact_id),
        ("account", &i.account_id),
        ("lead", &i.lead_id),
    ]
    .into_iter()
    .find(|(_, id)| !id.is_empty())
    .map(|(k, id)| format!("{k}:{id}"))
    .unwrap_or_default()
}

/// The page of the record a link value ("contact:ID", ...) names: `/contacts/ID`, ...
fn record_page(link: &str) -> Option<String> {
    let (kind, id) = link.split_once(':')?;
    Some(format!("/{kind}s/{id}"))
}

/// The activity being edited, one signal per box.
#[derive(Clone, Copy)]
struct Draft {
    kind: RwSignal<String>,
    subject: RwSignal<String>,
    date: RwSignal<String>,
    time: RwSignal<String>,
    minutes: RwSignal<String>,
    place: RwSignal<String>,
    link: RwSignal<String>,
    notes: RwSignal<String>,
    rest: StoredValue<ActivityInput>,
}

impl Draft {
    fn new(i: ActivityInput) -> Self {
        Self {
            kind: RwSignal::new(i.kind.code().to_owned()),
            subject: RwSignal::new(i.subject.clone()),
            date: RwSignal::new(i.date.clone()),
            time: RwSignal::new(i.time.clone()),
            minutes: RwSignal::new(i.minutes.clone()),
            place: RwSignal::new(i.place.clone()),
            link: RwSignal::new(link_of(&i)),
            notes: RwSignal::new(i.notes.clone()),
            rest: StoredValue::new(i),
        }
    }

    /// The form as typed; reactive.
    fn input(&self) -> ActivityInput {
        let link = self.link.get();
        let (k, id) = link.split_once(':').unwrap_or_default();
        let pick = |want: &str| {
            if k == want {
                id.to_owned()
            } else {
                String::new()
            }
        };
        // The link select chooses one record; the deal's account stays as it was stored.
        let rest = self.rest.get_value();
        ActivityInput {
            kind: ActivityKind::from_code(&self.kind.get()).unwrap_or_default(),
            subject: self.subject.get(),
            date: self.date.get(),
            time: self.time.get(),
            minutes: self.minutes.get(),
            place: self.place.get(),
            deal_id: pick("deal"),
            contact_id: pick("contact"),
            account_id: match k {
                "account" => id.to_owned(),
                "deal" | "contact" => rest.account_id.clone(),
                _ => String::new(),
            },
            lead_id: pick("lead"),
            notes: self.notes.get(),
            ..rest
        }
    }
}

/// Validates and saves; on success shows the visit page (visits), `back` or Today.
fn submit(
    d: Draft,
    back: Option<String>,
    base: StoredValue<Option<Loaded<Activity>>>,
    errors: SalesErrors,
    saving: RwSignal<bool>,
    failure: RwSignal<Option<ErrorMsg>>,
) {
    let (i18n, toasts, version) = (expect_i18n(), expect_toasts(), expect_data_version());
    let current = expect_current_user();
    let (store, user) = (expect_store(), current.id());
    let valid = match validate_activity(&d.input(), team_offset()) {
        Ok(v) => v,
        Err(e) => return errors.show(e),
    };
    errors.set(Vec::new());
    let old = base.get_value();
    let now = Utc::now();
    let a = match &old {
        Some(l) => update_activity(&l.record, valid, now, &user),
        None => new_activity(valid, new_id(), now, &user),
    };
    let prev = old.as_ref().map(|l| l.doc.rev.clone());
    let was_lead = (old.as_ref().and_then(|l| l.record.lead_id.clone()))
        .filter(|was| Some(was) != a.lead_id.as_ref());
    let msg = if prev.is_none() {
        ActivityMsg::Created
    } else {
        ActivityMsg::Saved
    };
    let navigate = use_navigate();
    saving.set(true);
    leptos::task::spawn_local(async move {
        let result = write_batch(&store, vec![edit(&a.id, prev, a.to_body())]).await;
        saving.try_set(false);
        match result {
            Ok(_) => {
                // Its lead (and the one it was moved from) did something else now.
                for lead in a.lead_id.iter().chain(was_lead.iter()) {
                    rescore_lead(&store, lead, &current).await;
                }
                version.bump();
                toasts.show(i18n.t(msg), None);
                let to = match (a.kind, back) {
                    (ActivityKind::Visit, _) => format!("/visits/{}", a.id),
                    (_, Some(back)) => back,
                    _ => "/today".to_owned(),
                };
                navigate(&to, Default::default());
            }
            Err(e) => failure.set(Some(save_error_message(e))),
        }
    });
}

#[component]
fn ActivityForm(
    base: Option<Loaded<Activity>>,
    input: ActivityInput,
    back: Option<String>,
) -> impl IntoView {
    let i18n = expect_i18n();
    let editing = base.is_some();
    let cancel_href = match &base {
        Some(l) if l.record.kind == ActivityKind::Visit => format!("/visits/{}", l.doc.id),
        _ => back.clone().unwrap_or_else(|| "/today".to_owned()),
    };
    let back = StoredValue::new(back);
    let d = Draft::new(input);
    let base = StoredValue::new(base);
    let errors = SalesErrors::new();
    let (saving, failure) = (RwSignal::new(false), RwSignal::new(None::<ErrorMsg>));
    // Once errors are shown, each disappears as soon as its field is fixed.
    effect(move || {
        let current = validate_activity(&d.input(), team_offset())
            .err()
            .unwrap_or_default();
        errors.prune(&current);
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !saving.get_untracked() {
            submit(d, back.get_value(), base, errors, saving, failure);
        }
    };
    let kinds = Signal::derive(move || {
        (KINDS.iter())
            .map(|k| (k.code().to_owned(), i18n.t(ActivityMsg::Kind(*k))))
            .collect::<Vec<_>>()
    });
    let links = link_options(d.link.get_untracked());
    let label = move |m: ActivityMsg| i18n.signal(m);
    view! {
        <form class="record-form activity-form" novalidate on:submit=on_submit>
            <h1>{move || i18n.t(if editing { ActivityMsg::EditActivity } else { ActivityMsg::NewActivity })}</h1>
            {move || errors.count().gt(&0).then(|| view! { <p class="form-summary" role="alert">{i18n.t(RecordForm::FixFields(errors.count()))}</p> })}
            {move || failure.get().map(|msg| view! { <p class="form-failure" role="alert">{i18n.t(msg)}</p> })}
            <div class="form-fields">
                <SelectField id="kind" label=label(ActivityMsg::KindLabel) value=d.kind options=kinds />
                <TextField id="subject" label=label(ActivityMsg::Subject) value=d.subject error=errors.of(SalesField::Subject) required=true />
                <div class="field-pair">
                    <TextField id="date" label=label(ActivityMsg::Date) value=d.date error=errors.of(SalesField::Date) input_type="date" />
                    <TextField id="time" label=label(ActivityMsg::Time) value=d.time error=errors.of(SalesField::Time) input_type="time" />
                </div>
                <TextField id="minutes" label=label(ActivityMsg::Duration) value=d.minutes error=errors.of(SalesField::Duration) inputmode="numeric" />
                <TextField id="place" label=label(ActivityMsg::Place) value=d.place error=errors.of(SalesField::Place) />
                <SelectField id="link" label=label(ActivityMsg::LinkedRecord) value=d.link options=links />
                <TextAreaField id="notes" label=label(ActivityMsg::Notes) value=d.notes error=errors.of(SalesField::Notes) />
            </div>
            <div class="form-actions">
                <button type="submit" class="btn btn-primary" disabled=move || saving.get()>
                    {move || if saving.get() { i18n.t(RecordForm::Saving) } else { i18n.t(Common::Save) }}
                </button>
                <a href=cancel_href class="btn">{i18n.signal(Common::Cancel)}</a>
            </div>
        </form>
    }
}

/// The records an activity can link to: open deals, accounts and contacts (each capped), and
/// the current link even when it is none of those (a lead, or a record not loaded yet).
fn link_options(current: String) -> Signal<Vec<(String, String)>> {
    let (i18n, sales, records) = (expect_i18n(), expect_sales(), expect_records());
    Signal::derive(move || {
        let mut out = vec![(String::new(), i18n.t(ActivityMsg::LinkNone))];
        sales.deals.with(|all| {
            let open = all
                .iter()
                .filter(|d| d.is_open() || format!("deal:{}", d.id) == current);
            out.extend(open.take(200).map(|d| {
                (
                    format!("deal:{}", d.id),
                    i18n.t(ActivityMsg::LinkDeal(d.title.clone())),
                )
            }));
        });
        records.accounts.with(|set| {
            out.extend(set.rows().take(200).map(|a| {
                (
                    format!("account:{}", a.id),
                    i18n.t(ActivityMsg::LinkAccount(a.name.clone())),
                )
            }));
        });
        records.contacts.with(|set| {
            out.extend(set.rows().take(200).map(|c| {
                (
                    format!("contact:{}", c.id),
                    i18n.t(ActivityMsg::LinkContact(c.name.clone())),
                )
            }));
        });
        if !current.is_empty() && !out.iter().any(|(v, _)| *v == current) {
            let (k, id) = current.split_once(':').unwrap_or_default();
            let text = match k {
                "deal" => ActivityMsg::LinkDeal(id.to_owned()),
                "account" => ActivityMsg::LinkAccount(id.to_owned()),
                "contact" => ActivityMsg::LinkContact(id.to_owned()),
                _ => ActivityMsg::LinkLead(id.to_owned()),
            };
            out.push((current.clone(), i18n.t(text)));
        }
        out
    })
}
