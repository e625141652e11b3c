use serde_json::{Value, json};

use super::*;
use crate::domain::{DomainError, JsonKind};
use crate::store::{Doc, IndexEntries, Rev};

fn doc(id: &str, body: crate::store::Body) -> Doc {
    Doc {
        id: id.into(),
        rev: "1-abc".parse::<Rev>().expect("rev"),
        deleted: false,
        body,
    }
}

fn json_doc(id: &str, v: Value) -> Doc {
    let Value::Object(m) = v else {
        panic!("object")
    };
    doc(id, m)
}

fn full_deal() -> Deal {
    let mut d = deal(
        "d1",
        "lucia",
        eur(1_250_000),
        day(2026, 3, 31),
        at(2026, 1, 10, 9, 0),
    );
    d.contact_id = Some("c1".into());
    d.campaign = Some("feria-2026".into());
    d.category = ForecastCategory::Commit;
    d.lines = vec![DealLine {
        product_id: Some("prod-7".into()),
        name: "Licencia anual".into(),
        quantity: 5,
        unit_price_minor: 250_000,
    }];
    let d = move_stage(&d, &pipeline().stages[1], at(2026, 1, 20, 10, 0), "javier");
    won(&d, at(2026, 2, 3, 16, 45))
}

#[test]
fn a_deal_round_trips_through_its_document() {
    let d = full_deal();
    let body = d.to_body();
    assert_eq!(body["type"], "deal");
    assert_eq!(body["owner"], "lucia");
    assert_eq!(body["account_id"], "acc1");
    assert_eq!(
        body["amount"],
        json!({"minor": 1_250_000, "currency": "EUR"})
    );
    assert_eq!(body["expected_close"], "2026-03-31");
    assert_eq!(body["status"], "won");
    assert_eq!(body["category"], "closed");
    assert_eq!(body["closed_at"], "2026-02-03T16:45:00.000Z");
    assert_eq!(body["updated_at"], "2026-02-03T16:45:00.000Z");
    assert_eq!(
        body["history"][1],
        json!({"from": "lead", "to": "offer", "at": "2026-01-20T10:00:00.000Z", "by": "javier"})
    );
    let idx = IndexEntries::from_body(false, &body);
    assert_eq!(idx.doc_type.as_deref(), Some("deal"));
    assert_eq!(idx.account.as_deref(), Some("acc1"));
    assert_eq!(Deal::from_doc(&doc("d1", body)), Ok(d));
}

#[test]
fn a_pipeline_round_trips() {
    let p = pipeline();
    assert_eq!(p.to_body()["type"], "pipeline");
    assert_eq!(Pipeline::from_doc(&doc("p1", p.to_body())), Ok(p));
}

#[test]
fn a_visit_round_trips_with_its_check_in_outcome_and_expenses() {
    let mut a = activity(
        "a1",
        ActivityKind::Visit,
        "marta",
        Some(When::At {
            start: at(2026, 3, 2, 9, 0),
            minutes: 45,
        }),
    );
    a.account_id = Some("acc1".into());
    a.deal_id = Some("d1".into());
    a.place = "Calle Mayor 1, Madrid".into();
    let gps = GeoPoint::from_degrees(40.416_775, -3.703_790, Some(12.4));
    let a = check_in(&a, at(2026, 3, 2, 9, 5), gps, "marta");
    let mut a = check_out(
        &a,
        at(2026, 3, 2, 9, 50),
        None,
        Some(VisitOutcome::FollowUp),
        "marta",
    );
    if let Some(v) = a.visit.as_mut() {
        v.expenses.push(Expense {
            kind: ExpenseKind::Travel,
            amount: eur(1_890),
            note: "Parking".into(),
        });
    }
    let body = a.to_body();
    assert_eq!(body["type"], "activity");
    assert_eq!(body["kind"], "visit");
    assert_eq!(body["visit"]["check_in"]["lat_e7"], 404_167_750);
    assert_eq!(body["visit"]["check_in"]["lon_e7"], -37_037_900);
    assert_eq!(body["visit"]["outcome"], "follow_up");
    assert_eq!(Activity::from_doc(&doc("a1", body)), Ok(a));
}

