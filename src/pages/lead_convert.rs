//! `/leads/:id/convert`: a preview of what converting makes (a contact; the matching existing
//! account or a new one; optionally a deal with amount, currency, close date and stage), then
//! every document written in ONE `bulk_docs` batch, a toast, and the new contact's page.

use crate::nav::NavigateOptions;
use crate::nav::use_navigate;
use crate::routes::use_params_map;
use crate::state::resource;
use cartera_core::domain::leads::{
    AccountChoice, ConversionIds, ConvertError, Lead, convert_lead, deal_input_for, match_account,
};
use cartera_core::domain::sales::{SalesField, SalesFieldError, ValidDeal, validate_deal};
use cartera_core::domain::{ACCOUNT_TYPE, Account, new_id};
use chrono::{Duration, Utc};
use leptos::prelude::*;

use crate::components::field::{SelectField, TextField};
use crate::components::record_detail::{LoadFailed, PageLoading};
use crate::i18n::{I18n, Leads, SalesMsg, expect_i18n};
use crate::pages::lead_detail::LeadNotFound;
use crate::state::leads::{edit, load_all, save_error_message, write_batch};
use crate::state::records::{Loaded, WriteCtx, load};
use crate::state::sales::{SalesCache, decimal_separator, expect_sales, follow_sales, stage_name};
use crate::state::{Store, expect_current_user, expect_data_version, expect_store};

/// The lead and the accounts it may belong to.
#[derive(Clone, Debug, PartialEq)]
struct ConvertData {
    lead: Loaded<Lead>,
    accounts: Vec<Account>,
}

