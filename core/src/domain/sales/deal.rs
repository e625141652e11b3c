//! Deals: an amount the team hopes to sell to an account, moving through a pipeline's stages.

use chrono::{DateTime, NaiveDate, Utc};

use super::super::DomainError;
use super::super::body::{self, Reader};
use super::super::money::Money;
use super::super::types::Meta;
use super::DEAL_TYPE;
use super::codes::{CloseReason, DealStatus, ForecastCategory};
use super::store_ext::{self as ext, Obj};
use crate::store::{Body, Doc};

/// One move of a deal between stages; the first entry of a deal's history has no `from`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StageChange {
    /// The stage left; `None` when the deal was created (or converted from a lead) in `to`.
    pub from: Option<String>,
    pub to: String,
    pub at: DateTime<Utc>,
    /// The user who moved it.
    pub by: String,
}

/// A product line of a deal, priced in the deal's currency.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DealLine {
    /// The catalogue product, when the line is one.
    pub product_id: Option<String>,
    /// What the line sells, as the rep typed it or the catalogue named it.
    pub name: String,
    pub quantity: u32,
    /// Price of one unit in the deal currency's minor units.
    pub unit_price_minor: i64,
}

impl DealLine {
    /// `quantity × unit price`, when it fits.
    pub fn total_minor(&self) -> Option<i64> {
        self.unit_price_minor.checked_mul(i64::from(self.quantity))
    }
}

/// A sales opportunity.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Deal {
    /// The document id, a UUID v7 string.
    pub id: String,
    pub title: String,
    pub account_id: Option<String>,
    pub contact_id: Option<String>,
    /// The lead this deal was converted from.
    pub lead_id: Option<String>,
    /// The owning rep's user name.
    pub owner: String,
    pub amount: Money,
    /// The day the rep expects to close, in the team's calendar.
    pub expected_close: NaiveDate,
    pub pipeline_id: String,
    /// The current stage (for a closed deal, the stage it was closed from).
    pub stage_id: String,
    /// Chance of winning, 0-100 %: the stage's default unless the rep changed it.
    pub probability: u8,
    pub category: ForecastCategory,
    /// The campaign (source) that brought the deal, by id or code.
    pub campaign: Option<String>,
    /// Optional product lines; when present the amount is usually their total.
    pub lines: Vec<DealLine>,
    pub status: DealStatus,
    /// When the deal was won or lost; `None` while open.
    pub closed_at: Option<DateTime<Utc>>,
    pub close_reason: Option<CloseReason>,
    pub close_note: String,
    /// Every stage move, oldest first.
    pub history: Vec<StageChange>,
    pub notes: String,
    pub meta: Meta,
}

impl Deal {
    pub fn is_open(&self) -> bool {
        self.status == DealStatus::Open
    }

    /// The category the forecast counts the deal in: `Closed` when won, none when lost, the
    /// rep's category while open (a stored `Closed` on an open deal counts as `Commit`).
    pub fn forecast_category(&self) -> Option<ForecastCategory> {
        match (self.status, self.category) {
            (DealStatus::Won, _) => Some(ForecastCategory::Closed),
            (DealStatus::Lost, _) => None,
            (DealStatus::Open, ForecastCategory::Closed) => Some(ForecastCategory::Commit),
            (DealStatus::Open, c) => Some(c),
        }
    }

    /// The amount weighted by the deal's probability, rounded once (half away from zero).
    pub fn weighted(&self) -> Money {
        self.amount.percent(self.probability)
    }

    /// The sum of the product lines in the deal's currency; `None` without lines or on overflow.
    pub fn lines_total(&self) -> Option<Money> {
        if self.lines.is_empty() {
            return None;
        }
        let total = (self.lines.iter()).try_fold(0i64, |acc, l| acc.checked_add(l.total_minor()?));
        total.map(|t| Money::new(t, &self.amount.currency))
    }

    /// When the deal entered its current stage: the last history entry, or its creation.
    pub fn stage_entered_at(&self) -> DateTime<Utc> {
        self.history.last().map_or(self.meta.created_at, |c| c.at)
    }

