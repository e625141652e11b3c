//! Settings › Pipelines and stages: a pipeline's name and its stages (rename, default
//! probability, add, remove, move up and down), checked by core's `validate_pipeline`; a stage
//! that open deals sit in cannot be removed (`stages_in_use`). Saving writes the pipeline
//! document with an Undo toast. Editable by managers and admins (read-only otherwise; the
//! server enforces it anyway).
//!
//! The default pipeline's sample stage names are shown in the reader's language (as on the
//! board); a name left as shown is saved as it was stored, so a Spanish and an English rep
//! keep seeing their own words.

use cartera_core::domain::sales::{
    Pipeline, PipelineInput, SalesField, StageInput, stages_in_use, validate_pipeline,
};
use leptos::prelude::*;

use crate::components::deal_fields::SalesErrors;
use crate::components::field::TextField;
use crate::i18n::{Common, SalesMsg};
use crate::state::expect_current_user;
use crate::state::sales::{SalesCtx, follow_sales, save_pipeline_with_undo, stage_name};

/// One stage row of the form.
#[derive(Clone)]
struct Row {
    /// Stable while the form lives (the `For` key).
    key: u32,
    /// The stage id (empty for a new stage).
    id: String,
    name: RwSignal<String>,
    probability: RwSignal<String>,
    /// The name as first shown, and as stored (see the module docs).
    shown: String,
    stored: String,
}

/// The form's state; `Copy`.
#[derive(Clone, Copy)]
struct Form {
    base: RwSignal<Option<Pipeline>>,
    name: RwSignal<String>,
    rows: RwSignal<Vec<Row>>,
    next_key: StoredValue<u32>,
    /// The section's owner: rows made while an effect runs must outlive its next run.
    owner: StoredValue<Owner>,
}

impl Form {
    fn row(&self, id: String, shown: String, stored: String, probability: String) -> Row {
        let key = self.next_key.get_value();
        self.next_key.set_value(key + 1);
        let signal = |v: String| self.owner.with_value(|o| o.with(|| RwSignal::new(v)));
        Row {
            key,
            id,
            name: signal(shown.clone()),
            probability: signal(probability),
            shown,
            stored,
        }
    }

    /// Shows pipeline `p` as the form's new starting point.
    fn fill(&self, p: Pipeline, ctx: SalesCtx) {
        let l = ctx.i18n.locale();
        let rows = (p.stages.iter())
            .map(|s| {
                let shown = stage_name(&p, s, l);
                self.row(
                    s.id.clone(),
                    shown,
                    s.name.clone(),
                    s.probability.to_string(),
                )
            })
            .collect();
        self.name.set(p.name.clone());
        self.rows.set(rows);
        self.base.set(Some(p));
    }

    /// What the form holds, untracked.
    fn input(&self) -> PipelineInput {
        let stage = |r: &Row| {
            let name = r.name.get_untracked();
            StageInput {
                id: r.id.clone(),
                name: if name == r.shown {
                    r.stored.clone()
                } else {
                    name
                },
                probability: r.probability.get_untracked(),
            }
        };
        PipelineInput {
            name: self.name.get_untracked(),
            stages: self.rows.with_untracked(|v| v.iter().map(stage).collect()),
            is_default: (self.base).with_untracked(|b| b.as_ref().is_some_and(|b| b.is_default)),
        }
    }

    /// Moves the row `key` by `by` places (-1 up, 1 down), within bounds.
    fn shift(&self, key: u32, by: isize) {
        self.rows.update(|v| {
            if let Some(i) = v.iter().position(|r| r.key == key) {
                let j = i.saturating_add_signed(by);
                if j < v.len() && j != i {
                    v.swap(i, j);
                }
            }
        });
    }
}

