//! `/accounts/:id`: everything about an account, its addresses with map links, its contacts,
//! who created and changed it, and Edit / Delete (with undo).

use crate::nav::NavigateOptions;
use crate::nav::use_navigate;
use crate::routes::use_params_map;
use crate::state::resource;
use cartera_core::domain::sales::DEAL_TYPE;
use cartera_core::domain::{Account, CONTACT_TYPE, Contact, Field};
use cartera_core::sort;
use cartera_core::store::{DocStore, Query};
use leptos::prelude::*;

use crate::components::conflict_badge::ConflictBadge;
use crate::components::record_detail::{
    AddressBlock, DetailActions, DetailHeader, DetailRow, LoadFailed, PageLoading, QuickActions,
    RecordNotFound, label, phone_links, tag_chips,
};
use crate::components::record_meta::{RecordMeta, who};
use crate::components::timeline::{TimelineOf, timeline_section};
use crate::i18n::{ErrorMsg, Kind, RecordDetail, expect_i18n};
use crate::state::records::{Loaded, WriteCtx, delete_with_undo, load};
use crate::state::{Store, expect_data_version, expect_store};

/// An account with its contacts, sorted by name, and the ids of its deals.
#[derive(Clone, Debug, PartialEq)]
struct AccountData {
    account: Loaded<Account>,
    contacts: Vec<Contact>,
    deals: Vec<String>,
}

async fn load_account(store: Store, id: String) -> Result<Option<AccountData>, ErrorMsg> {
    let Some(account) = load(&store, &id, Account::from_doc).await? else {
        return Ok(None);
    };
    let query = |t: &str| Query::ByAccount {
        doc_type: t.into(),
        account: id.clone(),
    };
    let docs = (store.query(&query(DEAL_TYPE)).await).map_err(|e| ErrorMsg::from(&e))?;
    let deals = docs.into_iter().map(|d| d.id).collect();
    let docs = (store.query(&query(CONTACT_TYPE)).await).map_err(|e| ErrorMsg::from(&e))?;
    let mut contacts: Vec<Contact> = docs
        .iter()
        .filter_map(|d| Contact::from_doc(d).ok())
        .collect();
    sort::sort_by_cached_key(&mut contacts, |c| {
        cartera_core::search::normalize(&c.display_name())
    });
    Ok(Some(AccountData {
        account,
        contacts,
        deals,
    }))
}

