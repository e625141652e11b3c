//! Money in integer minor units of an ISO 4217 currency: checked arithmetic, rounding and
//! parsing of amounts as people type them.
//!
//! Rounding rule (the only one in Cartera): **half away from zero** ("commercial" rounding, what
//! spreadsheets' `ROUND` and pocket calculators do): 0.5 → 1, 1.5 → 2, 2.5 → 3, −2.5 → −3.
//! Weighted amounts are rounded once per deal, in minor units, and then summed.
//!
//! Exponents follow ISO 4217 exactly: COP has 2 (even though prices are usually shown without
//! cents), CLP, PYG and JPY have 0, BHD/KWD/JOD/OMR/TND have 3, CLF has 4.

use thiserror::Error;

/// An amount of one currency in its minor unit (cents for EUR, pesos for CLP).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Money {
    pub amount_minor: i64,
    /// ISO 4217 alphabetic code, upper case ("EUR").
    pub currency: String,
}

/// What can go wrong with money: arithmetic across currencies, overflow, or typed input.
#[derive(Clone, Copy, Debug, Error, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum MoneyError {
    /// Adding or comparing amounts of two currencies.
    #[error("amounts in different currencies")]
    CurrencyMismatch,
    /// The result does not fit in 64-bit minor units.
    #[error("amount out of range")]
    Overflow,
    /// Not an ISO 4217 code Cartera knows.
    #[error("unknown currency")]
    UnknownCurrency,
    /// Nothing typed.
    #[error("no amount")]
    Empty,
    /// Letters, misplaced signs or separators.
    #[error("not an amount")]
    Invalid,
    /// More decimals than the currency has (3 for EUR, any for CLP).
    #[error("too many decimals for the currency")]
    TooManyDecimals,
}

impl MoneyError {
    /// Money errors never go away by retrying.
    pub fn is_retryable(&self) -> bool {
        false
    }
}

/// The decimal separator of the user's locale; the other of `,` and `.` groups thousands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum DecimalSeparator {
    /// "1.234,56" (es-ES, es-AR, es-CO, es-CL, pt-BR, de, fr ...).
    #[default]
    Comma,
    /// "1,234.56" (es-MX, en, ...).
    Dot,
}

/// ISO 4217 codes Cartera accepts, with their exponents (minor-unit digits).
const CURRENCIES: &[(&str, u32)] = &[
    ("ARS", 2),
    ("BHD", 3),
    ("BOB", 2),
    ("BRL", 2),
    ("CAD", 2),
    ("CHF", 2),
    ("CLF", 4),
    ("CLP", 0),
    ("CNY", 2),
    ("COP", 2),
    ("CRC", 2),
    ("CUP", 2),
    ("DOP", 2),
    ("EUR", 2),
    ("GBP", 2),
    ("GTQ", 2),
    ("HNL", 2),
    ("JOD", 3),
    ("JPY", 0),
    ("KRW", 0),
    ("KWD", 3),
    ("MAD", 2),
    ("MXN", 2),
    ("NIO", 2),
    ("OMR", 3),
    ("PAB", 2),
    ("PEN", 2),
    ("PYG", 0),
    ("TND", 3),
    ("USD", 2),
    ("UYU", 2),
    ("VES", 2),
];

/// The number of minor-unit digits of an ISO 4217 code (any case), or `None` when unknown.
pub fn currency_exponent(code: &str) -> Option<u32> {
    let code = code.trim().to_ascii_uppercase();
    (CURRENCIES.binary_search_by(|(c, _)| c.cmp(&code.as_str())))
        .ok()
        .and_then(|i| CURRENCIES.get(i))
        .map(|(_, e)| *e)
}

/// The codes Cartera accepts, sorted.
pub fn currency_codes() -> impl Iterator<Item = &'static str> {
    CURRENCIES.iter().map(|(c, _)| *c)
}

/// `num / den` rounded half away from zero; `None` when `den` is 0 or the result overflows i64.
pub fn round_div(num: i128, den: i128) -> Option<i64> {
    if den == 0 {
        return None;
    }
    let (q, r) = (num / den, num % den);
    // |2r| >= |den| means the fraction is at least one half: step away from zero.
    let q = match (2 * r.abs()).cmp(&den.abs()) {
        std::cmp::Ordering::Less => q,
        _ if (num < 0) != (den < 0) => q - 1,
        _ => q + 1,
    };
    i64::try_from(q).ok()
}

impl Money {
    /// `amount_minor` of `currency` (upper-cased).
    pub fn new(amount_minor: i64, currency: &str) -> Self {
        Self {
            amount_minor,
            currency: currency.trim().to_ascii_uppercase(),
        }
    }

    /// Zero of `currency`.
    pub fn zero(currency: &str) -> Self {
        Self::new(0, currency)
    }

    pub fn is_zero(&self) -> bool {
        self.amount_minor == 0
    }

    /// The sum, when both are of the same currency and it fits.
    pub fn checked_add(&self, other: &Money) -> Result<Money, MoneyError> {
        self.same_currency(other)?;
        let sum =
            (self.amount_minor.checked_add(other.amount_minor)).ok_or(MoneyError::Overflow)?;
        Ok(Money::new(sum, &self.currency))
    }

    /// The difference, when both are of the same currency and it fits.
    pub fn checked_sub(&self, other: &Money) -> Result<Money, MoneyError> {
        self.same_currency(other)?;
        let d = (self.amount_minor.checked_sub(other.amount_minor)).ok_or(MoneyError::Overflow)?;
        Ok(Money::new(d, &self.currency))
    }

