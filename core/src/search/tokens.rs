//! Splitting fields and queries into normalised words.

use super::normalize::normalize;
use crate::domain::phone::split_calling_code;

/// Calls `f` with every word the index keeps for one field: the field's alphanumeric runs
/// (so "jose.munoz@ejemplo.com" gives "jose", "munoz", "ejemplo", "com"), the whole of each
/// email (so a query typed up to the `@` and beyond matches), and for phone-like fields only
/// their digits, with and without the calling code ("+34 612 34 56 78" gives "34612345678"
/// and "612345678").
pub(crate) fn field_words(field: &str, mut f: impl FnMut(&str)) {
    let n = normalize(field);
    if is_phone_like(&n) {
        phone_words(&n, f);
        return;
    }
    for w in n
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        f(w);
    }
    for email in n.split_whitespace().filter(|c| c.contains('@')) {
        f(email);
    }
}

/// Digits, spaces and phone punctuation only, with at least six digits.
fn is_phone_like(s: &str) -> bool {
    let phone_char = |c: char| c.is_ascii_digit() || " +-.()/\u{a0}".contains(c);
    s.chars().all(phone_char) && s.bytes().filter(u8::is_ascii_digit).count() >= 6
}

fn phone_words(s: &str, mut f: impl FnMut(&str)) {
    let digits: String = s.chars().filter(char::is_ascii_digit).collect();
    f(&digits);
    let international = match digits.strip_prefix("00") {
        Some(rest) => Some(rest),
        None => s.trim_start().starts_with('+').then_some(digits.as_str()),
    };
    let Some(e164) = international else { return };
    if e164.len() != digits.len() {
        f(e164);
    }
    if let Some((code, national)) = split_calling_code(e164) {
        f(national);
        // Argentine mobiles are "+54 9 11 ..." in E.164 and "11 ..." in people's heads.
        if let Some(rest) = national.strip_prefix('9').filter(|_| code == "54") {
            f(rest);
        }
    }
}

/// The words of a query, normalised: alphanumeric runs, whole emails (a chunk with an `@`
/// inside), and digit runs joined across spaces and phone punctuation ("612 34-56" →
/// "6123456", so phone numbers match however they are typed) with an international "00"
/// dropped. Duplicates are removed.
pub(crate) fn query_words(query: &str) -> Vec<String> {
    let n = normalize(query);
    let mut words: Vec<String> = Vec::new();
    let mut last_digits = false;
    for chunk in n.split_whitespace() {
        if chunk.find('@').is_some_and(|at| at > 0) {
            words.push(chunk.to_owned());
            last_digits = false;
            continue;
        }
        for run in chunk
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
        {
            let digits = run.bytes().all(|b| b.is_ascii_digit());
            match words.last_mut() {
                Some(last) if digits && last_digits => last.push_str(run),
                _ => words.push(run.to_owned()),
            }
            last_digits = digits;
        }
    }
    for w in &mut words {
        if w.len() > 4 && w.starts_with("00") && w.bytes().all(|b| b.is_ascii_digit()) {
            w.drain(..2);
        }
    }
    let mut seen = Vec::with_capacity(words.len());
    words.retain(|w| {
        let new = !seen.contains(w);
        seen.push(w.clone());
        new
    });
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words_of(field: &str) -> Vec<String> {
        let mut out = Vec::new();
        field_words(field, |w| out.push(w.to_owned()));
        out
    }

    #[test]
    fn names_and_emails_split_into_words() {
        assert_eq!(words_of("José Muñoz-Peña"), ["jose", "munoz", "pena"]);
        assert_eq!(
            words_of("Jose.Munoz@Ejemplo.com"),
            ["jose", "munoz", "ejemplo", "com", "jose.munoz@ejemplo.com"]
        );
    }

    #[test]
    fn phones_keep_digits_with_and_without_calling_code() {
        assert_eq!(words_of("+34612345678"), ["34612345678", "612345678"]);
        assert_eq!(
            words_of("0034 612 34 56 78"),
            ["0034612345678", "34612345678", "612345678"]
        );
        assert_eq!(
            words_of("+54 9 11 1234 5678"),
            ["5491112345678", "91112345678", "1112345678"]
        );
        assert_eq!(words_of("612 34 56 78"), ["612345678"]);
        // Too few digits for a phone: ordinary words.
        assert_eq!(words_of("Calle 5, 28013"), ["calle", "5", "28013"]);
    }

    #[test]
    fn query_digit_groups_join_and_other_words_stay_apart() {
        assert_eq!(query_words("612 34"), ["61234"]);
        assert_eq!(query_words("+34 612-34"), ["3461234"]);
        assert_eq!(query_words("0034 612"), ["34612"]);
        assert_eq!(query_words("José 612 Muñoz"), ["jose", "612", "munoz"]);
        assert_eq!(query_words("jose.munoz@ejem"), ["jose.munoz@ejem"]);
        assert_eq!(query_words("@ejemplo"), ["ejemplo"]);
        assert_eq!(query_words("jo jo  JO"), ["jo"]);
        assert!(query_words("  ,. ").is_empty());
    }
}
