//! Business-card text (typed, pasted, or from the phone's text recognition): emails, web
//! addresses, phones and tax ids by their shape; the name, job title, company and address by
//! their words. Lines nothing claims go to the notes.

use super::super::input::AddressInput;
use super::super::tax_id::normalize_tax_id;
use super::super::validate::{normalize_email, normalize_website};
use super::capture::{add_note, country_code, country_of_domain, split_person_name};
use super::input::LeadInput;
use super::names::{has_legal_form, is_title, listed, words};

/// Words that label a value on a card ("Tel.", "E-mail:", "Móvil").
const LABELS: &str = concat!(
    "tel telefono telefonos tlf tfno movil cel celular phone mobile mob m t e w email ",
    "mail correo web sitio oficina office directo whatsapp wa ext fijo conmutador pbx y o"
);

/// Tax id labels, folded: the value follows.
const TAX_LABELS: &str = "nif cif rfc nit rut cuit ruc";

/// Word stems of job titles, matched at the start of a word ("director" → "Directora").
const JOB_STEMS: &str = concat!(
    "director subdirector gerent ejecutiv coordinad consultor asesor ingenier administrad ",
    "supervis especialist tecnic fundad cofundad presiden vicepresiden represent encargad ",
    "delegad propietari desarroll analist responsab vendedor manager engineer develop ",
    "chief"
);

/// Whole words of job titles.
const JOB_WORDS: &str = concat!(
    "jefe jefa ceo cto cfo coo cio cmo vp head officer partner founder owner lead sales ",
    "ventas compras marketing socio socia agente account comercial"
);

/// Words that name companies.
const COMPANY_WORDS: &str = concat!(
    "grupo group corporacion corporativo corporation industrias industrial compania ",
    "company sociedad asociados holding consulting consultores solutions soluciones ",
    "sistemas systems technologies tecnologias laboratorios constructora inmobiliaria ",
    "distribuidora distribuciones comercializadora importadora exportadora servicios ",
    "ingenieria hotel banco universidad instituto fundacion clinica hospital farmacia ",
    "logistica transportes editorial abogados despacho agencia seguros"
);

/// First words of street addresses ("C/", "Av.", "Calle", "Col.").
const STREET_WORDS: &str = concat!(
    "c calle avenida av avda paseo plaza pza carrera cra cl calzada calz blvd boulevard ",
    "bulevar camino carretera ctra col colonia piso planta edificio poligono urbanizacion ",
    "urb ronda travesia street st road rd ave avenue suite"
);

/// Top-level domains a bare web address on a card ends with ("acerosnorte.mx").
const WEB_TLDS: &str = concat!(
    "com net org info biz io app dev tech online shop store eu cat gal eus es mx co ar cl ",
    "pe ec ve uy py bo cr pa gt sv hn ni do pt fr it de br uk us"
);

/// What a line of text (emails, webs and phones taken out) is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Name,
    NameLike,
    Job,
    Company,
    Street,
    PostalCity,
    Country,
    Other,
}

/// The lead form read from a business card's text. National phone numbers are read later, at
/// validation, in the country of the card's mail or web domain when it has a country ending.
pub fn parse_card_text(text: &str) -> LeadInput {
    let mut card = LeadInput::default();
    let mut lines: Vec<String> = Vec::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if words(line).first().is_some_and(|w| w == "fax") {
            add_note(&mut card.notes, line);
            continue;
        }
        let rest = take_tax_id(line, &mut card);
        let rest = take_web_and_mail(&rest, &mut card);
        let rest = take_phones(&rest, &mut card);
        if !words(&rest).iter().all(|w| listed(LABELS, w)) {
            lines.push(
                rest.trim_matches(|c: char| c.is_whitespace() || ",;:|-".contains(c))
                    .to_owned(),
            );
        }
    }
    let kinds: Vec<Kind> = lines.iter().map(|l| kind(l)).collect();
    assign(&mut card, &lines, &kinds);
    if card.address.country.is_empty() {
        let domain = (card.emails.first())
            .and_then(|e| e.rsplit_once('@').map(|(_, d)| d.to_owned()))
            .or_else(|| Some(card.website.clone()).filter(|w| !w.is_empty()));
        card.address.country = domain
            .and_then(|d| country_of_domain(&d))
            .unwrap_or_default();
    }
    card
}

