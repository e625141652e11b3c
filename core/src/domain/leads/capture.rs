//! Capture: turning a pasted vCard or a business card's text into a pre-filled lead form for
//! the rep to check. Nothing pasted is lost: what is not recognised goes to the notes.

use super::names::{is_title, words};
use crate::search::normalize;

pub use super::card_text::parse_card_text;
pub use super::vcard::parse_vcards;

/// Words that make a second given name in Spanish ("María José", "Juan Carlos").
const SECOND_GIVEN: &[&str] = &[
    "jose",
    "maria",
    "luis",
    "carlos",
    "antonio",
    "manuel",
    "miguel",
    "angel",
    "jesus",
    "pablo",
    "fernando",
    "francisco",
    "javier",
    "ignacio",
    "alberto",
    "eugenia",
    "isabel",
    "fernanda",
    "elena",
    "teresa",
    "cristina",
    "andres",
    "eduardo",
    "alejandro",
    "alejandra",
    "guadalupe",
    "carmen",
    "pilar",
    "luisa",
    "ramon",
    "enrique",
    "rafael",
    "ana",
    "paula",
    "victoria",
    "sofia",
    "daniel",
    "david",
    "emilio",
    "felipe",
    "ines",
    "mercedes",
    "rosa",
    "lucia",
];

/// Particles that start a family name ("María de la Cruz").
const PARTICLES: &[&str] = &[
    "de", "del", "la", "las", "los", "y", "da", "dos", "van", "von",
];

/// Splits a full name as written on a card into given and family names, dropping courtesy
/// titles: "Lic. José Núñez Peña" → ("José", "Núñez Peña"), "María José Pérez" →
/// ("María José", "Pérez"), "Núñez Peña, José" → ("José", "Núñez Peña").
pub(crate) fn split_person_name(full: &str) -> (String, String) {
    if let Some((family, given)) = full.split_once(',') {
        return (strip_titles(given).join(" "), family.trim().to_owned());
    }
    let tokens = strip_titles(full);
    let second = tokens.get(1).map(|t| normalize(t)).unwrap_or_default();
    let given_len = match tokens.len() {
        0 | 1 => tokens.len(),
        2 => 1,
        _ if PARTICLES.contains(&second.as_str()) => 1,
        3 if SECOND_GIVEN.contains(&second.as_str()) => 2,
        3 => 1,
        n => n - 2,
    };
    let given = tokens[..given_len].join(" ");
    let family = tokens[given_len..].join(" ");
    (given, family)
}

/// The words of a name, courtesy titles at the start removed.
fn strip_titles(s: &str) -> Vec<String> {
    let mut tokens: Vec<String> = s.split_whitespace().map(str::to_owned).collect();
    while tokens.len() > 1 && tokens.first().is_some_and(|t| is_title(t)) {
        tokens.remove(0);
    }
    tokens
}

/// Country names as cards write them, folded, with their ISO codes.
const COUNTRIES: &[(&str, &str)] = &[
    ("espana", "ES"),
    ("spain", "ES"),
    ("mexico", "MX"),
    ("colombia", "CO"),
    ("argentina", "AR"),
    ("chile", "CL"),
    ("peru", "PE"),
    ("ecuador", "EC"),
    ("venezuela", "VE"),
    ("uruguay", "UY"),
    ("paraguay", "PY"),
    ("bolivia", "BO"),
    ("costa rica", "CR"),
    ("panama", "PA"),
    ("guatemala", "GT"),
    ("republica dominicana", "DO"),
    ("portugal", "PT"),
    ("francia", "FR"),
    ("france", "FR"),
    ("estados unidos", "US"),
    ("united states", "US"),
    ("usa", "US"),
    ("brasil", "BR"),
    ("brazil", "BR"),
];

/// The ISO code of a country as written ("México", "spain", "es"); `None` when unknown.
pub(crate) fn country_code(raw: &str) -> Option<String> {
    let w = words(raw).join(" ");
    if w.len() == 2 && w.bytes().all(|b| b.is_ascii_lowercase()) {
        return Some(w.to_ascii_uppercase());
    }
    COUNTRIES
        .iter()
        .find(|(n, _)| *n == w)
        .map(|(_, c)| (*c).to_owned())
}

/// Country-code top-level domains of the countries whose phone numbers Cartera reads.
const CC_TLDS: &[&str] = &[
    "es", "mx", "co", "ar", "cl", "pe", "ec", "ve", "uy", "py", "bo", "cr", "pa", "gt", "sv", "hn",
    "ni", "do", "pt", "fr", "it", "de", "br",
];

/// The country of a mail or web domain's country-code ending ("acerosnorte.mx" → "MX"),
/// used to read national phone numbers printed on the same card.
pub(crate) fn country_of_domain(host: &str) -> Option<String> {
    let tld = host
        .trim()
        .trim_end_matches('/')
        .rsplit('.')
        .next()?
        .to_ascii_lowercase();
    CC_TLDS
        .contains(&tld.as_str())
        .then(|| tld.to_ascii_uppercase())
}

/// Appends a line to notes.
pub(crate) fn add_note(notes: &mut String, line: &str) {
    let line = line.trim();
    if line.is_empty() {
        return;
    }
    if !notes.is_empty() {
        notes.push('\n');
    }
    notes.push_str(line);
}
