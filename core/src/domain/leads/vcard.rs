//! vCard 2.1, 3.0 and 4.0 (RFC 6350) as phones and mail clients export them: folded lines,
//! groups ("item1.EMAIL"), parameters with or without `TYPE=`, backslash escapes, and
//! QUOTED-PRINTABLE values (UTF-8 or Latin-1) with soft line breaks.

use super::super::input::AddressInput;
use super::capture::{add_note, country_code, split_person_name};
use super::input::LeadInput;

/// One content line: upper-case name without group, parameters, raw value.
struct Property {
    name: String,
    params: Vec<(String, String)>,
    value: String,
}

impl Property {
    fn param(&self, key: &str) -> Option<&str> {
        (self.params.iter())
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// `ENCODING=QUOTED-PRINTABLE`, or vCard 2.1's bare `QUOTED-PRINTABLE`.
    fn quoted_printable(&self) -> bool {
        let qp = |v: &str| v.eq_ignore_ascii_case("quoted-printable");
        self.param("ENCODING").is_some_and(qp)
            || self.params.iter().any(|(k, v)| k == "TYPE" && qp(v))
    }

    /// The value decoded: quoted-printable bytes read in the card's charset.
    fn text(&self) -> String {
        if !self.quoted_printable() {
            return self.value.clone();
        }
        let bytes = decode_qp(&self.value);
        let latin1 = (self.param("CHARSET")).is_some_and(|c| {
            ["ISO-8859-1", "WINDOWS-1252", "LATIN1"].contains(&c.to_ascii_uppercase().as_str())
        });
        match latin1 {
            true => bytes.iter().map(|&b| char::from(b)).collect(),
            false => String::from_utf8_lossy(&bytes).into_owned(),
        }
    }
}

/// Every card in `text` as a lead form to review (a file may hold several). Properties a lead
/// has no field for are skipped; a card without `BEGIN:VCARD` is read as one card.
pub fn parse_vcards(text: &str) -> Vec<LeadInput> {
    let mut out = Vec::new();
    let mut card: Option<LeadInput> = None;
    for line in unfold(text) {
        let Some(p) = parse_line(&line) else { continue };
        match p.name.as_str() {
            "BEGIN" if p.value.trim().eq_ignore_ascii_case("vcard") => {
                card = Some(LeadInput::default());
            }
            "END" if p.value.trim().eq_ignore_ascii_case("vcard") => out.extend(card.take()),
            _ => apply(card.get_or_insert_with(LeadInput::default), &p),
        }
    }
    out.extend(card);
    out.retain(|c| *c != LeadInput::default());
    out
}

/// Logical lines: a line starting with a space or tab continues the previous one (the space
/// dropped); a quoted-printable line ending in `=` continues on the next (soft break).
fn unfold(text: &str) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut soft_break = false;
    for raw in text.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l)) {
        let folded = raw.starts_with([' ', '\t']);
        match lines.last_mut() {
            Some(prev) if soft_break => prev.push_str(raw.trim_start()),
            Some(prev) if folded => prev.push_str(&raw[1..]),
            _ if raw.trim().is_empty() => {}
            _ => lines.push(raw.to_owned()),
        }
        soft_break = lines
            .last()
            .is_some_and(|l| is_qp_line(l) && l.ends_with('='));
        if soft_break && let Some(l) = lines.last_mut() {
            l.pop();
        }
    }
    lines
}

fn is_qp_line(line: &str) -> bool {
    let head = line.split(':').next().unwrap_or("");
    head.to_ascii_uppercase().contains("QUOTED-PRINTABLE")
}

/// Splits `[group.]NAME[;PARAM...]:value`, ignoring `:` and `;` inside quoted parameters.
fn parse_line(line: &str) -> Option<Property> {
    let mut in_quotes = false;
    let colon = line.char_indices().find_map(|(i, c)| {
        match c {
            '"' => in_quotes = !in_quotes,
            ':' if !in_quotes => return Some(i),
            _ => {}
        }
        None
    })?;
    let (head, value) = (&line[..colon], &line[colon + 1..]);
    let mut parts = split_outside_quotes(head, ';').into_iter();
    let name = parts.next()?;
    let name = name
        .rsplit('.')
        .next()
        .unwrap_or(&name)
        .trim()
        .to_ascii_uppercase();
    let params = parts
        .flat_map(|p| match p.split_once('=') {
            Some((k, v)) => (v.trim_matches('"').split(','))
                .map(|v| (k.trim().to_ascii_uppercase(), v.trim().to_owned()))
                .collect::<Vec<_>>(),
            None => vec![("TYPE".to_owned(), p.trim().to_owned())],
        })
        .collect();
    Some(Property {
        name,
        params,
        value: value.to_owned(),
    })
}

