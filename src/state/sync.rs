//! The live sync loop: core's [`SyncMachine`] fed with browser events (online/offline, the
//! page becoming visible, a 60 s tick, local saves) and driving runs of core's `sync()`
//! against the configured server. Nothing in the UI waits on it: pages read and write the
//! local store; the loop pushes within a second of a save and bumps the data version when a
//! pull brought changes. Conflicts a run brought that merge without asking (different fields
//! changed on each side, against the base this device kept) are resolved right after it, and the
//! next run pushes the resolution: the user never sees them.
//!
//! The remote is type-erased behind a [`Runner`] so tests connect core's `MemoryRemote` where
//! the app connects the HTTP remote.

mod browser;
mod config;
mod conflicts;
mod engine;
mod http;

use crate::state::effect;
use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

use cartera_core::store::{DocStore, StoreError};
use cartera_core::sync::{
    Next, Progress, Remote, SyncEvent, SyncMachine, SyncState, auto_merge_since,
};
use leptos::prelude::*;

pub use cartera_core::sync::resolve_conflict;
pub use config::{
    DEFAULT_DB, SyncConfig, default_server, forget_config, load_config, normalize_server,
};
pub use conflicts::{ConflictView, FieldChoice, chosen_body, field, load_conflict};
pub use engine::{
    PENDING_CAP, Refused, ReplicationIds, RunOutcome, load_refused, pending_count, reason_code,
    replication_ids, run_once, update_refused,
};
pub use http::{LoginError, connect_when_open, sign_in, sign_out};

use super::{DataVersion, Store};

/// What the loop carries out for one run (push then pull, then bookkeeping).
pub type Runner = Rc<dyn Fn(Rc<dyn Fn(Progress)>) -> Pin<Box<dyn Future<Output = RunResult>>>>;

/// A run's outcome with the bookkeeping read after it (`None` where reading failed).
pub struct RunResult {
    pub outcome: RunOutcome,
    pub refused: Option<Vec<Refused>>,
    pub pending: Option<usize>,
    /// The local store changed during the run: lists must read again. More than
    /// `outcome.pulled() > 0`, which counts checkpointed batches only: a run cut between
    /// writing a pulled batch and its checkpoint leaves the batch in the store uncounted, and
    /// the rerun finds nothing new to count.
    pub changed: bool,
    /// Conflicts resolved without asking after the run: the next run pushes them.
    pub merged: usize,
}

/// Debounce between a local save and the push it triggers.
const SAVE_DEBOUNCE_MS: u64 = 700;

struct Inner {
    machine: SyncMachine,
    runner: Option<Runner>,
    store: Option<Store>,
    push_id: Option<String>,
    running: bool,
    /// Bumped to cancel a scheduled retry or a pending debounced push.
    retry_gen: u64,
    save_gen: u64,
    /// The data version was bumped by this loop (a pull), not by a save. The run that follows
    /// a pull pushes anyway, so skipping a save coalesced with it loses nothing.
    own_bump: bool,
}

/// The sync service, kept in context. Cheap to copy.
#[derive(Clone, Copy)]
pub struct SyncService {
    state: RwSignal<SyncState>,
    config: RwSignal<Option<SyncConfig>>,
    pending: RwSignal<Option<usize>>,
    refused: RwSignal<Vec<Refused>>,
    inner: StoredValue<RefCell<Inner>, LocalStorage>,
    version: DataVersion,
}

impl SyncService {
    /// What the status indicator shows; reactive.
    pub fn state(&self) -> SyncState {
        self.state.get()
    }

    /// The configured server and user, `None` until signed in; reactive.
    pub fn config(&self) -> Option<SyncConfig> {
        self.config.get()
    }

    /// Local changes not yet pushed (up to [`PENDING_CAP`]); `None` until counted. Reactive.
    pub fn pending(&self) -> Option<usize> {
        self.pending.get()
    }

    /// Revisions the server refused; reactive.
    pub fn refused(&self) -> Vec<Refused> {
        self.refused.get()
    }

    /// Why the server refused the current revision of `id`, if it did; reactive.
    pub fn refusal_for(&self, id: &str) -> Option<Refused> {
        self.refused
            .with(|list| list.iter().find(|r| r.id == id).cloned())
    }

    /// The user pressed Retry.
    pub fn retry(&self) {
        self.dispatch(SyncEvent::RetryRequested);
    }

