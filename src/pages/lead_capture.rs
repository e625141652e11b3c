//! `/leads/new`: quick capture on a phone in seconds. A few fields (more behind "More
//! details"), a paste box that fills them from a vCard or a card's text, inline errors, a
//! duplicate check against leads and contacts (merge or save anyway), then offline scoring and
//! routing; the saved lead shows its owner, the rule that chose it and its explained score.

use crate::state::effect;
use std::sync::Arc;

use cartera_core::domain::leads::{
    Engagement, Lead, LeadField, LeadFieldError, LeadInput, LeadSource, RecordKind,
    find_duplicates, merge_leads, new_lead, parse_card_text, parse_vcards, score, validate_lead,
};
use cartera_core::domain::{Contact, DEFAULT_COUNTRY, new_id};
use chrono::Utc;
use leptos::prelude::*;

use crate::components::field::{SelectField, TextAreaField, TextField, focus_by_id};
use crate::components::lead_duplicates::{DuplicateView, LeadDuplicates};
use crate::components::lead_form::{Draft, field_id};
use crate::components::lead_score::{LeadRouting, ScoreExplained};
use crate::i18n::{I18n, LeadErrorText, Leads, expect_i18n, source_text};
use crate::state::leads::{
    Rules, edit, load_contacts, load_leads, load_rules, round_robin, save_error_message,
    save_round_robin, score_and_route, write_batch,
};
use crate::state::records::{Loaded, WriteCtx};
use crate::state::{Store, expect_current_user, expect_store};

/// What a save compares with and runs on, read once per page visit (in the background).
struct Prepared {
    leads: Vec<Loaded<Lead>>,
    contacts: Vec<Contact>,
    rules: Rules,
}

async fn prepare(store: &Store) -> Result<Prepared, crate::i18n::ErrorMsg> {
    Ok(Prepared {
        leads: load_leads(store).await?,
        contacts: load_contacts(store).await?,
        rules: load_rules(store).await?,
    })
}

#[derive(Clone, Debug, PartialEq)]
enum Phase {
    Editing,
    Duplicates(Vec<DuplicateView>),
    Done(Box<Lead>),
}

/// The capture screen's state; `Copy`.
#[derive(Clone, Copy)]
struct Capture {
    draft: Draft,
    errors: RwSignal<Vec<LeadFieldError>>,
    phase: RwSignal<Phase>,
    busy: RwSignal<bool>,
    candidate: StoredValue<Option<Lead>>,
    prepared: StoredValue<Option<Arc<Prepared>>>,
    store: StoredValue<Store>,
    user: StoredValue<String>,
    ctx: WriteCtx,
}

impl Capture {
    async fn prepared(&self) -> Result<Arc<Prepared>, crate::i18n::ErrorMsg> {
        if let Some(p) = self.prepared.get_value() {
            return Ok(p);
        }
        let p = Arc::new(prepare(&self.store.get_value()).await?);
        self.prepared.set_value(Some(p.clone()));
        Ok(p)
    }

    /// Validates, then checks for duplicates; saves at once when there are none.
    fn save(self) {
        let input = untrack(|| self.draft.input());
        let valid = match validate_lead(&input, DEFAULT_COUNTRY) {
            Ok(v) => v,
            Err(errors) => {
                if let Some(first) = errors.first() {
                    focus_by_id(field_id(first.field));
                }
                self.errors.set(errors);
                return;
            }
        };
        self.errors.set(Vec::new());
        let lead = new_lead(valid, new_id(), Utc::now(), &self.user.get_value());
        self.candidate.set_value(Some(lead.clone()));
        self.busy.set(true);
        leptos::task::spawn_local(async move {
            match self.prepared().await {
                Ok(p) => {
                    let matches = duplicates(&lead, &p);
                    if matches.is_empty() {
                        self.write_new(&p).await;
                    } else {
                        self.phase.set(Phase::Duplicates(matches));
                    }
                }
                Err(msg) => self.ctx.toasts.error(self.ctx.i18n.t(msg)),
            }
            self.busy.set(false);
        });
    }

