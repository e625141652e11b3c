//! Settings › Pipelines and stages: a pipeline's name and its stages (rename, default
//! probability, add, remove, move up and down), checked by core's `validate_pipeline`; a stage
//! that open deals sit in cannot be removed (`stages_in_use`). Saving writes the pipeline
//! document with an Undo toast. New pipelines (a name and at least one stage) are made here,
//! and pipelines deleted after a confirmation, with Undo; the default (or last) pipeline and one
//! that deals are in are never deleted (`check_pipeline_delete`). Editable by managers and
//! admins (read-only otherwise; the server enforces it anyway).
//!
//! The default pipeline's sample stage names are shown in the reader's language (as on the
//! board); a name left as shown is saved as it was stored, so a Spanish and an English rep
//! keep seeing their own words.

use crate::components::keyed::keyed;
use crate::state::effect;
use cartera_core::domain::Meta;
use cartera_core::domain::sales::{
    Pipeline, PipelineDeleteError, PipelineInput, SalesField, StageInput, check_pipeline_delete,
    stages_in_use, validate_pipeline,
};
use leptos::prelude::*;

use super::pipeline_stage::StageRow;
use crate::components::confirm_dialog::ConfirmDialog;
use crate::components::deal_fields::SalesErrors;
use crate::components::field::{TextField, focus_by_id};
use crate::i18n::{Common, SalesMsg};
use crate::state::expect_current_user;
use crate::state::sales::{
    SalesCtx, create_pipeline, delete_pipeline_with_undo, follow_sales, save_pipeline_with_undo,
    stage_name,
};

/// One stage row of the form.
#[derive(Clone)]
pub(super) struct Row {
    /// Stable while the form lives (the `For` key).
    pub key: u32,
    /// The stage id (empty for a new stage).
    id: String,
    pub name: RwSignal<String>,
    pub probability: RwSignal<String>,
    /// The name as first shown, and as stored (see the module docs).
    shown: String,
    stored: String,
}

