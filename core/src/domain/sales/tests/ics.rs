use super::*;
use crate::domain::sales::escape_text;

#[test]
fn text_is_escaped() {
    assert_eq!(
        escape_text(r"Visita; cliente, Sr. Pérez \ notas"),
        r"Visita\; cliente\, Sr. Pérez \\ notas"
    );
    assert_eq!(
        escape_text("línea 1\r\nlínea 2\nlínea 3\rfin"),
        r"línea 1\nlínea 2\nlínea 3\nfin"
    );
    assert_eq!(escape_text("sin\u{7}control"), "sincontrol");
}

/// The agenda below, unfolded.
const EXPECTED: [&str; 25] = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Cartera//Cartera CRM//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    // The day-only task sorts at midnight UTC of its day, before the 22:00 visit.
    "BEGIN:VEVENT",
    "UID:t1@cartera",
    "DTSTAMP:20260330T070500Z",
    "DTSTART;VALUE=DATE:20260331",
    "DTEND;VALUE=DATE:20260401",
    "SUMMARY:Subject t1",
    "LAST-MODIFIED:20260101T080000Z",
    "END:VEVENT",
    "BEGIN:VEVENT",
    "UID:0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b@cartera",
    "DTSTAMP:20260330T070500Z",
    "DTSTART:20260331T220000Z",
    "DTEND:20260331T233000Z",
    r"SUMMARY:Visita a Ferretería Núñez\, S.L.\; revisar pedido",
    r"LOCATION:Av. de la Constitución 12\, Sevilla",
    r"DESCRIPTION:Llevar catálogo\nPreguntar por el pago",
    "LAST-MODIFIED:20260101T080000Z",
    "END:VEVENT",
    "END:VCALENDAR",
    "",
];

#[test]
fn the_agenda_is_an_rfc_5545_calendar() {
    let mut v = activity(
        "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b",
        ActivityKind::Visit,
        "lucia",
        Some(When::At {
            start: at(2026, 3, 31, 22, 0),
            minutes: 90,
        }),
    );
    v.subject = "Visita a Ferretería Núñez, S.L.; revisar pedido".into();
    v.place = "Av. de la Constitución 12, Sevilla".into();
    v.notes = "Llevar catálogo\nPreguntar por el pago".into();
    let t = activity(
        "t1",
        ActivityKind::Task,
        "lucia",
        Some(When::Day(day(2026, 3, 31))),
    );
    let undated = activity("t2", ActivityKind::Task, "lucia", None);
    let theirs = activity(
        "t3",
        ActivityKind::Task,
        "javier",
        Some(When::Day(day(2026, 3, 31))),
    );
    let ics = agenda_ics(&[v, t, undated, theirs], "lucia", at(2026, 3, 30, 7, 5));

    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    assert!(
        !ics.replace("\r\n", "").contains('\n'),
        "every line ends in CRLF"
    );
    for line in ics.split("\r\n") {
        assert!(line.len() <= 75, "line longer than 75 octets: {line:?}");
    }
    let unfolded = ics.replace("\r\n ", "");
    let lines: Vec<&str> = unfolded.split("\r\n").collect();
    assert_eq!(lines, EXPECTED);
}

#[test]
fn long_lines_fold_at_75_octets_without_splitting_characters() {
    let mut a = activity(
        "x",
        ActivityKind::Meeting,
        "lucia",
        Some(When::Day(day(2026, 1, 2))),
    );
    a.subject = "ñ".repeat(100); // 200 octets
    let ics = agenda_ics(&[a], "lucia", at(2026, 1, 1, 0, 0));
    let summary: Vec<&str> = (ics.split("\r\n"))
        .skip_while(|l| !l.starts_with("SUMMARY:"))
        .take_while(|l| l.starts_with("SUMMARY:") || l.starts_with(' '))
        .collect();
    // "SUMMARY:" is 8 octets, then 33 ñ (66) = 74 (a 34th would pass 75); continuations hold a
    // space and 37 ñ (75 octets).
    assert_eq!(
        summary.iter().map(|l| l.len()).collect::<Vec<_>>(),
        [74, 75, 61]
    );
    assert_eq!(
        summary
            .concat()
            .replace(' ', "")
            .chars()
            .filter(|c| *c == 'ñ')
            .count(),
        100
    );
}