#[component]
pub fn PipelinesSection() -> impl IntoView {
    let ctx = SalesCtx::new();
    let (i18n, cache) = (ctx.i18n, ctx.cache);
    follow_sales(cache, ctx.store());
    let user = expect_current_user();
    let editable = user.configures_team();
    let form = Form {
        base: RwSignal::new(None),
        name: RwSignal::new(String::new()),
        rows: RwSignal::new(Vec::new()),
        next_key: StoredValue::new(0),
        owner: StoredValue::new(Owner::current().unwrap_or_default()),
    };
    let chosen = RwSignal::new(String::new());
    let errors = SalesErrors::new();
    let blocked = RwSignal::new(None::<String>);
    // The chosen pipeline (the default at first); refilled when it changes elsewhere, unless
    // the form holds unsaved changes (saving then reports the conflict instead).
    Effect::new(move |_| {
        let wanted = chosen.get();
        let p = cache.pipelines.with(|all| {
            (all.iter().find(|p| p.id == wanted))
                .or_else(|| all.iter().find(|p| p.is_default))
                .or(all.first())
                .cloned()
        });
        let Some(p) = p else { return };
        let base = form.base.get_untracked();
        let untouched = base
            .as_ref()
            .is_none_or(|b| b.id != p.id || PipelineInput::from(b) == form.input());
        if base.as_ref() != Some(&p) && untouched {
            errors.set(Vec::new());
            blocked.set(None);
            form.fill(p, ctx);
        }
    });
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(old) = form.base.get_untracked() else {
            return;
        };
        let now = chrono::Utc::now();
        let p = match validate_pipeline(&form.input(), old.id.clone(), Some(&old), now, &user.id())
        {
            Ok(p) => p,
            Err(e) => return errors.show(e),
        };
        errors.set(Vec::new());
        let stuck = cache.deals.with_untracked(|d| stages_in_use(&old, &p, d));
        if let Some(s) = stuck.first() {
            let name = old
                .stage(&s.stage_id)
                .map_or_else(String::new, |x| stage_name(&old, x, i18n.locale()));
            blocked.set(Some(i18n.t(SalesMsg::StageInUse(name, s.open_deals))));
            return;
        }
        blocked.set(None);
        save_pipeline_with_undo(ctx, old, p, move |saved| form.fill(saved, ctx));
    };
    let add = move |_| {
        let row = form.row(String::new(), String::new(), String::new(), String::new());
        form.rows.update(|v| v.push(row));
    };
    let options = move || {
        cache.pipelines.with(|all| {
            all.iter()
                .map(|p| view! { <option value=p.id.clone()>{p.name.clone()}</option> })
                .collect_view()
        })
    };
    view! {
        <section class="card pipelines-editor" aria-labelledby="pipelines-title">
            <h2 id="pipelines-title" class="card-title">{i18n.signal(SalesMsg::PipelinesTitle)}</h2>
            <p class="field-hint">{i18n.signal(SalesMsg::PipelinesHint)}</p>
            {(!editable).then(|| view! {
                <p class="field-hint" role="note">{i18n.signal(SalesMsg::PipelinesReadOnly)}</p>
            })}
            <div class="field">
                <label class="field-label" for="pipeline-choice">
                    {i18n.signal(SalesMsg::Field(SalesField::PipelineId))}
                </label>
                <select
                    id="pipeline-choice"
                    prop:value=move || form.base.with(|b| b.as_ref().map(|b| b.id.clone()))
                    on:change=move |ev| chosen.set(event_target_value(&ev))
                >
                    {options}
                </select>
            </div>
            <form on:submit=save novalidate>
                <fieldset class="plain" disabled=!editable>
                    <TextField
                        id="pipeline-name"
                        label=i18n.signal(SalesMsg::PipelineName)
                        value=form.name
                        error=errors.of(SalesField::Name)
                        required=true
                    />
                    <p class="field-error" aria-live="polite">
                        {move || errors.get(i18n, SalesField::Stages)}
                    </p>
                    <For each=move || form.rows.get() key=|r| r.key let:row>
                        <StageRow row form errors/>
                    </For>
                    <button type="button" class="btn btn-link" on:click=add>
                        <span aria-hidden="true">"+ "</span>
                        {i18n.signal(SalesMsg::AddStage)}
                    </button>
                    <p class="field-error" role="alert">{move || blocked.get()}</p>
                    <button type="submit" class="btn btn-primary">{i18n.signal(Common::Save)}</button>
                </fieldset>
            </form>
        </section>
    }
}

#[component]
fn StageRow(row: Row, form: Form, errors: SalesErrors) -> impl IntoView {
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
