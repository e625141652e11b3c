//! One file per reusable component.

pub mod account_picker;
pub mod address_fields;
pub mod confirm_dialog;
pub mod empty_state;
pub mod field;
pub mod form_errors;
pub mod list_controls;
pub mod multi_field;
pub mod nav;
pub mod record_detail;
pub mod record_form;
pub mod record_list;
pub mod record_list_item;
pub mod record_meta;
pub mod search_box;
pub mod shell;
pub mod shortcuts;
pub mod storage_error;
pub mod store_gate;
pub mod toast;
pub mod update_prompt;
pub mod virtual_list;
