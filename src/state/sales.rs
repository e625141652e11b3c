//! Sales data for the pipeline, deals and forecast screens: every deal, pipeline and quota in
//! memory (5k open deals are a few MB), reloaded when the data version moves, and the writes
//! those screens make (save, move a stage with undo, close, reopen, delete with undo).
//!
//! **Own writes do not reload.** A write of these screens updates the cache in place
//! ([`SalesCache::apply`]) and bumps the data version for the other screens; when the cache was
//! current before that write and no load is running, the reload the bump would start is
//! skipped (reading 5k deals back takes a few hundred ms, which would freeze the board after
//! every drag). Any other bump (sync, another service) reloads, and so does opening a page.
//!
//! **The default pipeline.** When the store holds no pipeline, the first screen that needs one
//! writes core's `sample_pipeline` (id `pipeline-sample`, stage ids `s1`-`s5`) made at a fixed
//! time ([`DEFAULT_PIPELINE_AT`]), so every device writes the same body and so the same
//! revision (`1-<md5 of the body>`): devices never conflict over it, and a push finds it on the
//! server already once one device with the right (manager or admin: the server refuses
//! pipelines from reps) has pushed it. A device signed in as a rep does not write it (it uses
//! it in memory until it arrives from the server); one that wrote it before signing in as a
//! rep and pushes it first is refused, flagged like any refusal, and keeps it. Its stored stage
//! names are Spanish records, but the UI shows the catalogue's words for those stage ids while
//! the stored name is still the sample's ([`stage_name`]): a Spanish and an English rep see
//! their own language, and a name an admin changes is shown as typed.

use cartera_core::sort;
use std::collections::HashMap;
use std::sync::Arc;

use cartera_core::domain::money::DecimalSeparator;
use cartera_core::domain::sales::{
    DEAL_TYPE, Deal, PIPELINE_TYPE, Pipeline, QUOTA_TYPE, Quota, SAMPLE_PIPELINE_ID, Stage,
    sample_pipeline,
};
use cartera_core::store::{DocStore, Edit, Query, Rev, StoreError};
use chrono::{FixedOffset, Offset, Utc};
use leptos::prelude::*;

use super::records::CacheStatus;
use super::{DataVersion, Store};
use crate::i18n::{ErrorMsg, Locale, SalesMsg};

mod writes;

pub use writes::{
    SalesCtx, create_pipeline, delete_deal_with_undo, delete_pipeline_with_undo, move_deal,
    save_and_toast, save_deal, save_pipeline, save_pipeline_with_undo,
};

/// The sales service, kept in context; `Copy`.
#[derive(Clone, Copy)]
pub struct SalesCache {
    /// Every deal (open and closed), in id order.
    pub deals: RwSignal<Arc<Vec<Deal>>>,
    pub pipelines: RwSignal<Arc<Vec<Pipeline>>>,
    pub quotas: RwSignal<Arc<Vec<Quota>>>,
    pub status: RwSignal<CacheStatus>,
    /// The revision each deal was read at (the parent of its next save).
    revs: StoredValue<HashMap<String, Rev>>,
    busy: StoredValue<bool>,
    again: StoredValue<bool>,
    /// The data version the cache reflects: set when a load starts, moved along by the cache's
    /// own writes (see the module docs).
    current: StoredValue<Option<u64>>,
}

impl SalesCache {
    fn new() -> Self {
        Self {
            deals: RwSignal::new(Arc::default()),
            pipelines: RwSignal::new(Arc::default()),
            quotas: RwSignal::new(Arc::default()),
            status: RwSignal::new(CacheStatus::Empty),
            revs: StoredValue::new(HashMap::new()),
            busy: StoredValue::new(false),
            again: StoredValue::new(false),
            current: StoredValue::new(None),
        }
    }

    /// Loads (or reloads) everything; never runs twice at once.
    pub fn sync_with(&self, store: Store) {
        if self.busy.get_value() {
            self.again.set_value(true);
            return;
        }
        self.busy.set_value(true);
        let cache = *self;
        leptos::task::spawn_local(async move {
            loop {
                cache.again.set_value(false);
                if let Err(e) = cache.load(&store).await {
                    cache.current.set_value(None);
                    cache
                        .status
                        .try_set(CacheStatus::Failed(ErrorMsg::from(&e)));
                }
                if !cache.again.get_value() {
                    break;
                }
            }
            cache.busy.set_value(false);
        });
    }