    /// Starts syncing `store` with `remote` as `config` says (after signing in, or at startup
    /// with a saved configuration) and remembers `config`.
    pub async fn connect<R: Remote + 'static>(
        &self,
        store: Store,
        remote: R,
        config: SyncConfig,
    ) -> Result<(), StoreError> {
        let fresh = uuid::Uuid::now_v7().to_string();
        let ids = replication_ids(&*store, &config.db_url(), &fresh).await?;
        let refused = load_refused(&*store).await?;
        let pending = pending_count(&*store, &ids.push).await?;
        let runner = make_runner(store.clone(), remote, ids.clone());
        config::save_config(Some(&config));
        self.inner.with_value(|i| {
            let mut i = i.borrow_mut();
            i.runner = Some(runner);
            i.store = Some(store);
            i.push_id = Some(ids.push);
        });
        self.refused.set(refused);
        self.pending.set(Some(pending));
        self.config.set(Some(config));
        self.dispatch(if browser::is_online() {
            SyncEvent::RetryRequested
        } else {
            SyncEvent::Offline
        });
        Ok(())
    }

    /// Stops syncing and forgets the configuration (signing out). A run under way ends on its
    /// own; its result is ignored.
    pub fn disconnect(&self) {
        config::save_config(None);
        self.inner.with_value(|i| {
            let mut i = i.borrow_mut();
            i.runner = None;
            i.push_id = None;
            i.retry_gen += 1;
            i.machine = SyncMachine::new(browser::is_online(), i.machine.seed);
        });
        self.config.set(None);
        self.pending.set(None);
    }

    /// Feeds an event to the machine and carries out what it answers.
    pub fn dispatch(&self, event: SyncEvent) {
        let Some((next, state)) = self.inner.try_with_value(|i| {
            let mut i = i.borrow_mut();
            let next = i.machine.on(event);
            (next, i.machine.state.clone())
        }) else {
            return;
        };
        self.state.set(state);
        self.act(next);
    }

    fn act(&self, next: Next) {
        match next {
            Next::RunNow => {
                self.cancel_retry();
                self.start_run();
            }
            Next::RetryAfter(delay) => {
                let generation = self.cancel_retry();
                let this = *self;
                set_timeout(
                    move || {
                        if this.retry_generation() == Some(generation) {
                            this.start_run();
                        }
                    },
                    delay,
                );
            }
            Next::Wait => {}
            Next::WaitForOnline | Next::WaitForUser => {
                self.cancel_retry();
            }
        }
    }

    /// Invalidates any scheduled retry; returns the new generation.
    fn cancel_retry(&self) -> u64 {
        self.inner
            .try_with_value(|i| {
                let mut i = i.borrow_mut();
                i.retry_gen += 1;
                i.retry_gen
            })
            .unwrap_or_default()
    }

    fn retry_generation(&self) -> Option<u64> {
        self.inner.try_with_value(|i| i.borrow().retry_gen)
    }

    /// Starts a run unless one is going (then it runs again when that one ends).
    fn start_run(&self) {
        let runner = self.inner.try_with_value(|i| {
            let mut i = i.borrow_mut();
            if i.running {
                i.machine.dirty = true;
                return None;
            }
            let runner = i.runner.clone()?;
            i.running = true;
            Some(runner)
        });
        let Some(runner) = runner.flatten() else {
            return;
        };
        self.dispatch(SyncEvent::Started);
        let this = *self;
        leptos::task::spawn_local(async move {
            let progress: Rc<dyn Fn(Progress)> =
                Rc::new(move |p| this.dispatch(SyncEvent::Progressed(p)));
            let result = runner(progress).await;
            this.finish(&runner, result);
        });
    }

    /// Applies a run's result, unless the loop was disconnected or reconnected meanwhile.
    fn finish(&self, runner: &Runner, result: RunResult) {
        let current = self.inner.try_with_value(|i| {
            let mut i = i.borrow_mut();
            i.running = false;
            i.runner.as_ref().is_some_and(|r| Rc::ptr_eq(r, runner))
        });
        if current != Some(true) {
            return;
        }
        if let Some(refused) = result.refused {
            self.refused.set(refused);
        }
        if result.pending.is_some() {
            self.pending.set(result.pending);
        }
        if result.changed {
            self.inner.with_value(|i| i.borrow_mut().own_bump = true);
            self.version.bump();
        }
        let event = match result.outcome.error {
            None => SyncEvent::Finished {
                at: chrono::Utc::now(),
                more: result.outcome.more() || result.merged > 0,
            },
            Some(code) => SyncEvent::Failed(code),
        };
        self.dispatch(event);
    }

    /// A local save: recount what is waiting and push after a short pause (saves in a burst
    /// make one push).
    fn saved(&self) {
        let Some(generation) = self.inner.try_with_value(|i| {
            let mut i = i.borrow_mut();
            if std::mem::take(&mut i.own_bump) {
                return None;
            }
            i.save_gen += 1;
            Some(i.save_gen)
        }) else {
            return;
        };
        let Some(generation) = generation else {
            return;
        };
        let this = *self;
        set_timeout(
            move || {
                let latest = this.inner.try_with_value(|i| i.borrow().save_gen);
                if latest == Some(generation) {
                    this.recount();
                    this.dispatch(SyncEvent::Changed);
                }
            },
            std::time::Duration::from_millis(SAVE_DEBOUNCE_MS),
        );
    }

    fn recount(&self) {
        let Some(Some((store, push_id))) = self.inner.try_with_value(|i| {
            let i = i.borrow();
            Some((i.store.clone()?, i.push_id.clone()?))
        }) else {
            return;
        };
        let pending = self.pending;
        leptos::task::spawn_local(async move {
            if let Ok(n) = pending_count(&*store, &push_id).await {
                pending.try_set(Some(n));
            }
        });
    }
}

