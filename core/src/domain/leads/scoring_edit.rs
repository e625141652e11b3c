//! The scoring rules form: each rule's condition (its kind and its parameters as typed:
//! comma-separated lists, whole numbers, an activity kind, a lead source, a campaign), its
//! points and its switch, checked into [`ScoringRules`]. Codes per field; the UI translates.

use chrono::{DateTime, Utc};

use super::lead::LeadSource;
use super::routing_edit::split_list;
use super::scoring::{Condition, ScoringRule, ScoringRules};
use crate::domain::Meta;
use crate::domain::sales::ActivityKind;

/// The most points one rule gives or takes.
pub const MAX_POINTS: i32 = 1_000;
/// Most rules in the team's scoring.
pub const MAX_SCORING_RULES: usize = 100;
/// Longest list a field takes, and longest campaign, in characters.
const MAX_LIST: usize = 2_000;
const MAX_CAMPAIGN: usize = 200;
/// Bounds of the numbers a condition takes.
const EMPLOYEES: (u32, u32) = (1, 10_000_000);
const DAYS: (u32, u32) = (1, 3_650);
const AT_LEAST: (u32, u32) = (1, 1_000);

/// Which test a rule makes: one per [`Condition`] variant.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ConditionKind {
    #[default]
    IndustryIs,
    SizeAtLeast,
    SizeBelow,
    RegionIn,
    CountryIn,
    PostalCodeStarts,
    SourceIs,
    InterestIn,
    JobTitleHas,
    ActivityWithin,
    NoActivityWithin,
    CampaignResponded,
}

/// A parameter of a condition: one field of a rule row.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Param {
    /// The list of industries, regions, countries, postal prefixes, products or title words.
    List,
    Employees,
    Days,
    AtLeast,
    ActivityKind,
    Source,
    Campaign,
}

impl ConditionKind {
    pub const ALL: [ConditionKind; 12] = [
        Self::IndustryIs,
        Self::SizeAtLeast,
        Self::SizeBelow,
        Self::RegionIn,
        Self::CountryIn,
        Self::PostalCodeStarts,
        Self::SourceIs,
        Self::InterestIn,
        Self::JobTitleHas,
        Self::ActivityWithin,
        Self::NoActivityWithin,
        Self::CampaignResponded,
    ];

    /// The stored code (`condition.kind`).
    pub fn code(self) -> &'static str {
        match self {
            Self::IndustryIs => "industry_is",
            Self::SizeAtLeast => "size_at_least",
            Self::SizeBelow => "size_below",
            Self::RegionIn => "region_in",
            Self::CountryIn => "country_in",
            Self::PostalCodeStarts => "postal_code_starts",
            Self::SourceIs => "source_is",
            Self::InterestIn => "interest_in",
            Self::JobTitleHas => "job_title_has",
            Self::ActivityWithin => "activity_within",
            Self::NoActivityWithin => "no_activity_within",
            Self::CampaignResponded => "campaign_responded",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }

    /// The kind of a stored condition.
    pub fn of(c: &Condition) -> Self {
        use Condition as C;
        match c {
            C::IndustryIs { .. } => Self::IndustryIs,
            C::SizeAtLeast { .. } => Self::SizeAtLeast,
            C::SizeBelow { .. } => Self::SizeBelow,
            C::RegionIn { .. } => Self::RegionIn,
            C::CountryIn { .. } => Self::CountryIn,
            C::PostalCodeStarts { .. } => Self::PostalCodeStarts,
            C::SourceIs { .. } => Self::SourceIs,
            C::InterestIn { .. } => Self::InterestIn,
            C::JobTitleHas { .. } => Self::JobTitleHas,
            C::ActivityWithin { .. } => Self::ActivityWithin,
            C::NoActivityWithin { .. } => Self::NoActivityWithin,
            C::CampaignResponded { .. } => Self::CampaignResponded,
        }
    }

    /// The parameters this kind reads, in form order.
    pub fn params(self) -> &'static [Param] {
        match self {
            Self::SizeAtLeast | Self::SizeBelow => &[Param::Employees],
            Self::SourceIs => &[Param::Source, Param::Campaign],
            Self::ActivityWithin => &[Param::ActivityKind, Param::AtLeast, Param::Days],
            Self::NoActivityWithin => &[Param::Days],
            Self::CampaignResponded => &[Param::Campaign, Param::Days],
            _ => &[Param::List],
        }
    }
}

/// One rule row as typed. Only the fields of its kind's [`ConditionKind::params`] are read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScoringRuleInput {
    /// Empty for a new rule (an id is made for it); kept for existing ones (score reasons
    /// name the rule).
    pub id: String,
    pub kind: ConditionKind,
    /// Comma-separated; countries as ISO 3166-1 alpha-2 codes ("ES, MX").
    pub list: String,
    pub employees: String,
    /// Required for the activity conditions; empty for a campaign response is "ever".
    pub days: String,
    /// Empty is 1.
    pub at_least: String,
    /// An activity kind code; empty is any.
    pub activity_kind: String,
    /// A lead source code ("web", "referral", "event", "cold_call", "other", "campaign").
    pub source: String,
    /// A campaign id; empty is any campaign.
    pub campaign: String,
    /// A whole number, negative allowed ("-5", "+10").
    pub points: String,
    pub enabled: bool,
}

