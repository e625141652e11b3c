//! Cartera, the browser app: IndexedDB store, Leptos state, pages, components and i18n.
//! All CRM rules live in `cartera-core`.

pub mod idb;