    async fn load(&self, store: &Store) -> Result<(), StoreError> {
        if self.status.get_untracked() != CacheStatus::Ready {
            self.status.set(CacheStatus::Loading);
        }
        let by_type = |t: &str| Query::ByType { doc_type: t.into() };
        let mut pipelines: Vec<Pipeline> = (store.query(&by_type(PIPELINE_TYPE)).await?.iter())
            .filter_map(|d| Pipeline::from_doc(d).ok())
            .collect();
        if pipelines.is_empty() {
            pipelines.push(create_default_pipeline(store).await?);
        }
        sort::sort_by(&mut pipelines, |a, b| {
            (!a.is_default, &a.name, &a.id).cmp(&(!b.is_default, &b.name, &b.id))
        });
        let quotas: Vec<Quota> = (store.query(&by_type(QUOTA_TYPE)).await?.iter())
            .filter_map(|d| Quota::from_doc(d).ok())
            .collect();
        let docs = store.query(&by_type(DEAL_TYPE)).await?;
        // Reading (a page a task, see `idb::read::by_type`), parsing (a thousand a task) and drawing
        // 5k deals are short main-thread tasks, not one long one.
        next_task().await;
        let mut revs = HashMap::with_capacity(docs.len());
        let mut deals: Vec<Deal> = Vec::with_capacity(docs.len());
        for (i, doc) in docs.into_iter().enumerate() {
            // Parsed a thousand at a time, each batch its own main-thread task.
            if i % 1000 == 999 {
                next_task().await;
            }
            if let Ok(d) = Deal::from_doc(&doc) {
                revs.insert(doc.id, doc.rev);
                deals.push(d);
            }
        }
        sort::sort_by(&mut deals, |a, b| a.id.cmp(&b.id));
        next_task().await;
        self.revs.set_value(revs);
        self.pipelines.set(Arc::new(pipelines));
        self.quotas.set(Arc::new(quotas));
        self.deals.set(Arc::new(deals));
        // Setting it again would rebuild every view that matches on it (the whole board).
        if self.status.get_untracked() != CacheStatus::Ready {
            self.status.set(CacheStatus::Ready);
        }
        Ok(())
    }

    /// Shows a saved deal at once (before the reload the version bump starts).
    pub fn apply(&self, deal: &Deal, rev: Rev) {
        self.revs.update_value(|r| {
            r.insert(deal.id.clone(), rev);
        });
        self.deals.update(|all| {
            let v = Arc::make_mut(all);
            match v.binary_search_by(|d| d.id.cmp(&deal.id)) {
                Ok(i) => {
                    if let Some(slot) = v.get_mut(i) {
                        *slot = deal.clone();
                    }
                }
                Err(i) => v.insert(i, deal.clone()),
            }
        });
    }

    /// Bumps the data version after a write this cache already shows.
    fn wrote(&self, version: DataVersion) {
        let before = version.untracked();
        version.bump();
        if self.current.get_value() == Some(before) && !self.busy.get_value() {
            self.current.set_value(Some(version.untracked()));
        }
    }

    /// Removes a deleted deal.
    pub fn forget(&self, id: &str) {
        self.revs.update_value(|r| {
            r.remove(id);
        });
        self.deals
            .update(|all| Arc::make_mut(all).retain(|d| d.id != id));
    }

    /// The deal `id`, if loaded; untracked.
    pub fn deal(&self, id: &str) -> Option<Deal> {
        self.deals.with_untracked(|all| {
            (all.binary_search_by(|d| d.id.as_str().cmp(id)).ok()).and_then(|i| all.get(i).cloned())
        })
    }

    /// The revision deal `id` was read at.
    pub fn rev(&self, id: &str) -> Option<Rev> {
        self.revs.with_value(|r| r.get(id).cloned())
    }

    /// The pipeline new deals go to; reactive.
    pub fn default_pipeline(&self) -> Option<Pipeline> {
        self.pipelines
            .with(|p| (p.iter().find(|p| p.is_default)).or(p.first()).cloned())
    }

