//! `/contacts/:id`: everything about a contact, with one-tap call, email and map, its account,
//! who created and changed it, and Edit / Delete (with undo).

use crate::nav::NavigateOptions;
use crate::nav::use_navigate;
use crate::routes::use_params_map;
use crate::state::resource;
use cartera_core::domain::{Account, Contact, Field};
use leptos::prelude::*;

use crate::components::conflict_badge::ConflictBadge;
use crate::components::record_detail::{
    AddressBlock, DetailActions, DetailHeader, DetailRow, LoadFailed, PageLoading, QuickActions,
    RecordNotFound, email_links, label, phone_links, tag_chips,
};
use crate::components::record_meta::{RecordMeta, who};
use crate::components::timeline::{TimelineOf, timeline_section};
use crate::i18n::{ErrorMsg, Kind, RecordDetail, expect_i18n};
use crate::state::records::{Loaded, WriteCtx, delete_with_undo, load};
use crate::state::{Store, expect_data_version, expect_store};

/// A contact with its account, when it has one that still exists.
#[derive(Clone, Debug, PartialEq)]
struct ContactData {
    contact: Loaded<Contact>,
    account: Option<Account>,
}

async fn load_contact(store: Store, id: String) -> Result<Option<ContactData>, ErrorMsg> {
    let Some(contact) = load(&store, &id, Contact::from_doc).await? else {
        return Ok(None);
    };
    let account = match &contact.record.account_id {
        Some(a) => load(&store, a, Account::from_doc).await?.map(|l| l.record),
        None => None,
    };
    Ok(Some(ContactData { contact, account }))
}

#[component]
pub fn ContactDetailPage() -> impl IntoView {
    let store = expect_store();
    let version = expect_data_version();
    let params = use_params_map();
    let data = resource(move || {
        version.track();
        let id = params.with(|p| p.get("id")).unwrap_or_default();
        load_contact(store.clone(), id)
    });
    view! {
        <section class="page detail-page">
            <Transition fallback=PageLoading>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(Some(data)) => view! { <ContactView data /> }.into_any(),
                        Ok(None) => view! { <RecordNotFound kind=Kind::Contact /> }.into_any(),
                        Err(msg) => view! { <LoadFailed msg /> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn ContactView(data: ContactData) -> impl IntoView {
    let i18n = expect_i18n();
    let ContactData {
        contact: Loaded { doc, record: c },
        account,
    } = data;
    let navigate = use_navigate();
    let (ctx, store) = (WriteCtx::new(), expect_store());
    let on_delete = move |()| {
        let navigate = navigate.clone();
        let back = move || navigate("/contacts", NavigateOptions { replace: true });
        delete_with_undo(ctx, store.clone(), Kind::Contact, doc.clone(), back);
    };
    let account = account.map(|a| (a.id, a.name));
    let has_account = account.is_some();
    let header_account = account.clone().map(account_link);
    let subtitle = (!c.job_title.is_empty()).then(|| c.job_title.clone());
    let address = (!c.address.is_empty()).then(|| c.address.clone());
    view! {
        <a href="/contacts" class="back-link"><span aria-hidden="true">"← "</span>
            {i18n.signal(RecordDetail::BackTo(Kind::Contact))}</a>
        <div class="detail-top">
            <DetailHeader title=c.display_name()>
                {subtitle.clone()}
                {(subtitle.is_some() && has_account).then_some(" · ")}
                {header_account}
            </DetailHeader>
            <DetailActions edit_href=format!("/contacts/{}/edit", c.id) on_delete />
        </div>
        <ConflictBadge id=c.id.clone() />
        <QuickActions phone=c.phones.first().cloned() email=c.emails.first().cloned() address=address.clone() />
        <ContactFields contact=c.clone() account />
        {address.map(|a| view! {
            <section class="detail-section" aria-labelledby="contact-address">
                <h2 id="contact-address">{i18n.signal(RecordDetail::SectionAddress)}</h2>
                <AddressBlock address=a />
            </section>
        })}
        {(!c.notes.is_empty()).then(|| view! {
            <section class="detail-section" aria-labelledby="contact-notes">
                <h2 id="contact-notes">{i18n.signal(RecordDetail::SectionNotes)}</h2>
                <p class="notes">{c.notes.clone()}</p>
            </section>
        })}
        {timeline_section(TimelineOf::new("contact", c.id.clone()))}
        <section class="detail-section" aria-labelledby="contact-history">
            <h2 id="contact-history">{i18n.signal(RecordDetail::SectionHistory)}</h2>
            <RecordMeta meta=c.meta.clone() />
        </section>
    }
}

/// The contact's phones, emails, account, job, tags and owner.
#[component]
fn ContactFields(contact: Contact, account: Option<(String, String)>) -> impl IntoView {
    let i18n = expect_i18n();
    let c = contact;
    let row =
        |field: Field, value: AnyView| view! { <DetailRow label=label(field)>{value}</DetailRow> };
    view! {
        <section class="detail-section" aria-labelledby="contact-details">
            <h2 id="contact-details">{i18n.signal(RecordDetail::SectionDetails)}</h2>
            <dl class="detail-list">
                {(!c.phones.is_empty()).then(|| row(Field::Phone(0), phone_links(&c.phones).into_any()))}
                {(!c.emails.is_empty()).then(|| row(Field::Email(0), email_links(&c.emails).into_any()))}
                {account.map(|a| row(Field::AccountId, account_link(a).into_any()))}
                {(!c.job_title.is_empty()).then(|| row(Field::JobTitle, c.job_title.clone().into_any()))}
                {(!c.tags.is_empty()).then(|| row(Field::Tags, tag_chips(&c.tags).into_any()))}
                {row(Field::Owner, who(&c.owner, true).into_any())}
            </dl>
        </section>
    }
}

/// A link to the contact's account, from its `(id, name)`.
fn account_link((id, name): (String, String)) -> impl IntoView {
    view! { <a href=format!("/accounts/{id}")>{name}</a> }
}
