//! `/deals/new` and `/deals/:id/edit`: the deal form. Amounts are typed with the locale's
//! decimal separator; errors show inline in the user's language and nothing is saved while the
//! form is invalid. Changing the stage resets the probability to the stage's default; when the
//! team has several pipelines, the deal's pipeline is chosen too (changing it starts the deal at
//! that pipeline's first stage).

use crate::nav::{query_map, use_navigate};
use crate::routes::use_params_map;
use crate::state::effect;
use crate::state::resource;
use cartera_core::domain::money::currency_codes;
use cartera_core::domain::new_id;
use cartera_core::domain::sales::{
    Deal, DealInput, ForecastCategory, Pipeline, SalesField, deal_input, new_deal, update_deal,
    validate_deal,
};
use chrono::Utc;
use leptos::prelude::*;

use crate::components::account_picker::AccountPicker;
use crate::components::deal_fields::{SalesErrors, owner_options};
use crate::components::field::{SelectField, TextAreaField, TextField};
use crate::components::record_detail::{LoadFailed, PageLoading};
use crate::i18n::{Common, ErrorMsg, RecordForm, SalesMsg, expect_i18n};
use crate::state::expect_current_user;
use crate::state::records::{Loaded, SaveError, expect_records, follow_store, load};
use crate::state::sales::{
    SalesCtx, decimal_separator, expect_sales, follow_sales, save_deal, stage_name,
};
use crate::state::{CurrentUser, expect_store};

#[derive(Clone, Debug, PartialEq)]
enum Opening {
    New,
    Edit(Box<Loaded<Deal>>),
    NotFound,
}

#[component]
pub fn DealFormPage() -> impl IntoView {
    let store = expect_store();
    let sales = expect_sales();
    follow_sales(sales, store.clone());
    let params = use_params_map();
    let opening = resource(move || {
        let (store, id) = (store.clone(), params.with(|p| p.get("id")));
        async move {
            let Some(id) = id else {
                return Ok(Opening::New);
            };
            Ok(load(&store, &id, Deal::from_doc)
                .await?
                .map_or(Opening::NotFound, |l| Opening::Edit(Box::new(l))))
        }
    });
    let account = query_map().get("account");
    // The form is built once per opening, as soon as the pipelines are in memory. The sales
    // cache reloads on every write and sync (this page's `follow_sales` starts one as it opens):
    // tracking the pipelines themselves would rebuild the form each time, throwing away what the
    // user typed while the old form's views still had updates queued (a panic on a disposed
    // signal when opening the form from the deal's page, where the cache is already loaded).
    let loaded = Memo::new(move |_| sales.pipelines.with(|p| !p.is_empty()));
    let i18n = expect_i18n();
    view! {
        <section class="page form-page">
            <Transition fallback=PageLoading>
                {move || {
                    let account = account.clone();
                    Suspend::new(async move {
                        let loaded = loaded.get();
                        let opening = opening.await;
                        let pipeline = untrack(|| sales.default_pipeline()).filter(|_| loaded);
                        match (opening, pipeline) {
                            (_, None) => view! { <PageLoading/> }.into_any(),
                            (Ok(Opening::New), Some(p)) => view! { <DealForm base=None pipeline=p account /> }.into_any(),
                            (Ok(Opening::Edit(l)), Some(p)) => {
                                let p = untrack(|| sales.pipeline(&l.record.pipeline_id)).unwrap_or(p);
                                view! { <DealForm base=Some(*l) pipeline=p account=None /> }.into_any()
                            }
                            (Ok(Opening::NotFound), _) => view! {
                                <p class="load-error" role="alert">{i18n.signal(SalesMsg::NotFound)}</p>
                            }.into_any(),
                            (Err(msg), _) => view! { <LoadFailed msg /> }.into_any(),
                        }
                    })
                }}
            </Transition>
        </section>
    }
}

