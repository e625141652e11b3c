use crate::domain::money::*;
use crate::domain::sales::{Amounts, Rates, convert};

use DecimalSeparator::{Comma, Dot};

fn parse(s: &str, cur: &str, sep: DecimalSeparator) -> Result<i64, MoneyError> {
    parse_money(s, cur, sep).map(|m| m.amount_minor)
}

#[test]
fn parses_both_locale_conventions_into_minor_units() {
    assert_eq!(parse("1.234,56", "EUR", Comma), Ok(123_456));
    assert_eq!(parse("1,234.56", "USD", Dot), Ok(123_456));
    assert_eq!(parse("1234,5", "EUR", Comma), Ok(123_450));
    assert_eq!(parse("1 234 567", "EUR", Comma), Ok(123_456_700));
    assert_eq!(parse("1\u{202f}234,00", "EUR", Comma), Ok(123_400));
    assert_eq!(parse("  12 ", "mxn", Dot), Ok(1_200));
    assert_eq!(parse(",5", "EUR", Comma), Ok(50));
    assert_eq!(parse("-12,30", "EUR", Comma), Ok(-1_230));
    assert_eq!(parse("+7", "EUR", Comma), Ok(700));
    // In a comma locale "1.234" is a thousand two hundred and thirty-four.
    assert_eq!(parse("1.234", "EUR", Comma), Ok(123_400));
    // In a dot locale it has three decimals, too many for euros: refused, not rounded.
    assert_eq!(parse("1.234", "EUR", Dot), Err(MoneyError::TooManyDecimals));
}

#[test]
fn follows_iso_4217_exponents() {
    // CLP has no decimals: "1.234.567" in Chile is pesos, and any decimal is too many.
    assert_eq!(parse("1.234.567", "CLP", Comma), Ok(1_234_567));
    assert_eq!(
        parse("10,5", "CLP", Comma),
        Err(MoneyError::TooManyDecimals)
    );
    // COP has 2 in ISO 4217 even though Colombians rarely write cents.
    assert_eq!(parse("2.500.000", "COP", Comma), Ok(250_000_000));
    assert_eq!(currency_exponent("COP"), Some(2));
    assert_eq!(currency_exponent("ars"), Some(2));
    assert_eq!(currency_exponent("PEN"), Some(2));
    assert_eq!(currency_exponent("KWD"), Some(3));
    assert_eq!(parse("1,234.567", "KWD", Dot), Ok(1_234_567));
    assert_eq!(currency_exponent("XXX"), None);
    assert_eq!(parse("1", "XXX", Dot), Err(MoneyError::UnknownCurrency));
}

#[test]
fn rejects_what_is_not_an_amount() {
    for bad in [
        "abc", "12a", "1..234", ".123", "1.234.", "12,", "1,2,3", "--5", "-", "1 ,5", "€ 12",
    ] {
        assert!(parse(bad, "EUR", Comma).is_err(), "{bad:?} was accepted");
    }
    // Groups hold three digits: a decimal typed with the other separator is caught.
    assert_eq!(parse("350,50", "MXN", Dot), Err(MoneyError::Invalid));
    assert_eq!(parse("12,5", "USD", Dot), Err(MoneyError::Invalid));
    assert_eq!(parse("", "EUR", Comma), Err(MoneyError::Empty));
    assert_eq!(parse("   ", "EUR", Comma), Err(MoneyError::Empty));
    assert_eq!(
        parse("99999999999999999999", "EUR", Comma),
        Err(MoneyError::Overflow)
    );
}

#[test]
fn rounds_half_away_from_zero() {
    assert_eq!(round_div(5, 10), Some(1)); // 0.5 -> 1
    assert_eq!(round_div(15, 10), Some(2)); // 1.5 -> 2
    assert_eq!(round_div(25, 10), Some(3)); // 2.5 -> 3 (banker's would give 2)
    assert_eq!(round_div(-25, 10), Some(-3));
    assert_eq!(round_div(24, 10), Some(2));
    assert_eq!(round_div(-24, 10), Some(-2));
    assert_eq!(round_div(1, 0), None);
    // 1 050,05 € at 35 %: 367,5175 € -> 367,52 €.
    assert_eq!(eur(105_005).percent(35), eur(36_752));
    // 0,05 € at 50 %: 2,5 cents -> 3 cents.
    assert_eq!(eur(5).percent(50), eur(3));
    assert_eq!(eur(1_000).checked_ratio(1, 3), Ok(eur(333)));
    assert_eq!(eur(2_000).checked_ratio(1, 3), Ok(eur(667)));
}

fn eur(minor: i64) -> Money {
    Money::new(minor, "EUR")
}

#[test]
fn arithmetic_is_checked_and_never_mixes_currencies() {
    assert_eq!(eur(150).checked_add(&eur(250)), Ok(eur(400)));
    assert_eq!(eur(150).checked_sub(&eur(250)), Ok(eur(-100)));
    assert_eq!(
        eur(1).checked_add(&Money::new(1, "USD")),
        Err(MoneyError::CurrencyMismatch)
    );
    assert_eq!(
        eur(i64::MAX).checked_add(&eur(1)),
        Err(MoneyError::Overflow)
    );
    assert_eq!(eur(i64::MAX).checked_mul(2), Err(MoneyError::Overflow));
    assert_eq!(eur(125).checked_mul(3), Ok(eur(375)));
}

#[test]
fn formats_amounts_for_editing() {
    assert_eq!(eur(123_450).to_input(Comma), "1234,50");
    assert_eq!(Money::new(123_450, "USD").to_input(Dot), "1234.50");
    assert_eq!(eur(-5).to_input(Comma), "-0,05");
    assert_eq!(Money::new(1_500_000, "CLP").to_input(Comma), "1500000");
    assert_eq!(parse(&eur(98_765).to_input(Dot), "EUR", Dot), Ok(98_765));
}

#[test]
fn converts_only_with_explicit_rates() {
    // 100,00 USD at 0.9215 EUR per dollar.
    assert_eq!(
        convert(&Money::new(10_000, "USD"), "EUR", 921_500),
        Ok(eur(9_215))
    );
    // 10,00 EUR at 1 050.5 CLP per euro: 10 505 pesos (no decimals).
    assert_eq!(
        convert(&eur(1_000), "CLP", 1_050_500_000),
        Ok(Money::new(10_505, "CLP"))
    );
    // 1 001 CLP at 0.00095 EUR per peso: 0,95095 € -> 0,95 €.
    assert_eq!(convert(&Money::new(1_001, "CLP"), "EUR", 950), Ok(eur(95)));
    let mut totals = Amounts::default();
    totals.add("USD", 10_000);
    totals.add("EUR", 500);
    totals.add("USD", 10_000);
    assert_eq!(totals.as_slice(), &[eur(500), Money::new(20_000, "USD")]);
    let rates = Rates {
        to: "EUR".into(),
        per_unit_micro: vec![("USD".into(), 921_500)],
    };
    assert_eq!(totals.total_in(&rates), Ok(eur(500 + 18_430)));
    totals.add("MXN", 100);
    assert_eq!(totals.total_in(&rates), Err(MoneyError::UnknownCurrency));
}