impl Default for ScoringRuleInput {
    /// A new rule: switched on, from the web for a source.
    fn default() -> Self {
        Self {
            id: String::new(),
            kind: ConditionKind::default(),
            list: String::new(),
            employees: String::new(),
            days: String::new(),
            at_least: String::new(),
            activity_kind: String::new(),
            source: LeadSource::Web.code(),
            campaign: String::new(),
            points: String::new(),
            enabled: true,
        }
    }
}

/// A field of the scoring form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum ScoringField {
    Rules,
    Points(usize),
    /// Rule n's parameter.
    Param(usize, Param),
}

/// What is wrong with a scoring field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum ScoringCode {
    /// Nothing typed where something is needed (an empty list, a missing number or source).
    Required,
    /// Not a whole number from `min` to `max`.
    Range {
        min: i32,
        max: i32,
    },
    /// A country that is not a two-letter ISO code.
    Country,
    TooLong,
    TooMany,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct ScoringFieldError {
    pub field: ScoringField,
    pub code: ScoringCode,
}

impl From<&ScoringRule> for ScoringRuleInput {
    /// A stored rule as its form row.
    fn from(r: &ScoringRule) -> Self {
        let mut row = Self {
            id: r.id.clone(),
            kind: ConditionKind::of(&r.condition),
            points: r.points.to_string(),
            enabled: r.enabled,
            ..Self::default()
        };
        let n = |v: &u32| v.to_string();
        match &r.condition {
            Condition::IndustryIs { industries: l }
            | Condition::RegionIn { regions: l }
            | Condition::CountryIn { countries: l }
            | Condition::PostalCodeStarts { prefixes: l }
            | Condition::InterestIn { products: l }
            | Condition::JobTitleHas { words: l } => row.list = l.join(", "),
            Condition::SizeAtLeast { employees } | Condition::SizeBelow { employees } => {
                row.employees = n(employees);
            }
            Condition::SourceIs { source } => match source {
                LeadSource::Campaign(c) => {
                    row.source = "campaign".into();
                    row.campaign = if c == "*" { String::new() } else { c.clone() };
                }
                s => row.source = s.code(),
            },
            Condition::ActivityWithin {
                kind,
                days,
                at_least,
            } => {
                row.activity_kind = kind.map_or_else(String::new, |k| k.code().to_owned());
                row.days = n(days);
                row.at_least = n(at_least);
            }
            Condition::NoActivityWithin { days } => row.days = n(days),
            Condition::CampaignResponded { campaign, days } => {
                row.campaign = campaign.clone().unwrap_or_default();
                row.days = days.as_ref().map_or_else(String::new, n);
            }
        }
        row
    }
}

/// Parses points: a whole number from -1000 to 1000, a leading "+" and spaces allowed.
pub fn parse_points(raw: &str) -> Option<i32> {
    let s = raw.trim();
    let s = s.strip_prefix('+').unwrap_or(s).trim_start();
    s.parse::<i32>()
        .ok()
        .filter(|p| (-MAX_POINTS..=MAX_POINTS).contains(p))
}

/// The errors of one row, as its fields are read.
struct RowCheck<'a> {
    row: usize,
    input: &'a ScoringRuleInput,
    errors: &'a mut Vec<ScoringFieldError>,
}

