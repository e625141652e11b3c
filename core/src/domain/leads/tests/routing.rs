//! Routing on save, round robin, fallback and logged reassignment.

use super::*;

fn rules() -> RoutingRules {
    let strings = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    RoutingRules {
        rules: vec![
            RoutingRule {
                id: "madrid".into(),
                when: RouteWhen::Territory {
                    regions: vec![],
                    postal_prefixes: strings(&["28"]),
                    countries: strings(&["ES"]),
                },
                assign: AssignTo::User("javier".into()),
            },
            RoutingRule {
                id: "norte-mx".into(),
                when: RouteWhen::Territory {
                    regions: strings(&["Nuevo León", "Coahuila"]),
                    postal_prefixes: vec![],
                    countries: vec![],
                },
                assign: AssignTo::User("diego".into()),
            },
            RoutingRule {
                id: "erp".into(),
                when: RouteWhen::ProductInterest {
                    products: strings(&["erp-cloud"]),
                },
                assign: AssignTo::RoundRobin(strings(&["ana", "ben", "caro"])),
            },
            RoutingRule {
                id: "empty-team".into(),
                when: RouteWhen::Always,
                assign: AssignTo::RoundRobin(vec![]),
            },
        ],
        fallback_owner: "marta".into(),
        ..RoutingRules::default()
    }
}

fn lead_in(postal: &str, region: &str, country: &str, interest: &str) -> Lead {
    let mut input = typed("Ana", "Gil", "", "ana@gil.es", "");
    input.address.postal_code = postal.into();
    input.address.region = region.into();
    input.address.country = country.into();
    input.interest = interest.into();
    saved("l1", input)
}

fn owner_of(lead: &Lead) -> (String, AssignedBy) {
    let (a, _) = route(lead, &rules(), &RoundRobinState::default());
    (a.owner, a.by)
}

#[test]
fn a_territory_rule_takes_leads_by_postal_code_and_country() {
    let madrid = lead_in("28013", "", "ES", "");
    assert_eq!(
        owner_of(&madrid),
        ("javier".into(), AssignedBy::Rule("madrid".into()))
    );
    // The same postal code in another country is another territory.
    let elsewhere = lead_in("28013", "", "MX", "");
    assert_eq!(owner_of(&elsewhere).1, AssignedBy::Fallback);
}

#[test]
fn a_territory_rule_takes_leads_by_region_ignoring_accents() {
    let monterrey = lead_in("64000", "NUEVO LEON", "MX", "");
    assert_eq!(
        owner_of(&monterrey),
        ("diego".into(), AssignedBy::Rule("norte-mx".into()))
    );
}

#[test]
fn the_first_matching_rule_wins() {
    // In Madrid and interested in the ERP: the territory rule comes first.
    let both = lead_in("28001", "", "ES", "ERP-CLOUD");
    assert_eq!(owner_of(&both).0, "javier");
}

#[test]
fn round_robin_gives_each_member_a_fair_share_in_order() {
    let lead = lead_in("", "", "", "erp-cloud");
    let mut state = RoundRobinState::default();
    let mut owners = Vec::new();
    for _ in 0..7 {
        let (a, next) = route(&lead, &rules(), &state);
        assert_eq!(a.by, AssignedBy::Rule("erp".into()));
        owners.push(a.owner);
        state = next;
    }
    assert_eq!(owners, ["ana", "ben", "caro", "ana", "ben", "caro", "ana"]);
    // The same state gives the same owner: routing is repeatable offline.
    assert_eq!(route(&lead, &rules(), &state).0.owner, "ben");
}

#[test]
fn round_robin_continues_fairly_when_the_team_changes() {
    let lead = lead_in("", "", "", "erp-cloud");
    let (_, state) = route(&lead, &rules(), &RoundRobinState::default()); // ana
    let (_, state) = route(&lead, &rules(), &state); // ben
    let mut smaller = rules();
    smaller.rules[2].assign = AssignTo::RoundRobin(vec!["ana".into(), "caro".into()]);
    // ben left: caro, who now holds his place, is next.
    assert_eq!(route(&lead, &smaller, &state).0.owner, "caro");
}

#[test]
fn a_lead_no_rule_takes_goes_to_the_fallback_owner() {
    let lead = lead_in("08001", "Cataluña", "ES", "");
    assert_eq!(owner_of(&lead), ("marta".into(), AssignedBy::Fallback));
    // Without a fallback owner the lead keeps its creator.
    let mut no_fallback = rules();
    no_fallback.fallback_owner = String::new();
    let (a, _) = route(&lead, &no_fallback, &RoundRobinState::default());
    assert_eq!(a.owner, "lucia");
}

