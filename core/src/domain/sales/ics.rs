//! A rep's agenda as iCalendar (RFC 5545), for their phone's or desktop's calendar.
//!
//! Every dated activity of the rep becomes a `VEVENT`: timed ones with `DTSTART`/`DTEND` in
//! UTC, day-only ones as all-day events. Lines end in CRLF and are folded at 75 octets (never
//! inside a UTF-8 character); text escapes `\`, `;`, `,` and newlines.

use crate::sort;
use chrono::{DateTime, Datelike, Days, Duration, NaiveDate, Timelike, Utc};

use super::activity::{Activity, When};
use super::activity_input::MAX_MINUTES;

/// The calendar's `PRODID`.
const PRODID: &str = "-//Cartera//Cartera CRM//EN";
/// Longest line in octets, without its CRLF.
const MAX_OCTETS: usize = 75;

/// `user`'s dated activities as an iCalendar document, in start order (then id); `now` is
/// every event's `DTSTAMP`. The `UID` is the activity id, so re-importing updates events.
pub fn agenda_ics(activities: &[Activity], user: &str, now: DateTime<Utc>) -> String {
    let mut items: Vec<(&Activity, When)> = (activities.iter())
        .filter(|a| a.owner == user)
        .filter_map(|a| Some((a, a.when?)))
        .collect();
    sort::sort_by(&mut items, |x, y| {
        (x.0.timeline_at(), &x.0.id).cmp(&(y.0.timeline_at(), &y.0.id))
    });
    let mut out = String::new();
    for l in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        &format!("PRODID:{PRODID}"),
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ] {
        push_line(&mut out, l);
    }
    for (a, when) in items {
        event(&mut out, a, when, now);
    }
    push_line(&mut out, "END:VCALENDAR");
    out
}

fn event(out: &mut String, a: &Activity, when: When, now: DateTime<Utc>) {
    push_line(out, "BEGIN:VEVENT");
    push_line(out, &format!("UID:{}@cartera", escape_text(&a.id)));
    push_line(out, &format!("DTSTAMP:{}", utc(now)));
    match when {
        When::At { start, minutes } => {
            push_line(out, &format!("DTSTART:{}", utc(start)));
            // Forms cap activities at a day; stored data might not.
            let length = Duration::minutes(i64::from(minutes.min(MAX_MINUTES)));
            let end = start.checked_add_signed(length).unwrap_or(start);
            push_line(out, &format!("DTEND:{}", utc(end)));
        }
        When::Day(d) => {
            push_line(out, &format!("DTSTART;VALUE=DATE:{}", day(d)));
            let next = d.checked_add_days(Days::new(1)).unwrap_or(d);
            push_line(out, &format!("DTEND;VALUE=DATE:{}", day(next)));
        }
    }
    push_line(out, &format!("SUMMARY:{}", escape_text(&a.subject)));
    if !a.place.is_empty() {
        push_line(out, &format!("LOCATION:{}", escape_text(&a.place)));
    }
    if !a.notes.is_empty() {
        push_line(out, &format!("DESCRIPTION:{}", escape_text(&a.notes)));
    }
    push_line(out, &format!("LAST-MODIFIED:{}", utc(a.meta.updated_at)));
    push_line(out, "END:VEVENT");
}

/// "20260331T233000Z".
fn utc(t: DateTime<Utc>) -> String {
    let (d, t) = (t.date_naive(), t.time());
    format!(
        "{}T{:02}{:02}{:02}Z",
        day(d),
        t.hour(),
        t.minute(),
        t.second()
    )
}

/// "20260331".
fn day(d: NaiveDate) -> String {
    // `%Y`: four digits, or a sign and all digits outside 0-9999.
    let y = d.year();
    if (0..=9999).contains(&y) {
        format!("{y:04}{:02}{:02}", d.month(), d.day())
    } else {
        format!("{y:+}{:02}{:02}", d.month(), d.day())
    }
}

/// RFC 5545 TEXT: `\` `;` `,` escaped with a backslash, any newline (CRLF, LF, CR) as `\n`,
/// other control characters (except tab) dropped.
pub fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends `line` folded to [`MAX_OCTETS`] octets per physical line (continuations start with a
/// space, which counts), each ended by CRLF.
pub fn push_line(out: &mut String, line: &str) {
    let mut budget = MAX_OCTETS;
    let mut used = 0;
    for c in line.chars() {
        if used + c.len_utf8() > budget {
            out.push_str("\r\n ");
            budget = MAX_OCTETS - 1;
            used = 0;
        }
        out.push(c);
        used += c.len_utf8();
    }
    out.push_str("\r\n");
}