/// The form's state; `Copy`.
#[derive(Clone, Copy)]
pub(super) struct Form {
    base: RwSignal<Option<Pipeline>>,
    /// True while `base` is a new pipeline, not stored yet.
    fresh: RwSignal<bool>,
    name: RwSignal<String>,
    pub rows: RwSignal<Vec<Row>>,
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
        self.fresh.set(false);
    }

    /// Shows a new pipeline `id` of `user`: no name, one blank stage.
    fn start_new(&self, id: String, user: String) {
        let row = self.row(String::new(), String::new(), String::new(), String::new());
        self.name.set(String::new());
        self.rows.set(vec![row]);
        self.base.set(Some(Pipeline {
            id,
            name: String::new(),
            stages: Vec::new(),
            is_default: false,
            owner: user,
            meta: Meta::default(),
        }));
        self.fresh.set(true);
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
    pub fn shift(&self, key: u32, by: isize) {
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
        fresh: RwSignal::new(false),
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
    // A new pipeline being typed is kept until another one is chosen.
    effect(move || {
        let wanted = chosen.get();
        let p = cache.pipelines.with(|all| {
            let found = all.iter().find(|p| p.id == wanted);
            if found.is_none() && form.fresh.get_untracked() {
                return None;
            }
            (found.or_else(|| all.iter().find(|p| p.is_default)))
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
        let (now, all) = (chrono::Utc::now(), cache.pipelines.get_untracked());
        let fresh = form.fresh.get_untracked();
        let stored = (!fresh).then_some(&old);
        let p =
            match validate_pipeline(&form.input(), old.id.clone(), stored, &all, now, &user.id()) {
                Ok(p) => p,
                Err(e) => return errors.show(e),
            };
        errors.set(Vec::new());
        if fresh {
            return create_pipeline(ctx, p, move |saved| form.fill(saved, ctx));
        }
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
    // While a new pipeline is typed, the choice names it ("New pipeline"). Options redrawn
    // (the cache reloaded) mark the one shown, or the select would fall back to the first.
    let options = move || {
        let (shown, fresh) = (
            form.base.with(|b| b.as_ref().map(|b| b.id.clone())),
            form.fresh.get(),
        );
        let mut all: Vec<(String, String)> = cache
            .pipelines
            .with(|all| all.iter().map(|p| (p.id.clone(), p.name.clone())).collect());
        if let Some(id) = shown.clone().filter(|_| fresh) {
            all.push((id, i18n.t(SalesMsg::NewPipeline)));
        }
        (all.into_iter())
            .map(|(id, name)| {
                let selected = shown.as_ref() == Some(&id);
                view! { <option value=id selected=selected>{name}</option> }
            })
            .collect_view()
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
            <PipelineActions form chosen ctx editable/>
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
                    {keyed(
                        move || form.rows.get(),
                        |r| r.key.to_string(),
                        move |row| view! { <StageRow row form errors/> }.into_any(),
                    )}
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

/// "New pipeline" and "Delete pipeline" (refused with the reason, or confirmed first).
#[component]
fn PipelineActions(
    form: Form,
    chosen: RwSignal<String>,
    ctx: SalesCtx,
    editable: bool,
) -> impl IntoView {
    let (i18n, cache) = (ctx.i18n, ctx.cache);
    let user = expect_current_user();
    // Why the pipeline shown (by id) cannot be deleted; gone once another one is shown.
    let refused = RwSignal::new(None::<(String, String)>);
    let shown = move || form.base.with(|b| b.as_ref().map(|b| b.id.clone()));
    let confirm = RwSignal::new(false);
    let start = move |_| {
        let id = cartera_core::domain::new_id();
        chosen.set(id.clone());
        form.start_new(id, user.id());
        refused.set(None);
        request_animation_frame(|| focus_by_id("pipeline-name"));
    };
    let delete = move |_| {
        let Some(p) = form.base.get_untracked() else {
            return;
        };
        let check = (cache.pipelines).with_untracked(|all| {
            (cache.deals).with_untracked(|deals| check_pipeline_delete(&p.id, all, deals))
        });
        let why = match check {
            Ok(()) => None,
            Err(PipelineDeleteError::HasDeals(n)) => {
                Some(i18n.t(SalesMsg::PipelineHasDeals(p.name.clone(), n)))
            }
            Err(PipelineDeleteError::Default) => Some(i18n.t(SalesMsg::PipelineIsDefault)),
        };
        refused.set(why.map(|w| (p.id.clone(), w)));
        confirm.set(check.is_ok());
    };
    // Once it is gone the form shows the default pipeline; Undo brings it back there.
    let confirmed = Callback::new(move |_| {
        if let Some(p) = form.base.get_untracked() {
            delete_pipeline_with_undo(ctx, p);
        }
    });
    let title = Signal::derive(move || {
        let name = form.base.with(|b| b.as_ref().map(|b| b.name.clone()));
        i18n.t(SalesMsg::DeletePipelineTitle(name.unwrap_or_default()))
    });
    view! {
        <div class="form-actions">
            <button type="button" class="btn" disabled=!editable on:click=start>
                <span aria-hidden="true">"+ "</span>
                {i18n.signal(SalesMsg::NewPipeline)}
            </button>
            <button
                type="button"
                class="btn btn-danger"
                disabled=move || !editable || form.fresh.get()
                on:click=delete
            >
                {i18n.signal(SalesMsg::DeletePipeline)}
            </button>
        </div>
        <p class="field-error" role="alert">
            {move || refused.get().filter(|(id, _)| Some(id) == shown().as_ref()).map(|(_, w)| w)}
        </p>
        <ConfirmDialog
            open=confirm
            title
            message=i18n.signal(SalesMsg::DeletePipelineText)
            confirm_label=i18n.signal(Common::Delete)
            on_confirm=confirmed
            destructive=true
        />
    }
}
