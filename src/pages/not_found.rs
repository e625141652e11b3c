//! Shown for any address that is not a route.

use leptos::prelude::*;

use crate::i18n::{Shell as Msg, expect_i18n};

#[component]
pub fn NotFoundPage() -> impl IntoView {
    let i18n = expect_i18n();
    view! {
        <section class="page not-found">
            <h1>{i18n.signal(Msg::NotFoundTitle)}</h1>
            <p>{i18n.signal(Msg::NotFoundBody)}</p>
            <a href="/contacts" class="btn btn-primary">{i18n.signal(Msg::BackToContacts)}</a>
        </section>
    }
}
