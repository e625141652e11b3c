//! One stage row of Settings › Pipelines and stages: its name, default probability, moving
//! it up and down, and removing it.

use cartera_core::domain::sales::SalesField;
use leptos::prelude::*;

use super::pipelines::{Form, Row};
use crate::components::deal_fields::SalesErrors;
use crate::components::field::TextField;
use crate::i18n::SalesMsg;

#[component]
pub(super) fn StageRow(row: Row, form: Form, errors: SalesErrors) -> impl IntoView {
    let i18n = crate::i18n::expect_i18n();
    let key = row.key;
    let pos = move || {
        form.rows
            .with(|v| v.iter().position(|r| r.key == key).unwrap_or(0))
    };
    let last = move || form.rows.with(|v| v.last().is_some_and(|r| r.key == key));
    let name = row.name;
    let label = move |m: fn(String) -> SalesMsg| move || i18n.t(m(name.get()));
    let error =
        move |f: fn(usize) -> SalesField| Signal::derive(move || errors.get(i18n, f(pos())));
    view! {
        <fieldset class="stage-row">
            <legend>{move || i18n.t(SalesMsg::StageN(pos() + 1))}</legend>
            <TextField
                id=format!("stage-{key}-name")
                label=i18n.signal(SalesMsg::StageName)
                value=row.name
                error=error(SalesField::StageName)
                required=true
            />
            <TextField
                id=format!("stage-{key}-probability")
                label=i18n.signal(SalesMsg::StageProbability)
                value=row.probability
                error=error(SalesField::StageProbability)
                inputmode="numeric"
                required=true
            />
            <div class="stage-row-actions">
                <button
                    type="button"
                    class="btn btn-icon"
                    aria-label=label(SalesMsg::StageUp)
                    disabled=move || pos() == 0
                    on:click=move |_| form.shift(key, -1)
                >
                    <span aria-hidden="true">"↑"</span>
                </button>
                <button
                    type="button"
                    class="btn btn-icon"
                    aria-label=label(SalesMsg::StageDown)
                    disabled=last
                    on:click=move |_| form.shift(key, 1)
                >
                    <span aria-hidden="true">"↓"</span>
                </button>
                <button
                    type="button"
                    class="btn btn-icon"
                    aria-label=label(SalesMsg::StageRemove)
                    on:click=move |_| form.rows.update(|v| v.retain(|r| r.key != key))
                >
                    <span aria-hidden="true">"×"</span>
                </button>
            </div>
        </fieldset>
    }
}
