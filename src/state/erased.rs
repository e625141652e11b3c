//! Type-erased front doors to Leptos' reactive primitives, so the wasm holds ONE copy of their
//! machinery instead of one per value type and closure (the wasm size budget, ARCHITECTURE.md).
//!
//! [`Res<T>`]: a page's async data, like Leptos' `LocalResource<T>`; [`effect`]: `Effect::new`;
//! [`Job<I>`]: what a button starts, like `Action::new_local`.
//!
//! Why: `LocalResource::new` is generic over the value and the future, so each page's resource
//! was its own copy of Leptos' async-derived task loop and future plumbing (~1.6 KB of wasm
//! each, 28 copies). Here the one `LocalResource` type holds an erased value (`Rc<dyn Any>`)
//! and polls a boxed future; only the thin typed wrapper below is per page.
//!
//! Measured on the release wasm: `Res` -11 KiB brotli, `effect` -2.4 KiB, `Job` -3.3 KiB. The
//! same wrapper for `Memo::new` and `Signal::derive` saved nothing (they stay generic per value
//! type anyway).
//!
//! Use `Res` like `LocalResource`: `let data = resource(move || { version.track(); async move {…} })`,
//! then `data.await` inside `Suspend::new` or `data.get()` (None while loading) in a closure.

use std::any::Any;
use std::future::{Future, IntoFuture};
use std::marker::PhantomData;
use std::pin::Pin;
use std::rc::Rc;

use leptos::prelude::*;
use send_wrapper::SendWrapper;

/// The value every resource holds: a `T` behind `dyn Any` (the resource stays on this thread).
#[derive(Clone)]
struct Erased(SendWrapper<Rc<dyn Any>>);

type Fetch = Box<dyn Fn() -> Pin<Box<dyn Future<Output = Erased>>>>;

/// A page's async data of type `T`; `Copy`, like the Leptos resource it wraps.
pub struct Res<T> {
    inner: LocalResource<Erased>,
    ty: PhantomData<fn() -> T>,
}

impl<T> Clone for Res<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for Res<T> {}

/// Runs `fetcher` now and again whenever a signal it read changes (as `LocalResource::new`).
pub fn resource<T: 'static, Fut: Future<Output = T> + 'static>(
    fetcher: impl Fn() -> Fut + 'static,
) -> Res<T> {
    Res {
        inner: erased(Box::new(move || {
            let fut = fetcher();
            Box::pin(async move { Erased(SendWrapper::new(Rc::new(fut.await) as Rc<dyn Any>)) })
        })),
        ty: PhantomData,
    }
}

/// The one non-generic `LocalResource`.
#[inline(never)]
fn erased(fetch: Fetch) -> LocalResource<Erased> {
    LocalResource::new(fetch)
}

/// The `T` that [`resource`] stored. Only `resource::<T>` builds a `Res<T>`, and it stores
/// nothing but `T`, so the downcast cannot fail.
fn typed<T: Clone + 'static>(value: Erased) -> T {
    match value.0.take().downcast::<T>() {
        Ok(v) => Rc::unwrap_or_clone(v),
        Err(_) => unreachable!("Res<T> holds a T"),
    }
}

impl<T: Clone + 'static> Res<T> {
    /// The latest value (tracked); `None` until the first load finished.
    pub fn get(&self) -> Option<T> {
        self.inner.get().map(typed)
    }
}

impl<T: Clone + 'static> IntoFuture for Res<T> {
    type Output = T;
    type IntoFuture = Pin<Box<dyn Future<Output = T> + Send>>;

    fn into_future(self) -> Self::IntoFuture {
        let value = self.inner.into_future();
        Box::pin(async move { typed(value.await) })
    }
}

/// `Effect::new(move |_| f())` with ONE copy of Leptos' effect loop for every effect (each
/// closure type given to `Effect::new` was its own ~0.8 KB copy).
pub fn effect(f: impl FnMut() + 'static) {
    effect_dyn(Box::new(f));
}

#[inline(never)]
fn effect_dyn(mut f: Box<dyn FnMut()>) {
    Effect::new(move |_| f());
}

type JobFn<I> = Rc<dyn Fn(&I) -> Pin<Box<dyn Future<Output = ()>>>>;

/// What a button starts and waits for, like `Action::new_local` (the app only ever used its
/// `dispatch` and `pending`): `job.dispatch(input)` runs `f(&input)` under the owner that made
/// the job (so `expect_*` works inside), and `job.pending().get()` is true while a run is going.
pub struct Job<I: 'static> {
    run: StoredValue<(JobFn<I>, Option<Owner>), LocalStorage>,
    busy: RwSignal<u32>,
}

impl<I> Clone for Job<I> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<I> Copy for Job<I> {}

/// A [`Job`] running `f`.
pub fn job<I: 'static, Fut: Future<Output = ()> + 'static>(
    f: impl Fn(&I) -> Fut + 'static,
) -> Job<I> {
    let run: JobFn<I> = Rc::new(move |input: &I| Box::pin(f(input)));
    Job {
        run: StoredValue::new_local((run, Owner::current())),
        busy: RwSignal::new(0),
    }
}

impl<I: 'static> Job<I> {
    /// Starts a run with `input` (runs may overlap, as with `Action`).
    pub fn dispatch(&self, input: I) {
        let Some((run, owner)) = self.run.try_get_value() else {
            return; // the page that made the job is gone
        };
        let fut = match &owner {
            Some(owner) => owner.with(|| run(&input)),
            None => run(&input),
        };
        start(self.busy, owner, fut);
    }

    /// Whether a run is going (tracked).
    pub fn pending(&self) -> Busy {
        Busy(self.busy)
    }
}

/// [`Job::pending`]: `get()` is true while a run is going.
#[derive(Clone, Copy)]
pub struct Busy(RwSignal<u32>);

impl Busy {
    pub fn get(&self) -> bool {
        self.0.get() > 0
    }
}

#[inline(never)]
fn start(busy: RwSignal<u32>, owner: Option<Owner>, fut: Pin<Box<dyn Future<Output = ()>>>) {
    busy.update(|n| *n += 1);
    let task = async move {
        fut.await;
        busy.try_update(|n| *n = n.saturating_sub(1));
    };
    match owner {
        Some(owner) => owner.with(|| leptos::task::spawn_local_scoped(task)),
        None => leptos::task::spawn_local(task),
    }
}
