//! Lead scoring: rules as data (fit and engagement conditions worth points), a score that
//! explains itself rule by rule.

use crate::sort;
use chrono::{DateTime, Duration, Utc};

use super::super::sales::{Activity, ActivityKind};
use super::super::types::Meta;
use super::lead::{Lead, LeadSource, LeadStatus};
use super::names::words;
use crate::search::normalize;

/// A test on a lead or on what it did recently.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Condition {
    /// The industry is one of these (case- and accent-insensitive).
    IndustryIs { industries: Vec<String> },
    /// At least this many employees.
    SizeAtLeast { employees: u32 },
    /// Fewer than this many employees (a known size only).
    SizeBelow { employees: u32 },
    /// The region is one of these (case- and accent-insensitive).
    RegionIn { regions: Vec<String> },
    /// The country is one of these ISO codes.
    CountryIn { countries: Vec<String> },
    /// The postal code starts with one of these.
    PostalCodeStarts { prefixes: Vec<String> },
    /// The lead came from this source; `Campaign("*")` is any campaign.
    SourceIs { source: LeadSource },
    /// The lead asked about one of these products.
    InterestIn { products: Vec<String> },
    /// A word of the job title starts with one of these ("director" matches "Directora").
    JobTitleHas { words: Vec<String> },
    /// At least `at_least` done activities (of `kind`, or any) in the last `days` days.
    ActivityWithin {
        kind: Option<ActivityKind>,
        days: u32,
        at_least: u32,
    },
    /// No done activity in the last `days` days (for negative points).
    NoActivityWithin { days: u32 },
    /// Responded to a campaign (this one, or any) in the last `days` days (or ever).
    CampaignResponded {
        campaign: Option<String>,
        days: Option<u32>,
    },
}

/// Points a lead earns (or loses) when a condition holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScoringRule {
    /// Stable, unique within the rules (reasons refer to it).
    pub id: String,
    pub condition: Condition,
    pub points: i32,
    /// A disabled rule is kept (with its points) but scores nothing.
    pub enabled: bool,
}

/// The team's scoring rules, stored as one `type: "scoring_rules"` document.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ScoringRules {
    pub rules: Vec<ScoringRule>,
    pub meta: Meta,
}

/// Why a rule gave points, with what matched, for the UI to phrase ("+20 industry: Steel",
/// "+10 visited in the last 7 days").
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReasonCode {
    Industry {
        industry: String,
    },
    SizeAtLeast {
        employees: u32,
        threshold: u32,
    },
    SizeBelow {
        employees: u32,
        threshold: u32,
    },
    Region {
        region: String,
    },
    Country {
        country: String,
    },
    PostalCode {
        postal_code: String,
    },
    Source {
        source: LeadSource,
    },
    Interest {
        product: String,
    },
    JobTitle {
        word: String,
    },
    RecentActivity {
        kind: Option<ActivityKind>,
        days: u32,
        count: u32,
    },
    NoRecentActivity {
        days: u32,
    },
    CampaignResponse {
        campaign: String,
        days: Option<u32>,
    },
}

/// One rule that held.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScoreReason {
    pub rule_id: String,
    pub points: i32,
    pub code: ReasonCode,
}

/// A lead's score: the total and the rules behind it, biggest contribution first.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Score {
    pub total: i32,
    pub reasons: Vec<ScoreReason>,
}

/// A done activity of the lead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EngagementEvent {
    pub kind: ActivityKind,
    pub at: DateTime<Utc>,
}

/// A response to a campaign (a form filled, a reply, a click the campaign tool reported).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CampaignResponse {
    pub campaign: String,
    pub at: DateTime<Utc>,
}

/// What a lead did: the input of the engagement conditions.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Engagement {
    pub activities: Vec<EngagementEvent>,
    pub campaign_responses: Vec<CampaignResponse>,
}

impl Engagement {
    /// What a lead did by coming in: a lead captured from a campaign responded to it when it
    /// was created. Cartera records no other campaign responses yet, so this is what the
    /// "responded to a campaign" condition counts.
    pub fn own(lead: &Lead) -> Self {
        let response = match &lead.source {
            LeadSource::Campaign(campaign) => Some(CampaignResponse {
                campaign: campaign.clone(),
                at: lead.meta.created_at,
            }),
            _ => None,
        };
        Self {
            activities: Vec::new(),
            campaign_responses: response.into_iter().collect(),
        }
    }

