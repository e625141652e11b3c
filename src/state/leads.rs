//! Leads glue: reading leads and the team's rules, the default rules used until an admin
//! stores some, the device's round-robin positions, and writing several documents in one batch.
//!
//! Default rules (used while no `scoring_rules` / `routing_rules` document exists; they fit the
//! sample data, whose reps are `SAMPLE_OWNERS`):
//! - scoring: industrial sectors +20, 50+ employees +15, referral +15, a decision maker's job
//!   title +10, Madrid or Barcelona +10, an event +10, the "pro" or "enterprise" products +10,
//!   activity in the last 14 days +10, fewer than 10 employees -5;
//! - routing, first match wins: North (Galicia to Navarra) → javier, Catalonia → marta, Madrid
//!   (or postal codes 28…) → lucia, Andalusia → diego, then everyone else in turn between
//!   camila and andres (the inside-sales team). The fallback keeps the capturing rep.
//!
//! The round-robin position is device-local (`_local/` document, never replicated), as the
//! domain expects: two reps routing offline each continue from the state they have.

use cartera_core::domain::leads::{
    Engagement, LEAD_TYPE, Lead, ROUTING_RULES_TYPE, RoundRobinCursor, RoundRobinState,
    RoutingRules, SCORING_RULES_TYPE, ScoringRules, assign, rescore_changed, route, score,
};
use cartera_core::domain::sales::{ACTIVITY_TYPE, Activity};
use cartera_core::domain::{CONTACT_TYPE, Contact};
use cartera_core::sort;
use cartera_core::store::{Doc, DocStore, Edit, Query, Rev};
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use serde_json::Value;

mod defaults;

pub use defaults::{default_routing_rules, default_scoring_rules};

use super::Store;
use super::records::{Loaded, SaveError};
use super::user::CurrentUser;
use crate::i18n::ErrorMsg;

/// Where the round-robin positions of this device are kept.
const ROUND_ROBIN_ID: &str = "_local/cartera.round_robin";

/// What the leads list shows: search and filters, kept while the app runs.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LeadFilter {
    pub query: String,
    /// A `LeadStatus` code, or empty for any.
    pub status: String,
    /// A `LeadSource` code, or empty for any.
    pub source: String,
    /// An owner stamp, or empty for any.
    pub owner: String,
    /// The lowest score shown, or `None`.
    pub min_score: Option<i32>,
}

impl LeadFilter {
    /// True when something hides leads.
    pub fn narrows(&self) -> bool {
        let bare = LeadFilter::default();
        *self != bare
    }
}

/// The leads list's remembered state, in context; `Copy`.
#[derive(Clone, Copy)]
pub struct LeadsUi {
    pub filter: RwSignal<LeadFilter>,
    pub scroll: RwSignal<f64>,
}

/// The leads list's state; installed at the root the first time, so it outlives the pages.
pub fn expect_leads_ui() -> LeadsUi {
    if let Some(ui) = use_context::<LeadsUi>() {
        return ui;
    }
    let mut root = Owner::current();
    while let Some(parent) = root.as_ref().and_then(Owner::parent) {
        root = Some(parent);
    }
    let make = || {
        let ui = LeadsUi {
            filter: RwSignal::new(LeadFilter::default()),
            scroll: RwSignal::new(0.0),
        };
        provide_context(ui);
        ui
    };
    match root {
        Some(root) => root.with(make),
        None => make(),
    }
}

fn by_type(doc_type: &str) -> Query {
    Query::ByType {
        doc_type: doc_type.into(),
    }
}

/// Every lead, with its document (for its revision).
pub async fn load_leads(store: &Store) -> Result<Vec<Loaded<Lead>>, ErrorMsg> {
    let docs = store
        .query(&by_type(LEAD_TYPE))
        .await
        .map_err(|e| ErrorMsg::from(&e))?;
    Ok(docs
        .into_iter()
        .filter_map(|doc| {
            let record = Lead::from_doc(&doc).ok()?;
            Some(Loaded { doc, record })
        })
        .collect())
}

/// Every contact (duplicate checks compare a new lead with them).
pub async fn load_contacts(store: &Store) -> Result<Vec<Contact>, ErrorMsg> {
    load_all(store, CONTACT_TYPE, Contact::from_doc).await
}

/// The team's scoring and routing rules.
#[derive(Clone, Debug, PartialEq)]
pub struct Rules {
    pub scoring: ScoringRules,
    pub routing: RoutingRules,
}

