use super::*;

fn form() -> ActivityInput {
    ActivityInput {
        kind: ActivityKind::Visit,
        subject: " Visita a Ferretería Núñez ".into(),
        account_id: "acc1".into(),
        date: "2026-03-31".into(),
        time: "23:30".into(),
        ..Default::default()
    }
}

#[test]
fn a_local_day_and_time_become_an_instant_in_utc() {
    let v = validate_activity(&form(), utc_minus_5()).expect("valid");
    assert_eq!(v.subject, "Visita a Ferretería Núñez");
    // 23:30 on March 31 at UTC−5 is 04:30 UTC on April 1; visits last an hour by default.
    assert_eq!(
        v.when,
        Some(When::At {
            start: at(2026, 4, 1, 4, 30),
            minutes: 60
        })
    );
    let a = new_activity(v, "a1".into(), at(2026, 3, 1, 9, 0), "lucia");
    assert_eq!(
        (a.owner.as_str(), a.account_id.as_deref()),
        ("lucia", Some("acc1"))
    );
    // The edit form shows the team's local day and time again.
    let back = activity_input(&a, utc_minus_5());
    assert_eq!(
        (
            back.date.as_str(),
            back.time.as_str(),
            back.minutes.as_str()
        ),
        ("2026-03-31", "23:30", "60")
    );
    let task = ActivityInput {
        kind: ActivityKind::Task,
        time: String::new(),
        ..form()
    };
    let v = validate_activity(&task, utc_minus_5()).expect("valid task");
    assert_eq!(v.when, Some(When::Day(day(2026, 3, 31))));
    let undated = ActivityInput {
        date: String::new(),
        time: String::new(),
        ..form()
    };
    assert_eq!(
        validate_activity(&undated, utc()).expect("undated").when,
        None
    );
}

#[test]
fn editing_keeps_the_done_state_and_visit_log() {
    let a = new_activity(
        validate_activity(&form(), utc()).expect("valid"),
        "a1".into(),
        at(2026, 3, 1, 9, 0),
        "lucia",
    );
    let a = check_out(
        &a,
        at(2026, 3, 31, 23, 55),
        None,
        Some(VisitOutcome::Order),
        "lucia",
    );
    let edit = ActivityInput {
        notes: "Pedido de 40 cajas".into(),
        ..activity_input(&a, utc())
    };
    let b = update_activity(
        &a,
        validate_activity(&edit, utc()).expect("valid"),
        at(2026, 4, 1, 8, 0),
        "marta",
    );
    assert_eq!(
        (b.is_done(), b.visit.as_ref().and_then(|v| v.outcome)),
        (true, Some(VisitOutcome::Order))
    );
    assert_eq!(
        (
            b.notes.as_str(),
            b.meta.updated_by.as_str(),
            b.owner.as_str()
        ),
        ("Pedido de 40 cajas", "marta", "lucia")
    );
    let undone = set_done(&b, false, at(2026, 4, 1, 9, 0), "lucia");
    assert!(!undone.is_done());
}

#[test]
fn a_bad_activity_form_reports_each_field() {
    let bad = ActivityInput {
        subject: "".into(),
        date: "31/03/2026".into(),
        ..form()
    };
    let got: Vec<(SalesField, SalesCode)> =
        (validate_activity(&bad, utc()).expect_err("invalid").iter())
            .map(|e| (e.field, e.code))
            .collect();
    assert_eq!(
        got,
        [
            (SalesField::Subject, SalesCode::Required),
            (SalesField::Date, SalesCode::InvalidDate)
        ]
    );
    let bad = ActivityInput {
        time: "25:00".into(),
        ..form()
    };
    let got: Vec<SalesCode> = validate_activity(&bad, utc())
        .expect_err("invalid")
        .iter()
        .map(|e| e.code)
        .collect();
    assert_eq!(got, [SalesCode::InvalidTime]);
    let bad = ActivityInput {
        minutes: "dos horas".into(),
        ..form()
    };
    let got: Vec<SalesField> = validate_activity(&bad, utc())
        .expect_err("invalid")
        .iter()
        .map(|e| e.field)
        .collect();
    assert_eq!(got, [SalesField::Duration]);
    let bad = ActivityInput {
        date: String::new(),
        ..form()
    };
    let got: Vec<(SalesField, SalesCode)> =
        (validate_activity(&bad, utc()).expect_err("invalid").iter())
            .map(|e| (e.field, e.code))
            .collect();
    assert_eq!(
        got,
        [(SalesField::Date, SalesCode::Required)],
        "a time needs a day"
    );
}
