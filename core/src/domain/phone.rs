//! Phone numbers: normalisation to E.164 ("+34612345678") and grouping for display.
//!
//! A small table of the countries Cartera's customers call most (Spain, Latin America, the
//! neighbours) knows each national number's length and trunk prefix; other calling codes are
//! accepted with E.164's general length rule. This is deliberately not libphonenumber: its
//! metadata would weigh more than the rest of the app's wasm.

use thiserror::Error;

/// Why a typed phone number was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Error)]
pub enum PhoneError {
    /// Letters, a misplaced `+`, or a number no country uses.
    #[error("not a phone number")]
    Invalid,
    #[error("too few digits")]
    TooShort,
    #[error("too many digits")]
    TooLong,
    /// A national number, and the default country is not one the table knows.
    #[error("a national number without a known country")]
    NeedsCountryCode,
}

/// How one country's numbers look after its calling code.
struct Rule {
    iso: &'static str,
    code: &'static str,
    /// Length of the national significant number.
    min: usize,
    max: usize,
    /// Prefix dialled before national numbers and dropped in E.164 ("0" in France).
    trunk: &'static str,
    /// Digits a national significant number may start with; "" for any but 0.
    first: &'static str,
}

const fn rule(
    iso: &'static str,
    code: &'static str,
    min: usize,
    max: usize,
    trunk: &'static str,
) -> Rule {
    Rule {
        iso,
        code,
        min,
        max,
        trunk,
        first: "",
    }
}

/// Countries sharing a calling code: the first listed is used to split E.164 numbers.
const RULES: &[Rule] = &[
    Rule {
        first: "56789",
        ..rule("ES", "34", 9, 9, "")
    },
    rule("MX", "52", 10, 10, ""),
    Rule {
        first: "36",
        ..rule("CO", "57", 10, 10, "")
    },
    rule("AR", "54", 10, 11, "0"),
    Rule {
        first: "23456789",
        ..rule("CL", "56", 9, 9, "")
    },
    rule("PE", "51", 8, 9, "0"),
    Rule {
        first: "23456789",
        ..rule("US", "1", 10, 10, "1")
    },
    Rule {
        first: "23456789",
        ..rule("CA", "1", 10, 10, "1")
    },
    Rule {
        first: "8",
        ..rule("DO", "1", 10, 10, "1")
    },
    Rule {
        first: "79",
        ..rule("PR", "1", 10, 10, "1")
    },
    rule("EC", "593", 8, 9, "0"),
    rule("VE", "58", 10, 10, "0"),
    rule("UY", "598", 8, 8, "0"),
    rule("PY", "595", 9, 9, "0"),
    rule("BO", "591", 8, 8, "0"),
    rule("BR", "55", 10, 11, "0"),
    rule("CR", "506", 8, 8, ""),
    rule("PA", "507", 7, 8, ""),
    rule("GT", "502", 8, 8, ""),
    rule("SV", "503", 8, 8, ""),
    rule("HN", "504", 8, 8, ""),
    rule("NI", "505", 8, 8, ""),
    rule("CU", "53", 8, 8, "0"),
    rule("GQ", "240", 9, 9, ""),
    rule("AD", "376", 6, 9, ""),
    Rule {
        first: "29",
        ..rule("PT", "351", 9, 9, "")
    },
    rule("FR", "33", 9, 9, "0"),
    rule("IT", "39", 6, 11, ""),
    rule("DE", "49", 6, 13, "0"),
    rule("GB", "44", 9, 10, "0"),
    rule("IE", "353", 7, 9, "0"),
    rule("NL", "31", 9, 9, "0"),
    rule("BE", "32", 8, 9, "0"),
    rule("CH", "41", 9, 9, "0"),
    rule("MA", "212", 9, 9, "0"),
];

/// E.164 allows 15 digits including the calling code; fewer than 8 is no real number.
const E164_MIN: usize = 8;
const E164_MAX: usize = 15;

fn rule_for_country(iso: &str) -> Option<&'static Rule> {
    RULES
        .iter()
        .find(|r| r.iso.eq_ignore_ascii_case(iso.trim()))
}

fn rule_for_code(code: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.code == code)
}

/// The calling code of a country the table knows ("ES" → "34").
pub fn calling_code(country: &str) -> Option<&'static str> {
    rule_for_country(country).map(|r| r.code)
}

/// Splits E.164 digits (without `+`) into a known calling code and the national number
/// ("34612345678" → ("34", "612345678")).
pub fn split_calling_code(digits: &str) -> Option<(&str, &str)> {
    (1..=3)
        .filter_map(|n| digits.get(..n).filter(|c| rule_for_code(c).is_some()))
        .next()
        .map(|code| (code, &digits[code.len()..]))
}

/// Normalises a typed phone number to E.164 ("+34612345678"). Accepts spaces, non-breaking
/// spaces, `-`, `.`, `/` and parentheses between digits; `+` or `00` for an international
/// number; otherwise a national number of `default_country` (ISO alpha-2), with its trunk
/// prefix or not ("0 11 ..." in Argentina, "01 55 ..." in old Mexican style).
pub fn normalize_phone(raw: &str, default_country: &str) -> Result<String, PhoneError> {
    let (plus, digits) = digits_of(raw)?;
    if digits.len() > E164_MAX + 4 {
        return Err(PhoneError::TooLong);
    }
    if plus {
        international(&digits)
    } else if let Some(rest) = digits.strip_prefix("00") {
        international(rest)
    } else {
        national(&digits, default_country)
    }
}

