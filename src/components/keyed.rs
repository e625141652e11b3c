//! [`keyed`]: Leptos' `<For>` (a list that keeps each row's DOM and state while rows come, go
//! and move), with ONE copy of its keyed-diffing code in the wasm for the whole app.
//!
//! `<For>` is generic over the item, key and row view types, so each use was its own ~2 KB copy
//! of the list machinery. Here every list is a `<For>` over the same erased row type: a `String`
//! key and a boxed function that builds the row's view, which runs only for keys not yet shown.

use leptos::prelude::*;
use send_wrapper::SendWrapper;

/// One row: its key and, if the row is new, the function that builds it.
struct Row {
    key: String,
    build: SendWrapper<Box<dyn FnOnce() -> AnyView>>,
}

type Rows = SendWrapper<Box<dyn Fn() -> Vec<Row>>>;

/// The rows of `each()` (re-run when the signals it reads change), one per `key`, each built
/// by `row`. Keys must be unique within the list, as with `<For>`.
pub fn keyed<T: 'static>(
    each: impl Fn() -> Vec<T> + 'static,
    key: impl Fn(&T) -> String + 'static,
    row: impl Fn(T) -> AnyView + Clone + 'static,
) -> AnyView {
    let rows = move || {
        each()
            .into_iter()
            .map(|item| {
                let row = row.clone();
                Row {
                    key: key(&item),
                    build: SendWrapper::new(
                        Box::new(move || row(item)) as Box<dyn FnOnce() -> AnyView>
                    ),
                }
            })
            .collect()
    };
    keyed_dyn(SendWrapper::new(Box::new(rows)))
}

/// The one `<For>`.
#[inline(never)]
fn keyed_dyn(rows: Rows) -> AnyView {
    view! {
        <For each=move || rows() key=|r: &Row| r.key.clone() let:r>
            {(r.build.take())()}
        </For>
    }
    .into_any()
}
