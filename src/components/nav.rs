//! Main navigation: a bottom bar on phones, a sidebar on wider screens (see style/shell.css).

use crate::nav::use_location;
use leptos::prelude::*;

use crate::i18n::{Leads, TodayMsg};
use crate::i18n::{SalesMsg, Shell as Msg, expect_i18n};

#[derive(Clone, Copy)]
enum Icon {
    Contacts,
    Accounts,
    Settings,
    Pipeline,
    Forecast,
    Today,
    Leads,
}

#[component]
pub fn Nav() -> impl IntoView {
    let i18n = expect_i18n();
    view! {
        <nav class="app-nav" aria-label=i18n.signal(Msg::MainNav)>
            <ul>
                <NavItem href="/today" icon=Icon::Today label=i18n.signal(TodayMsg::Title)/>
                <NavItem href="/leads" icon=Icon::Leads label=i18n.signal(Leads::Title)/>
                <NavItem href="/contacts" icon=Icon::Contacts label=i18n.signal(Msg::NavContacts)/>
                <NavItem href="/accounts" icon=Icon::Accounts label=i18n.signal(Msg::NavAccounts)/>
                <NavItem href="/pipeline" icon=Icon::Pipeline label=i18n.signal(SalesMsg::NavPipeline)/>
                <NavItem href="/forecast" icon=Icon::Forecast label=i18n.signal(SalesMsg::ForecastTitle) wide_only=true/>
                <NavItem href="/settings" icon=Icon::Settings label=i18n.signal(Msg::NavSettings)/>
            </ul>
        </nav>
    }
}

/// One link: icon and visible label; `aria-current="page"` while the location is `href` or below
/// it (`/contacts/42` marks Contacts). A plain `<a>`: the router follows any same-origin link.
/// `wide_only` links (Forecast) live in the desktop sidebar only, so the phone bar stays one row.
#[component]
fn NavItem(
    href: &'static str,
    icon: Icon,
    label: Signal<String>,
    #[prop(optional)] wide_only: bool,
) -> impl IntoView {
    let location = use_location();
    let current = move || {
        location.pathname.with(|path| {
            path.strip_prefix(href)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
                .then_some("page")
        })
    };
    view! {
        <li class:nav-wide-only=wide_only>
            <a href=href aria-current=current>
                {icon_svg(icon)}
                <span class="nav-label">{label}</span>
            </a>
        </li>
    }
}

fn icon_svg(icon: Icon) -> impl IntoView {
    let paths = match icon {
        Icon::Today => view! {
            <rect x="3" y="5" width="18" height="16" rx="2"></rect>
            <path d="M3 10h18M8 3v4M16 3v4"></path>
            <path d="M9 15l2 2 4-4"></path>
        }
        .into_any(),
        Icon::Leads => view! {
            <circle cx="9" cy="8" r="3.5"></circle>
            <path d="M2.5 20c0-3.6 2.9-6 6.5-6 1.6 0 3 .4 4.1 1.2"></path>
            <path d="M18 13v8M14 17h8"></path>
        }
        .into_any(),
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
        Icon::Pipeline => view! {
            <rect x="3" y="4" width="5" height="16" rx="1"></rect>
            <rect x="10" y="4" width="5" height="11" rx="1"></rect>
            <rect x="17" y="4" width="4" height="7" rx="1"></rect>
        }
        .into_any(),
        Icon::Forecast => view! {
            <path d="M3 3v18h18"></path>
            <path d="M7 15l4-4 3 3 6-7"></path>
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