    /// The document body: `type: "deal"`, `owner`, `account_id` (absent when unlinked), the
    /// metadata, `amount: {minor, currency}`, `expected_close: "YYYY-MM-DD"`, enums as
    /// snake_case codes and `history: [{from, to, at, by}]`.
    pub fn to_body(&self) -> Body {
        let mut m = body::header(DEAL_TYPE, &self.owner, &self.meta);
        m.insert("title".into(), body::string(&self.title));
        ext::put_opt(&mut m, "account_id", self.account_id.as_deref());
        ext::put_opt(&mut m, "contact_id", self.contact_id.as_deref());
        ext::put_opt(&mut m, "lead_id", self.lead_id.as_deref());
        m.insert("amount".into(), ext::money(&self.amount));
        m.insert("expected_close".into(), ext::date(self.expected_close));
        m.insert("pipeline_id".into(), body::string(&self.pipeline_id));
        m.insert("stage_id".into(), body::string(&self.stage_id));
        m.insert("probability".into(), self.probability.into());
        m.insert("category".into(), body::string(self.category.code()));
        ext::put_opt(&mut m, "campaign", self.campaign.as_deref());
        m.insert("lines".into(), ext::array(&self.lines, line_body));
        m.insert("status".into(), body::string(self.status.code()));
        if let Some(t) = &self.closed_at {
            m.insert("closed_at".into(), body::timestamp(t));
        }
        ext::put_opt(&mut m, "close_reason", self.close_reason.map(|r| r.code()));
        m.insert("close_note".into(), body::string(&self.close_note));
        m.insert("history".into(), ext::array(&self.history, change_body));
        m.insert("notes".into(), body::string(&self.notes));
        m
    }

    /// Reads a stored deal. Missing fields read as empty (a missing amount as 0 EUR, a missing
    /// close date as the creation day); fields of the wrong kind, unknown codes, another
    /// `type` or a deleted document are errors.
    pub fn from_doc(doc: &Doc) -> Result<Self, DomainError> {
        body::check_doc(doc, DEAL_TYPE)?;
        let r = Reader::new(doc);
        let o = Obj::new(&doc.id, &doc.body);
        let meta = r.meta()?;
        Ok(Self {
            id: doc.id.clone(),
            title: r.string("title")?,
            account_id: r.opt_string("account_id")?,
            contact_id: r.opt_string("contact_id")?,
            lead_id: r.opt_string("lead_id")?,
            owner: r.string("owner")?,
            amount: o.money("amount")?,
            expected_close: o
                .date("expected_close")?
                .unwrap_or(meta.created_at.date_naive()),
            pipeline_id: r.string("pipeline_id")?,
            stage_id: r.string("stage_id")?,
            probability: o.percent("probability")?,
            category: o.code("category")?.unwrap_or_default(),
            campaign: r.opt_string("campaign")?,
            lines: o.array("lines", read_line)?,
            status: o.code("status")?.unwrap_or_default(),
            closed_at: r.timestamp("closed_at")?,
            close_reason: o.code("close_reason")?,
            close_note: r.string("close_note")?,
            history: o.array("history", read_change)?,
            notes: r.string("notes")?,
            meta,
        })
    }
}

fn line_body(l: &DealLine) -> serde_json::Value {
    let mut m = Body::new();
    ext::put_opt(&mut m, "product_id", l.product_id.as_deref());
    m.insert("name".into(), body::string(&l.name));
    m.insert("quantity".into(), l.quantity.into());
    m.insert("unit_price_minor".into(), l.unit_price_minor.into());
    serde_json::Value::Object(m)
}

fn read_line(o: &Obj) -> Result<DealLine, DomainError> {
    Ok(DealLine {
        product_id: o.opt_string("product_id")?,
        name: o.string("name")?,
        quantity: o.u32("quantity")?,
        unit_price_minor: o.i64("unit_price_minor")?,
    })
}

fn change_body(c: &StageChange) -> serde_json::Value {
    let mut m = Body::new();
    ext::put_opt(&mut m, "from", c.from.as_deref());
    m.insert("to".into(), body::string(&c.to));
    m.insert("at".into(), body::timestamp(&c.at));
    m.insert("by".into(), body::string(&c.by));
    serde_json::Value::Object(m)
}

fn read_change(o: &Obj) -> Result<StageChange, DomainError> {
    Ok(StageChange {
        from: o.opt_string("from")?,
        to: o.string("to")?,
        at: o.timestamp("at")?.unwrap_or_default(),
        by: o.string("by")?,
    })
}
