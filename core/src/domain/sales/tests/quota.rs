use super::*;
use crate::domain::DecimalSeparator;

fn quota(owner: &str, period: Period, minor: i64) -> Quota {
    Quota {
        id: "q".into(),
        owner: owner.into(),
        period,
        amount: eur(minor),
        meta: Meta::created(at(2026, 1, 1, 0, 0), "admin"),
    }
}

#[test]
fn attainment_counts_the_reps_wins_in_the_period_in_local_time() {
    let c = at(2026, 1, 5, 9, 0);
    let d = |id: &str, owner: &str, amount: Money| deal(id, owner, amount, day(2026, 3, 1), c);
    let deals = vec![
        won(&d("a", "lucia", eur(1_200_000)), at(2026, 2, 10, 12, 0)),
        // 23:30 on March 31 at UTC−5: Q1 for the team.
        won(&d("b", "lucia", eur(300_050)), at(2026, 4, 1, 4, 30)),
        won(
            &d("c", "lucia", Money::new(500_000, "USD")),
            at(2026, 3, 3, 12, 0),
        ),
        won(&d("d", "javier", eur(9_999_999)), at(2026, 2, 10, 12, 0)),
        lost(&d("e", "lucia", eur(700_000)), at(2026, 2, 10, 12, 0)),
        d("f", "lucia", eur(800_000)),
        won(&d("g", "lucia", eur(100)), at(2025, 12, 31, 23, 0)),
    ];
    let q1 = Period::quarter(2026, 1).expect("q1");
    let a = attainment(&quota("lucia", q1, 2_000_000), &deals, utc_minus_5());
    assert_eq!(a.won, eur(1_500_050));
    assert_eq!(a.won_deals, 3);
    assert_eq!(a.remaining, eur(499_950));
    assert_eq!(a.percent_bp, Some(7_500)); // 75,0025 % -> 75,00 %
    assert_eq!(
        a.other_currencies.as_slice(),
        &[Money::new(500_000, "USD")],
        "dollars shown apart"
    );
    // In UTC the last deal falls in Q2.
    let utc_a = attainment(&quota("lucia", q1, 2_000_000), &deals, utc());
    assert_eq!(utc_a.won, eur(1_200_000));
    // Past the quota, nothing remains and attainment passes 100 %.
    let small = attainment(&quota("lucia", q1, 1_000_000), &deals, utc_minus_5());
    assert_eq!((small.remaining, small.percent_bp), (eur(0), Some(15_001)));
    // A zero quota has no percentage.
    assert_eq!(
        attainment(&quota("lucia", q1, 0), &deals, utc()).percent_bp,
        None
    );
}

#[test]
fn the_quota_form_is_validated() {
    let input = QuotaInput {
        owner: " ".into(),
        kind: PeriodKind::Month,
        year: "dos mil".into(),
        number: "13".into(),
        amount: "12,345".into(),
        currency: "EUR".into(),
    };
    let errors = validate_quota(
        &input,
        DecimalSeparator::Comma,
        "q".into(),
        None,
        at(2026, 1, 1, 0, 0),
        "admin",
    )
    .expect_err("invalid");
    let fields: Vec<(SalesField, SalesCode)> = errors.iter().map(|e| (e.field, e.code)).collect();
    assert_eq!(
        fields,
        [
            (SalesField::Owner, SalesCode::Required),
            (SalesField::Amount, SalesCode::TooManyDecimals),
            (SalesField::Year, SalesCode::InvalidNumber),
            (SalesField::PeriodNumber, SalesCode::InvalidNumber),
        ]
    );
}
