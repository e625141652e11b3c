//! `/contacts`: every contact (see [`super::record_lists`]).

use leptos::prelude::*;

pub use super::contact_detail::ContactDetailPage;
pub use super::contact_form::ContactFormPage;
use super::record_lists::{List, list_page};

#[component]
pub fn ContactsPage() -> impl IntoView {
    list_page(List::Contacts)
}
