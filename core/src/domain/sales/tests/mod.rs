//! Host tests of the sales rules and money.

mod activity;
mod board;
mod clock;
mod docs;
mod forecast;
mod history;
mod ics;
mod inputs;
mod manager;
mod money;
mod pipeline_edit;
mod quota;
mod reminders;
mod sample;
mod timeline;
mod today;

use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone, Utc};

use crate::domain::Meta;
use crate::domain::money::Money;
use crate::domain::sales::*;

pub(super) fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, h, min, 0)
        .single()
        .expect("valid time")
}

pub(super) fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid day")
}

/// UTC−5 (Bogotá, Lima; Mexico City's winter is UTC−6).
pub(super) fn utc_minus_5() -> FixedOffset {
    FixedOffset::west_opt(5 * 3600).expect("offset")
}

pub(super) fn utc() -> FixedOffset {
    FixedOffset::east_opt(0).expect("offset")
}

pub(super) fn eur(minor: i64) -> Money {
    Money::new(minor, "EUR")
}

pub(super) fn pipeline() -> Pipeline {
    let stage = |id: &str, name: &str, probability| Stage {
        id: id.into(),
        name: name.into(),
        probability,
    };
    Pipeline {
        id: "p1".into(),
        name: "Ventas".into(),
        stages: vec![
            stage("lead", "Prospección", 10),
            stage("offer", "Propuesta", 35),
            stage("nego", "Negociación", 60),
        ],
        is_default: true,
        owner: "admin".into(),
        meta: Meta::created(at(2025, 1, 1, 0, 0), "admin"),
    }
}

/// An open deal of `owner` created at `created` in stage "lead" (10 %).
pub(super) fn deal(
    id: &str,
    owner: &str,
    amount: Money,
    close: NaiveDate,
    created: DateTime<Utc>,
) -> Deal {
    Deal {
        id: id.into(),
        title: format!("Deal {id}"),
        account_id: Some("acc1".into()),
        contact_id: None,
        lead_id: None,
        owner: owner.into(),
        amount,
        expected_close: close,
        pipeline_id: "p1".into(),
        stage_id: "lead".into(),
        probability: 10,
        category: ForecastCategory::Pipeline,
        campaign: None,
        lines: Vec::new(),
        status: DealStatus::Open,
        closed_at: None,
        close_reason: None,
        close_note: String::new(),
        history: vec![StageChange {
            from: None,
            to: "lead".into(),
            at: created,
            by: owner.into(),
        }],
        notes: String::new(),
        meta: Meta::created(created, owner),
    }
}

/// `d` with probability `p` (as if the rep set it).
pub(super) fn with_p(mut d: Deal, p: u8) -> Deal {
    d.probability = p;
    d
}

/// `d` won at `t`.
pub(super) fn won(d: &Deal, t: DateTime<Utc>) -> Deal {
    close_deal(
        d,
        DealStatus::Won,
        Some(CloseReason::Price),
        "",
        t,
        &d.owner,
    )
}

/// `d` lost at `t`.
pub(super) fn lost(d: &Deal, t: DateTime<Utc>) -> Deal {
    close_deal(
        d,
        DealStatus::Lost,
        Some(CloseReason::Competitor),
        "",
        t,
        &d.owner,
    )
}

pub(super) fn activity(id: &str, kind: ActivityKind, owner: &str, when: Option<When>) -> Activity {
    Activity {
        id: id.into(),
        kind,
        subject: format!("Subject {id}"),
        owner: owner.into(),
        contact_id: None,
        account_id: None,
        deal_id: None,
        lead_id: None,
        when,
        place: String::new(),
        done_at: None,
        done_by: String::new(),
        visit: None,
        notes: String::new(),
        meta: Meta::created(at(2026, 1, 1, 8, 0), owner),
    }
}
