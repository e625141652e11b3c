//! The scoring rules form: conditions typed per kind, points, switches, new rules and the
//! codes the form shows next to each field; and leads rescored when the rules change.

use super::scoring::{lead, rules};
use super::*;
use crate::domain::sales::{Activity, ActivityKind};

fn new_row(kind: ConditionKind, points: &str) -> ScoringRuleInput {
    ScoringRuleInput {
        kind,
        points: points.into(),
        ..ScoringRuleInput::default()
    }
}

fn error(field: ScoringField, code: ScoringCode) -> ScoringFieldError {
    ScoringFieldError { field, code }
}

fn param(row: usize, p: Param) -> ScoringField {
    ScoringField::Param(row, p)
}

/// Every kind of condition, as a stored rule, so the form is checked against all of them.
fn every_kind() -> ScoringRules {
    let mut r = rules();
    let extra = [
        Condition::SizeBelow { employees: 10 },
        Condition::CountryIn {
            countries: vec!["ES".into(), "MX".into()],
        },
        Condition::PostalCodeStarts {
            prefixes: vec!["28".into(), "08".into()],
        },
        Condition::SourceIs {
            source: LeadSource::Referral,
        },
        Condition::SourceIs {
            source: LeadSource::Campaign("feria-2026".into()),
        },
        Condition::InterestIn {
            products: vec!["pro".into()],
        },
        Condition::ActivityWithin {
            kind: None,
            days: 14,
            at_least: 3,
        },
        Condition::CampaignResponded {
            campaign: Some("spring".into()),
            days: None,
        },
    ];
    for (i, condition) in extra.into_iter().enumerate() {
        r.rules.push(ScoringRule {
            id: format!("x{i}"),
            condition,
            points: -3,
            enabled: i % 2 == 0,
        });
    }
    r
}

#[test]
fn every_stored_rule_reads_back_unchanged_through_the_form() {
    let base = every_kind();
    let kinds: Vec<ConditionKind> = (base.rules.iter())
        .map(|r| ConditionKind::of(&r.condition))
        .collect();
    assert!(ConditionKind::ALL.iter().all(|k| kinds.contains(k)));
    let rows: Vec<ScoringRuleInput> = base.rules.iter().map(ScoringRuleInput::from).collect();
    let back = validate_scoring(&rows, Some(&base), at(3, 2, 9), "marta").expect("valid");
    assert_eq!(back.rules, base.rules);
    // The kind codes are the stored ones.
    let body = back.to_body();
    for (i, k) in kinds.iter().enumerate() {
        assert_eq!(body["rules"][i]["condition"]["kind"], k.code());
        assert_eq!(ConditionKind::from_code(k.code()), Some(*k));
    }
}

#[test]
fn a_new_rule_is_read_from_its_kind_s_fields_and_gets_an_unused_id() {
    let mut old = rules();
    old.rules[0].id = "regla-1".into();
    let mut rows: Vec<ScoringRuleInput> = old.rules.iter().map(ScoringRuleInput::from).collect();
    let mut countries = new_row(ConditionKind::CountryIn, "+12");
    countries.list = " es, mx ,, es ".into();
    // Fields of other kinds are ignored.
    countries.employees = "many".into();
    let mut active = new_row(ConditionKind::ActivityWithin, "8");
    active.days = " 30 ".into();
    active.activity_kind = "call".into();
    let mut fair = new_row(ConditionKind::SourceIs, "5");
    fair.source = "campaign".into();
    rows.extend([countries, active, fair]);
    let r = validate_scoring(&rows, Some(&old), at(3, 2, 9), "marta").expect("valid");
    let n = old.rules.len();
    let added: Vec<(&str, &Condition, i32, bool)> = (r.rules[n..].iter())
        .map(|x| (x.id.as_str(), &x.condition, x.points, x.enabled))
        .collect();
    assert_eq!(
        added,
        [
            (
                "regla-2",
                &Condition::CountryIn {
                    countries: vec!["ES".into(), "MX".into()]
                },
                12,
                true
            ),
            (
                "regla-3",
                &Condition::ActivityWithin {
                    kind: Some(ActivityKind::Call),
                    days: 30,
                    at_least: 1
                },
                8,
                true
            ),
            (
                "regla-4",
                &Condition::SourceIs {
                    source: LeadSource::Campaign("*".into())
                },
                5,
                true
            ),
        ]
    );
    assert_eq!(r.meta.updated_by, "marta");
    // Saved and read again, the new ids stay.
    let again: Vec<ScoringRuleInput> = r.rules.iter().map(ScoringRuleInput::from).collect();
    let kept = validate_scoring(&again, Some(&r), at(3, 3, 9), "marta").expect("valid");
    assert_eq!(kept.rules, r.rules);
}

#[test]
fn a_removed_rule_s_id_is_not_given_to_a_new_rule_in_the_same_edit() {
    let old = ScoringRules {
        rules: vec![ScoringRule {
            id: "regla-1".into(),
            condition: Condition::SizeAtLeast { employees: 50 },
            points: 10,
            enabled: true,
        }],
        ..ScoringRules::default()
    };
    let mut row = new_row(ConditionKind::SizeBelow, "-5");
    row.employees = "10".into();
    let r = validate_scoring(&[row], Some(&old), at(3, 2, 9), "marta").expect("valid");
    assert_eq!(r.rules[0].id, "regla-2");
}

