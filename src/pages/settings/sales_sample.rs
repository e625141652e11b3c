//! Settings › "Load sample deals": core's `sample_deals` over the stored accounts, in the
//! default pipeline (created first when missing).

use crate::state::job;
use cartera_core::domain::sales::{sample_deals, sample_pipeline};
use cartera_core::domain::{ACCOUNT_TYPE, Account};
use cartera_core::store::{DocStore, Edit, Query, StoreError};
use leptos::prelude::*;

use crate::i18n::{SalesMsg, expect_i18n};
use crate::state::sales::expect_sales;
use crate::state::{Store, expect_data_version, expect_store, expect_toasts};

/// The sample sizes offered, in deals.
const SIZES: [usize; 3] = [200, 1_000, 5_000];
/// Deals written per transaction.
const CHUNK: usize = 500;

async fn load_sample_deals(
    store: &Store,
    n: usize,
    pipeline: Option<cartera_core::domain::sales::Pipeline>,
) -> Result<usize, StoreError> {
    let now = chrono::Utc::now();
    let accounts: Vec<Account> = (store
        .query(&Query::ByType {
            doc_type: ACCOUNT_TYPE.into(),
        })
        .await?
        .iter())
    .filter_map(|d| Account::from_doc(d).ok())
    .collect();
    let pipeline = pipeline.unwrap_or_else(|| sample_pipeline(now));
    let seed = u64::try_from(now.timestamp_millis()).unwrap_or_default();
    let edits: Vec<Edit> = (sample_deals(seed, n, now, &accounts, &pipeline).iter())
        .map(|d| Edit {
            id: d.id.clone(),
            prev: None,
            deleted: false,
            body: d.to_body(),
        })
        .collect();
    let mut added = 0;
    for chunk in edits.chunks(CHUNK) {
        added += store
            .bulk_docs(chunk.to_vec())
            .await?
            .iter()
            .filter(|r| r.is_ok())
            .count();
    }
    Ok(added)
}

#[component]
pub fn SalesSample() -> impl IntoView {
    let i18n = expect_i18n();
    let (store, toasts, version, sales) = (
        expect_store(),
        expect_toasts(),
        expect_data_version(),
        expect_sales(),
    );
    let size = RwSignal::new(SIZES[0].to_string());
    let load = job(move |n: &usize| {
        let (store, n) = (store.clone(), *n);
        let pipeline = sales
            .pipelines
            .with_untracked(|p| p.iter().find(|p| p.is_default).or(p.first()).cloned());
        async move {
            let outcome = load_sample_deals(&store, n, pipeline).await;
            version.bump();
            match outcome {
                Ok(added) => toasts.show(i18n.t(SalesMsg::SampleLoaded(added)), None),
                Err(e) => toasts.store_error(&e),
            }
        }
    });
    view! {
        <div class="tool">
            <h3 class="tool-title">{i18n.signal(SalesMsg::SampleTitle)}</h3>
            <p class="field-hint" id="sample-deals-hint">{i18n.signal(SalesMsg::SampleHint)}</p>
            <div class="form-row">
                <label class="visually-hidden" for="sample-deals-size">{i18n.signal(SalesMsg::SampleSize)}</label>
                <select id="sample-deals-size" bind:value=size>
                    {SIZES.iter().map(|n| view! { <option value=n.to_string()>{move || i18n.t(SalesMsg::DealCount(*n))}</option> }).collect_view()}
                </select>
                <button
                    type="button"
                    class="btn"
                    aria-describedby="sample-deals-hint"
                    disabled=move || load.pending().get()
                    on:click=move |_| {
                        load.dispatch(size.get_untracked().parse().unwrap_or(SIZES[0]));
                    }
                >
                    {i18n.signal(SalesMsg::SampleLoad)}
                </button>
            </div>
        </div>
    }
}
