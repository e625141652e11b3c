//! The writes of the sales screens: save a deal, move it to a stage (with Undo), save, create
//! and delete a pipeline (with Undo), delete a deal (with Undo). Each updates the cache in place ([`SalesCache::apply`]);
//! see the parent module's docs on own writes.

use cartera_core::domain::sales::{Deal, Pipeline, follow_stage_probabilities, move_stage};
use cartera_core::store::{Body, Doc, DocStore, Edit, Rev};
use chrono::Utc;
use leptos::prelude::*;

use super::super::records::{SaveError, write};
use super::super::{DataVersion, Store, Toasts};
use super::*;
use crate::i18n::{ErrorMsg, I18n, SalesMsg};

/// The services a deal write needs.
#[derive(Clone, Copy)]
pub struct SalesCtx {
    pub cache: SalesCache,
    pub version: DataVersion,
    pub toasts: Toasts,
    pub i18n: I18n,
    store: StoredValue<Store>,
}

impl SalesCtx {
    pub fn new() -> Self {
        Self {
            cache: expect_sales(),
            version: super::super::expect_data_version(),
            toasts: super::super::expect_toasts(),
            i18n: crate::i18n::expect_i18n(),
            store: StoredValue::new(super::super::expect_store()),
        }
    }

    pub fn store(&self) -> Store {
        self.store.get_value()
    }

    /// Shows why a write failed.
    pub fn show_error(&self, e: SaveError) {
        let msg = match e {
            SaveError::Conflict => ErrorMsg::Conflict,
            SaveError::Failed(m) => m,
        };
        self.toasts.error(self.i18n.t(msg));
    }
}

impl Default for SalesCtx {
    fn default() -> Self {
        Self::new()
    }
}

/// Saves `deal` on top of revision `prev` (`None` creates it).
pub async fn save_deal(ctx: SalesCtx, deal: &Deal, prev: Option<Rev>) -> Result<(), SaveError> {
    let edit = Edit {
        id: deal.id.clone(),
        prev,
        deleted: false,
        body: deal.to_body(),
    };
    let rev = write(&ctx.store(), edit).await?;
    ctx.cache.apply(deal, rev);
    ctx.cache.wrote(ctx.version);
    Ok(())
}

/// Saves an edited deal and toasts `done`; errors are toasted.
pub fn save_and_toast(ctx: SalesCtx, deal: Deal, done: SalesMsg) {
    let prev = ctx.cache.rev(&deal.id);
    save_then_toast(ctx, deal, prev, ctx.i18n.t(done), None);
}

/// Saves `deal` on top of revision `prev` and toasts `done`; errors are toasted. With `undo`
/// (the deal as it was, and the toast for putting it back) the toast offers Undo, which saves
/// that deal on top of the new revision: a change made in between is a conflict, not lost.
fn save_then_toast(
    ctx: SalesCtx,
    deal: Deal,
    prev: Option<Rev>,
    done: String,
    undo: Option<(Deal, String)>,
) {
    leptos::task::spawn_local(async move {
        match (save_deal(ctx, &deal, prev).await, undo) {
            (Ok(()), None) => ctx.toasts.show(done, None),
            (Ok(()), Some((before, undone))) => {
                let rev = ctx.cache.rev(&deal.id);
                ctx.toasts.show_undo(done, move || {
                    save_then_toast(ctx, before.clone(), rev.clone(), undone.clone(), None);
                });
            }
            (Err(e), _) => ctx.show_error(e),
        }
    });
}

/// Moves deal `id` to stage `stage_id` of its pipeline as `user` (history recorded), saves it
/// and announces the move with an Undo that puts the deal back as it was, history included
/// (the stage picker and drag and drop both land here).
pub fn move_deal(ctx: SalesCtx, id: &str, stage_id: &str, user: &str) {
    let Some(deal) = ctx.cache.deal(id) else {
        return;
    };
    let Some(pipeline) = ctx.cache.pipeline_untracked(&deal.pipeline_id) else {
        return;
    };
    let Some(stage) = pipeline.stage(stage_id) else {
        return;
    };
    if deal.stage_id == stage.id {
        return;
    }
    let moved = move_stage(&deal, stage, Utc::now(), user);
    let l = ctx.i18n.locale();
    let to = stage_name(&pipeline, stage, l);
    let back = stage_label(Some(&pipeline), &deal.stage_id, l);
    let done = ctx.i18n.t(SalesMsg::Moved(deal.title.clone(), to));
    let undone = ctx.i18n.t(SalesMsg::Moved(deal.title.clone(), back));
    let prev = ctx.cache.rev(id);
    save_then_toast(ctx, moved, prev, done, Some((deal, undone)));
}

