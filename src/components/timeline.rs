//! A record's timeline (core's `timeline`): its activities and history newest first, each
//! activity with its kind, subject (a link to open it), due or done time and a done toggle
//! (visits show their state: they are done by checking out); and "New activity", prefilled
//! with the link. One section for contacts, accounts, deals and leads.

use cartera_core::domain::leads::Reassignment;
use cartera_core::domain::sales::{
    Activity, ActivityKind, Entry, History, Pipeline, RecordRef, SalesField, StageChange, When,
    timeline,
};
use leptos::prelude::*;

use crate::components::deal_fields::rep_name;
use crate::components::record_detail::LoadFailed;
use crate::components::record_meta::who;
use crate::i18n::{
    ActivityMsg, I18n, Leads, SalesMsg, TodayMsg, expect_i18n, fmt_date, fmt_datetime,
};
use crate::state::activities::{Activities, activities_resource, activity_href, save_done};
use crate::state::records::WriteCtx;
use crate::state::sales::stage_label;
use crate::state::{CurrentUser, Store, expect_current_user, expect_store};

/// What a timeline is of: record `id` of `kind` ("contact", "account", "deal", "lead"), the
/// `related` records whose activities are listed too (an account's contacts and deals), and
/// the record's history (a deal's stage moves, named by its pipeline; a lead's reassignments).
pub struct TimelineOf {
    pub kind: &'static str,
    pub id: String,
    pub related: Vec<(&'static str, String)>,
    pub stages: Vec<StageChange>,
    pub reassignments: Vec<Reassignment>,
    pub pipeline: Option<Pipeline>,
}

impl TimelineOf {
    pub fn new(kind: &'static str, id: String) -> Self {
        Self {
            kind,
            id,
            related: Vec::new(),
            stages: Vec::new(),
            reassignments: Vec::new(),
            pipeline: None,
        }
    }
}

/// The timeline section of a detail page. A plain function, not a component: one call shape,
/// no props builder per page.
pub fn timeline_section(of: TimelineOf) -> AnyView {
    let i18n = expect_i18n();
    let loaded = activities_resource();
    let new_href = format!("/activities/new?{}={}", of.kind, of.id);
    let src = StoredValue::new(of);
    let toggle = Toggle {
        ctx: WriteCtx::new(),
        store: StoredValue::new(expect_store()),
        user: expect_current_user(),
    };
    let body = move || match loaded.get() {
        None => None,
        Some(Ok(acts)) => Some(src.with_value(|s| entries(i18n, s, &acts, toggle))),
        Some(Err(msg)) => Some(view! { <LoadFailed msg /> }.into_any()),
    };
    view! {
        <section class="detail-section timeline" aria-labelledby="timeline-heading">
            <div class="timeline-head">
                <h2 id="timeline-heading">{i18n.signal(ActivityMsg::Timeline)}</h2>
                <a href=new_href class="btn">{i18n.signal(ActivityMsg::NewActivity)}</a>
            </div>
            {body}
        </section>
    }
    .into_any()
}

/// The entries, or the empty state.
fn entries(i18n: I18n, s: &TimelineOf, acts: &Activities, toggle: Toggle) -> AnyView {
    let Some(record) = RecordRef::from_code(s.kind, &s.id) else {
        return ().into_any();
    };
    let related: Vec<RecordRef> = (s.related.iter())
        .filter_map(|(k, id)| RecordRef::from_code(k, id))
        .collect();
    let history = History {
        stages: &s.stages,
        reassignments: &s.reassignments,
    };
    let list = timeline(record, &related, &acts.list, history);
    if list.is_empty() {
        return view! { <p class="muted">{i18n.t(ActivityMsg::TimelineEmpty)}</p> }.into_any();
    }
    let (user, l) = (toggle.user, i18n.locale());
    let items = (list.into_iter())
        .map(|e| match e {
            Entry::Activity(a) => activity_item(i18n, a, acts, toggle),
            Entry::Stage(c) => {
                let name = |id: &str| stage_label(s.pipeline.as_ref(), id, l);
                let what = match &c.from {
                    None => SalesMsg::EnteredFirst(name(&c.to)),
                    Some(f) => SalesMsg::FromTo(name(f), name(&c.to)),
                };
                let meta = [
                    i18n.t(SalesMsg::Field(SalesField::StageId)),
                    rep_name(i18n, user, &c.by),
                    fmt_datetime(l, c.at),
                ];
                let line = Line::new("stage", i18n.t(what), meta.join(" · "));
                item(line, None)
            }
            Entry::Reassigned(r) => {
                let (from, to, by) = (who(&r.from, true), who(&r.to, true), who(&r.by, false));
                let at = fmt_datetime(l, r.at);
                let what = Leads::Reassignment(from, to, at, by, r.reason.clone());
                item(Line::new("owner", i18n.t(what), i18n.t(Leads::Owner)), None)
            }
        })
        .collect_view();
    view! { <ol class="timeline-list">{items}</ol> }.into_any()
}

/// What one line of the timeline shows.
struct Line {
    icon: &'static str,
    title: String,
    /// Where the title links to (activities).
    href: Option<String>,
    meta: String,
    done: bool,
}

impl Line {
    fn new(icon: &'static str, title: String, meta: String) -> Self {
        Self {
            icon,
            title,
            href: None,
            meta,
            done: false,
        }
    }
}

/// One line: every entry has the same shape (one view type: the wasm is tight). The title
/// is a link (a plain `<a>`: the router follows it) when it opens something.
fn item(line: Line, toggle: Option<AnyView>) -> AnyView {
    view! {
        <li class="timeline-item" class:is-done=line.done>
            <span class=format!("timeline-icon timeline-icon-{}", line.icon) aria-hidden="true"></span>
            <span class="timeline-text">
                <a class="timeline-title" href=line.href>{line.title}</a>
                <span class="timeline-meta">{line.meta}</span>
            </span>
            {toggle}
        </li>
    }
    .into_any()
}

/// Marks activities done or to do again from a timeline.
#[derive(Clone, Copy)]
struct Toggle {
    ctx: WriteCtx,
    store: StoredValue<Store>,
    user: CurrentUser,
}

/// An activity: kind, due or done time, and the done checkbox (a visit's state is written
/// out instead: visits are done by checking out, on the visit screen).
fn activity_item(i18n: I18n, a: &Activity, acts: &Activities, toggle: Toggle) -> AnyView {
    let l = i18n.locale();
    let done = a.is_done();
    let when = match (a.done_at, a.when) {
        (Some(t), _) => ActivityMsg::DoneOn(fmt_datetime(l, t)),
        (None, Some(When::At { start, .. })) => ActivityMsg::DueOn(fmt_datetime(l, start)),
        (None, Some(When::Day(d))) => ActivityMsg::DueOn(fmt_date(l, d)),
        (None, None) => ActivityMsg::DueOn(i18n.t(TodayMsg::NoDate)),
    };
    let mut meta = format!("{} · {}", i18n.t(TodayMsg::Kind(a.kind)), i18n.t(when));
    let doc = acts
        .docs
        .get(&a.id)
        .filter(|_| a.kind != ActivityKind::Visit);
    if doc.is_none() {
        let state = match done {
            true => ActivityMsg::DoneState,
            false => ActivityMsg::ToDoState,
        };
        meta = format!("{meta} · {}", i18n.t(state));
    }
    let checkbox = doc.map(|doc| {
        let (doc, act) = (doc.clone(), a.clone());
        let on_change = move |ev: leptos::ev::Event| {
            let store = toggle.store.get_value();
            let done = event_target_checked(&ev);
            save_done(toggle.ctx, store, &doc, &act, done, toggle.user);
        };
        view! {
            <label class="timeline-check">
                <input
                    type="checkbox"
                    checked=done
                    aria-label=i18n.t(TodayMsg::DoneLabel(a.subject.clone()))
                    on:change=on_change
                />
            </label>
        }
        .into_any()
    });
    let line = Line {
        icon: a.kind.code(),
        title: a.subject.clone(),
        href: Some(activity_href(a)),
        meta,
        done,
    };
    item(line, checkbox)
}
