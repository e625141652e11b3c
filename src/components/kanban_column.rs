//! One stage of the board: its name, totals (count, amount and weighted amount per currency),
//! and its cards, capped with "show more" so 5k deals stay responsive. A drop zone for the
//! board's cards (highlighted while one is over it); other drags (files, text) are ignored.

use std::sync::Arc;

use cartera_core::domain::sales::{Amounts, ColumnTotals};
use leptos::prelude::*;

use crate::components::keyed::keyed;

use crate::components::kanban_card::{CardData, Dragging, KanbanCard};
use crate::i18n::{Locale, SalesMsg, expect_i18n, fmt_money};

/// Cards shown per column at first, and added by each "show more": more than a desktop
/// column shows without scrolling; each card costs ~0.3 ms to build (scripts/bench/kanban.mjs).
pub const PAGE: usize = 20;

/// True when a `dragleave` leaves the column itself, not for a card or heading inside it
/// (`relatedTarget` is where the pointer went; without one, it left).
fn left_column(ev: &web_sys::DragEvent) -> bool {
    use wasm_bindgen::JsCast;
    let node = |t: Option<web_sys::EventTarget>| t.and_then(|t| t.dyn_into::<web_sys::Node>().ok());
    match (node(ev.current_target()), node(ev.related_target())) {
        (Some(column), Some(to)) => !column.contains(Some(&to)),
        _ => true,
    }
}

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
        over.set(false);
        if let Some(id) = dragging.get_untracked() {
            ev.prevent_default();
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
                if dragging.with_untracked(Option::is_some) {
                    ev.prevent_default();
                    if !over.get_untracked() {
                        over.set(true);
                    }
                }
            }
            on:dragleave=move |ev| {
                if left_column(&ev) {
                    over.set(false);
                }
            }
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
                {keyed(shown, card_key, move |card| view! { <KanbanCard card stages on_move /> }.into_any())}
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

/// A card is drawn again when anything it shows changes (its text, amount, stage or flag).
fn card_key(c: &CardData) -> String {
    format!(
        "{}\u{1f}{}\u{1f}{}\u{1f}{}\u{1f}{}\u{1f}{}",
        c.id, c.stage_id, c.amount.amount_minor, c.amount.currency, c.title, c.stalled
    )
}
