//! Navigation: the location as signals, same-origin links followed inside the app, Back and
//! Forward, and `navigate` for code. [`crate::routes`] maps the path to a page.
//!
//! This replaces leptos_router. The app had kept only its location, link following, navigation
//! and query map (our route table and plain `<a>` links had replaced `<Routes>` and `<A>`), and
//! what remained of it was ~6 KiB of the compressed wasm (measured 2026-11-27).
//!
//! Behaviour, as the router's: a left click without modifier keys on an `<a href>` of this origin
//! with no `target`, `download` or `rel="external"` becomes an in-app navigation; a new address is
//! pushed onto the history (never the current one twice), and the page scrolls to the top (or
//! to the `#fragment`'s element).

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlAnchorElement, MouseEvent};

/// The current address, kept in context by [`provide_navigation`]. Only this module writes it.
#[derive(Clone, Copy)]
pub struct Location {
    /// The path, as the browser keeps it (percent-encoded), e.g. `/contacts/c-1`.
    pub pathname: RwSignal<String>,
    /// The query with its `?`, or empty.
    pub search: RwSignal<String>,
}

/// How [`use_navigate`]'s function changes the history.
#[derive(Clone, Copy, Debug, Default)]
pub struct NavigateOptions {
    /// Replace the current history entry instead of adding one.
    pub replace: bool,
}

/// Reads the address, follows it on Back/Forward and follows in-app link clicks, for the life of
/// the calling component (the app root).
pub fn provide_navigation() -> Location {
    let location = Location {
        pathname: RwSignal::new(String::new()),
        search: RwSignal::new(String::new()),
    };
    location.sync();
    provide_context(location);
    let popstate = window_event_listener(ev::popstate, move |_| location.sync());
    let click = window_event_listener(ev::click, move |ev| follow_link(location, &ev));
    on_cleanup(move || {
        popstate.remove();
        click.remove();
    });
    location
}

/// The current address (the app root provides it).
pub fn use_location() -> Location {
    expect_context::<Location>()
}

/// A function that shows another address in the app: `navigate("/deals/d-1", Default::default())`.
pub fn use_navigate() -> impl Fn(&str, NavigateOptions) + Clone + 'static {
    let location = use_location();
    move |to: &str, options: NavigateOptions| location.go(to, options.replace)
}

impl Location {
    /// Copies the browser's address into the signals (each only if it changed).
    fn sync(self) {
        let Some(l) = web_sys::window().map(|w| w.location()) else {
            return;
        };
        let path = l.pathname().unwrap_or_default();
        let search = l.search().unwrap_or_default();
        if self.pathname.with_untracked(|p| *p != path) {
            self.pathname.set(path);
        }
        if self.search.with_untracked(|s| *s != search) {
            self.search.set(search);
        }
    }

    /// Shows `to` (a path with optional query and fragment, or a full same-origin URL).
    fn go(self, to: &str, replace: bool) {
        let Some(window) = web_sys::window() else {
            return;
        };
        if let Ok(history) = window.history() {
            let here = full_path(&window.location());
            let _ = if replace {
                history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(to))
            } else if here.as_deref() != Some(to) {
                history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(to))
            } else {
                Ok(())
            };
        }
        self.sync();
        scroll_into_place(&window);
    }
}

fn full_path(l: &web_sys::Location) -> Option<String> {
    Some(l.pathname().ok()? + &l.search().ok()? + &l.hash().ok()?)
}

/// The `#fragment`'s element into view, or the top of the page.
fn scroll_into_place(window: &web_sys::Window) {
    let hash = window.location().hash().unwrap_or_default();
    let target = hash
        .strip_prefix('#')
        .filter(|h| !h.is_empty())
        .and_then(|h| window.document()?.get_element_by_id(h));
    match target {
        Some(el) => el.scroll_into_view(),
        None => window.scroll_to_with_x_and_y(0.0, 0.0),
    }
}

/// A click on an in-app link: navigate without reloading.
fn follow_link(location: Location, ev: &MouseEvent) {
    if ev.default_prevented()
        || ev.button() != 0
        || ev.meta_key()
        || ev.alt_key()
        || ev.ctrl_key()
        || ev.shift_key()
    {
        return;
    }
    let Some(a) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest("a[href]").ok().flatten())
        .and_then(|el| el.dyn_into::<HtmlAnchorElement>().ok())
    else {
        return;
    };
    let external = a
        .get_attribute("rel")
        .is_some_and(|rel| rel.split_ascii_whitespace().any(|r| r == "external"));
    if !a.target().is_empty() || a.has_attribute("download") || external {
        return;
    }
    let same_origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .is_some_and(|origin| a.origin() == origin);
    if !same_origin {
        return;
    }
    ev.prevent_default();
    let to = a.pathname() + &a.search() + &a.hash();
    location.go(&to, false);
}

/// A query string's (`?a=1&b=x%20y`) or a route's parameters by name.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Params(Vec<(String, String)>);

impl Params {
    /// The first value of `key`.
    pub fn get(&self, key: &str) -> Option<String> {
        self.0
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
    }

    pub fn insert(&mut self, key: &str, value: String) {
        self.0.push((key.to_owned(), value));
    }

    /// Parses `search` (with or without its `?`) as a form-encoded query; a malformed escape
    /// keeps the text as written.
    pub fn from_query(search: &str) -> Self {
        let pairs = search.strip_prefix('?').unwrap_or(search).split('&');
        Self(
            pairs
                .filter(|p| !p.is_empty())
                .map(|p| {
                    let (k, v) = p.split_once('=').unwrap_or((p, ""));
                    (form_decode(k), form_decode(v))
                })
                .collect(),
        )
    }
}

fn form_decode(s: &str) -> String {
    let s = s.replace('+', " ");
    js_sys::decode_uri_component(&s)
        .ok()
        .and_then(|d| d.as_string())
        .unwrap_or(s)
}

/// The current address's query, read once (forms read their prefill when they open).
pub fn query_map() -> Params {
    Params::from_query(&use_location().search.get_untracked())
}

#[cfg(test)]
mod tests {
    use wasm_bindgen_test::wasm_bindgen_test;

    use super::Params;

    #[wasm_bindgen_test]
    fn queries_decode_like_forms() {
        let q = Params::from_query("?account=a-1&title=Caf%C3%A9+con+leche&empty=&flag&bad=%zz");
        assert_eq!(q.get("account").as_deref(), Some("a-1"));
        assert_eq!(q.get("title").as_deref(), Some("Café con leche"));
        assert_eq!(q.get("empty").as_deref(), Some(""));
        assert_eq!(q.get("flag").as_deref(), Some(""));
        assert_eq!(q.get("bad").as_deref(), Some("%zz"));
        assert_eq!(q.get("missing"), None);
        assert_eq!(Params::from_query(""), Params::default());
    }
}