#[test]
fn wrong_fields_are_reported_where_they_were_typed() {
    let mut empty = new_row(ConditionKind::IndustryIs, "10");
    empty.list = " , ".into();
    let mut size = new_row(ConditionKind::SizeAtLeast, "10");
    size.employees = "muchos".into();
    let mut country = new_row(ConditionKind::CountryIn, "10");
    country.list = "ES, España".into();
    let mut quiet = new_row(ConditionKind::NoActivityWithin, "-5");
    quiet.days = String::new();
    let mut active = new_row(ConditionKind::ActivityWithin, "mucho");
    active.days = "0".into();
    active.at_least = "2000".into();
    let mut source = new_row(ConditionKind::SourceIs, "1");
    source.source = "radio".into();
    let mut long = new_row(ConditionKind::JobTitleHas, "1");
    long.list = "director, ".repeat(300);
    let rows = [empty, size, country, quiet, active, source, long];
    let errors = validate_scoring(&rows, None, at(3, 2, 9), "marta").expect_err("bad");
    let range = |min, max| ScoringCode::Range { min, max };
    assert_eq!(
        errors,
        [
            error(ScoringField::Points(4), range(-1000, 1000)),
            error(param(0, Param::List), ScoringCode::Required),
            error(param(1, Param::Employees), range(1, 10_000_000)),
            error(param(2, Param::List), ScoringCode::Country),
            error(param(3, Param::Days), ScoringCode::Required),
            error(param(4, Param::Days), range(1, 3650)),
            error(param(4, Param::AtLeast), range(1, 1000)),
            error(param(5, Param::Source), ScoringCode::Required),
            error(param(6, Param::List), ScoringCode::TooLong),
        ]
    );
    let many = vec![ScoringRuleInput::from(&rules().rules[1]); MAX_SCORING_RULES + 1];
    let errors = validate_scoring(&many, None, at(3, 2, 9), "marta").expect_err("too many");
    assert_eq!(errors, [error(ScoringField::Rules, ScoringCode::TooMany)]);
}

/// Points typed per rule, rules switched off or left out; the conditions as they were.
#[test]
fn the_scoring_form_changes_points_switches_rules_off_and_removes_them() {
    let base = rules();
    let mut rows: Vec<ScoringRuleInput> = base.rules.iter().map(ScoringRuleInput::from).collect();
    rows[0].points = " +25 ".into();
    rows[1].enabled = false;
    let removed = rows.remove(2).id;
    let r = validate_scoring(&rows, None, at(3, 2, 9), "marta").expect("valid");
    assert_eq!(r.rules.len(), base.rules.len() - 1);
    assert_eq!(
        (r.rules[0].points, r.rules[0].condition.clone()),
        (25, base.rules[0].condition.clone())
    );
    assert!(!r.rules[1].enabled);
    assert!(r.rules.iter().all(|x| x.id != removed));
    assert_eq!(r.meta.created_by, "marta");
    // A disabled rule survives a round trip through its document (`score` skips it).
    let only_off = ScoringRules {
        rules: vec![r.rules[1].clone()],
        ..ScoringRules::default()
    };
    let doc = doc("scoring-rules", only_off.to_body());
    assert_eq!(
        ScoringRules::from_doc(&doc).expect("reads").rules,
        only_off.rules
    );
    rows[0].points = "1001".into();
    rows[1].points = "dos".into();
    let errors = validate_scoring(&rows, Some(&base), at(3, 2, 9), "marta").expect_err("bad");
    let range = ScoringCode::Range {
        min: -1000,
        max: 1000,
    };
    assert_eq!(
        errors,
        [
            error(ScoringField::Points(0), range),
            error(ScoringField::Points(1), range)
        ]
    );
    assert_eq!(parse_points("-5"), Some(-5));
}

#[test]
fn changed_rules_rescore_the_leads_they_change_with_what_the_leads_did() {
    let l = lead();
    let now = at(3, 10, 12);
    let scored = rescore(&l, &Engagement::default(), &rules(), now);
    let mut converted = scored.clone();
    converted.id = "l2".into();
    converted.status = LeadStatus::Converted;
    let called = Activity {
        id: "a1".into(),
        kind: ActivityKind::Call,
        subject: String::new(),
        owner: "lucia".into(),
        contact_id: None,
        account_id: None,
        deal_id: None,
        lead_id: Some("l1".into()),
        when: None,
        place: String::new(),
        done_at: Some(at(3, 9, 10)),
        done_by: String::new(),
        visit: None,
        notes: String::new(),
        meta: Default::default(),
    };
    // The same rules and nothing done since: nothing to write.
    let leads = [scored.clone(), converted.clone()];
    assert_eq!(rescore_changed(&leads, &[], &rules(), now, "marta"), []);
    // A call done since: the lead is no longer cold (-10 gone).
    let warm = rescore_changed(
        &leads,
        std::slice::from_ref(&called),
        &rules(),
        now,
        "marta",
    );
    assert_eq!(warm.len(), 1);
    assert_eq!(warm[0].score.total, scored.score.total + 10);
    // A new rule on calls: the lead gains its points, the converted lead keeps its score.
    let mut more = rules();
    more.rules.push(ScoringRule {
        id: "regla-1".into(),
        condition: Condition::ActivityWithin {
            kind: Some(ActivityKind::Call),
            days: 7,
            at_least: 1,
        },
        points: 7,
        enabled: true,
    });
    let changed = rescore_changed(&leads, &[called], &more, now, "marta");
    assert_eq!(changed.len(), 1);
    assert_eq!(changed[0].id, "l1");
    assert_eq!(changed[0].score.total, scored.score.total + 10 + 7);
    assert!(
        changed[0]
            .score
            .reasons
            .iter()
            .any(|r| r.rule_id == "regla-1")
    );
    assert_eq!(changed[0].meta.updated_by, "marta");
    assert_eq!(changed[0].meta.updated_at, now);
}
