//! Words live here. Every user-visible string is a variant of a message enum whose `text`
//! matches exhaustively on both locales, so a missing translation does not compile.
//! Locale: from the browser's language, switchable in Settings, kept in localStorage.

mod activities;
mod common;
mod errors;
mod fields;
mod format;
mod leads;
mod records;
mod routing;
mod sales;
mod scoring;
mod settings;
mod shell;
mod sync;
mod today;

use std::borrow::Cow;

use leptos::prelude::*;

pub use activities::ActivityMsg;
pub use common::Common;
pub use errors::ErrorMsg;
pub use fields::{FieldErrorText, FieldLabel};
pub use format::{fmt_bytes, fmt_date, fmt_datetime, fmt_int, fmt_money, fmt_percent};
pub use leads::{LeadErrorText, Leads, Reason, source_text, status_text};
pub use records::{Kind, RecordDetail, RecordForm, Records};
pub use routing::RoutingMsg;
pub use sales::{SalesMsg, fmt_period};
pub use scoring::ScoringMsg;
pub use settings::{Settings, SettingsCount};
pub use shell::Shell;
pub use sync::{RefusalText, SyncCount, SyncErrorText, SyncMsg};
pub use today::TodayMsg;

/// The languages Cartera speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Locale {
    Es,
    En,
}

impl Locale {
    pub const ALL: [Locale; 2] = [Locale::Es, Locale::En];

    /// BCP 47 tag, for `<html lang>` and Intl.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::Es => "es",
            Locale::En => "en",
        }
    }

    pub fn from_tag(tag: &str) -> Option<Self> {
        let primary = tag
            .split(['-', '_'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match primary.as_str() {
            "es" => Some(Locale::Es),
            "en" => Some(Locale::En),
            _ => None,
        }
    }
}

/// A translatable message: each enum of messages implements it.
pub trait Message {
    fn text(&self, locale: Locale) -> Cow<'static, str>;
}

/// `i18n.t(&msg)`: a message need not be cloned to be read.
impl<M: Message + ?Sized> Message for &M {
    fn text(&self, locale: Locale) -> Cow<'static, str> {
        (**self).text(locale)
    }
}

const STORAGE_KEY: &str = "cartera.locale";

/// The locale service, kept in context.
#[derive(Clone, Copy)]
pub struct I18n {
    locale: RwSignal<Locale>,
}

impl I18n {
    pub fn locale(&self) -> Locale {
        self.locale.get()
    }

    pub fn set_locale(&self, locale: Locale) {
        self.locale.set(locale);
        if let Some(storage) = local_storage() {
            // Not being able to remember the choice (private mode) is not worth an error.
            let _ = storage.set_item(STORAGE_KEY, locale.tag());
        }
        set_document_lang(locale);
    }

    /// The message in the current locale; reactive when called inside a view closure.
    pub fn t(&self, msg: impl Message) -> String {
        self.t_dyn(&msg)
    }

    /// `i18n.signal(msg)` with ONE closure type for every message: each
    /// distinct closure passed to `Signal::derive` was its own copy of the reactive plumbing.
    pub fn signal<M: Message + Send + Sync + 'static>(self, msg: M) -> Signal<String> {
        self.signal_dyn(std::sync::Arc::new(msg))
    }

    #[inline(never)]
    fn signal_dyn(self, msg: std::sync::Arc<dyn Message + Send + Sync>) -> Signal<String> {
        Signal::derive(move || self.t_dyn(&*msg))
    }

    /// The one non-generic body of `t`: a generic body was copied (with the catalogue match
    /// inlined) once per message enum, ~16 KB of wasm in all.
    #[inline(never)]
    fn t_dyn(&self, msg: &dyn Message) -> String {
        msg.text(self.locale.get()).into_owned()
    }
}

/// Reads the saved or the browser's locale and provides the service.
pub fn provide_i18n() -> I18n {
    let initial = saved_locale().or_else(browser_locale).unwrap_or(Locale::Es);
    set_document_lang(initial);
    let i18n = I18n {
        locale: RwSignal::new(initial),
    };
    provide_context(i18n);
    i18n
}

/// The locale service; panics only if `provide_i18n` was not called by the app root, a
/// programming error caught by every test that renders a page.
pub fn expect_i18n() -> I18n {
    expect_context::<I18n>()
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

fn saved_locale() -> Option<Locale> {
    Locale::from_tag(&local_storage()?.get_item(STORAGE_KEY).ok()??)
}

fn browser_locale() -> Option<Locale> {
    let nav = web_sys::window()?.navigator();
    let langs = nav.languages();
    langs
        .iter()
        .filter_map(|v| v.as_string())
        .chain(nav.language())
        .find_map(|tag| Locale::from_tag(&tag))
}

fn set_document_lang(locale: Locale) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = el.set_attribute("lang", locale.tag());
    }
}
