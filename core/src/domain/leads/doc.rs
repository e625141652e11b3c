//! A lead's document form.

use serde_json::{Map, Value};

use super::super::body::{self, Reader};
use super::super::error::{DomainError, JsonKind};
use super::LEAD_TYPE;
use super::fields::{self, Obj};
use super::lead::{
    AssignedBy, ConversionLinks, Lead, LeadSource, LeadStatus, MergedField, MergedValue,
    Reassignment, Routing,
};
use super::scoring::Score;
use super::scoring_doc;
use crate::store::{Body, Doc};

impl Lead {
    /// The document body: `type: "lead"`, `owner`, the metadata (RFC 3339 UTC, fixed width),
    /// `status` and `source` as codes, `score` as a number beside `score_reasons`, and the
    /// logs as arrays of objects.
    pub fn to_body(&self) -> Body {
        let mut m = body::header(LEAD_TYPE, &self.owner, &self.meta);
        for (k, v) in [
            ("given_name", &self.given_name),
            ("family_name", &self.family_name),
            ("company", &self.company),
            ("job_title", &self.job_title),
            ("website", &self.website),
            ("tax_id", &self.tax_id),
            ("industry", &self.industry),
            ("notes", &self.notes),
        ] {
            m.insert(k.into(), body::string(v));
        }
        for (k, v) in [
            ("emails", &self.emails),
            ("phones", &self.phones),
            ("interest", &self.interest),
            ("merged_from", &self.merged_from),
            ("tags", &self.tags),
        ] {
            m.insert(k.into(), body::strings(v));
        }
        m.insert("address".into(), body::address(&self.address));
        if let Some(n) = self.company_size {
            m.insert("company_size".into(), n.into());
        }
        m.insert("source".into(), Value::String(self.source.code()));
        m.insert("status".into(), body::string(self.status.code()));
        m.insert("score".into(), self.score.total.into());
        let reasons = fields::array(&self.score.reasons, scoring_doc::reason_body);
        m.insert("score_reasons".into(), reasons);
        if let Some(r) = &self.routing {
            m.insert("routing".into(), Value::Object(routing_body(r)));
        }
        let log = fields::array(&self.reassignments, reassignment_body);
        m.insert("reassignments".into(), log);
        let merged = fields::array(&self.merged_values, merged_value_body);
        m.insert("merged_values".into(), merged);
        if let Some(c) = &self.converted {
            m.insert("converted".into(), Value::Object(conversion_body(c)));
        }
        m
    }

    /// Reads a stored lead. Missing fields read as empty (a missing status as new, a missing
    /// source as other); fields of the wrong kind, unknown codes, another `type` or a deleted
    /// document are errors.
    pub fn from_doc(doc: &Doc) -> Result<Self, DomainError> {
        body::check_doc(doc, LEAD_TYPE)?;
        let r = Reader::new(doc);
        let o = Obj::new(&doc.id, &doc.body);
        Ok(Self {
            id: doc.id.clone(),
            given_name: r.string("given_name")?,
            family_name: r.string("family_name")?,
            company: r.string("company")?,
            emails: r.strings("emails")?,
            phones: r.strings("phones")?,
            job_title: r.string("job_title")?,
            website: r.string("website")?,
            tax_id: r.string("tax_id")?,
            address: r.address("address")?,
            industry: r.string("industry")?,
            company_size: o.opt_int("company_size")?,
            interest: r.strings("interest")?,
            source: o.code("source", LeadSource::from_code)?.unwrap_or_default(),
            status: o.code("status", LeadStatus::from_code)?.unwrap_or_default(),
            owner: r.string("owner")?,
            score: Score {
                total: o.opt_int("score")?.unwrap_or(0),
                reasons: o.array("score_reasons", scoring_doc::read_reason)?,
            },
            routing: o.object("routing", read_routing)?,
            reassignments: o.array("reassignments", read_reassignment)?,
            merged_from: r.strings("merged_from")?,
            merged_values: o.array("merged_values", read_merged_value)?,
            converted: o.object("converted", read_conversion)?,
            tags: r.strings("tags")?,
            notes: r.string("notes")?,
            meta: r.meta()?,
        })
    }
}

