//! Scores that explain themselves.

use serde_json::Value;

use super::*;
use crate::domain::sales::ActivityKind;

pub(super) fn rules() -> ScoringRules {
    let rule = |id: &str, condition, points| ScoringRule {
        id: id.into(),
        condition,
        points,
        enabled: true,
    };
    ScoringRules {
        rules: vec![
            rule(
                "steel",
                Condition::IndustryIs {
                    industries: vec!["Siderurgia".into(), "Metal".into()],
                },
                20,
            ),
            rule("big", Condition::SizeAtLeast { employees: 200 }, 15),
            rule(
                "north",
                Condition::RegionIn {
                    regions: vec!["nuevo leon".into()],
                },
                5,
            ),
            rule(
                "boss",
                Condition::JobTitleHas {
                    words: vec!["director".into(), "gerente".into()],
                },
                10,
            ),
            rule(
                "visited",
                Condition::ActivityWithin {
                    kind: Some(ActivityKind::Visit),
                    days: 7,
                    at_least: 1,
                },
                10,
            ),
            rule(
                "spring",
                Condition::CampaignResponded {
                    campaign: None,
                    days: Some(30),
                },
                5,
            ),
            rule("cold", Condition::NoActivityWithin { days: 30 }, -10),
            rule(
                "fair",
                Condition::SourceIs {
                    source: LeadSource::Campaign("*".into()),
                },
                3,
            ),
        ],
        ..ScoringRules::default()
    }
}

pub(super) fn lead() -> Lead {
    let mut input = typed("Ana", "Vidal", "Aceros Vidal", "ana@acerosvidal.mx", "");
    input.industry = "SIDERURGIA".into();
    input.company_size = "350".into();
    input.address.region = "Nuevo León".into();
    input.job_title = "Directora de Compras".into();
    saved("l1", input)
}

#[test]
fn the_score_lists_each_reason_biggest_first() {
    let now = at(3, 10, 12);
    let engagement = Engagement {
        activities: vec![EngagementEvent {
            kind: ActivityKind::Visit,
            at: at(3, 6, 10),
        }],
        campaign_responses: vec![CampaignResponse {
            campaign: "spring".into(),
            at: at(2, 20, 9),
        }],
    };
    let s = score(&lead(), &engagement, &rules(), now);
    assert_eq!(s.total, 65);
    let shown: Vec<(i32, &str)> = s
        .reasons
        .iter()
        .map(|r| (r.points, r.rule_id.as_str()))
        .collect();
    assert_eq!(
        shown,
        [
            (20, "steel"),
            (15, "big"),
            (10, "boss"),
            (10, "visited"),
            (5, "north"),
            (5, "spring")
        ]
    );
    // What the UI needs to say "+20 industry: SIDERURGIA" and "+10 visited in the last 7 days".
    assert_eq!(
        s.reasons[0].code,
        ReasonCode::Industry {
            industry: "SIDERURGIA".into()
        }
    );
    assert_eq!(
        s.reasons[2].code,
        ReasonCode::JobTitle {
            word: "director".into()
        }
    );
    assert_eq!(
        s.reasons[3].code,
        ReasonCode::RecentActivity {
            kind: Some(ActivityKind::Visit),
            days: 7,
            count: 1
        }
    );
}

#[test]
fn a_quiet_lead_loses_points_and_the_score_changes_with_time() {
    let l = lead();
    let visit = Engagement {
        activities: vec![EngagementEvent {
            kind: ActivityKind::Visit,
            at: at(3, 6, 10),
        }],
        ..Engagement::default()
    };
    assert_eq!(score(&l, &visit, &rules(), at(3, 10, 12)).total, 60);
    // Two weeks on, the visit no longer counts as recent.
    assert_eq!(score(&l, &visit, &rules(), at(3, 20, 12)).total, 50);
    // Two months on, the lead is cold.
    let cold = score(&l, &visit, &rules(), at(5, 20, 12));
    assert_eq!(cold.total, 40);
    assert_eq!(cold.reasons.last().map(|r| r.points), Some(-10));
}

