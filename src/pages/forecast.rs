//! `/forecast`: the weighted pipeline by month or quarter for the team or one rep, by forecast
//! category, beside the historical-win-rate forecast; quota attainment; the manager's view
//! (deals closing this period, stalled deals); and three accessible charts.
//!
//! Amounts stay per currency in the tables; charts plot one currency (the one with most open
//! pipeline) and say so, never converting silently.

use cartera_core::domain::sales::{
    Amounts, Deal, DealStatus, Forecast, ForecastTotals, Period, PeriodKind, Quota, attainment,
    board_totals, forecast, manager_view, stage_durations,
};
use chrono::Utc;
use leptos::prelude::*;

use crate::components::chart_bars::{BarChart, ChartRow};
use crate::components::deal_fields::{owner_options, rep_name};
use crate::components::kanban_column::fmt_amounts;
use crate::components::record_detail::PageLoading;
use crate::i18n::{SalesMsg, expect_i18n, fmt_date, fmt_money, fmt_percent, fmt_period};
use crate::state::records::CacheStatus;
use crate::state::sales::{expect_sales, follow_sales, stage_name, team_offset};
use crate::state::{expect_current_user, expect_store};

/// Periods shown in the table and the chart.
const PERIODS: usize = 6;
/// Deals listed per manager list.
const LIST_MAX: usize = 15;

/// The totals of `owner` ("" = the team) in each of the next periods from the current one.
fn totals_for(f: &Forecast, owner: &str) -> Vec<(Period, ForecastTotals)> {
    let mut out = Vec::with_capacity(PERIODS);
    let mut p = f.current;
    for _ in 0..PERIODS {
        let t = f.period(p).map(|pf| match owner {
            "" => pf.team.clone(),
            o => (pf.reps.iter())
                .find(|r| r.owner == o)
                .map(|r| r.totals.clone())
                .unwrap_or_default(),
        });
        out.push((p, t.unwrap_or_default()));
        p = p.next();
    }
    out
}

/// The quota of `owner` (or the team's sum) for `p` in `currency`.
fn quota_for(quotas: &[Quota], owner: &str, p: Period, currency: &str) -> i64 {
    (quotas.iter())
        .filter(|q| {
            q.period == p && q.amount.currency == currency && (owner.is_empty() || q.owner == owner)
        })
        .map(|q| q.amount.amount_minor)
        .sum()
}

/// The currency with the most open pipeline (EUR when there is none).
fn main_currency(deals: &[Deal]) -> String {
    let mut a = Amounts::default();
    deals
        .iter()
        .filter(|d| d.is_open())
        .for_each(|d| a.add_money(&d.amount));
    (a.as_slice().iter())
        .max_by_key(|m| m.amount_minor)
        .map_or_else(|| "EUR".to_owned(), |m| m.currency.clone())
}

/// Minor units as major units for plotting.
fn major(minor: i64, currency: &str) -> f64 {
    let exp = cartera_core::domain::money::currency_exponent(currency).unwrap_or(2);
    minor as f64 / 10f64.powi(exp as i32)
}

#[component]
pub fn ForecastPage() -> impl IntoView {
    let i18n = expect_i18n();
    let sales = expect_sales();
    follow_sales(sales, expect_store());
    let kind = RwSignal::new(PeriodKind::Month.code().to_owned());
    let owner = RwSignal::new(String::new());
    let tz = team_offset();
    let fc = Memo::new(move |_| {
        let k = PeriodKind::from_code(&kind.get()).unwrap_or_default();
        sales.deals.with(|d| forecast(d, k, tz, Utc::now()))
    });
    let currency = Memo::new(move |_| sales.deals.with(|d| main_currency(d)));
    let owners = owner_options(expect_current_user(), String::new());
    view! {
        <section class="page forecast-page">
            <header class="page-header">
                <h1>{i18n.signal(SalesMsg::ForecastTitle)}</h1>
            </header>
            <div class="board-filters">
                <label class="filter">
                    <span>{i18n.signal(SalesMsg::Periods)}</span>
                    <select bind:value=kind>
                        <option value="month">{i18n.signal(SalesMsg::ByMonth)}</option>
                        <option value="quarter">{i18n.signal(SalesMsg::ByQuarter)}</option>
                    </select>
                </label>
                <label class="filter">
                    <span>{i18n.signal(SalesMsg::Rep)}</span>
                    <select bind:value=owner>
                        <option value="">{i18n.signal(SalesMsg::Team)}</option>
                        {move || owners.get().into_iter().map(|(id, name)| view! { <option value=id>{name}</option> }).collect_view()}
                    </select>
                </label>
            </div>
            {move || match sales.status.get() {
                CacheStatus::Ready => view! {
                    <ForecastTable fc owner />
                    <Attainments />
                    <Charts fc owner currency />
                    <Manager />
                }.into_any(),
                CacheStatus::Failed(msg) => view! { <p class="load-error" role="alert">{i18n.t(msg)}</p> }.into_any(),
                _ => view! { <PageLoading/> }.into_any(),
            }}
        </section>
    }
}

