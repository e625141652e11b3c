//! The lead form's validation and the lead's document.

use serde_json::{Value, json};

use super::*;
use crate::domain::{AddressPart, DomainError, ErrorCode, JsonKind};

fn full_lead() -> Lead {
    let mut input = typed(
        "José",
        "Núñez",
        "Aceros del Norte",
        "JOSE@AcerosNorte.mx",
        "81 8123 4567",
    );
    input.address.region = "Nuevo León".into();
    input.address.country = "mx".into();
    input.company_size = "1.200".into();
    input.interest = "PLACA, perfil".into();
    input.source = "campaign:expo-acero".into();
    input.tags = "feria, acero".into();
    let lead = saved("l1", input);
    let lead = assign(
        &lead,
        &Assignment {
            owner: "diego".into(),
            by: AssignedBy::Rule("norte".into()),
        },
        at(3, 1, 10),
        "lucia",
    );
    let lead = reassign(&lead, "camila", at(3, 2, 8), "marta", "Cartera de Camila");
    let rules = ScoringRules {
        rules: vec![ScoringRule {
            id: "big".into(),
            condition: Condition::SizeAtLeast { employees: 500 },
            points: 20,
            enabled: true,
        }],
        ..ScoringRules::default()
    };
    rescore(&lead, &Engagement::default(), &rules, at(3, 2, 9))
}

#[test]
fn the_quick_capture_form_normalises_what_was_typed() {
    let lead = full_lead();
    assert_eq!(lead.emails, ["jose@acerosnorte.mx"]);
    assert_eq!(lead.phones, ["+528181234567"]);
    assert_eq!(lead.address.country, "MX");
    assert_eq!(lead.company_size, Some(1200));
    assert_eq!(lead.interest, ["PLACA", "perfil"]);
    assert_eq!(lead.source, LeadSource::Campaign("expo-acero".into()));
    assert_eq!(lead.owner, "camila");
}

#[test]
fn a_lead_round_trips_through_its_document() {
    let lead = full_lead();
    let body = lead.to_body();
    assert_eq!(body["type"], "lead");
    assert_eq!(body["owner"], "camila");
    assert_eq!(body["status"], "new");
    assert_eq!(body["source"], "campaign:expo-acero");
    assert_eq!(body["score"], 20);
    assert_eq!(body["created_at"], "2026-03-01T09:00:00.000Z");
    assert_eq!(body["routing"]["rule_id"], "norte");
    assert_eq!(body["reassignments"][0]["at"], "2026-03-02T08:00:00.000Z");
    let back = Lead::from_doc(&doc("l1", body)).expect("lead");
    assert_eq!(back, lead);
}

#[test]
fn a_sparse_or_broken_lead_document_reads_without_panicking() {
    let Value::Object(sparse) = json!({"type": "lead", "company": "Acme"}) else {
        panic!("object")
    };
    let lead = Lead::from_doc(&doc("l2", sparse)).expect("sparse lead");
    assert_eq!(
        (lead.status, &lead.source),
        (LeadStatus::New, &LeadSource::Other)
    );
    let Value::Object(bad) = json!({"type": "lead", "status": "won"}) else {
        panic!("object")
    };
    let err = Lead::from_doc(&doc("l3", bad)).expect_err("unknown status");
    assert_eq!(
        err,
        DomainError::BadField {
            id: "l3".into(),
            field: "status",
            expected: JsonKind::String
        }
    );
    let Value::Object(bad_log) = json!({"type": "lead", "reassignments": [{"at": 5}]}) else {
        panic!("object")
    };
    let err = Lead::from_doc(&doc("l4", bad_log)).expect_err("bad log");
    assert!(matches!(
        err,
        DomainError::BadField {
            field: "reassignments",
            ..
        }
    ));
}

#[test]
fn a_lead_needs_a_name_or_company_and_a_phone_or_email() {
    let errors = validate_lead(&LeadInput::default(), "ES").expect_err("empty form");
    let fields: Vec<LeadField> = errors.iter().map(|e| e.field).collect();
    assert_eq!(fields, [LeadField::NameOrCompany, LeadField::PhoneOrEmail]);
    assert!(
        errors
            .iter()
            .all(|e| e.code == LeadErrorCode::Form(ErrorCode::Required))
    );
    // A company and an email are enough.
    let company_only = typed("", "", "Acme", "info@acme.es", "");
    assert!(validate_lead(&company_only, "ES").is_ok());
}

#[test]
fn bad_boxes_are_pointed_at_with_codes() {
    let mut input = typed("Ana", "", "", "ana@", "12");
    input.company_size = "unos 50".into();
    input.source = "feria".into();
    input.address.country = "España".into();
    let errors = validate_lead(&input, "ES").expect_err("bad form");
    let found: Vec<(LeadField, LeadErrorCode)> = errors.iter().map(|e| (e.field, e.code)).collect();
    assert_eq!(
        found,
        [
            (
                LeadField::Email(0),
                LeadErrorCode::Form(ErrorCode::InvalidEmail)
            ),
            (
                LeadField::Phone(0),
                LeadErrorCode::Form(ErrorCode::PhoneTooShort)
            ),
            (
                LeadField::Address(AddressPart::Country),
                LeadErrorCode::Form(ErrorCode::InvalidCountry)
            ),
            (LeadField::CompanySize, LeadErrorCode::NotANumber),
            (LeadField::Source, LeadErrorCode::UnknownSource),
        ]
    );
}

#[test]
fn status_moves_freely_until_conversion() {
    let lead = saved("l1", typed("Ana", "Gil", "", "ana@gil.es", ""));
    let qualified = set_status(&lead, LeadStatus::Qualified, at(3, 2, 9), "ana").expect("moves");
    assert_eq!(qualified.status, LeadStatus::Qualified);
    assert_eq!(qualified.meta.updated_by, "ana");
    assert_eq!(
        set_status(&lead, LeadStatus::Converted, at(3, 2, 9), "ana"),
        Err(StatusError::UseConversion)
    );
}

#[test]
fn changing_the_owner_in_the_form_is_logged() {
    let lead = saved("l1", typed("Ana", "Gil", "", "ana@gil.es", ""));
    let mut input = typed("Ana", "Gil", "Gil e Hijos", "ana@gil.es", "");
    input.owner = "javier".into();
    let valid = validate_lead(&input, "ES").expect("valid");
    let edited = update_lead(&lead, valid, at(3, 5, 12), "marta");
    assert_eq!(edited.owner, "javier");
    assert_eq!(edited.company, "Gil e Hijos");
    assert_eq!(edited.meta.created_at, lead.meta.created_at);
    let log = &edited.reassignments;
    assert_eq!(log.len(), 1);
    assert_eq!(
        (log[0].from.as_str(), log[0].to.as_str(), log[0].by.as_str()),
        ("lucia", "javier", "marta")
    );
}