/// The stored rules, or the defaults when none are stored (or they cannot be read).
pub async fn load_rules(store: &Store) -> Result<Rules, ErrorMsg> {
    let first = |docs: Vec<Doc>| docs.into_iter().next();
    let scoring = store.query(&by_type(SCORING_RULES_TYPE)).await;
    let routing = store.query(&by_type(ROUTING_RULES_TYPE)).await;
    let scoring = scoring.map_err(|e| ErrorMsg::from(&e))?;
    let routing = routing.map_err(|e| ErrorMsg::from(&e))?;
    Ok(Rules {
        scoring: first(scoring)
            .and_then(|d| ScoringRules::from_doc(&d).ok())
            .unwrap_or_else(default_scoring_rules),
        routing: first(routing)
            .and_then(|d| RoutingRules::from_doc(&d).ok())
            .unwrap_or_else(default_routing_rules),
    })
}

/// The id a team's routing rules are first stored under: the same on every device, so two
/// managers creating them offline meet as a conflict to resolve, never as two documents.
pub const ROUTING_RULES_ID: &str = "routing-rules";

/// The stored routing rules document and its rules, if any (the first one, as `load_rules`
/// reads; `None` while the defaults are in use).
pub async fn load_routing_doc(store: &Store) -> Result<Option<(Doc, RoutingRules)>, ErrorMsg> {
    let docs = (store.query(&by_type(ROUTING_RULES_TYPE)).await).map_err(|e| ErrorMsg::from(&e))?;
    Ok(docs.into_iter().next().and_then(|d| {
        let rules = RoutingRules::from_doc(&d).ok()?;
        Some((d, rules))
    }))
}

/// The id the team's scoring rules are first stored under (see [`ROUTING_RULES_ID`]).
pub const SCORING_RULES_ID: &str = "scoring-rules";

/// The stored scoring rules document and its rules, if any (as `load_rules` reads them).
pub async fn load_scoring_doc(store: &Store) -> Result<Option<(Doc, ScoringRules)>, ErrorMsg> {
    let docs = (store.query(&by_type(SCORING_RULES_TYPE)).await).map_err(|e| ErrorMsg::from(&e))?;
    Ok(docs.into_iter().next().and_then(|d| {
        let rules = ScoringRules::from_doc(&d).ok()?;
        Some((d, rules))
    }))
}

/// This device's round-robin positions (empty when none are kept yet or they are unreadable).
pub async fn round_robin(store: &Store) -> RoundRobinState {
    let Ok(Some(Value::Object(m))) = store.get_local(ROUND_ROBIN_ID).await else {
        return RoundRobinState::default();
    };
    let mut state = RoundRobinState::default();
    if let Some(Value::Object(cursors)) = m.get("cursors") {
        for (rule, c) in cursors {
            let last = c.get("last").and_then(Value::as_str).unwrap_or_default();
            let position = c.get("position").and_then(Value::as_u64).unwrap_or(0);
            let cursor = RoundRobinCursor {
                last: last.to_owned(),
                position: usize::try_from(position).unwrap_or(0),
            };
            state.cursors.insert(rule.clone(), cursor);
        }
    }
    state
}

/// Remembers this device's round-robin positions. Losing them only restarts the turn.
pub async fn save_round_robin(store: &Store, state: &RoundRobinState) {
    let _ = store
        .put_local(ROUND_ROBIN_ID, Some(Value::Object(state.to_body())))
        .await;
}

/// `lead` scored (without engagement: a new lead has none yet) and routed by `rules` at
/// `now`, and the round-robin state after it.
pub fn score_and_route(
    lead: &Lead,
    rules: &Rules,
    state: &RoundRobinState,
    now: DateTime<Utc>,
    user: &str,
) -> (Lead, RoundRobinState) {
    let (assignment, next) = route(lead, &rules.routing, state);
    let mut out = assign(lead, &assignment, now, user);
    out.score = score(&out, &Engagement::own(&out), &rules.scoring, now);
    (out, next)
}

/// Scores every lead again by `rules` now, with the activities done with it (core's
/// `rescore_changed`), and writes those whose score changed in one batch, as `user`. How many
/// were written; a lead changed meanwhile elsewhere keeps its score (its write conflicts).
pub async fn rescore_leads(
    store: &Store,
    rules: &ScoringRules,
    user: &str,
) -> Result<usize, ErrorMsg> {
    let loaded = load_leads(store).await?;
    let activities = load_all(store, ACTIVITY_TYPE, Activity::from_doc).await?;
    let leads: Vec<Lead> = loaded.iter().map(|l| l.record.clone()).collect();
    let changed = rescore_changed(&leads, &activities, rules, Utc::now(), user);
    if changed.is_empty() {
        return Ok(0);
    }
    // `changed` keeps the leads' order: one pass finds each one's revision.
    let mut docs = loaded.iter();
    let edits: Vec<Edit> = (changed.iter())
        .filter_map(|l| {
            let prev = docs.find(|x| x.record.id == l.id)?.doc.rev.clone();
            Some(edit(&l.id, Some(prev), l.to_body()))
        })
        .collect();
    let results = (store.bulk_docs(edits).await).map_err(|e| ErrorMsg::from(&e))?;
    Ok(results.iter().filter(|r| r.is_ok()).count())
}

