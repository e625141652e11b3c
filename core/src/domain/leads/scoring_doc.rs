//! The document forms of scoring rules and score reasons.

use serde_json::{Map, Value};

use super::super::body;
use super::super::error::{DomainError, JsonKind};
use super::super::sales::ActivityKind;
use super::SCORING_RULES_TYPE;
use super::fields::{self, Obj};
use super::lead::LeadSource;
use super::scoring::{Condition, ReasonCode, ScoreReason, ScoringRule, ScoringRules};
use crate::store::{Body, Doc};

impl ScoringRules {
    /// The document body: `type: "scoring_rules"`, the metadata and `rules: [{id, points,
    /// condition: {kind, ...}}]` in order (`enabled: false` on a disabled rule).
    pub fn to_body(&self) -> Body {
        let mut m = body::header(SCORING_RULES_TYPE, "", &self.meta);
        m.insert("rules".into(), fields::array(&self.rules, rule_body));
        m
    }

    /// Reads stored scoring rules; an unknown condition kind is an error (a newer app wrote
    /// it), so rules are never silently dropped.
    pub fn from_doc(doc: &Doc) -> Result<Self, DomainError> {
        body::check_doc(doc, SCORING_RULES_TYPE)?;
        let o = Obj::new(&doc.id, &doc.body);
        Ok(Self {
            rules: o.array("rules", read_rule)?,
            meta: body::Reader::new(doc).meta()?,
        })
    }
}

fn rule_body(r: &ScoringRule) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("id".into(), body::string(&r.id));
    m.insert("points".into(), r.points.into());
    if !r.enabled {
        m.insert("enabled".into(), Value::Bool(false));
    }
    m.insert(
        "condition".into(),
        Value::Object(condition_body(&r.condition)),
    );
    m
}

fn read_rule(o: &Obj) -> Result<ScoringRule, DomainError> {
    let condition = o.object("condition", read_condition)?;
    Ok(ScoringRule {
        id: o.string("id")?,
        condition: condition.ok_or_else(|| o.bad("condition", JsonKind::Object))?,
        points: o.opt_int("points")?.unwrap_or(0),
        // Absent (rules stored before rules could be disabled) reads as enabled.
        enabled: !matches!(o.get("enabled"), Some(Value::Bool(false))),
    })
}

/// A map with `kind` (or `code`) set, to which a variant adds its own fields.
fn tagged(tag: &str, value: &str) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert(tag.into(), body::string(value));
    m
}

fn with(mut m: Map<String, Value>, fields: Vec<(&str, Value)>) -> Map<String, Value> {
    for (k, v) in fields {
        if !v.is_null() {
            m.insert(k.into(), v);
        }
    }
    m
}

fn opt_kind(kind: Option<ActivityKind>) -> Value {
    kind.map_or(Value::Null, |k| body::string(k.code()))
}

fn opt_str(s: Option<&str>) -> Value {
    s.map_or(Value::Null, body::string)
}

fn condition_body(c: &Condition) -> Map<String, Value> {
    let t = |kind| tagged("kind", kind);
    match c {
        Condition::IndustryIs { industries } => with(
            t("industry_is"),
            vec![("industries", body::strings(industries))],
        ),
        Condition::SizeAtLeast { employees } => {
            with(t("size_at_least"), vec![("employees", (*employees).into())])
        }
        Condition::SizeBelow { employees } => {
            with(t("size_below"), vec![("employees", (*employees).into())])
        }
        Condition::RegionIn { regions } => {
            with(t("region_in"), vec![("regions", body::strings(regions))])
        }
        Condition::CountryIn { countries } => with(
            t("country_in"),
            vec![("countries", body::strings(countries))],
        ),
        Condition::PostalCodeStarts { prefixes } => with(
            t("postal_code_starts"),
            vec![("prefixes", body::strings(prefixes))],
        ),
        Condition::SourceIs { source } => with(
            t("source_is"),
            vec![("source", Value::String(source.code()))],
        ),
        Condition::InterestIn { products } => with(
            t("interest_in"),
            vec![("products", body::strings(products))],
        ),
        Condition::JobTitleHas { words } => {
            with(t("job_title_has"), vec![("words", body::strings(words))])
        }
        Condition::ActivityWithin {
            kind,
            days,
            at_least,
        } => with(
            t("activity_within"),
            vec![
                ("activity_kind", opt_kind(*kind)),
                ("days", (*days).into()),
                ("at_least", (*at_least).into()),
            ],
        ),
        Condition::NoActivityWithin { days } => {
            with(t("no_activity_within"), vec![("days", (*days).into())])
        }
        Condition::CampaignResponded { campaign, days } => with(
            t("campaign_responded"),
            vec![
                ("campaign", opt_str(campaign.as_deref())),
                ("days", days.map_or(Value::Null, Value::from)),
            ],
        ),
    }
}

