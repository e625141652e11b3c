//! The document forms of routing rules and of the round-robin state.

use serde_json::{Map, Value};

use super::super::body;
use super::super::error::{DomainError, JsonKind};
use super::fields::{self, Obj};
use super::routing::{
    AssignTo, RoundRobinCursor, RoundRobinState, RouteWhen, RoutingRule, RoutingRules,
};
use super::{ROUND_ROBIN_TYPE, ROUTING_RULES_TYPE};
use crate::store::{Body, Doc};

impl RoutingRules {
    /// The document body: `type: "routing_rules"`, the metadata, `fallback_owner` and
    /// `rules: [{id, when: {kind, ...}, assign_to | team}]` in order.
    pub fn to_body(&self) -> Body {
        let mut m = body::header(ROUTING_RULES_TYPE, "", &self.meta);
        m.insert("fallback_owner".into(), body::string(&self.fallback_owner));
        m.insert("rules".into(), fields::array(&self.rules, rule_body));
        m
    }

    /// Reads stored routing rules; an unknown rule kind is an error, never a dropped rule.
    pub fn from_doc(doc: &Doc) -> Result<Self, DomainError> {
        body::check_doc(doc, ROUTING_RULES_TYPE)?;
        let o = Obj::new(&doc.id, &doc.body);
        Ok(Self {
            rules: o.array("rules", read_rule)?,
            fallback_owner: o.string("fallback_owner")?,
            meta: body::Reader::new(doc).meta()?,
        })
    }
}

fn rule_body(r: &RoutingRule) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("id".into(), body::string(&r.id));
    let mut when = Map::new();
    match &r.when {
        RouteWhen::Territory {
            regions,
            postal_prefixes,
            countries,
        } => {
            when.insert("kind".into(), body::string("territory"));
            when.insert("regions".into(), body::strings(regions));
            when.insert("postal_prefixes".into(), body::strings(postal_prefixes));
            when.insert("countries".into(), body::strings(countries));
        }
        RouteWhen::ProductInterest { products } => {
            when.insert("kind".into(), body::string("product_interest"));
            when.insert("products".into(), body::strings(products));
        }
        RouteWhen::Always => {
            when.insert("kind".into(), body::string("always"));
        }
    }
    m.insert("when".into(), Value::Object(when));
    match &r.assign {
        AssignTo::User(u) => m.insert("assign_to".into(), body::string(u)),
        AssignTo::RoundRobin(team) => m.insert("team".into(), body::strings(team)),
    };
    m
}

fn read_rule(o: &Obj) -> Result<RoutingRule, DomainError> {
    let when = o.object("when", read_when)?;
    let team = o.strings("team")?;
    let assign = match o.opt_string("assign_to")? {
        Some(u) if team.is_empty() => AssignTo::User(u),
        _ => AssignTo::RoundRobin(team),
    };
    Ok(RoutingRule {
        id: o.string("id")?,
        when: when.ok_or_else(|| o.bad("when", JsonKind::Object))?,
        assign,
    })
}

fn read_when(o: &Obj) -> Result<RouteWhen, DomainError> {
    Ok(match o.string("kind")?.as_str() {
        "territory" => RouteWhen::Territory {
            regions: o.strings("regions")?,
            postal_prefixes: o.strings("postal_prefixes")?,
            countries: o.strings("countries")?,
        },
        "product_interest" => RouteWhen::ProductInterest {
            products: o.strings("products")?,
        },
        "always" => RouteWhen::Always,
        _ => return Err(o.bad("kind", JsonKind::String)),
    })
}

impl RoundRobinState {
    /// The document body: `type: "round_robin_state"` and `cursors: {rule id: {last,
    /// position}}`. A device-local document: it needs no replication.
    pub fn to_body(&self) -> Body {
        let mut m = Map::new();
        m.insert("type".into(), body::string(ROUND_ROBIN_TYPE));
        let mut cursors = Map::new();
        for (rule, c) in &self.cursors {
            let mut cm = Map::new();
            cm.insert("last".into(), body::string(&c.last));
            cm.insert("position".into(), c.position.into());
            cursors.insert(rule.clone(), Value::Object(cm));
        }
        m.insert("cursors".into(), Value::Object(cursors));
        m
    }

    pub fn from_doc(doc: &Doc) -> Result<Self, DomainError> {
        body::check_doc(doc, ROUND_ROBIN_TYPE)?;
        let bad = || DomainError::BadField {
            id: doc.id.clone(),
            field: "cursors",
            expected: JsonKind::Object,
        };
        let mut state = Self::default();
        match doc.body.get("cursors") {
            None | Some(Value::Null) => {}
            Some(Value::Object(m)) => {
                for (rule, v) in m {
                    let Value::Object(c) = v else {
                        return Err(bad());
                    };
                    let o = Obj::new(&doc.id, c);
                    let cursor = RoundRobinCursor {
                        last: o.string("last").map_err(|_| bad())?,
                        position: o.opt_int("position").map_err(|_| bad())?.unwrap_or(0),
                    };
                    state.cursors.insert(rule.clone(), cursor);
                }
            }
            Some(_) => return Err(bad()),
        }
        Ok(state)
    }
}
