//! A windowed list that stays smooth with 100k rows: rows have a fixed height, only the visible
//! rows plus an overscan are in the DOM, and a sized inner list gives the scrollbar its range.
//!
//! Keyboard (desktop): ↑/↓ move between rows, PageUp/PageDown jump a screen, Home/End go to the
//! ends; the focused row is kept in view. Rows are ordinary links, so Enter opens them.

use crate::components::keyed::keyed;
use crate::state::effect;
use std::sync::Arc;

use leptos::{ev, html, prelude::*};
use wasm_bindgen::JsCast;

/// Rows rendered above and below the visible window, so fast flicks do not show blanks.
const OVERSCAN: usize = 6;
/// Viewport height assumed before the list is measured (a phone screen).
const DEFAULT_VIEWPORT: f64 = 700.0;

/// The rows `[start, end)` to render for a scroll position.
fn window(scroll_top: f64, viewport: f64, row_height: f64, len: usize) -> (usize, usize) {
    if len == 0 || row_height <= 0.0 {
        return (0, 0);
    }
    let first = (scroll_top.max(0.0) / row_height).floor() as usize;
    let visible = (viewport.max(row_height) / row_height).ceil() as usize + 1;
    let start = first.saturating_sub(OVERSCAN).min(len);
    let end = first.saturating_add(visible + OVERSCAN).min(len);
    (start, end)
}

/// The row a navigation key moves to from `current`, `None` for other keys.
fn next_row(key: &str, current: Option<usize>, page: usize, len: usize) -> Option<usize> {
    if len == 0 {
        return None;
    }
    let last = len - 1;
    let cur = current.unwrap_or(0);
    let to = match (key, current) {
        ("ArrowDown", None) | ("Home", _) => 0,
        ("ArrowDown", Some(i)) => (i + 1).min(last),
        ("ArrowUp", _) => cur.saturating_sub(1),
        ("PageDown", _) => (cur + page).min(last),
        ("PageUp", _) => cur.saturating_sub(page),
        ("End", _) => last,
        _ => return None,
    };
    Some(to)
}

/// The row index of the element holding focus inside the list, if any.
fn focused_index(ev: &ev::KeyboardEvent) -> Option<usize> {
    let target = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    let row = target.closest("[data-row]").ok()??;
    row.get_attribute("data-row")?.parse().ok()
}

/// Focuses the first focusable element of row `index` once it is rendered, then forgets the
/// pending target.
fn focus_row(list: web_sys::HtmlElement, index: usize, pending: StoredValue<Option<usize>>) {
    request_animation_frame(move || {
        pending.set_value(None);
        let selector = format!("[data-row=\"{index}\"] a, [data-row=\"{index}\"] button");
        if let Ok(Some(el)) = list.query_selector(&selector)
            && let Ok(el) = el.dyn_into::<web_sys::HtmlElement>()
        {
            let _ = el.focus();
        }
    });
}

/// A virtualized list of ids. `row(index, id)` renders one row's content (usually a link).
#[component]
pub fn VirtualList<R, V>(
    /// The ids of the rows, in display order.
    #[prop(into)]
    ids: Signal<Arc<Vec<String>>>,
    /// The height of every row in CSS pixels; the CSS must give rows the same height.
    row_height: f64,
    /// Renders the content of row `index`, showing document `id`.
    row: R,
    /// The accessible name of the list.
    #[prop(into)]
    label: Signal<String>,
    /// Where to keep the scroll position, so coming back to the list returns to the same rows.
    #[prop(optional)]
    scroll_memory: Option<RwSignal<f64>>,
) -> impl IntoView
where
    R: Fn(usize, String) -> V + Send + Sync + Clone + 'static,
    V: IntoView + 'static,
{
    let scroller = NodeRef::<html::Div>::new();
    let initial_top = scroll_memory.map(|m| m.get_untracked()).unwrap_or(0.0);
    let scroll_top = RwSignal::new(initial_top);
    let viewport = RwSignal::new(DEFAULT_VIEWPORT);
    let len = Memo::new(move |_| ids.with(|v| v.len()));

    measure_viewport(scroller, viewport, initial_top);

    let visible = Memo::new(move |_| {
        let (start, end) = window(scroll_top.get(), viewport.get(), row_height, len.get());
        ids.with(|v| rows_in(v, start, end))
    });

    let on_scroll = move |_| {
        if let Some(el) = scroller.get_untracked() {
            let top = f64::from(el.scroll_top());
            scroll_top.set(top);
            if let Some(m) = scroll_memory {
                m.set(top);
            }
        }
    };

    // The row a key moved to before focus got there (keys repeat faster than frames).
    let pending = StoredValue::new(None::<usize>);
    let on_keydown = move |ev: ev::KeyboardEvent| {
        if let Some(el) = scroller.get_untracked() {
            let view = View {
                row_height,
                viewport: viewport.get_untracked(),
                len: len.get_untracked(),
            };
            on_key(&ev, &el, view, scroll_top, pending);
        }
    };

    // Whole pixels, written as integers (no float formatting in the wasm).
    let total_height = move || format!("{}px", (len.get() as f64 * row_height).round() as i64);
    let row_px = format!("{}px", row_height.round() as i64);

    view! {
        <div class="vlist" node_ref=scroller on:scroll=on_scroll on:keydown=on_keydown>
            <ul class="vlist-inner" role="list" aria-label=label style:height=total_height>
                {keyed(
                    move || visible.get(),
                    |(i, id)| format!("{i}:{id}"),
                    move |(i, id)| view! {
                    <li
                        class="vlist-row"
                        data-row=i
                        aria-posinset=i + 1
                        aria-setsize=move || len.get()
                        style:height=row_px.clone()
                        style:transform=format!("translateY({}px)", (i as f64 * row_height).round() as i64)
                    >
                        {row.clone()(i, id)}
                    </li>
                    }.into_any(),
                )}
            </ul>
        </div>
    }
}

