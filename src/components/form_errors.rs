//! Validation errors of a form: the domain's codes per field, translated where they are shown,
//! an element id per field (to focus the first invalid one), and the summary above the form.

use cartera_core::domain::{AddressPart, Field, FieldError};
use leptos::prelude::*;

use crate::i18n::{FieldErrorText, RecordForm, expect_i18n};

/// The id of the control that edits `field`. The contact name error (given or family name
/// needed) belongs to the given name box.
pub fn field_id(field: Field) -> String {
    use Field::*;
    match field {
        ContactName | GivenName => "given_name".into(),
        FamilyName => "family_name".into(),
        AccountName => "name".into(),
        Email(i) => format!("email-{i}"),
        Phone(i) => format!("phone-{i}"),
        JobTitle => "job_title".into(),
        AccountId => "account".into(),
        TaxId => "tax_id".into(),
        Industry => "industry".into(),
        Website => "website".into(),
        Address(i, part) => format!("address-{i}-{}", part_key(part)),
        Tags => "tags".into(),
        Owner => "owner".into(),
        Notes => "notes".into(),
    }
}

fn part_key(part: AddressPart) -> &'static str {
    match part {
        AddressPart::Street => "street",
        AddressPart::City => "city",
        AddressPart::Region => "region",
        AddressPart::PostalCode => "postal_code",
        AddressPart::Country => "country",
    }
}

/// The errors of one form, in context-free `Copy` form.
#[derive(Clone, Copy)]
pub struct FormErrors {
    list: RwSignal<Vec<FieldError>>,
}

impl FormErrors {
    pub fn new() -> Self {
        Self {
            list: RwSignal::new(Vec::new()),
        }
    }

    pub fn set(&self, errors: Vec<FieldError>) {
        self.list.set(errors);
    }

    pub fn count(&self) -> usize {
        self.list.with(Vec::len)
    }

    /// The translated error of `field` (the first, when it has several); reactive.
    pub fn of(&self, field: Field) -> Signal<Option<String>> {
        let i18n = expect_i18n();
        let list = self.list;
        let same =
            move |f: Field| f == field || (field == Field::GivenName && f == Field::ContactName);
        Signal::derive(move || {
            list.with(|l| {
                l.iter()
                    .find(|e| same(e.field))
                    .map(|e| i18n.t(FieldErrorText(*e)))
            })
        })
    }

    /// Keeps only the errors still in `current` (a field fixed since the last save attempt
    /// loses its message; new problems wait for the next attempt).
    pub fn prune(&self, current: &[FieldError]) {
        let stale = self
            .list
            .with_untracked(|l| l.iter().any(|e| !current.contains(e)));
        if stale {
            self.list.update(|l| l.retain(|e| current.contains(e)));
        }
    }

    /// Moves focus to the first invalid field on the page, in document order, once the error
    /// marks are rendered.
    pub fn focus_first(&self) {
        crate::components::field::focus_first_invalid();
    }
}

impl Default for FormErrors {
    fn default() -> Self {
        Self::new()
    }
}

/// "Revisa los 2 campos marcados.", announced when a save is refused.
#[component]
pub fn ErrorSummary(errors: FormErrors) -> impl IntoView {
    let i18n = expect_i18n();
    move || {
        let n = errors.count();
        (n > 0).then(|| view! { <p class="form-summary" role="alert">{i18n.t(RecordForm::FixFields(n))}</p> })
    }
}
