use super::*;
use crate::domain::DecimalSeparator::{Comma, Dot};

fn form() -> DealInput {
    DealInput {
        title: "  Renovación flota  ".into(),
        account_id: "acc1".into(),
        amount: "12.500,50".into(),
        currency: "eur".into(),
        expected_close: "2026-06-30".into(),
        ..Default::default()
    }
}

#[test]
fn a_valid_deal_form_fills_in_pipeline_stage_and_probability() {
    let v = validate_deal(&form(), &[pipeline()], Comma).expect("valid");
    assert_eq!(v.title, "Renovación flota");
    assert_eq!(v.amount, eur(1_250_050));
    assert_eq!(
        (v.pipeline_id.as_str(), v.stage_id.as_str(), v.probability),
        ("p1", "lead", 10)
    );
    assert_eq!(v.expected_close, day(2026, 6, 30));
    let d = new_deal(v, "d1".into(), at(2026, 3, 1, 9, 0), "lucia");
    assert_eq!(
        (d.owner.as_str(), d.status, d.history.len()),
        ("lucia", DealStatus::Open, 1)
    );
    assert_eq!(d.history[0].to, "lead");
    // Editing: the stage chosen in the form is recorded in the history.
    let edit = DealInput {
        stage_id: "nego".into(),
        probability: "70 %".into(),
        ..deal_input(&d, Comma)
    };
    assert_eq!(edit.amount, "12500,50");
    let v = validate_deal(&edit, &[pipeline()], Comma).expect("valid edit");
    let d2 = update_deal(&d, v, at(2026, 3, 5, 9, 0), "javier");
    assert_eq!(
        (d2.stage_id.as_str(), d2.probability, d2.history.len()),
        ("nego", 70, 2)
    );
    assert_eq!(d2.history[1].from.as_deref(), Some("lead"));
    assert_eq!(d2.meta.created_by, "lucia");
}

#[test]
fn product_lines_give_the_amount_when_none_is_typed() {
    let lines = vec![
        LineInput {
            name: "Licencia".into(),
            quantity: "3".into(),
            unit_price: "1,234.50".into(),
            ..Default::default()
        },
        LineInput::default(), // a blank row is ignored
        LineInput {
            name: "Instalación".into(),
            quantity: "".into(),
            unit_price: "99.99".into(),
            ..Default::default()
        },
    ];
    let input = DealInput {
        amount: String::new(),
        currency: "USD".into(),
        lines,
        ..form()
    };
    let v = validate_deal(&input, &[pipeline()], Dot).expect("valid");
    assert_eq!(v.amount, Money::new(3 * 123_450 + 9_999, "USD"));
    assert_eq!(v.lines.len(), 2);
    assert_eq!(v.lines[1].quantity, 1, "an empty quantity is one unit");
}

#[test]
fn a_bad_deal_form_reports_every_field() {
    let input = DealInput {
        title: "".into(),
        amount: "-5".into(),
        currency: "EUR".into(),
        expected_close: "30/06/2026".into(),
        stage_id: "nope".into(),
        probability: "120".into(),
        lines: vec![LineInput {
            name: "".into(),
            quantity: "dos".into(),
            unit_price: "1,999".into(),
            ..Default::default()
        }],
        ..Default::default()
    };
    let errors = validate_deal(&input, &[pipeline()], Comma).expect_err("invalid");
    let got: Vec<(SalesField, SalesCode)> = errors.iter().map(|e| (e.field, e.code)).collect();
    assert_eq!(
        got,
        [
            (SalesField::Title, SalesCode::Required),
            (SalesField::Amount, SalesCode::Negative),
            (SalesField::ExpectedClose, SalesCode::InvalidDate),
            (SalesField::StageId, SalesCode::UnknownStage),
            (SalesField::Probability, SalesCode::InvalidPercent),
            (SalesField::LineName(0), SalesCode::Required),
            (SalesField::LineQuantity(0), SalesCode::InvalidNumber),
            (SalesField::LinePrice(0), SalesCode::TooManyDecimals),
        ]
    );
    let cop = DealInput {
        currency: "XYZ".into(),
        ..form()
    };
    let errors = validate_deal(&cop, &[pipeline()], Comma).expect_err("unknown currency");
    assert_eq!(
        errors.iter().map(|e| (e.field, e.code)).collect::<Vec<_>>(),
        [(SalesField::Currency, SalesCode::UnknownCurrency)]
    );
}

