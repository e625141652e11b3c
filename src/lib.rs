//! Cartera, the browser app: IndexedDB store, Leptos state, pages, components and i18n.
//! All CRM rules live in `cartera-core`.

pub mod app;
pub mod components;
pub mod i18n;
pub mod idb;
pub mod nav;
pub mod pages;
pub mod remote;
pub mod routes;
pub mod state;

/// Starts the app: panics go to the console, and `App` is mounted on `<body>`.
pub fn run() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