/// Saves `edited` over `base`, the pipeline the editor started from: a conflict when the
/// stored pipeline is no longer `base` (changed on another device), so no change is lost.
/// Then the open deals still at a changed stage's old default take the new one (core's
/// `follow_stage_probabilities`), in one batch; a deal changed elsewhere meanwhile keeps its
/// probability (its write is a conflict). The board shows it all at once.
pub async fn save_pipeline(
    ctx: SalesCtx,
    base: &Pipeline,
    edited: &Pipeline,
) -> Result<(), SaveError> {
    let store = ctx.store();
    let stored = (store.get(&edited.id).await).map_err(|e| SaveError::from(&e))?;
    let prev = match stored {
        Some(doc) if Pipeline::from_doc(&doc).ok().as_ref() != Some(base) => {
            return Err(SaveError::Conflict);
        }
        doc => doc.map(|d| d.rev),
    };
    let edit = Edit {
        id: edited.id.clone(),
        prev,
        deleted: false,
        body: edited.to_body(),
    };
    write(&store, edit).await?;
    ctx.cache.pipelines.update(|all| {
        let v = Arc::make_mut(all);
        match v.iter_mut().find(|p| p.id == edited.id) {
            Some(slot) => *slot = edited.clone(),
            None => v.push(edited.clone()),
        }
    });
    let now = Utc::now();
    let user = edited.meta.updated_by.clone();
    let deals = (ctx.cache.deals)
        .with_untracked(|d| follow_stage_probabilities(base, edited, d, now, &user));
    let edits: Vec<Edit> = (deals.iter())
        .map(|d| Edit {
            id: d.id.clone(),
            prev: ctx.cache.rev(&d.id),
            deleted: false,
            body: d.to_body(),
        })
        .collect();
    if !edits.is_empty() {
        let results = store.bulk_docs(edits).await.unwrap_or_default();
        for (d, r) in deals.iter().zip(results) {
            if let Ok(rev) = r {
                ctx.cache.apply(d, rev);
            }
        }
    }
    ctx.cache.wrote(ctx.version);
    Ok(())
}

/// Saves `edited` over `base` and toasts it with an Undo that saves `base` back over it (a
/// change made in between is a conflict, not lost); errors are toasted. `done` runs after a
/// save (the editor takes the saved pipeline as its new base).
pub fn save_pipeline_with_undo(
    ctx: SalesCtx,
    base: Pipeline,
    edited: Pipeline,
    done: impl Fn(Pipeline) + Clone + Send + Sync + 'static,
) {
    leptos::task::spawn_local(async move {
        match save_pipeline(ctx, &base, &edited).await {
            Ok(()) => {
                done(edited.clone());
                ctx.toasts
                    .show_undo(ctx.i18n.t(SalesMsg::PipelineSaved), move || {
                        let (base, edited, done) = (base.clone(), edited.clone(), done.clone());
                        leptos::task::spawn_local(async move {
                            match save_pipeline(ctx, &edited, &base).await {
                                Ok(()) => {
                                    done(base);
                                    ctx.toasts
                                        .show(ctx.i18n.t(SalesMsg::PipelineRestored), None);
                                }
                                Err(e) => ctx.show_error(e),
                            }
                        });
                    });
            }
            Err(e) => ctx.show_error(e),
        }
    });
}

/// Creates pipeline `p` and toasts it; errors are toasted. `done` runs after the creation
/// (the editor shows the saved pipeline). Deleting it is the way back.
pub fn create_pipeline(ctx: SalesCtx, p: Pipeline, done: impl FnOnce(Pipeline) + 'static) {
    leptos::task::spawn_local(async move {
        // Over itself: nothing stored yet, so a plain creation (a conflict if the id is taken).
        match save_pipeline(ctx, &p, &p).await {
            Ok(()) => {
                done(p);
                ctx.toasts.show(ctx.i18n.t(SalesMsg::PipelineCreated), None);
            }
            Err(e) => ctx.show_error(e),
        }
    });
}

