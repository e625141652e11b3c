//! Shown for any address that is not a route.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::{Shell as Msg, expect_i18n};

#[component]
pub fn NotFoundPage() -> impl IntoView {
    let i18n = expect_i18n();
    view! {
        <section class="page not-found">
            <h1>{move || i18n.t(Msg::NotFoundTitle)}</h1>
            <p>{move || i18n.t(Msg::NotFoundBody)}</p>
            <A href="/contacts" attr:class="btn btn-primary">{move || i18n.t(Msg::BackToContacts)}</A>
        </section>
    }
}