    /// The done activities linked to `lead` or to a lead merged into it, and the lead's
    /// campaign responses.
    pub fn of_lead(lead: &Lead, activities: &[Activity], responses: &[CampaignResponse]) -> Self {
        let ours = |a: &Activity| {
            (a.lead_id.as_deref())
                .is_some_and(|id| id == lead.id || lead.merged_from.iter().any(|m| m == id))
        };
        Self {
            activities: (activities.iter().filter(|a| ours(a)))
                .filter_map(|a| a.done_at.map(|at| EngagementEvent { kind: a.kind, at }))
                .collect(),
            campaign_responses: responses.to_vec(),
        }
    }
}

/// Scores `lead` at `now`: every rule whose condition holds adds its points. Reasons come
/// biggest contribution first, then in rule order.
pub fn score(
    lead: &Lead,
    engagement: &Engagement,
    rules: &ScoringRules,
    now: DateTime<Utc>,
) -> Score {
    let mut reasons: Vec<ScoreReason> = (rules.rules.iter().filter(|r| r.enabled))
        .filter_map(|r| {
            let code = check(&r.condition, lead, engagement, now)?;
            Some(ScoreReason {
                rule_id: r.id.clone(),
                points: r.points,
                code,
            })
        })
        .collect();
    sort::sort_by_key(&mut reasons, |r| std::cmp::Reverse(r.points));
    Score {
        total: reasons.iter().fold(0i32, |t, r| t.saturating_add(r.points)),
        reasons,
    }
}

/// `lead` with its score recomputed (call on every change of the lead or its activities).
pub fn rescore(
    lead: &Lead,
    engagement: &Engagement,
    rules: &ScoringRules,
    now: DateTime<Utc>,
) -> Lead {
    Lead {
        score: score(lead, engagement, rules, now),
        ..lead.clone()
    }
}

/// The leads whose score changes when scored by `rules` at `now` with what they did (their
/// done activities, and those of the leads merged into them), touched by `user`. A converted
/// lead keeps the score it was converted with. In `leads`' order.
pub fn rescore_changed(
    leads: &[Lead],
    activities: &[Activity],
    rules: &ScoringRules,
    now: DateTime<Utc>,
    user: &str,
) -> Vec<Lead> {
    // Done activities by lead id, sorted: each lead finds its own by binary search.
    let mut done: Vec<(&str, EngagementEvent)> = (activities.iter())
        .filter_map(|a| {
            let at = a.done_at?;
            Some((a.lead_id.as_deref()?, EngagementEvent { kind: a.kind, at }))
        })
        .collect();
    sort::sort_by(&mut done, |a, b| a.0.cmp(b.0));
    let mut out = Vec::new();
    for l in leads.iter().filter(|l| l.status != LeadStatus::Converted) {
        let mut engagement = Engagement::own(l);
        for id in std::iter::once(&l.id).chain(&l.merged_from) {
            let from = done.partition_point(|(x, _)| *x < id.as_str());
            let theirs = done.get(from..).unwrap_or_default();
            let theirs = theirs.iter().take_while(|(x, _)| *x == id);
            engagement.activities.extend(theirs.map(|(_, e)| e.clone()));
        }
        let s = score(l, &engagement, rules, now);
        if s != l.score {
            let meta = l.meta.touched(now, user);
            out.push(Lead {
                score: s,
                meta,
                ..l.clone()
            });
        }
    }
    out
}

fn folded_in(value: &str, list: &[String]) -> bool {
    let v = normalize(value.trim());
    !v.is_empty() && list.iter().any(|x| normalize(x.trim()) == v)
}

