//! Shared pieces of the deal screens: the deal form's validation errors (core's codes per
//! field, translated where shown) and the owner choices.

use cartera_core::domain::sales::{SalesField, SalesFieldError};
use cartera_core::sort;
use leptos::prelude::*;

use crate::components::record_meta::user_label;
use crate::i18n::{I18n, RecordDetail, SalesMsg, expect_i18n};
use crate::state::CurrentUser;
use crate::state::sales::expect_sales;

/// The errors of the deal form; `Copy`.
#[derive(Clone, Copy)]
pub struct SalesErrors {
    list: RwSignal<Vec<SalesFieldError>>,
}

impl SalesErrors {
    pub fn new() -> Self {
        Self {
            list: RwSignal::new(Vec::new()),
        }
    }

    pub fn set(&self, errors: Vec<SalesFieldError>) {
        self.list.set(errors);
    }

    /// Shows `errors` and moves focus to the first invalid field.
    pub fn show(&self, errors: Vec<SalesFieldError>) {
        self.set(errors);
        crate::components::field::focus_first_invalid();
    }

    pub fn count(&self) -> usize {
        self.list.with(Vec::len)
    }

    /// The translated error of `field`; reactive.
    pub fn of(&self, field: SalesField) -> Signal<Option<String>> {
        let (i18n, errors) = (expect_i18n(), *self);
        Signal::derive(move || errors.get(i18n, field))
    }

    /// The translated error of `field`, tracked (for rows whose fields move).
    pub fn get(&self, i18n: I18n, field: SalesField) -> Option<String> {
        (self.list)
            .with(|l| (l.iter().find(|e| e.field == field)).map(|e| i18n.t(SalesMsg::Error(*e))))
    }

    /// Keeps only the errors still in `current`.
    pub fn prune(&self, current: &[SalesFieldError]) {
        let stale = (self.list).with_untracked(|l| l.iter().any(|e| !current.contains(e)));
        if stale {
            self.list.update(|l| l.retain(|e| current.contains(e)));
        }
    }
}

impl Default for SalesErrors {
    fn default() -> Self {
        Self::new()
    }
}

/// The reps to choose from: the current user, every deal owner, and `current`; reactive.
pub fn owner_options(user: CurrentUser, current: String) -> Signal<Vec<(String, String)>> {
    let (sales, i18n) = (expect_sales(), expect_i18n());
    Signal::derive(move || {
        let mut ids: Vec<String> = sales
            .deals
            .with(|d| d.iter().map(|d| d.owner.clone()).collect());
        ids.push(user.id());
        ids.push(current.clone());
        ids.retain(|s| !s.is_empty());
        sort::sort(&mut ids);
        ids.dedup();
        let mut out: Vec<(String, String)> = ids
            .into_iter()
            .map(|id| {
                let name = rep_name(i18n, user, &id);
                (id, name)
            })
            .collect();
        sort::sort_by(&mut out, |a, b| a.1.cmp(&b.1));
        out
    })
}

/// How a rep reads: the current user's name (or "tú"), another rep's name.
pub fn rep_name(i18n: I18n, user: CurrentUser, id: &str) -> String {
    if id != user.id() {
        return user_label(id);
    }
    let name = user.name();
    if name.is_empty() {
        i18n.t(RecordDetail::YouSubject)
    } else {
        name
    }
}