/// Scores lead `lead_id` again now that something it did changed (an activity with it saved,
/// done or undone), and writes it when its score changed, as `user`. Only a lead this user may
/// edit (their own, or any for a manager or admin: the server's rule), so logging a call on a
/// colleague's lead never leaves a refused write behind. Best effort: the score is derived
/// data, and a failed read or write keeps the one shown, to be recomputed on the next change.
pub async fn rescore_lead(store: &Store, lead_id: &str, user: &CurrentUser) {
    let Ok(Some(doc)) = store.get(lead_id).await else {
        return;
    };
    let Ok(lead) = Lead::from_doc(&doc) else {
        return;
    };
    let me = user.id();
    if lead.owner != me && !user.configures_team() {
        return;
    }
    let (Ok(rules), Ok(activities)) = (
        load_rules(store).await,
        load_all(store, ACTIVITY_TYPE, Activity::from_doc).await,
    ) else {
        return;
    };
    let now = Utc::now();
    let changed = rescore_changed(
        std::slice::from_ref(&lead),
        &activities,
        &rules.scoring,
        now,
        &me,
    );
    if let Some(next) = changed.first() {
        let _ = store
            .bulk_docs(vec![edit(&doc.id, Some(doc.rev.clone()), next.to_body())])
            .await;
    }
}

/// A new revision of document `id` (or its creation when `prev` is `None`).
pub fn edit(id: &str, prev: Option<Rev>, body: cartera_core::store::Body) -> Edit {
    Edit {
        id: id.to_owned(),
        prev,
        deleted: false,
        body,
    }
}

/// Writes every edit in ONE `bulk_docs` batch (one transaction); each document's new revision,
/// in order. Fails when any edit was refused.
pub async fn write_batch(store: &Store, edits: Vec<Edit>) -> Result<Vec<Rev>, SaveError> {
    let n = edits.len();
    let results = store
        .bulk_docs(edits)
        .await
        .map_err(|e| SaveError::from(&e))?;
    if results.len() != n {
        return Err(SaveError::Failed(ErrorMsg::Unexpected));
    }
    results
        .into_iter()
        .map(|r| r.map_err(|e| SaveError::from(&e)))
        .collect()
}

/// The message of a failed save.
pub fn save_error_message(e: SaveError) -> ErrorMsg {
    match e {
        SaveError::Conflict => ErrorMsg::Conflict,
        SaveError::Failed(m) => m,
    }
}

/// The ids of the leads `filter` keeps, highest score first, then newest.
pub fn visible_leads(leads: &[Lead], filter: &LeadFilter) -> Vec<String> {
    use cartera_core::search::normalize;
    let words: Vec<String> = normalize(&filter.query)
        .split_whitespace()
        .map(str::to_owned)
        .collect();
    let keeps = |l: &Lead| {
        let text = || {
            let mut t = format!("{} {} {}", l.display_name(), l.company, l.emails.join(" "));
            t.push_str(&l.phones.join(" "));
            normalize(&t)
        };
        (filter.status.is_empty() || l.status.code() == filter.status)
            && (filter.source.is_empty() || l.source.code() == filter.source)
            && (filter.owner.is_empty() || l.owner == filter.owner)
            && filter.min_score.is_none_or(|m| l.score.total >= m)
            && (words.is_empty() || {
                let t = text();
                words.iter().all(|w| t.contains(w.as_str()))
            })
    };
    let mut kept: Vec<&Lead> = leads.iter().filter(|l| keeps(l)).collect();
    sort::sort_by(&mut kept, |a, b| {
        (b.score.total, b.meta.created_at, &b.id).cmp(&(a.score.total, a.meta.created_at, &a.id))
    });
    kept.into_iter().map(|l| l.id.clone()).collect()
}

/// Every readable document of `doc_type` as `T` (unreadable ones are left out).
pub async fn load_all<T>(
    store: &Store,
    doc_type: &str,
    from_doc: fn(&Doc) -> Result<T, cartera_core::domain::DomainError>,
) -> Result<Vec<T>, ErrorMsg> {
    let docs = store
        .query(&by_type(doc_type))
        .await
        .map_err(|e| ErrorMsg::from(&e))?;
    Ok(docs.iter().filter_map(|d| from_doc(d).ok()).collect())
}
