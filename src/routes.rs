//! The route table: which page a path shows, and its `:id`.
//!
//! [`crate::nav`] keeps the location and follows links; `app::RoutedPage` matches the path here
//! and shows the page, and links are plain `<a href>`. (leptos_router's `<Routes>`, one `<Route>`
//! per page, instantiated its matching and view-choosing code once per route, and each `<A>`
//! erased its children into an `AnyView`: 26 KiB of the compressed wasm, measured 2026-11-27.)
//! `use_params_map` below reads `:id` from this table.

use leptos::prelude::*;

use crate::nav::{Params, use_location};

/// Every page of the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page {
    /// `/`: sends the rep to Today.
    Root,
    Contacts,
    ContactNew,
    ContactDetail,
    ContactEdit,
    Accounts,
    AccountNew,
    AccountDetail,
    AccountEdit,
    Today,
    ActivityNew,
    ActivityEdit,
    Visit,
    Leads,
    LeadNew,
    LeadDetail,
    LeadConvert,
    Pipeline,
    Deals,
    DealNew,
    DealDetail,
    DealEdit,
    Forecast,
    Settings,
    Login,
    Conflict,
    NotFound,
}

/// The page for `path` (no query, no fragment) and the `:id` it names, percent-decoded.
/// "new" is a page of its own, never read as an id.
pub fn match_path(path: &str) -> (Page, Option<String>) {
    use Page::*;
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    let (page, id) = match segments.as_slice() {
        [] => (Root, None),
        ["contacts"] => (Contacts, None),
        ["contacts", "new"] => (ContactNew, None),
        ["contacts", id] => (ContactDetail, Some(*id)),
        ["contacts", id, "edit"] => (ContactEdit, Some(*id)),
        ["accounts"] => (Accounts, None),
        ["accounts", "new"] => (AccountNew, None),
        ["accounts", id] => (AccountDetail, Some(*id)),
        ["accounts", id, "edit"] => (AccountEdit, Some(*id)),
        ["today"] => (Today, None),
        ["activities", "new"] => (ActivityNew, None),
        ["activities", id, "edit"] => (ActivityEdit, Some(*id)),
        ["visits", id] => (Visit, Some(*id)),
        ["leads"] => (Leads, None),
        ["leads", "new"] => (LeadNew, None),
        ["leads", id] => (LeadDetail, Some(*id)),
        ["leads", id, "convert"] => (LeadConvert, Some(*id)),
        ["pipeline"] => (Pipeline, None),
        ["deals"] => (Deals, None),
        ["deals", "new"] => (DealNew, None),
        ["deals", id] => (DealDetail, Some(*id)),
        ["deals", id, "edit"] => (DealEdit, Some(*id)),
        ["forecast"] => (Forecast, None),
        ["settings"] => (Settings, None),
        ["login"] => (Login, None),
        ["conflicts", id] => (Conflict, Some(*id)),
        _ => (NotFound, None),
    };
    (page, id.map(decode))
}

/// Percent-decoding of a path segment; a malformed escape keeps the segment as written.
fn decode(segment: &str) -> String {
    js_sys::decode_uri_component(segment)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_else(|| segment.to_owned())
}

/// The current page; changes only when another page is shown (not when only the id changes,
/// so a page follows its `:id` as with the router's own routes).
pub fn use_page() -> Memo<Page> {
    let location = use_location();
    Memo::new(move |_| location.pathname.with(|p| match_path(p).0))
}

/// The page on screen, in context below the routes (it follows the location one tick later).
#[derive(Clone, Copy)]
pub struct ShownPage(pub RwSignal<Page>);

/// The current route's parameters (`id`), as leptos_router's hook of the same name did. While the
/// location already names another page and this one is about to go, they keep their value, so a
/// leaving page does not load the next page's id.
pub fn use_params_map() -> Memo<Params> {
    let location = use_location();
    let shown = use_context::<ShownPage>();
    Memo::new(move |prev: Option<&Params>| {
        let (page, id) = location.pathname.with(|p| match_path(p));
        if let (Some(prev), Some(ShownPage(shown))) = (prev, shown)
            && shown.get() != page
        {
            return prev.clone();
        }
        let mut params = Params::default();
        if let Some(id) = id {
            params.insert("id", id);
        }
        params
    })
}

#[cfg(test)]
mod tests {
    use wasm_bindgen_test::wasm_bindgen_test;

    use super::{Page, match_path};

    #[wasm_bindgen_test]
    fn paths_name_their_page_and_id() {
        let id = |s: &str| Some(s.to_owned());
        assert_eq!(match_path("/"), (Page::Root, None));
        assert_eq!(match_path(""), (Page::Root, None));
        assert_eq!(match_path("/contacts"), (Page::Contacts, None));
        assert_eq!(match_path("/contacts/"), (Page::Contacts, None));
        assert_eq!(match_path("/contacts/new"), (Page::ContactNew, None));
        assert_eq!(
            match_path("/contacts/c-1"),
            (Page::ContactDetail, id("c-1"))
        );
        assert_eq!(
            match_path("/contacts/c-1/edit"),
            (Page::ContactEdit, id("c-1"))
        );
        assert_eq!(match_path("/accounts/new"), (Page::AccountNew, None));
        assert_eq!(
            match_path("/activities/a-9/edit"),
            (Page::ActivityEdit, id("a-9"))
        );
        assert_eq!(match_path("/activities/a-9"), (Page::NotFound, None));
        assert_eq!(
            match_path("/leads/l-2/convert"),
            (Page::LeadConvert, id("l-2"))
        );
        assert_eq!(match_path("/deals/d%20x"), (Page::DealDetail, id("d x")));
        assert_eq!(
            match_path("/deals/bad%zz"),
            (Page::DealDetail, id("bad%zz"))
        );
        assert_eq!(match_path("/conflicts/c-1"), (Page::Conflict, id("c-1")));
        assert_eq!(match_path("/nowhere"), (Page::NotFound, None));
        assert_eq!(
            match_path("/contacts/c-1/edit/more"),
            (Page::NotFound, None)
        );
    }
}