fn routing_body(r: &Routing) -> Map<String, Value> {
    let mut m = Map::new();
    match &r.by {
        AssignedBy::Rule(id) => {
            m.insert("by".into(), body::string("rule"));
            m.insert("rule_id".into(), body::string(id));
        }
        AssignedBy::Fallback => {
            m.insert("by".into(), body::string("fallback"));
        }
    }
    m.insert("at".into(), body::timestamp(&r.at));
    m
}

fn read_routing(o: &Obj) -> Result<Routing, DomainError> {
    let by = match (o.string("by")?.as_str(), o.opt_string("rule_id")?) {
        ("rule", Some(id)) => AssignedBy::Rule(id),
        ("fallback", None) => AssignedBy::Fallback,
        _ => return Err(o.bad("by", JsonKind::String)),
    };
    Ok(Routing {
        by,
        at: o.timestamp("at")?.unwrap_or_default(),
    })
}

fn reassignment_body(r: &Reassignment) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("from".into(), body::string(&r.from));
    m.insert("to".into(), body::string(&r.to));
    m.insert("at".into(), body::timestamp(&r.at));
    m.insert("by".into(), body::string(&r.by));
    m.insert("reason".into(), body::string(&r.reason));
    m
}

fn read_reassignment(o: &Obj) -> Result<Reassignment, DomainError> {
    Ok(Reassignment {
        from: o.string("from")?,
        to: o.string("to")?,
        at: o.timestamp("at")?.unwrap_or_default(),
        by: o.string("by")?,
        reason: o.string("reason")?,
    })
}

const MERGED_FIELDS: &[(MergedField, &str)] = &[
    (MergedField::GivenName, "given_name"),
    (MergedField::FamilyName, "family_name"),
    (MergedField::Company, "company"),
    (MergedField::JobTitle, "job_title"),
    (MergedField::Website, "website"),
    (MergedField::TaxId, "tax_id"),
    (MergedField::Industry, "industry"),
    (MergedField::CompanySize, "company_size"),
    (MergedField::Street, "street"),
    (MergedField::City, "city"),
    (MergedField::Region, "region"),
    (MergedField::PostalCode, "postal_code"),
    (MergedField::Country, "country"),
    (MergedField::Source, "source"),
    (MergedField::Owner, "owner"),
];

impl MergedField {
    /// The stored code (also the i18n key).
    pub fn code(self) -> &'static str {
        (MERGED_FIELDS.iter())
            .find(|(f, _)| *f == self)
            .map_or("", |(_, c)| c)
    }

    pub fn from_code(s: &str) -> Option<Self> {
        MERGED_FIELDS.iter().find(|(_, c)| *c == s).map(|(f, _)| *f)
    }
}

fn merged_value_body(v: &MergedValue) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("field".into(), body::string(v.field.code()));
    m.insert("value".into(), body::string(&v.value));
    m.insert("from".into(), body::string(&v.from));
    m
}

fn read_merged_value(o: &Obj) -> Result<MergedValue, DomainError> {
    let field = o.code("field", MergedField::from_code)?;
    Ok(MergedValue {
        field: field.ok_or_else(|| o.bad("field", JsonKind::String))?,
        value: o.string("value")?,
        from: o.string("from")?,
    })
}

fn conversion_body(c: &ConversionLinks) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("contact_id".into(), body::string(&c.contact_id));
    fields::put_opt(&mut m, "account_id", c.account_id.as_deref());
    fields::put_opt(&mut m, "deal_id", c.deal_id.as_deref());
    m.insert("at".into(), body::timestamp(&c.at));
    m.insert("by".into(), body::string(&c.by));
    m
}

fn read_conversion(o: &Obj) -> Result<ConversionLinks, DomainError> {
    Ok(ConversionLinks {
        contact_id: o.string("contact_id")?,
        account_id: o.opt_string("account_id")?,
        deal_id: o.opt_string("deal_id")?,
        at: o.timestamp("at")?.unwrap_or_default(),
        by: o.string("by")?,
    })
}
