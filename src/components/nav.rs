//! Main navigation: a bottom bar on phones, a sidebar on wider screens (see style/shell.css).

use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::{Shell as Msg, expect_i18n};

#[derive(Clone, Copy)]
enum Icon {
    Contacts,
    Accounts,
    Settings,
}

#[component]
pub fn Nav() -> impl IntoView {
    let i18n = expect_i18n();
    view! {
        <nav class="app-nav" aria-label=move || i18n.t(Msg::MainNav)>
            <ul>
                <NavItem href="/contacts" icon=Icon::Contacts label=Msg::NavContacts/>
                <NavItem href="/accounts" icon=Icon::Accounts label=Msg::NavAccounts/>
                <NavItem href="/settings" icon=Icon::Settings label=Msg::NavSettings/>
            </ul>
        </nav>
    }
}

/// One link: icon and visible label; `<A>` sets `aria-current="page"` when it matches.
#[component]
fn NavItem(href: &'static str, icon: Icon, label: Msg) -> impl IntoView {
    let i18n = expect_i18n();
    view! {
        <li>
            <A href=href>
                {icon_svg(icon)}
                <span class="nav-label">{move || i18n.t(label)}</span>
            </A>
        </li>
    }
}

fn icon_svg(icon: Icon) -> impl IntoView {
    let paths = match icon {
        Icon::Contacts => view! {
            <circle cx="12" cy="8" r="4"></circle>
            <path d="M4 21c0-4.4 3.6-7 8-7s8 2.6 8 7"></path>
        }
        .into_any(),
        Icon::Accounts => view! {
            <path d="M4 21V5a1 1 0 0 1 1-1h9a1 1 0 0 1 1 1v16"></path>
            <path d="M15 10h4a1 1 0 0 1 1 1v10"></path>
            <path d="M8 8h3M8 12h3M8 16h3M3 21h18"></path>
        }
        .into_any(),
        Icon::Settings => view! {
            <circle cx="12" cy="12" r="3"></circle>
            <path d="M12 2v3M12 19v3M4.9 4.9l2.1 2.1M17 17l2.1 2.1M2 12h3M19 12h3M4.9 19.1 7 17M17 7l2.1-2.1"></path>
        }
        .into_any(),
    };
    view! {
        <svg class="nav-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            {paths}
        </svg>
    }
}
