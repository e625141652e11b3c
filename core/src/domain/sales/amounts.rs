//! Totals kept per currency: amounts of different currencies are never added together unless
//! converted with rates the caller passes in.

use super::super::money::{Money, MoneyError, currency_exponent, round_div};

/// One amount per currency, sorted by currency code. Sums saturate at the 64-bit limits
/// (unreachable with deal amounts capped at 10^14 minor units and fewer than 90 000 deals per
/// total; saturating never panics nor wraps to a wrong sign).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Amounts(Vec<Money>);

/// Rates to one target currency: `to` per unit of each source currency, in millionths
/// ("1 USD = 0.921500 EUR" is `("USD", 921_500)` with target EUR).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Rates {
    /// The target currency, ISO 4217 upper case.
    pub to: String,
    /// `(source currency, micro-units of target per unit of source)`.
    pub per_unit_micro: Vec<(String, i64)>,
}

impl Amounts {
    /// Adds `minor` units of `currency`.
    pub fn add(&mut self, currency: &str, minor: i64) {
        // A linear scan: totals hold a handful of currencies, and equality is cheaper than order.
        if let Some(m) = self.0.iter_mut().find(|m| m.currency == currency) {
            m.amount_minor = m.amount_minor.saturating_add(minor);
            return;
        }
        let at = self.0.partition_point(|m| m.currency.as_str() < currency);
        self.0.insert(at, Money::new(minor, currency));
    }

    pub fn add_money(&mut self, m: &Money) {
        self.add(&m.currency, m.amount_minor);
    }

    /// Adds every amount of `other`.
    pub fn merge(&mut self, other: &Amounts) {
        for m in &other.0 {
            self.add_money(m);
        }
    }

    /// The amounts, sorted by currency.
    pub fn as_slice(&self) -> &[Money] {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The amount of `currency` in minor units (0 when absent).
    pub fn get(&self, currency: &str) -> i64 {
        (self.0.iter())
            .find(|m| m.currency == currency)
            .map_or(0, |m| m.amount_minor)
    }

    /// Everything converted to `rates.to` and summed; each currency's total is converted and
    /// rounded once (half away from zero). A currency without a rate is
    /// [`MoneyError::UnknownCurrency`].
    pub fn total_in(&self, rates: &Rates) -> Result<Money, MoneyError> {
        let mut total = Money::zero(&rates.to);
        for m in &self.0 {
            let converted = match m.currency == total.currency {
                true => m.clone(),
                false => {
                    let rate = (rates.per_unit_micro.iter())
                        .find(|(c, _)| *c == m.currency)
                        .map(|(_, r)| *r)
                        .ok_or(MoneyError::UnknownCurrency)?;
                    convert(m, &rates.to, rate)?
                }
            };
            total = total.checked_add(&converted)?;
        }
        Ok(total)
    }
}

/// `m` in currency `to` at `rate_micro` millionths of `to` per unit of `m`'s currency, in
/// `to`'s minor units, rounded once half away from zero (100,00 USD at 0.921500 is 92,15 EUR;
/// 10,00 EUR at 1 050.5 CLP is 10 505 CLP).
pub fn convert(m: &Money, to: &str, rate_micro: i64) -> Result<Money, MoneyError> {
    let from_exp = currency_exponent(&m.currency).ok_or(MoneyError::UnknownCurrency)?;
    let to_exp = currency_exponent(to).ok_or(MoneyError::UnknownCurrency)?;
    let mut num = i128::from(m.amount_minor) * i128::from(rate_micro);
    let mut den: i128 = 1_000_000;
    if to_exp >= from_exp {
        num *= 10i128.pow(to_exp - from_exp);
    } else {
        den *= 10i128.pow(from_exp - to_exp);
    }
    let minor = round_div(num, den).ok_or(MoneyError::Overflow)?;
    Ok(Money::new(minor, to))
}
