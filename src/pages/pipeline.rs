//! `/pipeline`: the Kanban board of a pipeline's open deals (the default one until another is
//! chosen, when the team has several). Columns per stage with totals per currency; filters by
//! rep and close period; drag and drop on desktop, a stage
//! select on every card (keyboard, phones), and a stage strip that scrolls to a column on
//! phones. Every move goes through `move_deal` (core's `move_stage`: history recorded), is
//! saved and can be undone from its toast. Closing a deal (won/lost) is not a board move: the
//! board shows open stages only, and closing happens on the deal's page with its reason dialog.
//!
//! Cards, totals and the stalled flags are computed once per data or filter change (memos);
//! each column renders at most a page of cards until "show more".

use std::sync::Arc;

use cartera_core::domain::sales::{
    BoardFilter, ColumnTotals, Deal, Period, PeriodKind, Pipeline, board_columns, board_totals,
    stage_durations, stalled,
};
use chrono::Utc;
use leptos::prelude::*;

use crate::components::deal_fields::owner_options;
use crate::components::empty_state::EmptyState;
use crate::components::kanban_card::{CardData, Dragging};
use crate::components::kanban_column::KanbanColumn;
use crate::components::record_detail::PageLoading;
use crate::i18n::{SalesMsg, expect_i18n};
use crate::state::records::CacheStatus;
use crate::state::sales::{
    SalesCtx, expect_sales, follow_sales, move_deal, stage_name, team_offset,
};
use crate::state::{expect_current_user, expect_store};

/// The board filter for the chosen rep and close period code.
fn filter(owner: &str, period: &str) -> BoardFilter {
    let now = Utc::now();
    let tz = team_offset();
    let p = match period {
        "month" => Some(Period::at(PeriodKind::Month, now, tz)),
        "quarter" => Some(Period::at(PeriodKind::Quarter, now, tz)),
        "next_quarter" => Some(Period::at(PeriodKind::Quarter, now, tz).next()),
        _ => None,
    };
    let mut f = p.map(BoardFilter::closing_in).unwrap_or_default();
    f.owner = (!owner.is_empty()).then(|| owner.to_owned());
    f
}

/// The cards of each column, with the stalled flags.
fn cards(deals: &[Deal], pipeline: &Pipeline, f: &BoardFilter) -> Vec<Arc<Vec<CardData>>> {
    let stats = stage_durations(deals);
    let now = Utc::now();
    (board_columns(deals, pipeline, f).into_iter())
        .map(|(_, ds)| {
            let v = (ds.into_iter())
                .map(|d| CardData {
                    id: d.id.clone(),
                    title: d.title.clone(),
                    amount: d.amount.clone(),
                    expected_close: d.expected_close,
                    owner: d.owner.clone(),
                    stage_id: d.stage_id.clone(),
                    stalled: stalled(d, &stats, now),
                })
                .collect();
            Arc::new(v)
        })
        .collect()
}

#[component]
pub fn PipelinePage() -> impl IntoView {
    let i18n = expect_i18n();
    let sales = expect_sales();
    follow_sales(sales, expect_store());
    provide_context(Dragging(RwSignal::new(None)));
    let owner = RwSignal::new(String::new());
    let period = RwSignal::new(String::new());
    let chosen = RwSignal::new(String::new());
    let pipeline = Memo::new(move |_| {
        let id = chosen.get();
        sales.pipeline(&id).or_else(|| sales.default_pipeline())
    });
    let board_filter = Memo::new(move |_| filter(&owner.get(), &period.get()));
    let columns = Memo::new(move |_| {
        let f = board_filter.get();
        pipeline.with(|p| {
            p.as_ref()
                .map(|p| sales.deals.with(|d| cards(d, p, &f)))
                .unwrap_or_default()
        })
    });
    let totals = Memo::new(move |_| {
        let f = board_filter.get();
        pipeline.with(|p| {
            p.as_ref()
                .map(|p| sales.deals.with(|d| board_totals(d, p, &f)))
                .unwrap_or_default()
        })
    });
    let stages = Signal::derive(move || {
        let l = i18n.locale();
        pipeline.with(|p| {
            p.as_ref()
                .map(|p| {
                    p.stages
                        .iter()
                        .map(|s| (s.id.clone(), stage_name(p, s, l)))
                        .collect()
                })
                .unwrap_or_default()
        })
    });
    let ctx = SalesCtx::new();
    let user = expect_current_user();
    let on_move =
        Callback::new(move |(id, stage): (String, String)| move_deal(ctx, &id, &stage, &user.id()));
    let has_deals = Memo::new(move |_| sales.deals.with(|d| !d.is_empty()));
    view! {
        <section class="page pipeline-page">
            <header class="page-header pipeline-header">
                <h1>{i18n.signal(SalesMsg::PipelineTitle)}</h1>
                <a href="/deals/new" class="btn btn-primary">{i18n.signal(SalesMsg::NewDeal)}</a>
            </header>
            <BoardFilters owner period chosen />
            {move || match (sales.status.get(), has_deals.get()) {
                (CacheStatus::Ready, false) => view! { <NoDeals/> }.into_any(),
                (CacheStatus::Ready, true) => view! {
                    <StageStrip stages />
                    <div class="kanban" role="group" aria-label=i18n.signal(SalesMsg::BoardLabel)>
                        {move || stages.get().into_iter().enumerate().map(|(i, (sid, name))| {
                            let col_cards = Signal::derive(move || columns.with(|c| c.get(i).cloned().unwrap_or_default()));
                            let col_totals = Signal::derive(move || totals.with(|t: &Vec<ColumnTotals>| t.get(i).cloned()));
                            view! { <KanbanColumn stage_id=sid name=Signal::stored(name) totals=col_totals cards=col_cards stages on_move /> }
                        }).collect_view()}
                    </div>
                }.into_any(),
                (CacheStatus::Failed(msg), _) => view! { <p class="load-error" role="alert">{i18n.t(msg)}</p> }.into_any(),
                _ => view! { <PageLoading/> }.into_any(),
            }}
        </section>
    }
}

