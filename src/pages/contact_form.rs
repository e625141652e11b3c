//! `/contacts/new` and `/contacts/:id/edit`: the contact form. Inline errors in the user's
//! language, nothing saved while invalid, focus on the first invalid field, and a clear way
//! out of a save conflict that keeps what was typed.

use crate::nav::query_map;
use crate::routes::use_params_map;
use crate::state::effect;
use crate::state::resource;
use cartera_core::domain::phone::format_phone;
use cartera_core::domain::{
    Contact, ContactInput, DEFAULT_COUNTRY, Field, FieldError, new_contact, new_id, update_contact,
    validate_contact,
};
use chrono::Utc;
use leptos::prelude::*;

use crate::components::account_picker::AccountPicker;
use crate::components::address_fields::{AddressDraft, AddressFields};
use crate::components::field::{TextAreaField, TextField};
use crate::components::multi_field::{MultiField, MultiValue};
use crate::components::record_detail::{LoadFailed, PageLoading, RecordNotFound, label};
use crate::components::record_form::{FormFrame, FormState, submit};
use crate::i18n::{Kind, RecordForm, expect_i18n};
use crate::state::records::{Loaded, expect_records, follow_store, load};
use crate::state::{expect_current_user, expect_store};

/// What the form opens with.
#[derive(Clone, Debug, PartialEq)]
enum Opening {
    New,
    Edit(Box<Loaded<Contact>>),
    NotFound,
}

#[component]
pub fn ContactFormPage() -> impl IntoView {
    let store = expect_store();
    let params = use_params_map();
    // Read once: a write elsewhere must not reset what the user is typing.
    let opening = resource(move || {
        let (store, id) = (store.clone(), params.with(|p| p.get("id")));
        async move {
            let Some(id) = id else {
                return Ok(Opening::New);
            };
            Ok(load(&store, &id, Contact::from_doc)
                .await?
                .map_or(Opening::NotFound, |l| Opening::Edit(Box::new(l))))
        }
    });
    let account = query_map().get("account");
    view! {
        <section class="page form-page">
            <Transition fallback=PageLoading>
                {move || {
                    let account = account.clone();
                    Suspend::new(async move {
                        match opening.await {
                            Ok(Opening::New) => view! { <ContactForm base=None account /> }.into_any(),
                            Ok(Opening::Edit(l)) => view! { <ContactForm base=Some(*l) account=None /> }.into_any(),
                            Ok(Opening::NotFound) => view! { <RecordNotFound kind=Kind::Contact /> }.into_any(),
                            Err(msg) => view! { <LoadFailed msg /> }.into_any(),
                        }
                    })
                }}
            </Transition>
        </section>
    }
}

/// The contact being edited, one signal per box.
#[derive(Clone, Copy)]
struct Draft {
    given_name: RwSignal<String>,
    family_name: RwSignal<String>,
    emails: MultiValue,
    phones: MultiValue,
    job_title: RwSignal<String>,
    account_id: RwSignal<String>,
    address: AddressDraft,
    tags: RwSignal<String>,
    owner: StoredValue<String>,
    notes: RwSignal<String>,
}

impl Draft {
    fn new(i: ContactInput) -> Self {
        Self {
            given_name: RwSignal::new(i.given_name),
            family_name: RwSignal::new(i.family_name),
            emails: MultiValue::new(i.emails),
            // Shown grouped for reading (\"+34 612 34 56 78\"); the domain normalises on save.
            phones: MultiValue::new(i.phones.iter().map(|p| format_phone(p)).collect()),
            job_title: RwSignal::new(i.job_title),
            account_id: RwSignal::new(i.account_id),
            address: AddressDraft::new(i.address),
            tags: RwSignal::new(i.tags),
            owner: StoredValue::new(i.owner),
            notes: RwSignal::new(i.notes),
        }
    }

    /// The form as typed; reactive.
    fn input(&self) -> ContactInput {
        ContactInput {
            given_name: self.given_name.get(),
            family_name: self.family_name.get(),
            emails: self.emails.values(),
            phones: self.phones.values(),
            job_title: self.job_title.get(),
            account_id: self.account_id.get(),
            address: self.address.input(),
            tags: self.tags.get(),
            owner: self.owner.get_value(),
            notes: self.notes.get(),
        }
    }

    /// The contact to save on top of `old` (or a new one), with its warnings.
    fn build(
        &self,
        old: Option<&Contact>,
        user: &str,
    ) -> Result<(Contact, Vec<FieldError>), Vec<FieldError>> {
        let valid = validate_contact(&self.input(), DEFAULT_COUNTRY)?;
        let warnings = valid.warnings.clone();
        let now = Utc::now();
        let contact = match old {
            Some(old) => update_contact(old, valid, now, user),
            None => new_contact(valid, new_id(), now, user),
        };
        Ok((contact, warnings))
    }
}

#[component]
fn ContactForm(base: Option<Loaded<Contact>>, account: Option<String>) -> impl IntoView {
    let i18n = expect_i18n();
    let cache = expect_records();
    follow_store(cache, expect_store());
    let mut input = base
        .as_ref()
        .map(|l| ContactInput::from(&l.record))
        .unwrap_or_default();
    if let Some(a) = account {
        input.account_id = a;
    }
    let cancel_href = base.as_ref().map_or("/contacts".to_owned(), |l| {
        format!("/contacts/{}", l.doc.id)
    });
    let d = Draft::new(input);
    let state = FormState::new(base);
    let user = expect_current_user().id();
    let on_save = move |over_latest| {
        let user = user.clone();
        submit(state, over_latest, move |old| d.build(old, &user));
    };
    // Once errors are shown, each disappears as soon as its field is fixed.
    effect(move || {
        let current = validate_contact(&d.input(), DEFAULT_COUNTRY)
            .err()
            .unwrap_or_default();
        state.errors.prune(&current);
    });
    let errors = state.errors;
    view! {
        <FormFrame state on_save cancel_href>
            <div class="field-pair">
                <TextField id="given_name" label=label(Field::GivenName) value=d.given_name error=errors.of(Field::GivenName) autocomplete="given-name" />
                <TextField id="family_name" label=label(Field::FamilyName) value=d.family_name error=errors.of(Field::FamilyName) autocomplete="family-name" />
            </div>
            <MultiField values=d.emails field=Field::Email errors add_label=RecordForm::AddEmail input_type="email" autocomplete="email" inputmode="email" />
            <MultiField values=d.phones field=Field::Phone errors add_label=RecordForm::AddPhone input_type="tel" autocomplete="tel" inputmode="tel" />
            <TextField id="job_title" label=label(Field::JobTitle) value=d.job_title error=errors.of(Field::JobTitle) autocomplete="organization-title" />
            <AccountPicker value=d.account_id cache />
            <fieldset class="form-group">
                <legend>{i18n.signal(crate::i18n::RecordDetail::SectionAddress)}</legend>
                <AddressFields index=0 draft=d.address errors />
            </fieldset>
            <TextField id="tags" label=label(Field::Tags) value=d.tags error=errors.of(Field::Tags) hint=i18n.signal(RecordForm::TagsHint) />
            <TextAreaField id="notes" label=label(Field::Notes) value=d.notes error=errors.of(Field::Notes) />
        </FormFrame>
    }
}
