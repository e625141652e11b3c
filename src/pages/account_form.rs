//! `/accounts/new` and `/accounts/:id/edit`: the account form, with any number of phones and
//! addresses. Same guarantees as the contact form: inline translated errors, nothing saved
//! while invalid, first invalid field focused, input kept on a conflict.

use crate::routes::use_params_map;
use crate::state::effect;
use crate::state::resource;
use cartera_core::domain::phone::format_phone;
use cartera_core::domain::{
    Account, AccountInput, AddressInput, DEFAULT_COUNTRY, Field, FieldError, new_account, new_id,
    update_account, validate_account,
};
use chrono::Utc;
use leptos::prelude::*;

use crate::components::address_fields::{AddressDraft, AddressFields};
use crate::components::field::{TextAreaField, TextField};
use crate::components::form_errors::FormErrors;
use crate::components::keyed::keyed;
use crate::components::multi_field::{MultiField, MultiValue};
use crate::components::record_detail::{LoadFailed, PageLoading, RecordNotFound, label};
use crate::components::record_form::{FormFrame, FormState, submit};
use crate::i18n::{Kind, RecordDetail, RecordForm, expect_i18n};
use crate::state::records::{Loaded, load};
use crate::state::{expect_current_user, expect_store};

/// What the form opens with.
#[derive(Clone, Debug, PartialEq)]
enum Opening {
    New,
    Edit(Box<Loaded<Account>>),
    NotFound,
}

