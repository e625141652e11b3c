//! `/leads/:id`: everything about a lead: its data, score explained, the routing rule that
//! assigned it, its timeline (activities and reassignments), status changes, Reassign, and
//! Convert (or, once converted, links to what it became).

use crate::routes::use_params_map;
use crate::state::resource;
use cartera_core::domain::leads::{
    ConversionLinks, Lead, LeadSource, LeadStatus, MergedField, MergedValue,
};
use leptos::prelude::*;

use crate::components::lead_actions::{LeadReassignForm, LeadStatusForm};
use crate::components::lead_score::{LeadRouting, ScoreBadge, ScoreExplained};
use crate::components::record_detail::{
    DetailHeader, DetailRow, LoadFailed, PageLoading, QuickActions, email_links, phone_links,
    tag_chips,
};
use crate::components::record_meta::{RecordMeta, who};
use crate::components::timeline::{TimelineOf, timeline_section};
use crate::i18n::{Leads, expect_i18n, source_text, status_text};
use crate::state::records::{Loaded, load};
use crate::state::{expect_data_version, expect_store};

#[component]
pub fn LeadDetailPage() -> impl IntoView {
    let (store, version) = (expect_store(), expect_data_version());
    let params = use_params_map();
    let data = resource(move || {
        version.track();
        let id = params.with(|p| p.get("id")).unwrap_or_default();
        let store = store.clone();
        async move { load(&store, &id, Lead::from_doc).await }
    });
    view! {
        <section class="page detail-page">
            <Transition fallback=PageLoading>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(Some(l)) => view! { <LeadView loaded=l /> }.into_any(),
                        Ok(None) => view! { <LeadNotFound /> }.into_any(),
                        Err(msg) => view! { <LoadFailed msg /> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
pub fn LeadNotFound() -> impl IntoView {
    let i18n = expect_i18n();
    view! {
        <div class="not-found" role="status">
            <p>{i18n.signal(Leads::NotFound)}</p>
            <a href="/leads" class="btn">{i18n.signal(Leads::BackToLeads)}</a>
        </div>
    }
}

/// A titled section of the detail page.
#[component]
fn Section(id: &'static str, title: Leads, children: Children) -> impl IntoView {
    let i18n = expect_i18n();
    view! {
        <section class="detail-section" aria-labelledby=id>
            <h2 id=id>{i18n.signal(title)}</h2>
            {children()}
        </section>
    }
}

#[component]
fn LeadView(loaded: Loaded<Lead>) -> impl IntoView {
    let i18n = expect_i18n();
    let Loaded { doc, record: l } = loaded;
    let status = l.status;
    let actions = match &l.converted {
        Some(links) => converted_links(links.clone()).into_any(),
        None => view! {
            <div class="detail-actions">
                <a href=format!("/leads/{}/convert", l.id) class="btn btn-primary">{i18n.signal(Leads::Convert)}</a>
            </div>
        }
        .into_any(),
    };
    let editable = status != LeadStatus::Converted;
    let (title, company, total) = (l.display_name(), l.company.clone(), l.score.total);
    let sep = (!company.is_empty()).then_some(" · ");
    let (phone, email) = (l.phones.first().cloned(), l.emails.first().cloned());
    let fields = view! { <LeadFields lead=l.clone() /> };
    let score = view! { <ScoreExplained score=l.score.clone() /> };
    let routing = view! { <LeadRouting lead=l.clone() /> };
    let reassign = editable.then(|| view! { <LeadReassignForm doc=doc.clone() lead=l.clone() /> });
    let log = timeline_section(TimelineOf {
        reassignments: l.reassignments.clone(),
        ..TimelineOf::new("lead", l.id.clone())
    });
    let meta = view! { <RecordMeta meta=l.meta.clone() /> };
    let status_form = editable.then(|| {
        let form = view! { <LeadStatusForm doc=doc.clone() lead=l.clone() /> };
        view! { <Section id="lead-status-title" title=Leads::StatusLabel>{form}</Section> }
    });
    view! {
        <a href="/leads" class="back-link">{move || format!("← {}", i18n.t(Leads::BackToLeads))}</a>
        <div class="detail-top">
            <DetailHeader title>
                {company}
                {sep}
                {move || status_text(status, i18n.locale())}
                " "
                <ScoreBadge total />
            </DetailHeader>
            {actions}
        </div>
        <QuickActions phone email address=None />
        {fields}
        <Section id="lead-score" title=Leads::SectionScore>{score}</Section>
        <Section id="lead-routing" title=Leads::SectionRouting>
            {routing}
            {reassign}
        </Section>
        {log}
        {status_form}
        <Section id="lead-history" title=Leads::SectionDetails>{meta}</Section>
    }
}

/// Links to the contact, account and deal a converted lead became.
fn converted_links(c: ConversionLinks) -> impl IntoView {
    let i18n = expect_i18n();
    let account = c.account_id.map(|id| {
        view! { <a href=format!("/accounts/{id}") class="btn">{i18n.signal(Leads::OpenAccount)}</a> }
    });
    let deal = c.deal_id.map(|id| {
        view! { <a href=format!("/deals/{id}") class="btn">{i18n.signal(Leads::OpenDeal)}</a> }
    });
    view! {
        <div class="detail-actions">
            <a href=format!("/contacts/{}", c.contact_id) class="btn btn-primary">{i18n.signal(Leads::OpenContact)}</a>
            {account}
            {deal}
        </div>
    }
}

/// Phones, emails, company data, interest, source, place, tags, notes, merged values.
#[component]
fn LeadFields(lead: Lead) -> impl IntoView {
    let i18n = expect_i18n();
    let l = lead;
    let row = move |label: Leads, value: AnyView| {
        view! { <DetailRow label=i18n.signal(label)>{value}</DetailRow> }
    };
    let text = |s: &str| (!s.is_empty()).then(|| s.to_owned().into_any());
    let a = &l.address;
    let place = [a.postal_code.as_str(), a.city.as_str(), a.region.as_str()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    let source = l.source.clone();
    let size = l
        .company_size
        .map(|n| crate::i18n::fmt_int(i18n.locale(), n.into()));
    let merged = (!l.merged_values.is_empty()).then(|| {
        let values = (l.merged_values.iter().map(|v| merged_text(v, i18n))).collect::<Vec<_>>();
        values.join(" · ").into_any()
    });
    view! {
        <Section id="lead-details" title=Leads::SectionDetails>
            <dl class="detail-list">
                {(!l.phones.is_empty()).then(|| row(Leads::Phone, phone_links(&l.phones).into_any()))}
                {(!l.emails.is_empty()).then(|| row(Leads::Email, email_links(&l.emails).into_any()))}
                {text(&l.company).map(|v| row(Leads::Company, v))}
                {text(&l.job_title).map(|v| row(Leads::JobTitle, v))}
                {text(&l.industry).map(|v| row(Leads::Industry, v))}
                {size.map(|v| row(Leads::CompanySize, v.into_any()))}
                {(!l.interest.is_empty()).then(|| row(Leads::Interest, tag_chips(&l.interest).into_any()))}
                {row(Leads::SourceLabel, (move || source_text(&source, i18n.locale())).into_any())}
                {text(&place).map(|v| row(Leads::Region, v))}
                {text(&l.website).map(|v| row(Leads::Website, v))}
                {row(Leads::Owner, who(&l.owner, true).into_any())}
                {(!l.tags.is_empty()).then(|| row(Leads::Note, tag_chips(&l.tags).into_any()))}
                {text(&l.notes).map(|v| row(Leads::Note, view! { <span class="notes">{v}</span> }.into_any()))}
                {merged.map(|v| row(Leads::AlsoKnown, v))}
            </dl>
        </Section>
    }
}

/// A merged-in value as people read it (owners by name, sources in words).
fn merged_text(v: &MergedValue, i18n: crate::i18n::I18n) -> String {
    match v.field {
        MergedField::Owner => who(&v.value, true),
        MergedField::Source => LeadSource::from_code(&v.value)
            .map_or_else(|| v.value.clone(), |s| source_text(&s, i18n.locale())),
        _ => v.value.clone(),
    }
}