/// The reason `c` holds for `lead`, or `None`.
fn check(c: &Condition, lead: &Lead, e: &Engagement, now: DateTime<Utc>) -> Option<ReasonCode> {
    let size = lead.company_size;
    match c {
        Condition::IndustryIs { industries } => {
            folded_in(&lead.industry, industries).then(|| ReasonCode::Industry {
                industry: lead.industry.clone(),
            })
        }
        Condition::SizeAtLeast { employees } => {
            size.filter(|n| n >= employees)
                .map(|n| ReasonCode::SizeAtLeast {
                    employees: n,
                    threshold: *employees,
                })
        }
        Condition::SizeBelow { employees } => {
            size.filter(|n| n < employees)
                .map(|n| ReasonCode::SizeBelow {
                    employees: n,
                    threshold: *employees,
                })
        }
        Condition::RegionIn { regions } => {
            folded_in(&lead.address.region, regions).then(|| ReasonCode::Region {
                region: lead.address.region.clone(),
            })
        }
        Condition::CountryIn { countries } => {
            folded_in(&lead.address.country, countries).then(|| ReasonCode::Country {
                country: lead.address.country.clone(),
            })
        }
        Condition::PostalCodeStarts { prefixes } => {
            postal_match(&lead.address.postal_code, prefixes).then(|| ReasonCode::PostalCode {
                postal_code: lead.address.postal_code.clone(),
            })
        }
        Condition::SourceIs { source } => {
            source_match(&lead.source, source).then(|| ReasonCode::Source {
                source: lead.source.clone(),
            })
        }
        Condition::InterestIn { products } => (lead.interest.iter())
            .find(|p| products.iter().any(|q| q.trim().eq_ignore_ascii_case(p)))
            .map(|p| ReasonCode::Interest { product: p.clone() }),
        Condition::JobTitleHas { words: wanted } => {
            job_word(&lead.job_title, wanted).map(|word| ReasonCode::JobTitle { word })
        }
        _ => check_engagement(c, e, now),
    }
}

fn check_engagement(c: &Condition, e: &Engagement, now: DateTime<Utc>) -> Option<ReasonCode> {
    // Rules are stored data: a huge number of days reaches back to the earliest instant
    // instead of overflowing.
    let since = |days: u32| {
        (Duration::try_days(i64::from(days)))
            .and_then(|d| now.checked_sub_signed(d))
            .unwrap_or(DateTime::<Utc>::MIN_UTC)
    };
    match c {
        Condition::ActivityWithin {
            kind,
            days,
            at_least,
        } => {
            let count = (e.activities.iter())
                .filter(|a| kind.is_none_or(|k| a.kind == k) && a.at >= since(*days) && a.at <= now)
                .count();
            let count = u32::try_from(count).unwrap_or(u32::MAX);
            (count >= (*at_least).max(1)).then_some(ReasonCode::RecentActivity {
                kind: *kind,
                days: *days,
                count,
            })
        }
        Condition::NoActivityWithin { days } => {
            (!e.activities.iter().any(|a| a.at >= since(*days)))
                .then_some(ReasonCode::NoRecentActivity { days: *days })
        }
        Condition::CampaignResponded { campaign, days } => (e.campaign_responses.iter())
            .filter(|r| campaign.as_ref().is_none_or(|c| *c == r.campaign))
            .filter(|r| days.is_none_or(|d| r.at >= since(d)) && r.at <= now)
            .max_by_key(|r| r.at)
            .map(|r| ReasonCode::CampaignResponse {
                campaign: r.campaign.clone(),
                days: *days,
            }),
        _ => None,
    }
}

/// Postal codes compared without spaces, case-insensitively ("SW1A 1AA" starts with "sw1").
pub(crate) fn postal_match(code: &str, prefixes: &[String]) -> bool {
    let squash = |s: &str| s.replace([' ', '-'], "").to_ascii_uppercase();
    let code = squash(code);
    !code.is_empty()
        && (prefixes.iter().map(|p| squash(p))).any(|p| !p.is_empty() && code.starts_with(&p))
}

fn source_match(lead: &LeadSource, wanted: &LeadSource) -> bool {
    match (lead, wanted) {
        (LeadSource::Campaign(_), LeadSource::Campaign(w)) if w == "*" => true,
        _ => lead == wanted,
    }
}

/// The first wanted word that starts a word of the title, as the rule wrote it.
fn job_word(title: &str, wanted: &[String]) -> Option<String> {
    let title_words = words(title);
    (wanted.iter())
        .find(|w| {
            let w = normalize(w.trim());
            !w.is_empty() && title_words.iter().any(|t| t.starts_with(&w))
        })
        .cloned()
}
