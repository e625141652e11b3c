use chrono::{TimeZone, Utc};
use serde_json::{Value, json};

use crate::domain::*;
use crate::store::{Doc, IndexEntries, Rev};

fn doc(id: &str, body: Value) -> Doc {
    let Value::Object(body) = body else {
        panic!("object")
    };
    Doc {
        id: id.into(),
        rev: "1-abc".parse::<Rev>().expect("rev"),
        deleted: false,
        body,
    }
}

fn sample_contact() -> Contact {
    let t = Utc
        .with_ymd_and_hms(2025, 3, 1, 9, 30, 0)
        .single()
        .expect("date");
    Contact {
        id: "c1".into(),
        given_name: "José".into(),
        family_name: "Muñoz".into(),
        emails: vec!["jose@ejemplo.es".into()],
        phones: vec!["+34612345678".into()],
        job_title: "Gerente".into(),
        account_id: Some("a1".into()),
        address: Address {
            city: "A Coruña".into(),
            country: "ES".into(),
            ..Default::default()
        },
        tags: vec!["vip".into()],
        owner: "lucia".into(),
        notes: String::new(),
        meta: Meta::created(t, "lucia"),
    }
}

#[test]
fn a_contact_round_trips_through_its_document() {
    let c = sample_contact();
    let body = c.to_body();
    assert_eq!(body["type"], "contact");
    assert_eq!(body["updated_at"], "2025-03-01T09:30:00.000Z");
    let back = Contact::from_doc(&doc("c1", Value::Object(body))).expect("contact");
    assert_eq!(back, c);
}

#[test]
fn the_store_indexes_the_fields_the_entities_write() {
    let c = sample_contact();
    let idx = IndexEntries::from_body(false, &c.to_body());
    assert_eq!(idx.doc_type.as_deref(), Some("contact"));
    assert_eq!(idx.owner.as_deref(), Some("lucia"));
    assert_eq!(idx.account.as_deref(), Some("a1"));
    assert_eq!(idx.updated.as_deref(), Some("2025-03-01T09:30:00.000Z"));
    let unlinked = Contact {
        account_id: None,
        ..c
    };
    assert_eq!(
        IndexEntries::from_body(false, &unlinked.to_body()).account,
        None
    );
}

#[test]
fn an_account_round_trips_through_its_document() {
    let data = sample_data(
        7,
        5,
        Utc.with_ymd_and_hms(2025, 6, 1, 0, 0, 0)
            .single()
            .expect("date"),
    );
    let a = data.accounts[0].clone();
    let body = a.to_body();
    assert_eq!(body["type"], "account");
    assert_eq!(
        Account::from_doc(&doc(&a.id, Value::Object(body))).expect("account"),
        a
    );
}

#[test]
fn missing_fields_read_as_empty() {
    let c = Contact::from_doc(&doc(
        "c9",
        json!({"type": "contact", "given_name": "Ana", "account_id": null}),
    ))
    .expect("sparse contact");
    assert_eq!(c.given_name, "Ana");
    assert_eq!(
        (c.emails.len(), c.account_id, c.address),
        (0, None, Address::default())
    );
    assert_eq!(c.meta, Meta::default());
    let t = "2025-01-02T03:04:05+01:00";
    let a = Account::from_doc(&doc("a9", json!({"type": "account", "updated_at": t})))
        .expect("sparse account");
    let expected = Utc
        .with_ymd_and_hms(2025, 1, 2, 2, 4, 5)
        .single()
        .expect("date");
    assert_eq!((a.meta.created_at, a.meta.updated_at), (expected, expected));
}

#[test]
fn wrong_kinds_are_typed_errors_not_panics() {
    let bad = |body: Value| Contact::from_doc(&doc("c1", body)).expect_err("bad");
    let field = |field, expected| DomainError::BadField {
        id: "c1".into(),
        field,
        expected,
    };
    assert_eq!(
        bad(json!({"type": "contact", "given_name": 3})),
        field("given_name", JsonKind::String)
    );
    assert_eq!(
        bad(json!({"type": "contact", "emails": "a@b.es"})),
        field("emails", JsonKind::Array)
    );
    assert_eq!(
        bad(json!({"type": "contact", "phones": [1]})),
        field("phones", JsonKind::Array)
    );
    assert_eq!(
        bad(json!({"type": "contact", "address": []})),
        field("address", JsonKind::Object)
    );
    assert_eq!(
        bad(json!({"type": "contact", "address": {"city": 1}})),
        field("address", JsonKind::Object)
    );
    assert_eq!(
        bad(json!({"type": "contact", "updated_at": "ayer"})),
        field("updated_at", JsonKind::Timestamp)
    );
    assert_eq!(
        bad(json!({"type": "account"})),
        DomainError::WrongType {
            id: "c1".into(),
            expected: "contact",
            found: Some("account".into())
        }
    );
    assert_eq!(
        bad(json!({})),
        DomainError::WrongType {
            id: "c1".into(),
            expected: "contact",
            found: None
        }
    );
    let mut deleted = doc("c1", json!({}));
    deleted.deleted = true;
    assert_eq!(
        Contact::from_doc(&deleted),
        Err(DomainError::Deleted { id: "c1".into() })
    );
    let e = Account::from_doc(&doc("a1", json!({"type": "account", "addresses": [1]})))
        .expect_err("bad");
    assert!(!e.is_retryable());
}