    /// Scores, routes and writes the new lead.
    async fn write_new(self, p: &Prepared) {
        let Some(lead) = self.candidate.get_value() else {
            return;
        };
        let store = self.store.get_value();
        let state = round_robin(&store).await;
        let user = self.user.get_value();
        let (lead, next) = score_and_route(&lead, &p.rules, &state, Utc::now(), &user);
        match write_batch(&store, vec![edit(&lead.id, None, lead.to_body())]).await {
            Ok(_) => {
                save_round_robin(&store, &next).await;
                self.finish(lead, Leads::Saved);
            }
            Err(e) => self
                .ctx
                .toasts
                .error(self.ctx.i18n.t(save_error_message(e))),
        }
    }

    /// Merges the new lead into lead `id` (which keeps its values; the new ones are kept too).
    fn merge(self, id: String) {
        self.busy.set(true);
        leptos::task::spawn_local(async move {
            let (Some(lead), Ok(p)) = (self.candidate.get_value(), self.prepared().await) else {
                self.busy.set(false);
                return;
            };
            if let Some(primary) = p.leads.iter().find(|l| l.doc.id == id) {
                let now = Utc::now();
                let mut merged = merge_leads(&primary.record, &lead, now, &self.user.get_value());
                merged.score = score(&merged, &Engagement::own(&merged), &p.rules.scoring, now);
                let e = edit(&id, Some(primary.doc.rev.clone()), merged.to_body());
                match write_batch(&self.store.get_value(), vec![e]).await {
                    Ok(_) => self.finish(merged, Leads::Merged),
                    Err(e) => self
                        .ctx
                        .toasts
                        .error(self.ctx.i18n.t(save_error_message(e))),
                }
            }
            self.busy.set(false);
        });
    }

    fn finish(self, lead: Lead, msg: Leads) {
        self.prepared.set_value(None);
        self.ctx.version.bump();
        self.ctx.toasts.show(self.ctx.i18n.t(msg), None);
        self.phase.set(Phase::Done(Box::new(lead)));
    }

    fn save_anyway(self) {
        self.busy.set(true);
        leptos::task::spawn_local(async move {
            if let Ok(p) = self.prepared().await {
                self.write_new(&p).await;
            }
            self.busy.set(false);
        });
    }

    fn again(self) {
        self.draft.clear();
        self.candidate.set_value(None);
        self.phase.set(Phase::Editing);
        focus_by_id("lead-given");
    }
}

/// The leads and contacts that look like `lead`, as the panel shows them.
fn duplicates(lead: &Lead, p: &Prepared) -> Vec<DuplicateView> {
    let leads: Vec<Lead> = p.leads.iter().map(|l| l.record.clone()).collect();
    let name = |m: &cartera_core::domain::leads::DuplicateMatch| match m.record {
        RecordKind::Lead => leads.iter().find(|l| l.id == m.id).map(Lead::display_name),
        RecordKind::Contact => (p.contacts.iter())
            .find(|c| c.id == m.id)
            .map(Contact::display_name),
    };
    find_duplicates(lead, &leads, &p.contacts)
        .iter()
        .map(|m| DuplicateView {
            id: m.id.clone(),
            record: m.record,
            kind: m.kind,
            name: name(m).unwrap_or_default(),
        })
        .collect()
}

