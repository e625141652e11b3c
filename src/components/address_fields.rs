//! The boxes of a postal address in a form, with the country as a select of names in the
//! user's language (ISO codes underneath, as the domain stores them).

use cartera_core::domain::{AddressInput, AddressPart, Field};
use cartera_core::sort;
use js_sys::{Array, Intl, Object, Reflect};
use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::components::field::{SelectField, TextField};
use crate::components::form_errors::{FormErrors, field_id};
use crate::i18n::{FieldLabel, Locale, expect_i18n};

/// Countries offered first: where Cartera's customers sell, then frequent partners.
const COUNTRIES: [&str; 24] = [
    "ES", "MX", "AR", "CO", "CL", "PE", "EC", "VE", "UY", "PY", "BO", "CR", "PA", "GT", "HN", "SV",
    "NI", "DO", "CU", "PR", "US", "PT", "FR", "GB",
];

/// A country's name in `locale` ("ES" → "España"), or the code when the browser cannot say.
pub fn country_name(locale: Locale, code: &str) -> String {
    if code.is_empty() {
        return String::new();
    }
    let options = Object::new();
    let _ = Reflect::set(
        &options,
        &JsValue::from_str("type"),
        &JsValue::from_str("region"),
    );
    let names = Intl::DisplayNames::new(&Array::of1(&JsValue::from_str(locale.tag())), &options);
    names
        .of(code)
        .map(String::from)
        .unwrap_or_else(|| code.to_owned())
}

/// One address being edited.
#[derive(Clone, Copy)]
pub struct AddressDraft {
    street: RwSignal<String>,
    city: RwSignal<String>,
    region: RwSignal<String>,
    postal_code: RwSignal<String>,
    country: RwSignal<String>,
}

impl AddressDraft {
    pub fn new(a: AddressInput) -> Self {
        Self {
            street: RwSignal::new(a.street),
            city: RwSignal::new(a.city),
            region: RwSignal::new(a.region),
            postal_code: RwSignal::new(a.postal_code),
            country: RwSignal::new(a.country.to_uppercase()),
        }
    }

    /// The address as typed; reactive.
    pub fn input(&self) -> AddressInput {
        AddressInput {
            street: self.street.get(),
            city: self.city.get(),
            region: self.region.get(),
            postal_code: self.postal_code.get(),
            country: self.country.get(),
        }
    }
}

/// The boxes of address `index` (contacts have one, index 0).
#[component]
pub fn AddressFields(index: usize, draft: AddressDraft, errors: FormErrors) -> impl IntoView {
    let i18n = expect_i18n();
    let f = move |part| Field::Address(index, part);
    let label = move |part| i18n.signal(FieldLabel(f(part)));
    let countries = Signal::derive(move || {
        let locale = i18n.locale();
        let current = draft.country.get();
        let mut codes: Vec<String> = COUNTRIES.iter().map(|c| (*c).to_owned()).collect();
        if !current.is_empty() && !codes.contains(&current) {
            codes.push(current);
        }
        let mut named: Vec<(String, String)> = codes
            .into_iter()
            .map(|c| (country_name(locale, &c), c))
            .collect();
        sort::sort_by_cached_key(&mut named, |(name, _)| {
            cartera_core::search::normalize(name)
        });
        let mut options = vec![(String::new(), "—".to_owned())];
        options.extend(named.into_iter().map(|(name, code)| (code, name)));
        options
    });
    use AddressPart::*;
    view! {
        <TextField id=field_id(f(Street)) label=label(Street) value=draft.street error=errors.of(f(Street)) autocomplete="street-address" />
        <div class="field-pair">
            <TextField id=field_id(f(PostalCode)) label=label(PostalCode) value=draft.postal_code error=errors.of(f(PostalCode)) autocomplete="postal-code" />
            <TextField id=field_id(f(City)) label=label(City) value=draft.city error=errors.of(f(City)) autocomplete="address-level2" />
        </div>
        <div class="field-pair">
            <TextField id=field_id(f(Region)) label=label(Region) value=draft.region error=errors.of(f(Region)) autocomplete="address-level1" />
            <SelectField id=field_id(f(Country)) label=label(Country) value=draft.country options=countries error=errors.of(f(Country)) />
        </div>
    }
}