#[test]
fn a_quota_round_trips() {
    let q = validate_quota(
        &QuotaInput {
            owner: "lucia".into(),
            kind: PeriodKind::Quarter,
            year: "2026".into(),
            number: "1".into(),
            amount: "50.000".into(),
            currency: "eur".into(),
        },
        crate::domain::DecimalSeparator::Comma,
        "q1".into(),
        None,
        at(2026, 1, 2, 8, 0),
        "admin",
    )
    .expect("valid quota");
    assert_eq!(q.amount, eur(5_000_000));
    let body = q.to_body();
    assert_eq!(
        (
            body["type"].clone(),
            body["owner"].clone(),
            body["period_kind"].clone()
        ),
        (json!("quota"), json!("lucia"), json!("quarter"))
    );
    assert_eq!(Quota::from_doc(&doc("q1", body)), Ok(q));
}

#[test]
fn old_or_sparse_documents_still_open() {
    let d = Deal::from_doc(&json_doc(
        "d9",
        json!({"type": "deal", "title": "Viejo", "created_at": "2025-05-05T10:00:00.000Z"}),
    ))
    .expect("sparse deal reads");
    assert_eq!(d.status, DealStatus::Open);
    assert_eq!(d.amount, eur(0));
    assert_eq!(d.expected_close, day(2025, 5, 5));
    assert!(d.history.is_empty());
    assert_eq!(d.stage_entered_at(), at(2025, 5, 5, 10, 0));
}

#[test]
fn bad_documents_are_errors_not_panics() {
    let bad = |body: Value| Deal::from_doc(&json_doc("d1", body));
    let field = |field, expected| {
        Err(DomainError::BadField {
            id: "d1".into(),
            field,
            expected,
        })
    };
    assert_eq!(
        bad(json!({"type": "deal", "status": "maybe"})),
        field("status", JsonKind::String)
    );
    assert_eq!(
        bad(json!({"type": "deal", "expected_close": "31/03/2026"})),
        field("expected_close", JsonKind::String)
    );
    assert_eq!(
        bad(json!({"type": "deal", "history": [{"to": "x", "at": "yesterday"}]})),
        field("history", JsonKind::Array)
    );
    assert_eq!(
        bad(json!({"type": "deal", "history": "lead"})),
        field("history", JsonKind::Array)
    );
    assert_eq!(
        bad(json!({"type": "deal", "amount": "12 €"})),
        field("amount", JsonKind::Object)
    );
    assert!(bad(json!({"type": "deal", "probability": 250})).is_err());
    assert!(bad(json!({"type": "deal", "probability": "high"})).is_err());
    assert_eq!(
        bad(json!({"type": "contact"})),
        Err(DomainError::WrongType {
            id: "d1".into(),
            expected: "deal",
            found: Some("contact".into())
        })
    );
    let mut deleted = doc("d1", full_deal().to_body());
    deleted.deleted = true;
    assert_eq!(
        Deal::from_doc(&deleted),
        Err(DomainError::Deleted { id: "d1".into() })
    );
    let quota = json_doc(
        "q1",
        json!({"type": "quota", "year": 2026, "period_kind": "month", "period_number": 13}),
    );
    assert!(Quota::from_doc(&quota).is_err());
}

#[test]
fn bad_activities_name_the_field_holding_the_problem() {
    let bad = |body: Value| Activity::from_doc(&json_doc("a1", body));
    let field = |field, expected| {
        Err(DomainError::BadField {
            id: "a1".into(),
            field,
            expected,
        })
    };
    let nested = json!({"type": "activity", "visit": {"check_in": {"at": "nope"}}});
    assert_eq!(bad(nested), field("visit", JsonKind::Object));
    let expense = json!({"type": "activity", "visit": {"expenses": [{"kind": "lunch"}]}});
    assert_eq!(bad(expense), field("visit", JsonKind::Object));
    assert_eq!(
        bad(json!({"type": "activity", "kind": "party"})),
        field("kind", JsonKind::String)
    );
    // The far future reads, and exporting it does not overflow the calendar.
    let far = json!({"type": "activity", "owner": "lucia", "start": "9999-12-31T23:00:00Z", "minutes": 4_000_000_000u32});
    let a = bad(far).expect("reads");
    let ics = agenda_ics(&[a], "lucia", at(2026, 1, 1, 0, 0));
    assert!(ics.contains("DTSTART:99991231T230000Z\r\n"));
}