/// The pipeline (when the team has several), rep and close-period filters.
#[component]
fn BoardFilters(
    owner: RwSignal<String>,
    period: RwSignal<String>,
    chosen: RwSignal<String>,
) -> impl IntoView {
    let i18n = expect_i18n();
    let sales = expect_sales();
    let several = Memo::new(move |_| sales.pipelines.with(|p| p.len() > 1));
    // Options redrawn (the cache reloaded) keep the choice marked.
    let pipelines = move || {
        sales.pipelines.with(|all| {
            (all.iter())
                .map(|p| {
                    let selected = chosen.with_untracked(|c| *c == p.id);
                    view! { <option value=p.id.clone() selected=selected>{p.name.clone()}</option> }
                })
                .collect_view()
        })
    };
    let user = expect_current_user();
    let owners = owner_options(user, String::new());
    let periods = [
        ("", SalesMsg::AnyDate),
        ("month", SalesMsg::ThisMonth),
        ("quarter", SalesMsg::ThisQuarter),
        ("next_quarter", SalesMsg::NextQuarter),
    ];
    view! {
        <div class="board-filters">
            <label class="filter" hidden=move || !several.get()>
                <span>{i18n.signal(SalesMsg::Pipeline)}</span>
                <select bind:value=chosen>{pipelines}</select>
            </label>
            <label class="filter">
                <span>{i18n.signal(SalesMsg::OwnerFilter)}</span>
                <select bind:value=owner>
                    <option value="">{i18n.signal(SalesMsg::AnyOwner)}</option>
                    {move || owners.get().into_iter().map(|(id, name)| view! { <option value=id>{name}</option> }).collect_view()}
                </select>
            </label>
            <label class="filter">
                <span>{i18n.signal(SalesMsg::CloseFilter)}</span>
                <select bind:value=period>
                    {periods.into_iter().map(|(v, m)| view! { <option value=v>{i18n.signal(m)}</option> }).collect_view()}
                </select>
            </label>
        </div>
    }
}

/// On phones: a strip of stage buttons that scroll their column into view.
#[component]
fn StageStrip(stages: Signal<Vec<(String, String)>>) -> impl IntoView {
    let i18n = expect_i18n();
    let go = |sid: &str| {
        if let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(&format!("column-{sid}")))
        {
            el.scroll_into_view();
        }
    };
    view! {
        <nav class="stage-strip" aria-label=i18n.signal(SalesMsg::StageTabs)>
            {move || stages.get().into_iter().map(|(sid, name)| view! {
                <button type="button" class="stage-chip" on:click=move |_| go(&sid)>{name}</button>
            }).collect_view()}
        </nav>
    }
}

#[component]
fn NoDeals() -> impl IntoView {
    let i18n = expect_i18n();
    view! {
        <EmptyState title=i18n.signal(SalesMsg::NoDeals) hint=i18n.signal(SalesMsg::NoDealsHint)>
            <a href="/deals/new" class="btn btn-primary">{i18n.signal(SalesMsg::CreateFirst)}</a>
            <a href="/settings" class="btn">{i18n.signal(SalesMsg::OpenSettings)}</a>
        </EmptyState>
    }
}
