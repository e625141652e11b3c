//! The root: app services in context, the shell, and the routes.

use crate::state::effect;
use leptos::prelude::*;

use crate::components::shell::Shell;
use crate::components::store_gate::StoreGate;
use crate::i18n::provide_i18n;
use crate::nav::{NavigateOptions, provide_navigation, use_navigate};
use crate::pages::accounts::{AccountDetailPage, AccountFormPage, AccountsPage};
use crate::pages::activity_form::ActivityFormPage;
use crate::pages::conflict::ConflictPage;
use crate::pages::contacts::{ContactDetailPage, ContactFormPage, ContactsPage};
use crate::pages::deals::{DealDetailPage, DealFormPage, DealsPage};
use crate::pages::forecast::ForecastPage;
use crate::pages::leads::{LeadCapturePage, LeadConvertPage, LeadDetailPage, LeadsPage};
use crate::pages::login::LoginPage;
use crate::pages::not_found::NotFoundPage;
use crate::pages::pipeline::PipelinePage;
use crate::pages::settings::SettingsPage;
use crate::pages::today::TodayPage;
use crate::pages::visit::VisitPage;
use crate::routes::{Page, ShownPage, use_page};
use crate::state;

#[component]
pub fn App() -> impl IntoView {
    provide_navigation();
    let i18n = provide_i18n();
    let version = state::provide_data_version();
    let sync = state::provide_sync(version);
    let user = state::provide_current_user();
    let toasts = state::provide_toasts(i18n);
    let app_update = state::provide_app_update();
    // The records cache outlives the pages, so lists do not reload on every visit.
    state::records::provide_records();
    state::sales::provide_sales();
    let status = state::provide_store_status();
    state::reminders::provide_reminders(status, version, toasts, i18n, user, app_update);
    state::sync::connect_when_open(sync, status);
    view! {
        <Shell>
            <StoreGate status>
                <RoutedPage/>
            </StoreGate>
        </Shell>
    }
}

/// The page the location names ([`crate::routes::match_path`]); rebuilt only when the page
/// changes, not its `:id`. [`crate::nav`] gives the location, links and navigation.
///
/// The switch waits for an effect (the next tick), as leptos_router's routes did: code that
/// navigates and then touches its page's signals (`navigate(..); busy.set(false)`) must not find
/// them disposed.
#[component]
fn RoutedPage() -> impl IntoView {
    let page = use_page();
    let shown = RwSignal::new(page.get_untracked());
    provide_context(ShownPage(shown));
    effect(move || {
        let next = page.get();
        if shown.get_untracked() != next {
            shown.set(next);
        }
    });
    move || match shown.get() {
        Page::Root => view! { <ToToday/> }.into_any(),
        Page::Contacts => view! { <ContactsPage/> }.into_any(),
        Page::ContactNew | Page::ContactEdit => view! { <ContactFormPage/> }.into_any(),
        Page::ContactDetail => view! { <ContactDetailPage/> }.into_any(),
        Page::Accounts => view! { <AccountsPage/> }.into_any(),
        Page::AccountNew | Page::AccountEdit => view! { <AccountFormPage/> }.into_any(),
        Page::AccountDetail => view! { <AccountDetailPage/> }.into_any(),
        Page::Today => view! { <TodayPage/> }.into_any(),
        Page::ActivityNew | Page::ActivityEdit => view! { <ActivityFormPage/> }.into_any(),
        Page::Visit => view! { <VisitPage/> }.into_any(),
        Page::Leads => view! { <LeadsPage/> }.into_any(),
        Page::LeadNew => view! { <LeadCapturePage/> }.into_any(),
        Page::LeadDetail => view! { <LeadDetailPage/> }.into_any(),
        Page::LeadConvert => view! { <LeadConvertPage/> }.into_any(),
        Page::Pipeline => view! { <PipelinePage/> }.into_any(),
        Page::Deals => view! { <DealsPage/> }.into_any(),
        Page::DealNew | Page::DealEdit => view! { <DealFormPage/> }.into_any(),
        Page::DealDetail => view! { <DealDetailPage/> }.into_any(),
        Page::Forecast => view! { <ForecastPage/> }.into_any(),
        Page::Settings => view! { <SettingsPage/> }.into_any(),
        Page::Login => view! { <LoginPage/> }.into_any(),
        Page::Conflict => view! { <ConflictPage/> }.into_any(),
        Page::NotFound => view! { <NotFoundPage/> }.into_any(),
    }
}

/// `/` shows the rep's day, Today (replacing the history entry, so Back leaves the app).
#[component]
fn ToToday() -> impl IntoView {
    let navigate = use_navigate();
    effect(move || navigate("/today", NavigateOptions { replace: true }));
}
