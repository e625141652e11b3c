//! The root: app services in context, the shell, and the routes.

use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::components::{Redirect, Route, Router, Routes};
use leptos_router::path;

use crate::components::shell::Shell;
use crate::components::store_gate::StoreGate;
use crate::i18n::provide_i18n;
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
use crate::state;

#[component]
pub fn App() -> impl IntoView {
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
        <Router>
            <Shell>
                <StoreGate status>
                    <AppRoutes/>
                </StoreGate>
            </Shell>
        </Router>
    }
}

/// Every route of the app. "new" comes before ":id" so it is not read as an id.
#[component]
fn AppRoutes() -> impl IntoView {
    view! {
        <Routes fallback=NotFoundPage>
            <Route path=path!("/") view=ToToday/>
            <Route path=path!("/contacts") view=ContactsPage/>
            <Route path=path!("/contacts/new") view=ContactFormPage/>
            <Route path=path!("/contacts/:id") view=ContactDetailPage/>
            <Route path=path!("/contacts/:id/edit") view=ContactFormPage/>
            <Route path=path!("/accounts") view=AccountsPage/>
            <Route path=path!("/accounts/new") view=AccountFormPage/>
            <Route path=path!("/accounts/:id") view=AccountDetailPage/>
            <Route path=path!("/accounts/:id/edit") view=AccountFormPage/>
            <Route path=path!("/today") view=TodayPage/>
            <Route path=path!("/activities/new") view=ActivityFormPage/>
            <Route path=path!("/activities/:id/edit") view=ActivityFormPage/>
            <Route path=path!("/visits/:id") view=VisitPage/>
            <Route path=path!("/leads") view=LeadsPage/>
            <Route path=path!("/leads/new") view=LeadCapturePage/>
            <Route path=path!("/leads/:id") view=LeadDetailPage/>
            <Route path=path!("/leads/:id/convert") view=LeadConvertPage/>
            <Route path=path!("/pipeline") view=PipelinePage/>
            <Route path=path!("/deals") view=DealsPage/>
            <Route path=path!("/deals/new") view=DealFormPage/>
            <Route path=path!("/deals/:id") view=DealDetailPage/>
            <Route path=path!("/deals/:id/edit") view=DealFormPage/>
            <Route path=path!("/forecast") view=ForecastPage/>
            <Route path=path!("/settings") view=SettingsPage/>
            <Route path=path!("/login") view=LoginPage/>
            <Route path=path!("/conflicts/:id") view=ConflictPage/>
        </Routes>
    }
}

/// `/` shows the rep's day, Today (replacing the history entry, so Back leaves the app).
#[component]
fn ToToday() -> impl IntoView {
    let options = NavigateOptions {
        replace: true,
        ..NavigateOptions::default()
    };
    view! { <Redirect path="/today" options/> }
}
