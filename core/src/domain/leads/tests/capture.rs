//! Capture from vCards and business-card text, then validation as the form would.

use super::*;

const VCARD_3: &str = "BEGIN:VCARD\r\n\
VERSION:3.0\r\n\
N:Núñez Peña;José;;Lic.;\r\n\
FN:Lic. José Núñez Peña\r\n\
ORG:Aceros del Norte\\, S.A. de C.V.;Ventas\r\n\
TITLE:Director Comercial\r\n\
TEL;TYPE=WORK,VOICE:+52 81 8123 4567\r\n\
TEL;TYPE=CELL:+52 1 81 1234 5678\r\n\
EMAIL;TYPE=INTERNET,WORK:jose.nunez@acerosnorte.mx\r\n\
item1.EMAIL;TYPE=INTERNET:jnunez@gmail.com\r\n\
ADR;TYPE=WORK:;;Av. Constitución 405 Pte.;Monterrey;Nuevo León;64000;México\r\n\
NOTE:Conocido en la feria Expo Acero 2026. Interesado en placa de acero \r\n\x20y perfiles\\, pedido anual.\r\n\
URL:https://www.acerosnorte.mx\r\n\
END:VCARD\r\n";

#[test]
fn a_vcard_3_fills_name_company_title_phones_emails_and_address() {
    let cards = parse_vcards(VCARD_3);
    assert_eq!(cards.len(), 1);
    let c = &cards[0];
    assert_eq!(
        (c.given_name.as_str(), c.family_name.as_str()),
        ("José", "Núñez Peña")
    );
    assert_eq!(c.company, "Aceros del Norte, S.A. de C.V.");
    assert_eq!(c.job_title, "Director Comercial");
    assert_eq!(c.phones, ["+52 81 8123 4567", "+52 1 81 1234 5678"]);
    assert_eq!(c.emails, ["jose.nunez@acerosnorte.mx", "jnunez@gmail.com"]);
    assert_eq!(c.address.city, "Monterrey");
    assert_eq!(c.address.region, "Nuevo León");
    assert_eq!(c.address.postal_code, "64000");
    assert_eq!(c.address.country, "MX");
    assert_eq!(c.website, "https://www.acerosnorte.mx");
    // The folded note is one line again, its escaped comma a comma.
    assert_eq!(
        c.notes,
        "Conocido en la feria Expo Acero 2026. Interesado en placa de acero y perfiles, pedido anual."
    );
}

#[test]
fn a_captured_vcard_saves_with_phones_in_international_form() {
    let mut input = parse_vcards(VCARD_3).remove(0);
    input.source = "event".into();
    let lead = saved("l1", input);
    // The retired Mexican mobile "1" is dropped, so both numbers dial.
    assert_eq!(lead.phones, ["+528181234567", "+528112345678"]);
    assert_eq!(lead.source, LeadSource::Event);
    assert_eq!(lead.status, LeadStatus::New);
}

#[test]
fn a_vcard_4_with_tel_uris_and_only_fn_splits_the_name() {
    let text = "BEGIN:VCARD\nVERSION:4.0\nFN:María José Pérez\n\
TEL;VALUE=uri;TYPE=\"voice,work\":tel:+34-91-123-45-67;ext=204\n\
TEL;VALUE=uri;TYPE=cell:tel:+34612345678\nEMAIL:mjperez@logistica-iberica.es\n\
ORG:Logística Ibérica S.L.\nEND:VCARD\n";
    let c = &parse_vcards(text)[0];
    assert_eq!(c.given_name, "María José");
    assert_eq!(c.family_name, "Pérez");
    assert_eq!(c.phones, ["+34-91-123-45-67", "+34612345678"]);
    assert_eq!(c.company, "Logística Ibérica S.L.");
}

#[test]
fn a_file_with_several_cards_gives_one_form_each() {
    let text = "BEGIN:VCARD\nVERSION:3.0\nN:García;Ana;;;\nEMAIL:ana@a.es\nEND:VCARD\n\
BEGIN:VCARD\nVERSION:3.0\nN:Ruiz;Pedro;;;\nTEL:600111222\nEND:VCARD\n";
    let cards = parse_vcards(text);
    let names: Vec<&str> = cards.iter().map(|c| c.given_name.as_str()).collect();
    assert_eq!(names, ["Ana", "Pedro"]);
}

#[test]
fn a_vcard_2_1_in_quoted_printable_reads_accents_and_soft_breaks() {
    let text = "BEGIN:VCARD\r\nVERSION:2.1\r\n\
N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Ib=C3=A1=C3=B1ez;=C3=8D=C3=B1igo;;;\r\n\
TEL;WORK;VOICE:944 123 456\r\n\
NOTE;ENCODING=QUOTED-PRINTABLE:Llamar despu=C3=A9s de las 16h, pregunta por la =\r\n\
l=C3=ADnea de calderas\r\n\
ORG;CHARSET=ISO-8859-1;QUOTED-PRINTABLE:Calefacci=F3n Bilbao\r\n\
END:VCARD\r\n";
    let c = &parse_vcards(text)[0];
    assert_eq!(
        (c.given_name.as_str(), c.family_name.as_str()),
        ("Íñigo", "Ibáñez")
    );
    assert_eq!(
        c.notes,
        "Llamar después de las 16h, pregunta por la línea de calderas"
    );
    assert_eq!(c.company, "Calefacción Bilbao");
    assert_eq!(c.phones, ["944 123 456"]);
}

