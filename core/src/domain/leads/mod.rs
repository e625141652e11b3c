//! Leads: quick capture (forms, vCards, business-card text), duplicate detection and merging,
//! scoring with explained reasons, offline routing with a logged hand-over, and conversion into
//! contact + account + deal.
//!
//! Invariants (as in the rest of `domain`):
//! - pure: callers pass `now`, the user, new ids and the round-robin state; output is sorted;
//! - rules (scoring, routing) are data stored as documents, evaluated by plain functions;
//! - scores and validation return codes ([`ReasonCode`], [`LeadErrorCode`]) and never words;
//! - nothing a user typed or pasted is dropped: capture puts unrecognised lines in the notes,
//!   merging keeps the other lead's differing values in [`Lead::merged_values`];
//! - reading a stored document never panics: bad data is a [`DomainError`](super::DomainError).

mod capture;
mod card_text;
mod convert;
mod dedupe;
mod doc;
mod edit;
mod fields;
mod input;
mod lead;
mod merge;
mod names;
mod routing;
mod routing_doc;
mod routing_edit;
mod scoring;
mod scoring_doc;
mod scoring_edit;
mod vcard;

pub use capture::{parse_card_text, parse_vcards};
pub use convert::{
    AccountChoice, AccountMatch, Conversion, ConversionIds, ConvertError, convert_lead,
    deal_input_for, match_account,
};
pub use dedupe::{DuplicateMatch, MatchKind, RecordKind, duplicate_groups, find_duplicates};
pub use edit::{StatusError, new_lead, reassign, set_status, update_lead};
pub use input::{LeadErrorCode, LeadField, LeadFieldError, LeadInput, ValidLead, validate_lead};
pub use lead::{
    AssignedBy, ConversionLinks, Lead, LeadSource, LeadStatus, MergedField, MergedValue,
    Reassignment, Routing,
};
pub use merge::merge_leads;
pub use routing::{
    AssignTo, Assignment, RoundRobinCursor, RoundRobinState, RouteWhen, RoutingRule, RoutingRules,
    assign, route,
};
pub use routing_edit::{
    MAX_ROUTING_RULES, RouteKind, RoutingCode, RoutingField, RoutingFieldError, RoutingInput,
    RoutingRuleInput, split_list, validate_routing,
};
pub use scoring::{
    CampaignResponse, Condition, Engagement, EngagementEvent, ReasonCode, Score, ScoreReason,
    ScoringRule, ScoringRules, rescore, rescore_changed, score,
};
pub use scoring_edit::{
    ConditionKind, MAX_POINTS, MAX_SCORING_RULES, Param, ScoringCode, ScoringField,
    ScoringFieldError, ScoringRuleInput, parse_points, validate_scoring,
};

/// The document `type` of leads.
pub const LEAD_TYPE: &str = "lead";
/// The document `type` of the team's scoring rules (one document).
pub const SCORING_RULES_TYPE: &str = "scoring_rules";
/// The document `type` of the team's routing rules (one document).
pub const ROUTING_RULES_TYPE: &str = "routing_rules";
/// The document `type` of a device's round-robin positions.
pub const ROUND_ROBIN_TYPE: &str = "round_robin_state";

#[cfg(test)]
mod tests;
