//! Cartera's pure core: domain rules, the CouchDB-style document store contract with its
//! in-memory twin, and search. No web crate may be imported here (see ARCHITECTURE.md).

pub mod domain;
pub mod search;
pub mod sort;
pub mod store;
pub mod sync;