#[test]
fn the_rule_that_assigned_a_lead_is_recorded_and_reassignment_is_logged() {
    let lead = lead_in("28013", "", "ES", "");
    let (a, _) = route(&lead, &rules(), &RoundRobinState::default());
    let routed = assign(&lead, &a, at(3, 1, 9), "lucia");
    assert_eq!(routed.owner, "javier");
    assert_eq!(
        routed.routing.as_ref().map(|r| &r.by),
        Some(&AssignedBy::Rule("madrid".into()))
    );
    assert!(
        routed.reassignments.is_empty(),
        "the first assignment is no reassignment"
    );
    let moved = reassign(
        &routed,
        "camila",
        at(3, 4, 16),
        "marta",
        "Vacaciones de Javier",
    );
    let log = &moved.reassignments[0];
    assert_eq!(
        (
            log.from.as_str(),
            log.to.as_str(),
            log.by.as_str(),
            log.reason.as_str()
        ),
        ("javier", "camila", "marta", "Vacaciones de Javier")
    );
    assert_eq!(log.at, at(3, 4, 16));
    // Routing again after the lead moved to Mexico logs the change too.
    let mut in_mexico = moved.clone();
    in_mexico.address = lead_in("64000", "Nuevo León", "MX", "").address;
    let (again, _) = route(&in_mexico, &rules(), &RoundRobinState::default());
    let rerouted = assign(&in_mexico, &again, at(3, 8, 9), "lucia");
    assert_eq!(rerouted.reassignments.len(), 2);
    assert_eq!(rerouted.reassignments[1].to, "diego");
}

#[test]
fn routing_rules_and_round_robin_state_round_trip_through_documents() {
    let r = rules();
    let back = RoutingRules::from_doc(&doc("routing", r.to_body())).expect("rules");
    assert_eq!(back, r);
    let lead = lead_in("", "", "", "erp-cloud");
    let (_, state) = route(&lead, &r, &RoundRobinState::default());
    let state_back = RoundRobinState::from_doc(&doc("rr", state.to_body())).expect("state");
    assert_eq!(state_back, state);
    assert_eq!(route(&lead, &r, &state_back).0.owner, "ben");
}

/// The routing form: stored rules round-trip through it; typed lists are split; empty
/// conditions and assignees are refused; new rules get ids no rule had.
#[test]
fn the_routing_form_round_trips_stored_rules() {
    let old = rules();
    let input = RoutingInput::from(&old);
    assert_eq!(input.rules[0].postal_prefixes, "28");
    assert_eq!(input.rules[2].assign, "ana, ben, caro");
    let back = validate_routing(&input, Some(&old), at(3, 2, 9), "marta");
    // The empty round-robin team of the last rule is refused as typed.
    let errors = back.expect_err("the empty team");
    assert_eq!(
        errors,
        [RoutingFieldError {
            field: RoutingField::Assign(3),
            code: RoutingCode::Required
        }]
    );
    let mut input = input;
    input.rules.pop();
    let back = validate_routing(&input, Some(&old), at(3, 2, 9), "marta").expect("valid");
    assert_eq!(back.rules, old.rules[..3]);
    assert_eq!(back.fallback_owner, "marta");
    assert_eq!(back.meta.updated_by, "marta");
}

#[test]
fn a_typed_rule_is_split_checked_and_routes_new_leads() {
    let input = RoutingInput {
        rules: vec![
            RoutingRuleInput {
                kind: RouteKind::Territory,
                postal_prefixes: " 41, 29 ,41,".into(),
                countries: "es".into(),
                assign: "diego".into(),
                ..Default::default()
            },
            RoutingRuleInput {
                id: "erp".into(),
                kind: RouteKind::ProductInterest,
                assign: "ana;  ben".into(),
                ..Default::default()
            },
            RoutingRuleInput {
                kind: RouteKind::Territory,
                assign: " ".into(),
                ..Default::default()
            },
        ],
        fallback_owner: "  marta ".into(),
    };
    let errors = validate_routing(&input, Some(&rules()), at(3, 2, 9), "marta").expect_err("bad");
    let got: Vec<(RoutingField, RoutingCode)> = errors.iter().map(|e| (e.field, e.code)).collect();
    assert_eq!(
        got,
        [
            (RoutingField::When(1), RoutingCode::Required),
            (RoutingField::When(2), RoutingCode::Required),
            (RoutingField::Assign(2), RoutingCode::Required),
        ]
    );
    let mut input = input;
    input.rules.truncate(2);
    input.rules[1].products = "erp-cloud".into();
    let r = validate_routing(&input, None, at(3, 2, 9), "marta").expect("valid");
    assert_eq!(r.rules[0].id, "regla-1");
    assert_eq!(
        r.rules[0].when,
        RouteWhen::Territory {
            regions: vec![],
            postal_prefixes: vec!["41".into(), "29".into()],
            countries: vec!["ES".into()],
        }
    );
    assert_eq!(r.rules[0].assign, AssignTo::User("diego".into()));
    assert_eq!(
        r.rules[1].assign,
        AssignTo::RoundRobin(vec!["ana".into(), "ben".into()])
    );
    assert_eq!(r.fallback_owner, "marta");
    let (a, _) = route(
        &lead_in("41001", "", "ES", ""),
        &r,
        &RoundRobinState::default(),
    );
    assert_eq!(
        (a.owner.as_str(), a.by),
        ("diego", AssignedBy::Rule("regla-1".into()))
    );
}
