use super::*;
use crate::domain::sales::{Amounts, Forecast};

fn cat(d: Deal, c: ForecastCategory) -> Deal {
    Deal { category: c, ..d }
}

fn created_closed(
    id: &str,
    owner: &str,
    amount: i64,
    created: DateTime<Utc>,
    days: i64,
    win: bool,
) -> Deal {
    let d = deal(id, owner, eur(amount), created.date_naive(), created);
    let closed = created + chrono::Duration::days(days);
    if win {
        won(&d, closed)
    } else {
        lost(&d, closed)
    }
}

/// The team in mid-March 2026, at UTC−5: closed history, then open deals.
fn team() -> Vec<Deal> {
    let mut deals = closed();
    deals.extend(open());
    deals
}

fn closed() -> Vec<Deal> {
    let old = at(2025, 5, 1, 12, 0);
    vec![
        created_closed("w1", "lucia", 1_000_000, old, 30, true),
        created_closed("w2", "lucia", 2_000_001, old, 10, true),
        created_closed("l1", "lucia", 1, old, 5, false),
        created_closed("l2", "lucia", 1, old, 5, false),
        created_closed("l3", "lucia", 1, old, 5, false),
        created_closed("w4", "javier", 500_000, old, 40, true),
        created_closed("l5", "javier", 1, old, 5, false),
        // Won at 23:30 on March 31 in the team's zone: already April 1 in UTC.
        created_closed("w3", "lucia", 30_000, at(2026, 3, 1, 4, 30), 31, true),
        // Lost in March: never in the forecast, but in the win rates.
        created_closed("l4", "javier", 70_000, at(2026, 3, 2, 9, 0), 3, false),
    ]
}

fn open() -> Vec<Deal> {
    vec![
        cat(
            with_p(
                deal(
                    "o1",
                    "lucia",
                    eur(100_000),
                    day(2026, 3, 20),
                    at(2026, 2, 1, 9, 0),
                ),
                35,
            ),
            ForecastCategory::Commit,
        ),
        cat(
            with_p(
                deal(
                    "o2",
                    "javier",
                    eur(100_000),
                    day(2026, 3, 25),
                    at(2026, 2, 1, 9, 0),
                ),
                60,
            ),
            ForecastCategory::BestCase,
        ),
        // Should have closed in February: slipped into March.
        deal(
            "o4",
            "javier",
            eur(20_000),
            day(2026, 2, 10),
            at(2026, 1, 1, 9, 0),
        ),
        deal(
            "o5",
            "lucia",
            Money::new(100_000, "USD"),
            day(2026, 4, 2),
            at(2026, 2, 1, 9, 0),
        ),
        // Category "closed" on an open deal counts as commit; expected in May.
        cat(
            with_p(
                deal(
                    "o6",
                    "lucia",
                    eur(40_000),
                    day(2026, 5, 20),
                    at(2026, 2, 1, 9, 0),
                ),
                80,
            ),
            ForecastCategory::Closed,
        ),
    ]
}

fn now() -> DateTime<Utc> {
    at(2026, 3, 15, 12, 0)
}

fn eur_amounts(minor: i64) -> Amounts {
    let mut a = Amounts::default();
    a.add("EUR", minor);
    a
}

fn months() -> Forecast {
    forecast(&team(), PeriodKind::Month, utc_minus_5(), now())
}

#[test]
fn march_forecast_by_stage_probability_and_category() {
    let f = months();
    let march = Period::month(2026, 3).expect("march");
    assert_eq!(f.current, march);
    let periods: Vec<Period> = f.periods.iter().map(|p| p.period).collect();
    assert_eq!(
        periods,
        [
            march,
            Period::month(2026, 4).expect("april"),
            Period::month(2026, 5).expect("may")
        ]
    );
    let t = &f.periods[0].team;
    assert_eq!((t.open_deals, t.won_deals, t.slipped_deals), (3, 1, 1));
    assert_eq!(t.pipeline, eur_amounts(220_000));
    // 1 000 € × 35 % + 1 000 € × 60 % + 200 € × 10 %.
    assert_eq!(t.weighted, eur_amounts(35_000 + 60_000 + 2_000));
    assert_eq!(
        t.won,
        eur_amounts(30_000),
        "won on March 31 local time counts in March"
    );
    assert_eq!(t.expected(), eur_amounts(127_000));
    assert_eq!(t.category(ForecastCategory::Pipeline), &eur_amounts(20_000));
    assert_eq!(
        t.category(ForecastCategory::BestCase),
        &eur_amounts(100_000)
    );
    assert_eq!(t.category(ForecastCategory::Commit), &eur_amounts(100_000));
    assert_eq!(t.category(ForecastCategory::Closed), &eur_amounts(30_000));
    assert_eq!(t.commit(), eur_amounts(130_000));
    assert_eq!(t.best_case(), eur_amounts(230_000));
    let reps: Vec<(&str, u32)> = f.periods[0]
        .reps
        .iter()
        .map(|r| (r.owner.as_str(), r.totals.open_deals))
        .collect();
    assert_eq!(reps, [("javier", 2), ("lucia", 1)]);
    // April holds only dollars; May's "closed" open deal counts as commit.
    assert_eq!(
        f.periods[1].team.weighted.as_slice(),
        &[Money::new(10_000, "USD")]
    );
    assert_eq!(
        f.periods[2].team.category(ForecastCategory::Commit),
        &eur_amounts(40_000)
    );
    assert!(
        f.periods[2]
            .team
            .category(ForecastCategory::Closed)
            .is_empty()
    );
}