fn read_condition(o: &Obj) -> Result<Condition, DomainError> {
    let n = |f| o.opt_int::<u32>(f).map(Option::unwrap_or_default);
    Ok(match o.string("kind")?.as_str() {
        "industry_is" => Condition::IndustryIs {
            industries: o.strings("industries")?,
        },
        "size_at_least" => Condition::SizeAtLeast {
            employees: n("employees")?,
        },
        "size_below" => Condition::SizeBelow {
            employees: n("employees")?,
        },
        "region_in" => Condition::RegionIn {
            regions: o.strings("regions")?,
        },
        "country_in" => Condition::CountryIn {
            countries: o.strings("countries")?,
        },
        "postal_code_starts" => Condition::PostalCodeStarts {
            prefixes: o.strings("prefixes")?,
        },
        "source_is" => Condition::SourceIs { source: source(o)? },
        "interest_in" => Condition::InterestIn {
            products: o.strings("products")?,
        },
        "job_title_has" => Condition::JobTitleHas {
            words: o.strings("words")?,
        },
        "activity_within" => Condition::ActivityWithin {
            kind: o.code("activity_kind", ActivityKind::from_code)?,
            days: n("days")?,
            at_least: n("at_least")?,
        },
        "no_activity_within" => Condition::NoActivityWithin { days: n("days")? },
        "campaign_responded" => Condition::CampaignResponded {
            campaign: o.opt_string("campaign")?,
            days: o.opt_int("days")?,
        },
        _ => return Err(o.bad("kind", JsonKind::String)),
    })
}

fn source(o: &Obj) -> Result<LeadSource, DomainError> {
    o.code("source", LeadSource::from_code)?
        .ok_or_else(|| o.bad("source", JsonKind::String))
}

/// A score reason as stored in the lead: `{rule_id, points, code, ...what matched}`.
pub(crate) fn reason_body(r: &ScoreReason) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("rule_id".into(), body::string(&r.rule_id));
    m.insert("points".into(), r.points.into());
    m.extend(reason_code_body(&r.code));
    m
}

fn reason_code_body(c: &ReasonCode) -> Map<String, Value> {
    let t = |code| tagged("code", code);
    let s = |v: &str| body::string(v);
    match c {
        ReasonCode::Industry { industry } => with(t("industry"), vec![("industry", s(industry))]),
        ReasonCode::SizeAtLeast {
            employees,
            threshold,
        } => with(
            t("size_at_least"),
            vec![
                ("employees", (*employees).into()),
                ("threshold", (*threshold).into()),
            ],
        ),
        ReasonCode::SizeBelow {
            employees,
            threshold,
        } => with(
            t("size_below"),
            vec![
                ("employees", (*employees).into()),
                ("threshold", (*threshold).into()),
            ],
        ),
        ReasonCode::Region { region } => with(t("region"), vec![("region", s(region))]),
        ReasonCode::Country { country } => with(t("country"), vec![("country", s(country))]),
        ReasonCode::PostalCode { postal_code } => {
            with(t("postal_code"), vec![("postal_code", s(postal_code))])
        }
        ReasonCode::Source { source } => {
            with(t("source"), vec![("source", Value::String(source.code()))])
        }
        ReasonCode::Interest { product } => with(t("interest"), vec![("product", s(product))]),
        ReasonCode::JobTitle { word } => with(t("job_title"), vec![("word", s(word))]),
        ReasonCode::RecentActivity { kind, days, count } => with(
            t("recent_activity"),
            vec![
                ("activity_kind", opt_kind(*kind)),
                ("days", (*days).into()),
                ("count", (*count).into()),
            ],
        ),
        ReasonCode::NoRecentActivity { days } => {
            with(t("no_recent_activity"), vec![("days", (*days).into())])
        }
        ReasonCode::CampaignResponse { campaign, days } => with(
            t("campaign_response"),
            vec![
                ("campaign", s(campaign)),
                ("days", days.map_or(Value::Null, Value::from)),
            ],
        ),
    }
}

pub(crate) fn read_reason(o: &Obj) -> Result<ScoreReason, DomainError> {
    let n = |f| o.opt_int::<u32>(f).map(Option::unwrap_or_default);
    let code = match o.string("code")?.as_str() {
        "industry" => ReasonCode::Industry {
            industry: o.string("industry")?,
        },
        "size_at_least" => ReasonCode::SizeAtLeast {
            employees: n("employees")?,
            threshold: n("threshold")?,
        },
        "size_below" => ReasonCode::SizeBelow {
            employees: n("employees")?,
            threshold: n("threshold")?,
        },
        "region" => ReasonCode::Region {
            region: o.string("region")?,
        },
        "country" => ReasonCode::Country {
            country: o.string("country")?,
        },
        "postal_code" => ReasonCode::PostalCode {
            postal_code: o.string("postal_code")?,
        },
        "source" => ReasonCode::Source { source: source(o)? },
        "interest" => ReasonCode::Interest {
            product: o.string("product")?,
        },
        "job_title" => ReasonCode::JobTitle {
            word: o.string("word")?,
        },
        "recent_activity" => ReasonCode::RecentActivity {
            kind: o.code("activity_kind", ActivityKind::from_code)?,
            days: n("days")?,
            count: n("count")?,
        },
        "no_recent_activity" => ReasonCode::NoRecentActivity { days: n("days")? },
        "campaign_response" => ReasonCode::CampaignResponse {
            campaign: o.string("campaign")?,
            days: o.opt_int("days")?,
        },
        _ => return Err(o.bad("code", JsonKind::String)),
    };
    Ok(ScoreReason {
        rule_id: o.string("rule_id")?,
        points: o.opt_int("points")?.unwrap_or(0),
        code,
    })
}