/// `(index, id)` of the rows `[start, end)`.
fn rows_in(ids: &[String], start: usize, end: usize) -> Vec<(usize, String)> {
    (start..end)
        .filter_map(|i| ids.get(i).map(|id| (i, id.clone())))
        .collect()
}

/// The list's geometry at the time of a key press.
#[derive(Clone, Copy)]
struct View {
    row_height: f64,
    viewport: f64,
    len: usize,
}

/// Moves focus to the row a navigation key points at, scrolling it into view.
fn on_key(
    ev: &ev::KeyboardEvent,
    el: &web_sys::HtmlDivElement,
    view: View,
    scroll_top: RwSignal<f64>,
    pending: StoredValue<Option<usize>>,
) {
    let page = (view.viewport / view.row_height).floor().max(1.0) as usize;
    let current = pending.get_value().or_else(|| focused_index(ev));
    let Some(to) = next_row(&ev.key(), current, page, view.len) else {
        return;
    };
    ev.prevent_default();
    pending.set_value(Some(to));
    scroll_into_view(el, to, view.row_height, view.viewport, scroll_top);
    focus_row(el.clone().into(), to, pending);
}

/// Scrolls so that row `index` is fully visible, updating the tracked position at once so the
/// row is rendered before it is focused.
fn scroll_into_view(
    el: &web_sys::HtmlDivElement,
    index: usize,
    row_height: f64,
    viewport: f64,
    scroll_top: RwSignal<f64>,
) {
    let top = index as f64 * row_height;
    let current = f64::from(el.scroll_top());
    let new_top = if top < current {
        top
    } else if top + row_height > current + viewport {
        top + row_height - viewport
    } else {
        return;
    };
    el.set_scroll_top(new_top as i32);
    scroll_top.set(new_top);
}

/// Keeps `viewport` equal to the scroller's height (on mount and on window resize) and
/// restores the remembered scroll position once the list is in the document.
fn measure_viewport(scroller: NodeRef<html::Div>, viewport: RwSignal<f64>, initial_top: f64) {
    let measure = move || {
        if let Some(el) = scroller.get_untracked() {
            let h = f64::from(el.client_height());
            if h > 0.0 {
                viewport.set(h);
            }
        }
    };
    effect(move || {
        if let Some(el) = scroller.get() {
            request_animation_frame(move || {
                measure();
                if initial_top > 0.0 {
                    el.set_scroll_top(initial_top as i32);
                }
            });
        }
    });
    let handle = window_event_listener(ev::resize, move |_| measure());
    on_cleanup(move || handle.remove());
}

#[cfg(test)]
mod tests {
    use wasm_bindgen_test::wasm_bindgen_test;

    use super::*;

    #[wasm_bindgen_test]
    fn window_renders_only_visible_rows_plus_overscan() {
        assert_eq!(window(0.0, 600.0, 60.0, 100_000), (0, 11 + OVERSCAN));
        let (start, end) = window(60_000.0, 600.0, 60.0, 100_000);
        assert_eq!(start, 1000 - OVERSCAN);
        assert_eq!(end, 1000 + 11 + OVERSCAN);
        assert_eq!(window(0.0, 600.0, 60.0, 3), (0, 3));
        assert_eq!(window(0.0, 600.0, 60.0, 0), (0, 0));
    }

    #[wasm_bindgen_test]
    fn keys_move_within_bounds() {
        assert_eq!(next_row("ArrowDown", None, 10, 5), Some(0));
        assert_eq!(next_row("ArrowDown", Some(4), 10, 5), Some(4));
        assert_eq!(next_row("ArrowUp", Some(0), 10, 5), Some(0));
        assert_eq!(next_row("PageDown", Some(1), 10, 50), Some(11));
        assert_eq!(next_row("End", Some(1), 10, 50), Some(49));
        assert_eq!(next_row("a", Some(1), 10, 50), None);
        assert_eq!(next_row("ArrowDown", None, 10, 0), None);
    }
}
