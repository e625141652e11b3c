//! Data tools: export everything as JSON, load sample data, delete all local data.

use crate::state::job;
use leptos::prelude::*;

use crate::components::confirm_dialog::ConfirmDialog;
use crate::i18n::{Settings as Msg, SettingsCount, expect_i18n, fmt_int};
use crate::state::{self, expect_data_version, expect_store, expect_toasts};

/// The sample sizes offered, in contacts.
const SAMPLE_SIZES: [usize; 3] = [100, 1_000, 10_000];

#[component]
pub fn DataSection() -> impl IntoView {
    let i18n = expect_i18n();
    view! {
        <section class="card" aria-labelledby="data-title">
            <h2 id="data-title" class="card-title">{i18n.signal(Msg::Data)}</h2>
            <ExportData/>
            <SampleData/>
            <DeleteAll/>
        </section>
    }
}

#[component]
fn ExportData() -> impl IntoView {
    let i18n = expect_i18n();
    let store = expect_store();
    let toasts = expect_toasts();
    let export = job(move |_: &()| {
        let store = store.clone();
        async move {
            match state::export_all(&store).await {
                Ok(()) => toasts.show(i18n.t(Msg::Exported), None),
                Err(e) => toasts.store_error(&e),
            }
        }
    });
    view! {
        <div class="tool">
            <h3 class="tool-title">{i18n.signal(Msg::Backup)}</h3>
            <p class="field-hint" id="export-hint">{i18n.signal(Msg::ExportHint)}</p>
            <button
                type="button"
                class="btn"
                aria-describedby="export-hint"
                disabled=move || export.pending().get()
                on:click=move |_| {
                    export.dispatch(());
                }
            >
                {i18n.signal(Msg::Export)}
            </button>
        </div>
    }
}

#[component]
fn SampleData() -> impl IntoView {
    let i18n = expect_i18n();
    let store = expect_store();
    let toasts = expect_toasts();
    let version = expect_data_version();
    let size = RwSignal::new(SAMPLE_SIZES[1]);
    // (done, total) while loading.
    let progress = RwSignal::new(None::<(usize, usize)>);
    let load = job(move |n: &usize| {
        let (store, n) = (store.clone(), *n);
        async move {
            let report = move |done, total| progress.set(Some((done, total)));
            let outcome = state::load_sample(&store, n, report).await;
            progress.set(None);
            version.bump();
            match outcome {
                Ok(added) => toasts.show(
                    i18n.t(SettingsCount::SampleLoaded(fmt_int(
                        i18n.locale(),
                        added as i64,
                    ))),
                    None,
                ),
                Err(e) => toasts.store_error(&e),
            }
        }
    });
    let busy = move || progress.get().is_some() || load.pending().get();
    view! {
        <div class="tool">
            <h3 class="tool-title">{i18n.signal(Msg::SampleData)}</h3>
            <div class="form-row">
                <div class="field">
                    <label for="sample-size">{i18n.signal(Msg::SampleSize)}</label>
                    <select
                        id="sample-size"
                        prop:value=move || size.get().to_string()
                        on:change=move |ev| {
                            if let Ok(n) = event_target_value(&ev).parse() {
                                size.set(n);
                            }
                        }
                    >
                        {SAMPLE_SIZES.map(|n| view! {
                            <option value=n.to_string()>
                                {move || i18n.t(SettingsCount::Contacts(fmt_int(i18n.locale(), n as i64)))}
                            </option>
                        })}
                    </select>
                </div>
                <button type="button" class="btn" disabled=busy on:click=move |_| {
                    load.dispatch(size.get_untracked());
                }>
                    {i18n.signal(Msg::LoadSample)}
                </button>
            </div>
            <SampleProgress progress/>
        </div>
    }
}

#[component]
fn SampleProgress(progress: RwSignal<Option<(usize, usize)>>) -> impl IntoView {
    let i18n = expect_i18n();
    let label = move || {
        let (done, total) = progress.get().unwrap_or_default();
        let locale = i18n.locale();
        i18n.t(SettingsCount::Progress {
            done: fmt_int(locale, done as i64),
            total: fmt_int(locale, total as i64),
        })
    };
    view! {
        <Show when=move || progress.get().is_some()>
            <div class="progress" role="status">
                <span id="sample-progress-label">{i18n.signal(Msg::LoadingSample)}</span>
                <progress
                    aria-labelledby="sample-progress-label"
                    max=move || progress.get().map_or(1, |p| p.1.max(1))
                    value=move || progress.get().map_or(0, |p| p.0)
                ></progress>
                <span class="progress-text">{label}</span>
            </div>
        </Show>
    }
}

#[component]
fn DeleteAll() -> impl IntoView {
    let i18n = expect_i18n();
    let store = expect_store();
    let toasts = expect_toasts();
    let open = RwSignal::new(false);
    let delete = job(move |_: &()| {
        let store = store.clone();
        async move {
            // On success the page reloads onto an empty store; only a failure comes back.
            if let Err(e) = state::delete_all_data(store).await {
                toasts.store_error(&e);
            }
        }
    });
    view! {
        <div class="tool tool-danger">
            <h3 class="tool-title">{i18n.signal(Msg::DeleteAll)}</h3>
            <p class="field-hint">{i18n.signal(Msg::DeleteAllHint)}</p>
            <button
                type="button"
                class="btn btn-danger"
                disabled=move || delete.pending().get()
                on:click=move |_| open.set(true)
            >
                {move || if delete.pending().get() { i18n.t(Msg::Deleting) } else { i18n.t(Msg::DeleteAll) }}
            </button>
            <ConfirmDialog
                open
                title=i18n.signal(Msg::DeleteAll)
                message=i18n.signal(Msg::DeleteAllConfirm)
                confirm_label=i18n.signal(Msg::DeleteAllButton)
                on_confirm=Callback::new(move |_| {
                    delete.dispatch(());
                })
                destructive=true
            />
        </div>
    }
}
