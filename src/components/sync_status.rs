//! The sync status, always visible in the header: offline, syncing with progress, up to date
//! (how long ago), an error with Retry, or "on this device only" with a sign-in link; plus
//! how many local changes wait to be sent. Announced politely to screen readers.

use cartera_core::sync::{Progress, SyncState};
use chrono::Utc;
use leptos::prelude::*;

use crate::i18n::{SyncCount, SyncErrorText, SyncMsg as Msg, expect_i18n, fmt_datetime, fmt_int};
use crate::state::expect_sync;

/// Past this, "synced N min ago" becomes the date and time.
const MINUTES_SHOWN: i64 = 60;

#[component]
pub fn SyncStatus() -> impl IntoView {
    let i18n = expect_i18n();
    let sync = expect_sync();
    // Re-renders "N min ago" every 30 s.
    let now = RwSignal::new(Utc::now());
    if let Ok(tick) = set_interval_with_handle(
        move || now.set(Utc::now()),
        std::time::Duration::from_secs(30),
    ) {
        on_cleanup(move || tick.clear());
    }
    let pending = move || {
        let n = sync.pending().filter(|n| *n > 0)?;
        let shown = if n >= crate::state::sync::PENDING_CAP {
            format!("{}+", fmt_int(i18n.locale(), n as i64))
        } else {
            fmt_int(i18n.locale(), n as i64)
        };
        Some(view! { <span class="sync-pending">{i18n.t(SyncCount::Pending(shown))}</span> })
    };
    view! {
        <div
            class="sync-status"
            role="status"
            aria-live="polite"
            aria-label=i18n.signal(Msg::StatusLabel)
            data-state=move || state_name(sync.config().is_some(), &sync.state())
        >
            {move || status_view(sync.config().is_some(), sync.state(), now.get())}
            {pending}
        </div>
    }
}

/// A stable name for styling and tests.
fn state_name(configured: bool, state: &SyncState) -> &'static str {
    match state {
        _ if !configured => "local",
        SyncState::Offline => "offline",
        SyncState::Syncing { .. } => "syncing",
        SyncState::UpToDate { .. } => "up-to-date",
        SyncState::Error { .. } => "error",
    }
}

fn status_view(configured: bool, state: SyncState, now: chrono::DateTime<Utc>) -> AnyView {
    let i18n = expect_i18n();
    let sync = expect_sync();
    if !configured {
        return view! {
            <span class="sync-dot" aria-hidden="true"></span>
            <span class="sync-text">{i18n.signal(Msg::NotConfigured)}</span>
            <a href="/login" class="sync-action">{i18n.signal(Msg::SignIn)}</a>
        }
        .into_any();
    }
    match state {
        SyncState::Offline => text_view(i18n.t(Msg::Offline)),
        SyncState::Syncing { progress } => {
            let detail = progress.map(progress_text).unwrap_or_default();
            view! {
                <span class="spinner sync-spinner" aria-hidden="true"></span>
                <span class="sync-text">{i18n.t(Msg::Syncing)}</span>
                <span class="sync-detail">{detail}</span>
            }
            .into_any()
        }
        SyncState::UpToDate { last_synced_at } => {
            let minutes = (now - last_synced_at).num_minutes().max(0);
            let text = if minutes < MINUTES_SHOWN {
                SyncCount::SyncedMinutesAgo(minutes as u64)
            } else {
                SyncCount::SyncedAt(fmt_datetime(i18n.locale(), last_synced_at))
            };
            text_view(i18n.t(text))
        }
        SyncState::Error { code, retry_in } => {
            let later = retry_in.map(|_| i18n.t(Msg::RetryingSoon));
            let needs_login = code == cartera_core::sync::SyncErrorCode::Unauthorized;
            view! {
                <span class="sync-dot" aria-hidden="true"></span>
                <span class="sync-text">{i18n.t(SyncErrorText(code))}</span>
                <span class="sync-detail">{later}</span>
                {if needs_login {
                    view! { <a href="/login" class="sync-action">{i18n.t(Msg::SignIn)}</a> }
                        .into_any()
                } else {
                    view! {
                        <button type="button" class="sync-action" on:click=move |_| sync.retry()>
                            {i18n.t(Msg::Retry)}
                        </button>
                    }
                    .into_any()
                }}
            }
            .into_any()
        }
    }
}

fn text_view(text: String) -> AnyView {
    view! {
        <span class="sync-dot" aria-hidden="true"></span>
        <span class="sync-text">{text}</span>
    }
    .into_any()
}

/// "120 de 10.000", or just the count when the total is unknown.
fn progress_text(p: Progress) -> String {
    let i18n = expect_i18n();
    let locale = i18n.locale();
    let done = fmt_int(locale, p.done as i64);
    match p.total {
        Some(total) => i18n.t(SyncCount::Progress(done, fmt_int(locale, total as i64))),
        None => i18n.t(SyncCount::ProgressDone(done)),
    }
}