/// The deal being edited, one signal per box.
#[derive(Clone, Copy)]
struct Draft {
    title: RwSignal<String>,
    account_id: RwSignal<String>,
    contact_id: RwSignal<String>,
    owner: RwSignal<String>,
    amount: RwSignal<String>,
    currency: RwSignal<String>,
    expected_close: RwSignal<String>,
    pipeline_id: RwSignal<String>,
    stage_id: RwSignal<String>,
    probability: RwSignal<String>,
    category: RwSignal<String>,
    campaign: RwSignal<String>,
    notes: RwSignal<String>,
    rest: StoredValue<DealInput>,
}

impl Draft {
    fn new(i: DealInput) -> Self {
        Self {
            title: RwSignal::new(i.title.clone()),
            account_id: RwSignal::new(i.account_id.clone()),
            contact_id: RwSignal::new(i.contact_id.clone()),
            owner: RwSignal::new(i.owner.clone()),
            amount: RwSignal::new(i.amount.clone()),
            currency: RwSignal::new(i.currency.clone()),
            expected_close: RwSignal::new(i.expected_close.clone()),
            pipeline_id: RwSignal::new(i.pipeline_id.clone()),
            stage_id: RwSignal::new(i.stage_id.clone()),
            probability: RwSignal::new(i.probability.clone()),
            category: RwSignal::new(i.category.code().to_owned()),
            campaign: RwSignal::new(i.campaign.clone()),
            notes: RwSignal::new(i.notes.clone()),
            rest: StoredValue::new(i),
        }
    }

    /// The form as typed; reactive.
    fn input(&self) -> DealInput {
        DealInput {
            title: self.title.get(),
            account_id: self.account_id.get(),
            contact_id: self.contact_id.get(),
            owner: self.owner.get(),
            amount: self.amount.get(),
            currency: self.currency.get(),
            expected_close: self.expected_close.get(),
            pipeline_id: self.pipeline_id.get(),
            stage_id: self.stage_id.get(),
            probability: self.probability.get(),
            category: ForecastCategory::from_code(&self.category.get()).unwrap_or_default(),
            campaign: self.campaign.get(),
            notes: self.notes.get(),
            ..self.rest.get_value()
        }
    }
}

/// What a new deal starts with: the default pipeline's first stage, in euros, closing in 30
/// days, owned by the current user.
fn blank_input(pipeline: &Pipeline, user: &CurrentUser, account: Option<String>) -> DealInput {
    let first = pipeline.first_stage();
    DealInput {
        currency: "EUR".into(),
        owner: user.id(),
        account_id: account.unwrap_or_default(),
        expected_close: (Utc::now().date_naive() + chrono::Duration::days(30)).to_string(),
        pipeline_id: pipeline.id.clone(),
        stage_id: first.map(|s| s.id.clone()).unwrap_or_default(),
        probability: first.map(|s| s.probability.to_string()).unwrap_or_default(),
        ..DealInput::default()
    }
}

/// Validates and saves; on success shows the deal.
fn submit(
    d: Draft,
    base: StoredValue<Option<Loaded<Deal>>>,
    errors: SalesErrors,
    saving: RwSignal<bool>,
    failure: RwSignal<Option<ErrorMsg>>,
) {
    let (ctx, user) = (SalesCtx::new(), expect_current_user().id());
    let pipelines = ctx.cache.pipelines.get_untracked();
    let sep = decimal_separator(ctx.i18n.locale());
    let valid = match validate_deal(&d.input(), &pipelines, sep) {
        Ok(v) => v,
        Err(e) => return errors.show(e),
    };
    errors.set(Vec::new());
    let old = base.get_value();
    let now = Utc::now();
    let deal = match &old {
        Some(l) => update_deal(&l.record, valid, now, &user),
        None => new_deal(valid, new_id(), now, &user),
    };
    let prev = old.as_ref().map(|l| l.doc.rev.clone());
    let created = prev.is_none();
    let navigate = use_navigate();
    saving.set(true);
    leptos::task::spawn_local(async move {
        let result = save_deal(ctx, &deal, prev).await;
        saving.try_set(false);
        match result {
            Ok(()) => {
                let msg = if created {
                    SalesMsg::Created
                } else {
                    SalesMsg::Saved
                };
                ctx.toasts.show(ctx.i18n.t(msg), None);
                navigate(&format!("/deals/{}", deal.id), Default::default());
            }
            Err(SaveError::Conflict) => failure.set(Some(ErrorMsg::Conflict)),
            Err(SaveError::Failed(m)) => failure.set(Some(m)),
        }
    });
}