#[component]
pub fn AccountFormPage() -> impl IntoView {
    let store = expect_store();
    let params = use_params_map();
    // Read once: a write elsewhere must not reset what the user is typing.
    let opening = resource(move || {
        let (store, id) = (store.clone(), params.with(|p| p.get("id")));
        async move {
            let Some(id) = id else {
                return Ok(Opening::New);
            };
            Ok(load(&store, &id, Account::from_doc)
                .await?
                .map_or(Opening::NotFound, |l| Opening::Edit(Box::new(l))))
        }
    });
    view! {
        <section class="page form-page">
            <Transition fallback=PageLoading>
                {move || Suspend::new(async move {
                    match opening.await {
                        Ok(Opening::New) => view! { <AccountForm base=None /> }.into_any(),
                        Ok(Opening::Edit(l)) => view! { <AccountForm base=Some(*l) /> }.into_any(),
                        Ok(Opening::NotFound) => view! { <RecordNotFound kind=Kind::Account /> }.into_any(),
                        Err(msg) => view! { <LoadFailed msg /> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

/// The account being edited, one signal per box.
#[derive(Clone, Copy)]
struct Draft {
    name: RwSignal<String>,
    tax_id: RwSignal<String>,
    industry: RwSignal<String>,
    addresses: RwSignal<Vec<(u32, AddressDraft)>>,
    phones: MultiValue,
    website: RwSignal<String>,
    tags: RwSignal<String>,
    owner: StoredValue<String>,
    notes: RwSignal<String>,
}

impl Draft {
    fn new(i: AccountInput) -> Self {
        let addresses = if i.addresses.is_empty() {
            vec![AddressInput::default()]
        } else {
            i.addresses
        };
        Self {
            name: RwSignal::new(i.name),
            tax_id: RwSignal::new(i.tax_id),
            industry: RwSignal::new(i.industry),
            addresses: RwSignal::new(
                (0..)
                    .zip(addresses.into_iter().map(AddressDraft::new))
                    .collect(),
            ),
            // Shown grouped for reading (\"+34 612 34 56 78\"); the domain normalises on save.
            phones: MultiValue::new(i.phones.iter().map(|p| format_phone(p)).collect()),
            website: RwSignal::new(i.website),
            tags: RwSignal::new(i.tags),
            owner: StoredValue::new(i.owner),
            notes: RwSignal::new(i.notes),
        }
    }

    /// The form as typed; reactive.
    fn input(&self) -> AccountInput {
        AccountInput {
            name: self.name.get(),
            tax_id: self.tax_id.get(),
            industry: self.industry.get(),
            addresses: self
                .addresses
                .with(|a| a.iter().map(|(_, d)| d.input()).collect()),
            phones: self.phones.values(),
            website: self.website.get(),
            tags: self.tags.get(),
            owner: self.owner.get_value(),
            notes: self.notes.get(),
        }
    }

    /// The account to save on top of `old` (or a new one), with its warnings.
    fn build(
        &self,
        old: Option<&Account>,
        user: &str,
    ) -> Result<(Account, Vec<FieldError>), Vec<FieldError>> {
        let valid = validate_account(&self.input(), DEFAULT_COUNTRY)?;
        let warnings = valid.warnings.clone();
        let now = Utc::now();
        let account = match old {
            Some(old) => update_account(old, valid, now, user),
            None => new_account(valid, new_id(), now, user),
        };
        Ok((account, warnings))
    }
}

#[component]
fn AccountForm(base: Option<Loaded<Account>>) -> impl IntoView {
    let i18n = expect_i18n();
    let input = base
        .as_ref()
        .map(|l| AccountInput::from(&l.record))
        .unwrap_or_default();
    let cancel_href = base.as_ref().map_or("/accounts".to_owned(), |l| {
        format!("/accounts/{}", l.doc.id)
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
        let current = validate_account(&d.input(), DEFAULT_COUNTRY)
            .err()
            .unwrap_or_default();
        state.errors.prune(&current);
    });
    let errors = state.errors;
    view! {
        <FormFrame state on_save cancel_href>
            <TextField id="name" label=label(Field::AccountName) value=d.name error=errors.of(Field::AccountName) autocomplete="organization" required=true />
            <MultiField values=d.phones field=Field::Phone errors add_label=RecordForm::AddPhone input_type="tel" autocomplete="tel" inputmode="tel" />
            <div class="field-pair">
                <TextField id="tax_id" label=label(Field::TaxId) value=d.tax_id error=errors.of(Field::TaxId) />
                <TextField id="industry" label=label(Field::Industry) value=d.industry error=errors.of(Field::Industry) />
            </div>
            <TextField id="website" label=label(Field::Website) value=d.website error=errors.of(Field::Website) input_type="url" autocomplete="url" inputmode="url" />
            <AddressList addresses=d.addresses errors />
            <TextField id="tags" label=label(Field::Tags) value=d.tags error=errors.of(Field::Tags) hint=i18n.signal(RecordForm::TagsHint) />
            <TextAreaField id="notes" label=label(Field::Notes) value=d.notes error=errors.of(Field::Notes) />
        </FormFrame>
    }
}

/// The account's addresses, each in its own group, with Add and Remove.
#[component]
fn AddressList(addresses: RwSignal<Vec<(u32, AddressDraft)>>, errors: FormErrors) -> impl IntoView {
    let i18n = expect_i18n();
    let next = StoredValue::new(addresses.with_untracked(Vec::len) as u32);
    let add = move |_| {
        let key = next.get_value();
        next.set_value(key + 1);
        addresses.update(|a| a.push((key, AddressDraft::new(AddressInput::default()))));
    };
    let legend = move |i: usize| {
        let base = i18n.t(RecordDetail::SectionAddress);
        if i == 0 {
            base
        } else {
            format!("{base} {}", i + 1)
        }
    };
    let indexed = move || addresses.get().into_iter().enumerate().collect::<Vec<_>>();
    view! {
        {keyed(
            indexed,
            |(i, (k, _))| format!("{i}:{k}"),
            move |(i, (key, draft))| view! {
            <fieldset class="form-group">
                <legend>{move || legend(i)}</legend>
                <AddressFields index=i draft errors />
                {(i > 0).then(|| view! {
                    <button type="button" class="btn btn-link" on:click=move |_| addresses.update(|a| a.retain(|(k, _)| *k != key))>
                        {move || i18n.t(RecordForm::Remove(legend(i)))}
                    </button>
                })}
            </fieldset>
            }.into_any(),
        )}
        <button type="button" class="btn btn-link" on:click=add>
            <span aria-hidden="true">"+ "</span>
            {i18n.signal(RecordForm::AddAddress)}
        </button>
    }
}
