//! One file per route (or per family of routes).

pub mod account_detail;
pub mod account_form;
pub mod accounts;
pub mod contact_detail;
pub mod contact_form;
pub mod contacts;
pub mod not_found;
pub mod settings;