fn make_runner<R: Remote + 'static>(store: Store, remote: R, ids: ReplicationIds) -> Runner {
    let remote = Rc::new(remote);
    Rc::new(move |progress: Rc<dyn Fn(Progress)>| {
        let (store, remote, ids) = (store.clone(), remote.clone(), ids.clone());
        Box::pin(async move {
            let mut report = |p: Progress| progress(p);
            let seq_before = update_seq(&*store).await;
            let outcome = run_once(&*store, &*remote, &ids, &mut report).await;
            let changed = outcome.pulled() > 0 || update_seq(&*store).await != seq_before;
            let merged = match (changed, seq_before) {
                // A failure leaves the conflict to the resolution screen.
                (true, Some(seq)) => auto_merge_since(&*store, seq).await.unwrap_or(0),
                _ => 0,
            };
            let new: Vec<_> = outcome
                .report
                .push
                .refused
                .iter()
                .chain(&outcome.report.pull.refused)
                .cloned()
                .collect();
            let refused = update_refused(&*store, &new).await.ok();
            let pending = pending_count(&*store, &ids.push).await.ok();
            RunResult {
                outcome,
                refused,
                pending,
                changed,
                merged,
            }
        })
    })
}

/// The local store's update sequence (`None` when it cannot be read); `_local` documents such
/// as checkpoints do not move it.
async fn update_seq(store: &impl DocStore) -> Option<u64> {
    store.info().await.ok().map(|i| i.update_seq)
}

/// Provides the sync service and wires it to the browser: online/offline, the page becoming
/// visible, a periodic tick and local saves (the data version). Call once, in `App`, after
/// `provide_data_version`. Connecting happens on sign-in, or at startup through
/// [`connect_saved`] once the store is open.
pub fn provide_sync(version: DataVersion) -> SyncService {
    let online = browser::is_online();
    let seed = browser::random_seed();
    let service = SyncService {
        state: RwSignal::new(SyncMachine::new(online, seed).state),
        config: RwSignal::new(load_config()),
        pending: RwSignal::new(None),
        refused: RwSignal::new(Vec::new()),
        inner: StoredValue::new_local(RefCell::new(Inner {
            machine: SyncMachine::new(online, seed),
            runner: None,
            store: None,
            push_id: None,
            running: false,
            retry_gen: 0,
            save_gen: 0,
            own_bump: false,
        })),
        version,
    };
    provide_context(service);
    browser::listen(service);
    let mut first = true;
    effect(move || {
        version.track();
        if !std::mem::take(&mut first) {
            service.saved();
        }
    });
    service
}

/// Panics only when the app root did not provide it (a programming error).
pub fn expect_sync() -> SyncService {
    expect_context::<SyncService>()
}