#[component]
pub fn AccountDetailPage() -> impl IntoView {
    let store = expect_store();
    let version = expect_data_version();
    let params = use_params_map();
    let data = resource(move || {
        version.track();
        let id = params.with(|p| p.get("id")).unwrap_or_default();
        load_account(store.clone(), id)
    });
    view! {
        <section class="page detail-page">
            <Transition fallback=PageLoading>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(Some(data)) => view! { <AccountView data /> }.into_any(),
                        Ok(None) => view! { <RecordNotFound kind=Kind::Account /> }.into_any(),
                        Err(msg) => view! { <LoadFailed msg /> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn AccountView(data: AccountData) -> impl IntoView {
    let i18n = expect_i18n();
    let AccountData {
        account: Loaded { doc, record: a },
        contacts,
        deals,
    } = data;
    let related = (contacts.iter().map(|c| ("contact", c.id.clone())))
        .chain(deals.into_iter().map(|d| ("deal", d)))
        .collect();
    let navigate = use_navigate();
    let (ctx, store) = (WriteCtx::new(), expect_store());
    let on_delete = move |()| {
        let navigate = navigate.clone();
        let back = move || navigate("/accounts", NavigateOptions { replace: true });
        delete_with_undo(ctx, store.clone(), Kind::Account, doc.clone(), back);
    };
    let subtitle = [
        a.industry.clone(),
        a.addresses
            .first()
            .map(|ad| ad.city.clone())
            .unwrap_or_default(),
    ]
    .into_iter()
    .filter(|s| !s.is_empty())
    .collect::<Vec<_>>()
    .join(" · ");
    let first_address = a.addresses.iter().find(|ad| !ad.is_empty()).cloned();
    view! {
        <a href="/accounts" class="back-link"><span aria-hidden="true">"← "</span>
            {i18n.signal(RecordDetail::BackTo(Kind::Account))}</a>
        <div class="detail-top">
            <DetailHeader title=a.name.clone()>{subtitle}</DetailHeader>
            <DetailActions edit_href=format!("/accounts/{}/edit", a.id) on_delete />
        </div>
        <ConflictBadge id=a.id.clone() />
        <QuickActions phone=a.phones.first().cloned() email=None address=first_address />
        <AccountFields account=a.clone() />
        <AccountContacts account_id=a.id.clone() contacts />
        {(!a.addresses.is_empty()).then(|| view! {
            <section class="detail-section" aria-labelledby="account-address">
                <h2 id="account-address">{i18n.signal(RecordDetail::SectionAddress)}</h2>
                {a.addresses.iter().map(|ad| view! { <AddressBlock address=ad.clone() /> }).collect_view()}
            </section>
        })}
        {(!a.notes.is_empty()).then(|| view! {
            <section class="detail-section" aria-labelledby="account-notes">
                <h2 id="account-notes">{i18n.signal(RecordDetail::SectionNotes)}</h2>
                <p class="notes">{a.notes.clone()}</p>
            </section>
        })}
        {timeline_section(TimelineOf { related, ..TimelineOf::new("account", a.id.clone()) })}
        <section class="detail-section" aria-labelledby="account-history">
            <h2 id="account-history">{i18n.signal(RecordDetail::SectionHistory)}</h2>
            <RecordMeta meta=a.meta.clone() />
        </section>
    }
}

/// The account's phones, website, tax id, industry, tags and owner.
#[component]
fn AccountFields(account: Account) -> impl IntoView {
    let i18n = expect_i18n();
    let a = account;
    let row =
        |field: Field, value: AnyView| view! { <DetailRow label=label(field)>{value}</DetailRow> };
    let website = (!a.website.is_empty()).then(|| {
        let text = a
            .website
            .trim_start_matches("https://")
            .trim_start_matches("http://")
            .to_owned();
        view! { <a href=a.website.clone() target="_blank" rel="noopener noreferrer">{text}</a> }
            .into_any()
    });
    view! {
        <section class="detail-section" aria-labelledby="account-details">
            <h2 id="account-details">{i18n.signal(RecordDetail::SectionDetails)}</h2>
            <dl class="detail-list">
                {(!a.phones.is_empty()).then(|| row(Field::Phone(0), phone_links(&a.phones).into_any()))}
                {website.map(|w| row(Field::Website, w))}
                {(!a.tax_id.is_empty()).then(|| row(Field::TaxId, a.tax_id.clone().into_any()))}
                {(!a.industry.is_empty()).then(|| row(Field::Industry, a.industry.clone().into_any()))}
                {(!a.tags.is_empty()).then(|| row(Field::Tags, tag_chips(&a.tags).into_any()))}
                {row(Field::Owner, who(&a.owner, true).into_any())}
            </dl>
        </section>
    }
}

/// The people at the account, each a link, and a button to add one already linked.
#[component]
fn AccountContacts(account_id: String, contacts: Vec<Contact>) -> impl IntoView {
    let i18n = expect_i18n();
    let n = contacts.len();
    let items = contacts
        .into_iter()
        .map(|c| {
            view! {
                <li>
                    <a href=format!("/contacts/{}", c.id) class="contact-link">
                        <span class="contact-link-name">{c.display_name()}</span>
                        <span class="contact-link-sub">{c.job_title.clone()}</span>
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="detail-section" aria-labelledby="account-contacts">
            <h2 id="account-contacts">{i18n.signal(RecordDetail::AccountContacts(n))}</h2>
            {(n == 0).then(|| view! { <p class="muted">{i18n.signal(RecordDetail::AccountNoContacts)}</p> })}
            <ul class="contact-links">{items}</ul>
            <a href=format!("/contacts/new?account={account_id}") class="btn">
                {i18n.signal(RecordDetail::AddContactHere)}
            </a>
        </section>
    }
}