/// "NIF: B12345678", "RFC ANO850101XY1": the tax id is taken, the rest returned.
fn take_tax_id(line: &str, card: &mut LeadInput) -> String {
    let tokens: Vec<&str> = line.split_whitespace().collect();
    let label = (tokens.iter()).position(|t| {
        let w = words(t);
        w.len() == 1 && listed(TAX_LABELS, &w[0])
    });
    match label.and_then(|i| tokens.get(i + 1).map(|v| (i, v))) {
        Some((i, v)) if card.tax_id.is_empty() => {
            card.tax_id = normalize_tax_id(v.trim_matches(|c: char| !c.is_alphanumeric()));
            let mut rest = tokens.clone();
            rest.drain(i..=i + 1);
            rest.join(" ")
        }
        _ => line.to_owned(),
    }
}

/// Takes emails and web addresses out of `line`, returning what is left.
fn take_web_and_mail(line: &str, card: &mut LeadInput) -> String {
    let mut kept: Vec<&str> = Vec::new();
    for token in line.split_whitespace() {
        let t = clean_token(token);
        if t.contains('@') && normalize_email(&t).is_some() {
            card.emails.push(t);
        } else if is_web(&t) {
            match card.website.is_empty() {
                true => card.website = t,
                false => add_note(&mut card.notes, &t),
            }
        } else {
            kept.push(token);
        }
    }
    kept.join(" ")
}

/// A token without surrounding punctuation or a "mailto:"/"web:"-style label.
fn clean_token(token: &str) -> String {
    let t = token.trim_matches(|c: char| "()<>[],;\"'".contains(c));
    let t = t.trim_end_matches('.');
    let t = match t.split_once(':') {
        Some((label, v)) if !v.starts_with("//") && listed(LABELS, &words(label).concat()) => v,
        Some(("mailto", v)) => v,
        _ => t,
    };
    t.to_owned()
}

fn is_web(t: &str) -> bool {
    let lower = t.to_lowercase();
    let explicit =
        lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("www.");
    let tld_ok = (lower.split(['/', '?']).next())
        .and_then(|host| host.rsplit('.').next().map(|tld| listed(WEB_TLDS, tld)))
        .unwrap_or(false);
    !t.contains('@')
        && (explicit || (lower.contains('.') && tld_ok))
        && normalize_website(t).is_some()
}

