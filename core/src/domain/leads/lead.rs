//! Leads: people or companies who showed interest and are not yet customers.

use chrono::{DateTime, Utc};

use super::super::types::{Address, Meta};
use super::scoring::Score;

/// Where a lead came from. Stored as a code: "web", "referral", "event", "campaign:<id>",
/// "cold_call", "other".
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum LeadSource {
    Web,
    Referral,
    Event,
    /// A marketing campaign, by its id or code.
    Campaign(String),
    ColdCall,
    #[default]
    Other,
}

impl LeadSource {
    /// The stored code (an i18n key, except for a campaign's id).
    pub fn code(&self) -> String {
        match self {
            Self::Web => "web".into(),
            Self::Referral => "referral".into(),
            Self::Event => "event".into(),
            Self::Campaign(id) => format!("campaign:{id}"),
            Self::ColdCall => "cold_call".into(),
            Self::Other => "other".into(),
        }
    }

    /// The source of a code, case-insensitively and trimmed; `None` for an unknown code or a
    /// campaign without an id.
    pub fn from_code(raw: &str) -> Option<Self> {
        let s = raw.trim();
        if let Some((head, id)) = s.split_once(':') {
            let id = id.trim();
            return (head.trim().eq_ignore_ascii_case("campaign") && !id.is_empty())
                .then(|| Self::Campaign(id.to_owned()));
        }
        Some(
            match s.to_ascii_lowercase().replace([' ', '-'], "_").as_str() {
                "web" => Self::Web,
                "referral" => Self::Referral,
                "event" => Self::Event,
                "cold_call" => Self::ColdCall,
                "other" => Self::Other,
                _ => return None,
            },
        )
    }

    /// The campaign id, for a campaign source.
    pub fn campaign(&self) -> Option<&str> {
        match self {
            Self::Campaign(id) => Some(id),
            _ => None,
        }
    }
}

/// Where a lead stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum LeadStatus {
    #[default]
    New,
    Contacted,
    Qualified,
    Disqualified,
    /// Turned into a contact (and account, and maybe a deal); see [`Lead::converted`].
    Converted,
}

impl LeadStatus {
    /// Every status, in the order a lead usually moves through them.
    pub const ALL: [LeadStatus; 5] = [
        Self::New,
        Self::Contacted,
        Self::Qualified,
        Self::Disqualified,
        Self::Converted,
    ];

    /// The stored code (also the i18n key).
    pub fn code(self) -> &'static str {
        match self {
            Self::New => "new",
            Self::Contacted => "contacted",
            Self::Qualified => "qualified",
            Self::Disqualified => "disqualified",
            Self::Converted => "converted",
        }
    }

    pub fn from_code(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|st| st.code() == s)
    }
}

/// What chose a lead's owner.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AssignedBy {
    /// The routing rule with this id.
    Rule(String),
    /// No rule matched: the routing rules' fallback owner.
    Fallback,
}

/// The routing decision that gave a lead its owner.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Routing {
    pub by: AssignedBy,
    pub at: DateTime<Utc>,
}

/// One change of a lead's owner after it was first assigned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reassignment {
    pub from: String,
    pub to: String,
    pub at: DateTime<Utc>,
    /// The user who reassigned it.
    pub by: String,
    /// As typed by that user; empty when routing re-ran.
    pub reason: String,
}

/// A lead field whose value can be superseded in a merge.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum MergedField {
    GivenName,
    FamilyName,
    Company,
    JobTitle,
    Website,
    TaxId,
    Industry,
    CompanySize,
    Street,
    City,
    Region,
    PostalCode,
    Country,
    Source,
    Owner,
}

/// A value of a merged-in lead that differed from the surviving lead's, kept so no typed
/// data is lost (the UI lists them as "also: ...").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MergedValue {
    pub field: MergedField,
    pub value: String,
    /// The id of the lead it came from.
    pub from: String,
}

/// The records a converted lead became.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConversionLinks {
    pub contact_id: String,
    /// `None` when the lead had no company.
    pub account_id: Option<String>,
    pub deal_id: Option<String>,
    pub at: DateTime<Utc>,
    pub by: String,
}

/// A lead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lead {
    /// The document id, a UUID v7 string.
    pub id: String,
    pub given_name: String,
    pub family_name: String,
    pub company: String,
    /// Lower case, valid syntax.
    pub emails: Vec<String>,
    /// E.164.
    pub phones: Vec<String>,
    pub job_title: String,
    /// With scheme, or empty.
    pub website: String,
    /// Upper case without separators, or empty.
    pub tax_id: String,
    /// Region, postal code and country drive routing and scoring.
    pub address: Address,
    pub industry: String,
    /// Employees, when known.
    pub company_size: Option<u32>,
    /// Product codes the lead asked about.
    pub interest: Vec<String>,
    pub source: LeadSource,
    pub status: LeadStatus,
    /// The owning rep's user name; empty until routed.
    pub owner: String,
    pub score: Score,
    /// The last routing decision: the rule (or fallback) that gave the lead to a rep.
    pub routing: Option<Routing>,
    /// Every later change of owner, oldest first.
    pub reassignments: Vec<Reassignment>,
    /// Ids of the leads merged into this one, sorted.
    pub merged_from: Vec<String>,
    pub merged_values: Vec<MergedValue>,
    pub converted: Option<ConversionLinks>,
    pub tags: Vec<String>,
    pub notes: String,
    pub meta: Meta,
}

impl Lead {
    /// "Given Family", whichever of the two is present, or the company.
    pub fn display_name(&self) -> String {
        let name = format!("{} {}", self.given_name, self.family_name);
        match name.trim() {
            "" => self.company.clone(),
            n => n.to_owned(),
        }
    }
}
