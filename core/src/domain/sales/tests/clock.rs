//! The hand-written "YYYY-MM-DD" and "HH:MM" readers and writers match chrono's strftime ones.

use chrono::{NaiveDate, NaiveTime};

use crate::domain::sales::deal_input::{fmt_hm, parse_hm, parse_ymd};

#[test]
fn dates_read_like_strftime() {
    let cases = [
        "2026-03-31",
        "2026-3-1",
        "0001-01-01",
        "+12026-03-31",
        "-0044-03-15",
        " 2026- 03- 31",
        "2026-02-29",
        "2024-02-29",
        "2026-13-01",
        "2026-00-10",
        "2026-01-32",
        "20260-01-01",
        "2026-03-31 ",
        "2026-03-31x",
        "2026/03/31",
        "2026-003-01",
        "2026--03-01",
        "99999999999999999999-01-01",
        "",
        "-",
        "ñ",
    ];
    for s in cases {
        assert_eq!(
            parse_ymd(s),
            NaiveDate::parse_from_str(s, "%Y-%m-%d").ok(),
            "{s:?}"
        );
    }
    assert_eq!(
        parse_ymd("2026-03-31"),
        NaiveDate::from_ymd_opt(2026, 3, 31)
    );
    assert_eq!(parse_ymd(""), None);
}

#[test]
fn times_read_like_strftime() {
    let cases = [
        "9:05", "09:05", "00:00", "23:59", "24:00", "12:60", "", "9", "9:", ":05", "9:5", "9 :05",
        "9: 05", "09:05 ", "123:05", "09:055", "-1:00", "+9:00", "ñ:00",
    ];
    for s in cases {
        assert_eq!(
            parse_hm(s),
            NaiveTime::parse_from_str(s, "%H:%M").ok(),
            "{s:?}"
        );
    }
    assert_eq!(parse_hm("9:05"), NaiveTime::from_hms_opt(9, 5, 0));
    assert_eq!(parse_hm("09:05"), NaiveTime::from_hms_opt(9, 5, 0));
    assert_eq!(parse_hm("24:00"), None);
    assert_eq!(parse_hm("12:60"), None);
    assert_eq!(parse_hm(""), None);
}

#[test]
fn dates_and_times_write_like_strftime() {
    for (y, m, d) in [
        (2026, 3, 31),
        (1, 1, 1),
        (999, 12, 9),
        (12026, 1, 1),
        (-44, 3, 15),
    ] {
        let date = NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(date.to_string(), date.format("%Y-%m-%d").to_string());
    }
    for (h, m) in [(0, 0), (9, 5), (23, 59)] {
        let t = NaiveTime::from_hms_opt(h, m, 7).unwrap();
        assert_eq!(fmt_hm(t), t.format("%H:%M").to_string());
    }
}
