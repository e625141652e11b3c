//! A searchable account picker (ARIA combobox): type part of a name, pick from the matches with
//! the mouse, a tap, or ↑/↓ and Enter. Works offline over the records cache.

use crate::state::effect;
use cartera_core::domain::Field;
use leptos::{ev, prelude::*};

use crate::i18n::{FieldLabel, RecordForm, expect_i18n};
use crate::state::records::RecordsCache;

/// Matches shown at most.
const MAX_OPTIONS: usize = 8;
const LISTBOX_ID: &str = "account-options";

/// `(id, name)` of the accounts matching `query`, best first.
fn matches(cache: RecordsCache, query: &str) -> Vec<(String, String)> {
    if query.trim().is_empty() {
        return Vec::new();
    }
    cache.accounts.with(|set| {
        set.search(query, MAX_OPTIONS)
            .into_iter()
            .filter_map(|id| set.get(&id).map(|a| (id.clone(), a.name.clone())))
            .collect()
    })
}

/// The picker's state.
#[derive(Clone, Copy)]
struct Picker {
    cache: RecordsCache,
    /// The chosen account id, "" for none.
    value: RwSignal<String>,
    /// What the box shows: the chosen account's name, or what is being typed.
    text: RwSignal<String>,
    open: RwSignal<bool>,
    /// The highlighted option.
    active: RwSignal<Option<usize>>,
    options: Memo<Vec<(String, String)>>,
}

impl Picker {
    fn new(cache: RecordsCache, value: RwSignal<String>) -> Self {
        let text = RwSignal::new(String::new());
        let open = RwSignal::new(false);
        let options = Memo::new(move |_| {
            if open.get() {
                matches(cache, &text.get())
            } else {
                Vec::new()
            }
        });
        let picker = Self {
            cache,
            value,
            text,
            open,
            active: RwSignal::new(None),
            options,
        };
        // The cache may load after the form opens: show the chosen name once it is known.
        effect(move || {
            let id = value.get();
            let name = cache.accounts.with(|s| s.get(&id).map(|a| a.name.clone()));
            if let Some(name) = name
                && !open.get_untracked()
            {
                text.set(name);
            }
        });
        picker
    }

    fn chosen_name(&self) -> String {
        let id = self.value.get_untracked();
        self.cache
            .accounts
            .with_untracked(|s| s.get(&id).map(|a| a.name.clone()))
            .unwrap_or_default()
    }

    fn choose(&self, (id, name): (String, String)) {
        self.value.set(id);
        self.text.set(name);
        self.open.set(false);
        self.active.set(None);
    }

    fn expanded(&self) -> bool {
        self.open.get()
            && self
                .options
                .with(|o| !o.is_empty() || !self.text.with(|t| t.trim().is_empty()))
    }

    fn on_input(&self, query: String) {
        if query.trim().is_empty() {
            self.value.set(String::new());
        }
        self.text.set(query);
        self.open.set(true);
        self.active.set(None);
    }

    /// Leaving the box with text that is not a chosen account puts the chosen name back.
    fn on_blur(&self) {
        self.open.set(false);
        self.text.set(self.chosen_name());
    }

    fn on_keydown(&self, ev: ev::KeyboardEvent) {
        let n = self.options.with_untracked(Vec::len);
        match ev.key().as_str() {
            "ArrowDown" if n > 0 => {
                ev.prevent_default();
                self.active
                    .update(|a| *a = Some(a.map_or(0, |i| (i + 1) % n)));
            }
            "ArrowUp" if n > 0 => {
                ev.prevent_default();
                self.active
                    .update(|a| *a = Some(a.map_or(n - 1, |i| (i + n - 1) % n)));
            }
            "Enter" => {
                let active = self.active.get_untracked();
                if let Some(opt) =
                    active.and_then(|i| self.options.with_untracked(|o| o.get(i).cloned()))
                {
                    ev.prevent_default();
                    self.choose(opt);
                }
            }
            "Escape" => self.open.set(false),
            _ => {}
        }
    }
}

/// Keeps the matches on screen above the sticky Save bar (the box is low in the form).
fn reveal_options() {
    request_animation_frame(|| {
        if let Some(list) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(LISTBOX_ID))
        {
            list.scroll_into_view_with_bool(false);
        }
    });
}

/// The picker; `value` holds the chosen account id ("" for none). Its label is "Empresa".
#[component]
pub fn AccountPicker(value: RwSignal<String>, cache: RecordsCache) -> impl IntoView {
    let i18n = expect_i18n();
    let p = Picker::new(cache, value);
    effect(move || {
        if p.options.with(|o| !o.is_empty()) {
            reveal_options();
        }
    });
    let active_id = move || p.active.get().map(|i| format!("account-option-{i}"));
    view! {
        <div class="field account-picker">
            <label class="field-label" for="account">{i18n.signal(FieldLabel(Field::AccountId))}</label>
            <div class="account-picker-box">
                <input
                    id="account"
                    class="field-input"
                    type="text"
                    role="combobox"
                    autocomplete="off"
                    aria-autocomplete="list"
                    aria-controls=LISTBOX_ID
                    aria-expanded=move || p.expanded().to_string()
                    aria-activedescendant=active_id
                    aria-describedby="account-hint"
                    prop:value=move || p.text.get()
                    on:input:target=move |ev| p.on_input(ev.target().value())
                    on:keydown=move |ev| p.on_keydown(ev)
                    on:blur=move |_| p.on_blur()
                />
                <Show when=move || !value.with(String::is_empty)>
                    <button
                        type="button"
                        class="btn btn-icon"
                        aria-label=i18n.signal(RecordForm::ClearAccount)
                        on:click=move |_| p.choose((String::new(), String::new()))
                    >
                        <span aria-hidden="true">"×"</span>
                    </button>
                </Show>
            </div>
            <p class="field-hint" id="account-hint">{i18n.signal(RecordForm::AccountPickerHint)}</p>
            <AccountOptions p />
        </div>
    }
}

/// The listbox of matches.
#[component]
fn AccountOptions(p: Picker) -> impl IntoView {
    let i18n = expect_i18n();
    let option = move |(i, opt): (usize, (String, String))| {
        let name = opt.1.clone();
        view! {
            <li
                id=format!("account-option-{i}")
                class="account-option"
                role="option"
                aria-selected=move || (p.active.get() == Some(i)).to_string()
                // Chosen before the box loses focus (blur would put the old name back).
                on:mousedown=move |ev| {
                    ev.prevent_default();
                    p.choose(opt.clone());
                }
            >
                {name}
            </li>
        }
    };
    view! {
        <ul id=LISTBOX_ID class="account-options" role="listbox" hidden=move || !p.expanded()>
            {move || {
                let opts = p.options.get();
                if opts.is_empty() {
                    let none = i18n.t(RecordForm::NoAccountMatches);
                    return view! { <li class="account-option-none">{none}</li> }.into_any();
                }
                opts.into_iter().enumerate().map(option).collect_view().into_any()
            }}
        </ul>
    }
}