#[test]
fn text_that_is_no_vcard_gives_no_form() {
    assert!(parse_vcards("hola, esto no es una tarjeta").is_empty());
    assert!(parse_vcards("").is_empty());
}

const CARD_MX: &str = "Lic. José Núñez Peña\nDirector Comercial\nAceros del Norte S.A. de C.V.\n\
Tel. (81) 8123 4567\njose.nunez@acerosnorte.mx";

#[test]
fn a_spanish_business_card_fills_the_form() {
    let c = parse_card_text(CARD_MX);
    assert_eq!(c.given_name, "José");
    assert_eq!(c.family_name, "Núñez Peña");
    assert_eq!(c.job_title, "Director Comercial");
    assert_eq!(c.company, "Aceros del Norte S.A. de C.V.");
    assert_eq!(c.phones, ["(81) 8123 4567"]);
    assert_eq!(c.emails, ["jose.nunez@acerosnorte.mx"]);
    // The .mx mail domain tells how to read the national phone number.
    assert_eq!(c.address.country, "MX");
    assert_eq!(c.notes, "");
}

#[test]
fn a_captured_card_saves_without_edits() {
    let lead = saved("l1", parse_card_text(CARD_MX));
    assert_eq!(lead.phones, ["+528181234567"]);
    assert_eq!(lead.display_name(), "José Núñez Peña");
}

#[test]
fn a_card_with_labels_web_address_tax_id_and_fax_keeps_everything() {
    let text = "Marta Gil Ortega\nResponsable de Compras\nGrupo Hostelero Levante\n\
C/ Colón 14, 3º\n46004 Valencia\nMóvil: 612 34 56 78 / Tel: 963 123 456\n\
Fax 963 123 457\nE-mail: marta.gil@hostelerolevante.es  www.hostelerolevante.es\n\
CIF B12345674\nSíguenos en redes";
    let c = parse_card_text(text);
    assert_eq!(
        (c.given_name.as_str(), c.family_name.as_str()),
        ("Marta", "Gil Ortega")
    );
    assert_eq!(c.job_title, "Responsable de Compras");
    assert_eq!(c.company, "Grupo Hostelero Levante");
    assert_eq!(c.phones, ["612 34 56 78", "963 123 456"]);
    assert_eq!(c.emails, ["marta.gil@hostelerolevante.es"]);
    assert_eq!(c.website, "www.hostelerolevante.es");
    assert_eq!(c.tax_id, "B12345674");
    assert_eq!(c.address.street, "C/ Colón 14, 3º");
    assert_eq!(
        (c.address.postal_code.as_str(), c.address.city.as_str()),
        ("46004", "Valencia")
    );
    assert_eq!(c.address.country, "ES");
    // The fax and the line nobody claims are kept in the notes, not dropped.
    assert_eq!(c.notes, "Fax 963 123 457\nSíguenos en redes");
}

#[test]
fn a_card_without_title_takes_the_first_capitalised_line_as_the_name() {
    let text = "Carlos Andrés Restrepo\nGerente General\nTostadores Andinos\n\
+57 310 555 1234\ncarlos@tostadoresandinos.co";
    let c = parse_card_text(text);
    assert_eq!(
        (c.given_name.as_str(), c.family_name.as_str()),
        ("Carlos Andrés", "Restrepo")
    );
    assert_eq!(c.company, "Tostadores Andinos");
    assert_eq!(c.job_title, "Gerente General");
    assert_eq!(c.phones, ["+57 310 555 1234"]);
}

#[test]
fn a_mexican_card_with_an_address_reads_postal_code_city_and_country() {
    let text = "Ing. Laura Treviño\nGerente de Planta\nPlásticos Regios\nAv. Constitución 405 Pte.\n\
C.P. 64000 Monterrey, México\nCel. 81 1234 5678\nlaura@plasticosregios.com";
    let c = parse_card_text(text);
    assert_eq!(
        (c.given_name.as_str(), c.family_name.as_str()),
        ("Laura", "Treviño")
    );
    assert_eq!(c.job_title, "Gerente de Planta");
    assert_eq!(c.company, "Plásticos Regios");
    assert_eq!(c.address.street, "Av. Constitución 405 Pte.");
    assert_eq!(
        (c.address.postal_code.as_str(), c.address.city.as_str()),
        ("64000", "Monterrey")
    );
    assert_eq!(c.address.country, "MX");
    let lead = saved("l1", c);
    assert_eq!(lead.phones, ["+528112345678"]);
}

#[test]
fn broken_or_odd_pastes_never_crash_capture() {
    let odd = [
        "BEGIN:VCARD\nN:;;;;\nTEL;VALUE=uri:tel:\nEMAIL\n:\n;;;\nEND:VCARD",
        "BEGIN:VCARD\nNOTE;ENCODING=QUOTED-PRINTABLE:=C3=\n=\n=ZZ=\nEND:VCARD",
        "BEGIN:VCARD\nORG:\\\nADR:;;;;;;;;;;\n \tfolded into nothing\n",
        " leading fold\n\tand tab",
        "Lic.\nC.P.\nNIF\n+\n((((((((\n@\nwww.\nñ ñ ñ ñ ñ ñ\n12345678901234567890123",
        "日本語の名刺\n電話 03-1234-5678\nméxico",
    ];
    for text in odd {
        let _ = parse_vcards(text);
        let card = parse_card_text(text);
        // Whatever was recognised, validation answers with codes rather than a crash.
        let _ = validate_lead(&card, "ES");
    }
}