    /// The amount times `factor`, when it fits.
    pub fn checked_mul(&self, factor: i64) -> Result<Money, MoneyError> {
        let p = (self.amount_minor.checked_mul(factor)).ok_or(MoneyError::Overflow)?;
        Ok(Money::new(p, &self.currency))
    }

    /// The amount times `num / den`, rounded once, half away from zero, in minor units.
    pub fn checked_ratio(&self, num: i64, den: i64) -> Result<Money, MoneyError> {
        let r = round_div(
            i128::from(self.amount_minor) * i128::from(num),
            i128::from(den),
        );
        Ok(Money::new(r.ok_or(MoneyError::Overflow)?, &self.currency))
    }

    /// `percent` % of the amount (a deal weighted by its probability), rounded once, half away
    /// from zero: 1 050,05 € at 35 % is 367,52 € (36 751,75 cents → 36 752).
    pub fn percent(&self, percent: u8) -> Money {
        let r = round_div(i128::from(self.amount_minor) * i128::from(percent), 100);
        // |amount * p / 100| <= |amount| for p <= 100, so only p > 100 could overflow.
        Money::new(r.unwrap_or(self.amount_minor), &self.currency)
    }

    fn same_currency(&self, other: &Money) -> Result<(), MoneyError> {
        match self.currency == other.currency {
            true => Ok(()),
            false => Err(MoneyError::CurrencyMismatch),
        }
    }

    /// The amount as a form shows it for editing: no grouping, the locale's decimal separator,
    /// all the currency's decimals ("1234,50" for 1 234,50 € with [`DecimalSeparator::Comma`]).
    pub fn to_input(&self, sep: DecimalSeparator) -> String {
        let exp = currency_exponent(&self.currency).unwrap_or(0);
        let sign = if self.amount_minor < 0 { "-" } else { "" };
        let abs = self.amount_minor.unsigned_abs();
        if exp == 0 {
            return format!("{sign}{abs}");
        }
        let scale = 10u64.pow(exp);
        let point = match sep {
            DecimalSeparator::Comma => ',',
            DecimalSeparator::Dot => '.',
        };
        let width = exp as usize;
        format!("{sign}{}{point}{:0width$}", abs / scale, abs % scale)
    }
}

/// Parses an amount as typed ("1.234,56", "1,234.56", "-12", "1 234,5") in `currency`, with
/// `sep` as the decimal separator. The other of `,`/`.`, spaces, no-break and thin spaces and
/// `'` group thousands before the decimal separator, in groups of three ("350,50" in a dot
/// locale is a mistyped decimal, refused as [`MoneyError::Invalid`]). Fewer decimals than the currency
/// has are padded ("1,5" EUR is 150 cents); more are [`MoneyError::TooManyDecimals`], never
/// rounded silently. An optional leading `-` or `+`.
pub fn parse_money(
    input: &str,
    currency: &str,
    sep: DecimalSeparator,
) -> Result<Money, MoneyError> {
    let exp = currency_exponent(currency).ok_or(MoneyError::UnknownCurrency)?;
    let s = input.trim();
    if s.is_empty() {
        return Err(MoneyError::Empty);
    }
    let (negative, s) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let (dec, group) = match sep {
        DecimalSeparator::Comma => (',', '.'),
        DecimalSeparator::Dot => ('.', ','),
    };
    let (int_part, frac_part) = match s.split_once(dec) {
        Some((i, f)) => (i, Some(f)),
        None => (s, None),
    };
    let is_group = |c: char| c == group || matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\'');
    let int_digits = digits(int_part, is_group)?;
    let frac_digits = match frac_part {
        Some(f) => digits(f, |_| false)?,
        None => String::new(),
    };
    if int_digits.is_empty() && frac_digits.is_empty() {
        return Err(MoneyError::Invalid);
    }
    if frac_part.is_some_and(str::is_empty) {
        return Err(MoneyError::Invalid);
    }
    if frac_digits.len() > exp as usize {
        return Err(MoneyError::TooManyDecimals);
    }
    let mut minor: i64 = 0;
    let padded = frac_digits
        .chars()
        .chain(std::iter::repeat('0'))
        .take(exp as usize);
    for c in int_digits.chars().chain(padded) {
        let d = i64::from(c.to_digit(10).ok_or(MoneyError::Invalid)?);
        minor = (minor.checked_mul(10))
            .and_then(|m| m.checked_add(d))
            .ok_or(MoneyError::Overflow)?;
    }
    Ok(Money::new(if negative { -minor } else { minor }, currency))
}

/// The ASCII digits of `s`, skipping grouping characters: never first or doubled, and every
/// group after the first of exactly three digits ("1.234.567"; "350.50" is not grouping).
fn digits(s: &str, is_group: impl Fn(char) -> bool) -> Result<String, MoneyError> {
    let mut out = String::with_capacity(s.len());
    let mut grouped = false;
    // Digits since the start or the last group separator.
    let mut run = 0;
    for c in s.chars() {
        if c.is_ascii_digit() {
            out.push(c);
            run += 1;
        } else if is_group(c) && run > 0 && (!grouped || run == 3) {
            grouped = true;
            run = 0;
        } else {
            return Err(MoneyError::Invalid);
        }
    }
    match grouped && run != 3 {
        true => Err(MoneyError::Invalid),
        false => Ok(out),
    }
}