    /// The pipeline `id`; reactive.
    pub fn pipeline(&self, id: &str) -> Option<Pipeline> {
        self.pipelines
            .with(|p| p.iter().find(|p| p.id == id).cloned())
    }

    /// The pipeline `id`; untracked.
    fn pipeline_untracked(&self, id: &str) -> Option<Pipeline> {
        self.pipelines
            .with_untracked(|p| p.iter().find(|p| p.id == id).cloned())
    }
}

/// Resolves in a later main-thread task (`setTimeout(0)`).
async fn next_task() {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        let later = web_sys::window()
            .map(|w| w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0));
        if !matches!(later, Some(Ok(_))) {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(p).await;
}

/// When the default pipeline is made (2026-01-01T00:00:00Z): a fixed time, so every device
/// writes the same document (see the module docs).
const DEFAULT_PIPELINE_AT: i64 = 1_767_225_600;

/// The team's default pipeline as every device first writes it.
pub fn default_pipeline() -> Pipeline {
    sample_pipeline(chrono::DateTime::from_timestamp(DEFAULT_PIPELINE_AT, 0).unwrap_or_default())
}

/// Writes the sample pipeline as the team's default (see the module docs). A device signed in
/// as a user who may not set up the team (a rep) only uses it in memory: the server would
/// refuse it, and it arrives from the server once a manager's or admin's device has written it.
async fn create_default_pipeline(store: &Store) -> Result<Pipeline, StoreError> {
    let p = default_pipeline();
    if super::sync::load_config().is_some_and(|c| !c.configures_team()) {
        return Ok(p);
    }
    let edit = Edit {
        id: p.id.clone(),
        prev: None,
        deleted: false,
        body: p.to_body(),
    };
    // A conflict means another tab or device wrote it first: the same pipeline, keep going.
    let _ = store.bulk_docs(vec![edit]).await?;
    Ok(p)
}

/// Creates the service and puts it in context (the app root calls it).
pub fn provide_sales() -> SalesCache {
    let cache = SalesCache::new();
    provide_context(cache);
    cache
}

/// The sales service. Without one provided by the app root, the first caller installs it at
/// the root of the reactive tree, so it outlives the pages.
pub fn expect_sales() -> SalesCache {
    super::context_or_root(provide_sales)
}

/// Keeps the cache in step with the store; call it in each page that shows sales data.
pub fn follow_sales(cache: SalesCache, store: Store) {
    let version = super::expect_data_version();
    // The first run (a page opening) always reloads: another tab may have written.
    Effect::new(move |opened: Option<()>| {
        let v = version.track();
        if opened.is_none() || cache.current.get_value() != Some(v) {
            cache.current.set_value(Some(v));
            cache.sync_with(store.clone());
        }
    });
}

/// The stage's name for the user (see the module docs on the default pipeline).
pub fn stage_name(pipeline: &Pipeline, stage: &Stage, locale: Locale) -> String {
    if pipeline.id == SAMPLE_PIPELINE_ID {
        let sample = default_pipeline();
        if sample
            .stage(&stage.id)
            .is_some_and(|s| s.name == stage.name)
        {
            return crate::i18n::Message::text(
                &SalesMsg::DefaultStage(stage_number(&stage.id)),
                locale,
            )
            .into_owned();
        }
    }
    stage.name.clone()
}

fn stage_number(id: &str) -> u8 {
    id.trim_start_matches('s').parse().unwrap_or(0)
}

/// The name of stage `stage_id` of `pipeline`, or the id when the stage is gone.
pub fn stage_label(pipeline: Option<&Pipeline>, stage_id: &str, locale: Locale) -> String {
    pipeline
        .and_then(|p| p.stage(stage_id).map(|s| stage_name(p, s, locale)))
        .unwrap_or_else(|| stage_id.to_owned())
}

/// How amounts are typed in `locale`.
pub fn decimal_separator(locale: Locale) -> DecimalSeparator {
    match locale {
        Locale::Es => DecimalSeparator::Comma,
        Locale::En => DecimalSeparator::Dot,
    }
}

/// The team's calendar: this device's UTC offset (until teams store theirs).
pub fn team_offset() -> FixedOffset {
    let minutes = js_sys::Date::new_0().get_timezone_offset();
    let east = -(minutes as i32) * 60;
    FixedOffset::east_opt(east).unwrap_or_else(|| Utc.fix())
}