#[component]
fn DealForm(
    base: Option<Loaded<Deal>>,
    pipeline: Pipeline,
    account: Option<String>,
) -> impl IntoView {
    let i18n = expect_i18n();
    let records = expect_records();
    follow_store(records, expect_store());
    let user = expect_current_user();
    let sep = decimal_separator(i18n.locale());
    let input = match &base {
        Some(l) => deal_input(&l.record, sep),
        None => blank_input(&pipeline, &user, account),
    };
    let cancel_href = base
        .as_ref()
        .map_or("/deals".to_owned(), |l| format!("/deals/{}", l.doc.id));
    let editing = base.is_some();
    let d = Draft::new(input);
    let base = StoredValue::new(base);
    let errors = SalesErrors::new();
    let (saving, failure) = (RwSignal::new(false), RwSignal::new(None::<ErrorMsg>));
    // Once errors are shown, each disappears as soon as its field is fixed.
    let pipelines = expect_sales().pipelines;
    effect(move || {
        let current = validate_deal(&d.input(), &pipelines.get(), sep)
            .err()
            .unwrap_or_default();
        errors.prune(&current);
    });
    // The chosen pipeline (the one the form opened with while the choice is unknown).
    let sales = expect_sales();
    let fallback = StoredValue::new(pipeline);
    let current = move || {
        let id = d.pipeline_id.get();
        sales.pipeline(&id).unwrap_or_else(|| fallback.get_value())
    };
    let several = Memo::new(move |_| pipelines.with(|p| p.len() > 1));
    let pipeline_options = Signal::derive(move || {
        pipelines
            .with(|all| (all.iter().map(|p| (p.id.clone(), p.name.clone()))).collect::<Vec<_>>())
    });
    let stage_options = Signal::derive(move || {
        let (l, p) = (i18n.locale(), current());
        (p.stages
            .iter()
            .map(|s| (s.id.clone(), stage_name(&p, s, l))))
        .collect::<Vec<_>>()
    });
    // Another pipeline starts the deal at its first stage; another stage brings its default
    // probability.
    Effect::new(move |prev: Option<(String, String)>| {
        let (pid, sid) = (d.pipeline_id.get(), d.stage_id.get());
        let p = untrack(current);
        let Some((old_pid, old_sid)) = prev else {
            return (pid, sid);
        };
        let stage = match (old_pid != pid, old_sid != sid) {
            (true, _) => p.first_stage(),
            (false, true) => p.stage(&sid),
            (false, false) => None,
        };
        let Some(s) = stage else {
            return (pid, sid);
        };
        d.probability.set(s.probability.to_string());
        d.stage_id.set(s.id.clone());
        (pid, s.id.clone())
    });
    let stage_p = move || {
        let sid = d.stage_id.get();
        current().stage(&sid).map_or(0, |s| s.probability)
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !saving.get_untracked() {
            submit(d, base, errors, saving, failure);
        }
    };
    let currencies = Signal::derive(|| {
        currency_codes()
            .map(|c| (c.to_owned(), c.to_owned()))
            .collect::<Vec<_>>()
    });
    let categories = Signal::derive(move || {
        (ForecastCategory::ALL
            .iter()
            .filter(|c| **c != ForecastCategory::Closed))
        .map(|c| (c.code().to_owned(), i18n.t(SalesMsg::Category(*c))))
        .collect::<Vec<_>>()
    });
    let owners = owner_options(user, d.owner.get_untracked());
    let label = move |f: SalesField| i18n.signal(SalesMsg::Field(f));
    view! {
        <form class="record-form deal-form" novalidate on:submit=on_submit>
            <h1>{move || i18n.t(if editing { SalesMsg::EditDeal } else { SalesMsg::NewDeal })}</h1>
            {move || errors.count().gt(&0).then(|| view! { <p class="form-summary" role="alert">{i18n.t(RecordForm::FixFields(errors.count()))}</p> })}
            {move || failure.get().map(|msg| view! { <p class="form-failure" role="alert">{i18n.t(msg)}</p> })}
            <div class="form-fields">
                <TextField id="title" label=label(SalesField::Title) value=d.title error=errors.of(SalesField::Title) required=true />
                <AccountPicker value=d.account_id cache=records />
                <ContactSelect account=d.account_id value=d.contact_id />
                <div class="field-pair">
                    <TextField id="amount" label=label(SalesField::Amount) value=d.amount error=errors.of(SalesField::Amount) inputmode="decimal" required=true hint=i18n.signal(SalesMsg::AmountHint) />
                    <SelectField id="currency" label=label(SalesField::Currency) value=d.currency options=currencies error=errors.of(SalesField::Currency) />
                </div>
                <TextField id="expected_close" label=label(SalesField::ExpectedClose) value=d.expected_close error=errors.of(SalesField::ExpectedClose) input_type="date" required=true />
                <div hidden=move || !several.get()>
                    <SelectField id="pipeline" label=label(SalesField::PipelineId) value=d.pipeline_id options=pipeline_options error=errors.of(SalesField::PipelineId) />
                </div>
                <div class="field-pair">
                    <SelectField id="stage" label=label(SalesField::StageId) value=d.stage_id options=stage_options error=errors.of(SalesField::StageId) />
                    <TextField id="probability" label=label(SalesField::Probability) value=d.probability error=errors.of(SalesField::Probability) inputmode="numeric" hint=Signal::derive(move || i18n.t(SalesMsg::ProbabilityHint(stage_p()))) />
                </div>
                <SelectField id="category" label=label(SalesField::Category) value=d.category options=categories />
                <TextField id="campaign" label=label(SalesField::Campaign) value=d.campaign error=errors.of(SalesField::Campaign) />
                <SelectField id="owner" label=label(SalesField::Owner) value=d.owner options=owners error=errors.of(SalesField::Owner) />
                <TextAreaField id="notes" label=label(SalesField::Notes) value=d.notes error=errors.of(SalesField::Notes) />
            </div>
            <div class="form-actions">
                <button type="submit" class="btn btn-primary" disabled=move || saving.get()>
                    {move || if saving.get() { i18n.t(RecordForm::Saving) } else { i18n.t(Common::Save) }}
                </button>
                <a href=cancel_href class="btn">{i18n.signal(Common::Cancel)}</a>
            </div>
        </form>
    }
}

/// The contact, among the chosen account's contacts (or every contact without an account,
/// capped).
#[component]
fn ContactSelect(account: RwSignal<String>, value: RwSignal<String>) -> impl IntoView {
    let i18n = expect_i18n();
    let records = expect_records();
    let options = Signal::derive(move || {
        let acc = account.get();
        let current = value.get_untracked();
        let mut out = vec![(String::new(), i18n.t(SalesMsg::ContactNone))];
        records.contacts.with(|set| {
            let rows = set.rows().filter(|c| {
                c.id == current
                    || (!acc.is_empty() && c.account_id.as_deref() == Some(acc.as_str()))
            });
            out.extend(rows.take(200).map(|c| (c.id.clone(), c.name.clone())));
        });
        out
    });
    let label = i18n.signal(SalesMsg::Field(SalesField::ContactId));
    view! { <SelectField id="contact" label value options /> }
}