/// Deletes pipeline `p` as the editor read it (a conflict when it changed elsewhere since) and
/// toasts it with an Undo that writes it back. The caller checks first that it may go (core's
/// `check_pipeline_delete`).
pub fn delete_pipeline_with_undo(ctx: SalesCtx, p: Pipeline) {
    leptos::task::spawn_local(async move {
        let store = ctx.store();
        let stored = (store.get(&p.id).await).map_err(|e| SaveError::from(&e));
        let same = |d: &Doc| Pipeline::from_doc(d).ok().as_ref() == Some(&p);
        let doc = match stored {
            Ok(Some(doc)) if same(&doc) => doc,
            Ok(_) => return ctx.show_error(SaveError::Conflict),
            Err(e) => return ctx.show_error(e),
        };
        let mut tomb = Body::new();
        tomb.insert("type".into(), PIPELINE_TYPE.into());
        let edit = Edit {
            id: p.id.clone(),
            prev: Some(doc.rev),
            deleted: true,
            body: tomb,
        };
        match write(&store, edit).await {
            Ok(deletion) => {
                (ctx.cache.pipelines).update(|all| Arc::make_mut(all).retain(|x| x.id != p.id));
                ctx.cache.wrote(ctx.version);
                ctx.toasts
                    .show_undo(ctx.i18n.t(SalesMsg::PipelineDeleted), move || {
                        restore_pipeline(ctx, p.clone(), deletion.clone());
                    });
            }
            Err(e) => ctx.show_error(e),
        }
    });
}

fn restore_pipeline(ctx: SalesCtx, p: Pipeline, deletion: Rev) {
    leptos::task::spawn_local(async move {
        let edit = Edit {
            id: p.id.clone(),
            prev: Some(deletion),
            deleted: false,
            body: p.to_body(),
        };
        match write(&ctx.store(), edit).await {
            Ok(_) => {
                (ctx.cache.pipelines).update(|all| Arc::make_mut(all).push(p));
                ctx.cache.wrote(ctx.version);
                ctx.toasts
                    .show(ctx.i18n.t(SalesMsg::PipelineRestored), None);
            }
            Err(e) => ctx.show_error(e),
        }
    });
}

/// Deletes deal `doc`, runs `on_deleted`, and offers to undo.
pub fn delete_deal_with_undo(ctx: SalesCtx, doc: Doc, on_deleted: impl FnOnce() + 'static) {
    leptos::task::spawn_local(async move {
        let mut tomb = Body::new();
        tomb.insert("type".into(), DEAL_TYPE.into());
        let edit = Edit {
            id: doc.id.clone(),
            prev: Some(ctx.cache.rev(&doc.id).unwrap_or_else(|| doc.rev.clone())),
            deleted: true,
            body: tomb,
        };
        match write(&ctx.store(), edit).await {
            Ok(deletion) => {
                ctx.cache.forget(&doc.id);
                on_deleted();
                ctx.cache.wrote(ctx.version);
                ctx.toasts
                    .show_undo(ctx.i18n.t(SalesMsg::Deleted), move || {
                        restore(ctx, doc.clone(), deletion.clone());
                    });
            }
            Err(e) => ctx.show_error(e),
        }
    });
}

fn restore(ctx: SalesCtx, doc: Doc, deletion: Rev) {
    leptos::task::spawn_local(async move {
        let edit = Edit {
            id: doc.id.clone(),
            prev: Some(deletion),
            deleted: false,
            body: doc.body.clone(),
        };
        match write(&ctx.store(), edit).await {
            Ok(rev) => {
                match Deal::from_doc(&Doc {
                    rev: rev.clone(),
                    ..doc
                }) {
                    Ok(d) => {
                        ctx.cache.apply(&d, rev);
                        ctx.cache.wrote(ctx.version);
                    }
                    Err(_) => ctx.version.bump(),
                }
                ctx.toasts.show(ctx.i18n.t(SalesMsg::Restored), None);
            }
            Err(e) => ctx.show_error(e),
        }
    });
}