#[component]
pub fn LeadCapturePage() -> impl IntoView {
    let i18n = expect_i18n();
    let store = expect_store();
    let c = Capture {
        draft: Draft::new(),
        errors: RwSignal::new(Vec::new()),
        phase: RwSignal::new(Phase::Editing),
        busy: RwSignal::new(false),
        candidate: StoredValue::new(None),
        prepared: StoredValue::new(None),
        store: StoredValue::new(store),
        user: StoredValue::new(expect_current_user().id()),
        ctx: WriteCtx::new(),
    };
    // The name box is where a capture starts: focus it (phones open the keyboard).
    request_animation_frame(|| focus_by_id("lead-given"));
    // Read leads, contacts and rules while the rep types, so saving is instant.
    leptos::task::spawn_local(async move {
        let _ = c.prepared().await;
    });
    // Once shown, each error disappears as soon as its field is fixed.
    effect(move || {
        let current = validate_lead(&c.draft.input(), DEFAULT_COUNTRY)
            .err()
            .unwrap_or_default();
        if c.errors.with_untracked(|e| !e.is_empty()) {
            c.errors.update(|e| e.retain(|x| current.contains(x)));
        }
    });
    view! {
        <section class="page form-page lead-capture">
            <h1>{i18n.signal(Leads::CaptureTitle)}</h1>
            {move || match c.phase.get() {
                Phase::Done(lead) => view! { <Outcome lead=*lead c /> }.into_any(),
                Phase::Duplicates(matches) => view! {
                    <LeadDuplicates
                        matches
                        on_merge=move |id| c.merge(id)
                        on_save_anyway=move |()| c.save_anyway()
                        busy=c.busy
                    />
                }
                .into_any(),
                Phase::Editing => ().into_any(),
            }}
            <Show when=move || !matches!(c.phase.get(), Phase::Done(_))>
                <CaptureForm c />
            </Show>
        </section>
    }
}

/// The form: paste box, quick fields, more details, Save.
#[component]
fn CaptureForm(c: Capture) -> impl IntoView {
    let i18n = expect_i18n();
    let d = c.draft;
    let err = move |f: LeadField| {
        Signal::derive(move || {
            c.errors.with(|list| {
                list.iter()
                    .find(|e| e.field == f)
                    .map(|e| i18n.t(LeadErrorText(*e)))
            })
        })
    };
    let t = move |m: Leads| i18n.signal(m);
    let summary = move || {
        let n = c.errors.with(Vec::len);
        (n > 0).then(
            || view! { <p class="form-summary" role="alert">{i18n.t(Leads::FixFields(n))}</p> },
        )
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        c.save();
    };
    view! {
        <PasteBox draft=d i18n />
        <form class="record-form" novalidate on:submit=on_submit>
            {summary}
            <div class="field-pair">
                <TextField id="lead-given" label=t(Leads::GivenName) value=d.given error=err(LeadField::NameOrCompany) autocomplete="given-name" />
                <TextField id="lead-family" label=t(Leads::FamilyName) value=d.family error=err(LeadField::FamilyName) autocomplete="family-name" />
            </div>
            <TextField id="lead-company" label=t(Leads::Company) value=d.company error=err(LeadField::Company) autocomplete="organization" />
            <TextField id="lead-phone" label=t(Leads::Phone) value=d.phone error=Signal::derive(move || err(LeadField::PhoneOrEmail).get().or_else(|| err(LeadField::Phone(0)).get())) input_type="tel" autocomplete="tel" inputmode="tel" />
            <TextField id="lead-email" label=t(Leads::Email) value=d.email error=err(LeadField::Email(0)) input_type="email" autocomplete="email" inputmode="email" />
            <TextField id="lead-interest" label=t(Leads::Interest) value=d.interest error=err(LeadField::Interest) hint=t(Leads::InterestHint) />
            <SelectField id="lead-source" label=t(Leads::SourceLabel) value=d.source options=Signal::derive(move || source_options(i18n)) error=err(LeadField::Source) />
            <TextField id="lead-region" label=t(Leads::Region) value=d.region error=err(LeadField::Address(cartera_core::domain::AddressPart::Region)) autocomplete="address-level1" />
            <TextAreaField id="lead-note" label=t(Leads::Note) value=d.note error=err(LeadField::Notes) />
            <details class="lead-more">
                <summary>{i18n.signal(Leads::MoreFields)}</summary>
                <TextField id="lead-job" label=t(Leads::JobTitle) value=d.job_title error=err(LeadField::JobTitle) autocomplete="organization-title" />
                <TextField id="lead-industry" label=t(Leads::Industry) value=d.industry error=err(LeadField::Industry) />
                <TextField id="lead-size" label=t(Leads::CompanySize) value=d.size error=err(LeadField::CompanySize) inputmode="numeric" />
                <TextField id="lead-postal" label=t(Leads::PostalCode) value=d.postal error=err(LeadField::Address(cartera_core::domain::AddressPart::PostalCode)) autocomplete="postal-code" />
                <TextField id="lead-city" label=t(Leads::City) value=d.city error=err(LeadField::Address(cartera_core::domain::AddressPart::City)) autocomplete="address-level2" />
                <TextField id="lead-website" label=t(Leads::Website) value=d.website error=err(LeadField::Website) input_type="url" inputmode="url" />
            </details>
            <div class="form-actions">
                <button type="submit" class="btn btn-primary" disabled=move || c.busy.get()>
                    {move || if c.busy.get() { i18n.t(Leads::Saving) } else { i18n.t(crate::i18n::Common::Save) }}
                </button>
                <a href="/leads" class="btn">{i18n.signal(crate::i18n::Common::Cancel)}</a>
            </div>
        </form>
    }
}