impl RowCheck<'_> {
    fn push(&mut self, p: Param, code: ScoringCode) {
        let field = ScoringField::Param(self.row, p);
        self.errors.push(ScoringFieldError { field, code });
    }

    /// The list, split; required.
    fn list(&mut self) -> Vec<String> {
        let raw = &self.input.list;
        let items = split_list(raw);
        if raw.chars().count() > MAX_LIST {
            self.push(Param::List, ScoringCode::TooLong);
        } else if items.is_empty() {
            self.push(Param::List, ScoringCode::Required);
        }
        items
    }

    /// A whole number within `(min, max)`; `None` when left empty (and an error when
    /// `required`) or wrong.
    fn number(&mut self, p: Param, raw: &str, (min, max): (u32, u32), required: bool) -> u32 {
        let raw = raw.trim();
        if raw.is_empty() {
            if required {
                self.push(p, ScoringCode::Required);
            }
            return 0;
        }
        match raw.parse::<u32>().ok().filter(|n| (min..=max).contains(n)) {
            Some(n) => n,
            None => {
                let (min, max) = (min as i32, max as i32);
                self.push(p, ScoringCode::Range { min, max });
                0
            }
        }
    }

    /// The campaign typed, or `None` (any); too long is an error.
    fn campaign(&mut self) -> Option<String> {
        let c = self.input.campaign.trim();
        if c.chars().count() > MAX_CAMPAIGN {
            self.push(Param::Campaign, ScoringCode::TooLong);
        }
        (!c.is_empty()).then(|| c.to_owned())
    }

    fn condition(&mut self) -> Condition {
        use ConditionKind as K;
        let r = self.input;
        match r.kind {
            K::IndustryIs => Condition::IndustryIs {
                industries: self.list(),
            },
            K::RegionIn => Condition::RegionIn {
                regions: self.list(),
            },
            K::CountryIn => {
                let countries: Vec<String> = (self.list().iter())
                    .map(|c| c.to_ascii_uppercase())
                    .collect();
                let iso = |c: &String| c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase());
                if !countries.iter().all(iso) {
                    self.push(Param::List, ScoringCode::Country);
                }
                Condition::CountryIn { countries }
            }
            K::PostalCodeStarts => Condition::PostalCodeStarts {
                prefixes: self.list(),
            },
            K::InterestIn => Condition::InterestIn {
                products: self.list(),
            },
            K::JobTitleHas => Condition::JobTitleHas { words: self.list() },
            K::SizeAtLeast => Condition::SizeAtLeast {
                employees: self.number(Param::Employees, &r.employees, EMPLOYEES, true),
            },
            K::SizeBelow => Condition::SizeBelow {
                employees: self.number(Param::Employees, &r.employees, EMPLOYEES, true),
            },
            K::SourceIs => {
                let campaign = self.campaign();
                let source = match r.source.trim().eq_ignore_ascii_case("campaign") {
                    true => Some(LeadSource::Campaign(campaign.unwrap_or_else(|| "*".into()))),
                    false => LeadSource::from_code(&r.source),
                };
                if source.is_none() {
                    self.push(Param::Source, ScoringCode::Required);
                }
                Condition::SourceIs {
                    source: source.unwrap_or_default(),
                }
            }
            K::ActivityWithin => {
                let code = r.activity_kind.trim();
                let kind = ActivityKind::from_code(code);
                if kind.is_none() && !code.is_empty() {
                    self.push(Param::ActivityKind, ScoringCode::Required);
                }
                let at_least = self.number(Param::AtLeast, &r.at_least, AT_LEAST, false);
                Condition::ActivityWithin {
                    kind,
                    at_least: at_least.max(1),
                    days: self.number(Param::Days, &r.days, DAYS, true),
                }
            }
            K::NoActivityWithin => Condition::NoActivityWithin {
                days: self.number(Param::Days, &r.days, DAYS, true),
            },
            K::CampaignResponded => Condition::CampaignResponded {
                campaign: self.campaign(),
                days: (!r.days.trim().is_empty())
                    .then(|| self.number(Param::Days, &r.days, DAYS, false)),
            },
        }
    }
}

/// Validates the scoring form into the team's rules, in the rows' order, changed by `user` at
/// `now` (`old` keeps its creation metadata; `None` while the defaults are shown). A row's
/// condition is read from its kind's fields; the other fields are ignored. New rules (and a
/// repeated id) get `regla-{n}` ids used by no other row nor by a rule of `old`.
pub fn validate_scoring(
    rows: &[ScoringRuleInput],
    old: Option<&ScoringRules>,
    now: DateTime<Utc>,
    user: &str,
) -> Result<ScoringRules, Vec<ScoringFieldError>> {
    let mut errors = Vec::new();
    if rows.len() > MAX_SCORING_RULES {
        let field = ScoringField::Rules;
        errors.push(ScoringFieldError {
            field,
            code: ScoringCode::TooMany,
        });
    }
    let mut taken: Vec<&str> = rows.iter().map(|r| r.id.trim()).collect();
    if let Some(o) = old {
        taken.extend(o.rules.iter().map(|r| r.id.as_str()));
    }
    let mut rules: Vec<ScoringRule> = Vec::with_capacity(rows.len());
    for (row, input) in rows.iter().enumerate() {
        let condition = RowCheck {
            row,
            input,
            errors: &mut errors,
        }
        .condition();
        let points = parse_points(&input.points).unwrap_or_else(|| {
            errors.push(ScoringFieldError {
                field: ScoringField::Points(row),
                code: ScoringCode::Range {
                    min: -MAX_POINTS,
                    max: MAX_POINTS,
                },
            });
            0
        });
        let mut id = input.id.trim().to_owned();
        if id.is_empty() || rules.iter().any(|x| x.id == id) {
            id = (1..)
                .map(|n| format!("regla-{n}"))
                .find(|c| !taken.contains(&c.as_str()) && rules.iter().all(|x| &x.id != c))
                .unwrap_or_default();
        }
        rules.push(ScoringRule {
            id,
            condition,
            points,
            enabled: input.enabled,
        });
    }
    if !errors.is_empty() {
        crate::sort::sort(&mut errors);
        return Err(errors);
    }
    Ok(ScoringRules {
        rules,
        meta: old.map_or_else(|| Meta::created(now, user), |o| o.meta.touched(now, user)),
    })
}
