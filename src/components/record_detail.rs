//! The pieces of a record's detail page: header, quick actions (call, email, map), field rows,
//! addresses with a map link, tags, and the Edit / Delete bar.

use cartera_core::domain::Address;
use cartera_core::domain::phone::format_phone;
use leptos::prelude::*;

use crate::components::address_fields::country_name;
use crate::components::record_list_item::initials;
use crate::i18n::{Common, ErrorMsg, FieldLabel, Kind, Locale, RecordDetail, expect_i18n};

/// The address on one line, with the country's name in the user's language, for display and
/// for the map search.
pub fn address_line(a: &Address, locale: Locale) -> String {
    let city = [a.postal_code.as_str(), a.city.as_str()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let country = country_name(locale, &a.country);
    [
        a.street.as_str(),
        city.as_str(),
        a.region.as_str(),
        country.as_str(),
    ]
    .into_iter()
    .filter(|s| !s.is_empty())
    .collect::<Vec<_>>()
    .join(", ")
}

/// An OpenStreetMap search for the address.
pub fn map_url(a: &Address, locale: Locale) -> String {
    let q = js_sys::encode_uri_component(&address_line(a, locale));
    format!("https://www.openstreetmap.org/search?query={q}")
}

/// The page title with an avatar and a secondary line (job and account, industry...).
#[component]
pub fn DetailHeader(title: String, children: Children) -> impl IntoView {
    view! {
        <header class="detail-header">
            <span class="avatar avatar-lg" aria-hidden="true">{initials(&title)}</span>
            <div class="detail-heading">
                <h1>{title}</h1>
                <p class="detail-sub">{children()}</p>
            </div>
        </header>
    }
}

#[derive(Clone, Copy)]
enum Icon {
    Phone,
    Mail,
    MapPin,
}

/// A decorative line icon (the link's text names the action).
fn icon(which: Icon) -> impl IntoView {
    let paths = match which {
        Icon::Phone => view! {
            <path d="M22 16.9v3a2 2 0 0 1-2.2 2 19.8 19.8 0 0 1-8.6-3.1 19.5 19.5 0 0 1-6-6A19.8 19.8 0 0 1 2.1 4.2 2 2 0 0 1 4.1 2h3a2 2 0 0 1 2 1.7c.1 1 .4 1.9.7 2.8a2 2 0 0 1-.5 2.1L8.1 9.9a16 16 0 0 0 6 6l1.3-1.3a2 2 0 0 1 2.1-.4c.9.3 1.8.6 2.8.7a2 2 0 0 1 1.7 2z" />
        }.into_any(),
        Icon::Mail => view! {
            <rect x="2" y="4" width="20" height="16" rx="2" />
            <path d="m22 6-10 7L2 6" />
        }.into_any(),
        Icon::MapPin => view! {
            <path d="M20 10c0 6-8 12-8 12s-8-6-8-12a8 8 0 0 1 16 0z" />
            <circle cx="12" cy="10" r="3" />
        }.into_any(),
    };
    view! {
        <svg class="quick-action-icon" aria-hidden="true" viewBox="0 0 24 24" width="22" height="22">
            {paths}
        </svg>
    }
}

/// Big buttons for the first phone, email and address: what a rep taps in the field.
#[component]
pub fn QuickActions(
    phone: Option<String>,
    email: Option<String>,
    address: Option<Address>,
) -> impl IntoView {
    let i18n = expect_i18n();
    view! {
        <nav class="quick-actions" aria-label=i18n.signal(RecordDetail::Actions)>
            {phone.map(|p| view! {
                <a class="quick-action" href=format!("tel:{p}")>
                    {icon(Icon::Phone)}
                    {i18n.signal(RecordDetail::Call)}
                </a>
            })}
            {email.map(|e| view! {
                <a class="quick-action" href=format!("mailto:{e}")>
                    {icon(Icon::Mail)}
                    {i18n.signal(RecordDetail::SendEmail)}
                </a>
            })}
            {address.map(|a| view! {
                <a class="quick-action" href=map_url(&a, i18n.locale()) target="_blank" rel="noopener noreferrer">
                    {icon(Icon::MapPin)}
                    {i18n.signal(RecordDetail::Directions)}
                </a>
            })}
        </nav>
    }
}

/// One labelled row of the details list; nothing when `children` would be empty.
#[component]
pub fn DetailRow(#[prop(into)] label: Signal<String>, children: Children) -> impl IntoView {
    view! {
        <div class="detail-row">
            <dt>{label}</dt>
            <dd>{children()}</dd>
        </div>
    }
}

/// Phone numbers as `tel:` links, grouped for reading.
pub fn phone_links(phones: &[String]) -> impl IntoView + use<> {
    let links = phones
        .iter()
        .map(|p| view! { <li><a href=format!("tel:{p}")>{format_phone(p)}</a></li> })
        .collect_view();
    view! { <ul class="value-list">{links}</ul> }
}

/// Email addresses as `mailto:` links.
pub fn email_links(emails: &[String]) -> impl IntoView + use<> {
    let links = emails
        .iter()
        .map(|e| view! { <li><a href=format!("mailto:{e}")>{e.clone()}</a></li> })
        .collect_view();
    view! { <ul class="value-list">{links}</ul> }
}

/// Tags as chips.
pub fn tag_chips(tags: &[String]) -> impl IntoView + use<> {
    let chips = tags
        .iter()
        .map(|t| view! { <li class="tag">{t.clone()}</li> })
        .collect_view();
    view! { <ul class="tag-list">{chips}</ul> }
}

/// An address with its map link.
#[component]
pub fn AddressBlock(address: Address) -> impl IntoView {
    let i18n = expect_i18n();
    let url = map_url(&address, i18n.locale());
    let rest = Address {
        street: String::new(),
        ..address.clone()
    };
    view! {
        <address class="address">
            {(!address.street.is_empty()).then(|| view! { <span>{address.street.clone()}</span> })}
            <span>{move || address_line(&rest, i18n.locale())}</span>
            <a class="map-link" href=url target="_blank" rel="noopener noreferrer">
                {i18n.signal(RecordDetail::OpenMap)}
            </a>
        </address>
    }
}

/// The label of a field, reactive to the locale.
pub fn label(field: cartera_core::domain::Field) -> Signal<String> {
    let i18n = expect_i18n();
    i18n.signal(FieldLabel(field))
}

/// Edit and Delete, at the bottom on phones and beside the title on wide screens.
#[component]
pub fn DetailActions(edit_href: String, #[prop(into)] on_delete: Callback<()>) -> impl IntoView {
    let i18n = expect_i18n();
    view! {
        <div class="detail-actions">
            <a href=edit_href class="btn btn-primary">{i18n.signal(Common::Edit)}</a>
            <button type="button" class="btn btn-danger" on:click=move |_| on_delete.run(())>
                {i18n.signal(Common::Delete)}
            </button>
        </div>
    }
}

/// A record that does not exist (or was deleted), with a way back to its list.
#[component]
pub fn RecordNotFound(kind: Kind) -> impl IntoView {
    let i18n = expect_i18n();
    let back = match kind {
        Kind::Contact => "/contacts",
        Kind::Account => "/accounts",
    };
    view! {
        <div class="not-found" role="status">
            <p>{i18n.signal(RecordDetail::NotFound(kind))}</p>
            <a href=back class="btn">{i18n.signal(RecordDetail::BackTo(kind))}</a>
        </div>
    }
}

/// A failure to read, in words.
#[component]
pub fn LoadFailed(msg: ErrorMsg) -> impl IntoView {
    let i18n = expect_i18n();
    view! { <p class="load-error" role="alert">{i18n.signal(msg)}</p> }
}

/// The loading state of a page.
#[component]
pub fn PageLoading() -> impl IntoView {
    let i18n = expect_i18n();
    view! {
        <div class="list-loading" role="status">
            <span class="spinner" aria-hidden="true"></span>
            {i18n.signal(Common::Loading)}
        </div>
    }
}