/// The sources a rep can pick; the value is the stored code.
fn source_options(i18n: I18n) -> Vec<(String, String)> {
    use LeadSource::*;
    [Other, Web, Referral, Event, ColdCall]
        .iter()
        .map(|s| (s.code(), source_text(s, i18n.locale())))
        .collect()
}

/// "Paste vCard / card text": fills the fields from what core's capture recognises.
#[component]
fn PasteBox(draft: Draft, i18n: I18n) -> impl IntoView {
    let text = RwSignal::new(String::new());
    let status = RwSignal::new(None::<Leads>);
    let fill = move |_| {
        let raw = text.get_untracked();
        let parsed = if raw.to_ascii_uppercase().contains("BEGIN:VCARD") {
            parse_vcards(&raw).into_iter().next().unwrap_or_default()
        } else {
            parse_card_text(&raw)
        };
        if parsed == LeadInput::default() {
            status.set(Some(Leads::PasteNothing));
        } else {
            draft.fill(parsed);
            text.set(String::new());
            status.set(Some(Leads::PasteFilled));
        }
    };
    view! {
        <details class="lead-paste">
            <summary>{i18n.signal(Leads::PasteLabel)}</summary>
            <TextAreaField id="lead-paste" label=i18n.signal(Leads::PasteLabel) value=text />
            <p class="field-hint">{i18n.signal(Leads::PasteHint)}</p>
            <button type="button" class="btn" on:click=fill>{i18n.signal(Leads::FillFromPaste)}</button>
            <p class="paste-status" role="status">{move || status.with(|m| m.as_ref().map(|m| i18n.t(m)))}</p>
        </details>
    }
}

/// The saved lead: owner and rule, explained score, and what next.
#[component]
fn Outcome(lead: Lead, c: Capture) -> impl IntoView {
    let i18n = expect_i18n();
    let href = format!("/leads/{}", lead.id);
    view! {
        <section class="lead-outcome" role="status" aria-labelledby="outcome-title">
            <h2 id="outcome-title">{lead.display_name()}</h2>
            <LeadRouting lead=lead.clone() />
            <h3>{i18n.signal(Leads::Score)}</h3>
            <ScoreExplained score=lead.score.clone() />
            <div class="form-actions">
                <a href=href class="btn">{i18n.signal(Leads::OpenLead)}</a>
                <button type="button" class="btn btn-primary" on:click=move |_| c.again()>
                    {i18n.signal(Leads::CaptureAnother)}
                </button>
            </div>
        </section>
    }
}