#[test]
fn the_pipeline_form_numbers_new_stages_and_rejects_bad_rows() {
    let row = |id: &str, name: &str, p: &str| StageInput {
        id: id.into(),
        name: name.into(),
        probability: p.into(),
    };
    let input = PipelineInput {
        name: "Distribución".into(),
        stages: vec![
            row("", "Contacto", "10"),
            row("s1", "Demo", "30%"),
            StageInput::default(),
            row("", "Cierre", "90"),
        ],
        is_default: false,
    };
    let p = validate_pipeline(
        &input,
        "p2".into(),
        None,
        &[],
        at(2026, 1, 1, 0, 0),
        "admin",
    )
    .expect("valid");
    let stages: Vec<(&str, &str, u8)> = p
        .stages
        .iter()
        .map(|s| (s.id.as_str(), s.name.as_str(), s.probability))
        .collect();
    assert_eq!(
        stages,
        [
            ("s2", "Contacto", 10),
            ("s1", "Demo", 30),
            ("s3", "Cierre", 90)
        ]
    );
    let bad = PipelineInput {
        name: "".into(),
        stages: vec![row("a", "", "150"), row("a", "Otra", "5")],
        is_default: false,
    };
    let errors = validate_pipeline(&bad, "p3".into(), None, &[], at(2026, 1, 1, 0, 0), "admin")
        .expect_err("invalid");
    let got: Vec<(SalesField, SalesCode)> = errors.iter().map(|e| (e.field, e.code)).collect();
    assert_eq!(
        got,
        [
            (SalesField::Name, SalesCode::Required),
            (SalesField::StageName(0), SalesCode::Required),
            (SalesField::StageName(1), SalesCode::Duplicate),
            (SalesField::StageProbability(0), SalesCode::InvalidPercent),
        ]
    );
}

#[test]
fn a_visit_checks_in_and_out_with_location_and_time_on_site() {
    let mut v = activity(
        "v",
        ActivityKind::Visit,
        "lucia",
        Some(When::At {
            start: at(2026, 3, 2, 9, 0),
            minutes: 60,
        }),
    );
    v.deal_id = Some("d1".into());
    let v = check_in(
        &v,
        at(2026, 3, 2, 9, 7),
        GeoPoint::from_degrees(19.4326, -99.1332, None),
        "lucia",
    );
    assert!(!v.is_done());
    let v = check_out(
        &v,
        at(2026, 3, 2, 10, 2),
        None,
        Some(VisitOutcome::Order),
        "lucia",
    );
    assert!(v.is_done());
    let log = v.visit.clone().expect("log");
    assert_eq!(time_on_site(&log), Some(chrono::Duration::minutes(55)));
    assert_eq!(
        log.check_in
            .and_then(|c| c.location)
            .map(|g| (g.lat_e7, g.lon_e7)),
        Some((194_326_000, -991_332_000))
    );
    assert_eq!(GeoPoint::from_degrees(f64::NAN, 0.0, None), None);
    assert_eq!(GeoPoint::from_degrees(91.0, 0.0, None), None);
}

#[test]
fn visit_expenses_add_up_to_the_deals_cost_of_sale() {
    let mut v = activity("v", ActivityKind::Visit, "lucia", None);
    v.deal_id = Some("d1".into());
    v.visit = Some(VisitLog::default());
    let rows = vec![
        ExpenseInput {
            kind: ExpenseKind::Travel,
            amount: "350,50".into(),
            currency: "MXN".into(),
            note: "Gasolina".into(),
        },
        ExpenseInput {
            kind: ExpenseKind::Other,
            amount: "120".into(),
            currency: "MXN".into(),
            note: "Comida".into(),
        },
    ];
    // Mexico writes "350.50"; typed with a comma in a dot locale it is an error.
    assert!(validate_expenses(&rows, crate::domain::DecimalSeparator::Dot).is_err());
    let expenses = validate_expenses(&rows, Comma).expect("valid");
    if let Some(log) = v.visit.as_mut() {
        log.expenses = expenses;
    }
    let mut other = activity("w", ActivityKind::Visit, "lucia", None);
    other.visit = Some(VisitLog {
        expenses: vec![Expense {
            kind: ExpenseKind::Travel,
            amount: eur(1_000),
            note: String::new(),
        }],
        ..Default::default()
    });
    let total = cost_of_sale(&[v, other], "d1");
    assert_eq!(total.as_slice(), &[Money::new(47_050, "MXN")]);
}

#[test]
fn closing_and_reopening_a_deal() {
    let d = with_p(
        deal(
            "d",
            "lucia",
            eur(10_000),
            day(2026, 3, 1),
            at(2026, 1, 1, 9, 0),
        ),
        35,
    );
    let w = close_deal(
        &d,
        DealStatus::Won,
        Some(CloseReason::Relationship),
        " Cliente fiel ",
        at(2026, 2, 1, 9, 0),
        "lucia",
    );
    assert_eq!(
        (w.status, w.probability, w.forecast_category()),
        (DealStatus::Won, 100, Some(ForecastCategory::Closed))
    );
    assert_eq!(
        (w.close_note.as_str(), w.closed_at),
        ("Cliente fiel", Some(at(2026, 2, 1, 9, 0)))
    );
    let l = close_deal(
        &d,
        DealStatus::Lost,
        Some(CloseReason::Price),
        "",
        at(2026, 2, 1, 9, 0),
        "lucia",
    );
    assert_eq!((l.probability, l.forecast_category()), (0, None));
    let r = reopen_deal(&w, Some(&pipeline()), at(2026, 2, 2, 9, 0), "javier");
    assert_eq!(
        (r.status, r.probability, r.category, r.closed_at),
        (DealStatus::Open, 10, ForecastCategory::Pipeline, None)
    );
}