fn split_outside_quotes(s: &str, sep: char) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut in_quotes = false;
    for c in s.chars() {
        match c {
            '"' => in_quotes = !in_quotes,
            c if c == sep && !in_quotes => {
                out.push(String::new());
                continue;
            }
            _ => {}
        }
        if let Some(last) = out.last_mut() {
            last.push(c);
        }
    }
    out
}

/// "=C3=A9" → the bytes; malformed escapes are kept as typed.
fn decode_qp(s: &str) -> Vec<u8> {
    let b = s.as_bytes();
    let hex = |c: u8| char::from(c).to_digit(16);
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match (
            b[i],
            b.get(i + 1).and_then(|&c| hex(c)),
            b.get(i + 2).and_then(|&c| hex(c)),
        ) {
            (b'=', Some(h), Some(l)) => {
                out.push(u8::try_from(h * 16 + l).unwrap_or(b'?'));
                i += 3;
            }
            (c, _, _) => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

/// A value unescaped (`\n`, `\,`, `\;`, `\\`); with `structured`, split into its
/// components at unescaped `;`, each component's unescaped `,` (a list) read as a space.
fn unescape_parts(value: &str, structured: bool) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        let push = match c {
            '\\' => match chars.next() {
                Some('n' | 'N') => '\n',
                Some(e) => e,
                None => break,
            },
            ';' if structured => {
                out.push(String::new());
                continue;
            }
            ',' if structured => ' ',
            c => c,
        };
        if let Some(last) = out.last_mut() {
            last.push(push);
        }
    }
    let squash = |s: &String| s.split_whitespace().collect::<Vec<_>>().join(" ");
    match structured {
        true => out.iter().map(squash).collect(),
        false => out.iter().map(|s| s.trim().to_owned()).collect(),
    }
}

fn components(value: &str) -> Vec<String> {
    unescape_parts(value, true)
}

fn unescape(value: &str) -> String {
    unescape_parts(value, false).concat()
}

fn part(parts: &[String], i: usize) -> String {
    parts.get(i).cloned().unwrap_or_default()
}

fn apply(card: &mut LeadInput, p: &Property) {
    let text = p.text();
    match p.name.as_str() {
        "N" => {
            let c = components(&text);
            let given = [part(&c, 1), part(&c, 2)].join(" ").trim().to_owned();
            if !given.is_empty() || !part(&c, 0).is_empty() {
                (card.given_name, card.family_name) = (given, part(&c, 0));
            }
        }
        "FN" if card.given_name.is_empty() && card.family_name.is_empty() => {
            let (given, family) = split_person_name(&unescape(&text));
            (card.given_name, card.family_name) = (given, family);
        }
        "ORG" => card.company = part(&components(&text), 0),
        "TITLE" => card.job_title = unescape(&text),
        "ROLE" if card.job_title.is_empty() => card.job_title = unescape(&text),
        "TEL" => card.phones.push(phone_value(&unescape(&text))),
        "EMAIL" => card
            .emails
            .push(unescape(&text).trim_start_matches("mailto:").to_owned()),
        "URL" if card.website.is_empty() => card.website = unescape(&text),
        "ADR" if card.address == AddressInput::default() => {
            card.address = address(&components(&text))
        }
        "NOTE" => add_note(&mut card.notes, &unescape(&text)),
        "CATEGORIES" => card.tags = unescape(&text),
        _ => {}
    }
}

/// A `tel:` URI or a typed number, without its extension.
fn phone_value(v: &str) -> String {
    let v = v.trim();
    let v = v.strip_prefix("tel:").unwrap_or(v);
    v.split(";ext=").next().unwrap_or(v).trim().to_owned()
}

/// `ADR`: post office box; extended; street; locality; region; postal code; country.
fn address(c: &[String]) -> AddressInput {
    let street = [part(c, 2), part(c, 1)].join(" ").trim().to_owned();
    let country_raw = part(c, 6);
    AddressInput {
        street,
        city: part(c, 3),
        region: part(c, 4),
        postal_code: part(c, 5),
        country: country_code(&country_raw).unwrap_or_default(),
    }
}
