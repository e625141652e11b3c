//! What every record form shares: the save flow (validate, write, conflict, toast, go to the
//! detail page) and the frame around the fields (title, error summary, conflict banner, Save
//! and Cancel).

use crate::nav::use_navigate;
use cartera_core::domain::FieldError;
use leptos::{ev, prelude::*};

use crate::components::form_errors::{ErrorSummary, FormErrors};
use crate::i18n::{Common, ErrorMsg, FieldErrorText, RecordForm, expect_i18n};
use crate::state::records::{Loaded, Record, SaveError, WriteCtx, latest, save};
use crate::state::{Store, expect_store};

/// The path of a record's page ("/contacts/{id}").
pub fn detail_path<T: Record>(id: &str) -> String {
    match T::KIND {
        crate::i18n::Kind::Contact => format!("/contacts/{id}"),
        crate::i18n::Kind::Account => format!("/accounts/{id}"),
    }
}

/// A form's state besides its fields.
pub struct FormState<T: Record> {
    pub errors: FormErrors,
    /// The record changed elsewhere since it was opened.
    pub conflict: RwSignal<bool>,
    /// The last save failed for another reason.
    pub failure: RwSignal<Option<ErrorMsg>>,
    pub saving: RwSignal<bool>,
    /// The version being edited (`None` for a new record); replaced after a conflict when
    /// the user saves over the newer version.
    pub base: StoredValue<Option<Loaded<T>>>,
    store: StoredValue<Store>,
    ctx: WriteCtx,
    navigate: StoredValue<Navigate, LocalStorage>,
}

type Navigate = Box<dyn Fn(&str)>;

impl<T: Record> Clone for FormState<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Record> Copy for FormState<T> {}

impl<T: Record> FormState<T> {
    pub fn new(base: Option<Loaded<T>>) -> Self {
        Self {
            errors: FormErrors::new(),
            conflict: RwSignal::new(false),
            failure: RwSignal::new(None),
            saving: RwSignal::new(false),
            base: StoredValue::new(base),
            store: StoredValue::new(expect_store()),
            ctx: WriteCtx::new(),
            navigate: StoredValue::new_local(navigator()),
        }
    }

    fn go_to(&self, path: &str) {
        self.navigate.with_value(|nav| nav(path));
    }

    pub fn editing(&self) -> bool {
        self.base.with_value(Option::is_some)
    }
}

fn navigator() -> Navigate {
    let navigate = use_navigate();
    Box::new(move |path: &str| navigate(path, Default::default()))
}

/// Validates with `build`; when valid, saves (after fetching the latest version first when
/// `over_latest`, the user's answer to a conflict), then shows the detail page and a toast.
/// Nothing is written while the form is invalid, and the input stays on any failure.
pub fn submit<T: Record>(
    state: FormState<T>,
    over_latest: bool,
    build: impl Fn(Option<&T>) -> Result<(T, Vec<FieldError>), Vec<FieldError>> + 'static,
) {
    if state.saving.get_untracked() {
        return;
    }
    let preview = state
        .base
        .with_value(|b| build(b.as_ref().map(|l| &l.record)));
    if let Err(errors) = preview {
        state.errors.set(errors);
        state.errors.focus_first();
        return;
    }
    state.errors.set(Vec::new());
    state.failure.set(None);
    state.saving.set(true);
    let store = state.store.get_value();
    leptos::task::spawn_local(async move {
        let result = write_form(&store, state.base.get_value(), over_latest, build).await;
        state.saving.try_set(false);
        match result {
            Ok((saved, warnings, created)) => after_save(state, saved, &warnings, created),
            Err(SaveError::Conflict) => {
                state.conflict.try_set(true);
            }
            Err(SaveError::Failed(msg)) => {
                state.failure.try_set(Some(msg));
            }
        }
    });
}

/// Builds the record on top of `base` (first replaced by the latest version when
/// `over_latest`) and writes it: the saved record, its warnings, and whether it is new.
async fn write_form<T: Record>(
    store: &Store,
    mut base: Option<Loaded<T>>,
    over_latest: bool,
    build: impl Fn(Option<&T>) -> Result<(T, Vec<FieldError>), Vec<FieldError>>,
) -> Result<(Loaded<T>, Vec<FieldError>, bool), SaveError> {
    if over_latest && let Some(b) = &base {
        base = Some(latest(store, &b.doc.id, b.record.clone()).await?);
    }
    let built = build(base.as_ref().map(|l| &l.record));
    // Validated just before; only a newer version could make it fail, and it cannot.
    let (record, warnings) = built.map_err(|_| SaveError::Failed(ErrorMsg::Unexpected))?;
    let prev = base.map(|b| b.doc.rev);
    let created = prev.is_none();
    let saved = save(store, prev, &record).await?;
    Ok((saved, warnings, created))
}

/// Shows the saved record everywhere, says so, and opens its page.
fn after_save<T: Record>(
    state: FormState<T>,
    saved: Loaded<T>,
    warnings: &[FieldError],
    created: bool,
) {
    let ctx = state.ctx;
    saved.record.apply(ctx.cache);
    ctx.version.bump();
    let msg = if created {
        RecordForm::Created(T::KIND)
    } else {
        RecordForm::Saved(T::KIND)
    };
    ctx.toasts.show(ctx.i18n.t(msg), None);
    for w in warnings {
        ctx.toasts.show(ctx.i18n.t(FieldErrorText(*w)), None);
    }
    let path = detail_path::<T>(saved.record.id());
    state.base.try_set_value(Some(saved));
    state.go_to(&path);
}

/// The frame of a record form. `on_save(over_latest)` runs on submit (false) and when the user
/// chooses to save over a newer version after a conflict (true).
#[component]
pub fn FormFrame<T: Record>(
    state: FormState<T>,
    #[prop(into)] on_save: Callback<bool>,
    cancel_href: String,
    children: Children,
) -> impl IntoView {
    let i18n = expect_i18n();
    let kind = T::KIND;
    let title = move || {
        if state.editing() {
            i18n.t(RecordForm::EditTitle(kind))
        } else {
            i18n.t(RecordForm::NewTitle(kind))
        }
    };
    let on_submit = move |ev: ev::SubmitEvent| {
        ev.prevent_default();
        on_save.run(false);
    };
    let discard_href = cancel_href.clone();
    view! {
        <form class="record-form" novalidate on:submit=on_submit>
            <h1>{title}</h1>
            <ErrorSummary errors=state.errors />
            <Show when=move || state.conflict.get()>
                <div class="conflict" role="alert">
                    <p class="conflict-title">{i18n.signal(RecordForm::ConflictTitle(kind))}</p>
                    <p>{i18n.signal(RecordForm::ConflictBody)}</p>
                    <div class="conflict-actions">
                        <button type="button" class="btn btn-primary" on:click=move |_| {
                            state.conflict.set(false);
                            on_save.run(true);
                        }>{i18n.signal(RecordForm::SaveAnyway)}</button>
                        <a href=discard_href.clone() class="btn">{i18n.signal(RecordForm::DiscardMine)}</a>
                    </div>
                </div>
            </Show>
            {move || state.failure.get().map(|msg| view! { <p class="form-failure" role="alert">{i18n.t(msg)}</p> })}
            <div class="form-fields">{children()}</div>
            <div class="form-actions">
                <button type="submit" class="btn btn-primary" disabled=move || state.saving.get()>
                    {move || if state.saving.get() { i18n.t(RecordForm::Saving) } else { i18n.t(Common::Save) }}
                </button>
                <a href=cancel_href class="btn">{i18n.signal(Common::Cancel)}</a>
            </div>
        </form>
    }
}
