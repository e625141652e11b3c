//! The routing rules form: each rule's condition and assignee as typed (comma-separated lists),
//! checked into [`RoutingRules`]; codes per field, the UI translates.

use chrono::{DateTime, Utc};

use super::routing::{AssignTo, RouteWhen, RoutingRule, RoutingRules};
use crate::domain::Meta;

/// Most rules in the team's routing.
pub const MAX_ROUTING_RULES: usize = 100;
/// Longest list a field takes, in characters.
const MAX_LIST: usize = 2_000;

/// Which leads a rule row takes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum RouteKind {
    #[default]
    Territory,
    ProductInterest,
    Always,
}

impl RouteKind {
    pub const ALL: [RouteKind; 3] = [Self::Territory, Self::ProductInterest, Self::Always];

    /// The stored code (`when.kind`).
    pub fn code(self) -> &'static str {
        match self {
            Self::Territory => "territory",
            Self::ProductInterest => "product_interest",
            Self::Always => "always",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// One rule row as typed. Lists are comma-separated; `assign` with one name gives every lead
/// to that user, with several to each in turn (round robin).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RoutingRuleInput {
    /// Empty for a new rule (an id is made for it); kept for existing ones (leads and
    /// round-robin positions refer to it).
    pub id: String,
    pub kind: RouteKind,
    pub regions: String,
    pub postal_prefixes: String,
    pub countries: String,
    pub products: String,
    pub assign: String,
}

/// The routing form: rules in order, first match wins, then the fallback owner.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RoutingInput {
    pub rules: Vec<RoutingRuleInput>,
    /// Empty keeps a lead's capturing owner.
    pub fallback_owner: String,
}

/// A field of the routing form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum RoutingField {
    Rules,
    /// Rule n's condition lists (territory: at least one of regions, postal prefixes,
    /// countries; product interest: products).
    When(usize),
    Assign(usize),
    FallbackOwner,
}

/// What is wrong with a routing field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum RoutingCode {
    /// Nothing typed where something is needed.
    Required,
    TooLong,
    TooMany,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct RoutingFieldError {
    pub field: RoutingField,
    pub code: RoutingCode,
}

/// Splits a comma-separated list: trimmed, blanks dropped, repeats dropped, order kept.
pub fn split_list(raw: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for item in raw.split([',', ';', '\n']).map(str::trim) {
        if !item.is_empty() && !out.iter().any(|x| x == item) {
            out.push(item.to_owned());
        }
    }
    out
}

impl From<&RoutingRule> for RoutingRuleInput {
    /// A stored rule as its form row.
    fn from(r: &RoutingRule) -> Self {
        let mut row = RoutingRuleInput {
            id: r.id.clone(),
            kind: RouteKind::Always,
            assign: match &r.assign {
                AssignTo::User(u) => u.clone(),
                AssignTo::RoundRobin(team) => team.join(", "),
            },
            ..Default::default()
        };
        match &r.when {
            RouteWhen::Territory {
                regions,
                postal_prefixes,
                countries,
            } => {
                row.kind = RouteKind::Territory;
                row.regions = regions.join(", ");
                row.postal_prefixes = postal_prefixes.join(", ");
                row.countries = countries.join(", ");
            }
            RouteWhen::ProductInterest { products } => {
                row.kind = RouteKind::ProductInterest;
                row.products = products.join(", ");
            }
            RouteWhen::Always => {}
        }
        row
    }
}

impl From<&RoutingRules> for RoutingInput {
    fn from(r: &RoutingRules) -> Self {
        Self {
            rules: r.rules.iter().map(RoutingRuleInput::from).collect(),
            fallback_owner: r.fallback_owner.clone(),
        }
    }
}

/// Validates the routing form into the team's rules, changed by `user` at `now` (`old`
/// keeps its creation metadata; `None` when no rules were stored yet). New rules get
/// `regla-{n}` ids used by no other rule, nor by one of `old` (leads name the rule that
/// routed them).
pub fn validate_routing(
    input: &RoutingInput,
    old: Option<&RoutingRules>,
    now: DateTime<Utc>,
    user: &str,
) -> Result<RoutingRules, Vec<RoutingFieldError>> {
    let mut errors = Vec::new();
    let mut push = |field, code| errors.push(RoutingFieldError { field, code });
    if input.rules.len() > MAX_ROUTING_RULES {
        push(RoutingField::Rules, RoutingCode::TooMany);
    }
    if input.fallback_owner.chars().count() > 200 {
        push(RoutingField::FallbackOwner, RoutingCode::TooLong);
    }
    let mut taken: Vec<&str> = input.rules.iter().map(|r| r.id.trim()).collect();
    if let Some(o) = old {
        taken.extend(o.rules.iter().map(|r| r.id.as_str()));
    }
    let mut rules: Vec<RoutingRule> = Vec::with_capacity(input.rules.len());
    for (i, r) in input.rules.iter().enumerate() {
        let lists = [&r.regions, &r.postal_prefixes, &r.countries, &r.products];
        if lists.iter().any(|l| l.chars().count() > MAX_LIST) {
            push(RoutingField::When(i), RoutingCode::TooLong);
        }
        let when = match r.kind {
            RouteKind::Territory => RouteWhen::Territory {
                regions: split_list(&r.regions),
                postal_prefixes: split_list(&r.postal_prefixes),
                countries: split_list(&r.countries)
                    .iter()
                    .map(|c| c.to_ascii_uppercase())
                    .collect(),
            },
            RouteKind::ProductInterest => RouteWhen::ProductInterest {
                products: split_list(&r.products),
            },
            RouteKind::Always => RouteWhen::Always,
        };
        let empty = match &when {
            RouteWhen::Territory {
                regions,
                postal_prefixes,
                countries,
            } => regions.is_empty() && postal_prefixes.is_empty() && countries.is_empty(),
            RouteWhen::ProductInterest { products } => products.is_empty(),
            RouteWhen::Always => false,
        };
        if empty {
            push(RoutingField::When(i), RoutingCode::Required);
        }
        let mut team = split_list(&r.assign);
        if team.is_empty() {
            push(RoutingField::Assign(i), RoutingCode::Required);
        } else if r.assign.chars().count() > MAX_LIST {
            push(RoutingField::Assign(i), RoutingCode::TooLong);
        }
        let assign = match team.len() {
            1 => AssignTo::User(team.remove(0)),
            _ => AssignTo::RoundRobin(team),
        };
        let mut id = r.id.trim().to_owned();
        if id.is_empty() || rules.iter().any(|x| x.id == id) {
            id = (1..)
                .map(|n| format!("regla-{n}"))
                .find(|c| !taken.contains(&c.as_str()) && rules.iter().all(|x| &x.id != c))
                .unwrap_or_default();
        }
        rules.push(RoutingRule { id, when, assign });
    }
    if !errors.is_empty() {
        crate::sort::sort(&mut errors);
        return Err(errors);
    }
    Ok(RoutingRules {
        rules,
        fallback_owner: input.fallback_owner.trim().to_owned(),
        meta: old.map_or_else(|| Meta::created(now, user), |o| o.meta.touched(now, user)),
    })
}
