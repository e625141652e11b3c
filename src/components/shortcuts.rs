//! Keyboard shortcuts: `/` focuses the page's search input (`#search` or `[data-search]`),
//! `n` opens "new" for the current list. Both are ignored while typing or in a dialog.

use crate::nav::{use_location, use_navigate};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, KeyboardEvent};

/// Installs the shortcuts for the lifetime of the calling component (the shell).
pub fn use_shortcuts() {
    let navigate = use_navigate();
    let pathname = use_location().pathname;
    let handle = window_event_listener(leptos::ev::keydown, move |ev: KeyboardEvent| {
        if ev.default_prevented() || ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        if is_typing(&ev) || dialog_open() {
            return;
        }
        match ev.key().as_str() {
            "/" => {
                if let Some(input) = search_input() {
                    ev.prevent_default();
                    let _ = input.focus();
                }
            }
            "n" => {
                if let Some(target) = new_path(&pathname.get_untracked()) {
                    ev.prevent_default();
                    navigate(target, Default::default());
                }
            }
            _ => {}
        }
    });
    on_cleanup(move || handle.remove());
}

/// The "new" form of the list the path belongs to, unless already there.
fn new_path(path: &str) -> Option<&'static str> {
    let (list, new) = if path.starts_with("/contacts") {
        ("/contacts", "/contacts/new")
    } else if path.starts_with("/accounts") {
        ("/accounts", "/accounts/new")
    } else {
        return None;
    };
    (path.trim_end_matches('/') == list).then_some(new)
}

fn is_typing(ev: &KeyboardEvent) -> bool {
    let Some(el) = ev.target().and_then(|t| t.dyn_into::<HtmlElement>().ok()) else {
        return false;
    };
    matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT") || el.is_content_editable()
}

fn dialog_open() -> bool {
    document()
        .query_selector("dialog[open]")
        .ok()
        .flatten()
        .is_some()
}

fn search_input() -> Option<HtmlElement> {
    document()
        .query_selector("#search, [data-search]")
        .ok()
        .flatten()?
        .dyn_into::<HtmlElement>()
        .ok()
}
