//! `/login`: server, user and password; signs in with a cookie session, starts syncing and
//! goes to the contacts. The password is sent once and never stored.

use crate::nav::use_navigate;
use crate::state::job;
use leptos::prelude::*;

use crate::components::field::{TextField, focus_by_id};
use crate::i18n::{SyncMsg as Msg, expect_i18n};
use crate::state::sync::{LoginError, default_server, normalize_server, sign_in};
use crate::state::{expect_store, expect_sync, expect_toasts};

/// The form's problems, field by field.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Problems {
    server: Option<Msg>,
    user: Option<Msg>,
    password: Option<Msg>,
}

impl Problems {
    fn check(server: &str, user: &str, password: &str) -> Self {
        Self {
            server: normalize_server(server)
                .is_none()
                .then_some(Msg::ServerInvalid),
            user: user.trim().is_empty().then_some(Msg::UserRequired),
            password: password.is_empty().then_some(Msg::PasswordRequired),
        }
    }

    /// The first field with a problem, to move focus to.
    fn first(&self) -> Option<&'static str> {
        [
            (self.server, "login-server"),
            (self.user, "login-user"),
            (self.password, "login-password"),
        ]
        .into_iter()
        .find_map(|(p, id)| p.map(|_| id))
    }
}

fn login_error_msg(e: LoginError) -> Msg {
    match e {
        LoginError::WrongPassword => Msg::WrongPassword,
        LoginError::Unreachable => Msg::Unreachable,
        LoginError::NoAccess => Msg::NoAccess,
        LoginError::Refused | LoginError::Storage => Msg::LoginFailed,
    }
}

#[component]
pub fn LoginPage() -> impl IntoView {
    let i18n = expect_i18n();
    let (store, sync, toasts) = (expect_store(), expect_sync(), expect_toasts());
    let navigate = use_navigate();
    let server = RwSignal::new(default_server());
    let user = RwSignal::new(
        untrack(|| sync.config())
            .map(|c| c.user)
            .unwrap_or_default(),
    );
    let password = RwSignal::new(String::new());
    let problems = RwSignal::new(Problems::default());
    let failure = RwSignal::new(None::<Msg>);
    let submit = job(move |(url, name, secret): &(String, String, String)| {
        let (store, url, name, secret) = (store.clone(), url.clone(), name.clone(), secret.clone());
        let navigate = navigate.clone();
        async move {
            match sign_in(sync, store, &url, name.trim(), &secret).await {
                Ok(_) => {
                    password.set(String::new());
                    toasts.show(i18n.t(Msg::SignedIn), None);
                    navigate("/contacts", Default::default());
                }
                Err(e) => failure.set(Some(login_error_msg(e))),
            }
        }
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (url, name, secret) = (server.get(), user.get(), password.get());
        let found = Problems::check(&url, &name, &secret);
        problems.set(found);
        failure.set(None);
        if let Some(id) = found.first() {
            focus_by_id(id);
            return;
        }
        let url = normalize_server(&url).unwrap_or(url);
        server.set(url.clone());
        submit.dispatch((url, name, secret));
    };
    let err = move |pick: fn(&Problems) -> Option<Msg>| {
        Signal::derive(move || pick(&problems.get()).map(|m| i18n.t(m)))
    };
    view! {
        <section class="page login">
            <header class="page-header">
                <h1>{i18n.signal(Msg::LoginTitle)}</h1>
            </header>
            <p class="page-intro">{i18n.signal(Msg::LoginIntro)}</p>
            <form class="card form" on:submit=on_submit novalidate>
                <TextField id="login-server" label=i18n.signal(Msg::Server)
                    value=server input_type="url" autocomplete="url" inputmode="url" required=true
                    hint=i18n.signal(Msg::ServerHint) error=err(|p| p.server)/>
                <TextField id="login-user" label=i18n.signal(Msg::User)
                    value=user autocomplete="username" required=true error=err(|p| p.user)/>
                <TextField id="login-password" label=i18n.signal(Msg::Password)
                    value=password input_type="password" autocomplete="current-password"
                    required=true error=err(|p| p.password)/>
                <p class="form-error" role="alert">{move || failure.get().map(|m| i18n.t(m))}</p>
                <div class="form-actions">
                    <button type="submit" class="btn btn-primary" disabled=move || submit.pending().get()>
                        {move || if submit.pending().get() { i18n.t(Msg::SigningIn) } else { i18n.t(Msg::SignIn) }}
                    </button>
                </div>
            </form>
        </section>
    }
}
