//! The body of a record list screen: loading, failure, empty and no-match states, or the
//! virtualized rows.

use std::sync::Arc;

use leptos::prelude::*;

use crate::components::empty_state::EmptyState;
use crate::components::virtual_list::VirtualList;
use crate::i18n::{Common, Kind, Records, Shell, expect_i18n};
use crate::state::records::{CacheStatus, ListFilter};

/// Row height on phones and on wide screens (CSS pixels); `records.css` uses the same values.
const ROW_PHONE: f64 = 68.0;
const ROW_DESKTOP: f64 = 48.0;
const DESKTOP_MIN_WIDTH: f64 = 768.0;

/// The row height for the current screen width.
pub fn row_height() -> f64 {
    let wide = web_sys::window()
        .and_then(|w| w.inner_width().ok())
        .and_then(|w| w.as_f64())
        .is_some_and(|w| w >= DESKTOP_MIN_WIDTH);
    if wide { ROW_DESKTOP } else { ROW_PHONE }
}

/// What the list area shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Body {
    Loading,
    Failed,
    Empty,
    NoMatches,
    Rows,
}

/// The list area of `kind`'s screen. `row(index, id)` renders a row's content.
#[component]
pub fn RecordList<R, V>(
    kind: Kind,
    #[prop(into)] status: Signal<CacheStatus>,
    /// Records of this kind, before search and filters.
    #[prop(into)]
    total: Signal<usize>,
    /// Ids to show, in order.
    #[prop(into)]
    ids: Signal<Arc<Vec<String>>>,
    filter: RwSignal<ListFilter>,
    scroll: RwSignal<f64>,
    new_href: &'static str,
    row: R,
    #[prop(into)] on_retry: Callback<()>,
) -> impl IntoView
where
    R: Fn(usize, String) -> V + Send + Sync + Clone + 'static,
    V: IntoView + 'static,
{
    let i18n = expect_i18n();
    let body = Memo::new(move |_| match status.get() {
        CacheStatus::Empty | CacheStatus::Loading => Body::Loading,
        CacheStatus::Failed(_) => Body::Failed,
        CacheStatus::Ready if total.get() == 0 => Body::Empty,
        CacheStatus::Ready if ids.with(|v| v.is_empty()) => Body::NoMatches,
        CacheStatus::Ready => Body::Rows,
    });
    let error_text = move || match status.get() {
        CacheStatus::Failed(msg) => i18n.t(msg),
        _ => String::new(),
    };
    let height = row_height();
    move || match body.get() {
        Body::Loading => loading().into_any(),
        Body::Failed => view! {
            <div class="list-error" role="alert">
                <p>{error_text}</p>
                <button type="button" class="btn" on:click=move |_| on_retry.run(())>
                    {i18n.signal(Shell::TryAgain)}
                </button>
            </div>
        }
        .into_any(),
        Body::Empty => empty(kind, new_href).into_any(),
        Body::NoMatches => no_matches(kind, filter).into_any(),
        Body::Rows => view! {
            <VirtualList
                ids
                row_height=height
                row=row.clone()
                label=i18n.signal(Records::ListLabel(kind))
                scroll_memory=scroll
            />
        }
        .into_any(),
    }
}

fn loading() -> impl IntoView {
    let i18n = expect_i18n();
    view! {
        <div class="list-loading" role="status">
            <span class="spinner" aria-hidden="true"></span>
            {i18n.signal(Common::Loading)}
        </div>
    }
}

/// No records at all: create one, or load sample data.
fn empty(kind: Kind, new_href: &'static str) -> impl IntoView {
    let i18n = expect_i18n();
    view! {
        <EmptyState
            title=i18n.signal(Records::EmptyTitle(kind))
            hint=i18n.signal(Records::EmptyHint)
        >
            <a href=new_href class="btn btn-primary">{i18n.signal(Records::CreateFirst(kind))}</a>
            <a href="/settings" class="btn">{i18n.signal(Records::OpenSettings)}</a>
        </EmptyState>
    }
}

/// Records exist but none matches: offer to clear the search and filters (the order stays).
fn no_matches(kind: Kind, filter: RwSignal<ListFilter>) -> impl IntoView {
    let i18n = expect_i18n();
    let clear = move |_| {
        filter.update(|f| {
            *f = ListFilter {
                sort: f.sort,
                ..ListFilter::default()
            }
        })
    };
    view! {
        <EmptyState
            title=i18n.signal(Records::NoMatches(kind))
            hint=i18n.signal(Records::NoMatchesHint)
        >
            <button type="button" class="btn" on:click=clear>{i18n.signal(Records::ClearFilters)}</button>
        </EmptyState>
    }
}

/// The title, the live count ("12 de 1.234 contactos") and the create button of a list.
#[component]
pub fn RecordListHeader(
    kind: Kind,
    #[prop(into)] shown: Signal<usize>,
    #[prop(into)] total: Signal<usize>,
    filter: RwSignal<ListFilter>,
    new_href: &'static str,
    /// Counts are shown once the records are loaded ("0 contactos" would be wrong before).
    #[prop(into)]
    ready: Signal<bool>,
) -> impl IntoView {
    let i18n = expect_i18n();
    let count = move || {
        if !ready.get() {
            "\u{a0}".to_owned()
        } else if filter.with(ListFilter::narrows) {
            i18n.t(Records::CountFiltered(kind, shown.get(), total.get()))
        } else {
            i18n.t(Records::Count(kind, total.get()))
        }
    };
    view! {
        <header class="records-header">
            <h1>{i18n.signal(Records::Title(kind))}</h1>
            <p class="records-count" aria-live="polite">{count}</p>
            <a href=new_href class="btn btn-primary btn-new">
                <span aria-hidden="true">"+ "</span>
                {i18n.signal(Records::New(kind))}
            </a>
        </header>
    }
}
