//! Toasts: short messages at the bottom of the screen, optionally with an Undo button.

use std::sync::Arc;
use std::time::Duration;

use cartera_core::store::{StoreError, WriteError};
use leptos::prelude::*;

use crate::i18n::{ErrorMsg, I18n};

const PLAIN_FOR: Duration = Duration::from_secs(5);
const WITH_UNDO_FOR: Duration = Duration::from_secs(8);

/// What undoing a change does; runs at most once, when the user presses Undo.
#[derive(Clone)]
pub struct Undo(Arc<dyn Fn() + Send + Sync>);

impl Undo {
    pub fn new(f: impl Fn() + Send + Sync + 'static) -> Self {
        Self(Arc::new(f))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ToastKind {
    Info,
    Error,
}

/// One toast on screen.
#[derive(Clone)]
pub struct Toast {
    pub id: u64,
    pub text: String,
    pub kind: ToastKind,
    pub undo: Option<Undo>,
}

/// The toast service, kept in context.
#[derive(Clone, Copy)]
pub struct Toasts {
    items: RwSignal<Vec<Toast>>,
    next_id: StoredValue<u64>,
    i18n: I18n,
}

impl Toasts {
    /// Shows an already translated message, with an Undo button when `undo` is given.
    pub fn show(&self, text: impl Into<String>, undo: Option<Undo>) {
        self.push(text.into(), ToastKind::Info, undo);
    }

    /// Shows a translated message with an Undo button.
    pub fn show_undo(&self, text: impl Into<String>, undo: impl Fn() + Send + Sync + 'static) {
        self.push(text.into(), ToastKind::Info, Some(Undo::new(undo)));
    }

    /// Shows an error (announced assertively to screen readers).
    pub fn error(&self, text: impl Into<String>) {
        self.push(text.into(), ToastKind::Error, None);
    }

    /// Shows the translated message of a storage failure.
    pub fn store_error(&self, e: &StoreError) {
        self.error(self.i18n.t(ErrorMsg::from(e)));
    }

    /// Shows the translated message of a refused edit.
    pub fn write_error(&self, e: &WriteError) {
        self.error(self.i18n.t(ErrorMsg::from(e)));
    }

    /// The toasts on screen, oldest first; reactive.
    pub fn items(&self) -> Vec<Toast> {
        self.items.get()
    }

    pub fn dismiss(&self, id: u64) {
        self.items.try_update(|items| items.retain(|t| t.id != id));
    }

    /// Runs the toast's undo action (once) and removes the toast.
    pub fn undo(&self, id: u64) {
        let undo = self
            .items
            .try_with_untracked(|items| {
                items
                    .iter()
                    .find(|t| t.id == id)
                    .and_then(|t| t.undo.clone())
            })
            .flatten();
        self.dismiss(id);
        if let Some(Undo(f)) = undo {
            f();
        }
    }

    fn push(&self, text: String, kind: ToastKind, undo: Option<Undo>) {
        let id = self.next_id.get_value();
        self.next_id.set_value(id.wrapping_add(1));
        let duration = if undo.is_some() {
            WITH_UNDO_FOR
        } else {
            PLAIN_FOR
        };
        self.items.update(|items| {
            items.push(Toast {
                id,
                text,
                kind,
                undo,
            });
            // A burst of messages should not cover the screen.
            if items.len() > 3 {
                items.remove(0);
            }
        });
        let toasts = *self;
        set_timeout(move || toasts.dismiss(id), duration);
    }
}

pub fn provide_toasts(i18n: I18n) -> Toasts {
    let toasts = Toasts {
        items: RwSignal::new(Vec::new()),
        next_id: StoredValue::new(0),
        i18n,
    };
    provide_context(toasts);
    toasts
}

/// Panics only when the app root did not provide it (a programming error).
pub fn expect_toasts() -> Toasts {
    expect_context::<Toasts>()
}
