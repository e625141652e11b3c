//! `/accounts`: every account (see [`super::record_lists`]).

use leptos::prelude::*;

pub use super::account_detail::AccountDetailPage;
pub use super::account_form::AccountFormPage;
use super::record_lists::{List, list_page};

#[component]
pub fn AccountsPage() -> impl IntoView {
    list_page(List::Accounts)
}