#[test]
fn period_boundaries_follow_the_teams_time_zone() {
    let q = |tz| forecast(&team(), PeriodKind::Quarter, tz, now());
    let q1 = Period::quarter(2026, 1).expect("q1");
    let in_bogota = q(utc_minus_5());
    assert_eq!(in_bogota.periods[0].period, q1);
    assert_eq!(
        in_bogota.periods[0].team.won,
        eur_amounts(30_000),
        "March 31 23:30 at UTC−5 is Q1"
    );
    let in_utc = q(utc());
    assert!(
        in_utc.periods[0].team.won.is_empty(),
        "in UTC it is April 1: Q2"
    );
    assert_eq!(
        in_utc.periods[1].period,
        Period::quarter(2026, 2).expect("q2")
    );
    assert_eq!(in_utc.periods[1].team.won, eur_amounts(30_000));
    // At 03:00 UTC on April 1 it is still March 31 in the team's zone.
    let late = forecast(
        &team(),
        PeriodKind::Month,
        utc_minus_5(),
        at(2026, 4, 1, 3, 0),
    );
    assert_eq!(late.current, Period::month(2026, 3).expect("march"));
    assert_eq!(
        forecast(&team(), PeriodKind::Month, utc(), at(2026, 4, 1, 3, 0)).current,
        Period::month(2026, 4).expect("april")
    );
}

#[test]
fn weighted_amounts_are_rounded_once_per_deal() {
    // Three deals of 0,05 € at 50 %: 2,5 cents each rounds to 3, so 9 cents (not 8).
    let c = at(2026, 3, 1, 9, 0);
    let deals: Vec<Deal> = (0..3)
        .map(|i| {
            with_p(
                deal(&format!("r{i}"), "ana", eur(5), day(2026, 3, 30), c),
                50,
            )
        })
        .collect();
    let f = forecast(&deals, PeriodKind::Month, utc(), now());
    assert_eq!(f.periods[0].team.weighted, eur_amounts(9));
    let cols = board_totals(&deals, &pipeline(), &BoardFilter::default());
    assert_eq!(cols[0].weighted, eur_amounts(9));
}

#[test]
fn win_rates_and_deal_sizes_come_from_closed_deals() {
    let r = win_rates(&team());
    let lucia = r.rep("lucia").expect("lucia");
    assert_eq!(
        (lucia.won, lucia.lost, lucia.rate_bp()),
        (3, 3, Some(5_000))
    );
    // (10 000,00 + 20 000,01 + 300,00) / 3 = 10 100,003 € -> 10 100,00 €.
    assert_eq!(lucia.average_deal, eur_amounts(1_010_000));
    assert_eq!(lucia.average_cycle_days, Some(23)); // (30 + 10 + 31) / 3
    let javier = r.rep("javier").expect("javier");
    assert_eq!(
        (javier.won, javier.lost, javier.rate_bp()),
        (1, 2, Some(3_333))
    );
    assert_eq!(
        (r.team.won, r.team.closed(), r.team.rate_bp()),
        (4, 9, Some(4_444))
    );
    let owners: Vec<&str> = r.reps.iter().map(|w| w.owner.as_str()).collect();
    assert_eq!(owners, ["javier", "lucia"]);
    // Javier has only 3 closed deals: forecasts use the team's 4 of 9.
    assert_eq!(r.rate_for("lucia"), Some((3, 6)));
    assert_eq!(r.rate_for("javier"), Some((4, 9)));
    assert_eq!(win_rates(&[]).rate_for("ana"), None);
}

#[test]
fn historical_forecast_uses_win_rates_beside_stage_probability() {
    let f = months();
    let march = &f.periods[0];
    // lucia 1 000 € × 3/6 = 500,00; javier 1 000 € × 4/9 = 444,44; 200 € × 4/9 = 88,89.
    assert_eq!(march.team.historical, eur_amounts(50_000 + 44_444 + 8_889));
    assert_eq!(
        march.team.expected_historical(),
        eur_amounts(30_000 + 103_333)
    );
    let lucia = march
        .reps
        .iter()
        .find(|r| r.owner == "lucia")
        .expect("lucia");
    assert_eq!(lucia.totals.historical, eur_amounts(50_000));
    // Without any closed deal the historical forecast falls back to stage probability.
    let open = [with_p(
        deal("x", "ana", eur(10_000), day(2026, 3, 20), now()),
        35,
    )];
    let f = forecast(&open, PeriodKind::Month, utc(), now());
    assert_eq!(f.periods[0].team.historical, eur_amounts(3_500));
}

#[test]
fn periods_know_their_days() {
    let q1 = Period::quarter(2026, 1).expect("q1");
    assert_eq!(
        (q1.first_day(), q1.last_day()),
        (day(2026, 1, 1), day(2026, 3, 31))
    );
    let feb = Period::month(2028, 2).expect("feb");
    assert_eq!(feb.last_day(), day(2028, 2, 29));
    assert_eq!(
        Period::quarter(2026, 4).expect("q4").next(),
        Period::quarter(2027, 1).expect("q1")
    );
    assert_eq!(
        Period::month(2026, 1).expect("jan").prev(),
        Period::month(2025, 12).expect("dec")
    );
    assert!(q1.contains(day(2026, 3, 31)) && !q1.contains(day(2026, 4, 1)));
    assert_eq!(Period::month(2026, 13), None);
    assert_eq!(Period::quarter(2026, 0), None);
}
