//! Labelled form controls with inline errors. Every control gets an accessible name from its
//! `<label for>`, `aria-invalid` when wrong, and its error text through `aria-describedby`.

use leptos::prelude::*;

/// The id of the error paragraph of the control `id`.
fn error_id(id: &str) -> String {
    format!("{id}-error")
}

/// The id of the hint paragraph of the control `id`.
fn hint_id(id: &str) -> String {
    format!("{id}-hint")
}

/// `aria-describedby` of a control: its hint, and its error while there is one.
fn described_by(
    id: &str,
    has_hint: bool,
    error: Signal<Option<String>>,
) -> impl Fn() -> Option<String> + use<> {
    let (hint, err) = (has_hint.then(|| hint_id(id)), error_id(id));
    move || {
        let parts: Vec<&str> = hint
            .iter()
            .map(String::as_str)
            .chain(error.with(Option::is_some).then_some(err.as_str()))
            .collect();
        (!parts.is_empty()).then(|| parts.join(" "))
    }
}

/// The label and the inline error shared by every field kind.
#[component]
fn FieldShell(
    id: String,
    #[prop(into)] label: Signal<String>,
    #[prop(into)] error: Signal<Option<String>>,
    required: bool,
    #[prop(default = None)] hint: Option<Signal<String>>,
    children: Children,
) -> impl IntoView {
    let (err_id, hint_id) = (error_id(&id), hint_id(&id));
    view! {
        <div class="field" class:field-invalid=move || error.with(Option::is_some)>
            // The required mark stays outside the label, so the accessible name is the bare
            // label ("Nombre"); `aria-required` tells assistive technology.
            <div class="field-label-row">
                <label class="field-label" for=id>{label}</label>
                {required.then(|| view! { <span class="field-required" aria-hidden="true">"*"</span> })}
            </div>
            {children()}
            {hint.map(|h| view! { <p class="field-hint" id=hint_id>{h}</p> })}
            <p class="field-error" id=err_id aria-live="polite">{move || error.get()}</p>
        </div>
    }
}

/// A single-line text input.
#[component]
pub fn TextField(
    /// The element id, also used to focus the field when it is the first invalid one.
    #[prop(into)]
    id: String,
    #[prop(into)] label: Signal<String>,
    value: RwSignal<String>,
    #[prop(optional, into)] error: Signal<Option<String>>,
    /// `text`, `email`, `tel`, `url`...
    #[prop(default = "text")]
    input_type: &'static str,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] inputmode: Option<&'static str>,
    #[prop(optional)] required: bool,
    #[prop(optional, into)] hint: Option<Signal<String>>,
) -> impl IntoView {
    let invalid = move || error.with(Option::is_some).then_some("true");
    let described = described_by(&id, hint.is_some(), error);
    view! {
        <FieldShell id=id.clone() label error required hint>
            <input
                id=id.clone()
                name=id
                class="field-input"
                type=input_type
                autocomplete=autocomplete
                inputmode=inputmode
                aria-required=required.then_some("true")
                aria-invalid=invalid
                aria-describedby=described
                bind:value=value
            />
        </FieldShell>
    }
}

/// A multi-line text input.
#[component]
pub fn TextAreaField(
    #[prop(into)] id: String,
    #[prop(into)] label: Signal<String>,
    value: RwSignal<String>,
    #[prop(optional, into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let invalid = move || error.with(Option::is_some).then_some("true");
    let described = described_by(&id, false, error);
    view! {
        <FieldShell id=id.clone() label error required=false>
            <textarea
                id=id.clone()
                name=id
                class="field-input field-textarea"
                rows="4"
                aria-invalid=invalid
                aria-describedby=described
                bind:value=value
            ></textarea>
        </FieldShell>
    }
}

/// A native select; `options` are `(value, text)` pairs.
#[component]
pub fn SelectField(
    #[prop(into)] id: String,
    #[prop(into)] label: Signal<String>,
    value: RwSignal<String>,
    #[prop(into)] options: Signal<Vec<(String, String)>>,
    #[prop(optional, into)] error: Signal<Option<String>>,
) -> impl IntoView {
    view! {
        <FieldShell id=id.clone() label error required=false>
            <select id=id.clone() name=id class="field-input" bind:value=value>
                {move || {
                    options
                        .get()
                        .into_iter()
                        .map(|(v, text)| {
                            let selected = value.with_untracked(|cur| *cur == v);
                            view! { <option value=v selected=selected>{text}</option> }
                        })
                        .collect_view()
                }}
            </select>
        </FieldShell>
    }
}

/// Moves keyboard focus to the element `id` (the first invalid field after a failed save).
pub fn focus_by_id(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// Moves keyboard focus to the first invalid control of the page, once the errors are drawn.
pub fn focus_first_invalid() {
    request_animation_frame(|| {
        use wasm_bindgen::JsCast;
        let first = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector("[aria-invalid=\"true\"]").ok().flatten())
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(el) = first {
            let _ = el.focus();
        }
    });
}
