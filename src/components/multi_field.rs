//! A repeated text field (phones, emails): one labelled box per value, "Add" and "Remove".

use cartera_core::domain::Field;
use leptos::prelude::*;

use crate::components::field::{TextField, focus_by_id};
use crate::components::form_errors::{FormErrors, field_id};
use crate::components::keyed::keyed;
use crate::i18n::{FieldLabel, RecordForm, expect_i18n};

/// The values of a repeated field; each box keeps its own signal and a stable key.
#[derive(Clone, Copy)]
pub struct MultiValue {
    items: RwSignal<Vec<(u32, RwSignal<String>)>>,
    next: StoredValue<u32>,
}

impl MultiValue {
    /// Boxes for `values`, and one empty box when there are none.
    pub fn new(values: Vec<String>) -> Self {
        let values = if values.is_empty() {
            vec![String::new()]
        } else {
            values
        };
        let n = values.len() as u32;
        let items = (0..n)
            .zip(values)
            .map(|(k, v)| (k, RwSignal::new(v)))
            .collect();
        Self {
            items: RwSignal::new(items),
            next: StoredValue::new(n),
        }
    }

    /// The values as typed, blanks included (the domain ignores them); reactive.
    pub fn values(&self) -> Vec<String> {
        self.items
            .with(|items| items.iter().map(|(_, s)| s.get()).collect())
    }

    fn push(&self) -> usize {
        let key = self.next.get_value();
        self.next.set_value(key + 1);
        self.items
            .update(|items| items.push((key, RwSignal::new(String::new()))));
        self.items.with_untracked(Vec::len) - 1
    }

    fn remove(&self, key: u32) {
        self.items.update(|items| items.retain(|(k, _)| *k != key));
    }
}

/// The boxes of a repeated field. `field(i)` names the i-th value (`Field::Phone`).
#[component]
pub fn MultiField(
    values: MultiValue,
    field: fn(usize) -> Field,
    errors: FormErrors,
    add_label: RecordForm,
    input_type: &'static str,
    autocomplete: &'static str,
    #[prop(optional)] inputmode: Option<&'static str>,
) -> impl IntoView {
    let i18n = expect_i18n();
    let indexed = move || {
        values
            .items
            .get()
            .into_iter()
            .enumerate()
            .collect::<Vec<_>>()
    };
    let add = move |_| {
        let i = values.push();
        request_animation_frame(move || focus_by_id(&field_id(field(i))));
    };
    view! {
        <div class="multi-field">
            {keyed(
                indexed,
                |(i, (k, _))| format!("{i}:{k}"),
                move |(i, (key, value))| view! {
                <div class="multi-field-row">
                    <TextField
                        id=field_id(field(i))
                        label=i18n.signal(FieldLabel(field(i)))
                        value
                        error=errors.of(field(i))
                        input_type
                        autocomplete
                        inputmode=inputmode.unwrap_or("text")
                    />
                    {(i > 0).then(|| view! {
                        <button
                            type="button"
                            class="btn btn-icon"
                            aria-label=move || i18n.t(RecordForm::Remove(i18n.t(FieldLabel(field(i)))))
                            on:click=move |_| values.remove(key)
                        >
                            <span aria-hidden="true">"×"</span>
                        </button>
                    })}
                </div>
                }.into_any(),
            )}
            <button type="button" class="btn btn-link" on:click=add>
                <span aria-hidden="true">"+ "</span>
                {move || i18n.t(add_label.clone())}
            </button>
        </div>
    }
}
