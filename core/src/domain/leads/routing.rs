//! Lead routing: ordered rules as data (territory, product interest, catch-all), each giving
//! the lead to a rep or to a team in turn, with a fallback owner. Runs offline on save; the
//! round-robin position is a value passed in and returned.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};

use super::super::types::Meta;
use super::edit::reassign;
use super::lead::{AssignedBy, Lead, Routing};
use super::scoring::postal_match;
use crate::search::normalize;

/// Which leads a rule takes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RouteWhen {
    /// Leads in the territory: every non-empty list must match (region, accent- and
    /// case-insensitive; postal code prefix; ISO country). A territory with all three lists
    /// empty takes no lead.
    Territory {
        regions: Vec<String>,
        postal_prefixes: Vec<String>,
        countries: Vec<String>,
    },
    /// Leads interested in one of these product codes (case-insensitive).
    ProductInterest { products: Vec<String> },
    /// Every lead (a team's catch-all, usually last).
    Always,
}

/// Who gets the leads a rule takes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AssignTo {
    User(String),
    /// The team's members in turn, in this order.
    RoundRobin(Vec<String>),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoutingRule {
    /// Stable and unique within the rules (leads and the round-robin state refer to it).
    pub id: String,
    pub when: RouteWhen,
    pub assign: AssignTo,
}

/// The team's routing rules, tried in order; stored as one `type: "routing_rules"` document.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RoutingRules {
    pub rules: Vec<RoutingRule>,
    /// Owner of leads no rule takes; empty keeps the lead's current owner.
    pub fallback_owner: String,
    pub meta: Meta,
}

/// The outcome of routing one lead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Assignment {
    pub owner: String,
    pub by: AssignedBy,
}

/// Where one round-robin rule stands: who got its last lead and that member's place.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RoundRobinCursor {
    pub last: String,
    pub position: usize,
}

/// Round-robin positions by rule id. Kept per device: two reps routing offline at the same
/// time each continue from the state they have.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RoundRobinState {
    pub cursors: BTreeMap<String, RoundRobinCursor>,
}

/// Routes `lead`: the first rule that takes it and has someone to give it to decides;
/// otherwise the fallback owner (or, without one, the current owner). Returns the assignment
/// and the round-robin state after it (changed only when a round-robin rule was used).
pub fn route(
    lead: &Lead,
    rules: &RoutingRules,
    state: &RoundRobinState,
) -> (Assignment, RoundRobinState) {
    for rule in rules.rules.iter().filter(|r| takes(&r.when, lead)) {
        let by = AssignedBy::Rule(rule.id.clone());
        match &rule.assign {
            AssignTo::User(u) if !u.trim().is_empty() => {
                let owner = u.trim().to_owned();
                return (Assignment { owner, by }, state.clone());
            }
            AssignTo::RoundRobin(team) => {
                if let Some((owner, next)) = next_in_turn(&rule.id, team, state) {
                    return (Assignment { owner, by }, next);
                }
            }
            AssignTo::User(_) => {}
        }
    }
    let owner = match rules.fallback_owner.trim() {
        "" => lead.owner.clone(),
        f => f.to_owned(),
    };
    let by = AssignedBy::Fallback;
    (Assignment { owner, by }, state.clone())
}

/// `lead` given to the assignment's owner at `at`, recording the rule. A lead routed before
/// whose owner changes gets a reassignment entry by `user` (without a reason).
pub fn assign(lead: &Lead, assignment: &Assignment, at: DateTime<Utc>, user: &str) -> Lead {
    let mut out = match &lead.routing {
        Some(_) => reassign(lead, &assignment.owner, at, user, ""),
        None => Lead {
            owner: assignment.owner.clone(),
            ..lead.clone()
        },
    };
    out.routing = Some(Routing {
        by: assignment.by.clone(),
        at,
    });
    out.meta = lead.meta.touched(at, user);
    out
}

fn takes(when: &RouteWhen, lead: &Lead) -> bool {
    match when {
        RouteWhen::Territory {
            regions,
            postal_prefixes,
            countries,
        } => {
            let a = &lead.address;
            let region = normalize(a.region.trim());
            let region_ok = regions.is_empty()
                || (!region.is_empty() && regions.iter().any(|r| normalize(r.trim()) == region));
            let postal_ok =
                postal_prefixes.is_empty() || postal_match(&a.postal_code, postal_prefixes);
            let country_ok = countries.is_empty()
                || (!a.country.is_empty()
                    && countries
                        .iter()
                        .any(|c| c.trim().eq_ignore_ascii_case(&a.country)));
            let any = !(regions.is_empty() && postal_prefixes.is_empty() && countries.is_empty());
            any && region_ok && postal_ok && country_ok
        }
        RouteWhen::ProductInterest { products } => (lead.interest.iter()).any(|p| {
            products
                .iter()
                .any(|q| q.trim().eq_ignore_ascii_case(p.trim()))
        }),
        RouteWhen::Always => true,
    }
}

/// The team member after the one who got rule `rule_id`'s last lead, and the state after
/// giving it to them. When that member left the team, the one now in their place is next.
fn next_in_turn(
    rule_id: &str,
    team: &[String],
    state: &RoundRobinState,
) -> Option<(String, RoundRobinState)> {
    let team: Vec<&str> = (team.iter().map(|u| u.trim()))
        .filter(|u| !u.is_empty())
        .collect();
    if team.is_empty() {
        return None;
    }
    let position = match state.cursors.get(rule_id) {
        None => 0,
        Some(c) => match team.iter().position(|u| *u == c.last) {
            Some(i) => (i + 1) % team.len(),
            None => c.position % team.len(),
        },
    };
    let owner = team.get(position)?.to_string();
    let mut next = state.clone();
    let cursor = RoundRobinCursor {
        last: owner.clone(),
        position,
    };
    next.cursors.insert(rule_id.to_owned(), cursor);
    Some((owner, next))
}
