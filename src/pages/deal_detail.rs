//! `/deals/:id`: a deal's facts, its stage history (who moved it and when), the cycle length
//! once closed, and the actions: edit, win or lose with a reason, reopen, delete (with undo).

use crate::nav::NavigateOptions;
use crate::nav::use_navigate;
use crate::routes::use_params_map;
use crate::state::resource;
use cartera_core::domain::sales::{
    CloseReason, Deal, DealStatus, close_deal, cycle_days, reopen_deal, stage_durations, stalled,
    time_in_stage,
};
use chrono::Utc;
use leptos::prelude::*;

use crate::components::conflict_badge::ConflictBadge;
use crate::components::deal_close::DealCloseDialog;
use crate::components::deal_fields::rep_name;
use crate::components::record_detail::{DetailActions, DetailRow, LoadFailed, PageLoading};
use crate::components::timeline::{TimelineOf, timeline_section};
use crate::i18n::{SalesMsg, expect_i18n, fmt_date, fmt_money, fmt_percent};
use crate::state::records::{Loaded, load};
use crate::state::sales::{
    SalesCtx, delete_deal_with_undo, expect_sales, follow_sales, save_and_toast, stage_label,
};
use crate::state::{expect_current_user, expect_data_version, expect_store};

#[component]
pub fn DealDetailPage() -> impl IntoView {
    let store = expect_store();
    let version = expect_data_version();
    follow_sales(expect_sales(), store.clone());
    let params = use_params_map();
    let data = resource(move || {
        version.track();
        let id = params.with(|p| p.get("id")).unwrap_or_default();
        let store = store.clone();
        async move { load(&store, &id, Deal::from_doc).await }
    });
    let i18n = expect_i18n();
    view! {
        <section class="page detail-page deal-detail">
            <Transition fallback=PageLoading>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(Some(l)) => view! { <DealView loaded=l /> }.into_any(),
                        Ok(None) => view! {
                            <div class="not-found" role="status">
                                <p>{i18n.signal(SalesMsg::NotFound)}</p>
                                <a href="/deals" class="btn">{i18n.signal(SalesMsg::BackToDeals)}</a>
                            </div>
                        }.into_any(),
                        Err(msg) => view! { <LoadFailed msg /> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

/// Saves `deal` closed as `status` (or reopened) and announces it.
fn close(ctx: SalesCtx, deal: &Deal, status: DealStatus, reason: Option<CloseReason>, note: &str) {
    let user = expect_current_user().id();
    let now = Utc::now();
    let (next, msg) = match status {
        DealStatus::Open => {
            let p = ctx.cache.pipeline(&deal.pipeline_id);
            (
                reopen_deal(deal, p.as_ref(), now, &user),
                SalesMsg::Reopened,
            )
        }
        DealStatus::Won => (
            close_deal(deal, status, reason, note, now, &user),
            SalesMsg::MarkedWon,
        ),
        DealStatus::Lost => (
            close_deal(deal, status, reason, note, now, &user),
            SalesMsg::MarkedLost,
        ),
    };
    save_and_toast(ctx, next, msg);
}

#[component]
fn DealView(loaded: Loaded<Deal>) -> impl IntoView {
    let i18n = expect_i18n();
    let ctx = SalesCtx::new();
    let Loaded { doc, record: d } = loaded;
    let navigate = use_navigate();
    let on_delete = move |()| {
        let navigate = navigate.clone();
        let back = move || navigate("/deals", NavigateOptions { replace: true });
        delete_deal_with_undo(ctx, doc.clone(), back);
    };
    let closing = RwSignal::new(None::<DealStatus>);
    let deal = StoredValue::new(d.clone());
    let on_close = Callback::new(
        move |(s, r, note): (DealStatus, Option<CloseReason>, String)| {
            close(ctx, &deal.get_value(), s, r, &note);
        },
    );
    let pipeline = ctx.cache.pipeline(&d.pipeline_id);
    let account = d.account_id.clone().map(|id| {
        let name = crate::state::records::expect_records().account_name(&id);
        (id, name)
    });
    let amount = fmt_money(i18n.locale(), d.amount.amount_minor, &d.amount.currency);
    let status = d.status;
    view! {
        <a href="/deals" class="back-link">{move || format!("← {}", i18n.t(SalesMsg::BackToDeals))}</a>
        <div class="detail-top">
            <header class="detail-header">
                <div class="detail-heading">
                    <h1>{d.title.clone()}</h1>
                    <p class="detail-sub">
                        <span class="deal-amount">{amount}</span>
                        " · "
                        <span class=format!("deal-status deal-status-{}", status.code())>{i18n.signal(SalesMsg::Status(status))}</span>
                        {account.map(|(id, name)| view! { " · " <a href=format!("/accounts/{id}")>{name.unwrap_or_default()}</a> })}
                    </p>
                </div>
            </header>
            <DetailActions edit_href=format!("/deals/{}/edit", d.id) on_delete />
        </div>
        <ConflictBadge id=d.id.clone() />
        <div class="deal-close-actions">
            {match status {
                DealStatus::Open => view! {
                    <button type="button" class="btn btn-win" on:click=move |_| closing.set(Some(DealStatus::Won))>{i18n.signal(SalesMsg::Win)}</button>
                    <button type="button" class="btn btn-lose" on:click=move |_| closing.set(Some(DealStatus::Lost))>{i18n.signal(SalesMsg::Lose)}</button>
                }.into_any(),
                _ => view! {
                    <button type="button" class="btn" on:click=move |_| close(ctx, &deal.get_value(), DealStatus::Open, None, "")>{i18n.signal(SalesMsg::Reopen)}</button>
                }.into_any(),
            }}
        </div>
        <DealCloseDialog open=closing on_close />
        <DealFacts deal=d.clone() />
        {(!d.notes.is_empty()).then(|| view! {
            <section class="detail-section" aria-labelledby="deal-notes">
                <h2 id="deal-notes">{i18n.signal(SalesMsg::SectionNotes)}</h2>
                <p class="notes">{d.notes.clone()}</p>
            </section>
        })}
        {cycle_days(&d).map(|n| view! { <p class="deal-cycle">{i18n.signal(SalesMsg::CycleDays(n))}</p> })}
        {timeline_section(TimelineOf { stages: d.history, pipeline, ..TimelineOf::new("deal", d.id) })}
    }
}

/// Amount, weighted amount, stage (with days there and the stalled badge), probability,
/// close date, category, campaign, owner and the close reason.
#[component]
fn DealFacts(deal: Deal) -> impl IntoView {
    let i18n = expect_i18n();
    let sales = expect_sales();
    let user = expect_current_user();
    let d = deal;
    let l = i18n.locale();
    let pipeline = sales.pipeline(&d.pipeline_id);
    let now = Utc::now();
    let is_stalled = sales
        .deals
        .with_untracked(|all| stalled(&d, &stage_durations(all), now));
    let days = time_in_stage(&d, now).num_days();
    let money = |m: &cartera_core::domain::money::Money| fmt_money(l, m.amount_minor, &m.currency);
    let row = |label: SalesMsg, value: AnyView| {
        view! { <DetailRow label=i18n.signal(label)>{value}</DetailRow> }
    };
    use cartera_core::domain::sales::SalesField as F;
    let stage = stage_label(pipeline.as_ref(), &d.stage_id, l);
    let stage_view = view! {
        {stage}
        {d.is_open().then(|| view! { <span class="deal-days">{i18n.t(SalesMsg::DaysInStage(days))}</span> })}
        {is_stalled.then(|| view! { <span class="badge badge-stalled">{i18n.t(SalesMsg::Stalled)}</span> })}
    };
    view! {
        <section class="detail-section" aria-labelledby="deal-details">
            <h2 id="deal-details">{i18n.signal(SalesMsg::SectionDetails)}</h2>
            <dl class="detail-list">
                {row(SalesMsg::Field(F::Amount), money(&d.amount).into_any())}
                {row(SalesMsg::Weighted, money(&d.weighted()).into_any())}
                {row(SalesMsg::Field(F::StageId), stage_view.into_any())}
                {row(SalesMsg::Field(F::Probability), fmt_percent(l, f64::from(d.probability) / 100.0).into_any())}
                {row(SalesMsg::Field(F::ExpectedClose), fmt_date(l, d.expected_close).into_any())}
                {row(SalesMsg::Field(F::Category), i18n.t(SalesMsg::Category(d.category)).into_any())}
                {d.campaign.clone().map(|c| row(SalesMsg::Field(F::Campaign), c.into_any()))}
                {row(SalesMsg::Field(F::Owner), rep_name(i18n, user, &d.owner).into_any())}
                {d.close_reason.map(|r| row(SalesMsg::CloseReasonLabel, i18n.t(SalesMsg::Reason(r)).into_any()))}
                {(!d.close_note.is_empty()).then(|| row(SalesMsg::CloseNoteLabel, d.close_note.clone().into_any()))}
            </dl>
        </section>
    }
}