#[component]
pub fn LeadConvertPage() -> impl IntoView {
    let (store, version) = (expect_store(), expect_data_version());
    let params = use_params_map();
    let data = resource(move || {
        version.track();
        let id = params.with(|p| p.get("id")).unwrap_or_default();
        let store = store.clone();
        async move {
            let Some(lead) = load(&store, &id, Lead::from_doc).await? else {
                return Ok(None);
            };
            let accounts = load_all(&store, ACCOUNT_TYPE, Account::from_doc).await?;
            Ok(Some(ConvertData { lead, accounts }))
        }
    });
    view! {
        <section class="page form-page">
            <Transition fallback=PageLoading>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(Some(d)) => view! { <ConvertView data=d /> }.into_any(),
                        Ok(None) => view! { <LeadNotFound /> }.into_any(),
                        Err(msg) => view! { <LoadFailed msg /> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

/// The optional deal's boxes.
#[derive(Clone, Copy)]
struct DealDraft {
    enabled: RwSignal<bool>,
    title: RwSignal<String>,
    amount: RwSignal<String>,
    currency: RwSignal<String>,
    close: RwSignal<String>,
    stage: RwSignal<String>,
    errors: RwSignal<Vec<SalesFieldError>>,
    i18n: I18n,
    sales: SalesCache,
}

impl DealDraft {
    fn new(lead: &Lead) -> Self {
        let close = (Utc::now() + Duration::days(30)).date_naive();
        Self {
            enabled: RwSignal::new(true),
            title: RwSignal::new(deal_input_for(lead).title),
            amount: RwSignal::new(String::new()),
            currency: RwSignal::new("EUR".into()),
            close: RwSignal::new(close.to_string()),
            stage: RwSignal::new(String::new()),
            errors: RwSignal::new(Vec::new()),
            i18n: expect_i18n(),
            sales: expect_sales(),
        }
    }

    /// The validated deal, `Ok(None)` when no deal is wanted; errors are kept for display.
    fn valid(&self, lead: &Lead) -> Result<Option<ValidDeal>, ()> {
        if !self.enabled.get_untracked() {
            return Ok(None);
        }
        let (i18n, sales) = (self.i18n, self.sales);
        let pipelines = sales.pipelines.get_untracked();
        let mut input = deal_input_for(lead);
        input.title = self.title.get_untracked();
        input.amount = self.amount.get_untracked();
        input.currency = self.currency.get_untracked();
        input.expected_close = self.close.get_untracked();
        input.stage_id = self.stage.get_untracked();
        let sep = decimal_separator(i18n.locale());
        match validate_deal(&input, &pipelines, sep) {
            Ok(v) => {
                self.errors.set(Vec::new());
                Ok(Some(v))
            }
            Err(e) => {
                self.errors.set(e);
                Err(())
            }
        }
    }

    fn error(&self, field: SalesField) -> Signal<Option<String>> {
        let (errors, i18n) = (self.errors, self.i18n);
        Signal::derive(move || {
            errors.with(|list| {
                (list.iter().find(|e| e.field == field)).map(|e| i18n.t(SalesMsg::Error(*e)))
            })
        })
    }
}

#[component]
fn ConvertView(data: ConvertData) -> impl IntoView {
    let i18n = expect_i18n();
    let (store, sales) = (expect_store(), expect_sales());
    follow_sales(sales, store.clone());
    let ConvertData { lead, accounts } = data;
    let deal = DealDraft::new(&lead.record);
    let busy = RwSignal::new(false);
    let account_line = account_preview(&lead.record, &accounts);
    let user = expect_current_user().id();
    let navigate = use_navigate();
    let ctx = WriteCtx::new();
    let blocked = lead.record.converted.is_some()
        || (lead.record.given_name.trim().is_empty() && lead.record.family_name.trim().is_empty());
    let lead_href = format!("/leads/{}", lead.doc.id);
    let name = lead.record.display_name();
    let confirm = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Ok(valid_deal) = deal.valid(&lead.record) else {
            return;
        };
        busy.set(true);
        let go = navigate.clone();
        let (lead, accounts, user) = (lead.clone(), accounts.clone(), user.clone());
        let store = store.clone();
        leptos::task::spawn_local(async move {
            let done = convert((ctx, store), lead, &accounts, valid_deal, &user).await;
            if let Some(path) = done {
                go(&path, NavigateOptions::default());
            }
            busy.set(false);
        });
    };
    view! {
        <h1>{i18n.signal(Leads::ConvertTitle)}</h1>
        <form class="record-form" novalidate on:submit=confirm>
            <section class="convert-card" aria-labelledby="convert-contact">
                <h2 id="convert-contact">{i18n.signal(Leads::NewContact)}</h2>
                <p>{name}</p>
                <p>{account_line}</p>
            </section>
            <DealFields deal />
            {blocked.then(|| view! { <p class="form-summary" role="alert">{i18n.signal(Leads::NeedsPersonName)}</p> })}
            <div class="form-actions">
                <button type="submit" class="btn btn-primary" disabled=move || blocked || busy.get()>
                    {i18n.signal(Leads::ConfirmConvert)}
                </button>
                <a href=lead_href class="btn">{i18n.signal(crate::i18n::Common::Cancel)}</a>
            </div>
        </form>
    }
}

/// "Cuenta existente (mismo NIF): Aceros del Norte", "Cuenta nueva: …" or "Sin empresa".
fn account_preview(lead: &Lead, accounts: &[Account]) -> impl IntoView + use<> {
    let i18n = expect_i18n();
    let found = match_account(lead, accounts).map(|(a, how)| (a.name.clone(), how));
    let company = lead.company.trim().to_owned();
    move || match (&found, company.is_empty()) {
        (Some((name, how)), _) => format!("{}: {name}", i18n.t(Leads::ExistingAccount(*how))),
        (None, false) => format!("{}: {company}", i18n.t(Leads::NewAccount)),
        (None, true) => i18n.t(Leads::NoAccount),
    }
}

/// The optional deal: a checkbox, then title, amount, currency, close date and stage.
#[component]
fn DealFields(deal: DealDraft) -> impl IntoView {
    let i18n = expect_i18n();
    let sales = expect_sales();
    let t = move |m: Leads| i18n.signal(m);
    let stages = Signal::derive(move || {
        let l = i18n.locale();
        sales
            .default_pipeline()
            .map(|p| {
                (p.stages.iter())
                    .map(|s| (s.id.clone(), stage_name(&p, s, l)))
                    .collect()
            })
            .unwrap_or_default()
    });
    view! {
        <section class="convert-card">
            <label class="checkbox-row">
                <input type="checkbox" id="convert-deal" bind:checked=deal.enabled />
                {i18n.signal(Leads::CreateDeal)}
            </label>
            <Show when=move || deal.enabled.get()>
                <TextField id="deal-title" label=t(Leads::DealTitle) value=deal.title error=deal.error(SalesField::Title) required=true />
                <div class="field-pair">
                    <TextField id="deal-amount" label=t(Leads::Amount) value=deal.amount error=deal.error(SalesField::Amount) inputmode="decimal" />
                    <TextField id="deal-currency" label=t(Leads::Currency) value=deal.currency error=deal.error(SalesField::Currency) />
                </div>
                <TextField id="deal-close" label=t(Leads::CloseDate) value=deal.close error=deal.error(SalesField::ExpectedClose) input_type="date" />
                <SelectField id="deal-stage" label=t(Leads::Stage) value=deal.stage options=stages error=deal.error(SalesField::StageId) />
            </Show>
        </section>
    }
}

/// Converts and writes contact, account, deal and lead in one batch; the path to open next.
async fn convert(
    (ctx, store): (WriteCtx, Store),
    lead: Loaded<Lead>,
    accounts: &[Account],
    deal: Option<ValidDeal>,
    user: &str,
) -> Option<String> {
    let ids = ConversionIds {
        contact: new_id(),
        account: new_id(),
        deal: new_id(),
    };
    let c = match convert_lead(&lead.record, accounts, deal, ids, Utc::now(), user) {
        Ok(c) => c,
        Err(e) => {
            let msg = match e {
                ConvertError::AlreadyConverted => Leads::AlreadyConverted,
                ConvertError::NeedsPersonName => Leads::NeedsPersonName,
            };
            ctx.toasts.error(ctx.i18n.t(msg));
            return None;
        }
    };
    let mut edits = vec![edit(&c.contact.id, None, c.contact.to_body())];
    if let AccountChoice::New(a) = &c.account {
        edits.push(edit(&a.id, None, a.to_body()));
    }
    if let Some(d) = &c.deal {
        edits.push(edit(&d.id, None, d.to_body()));
    }
    edits.push(edit(
        &c.lead.id,
        Some(lead.doc.rev.clone()),
        c.lead.to_body(),
    ));
    match write_batch(&store, edits).await {
        Ok(_) => {
            if let AccountChoice::New(a) = &c.account {
                ctx.cache.apply_account(a);
            }
            ctx.cache.apply_contact(&c.contact);
            ctx.version.bump();
            ctx.toasts.show(ctx.i18n.t(Leads::Converted), None);
            Some(format!("/contacts/{}", c.contact.id))
        }
        Err(e) => {
            ctx.toasts.error(ctx.i18n.t(save_error_message(e)));
            None
        }
    }
}