/// Per period: pipeline, stage-probability and historical forecasts, won, categories, quota.
#[component]
fn ForecastTable(fc: Memo<Forecast>, owner: RwSignal<String>) -> impl IntoView {
    let i18n = expect_i18n();
    let heads = [
        SalesMsg::Pipeline,
        SalesMsg::StageForecast,
        SalesMsg::HistoricalForecast,
        SalesMsg::WonAmount,
        SalesMsg::Commit,
        SalesMsg::BestCase,
    ];
    let rows = move || {
        let l = i18n.locale();
        let a = |x: &Amounts| fmt_amounts(l, x);
        fc.with(|f| totals_for(f, &owner.get())).into_iter().map(|(p, t)| view! {
            <tr>
                <th scope="row">{fmt_period(l, p)}{(t.slipped_deals > 0).then(|| view! { <span class="forecast-slipped">{i18n.t(SalesMsg::Slipped(t.slipped_deals))}</span> })}</th>
                <td>{a(&t.pipeline)}</td>
                <td>{a(&t.expected())}</td>
                <td>{a(&t.expected_historical())}</td>
                <td>{a(&t.won)}</td>
                <td>{a(&t.commit())}</td>
                <td>{a(&t.best_case())}</td>
            </tr>
        }).collect_view()
    };
    view! {
        <section class="card forecast-card" aria-labelledby="forecast-table-title">
            <h2 id="forecast-table-title" class="card-title">{i18n.signal(SalesMsg::ByCategory)}</h2>
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="forecast-table-title">
                <table class="forecast-table">
                    <thead><tr>
                        <th scope="col">{i18n.signal(SalesMsg::Period)}</th>
                        {heads.into_iter().map(|h| view! { <th scope="col">{i18n.signal(h)}</th> }).collect_view()}
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}

/// Every quota of the current period with what its rep has won.
#[component]
fn Attainments() -> impl IntoView {
    let i18n = expect_i18n();
    let sales = expect_sales();
    let user = expect_current_user();
    let tz = team_offset();
    let rows = move || {
        let l = i18n.locale();
        let now = Utc::now();
        let quotas = sales.quotas.get();
        let current: Vec<&Quota> = quotas
            .iter()
            .filter(|q| q.period == Period::at(q.period.kind, now, tz))
            .collect();
        if current.is_empty() {
            return view! { <p class="muted">{i18n.t(SalesMsg::NoQuotas)}</p> }.into_any();
        }
        let items = sales.deals.with(|d| {
            current.iter().map(|q| {
                let a = attainment(q, d, tz);
                let pct = a.percent_bp.map(|bp| fmt_percent(l, bp as f64 / 10_000.0)).unwrap_or_default();
                let text = format!("{} · {} · {} / {} ({pct})", rep_name(i18n, user, &q.owner), fmt_period(l, q.period),
                    fmt_money(l, a.won.amount_minor, &a.won.currency), fmt_money(l, a.quota.amount_minor, &a.quota.currency));
                let value = a.percent_bp.unwrap_or(0).clamp(0, 10_000);
                view! { <li><span>{text}</span><progress max="10000" value=value aria-label=i18n.t(SalesMsg::Attainment)></progress></li> }
            }).collect_view()
        });
        view! { <ul class="attainment-list">{items}</ul> }.into_any()
    };
    view! {
        <section class="card" aria-labelledby="attainment-title">
            <h2 id="attainment-title" class="card-title">{i18n.signal(SalesMsg::Attainment)}</h2>
            {rows}
        </section>
    }
}

/// Pipeline by stage, forecast vs quota, won and lost per month.
#[component]
fn Charts(fc: Memo<Forecast>, owner: RwSignal<String>, currency: Memo<String>) -> impl IntoView {
    let i18n = expect_i18n();
    let sales = expect_sales();
    let by_stage = Signal::derive(move || {
        let (l, cur) = (i18n.locale(), currency.get());
        let Some(p) = sales.default_pipeline() else {
            return Vec::new();
        };
        let f = cartera_core::domain::sales::BoardFilter {
            owner: Some(owner.get()).filter(|o| !o.is_empty()),
            ..Default::default()
        };
        let cols = sales.deals.with(|d| board_totals(d, &p, &f));
        (p.stages.iter().zip(cols))
            .map(|(s, c)| {
                let v = c.amount.get(&cur);
                ChartRow {
                    label: stage_name(&p, s, l),
                    values: vec![(major(v, &cur), fmt_money(l, v, &cur))],
                }
            })
            .collect()
    });
    let vs_quota = Signal::derive(move || {
        let (l, cur, o) = (i18n.locale(), currency.get(), owner.get());
        let quotas = sales.quotas.get();
        fc.with(|f| totals_for(f, &o))
            .into_iter()
            .map(|(p, t)| {
                let (e, q) = (t.expected().get(&cur), quota_for(&quotas, &o, p, &cur));
                ChartRow {
                    label: fmt_period(l, p),
                    values: vec![
                        (major(e, &cur), fmt_money(l, e, &cur)),
                        (major(q, &cur), fmt_money(l, q, &cur)),
                    ],
                }
            })
            .collect()
    });
    let trend = Signal::derive(move || {
        let l = i18n.locale();
        sales
            .deals
            .with(|d| won_lost(d, &owner.get()))
            .into_iter()
            .map(|(p, w, lo)| ChartRow {
                label: fmt_period(l, p),
                values: vec![(w as f64, w.to_string()), (lo as f64, lo.to_string())],
            })
            .collect()
    });
    let t = move |m: SalesMsg| i18n.signal(m);
    let money_desc = move |m: SalesMsg| {
        let label = i18n.signal(m);
        Signal::derive(move || format!("{} ({})", label.get(), currency.get()))
    };
    view! {
        <section class="card charts" aria-labelledby="charts-title">
            <h2 id="charts-title" class="visually-hidden">{i18n.signal(SalesMsg::ForecastTitle)}</h2>
            <BarChart id="chart-stage" title=t(SalesMsg::ChartByStage) desc=money_desc(SalesMsg::ChartByStageDesc) series=Signal::derive(move || vec![i18n.t(SalesMsg::Amount)]) rows=by_stage />
            <BarChart id="chart-quota" title=t(SalesMsg::ChartVsQuota) desc=money_desc(SalesMsg::ChartVsQuotaDesc) series=Signal::derive(move || vec![i18n.t(SalesMsg::StageForecast), i18n.t(SalesMsg::Quota)]) rows=vs_quota line=1 />
            <BarChart id="chart-trend" title=t(SalesMsg::ChartWonLost) desc=t(SalesMsg::ChartWonLostDesc) series=Signal::derive(move || vec![i18n.t(SalesMsg::WonCount), i18n.t(SalesMsg::LostCount)]) rows=trend />
        </section>
    }
}

/// Won and lost deals per month over the last twelve months, oldest first.
fn won_lost(deals: &[Deal], owner: &str) -> Vec<(Period, u32, u32)> {
    let tz = team_offset();
    let now = Period::at(PeriodKind::Month, Utc::now(), tz);
    let mut p = now;
    for _ in 0..11 {
        p = p.prev();
    }
    let mut out: Vec<(Period, u32, u32)> = (0..12)
        .map(|_| {
            let x = (p, 0, 0);
            p = p.next();
            x
        })
        .collect();
    for d in deals
        .iter()
        .filter(|d| owner.is_empty() || d.owner == owner)
    {
        let Some(at) = d.closed_at else { continue };
        let m = Period::at(PeriodKind::Month, at, tz);
        if let Some(row) = out.iter_mut().find(|r| r.0 == m) {
            match d.status {
                DealStatus::Won => row.1 += 1,
                DealStatus::Lost => row.2 += 1,
                DealStatus::Open => {}
            }
        }
    }
    out
}

/// Deals closing this month and stalled deals.
#[component]
fn Manager() -> impl IntoView {
    let i18n = expect_i18n();
    let sales = expect_sales();
    let view_data = Memo::new(move |_| {
        sales.deals.with(|d| {
            manager_view(
                d,
                &stage_durations(d),
                PeriodKind::Month,
                team_offset(),
                Utc::now(),
            )
        })
    });
    let list = move |deals: Vec<Deal>| {
        let l = i18n.locale();
        if deals.is_empty() {
            return view! { <p class="muted">{i18n.t(SalesMsg::NothingHere)}</p> }.into_any();
        }
        let items = deals.into_iter().take(LIST_MAX).map(|d| {
            let sub = format!("{} · {}", fmt_money(l, d.amount.amount_minor, &d.amount.currency), fmt_date(l, d.expected_close));
            view! { <li><a href=format!("/deals/{}", d.id)>{d.title.clone()}</a><span class="muted">{sub}</span></li> }
        }).collect_view();
        view! { <ul class="manager-list">{items}</ul> }.into_any()
    };
    view! {
        <section class="card manager" aria-labelledby="manager-title">
            <h2 id="manager-title" class="card-title">{i18n.signal(SalesMsg::ManagerView)}</h2>
            <h3>{i18n.signal(SalesMsg::ClosingThisPeriod)}</h3>
            {move || list(view_data.with(|v| v.closing.clone()))}
            <h3>{i18n.signal(SalesMsg::StalledDeals)}</h3>
            {move || list(view_data.with(|v| v.stalled.clone()))}
        </section>
    }
}
