//! One file per route (or per family of routes).

pub mod account_detail;
pub mod account_form;
pub mod accounts;
pub mod activity_form;
pub mod conflict;
pub mod contact_detail;
pub mod contact_form;
pub mod contacts;
pub mod deal_detail;
pub mod deal_form;
pub mod deals;
pub mod forecast;
pub mod lead_capture;
pub mod lead_convert;
pub mod lead_detail;
pub mod leads;
pub mod login;
pub mod not_found;
pub mod pipeline;
pub mod record_lists;
pub mod settings;
pub mod today;
pub mod visit;
