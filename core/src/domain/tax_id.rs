//! Spanish tax ids (NIF, NIE, CIF) and their control characters.

/// The kind of a valid Spanish tax id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SpanishTaxId {
    /// A Spanish national's DNI/NIF ("12345678Z"), or a K/L/M NIF.
    Nif,
    /// A foreigner's NIE ("X1234567L").
    Nie,
    /// A legal entity's NIF, still called CIF ("B12345674").
    Cif,
}

const NIF_LETTERS: &[u8; 23] = b"TRWAGMYFPDXBNJZSQVHLCKE";
const CIF_LETTERS: &[u8; 10] = b"JABCDEFGHI";

/// Upper case without spaces, dots, hyphens or slashes ("b-12.345.678" → "B12345678").
pub fn normalize_tax_id(raw: &str) -> String {
    raw.chars()
        .filter(|c| !matches!(c, ' ' | '.' | '-' | '/'))
        .flat_map(char::to_uppercase)
        .collect()
}

/// The kind of `id` when it is a Spanish tax id whose control character matches. Takes the
/// form of [`normalize_tax_id`]; an "ES" VAT prefix is allowed.
pub fn check_spanish_tax_id(id: &str) -> Option<SpanishTaxId> {
    let id = id
        .strip_prefix("ES")
        .filter(|rest| rest.len() == 9)
        .unwrap_or(id);
    let b = id.as_bytes();
    if b.len() != 9 {
        return None;
    }
    let (first, middle, last) = (b[0], &b[1..8], b[8]);
    if !middle.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let number = |lead: u32| {
        middle
            .iter()
            .fold(lead, |n, d| n * 10 + u32::from(d - b'0'))
    };
    match first {
        b'0'..=b'9' => {
            (nif_letter(number(u32::from(first - b'0'))) == last).then_some(SpanishTaxId::Nif)
        }
        b'X' | b'Y' | b'Z' => {
            (nif_letter(number(u32::from(first - b'X'))) == last).then_some(SpanishTaxId::Nie)
        }
        b'K' | b'L' | b'M' => (nif_letter(number(0)) == last).then_some(SpanishTaxId::Nif),
        b'A'..=b'W' => cif_ok(first, middle, last).then_some(SpanishTaxId::Cif),
        _ => None,
    }
}

fn nif_letter(n: u32) -> u8 {
    NIF_LETTERS[(n % 23) as usize]
}

/// The CIF check value of seven digits: digits in odd positions doubled (digit sum), even
/// ones added, ten minus the last digit of the total.
fn cif_check(digits: &[u8]) -> usize {
    let sum: u32 = digits
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let d = u32::from(d - b'0');
            if i % 2 == 0 {
                (d * 2) / 10 + (d * 2) % 10
            } else {
                d
            }
        })
        .sum();
    ((10 - sum % 10) % 10) as usize
}

/// The control is a letter for public bodies and foreign or non-resident entities, a digit for
/// companies (A, B), and either for the rest.
fn cif_ok(kind: u8, digits: &[u8], control: u8) -> bool {
    if !b"ABCDEFGHJNPQRSUVW".contains(&kind) {
        return false;
    }
    let check = cif_check(digits);
    let (digit, letter) = (b"0123456789"[check], CIF_LETTERS[check]);
    match kind {
        b'P' | b'Q' | b'R' | b'S' | b'W' | b'N' => control == letter,
        b'A' | b'B' | b'E' | b'H' => control == digit,
        _ => control == digit || control == letter,
    }
}

/// A valid CIF of a company (`kind` 'A' or 'B') with the last seven digits of `number`.
pub(crate) fn company_cif(kind: char, number: u32) -> String {
    let digits = format!("{:07}", number % 10_000_000);
    let control = char::from(b"0123456789"[cif_check(digits.as_bytes())]);
    format!("{kind}{digits}{control}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_ids_of_each_kind_pass() {
        assert_eq!(check_spanish_tax_id("12345678Z"), Some(SpanishTaxId::Nif));
        assert_eq!(check_spanish_tax_id("00000000T"), Some(SpanishTaxId::Nif));
        assert_eq!(check_spanish_tax_id("X1234567L"), Some(SpanishTaxId::Nie));
        assert_eq!(check_spanish_tax_id("Y1234567X"), Some(SpanishTaxId::Nie));
        assert_eq!(check_spanish_tax_id("B12345674"), Some(SpanishTaxId::Cif));
        assert_eq!(check_spanish_tax_id("A58818501"), Some(SpanishTaxId::Cif));
        assert_eq!(check_spanish_tax_id("Q2826000H"), Some(SpanishTaxId::Cif));
        assert_eq!(check_spanish_tax_id("ESB12345674"), Some(SpanishTaxId::Cif));
        assert_eq!(
            check_spanish_tax_id(&normalize_tax_id("b-12.345.674")),
            Some(SpanishTaxId::Cif)
        );
    }

    #[test]
    fn generated_company_cifs_pass() {
        for n in [0, 1, 1_234_567, 9_999_999, 4_294_967_295] {
            assert_eq!(
                check_spanish_tax_id(&company_cif('B', n)),
                Some(SpanishTaxId::Cif),
                "{n}"
            );
        }
    }

    #[test]
    fn wrong_control_characters_and_shapes_fail() {
        for bad in [
            "12345678A",
            "X1234567A",
            "B12345670",
            "Q2826000A",
            "1234567Z",
            "",
            "ÑÑÑ",
            "I12345674",
        ] {
            assert_eq!(check_spanish_tax_id(bad), None, "{bad}");
        }
    }
}