/// The digits of `raw`, and whether it starts with `+`.
fn digits_of(raw: &str) -> Result<(bool, String), PhoneError> {
    let s = raw.trim();
    let (plus, rest) = match s.strip_prefix('+') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let mut digits = String::with_capacity(rest.len());
    for c in rest.chars() {
        match c {
            '0'..='9' => digits.push(c),
            ' ' | '\u{a0}' | '-' | '.' | '/' | '(' | ')' => {}
            _ => return Err(PhoneError::Invalid),
        }
    }
    if digits.is_empty() {
        return Err(PhoneError::Invalid);
    }
    Ok((plus, digits))
}

fn international(digits: &str) -> Result<String, PhoneError> {
    if digits.starts_with('0') {
        return Err(PhoneError::Invalid);
    }
    match split_calling_code(digits).and_then(|(code, nsn)| rule_for_code(code).map(|r| (r, nsn))) {
        Some((rule, nsn)) => finish(rule, international_nsn(rule, nsn)),
        None if digits.len() < E164_MIN => Err(PhoneError::TooShort),
        None if digits.len() > E164_MAX => Err(PhoneError::TooLong),
        None => Ok(format!("+{digits}")),
    }
}

/// Mexico's mobile "1" after +52 was retired in 2019 and is still typed: drop it.
fn international_nsn<'a>(rule: &Rule, nsn: &'a str) -> &'a str {
    match nsn.strip_prefix('1') {
        Some(rest) if rule.iso == "MX" && rest.len() == 10 => rest,
        _ => nsn,
    }
}

fn national(digits: &str, default_country: &str) -> Result<String, PhoneError> {
    let rule = rule_for_country(default_country).ok_or(PhoneError::NeedsCountryCode)?;
    let nsn = match rule.iso {
        "MX" => mexican_national(digits),
        "AR" => return finish(rule, &argentine_national(digits)),
        _ => match digits.strip_prefix(rule.trunk) {
            Some(rest) if !rule.trunk.is_empty() && rest.len() >= rule.min => rest,
            _ => digits,
        },
    };
    finish(rule, nsn)
}

/// Old Mexican dialling: "01" before landlines, "044"/"045" before mobiles.
fn mexican_national(digits: &str) -> &str {
    for prefix in ["044", "045", "01"] {
        if let Some(rest) = digits.strip_prefix(prefix).filter(|r| r.len() == 10) {
            return rest;
        }
    }
    digits
}

/// Argentina: trunk "0", and mobiles dialled as area + "15" + number, which E.164 writes as
/// "9" + area + number ("011 15 1234 5678" → "91112345678").
fn argentine_national(digits: &str) -> String {
    let d = digits.strip_prefix('0').unwrap_or(digits);
    if d.len() == 12 {
        for area in 2..=4 {
            if d.get(area..area + 2) == Some("15") {
                return format!("9{}{}", &d[..area], &d[area + 2..]);
            }
        }
    }
    d.to_owned()
}

fn finish(rule: &Rule, nsn: &str) -> Result<String, PhoneError> {
    if nsn.len() < rule.min {
        return Err(PhoneError::TooShort);
    }
    if nsn.len() > rule.max {
        return Err(PhoneError::TooLong);
    }
    let first = nsn.chars().next().unwrap_or('0');
    let allowed = if rule.first.is_empty() {
        first != '0'
    } else {
        rule.first.contains(first)
    };
    // Peru: nine digits are mobiles, which start with 9.
    let peru_ok = rule.iso != "PE" || nsn.len() == 8 || first == '9';
    if !allowed || !peru_ok {
        return Err(PhoneError::Invalid);
    }
    Ok(format!("+{}{nsn}", rule.code))
}

/// An E.164 number grouped for reading ("+34 612 34 56 78", "+52 55 1234 5678"); other text
/// is returned as is.
pub fn format_phone(e164: &str) -> String {
    let Some(digits) = e164
        .strip_prefix('+')
        .filter(|d| d.bytes().all(|b| b.is_ascii_digit()))
    else {
        return e164.to_owned();
    };
    let Some((code, nsn)) = split_calling_code(digits) else {
        return e164.to_owned();
    };
    let groups: &[usize] = match (code, nsn.len()) {
        ("34", 9) => &[3, 2, 2, 2],
        ("52", 10) | ("54", 10) => &[2, 4, 4],
        ("54", 11) => &[1, 2, 4, 4],
        ("56", 9) => &[1, 4, 4],
        ("51", 8) => &[1, 3, 4],
        ("57", 10) | ("1", 10) => &[3, 3, 4],
        _ => &[3, 3, 3, 3, 3],
    };
    let mut out = format!("+{code}");
    let mut rest = nsn;
    for &g in groups {
        if rest.is_empty() {
            break;
        }
        let (head, tail) = rest.split_at(g.min(rest.len()));
        out.push(' ');
        out.push_str(head);
        rest = tail;
    }
    if !rest.is_empty() {
        out.push_str(rest);
    }
    out
}