/// Takes phone numbers (runs of digits, spaces, `+ ( ) - .` with at least seven digits, not
/// glued to a word) out of `line`, returning what is left.
fn take_phones(line: &str, card: &mut LeadInput) -> String {
    let is_phone_char = |c: char| c.is_ascii_digit() || "+()-. \u{a0}".contains(c);
    let chars: Vec<char> = line.chars().collect();
    let mut rest = String::new();
    let mut i = 0;
    while i < chars.len() {
        if !is_phone_char(chars[i]) {
            rest.push(chars[i]);
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && is_phone_char(chars[i]) {
            i += 1;
        }
        let run: String = chars[start..i].iter().collect();
        let glued =
            start > 0 && chars[start - 1].is_alphanumeric() && chars[start].is_ascii_digit();
        let digits = run.chars().filter(char::is_ascii_digit).count();
        let number =
            run.trim_start_matches(|c: char| !(c.is_ascii_digit() || c == '+' || c == '('));
        let number = number.trim_end_matches(|c: char| !c.is_ascii_digit());
        if digits >= 7 && !glued {
            card.phones.push(number.to_owned());
            rest.push(' ');
        } else {
            rest.push_str(&run);
        }
    }
    rest
}

fn kind(line: &str) -> Kind {
    let w = words(line);
    let first = w.first().map(String::as_str).unwrap_or("");
    let job = w.iter().any(|x| is_job_word(x));
    let company = w.iter().any(|x| listed(COMPANY_WORDS, x));
    if has_legal_form(line) {
        Kind::Company
    } else if titled_name(line) {
        Kind::Name
    } else if job && (!company || is_job_word(first)) {
        Kind::Job
    } else if company {
        Kind::Company
    } else if listed(STREET_WORDS, first) || line.to_lowercase().starts_with("c/") {
        Kind::Street
    } else if postal_city(line).is_some() {
        Kind::PostalCity
    } else if country_code(line).is_some() && !line.contains(' ') {
        Kind::Country
    } else if name_like(line) {
        Kind::NameLike
    } else {
        Kind::Other
    }
}

/// "Lic. José Núñez": a title, then words without digits ("C.P. 64000" is a postal code).
fn titled_name(line: &str) -> bool {
    let mut tokens = line.split_whitespace();
    tokens.next().is_some_and(is_title)
        && tokens.next().is_some()
        && !line.chars().any(|c| c.is_ascii_digit())
}

fn is_job_word(w: &str) -> bool {
    listed(JOB_WORDS, w) || JOB_STEMS.split(' ').any(|s| w.starts_with(s))
}

/// Two to five capitalised words (particles aside) without digits.
fn name_like(line: &str) -> bool {
    let tokens: Vec<&str> = line.split_whitespace().collect();
    (2..=5).contains(&tokens.len())
        && !line.chars().any(|c| c.is_ascii_digit())
        && tokens.iter().all(|t| {
            let lower = t.to_lowercase();
            ["de", "del", "la", "las", "los", "y"].contains(&lower.as_str())
                || t.chars().next().is_some_and(char::is_uppercase)
        })
}

/// "28013 Madrid", "C.P. 64000 Monterrey, N.L.": the postal code and the city.
fn postal_city(line: &str) -> Option<(String, String)> {
    let l = line.trim();
    let l = ["C.P.", "CP", "C.P"]
        .iter()
        .find_map(|p| l.strip_prefix(p))
        .unwrap_or(l)
        .trim_start();
    let code: String = l.chars().take_while(char::is_ascii_digit).collect();
    let rest = l[code.len()..].trim_start_matches([' ', ',', '-']).trim();
    ((4..=5).contains(&code.len()) && !rest.starts_with(|c: char| c.is_ascii_digit()))
        .then(|| (code, rest.to_owned()))
}

/// Gives each line to its field: the first of each kind wins, the rest go to the notes; a
/// capitalised line is the name when no titled name was found, and the company when none was.
fn assign(card: &mut LeadInput, lines: &[String], kinds: &[Kind]) {
    let has = |k: Kind| kinds.contains(&k);
    let mut name_taken = false;
    let mut company_taken = false;
    for (line, &k) in lines.iter().zip(kinds) {
        let fresh_name =
            !name_taken && (k == Kind::Name || (k == Kind::NameLike && !has(Kind::Name)));
        if fresh_name {
            (card.given_name, card.family_name) = split_person_name(line);
            name_taken = true;
        } else if !company_taken
            && (k == Kind::Company || (k == Kind::NameLike && !has(Kind::Company)))
        {
            card.company = line.clone();
            company_taken = true;
        } else if k == Kind::Job && card.job_title.is_empty() {
            card.job_title = line.clone();
        } else if !address_line(&mut card.address, line, k) {
            add_note(&mut card.notes, line);
        }
    }
}

/// Fills the address from a street, postal-code-and-city or country line; false when the
/// line is not one or the part is already filled.
fn address_line(a: &mut AddressInput, line: &str, k: Kind) -> bool {
    match k {
        Kind::Street if a.street.is_empty() => a.street = line.to_owned(),
        Kind::PostalCity if a.postal_code.is_empty() => {
            let Some((code, city)) = postal_city(line) else {
                return false;
            };
            let (city, country) = match city.rsplit_once(',') {
                Some((c, tail)) if country_code(tail).is_some() => {
                    (c.trim().to_owned(), country_code(tail))
                }
                _ => (city, None),
            };
            (a.postal_code, a.city) = (code, city);
            a.country = country.unwrap_or_default();
        }
        Kind::Country if a.country.is_empty() => a.country = country_code(line).unwrap_or_default(),
        _ => return false,
    }
    true
}