#[test]
fn engagement_counts_done_activities_of_the_lead_and_of_merged_leads() {
    use crate::domain::sales::Activity;
    let mut l = lead();
    l.merged_from = vec!["old".into()];
    let activity = |id: &str, lead_id: &str, done: bool| Activity {
        id: id.into(),
        kind: ActivityKind::Call,
        subject: String::new(),
        owner: "lucia".into(),
        contact_id: None,
        account_id: None,
        deal_id: None,
        lead_id: Some(lead_id.into()),
        when: None,
        place: String::new(),
        done_at: done.then(|| at(3, 5, 9)),
        done_by: String::new(),
        visit: None,
        notes: String::new(),
        meta: Default::default(),
    };
    let all = [
        activity("1", "l1", true),
        activity("2", "old", true),
        activity("3", "l1", false),
        activity("4", "someone-else", true),
    ];
    let e = Engagement::of_lead(&l, &all, &[]);
    assert_eq!(e.activities.len(), 2);
}

#[test]
fn scoring_rules_round_trip_through_their_document() {
    let r = rules();
    let body = r.to_body();
    assert_eq!(body["type"], "scoring_rules");
    assert_eq!(body["rules"][4]["condition"]["activity_kind"], "visit");
    let back = ScoringRules::from_doc(&doc("scoring", body)).expect("rules");
    assert_eq!(back, r);
}

#[test]
fn a_scored_lead_keeps_its_reasons_in_its_document() {
    let l = rescore(&lead(), &Engagement::default(), &rules(), at(3, 10, 12));
    let body = l.to_body();
    assert_eq!(body["score"], Value::from(l.score.total));
    assert_eq!(body["score_reasons"][0]["code"], "industry");
    let back = Lead::from_doc(&doc("l1", body)).expect("lead");
    assert_eq!(back.score, l.score);
}

#[test]
fn absurd_stored_rules_score_without_crashing() {
    let rules = ScoringRules {
        rules: vec![
            ScoringRule {
                id: "forever".into(),
                condition: Condition::NoActivityWithin { days: u32::MAX },
                points: i32::MAX,
                enabled: true,
            },
            ScoringRule {
                id: "also".into(),
                condition: Condition::CampaignResponded {
                    campaign: None,
                    days: Some(u32::MAX),
                },
                points: i32::MAX,
                enabled: true,
            },
            ScoringRule {
                id: "more".into(),
                condition: Condition::SizeAtLeast { employees: 0 },
                points: i32::MAX,
                enabled: true,
            },
        ],
        ..ScoringRules::default()
    };
    let s = score(&lead(), &Engagement::default(), &rules, at(3, 10, 12));
    assert_eq!(s.total, i32::MAX, "the total saturates");
}

#[test]
fn a_lead_from_a_campaign_counts_as_its_response_when_it_came_in() {
    let mut l = lead();
    l.meta.created_at = at(3, 1, 9);
    assert_eq!(
        Engagement::own(&l),
        Engagement::default(),
        "not from a campaign: nothing"
    );
    l.source = LeadSource::Campaign("feria-2027".into());
    let e = Engagement::own(&l);
    assert_eq!(e.campaign_responses.len(), 1);
    assert_eq!(e.campaign_responses[0].campaign, "feria-2027");
    assert_eq!(e.campaign_responses[0].at, at(3, 1, 9));
    // rescore_changed scores with it: "responded in the last 30 days" (+5) holds 10 days
    // later and no longer 40 days later.
    let rules = rules();
    let reasons = |now| {
        let changed = rescore_changed(std::slice::from_ref(&l), &[], &rules, now, "lucia");
        let s = changed
            .first()
            .map_or_else(|| l.score.clone(), |c| c.score.clone());
        s.reasons.iter().any(|r| matches!(&r.code, ReasonCode::CampaignResponse { campaign, .. } if campaign == "feria-2027"))
    };
    assert!(reasons(at(3, 11, 9)));
    assert!(!reasons(at(4, 10, 9)));
}
