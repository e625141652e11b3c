//! A deal's stage history: each move, who made it and when, oldest first; and the cycle
//! length once the deal is closed.

use cartera_core::domain::sales::{Deal, Pipeline, cycle_days};
use leptos::prelude::*;

use crate::components::deal_fields::rep_name;
use crate::i18n::{SalesMsg, expect_i18n, fmt_datetime};
use crate::state::expect_current_user;
use crate::state::sales::stage_label;

#[component]
pub fn DealHistory(deal: Deal, pipeline: Option<Pipeline>) -> impl IntoView {
    let i18n = expect_i18n();
    let user = expect_current_user();
    let cycle = cycle_days(&deal);
    let entries = deal.history.clone();
    let items = move || {
        let l = i18n.locale();
        let name = |id: &str| stage_label(pipeline.as_ref(), id, l);
        (entries.iter())
            .map(|c| {
                let what = match &c.from {
                    None => i18n.t(SalesMsg::EnteredFirst(name(&c.to))),
                    Some(f) => i18n.t(SalesMsg::FromTo(name(f), name(&c.to))),
                };
                let meta = format!(
                    "{} · {}",
                    rep_name(i18n, user, &c.by),
                    fmt_datetime(l, c.at)
                );
                view! {
                    <li class="deal-history-item">
                        <span class="deal-history-what">{what}</span>
                        <span class="deal-history-meta">{meta}</span>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <section class="detail-section" aria-labelledby="deal-stages">
            <h2 id="deal-stages">{i18n.signal(SalesMsg::SectionStages)}</h2>
            {cycle.map(|d| view! { <p class="deal-cycle">{i18n.signal(SalesMsg::CycleDays(d))}</p> })}
            <ol class="deal-history">{items}</ol>
        </section>
    }
}
