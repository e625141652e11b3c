use super::*;

fn deals() -> Vec<Deal> {
    let p = pipeline();
    let c = at(2026, 1, 5, 9, 0);
    let offer = |d: Deal| move_stage(&d, &p.stages[1], at(2026, 1, 10, 9, 0), &d.owner.clone());
    vec![
        deal("a", "lucia", eur(100_005), day(2026, 3, 10), c),
        deal("b", "javier", eur(50_000), day(2026, 4, 20), c),
        offer(deal("c", "lucia", eur(105_005), day(2026, 3, 31), c)),
        offer(deal(
            "d",
            "lucia",
            Money::new(250_000_000, "COP"),
            day(2026, 3, 15),
            c,
        )),
        offer(deal(
            "e",
            "javier",
            Money::new(1_500_000, "CLP"),
            day(2026, 5, 2),
            c,
        )),
        won(
            &deal("f", "lucia", eur(999_999), day(2026, 3, 1), c),
            at(2026, 2, 1, 9, 0),
        ),
        Deal {
            pipeline_id: "other".into(),
            ..deal("g", "lucia", eur(7), day(2026, 3, 1), c)
        },
    ]
}

#[test]
fn column_totals_keep_currencies_apart_and_round_once_per_deal() {
    let cols = board_totals(&deals(), &pipeline(), &BoardFilter::default());
    let ids: Vec<&str> = cols.iter().map(|c| c.stage_id.as_str()).collect();
    assert_eq!(
        ids,
        ["lead", "offer", "nego"],
        "every stage, in board order"
    );
    // lead: 1 000,05 € and 500,00 € at 10 %: 100,005 € -> 100,01 € (rounded per deal) + 50,00 €.
    assert_eq!(cols[0].count, 2);
    assert_eq!(cols[0].amount.as_slice(), &[eur(150_005)]);
    assert_eq!(cols[0].weighted.as_slice(), &[eur(10_001 + 5_000)]);
    // offer (35 %): euros, pesos colombianos and pesos chilenos, never added together.
    assert_eq!(cols[1].count, 3);
    assert_eq!(
        cols[1].amount.as_slice(),
        &[
            Money::new(1_500_000, "CLP"),
            Money::new(250_000_000, "COP"),
            eur(105_005)
        ]
    );
    assert_eq!(
        cols[1].weighted.as_slice(),
        &[
            Money::new(525_000, "CLP"),
            Money::new(87_500_000, "COP"),
            eur(36_752)
        ]
    );
    // The won deal and the other pipeline's deal are not on this board.
    assert_eq!(cols[2].count, 0);
    assert!(cols[2].amount.is_empty());
}

#[test]
fn filters_by_owner_and_close_period() {
    let ds = deals();
    let p = pipeline();
    let lucia = BoardFilter {
        owner: Some("lucia".into()),
        ..Default::default()
    };
    let counts = |f: &BoardFilter| {
        board_totals(&ds, &p, f)
            .iter()
            .map(|c| c.count)
            .collect::<Vec<_>>()
    };
    assert_eq!(counts(&lucia), [1, 2, 0]);
    let march = BoardFilter::closing_in(Period::month(2026, 3).expect("march"));
    assert_eq!(
        (march.close_from, march.close_to),
        (Some(day(2026, 3, 1)), Some(day(2026, 3, 31)))
    );
    assert_eq!(
        counts(&march),
        [1, 2, 0],
        "the deal closing on March 31 is in March"
    );
    let q2_javier = BoardFilter {
        owner: Some("javier".into()),
        ..BoardFilter::closing_in(Period::quarter(2026, 2).expect("q2"))
    };
    assert_eq!(counts(&q2_javier), [1, 1, 0]);
    let cards = board_columns(&ds, &p, &march);
    let offer: Vec<&str> = cards[1].1.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(offer, ["d", "c"], "cards sorted by expected close");
}
