//! One deal on the board: a link to the deal, its amount, close day, rep and the stalled badge.
//! Draggable on desktop; its stage select is the keyboard and phone way to move it.

use cartera_core::domain::money::Money;
use chrono::NaiveDate;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::components::deal_fields::rep_name;
use crate::i18n::{SalesMsg, expect_i18n, fmt_date, fmt_money};
use crate::state::expect_current_user;

/// What a card shows (computed once per data change).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CardData {
    pub id: String,
    pub title: String,
    pub amount: Money,
    pub expected_close: NaiveDate,
    pub owner: String,
    pub stage_id: String,
    pub stalled: bool,
}

/// The deal being dragged, shared by the board's cards and columns.
#[derive(Clone, Copy)]
pub struct Dragging(pub RwSignal<Option<String>>);

/// Firefox starts a drag only with data set; `DataTransfer` is reached through JS reflection
/// (the web-sys feature is not enabled).
fn set_drag_data(ev: &web_sys::DragEvent, id: &str) {
    use js_sys::{Function, Reflect};
    use wasm_bindgen::JsCast;
    let Ok(dt) = Reflect::get(ev, &JsValue::from_str("dataTransfer")) else {
        return;
    };
    if let Ok(f) = Reflect::get(&dt, &JsValue::from_str("setData"))
        && let Ok(f) = f.dyn_into::<Function>()
    {
        let _ = f.call2(
            &dt,
            &JsValue::from_str("text/plain"),
            &JsValue::from_str(id),
        );
    }
    let _ = Reflect::set(
        &dt,
        &JsValue::from_str("effectAllowed"),
        &JsValue::from_str("move"),
    );
}

#[component]
pub fn KanbanCard(
    card: CardData,
    /// `(stage id, name)` of every stage, in board order.
    stages: Signal<Vec<(String, String)>>,
    on_move: Callback<(String, String)>,
) -> impl IntoView {
    let i18n = expect_i18n();
    let user = expect_current_user();
    let dragging = expect_context::<Dragging>().0;
    let CardData {
        id,
        title,
        amount,
        expected_close,
        owner,
        stage_id,
        stalled,
    } = card;
    let l = i18n.locale();
    let money = fmt_money(l, amount.amount_minor, &amount.currency);
    let meta = format!(
        "{} · {}",
        fmt_date(l, expected_close),
        rep_name(i18n, user, &owner)
    );
    let select_id = format!("stage-of-{id}");
    let (drag_id, move_id) = (id.clone(), id.clone());
    let select_label = i18n.t(SalesMsg::MoveDeal(title.clone()));
    let current = stage_id.clone();
    let on_change = move |ev: leptos::ev::Event| {
        on_move.run((move_id.clone(), event_target_value(&ev)));
    };
    view! {
        <li
            class="kanban-card"
            class:kanban-card-stalled=stalled
            draggable="true"
            on:dragstart=move |ev| {
                set_drag_data(&ev, &drag_id);
                dragging.set(Some(drag_id.clone()));
            }
            on:dragend=move |_| dragging.set(None)
        >
            <a href=format!("/deals/{id}") class="kanban-card-title" draggable="false">{title}</a>
            <p class="kanban-card-amount">{money}</p>
            <p class="kanban-card-meta">{meta}</p>
            {stalled.then(|| view! { <span class="badge badge-stalled">{i18n.signal(SalesMsg::Stalled)}</span> })}
            <label class="visually-hidden" for=select_id.clone()>{select_label}</label>
            <select id=select_id class="kanban-card-stage" on:change=on_change>
                {move || stages.get().into_iter().map(|(sid, name)| {
                    let selected = sid == current;
                    view! { <option value=sid selected=selected>{name}</option> }
                }).collect_view()}
            </select>
        </li>
    }
}
