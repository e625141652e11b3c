//! Minor-unit arithmetic shared by the sales totals.

use super::super::money::round_div;

/// `minor × num / den` rounded once, half away from zero; saturates instead of overflowing
/// (only reachable with `num > den`), 0 when `den` is 0. Stays in 64 bits when the product
/// fits (every deal amount times a percentage does), which keeps 50 000-deal totals fast.
pub(crate) fn ratio_minor(minor: i64, num: i64, den: i64) -> i64 {
    if den == 0 {
        return 0;
    }
    let fits = minor.checked_mul(num);
    let split = fits.and_then(|e| Some((e, e.checked_div(den)?, e.checked_rem(den)?)));
    if let Some((exact, q, r)) = split {
        // |r| >= |den| - |r| (that is |2r| >= |den|, without overflow): at least one half,
        // so step away from zero.
        return match r.unsigned_abs() >= den.unsigned_abs() - r.unsigned_abs() {
            false => q,
            true if (exact < 0) != (den < 0) => q - 1,
            true => q + 1,
        };
    }
    let exact = i128::from(minor) * i128::from(num);
    round_div(exact, i128::from(den)).unwrap_or(match (exact < 0) == (den < 0) {
        true => i64::MAX,
        false => i64::MIN,
    })
}
