//! One stage of the board: its name, totals (count, amount and weighted amount per currency),
//! and its cards, capped with "show more" so 5k deals stay responsive. A drop zone for cards.

use std::sync::Arc;

use cartera_core::domain::sales::{Amounts, ColumnTotals};
use leptos::prelude::*;

use crate::components::kanban_card::{CardData, Dragging, KanbanCard};
use crate::i18n::{Locale, SalesMsg, expect_i18n, fmt_money};

/// Cards shown per column at first, and added by each "show more".
pub const PAGE: usize = 40;

/// "12.500,00 € + 3.000,00 US$", or "—" when empty.
pub fn fmt_amounts(l: Locale, a: &Amounts) -> String {
    if a.is_empty() {
        return "—".into();
    }
    (a.as_slice().iter())
        .map(|m| fmt_money(l, m.amount_minor, &m.currency))
        .collect::<Vec<_>>()
        .join(" + ")
}

#[component]
pub fn KanbanColumn(
    stage_id: String,
    name: Signal<String>,
    totals: Signal<Option<ColumnTotals>>,
    cards: Signal<Arc<Vec<CardData>>>,
    stages: Signal<Vec<(String, String)>>,
    on_move: Callback<(String, String)>,
) -> impl IntoView {
    let i18n = expect_i18n();
    let dragging = expect_context::<Dragging>().0;
    let cap = RwSignal::new(PAGE);
    let over = RwSignal::new(false);
    let heading_id = format!("stage-{stage_id}");
    let labelled_by = heading_id.clone();
    let target = stage_id.clone();
    let on_drop = move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        over.set(false);
        if let Some(id) = dragging.get_untracked() {
            dragging.set(None);
            on_move.run((id, target.clone()));
        }
    };
    let shown = move || cards.with(|c| c.iter().take(cap.get()).cloned().collect::<Vec<_>>());
    let hidden = move || cards.with(|c| c.len()).saturating_sub(cap.get());
    let total_line = move |f: fn(&ColumnTotals) -> &Amounts| {
        move || {
            totals.with(|t| {
                t.as_ref()
                    .map(|t| fmt_amounts(i18n.locale(), f(t)))
                    .unwrap_or_default()
            })
        }
    };
    view! {
        <section
            class="kanban-column"
            class:kanban-drop=move || over.get()
            id=format!("column-{stage_id}")
            aria-labelledby=labelled_by
            on:dragover=move |ev| {
                ev.prevent_default();
                over.set(true);
            }
            on:dragleave=move |_| over.set(false)
            on:drop=on_drop
        >
            <header class="kanban-column-head">
                <h2 id=heading_id>{name}</h2>
                <dl class="kanban-totals" aria-label=i18n.signal(SalesMsg::ColumnTotals)>
                    <div><dt>{i18n.signal(SalesMsg::Count)}</dt><dd>{move || totals.with(|t| t.as_ref().map_or(0, |t| t.count))}</dd></div>
                    <div><dt>{i18n.signal(SalesMsg::Amount)}</dt><dd>{total_line(|t| &t.amount)}</dd></div>
                    <div><dt>{i18n.signal(SalesMsg::Weighted)}</dt><dd>{total_line(|t| &t.weighted)}</dd></div>
                </dl>
            </header>
            <ul class="kanban-cards">
                <For each=shown key=|c| (c.id.clone(), c.stage_id.clone(), c.amount.clone(), c.title.clone(), c.stalled) let(card)>
                    <KanbanCard card stages on_move />
                </For>
            </ul>
            {move || cards.with(|c| c.is_empty()).then(|| view! { <p class="kanban-empty">{i18n.t(SalesMsg::EmptyColumn)}</p> })}
            {move || (hidden() > 0).then(|| view! {
                <button type="button" class="btn kanban-more" on:click=move |_| cap.update(|c| *c += PAGE)>
                    {i18n.t(SalesMsg::ShowMore(hidden().min(PAGE)))}
                </button>
            })}
        </section>
    }
}
