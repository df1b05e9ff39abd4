//! Calendar dates and times in UTC, without a date library: the history's date filters, the
//! export's file name and headings, and the times the page shows. Compiled into the browser and
//! the server so that both read and write dates the same way (no time zones, no locale).

use std::fmt;

use serde::{Deserialize, Serialize};

const MS_PER_DAY: i64 = 86_400_000;

/// A day of the proleptic Gregorian calendar, years 1–9999 (what `YYYY-MM-DD` can write).
/// Orders chronologically. Crosses the wire as `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

impl Date {
    /// `None` unless the day exists (no February 30th, February 29th only in leap years).
    pub fn new(year: i32, month: u8, day: u8) -> Option<Self> {
        let valid = (1..=9999).contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month);
        valid.then_some(Self { year, month, day })
    }

    /// Exactly `YYYY-MM-DD` (what `<input type="date">` sends), a real day.
    pub fn parse(s: &str) -> Option<Self> {
        let b = s.as_bytes();
        let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' || !digits(0..4) {
            return None;
        }
        if !digits(5..7) || !digits(8..10) {
            return None;
        }
        Self::new(
            s[0..4].parse().ok()?,
            s[5..7].parse().ok()?,
            s[8..10].parse().ok()?,
        )
    }

    /// The day `ms` (Unix milliseconds) falls on, in UTC.
    pub fn from_unix_ms(ms: i64) -> Self {
        Self::from_days(ms.div_euclid(MS_PER_DAY))
    }

    /// Days since 1970-01-01 → date (H. Hinnant's algorithm), clamped to years 1–9999.
    pub fn from_days(days: i64) -> Self {
        let z = days.clamp(Self::MIN.days(), Self::MAX.days()) + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = yoe + era * 400 + i64::from(month <= 2);
        Self {
            year: year as i32,
            month,
            day,
        }
    }

    /// Days since 1970-01-01 (negative before).
    pub fn days(self) -> i64 {
        let (m, d) = (i64::from(self.month), i64::from(self.day));
        let y = i64::from(self.year) - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y.rem_euclid(400);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// Midnight at the start of this day, UTC, in Unix milliseconds.
    pub fn start_ms(self) -> i64 {
        self.days() * MS_PER_DAY
    }

    /// Midnight at the end of this day (the next day's start): the exclusive bound of an
    /// inclusive "to" date.
    pub fn end_ms(self) -> i64 {
        self.start_ms() + MS_PER_DAY
    }

    pub const MIN: Date = Date {
        year: 1,
        month: 1,
        day: 1,
    };
    pub const MAX: Date = Date {
        year: 9999,
        month: 12,
        day: 31,
    };
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl TryFrom<String> for Date {
    type Error = String;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Date::parse(&s).ok_or_else(|| format!("“{s}” is not a YYYY-MM-DD day"))
    }
}

impl From<Date> for String {
    fn from(d: Date) -> Self {
        d.to_string()
    }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        _ => 31,
    }
}

/// Unix milliseconds → "2026-11-21 23:05 UTC".
pub fn utc_datetime(ms: i64) -> String {
    let rem = ms.div_euclid(1000).rem_euclid(86_400);
    format!(
        "{} {:02}:{:02} UTC",
        Date::from_unix_ms(ms),
        rem / 3600,
        (rem % 3600) / 60
    )
}

/// Unix milliseconds → "2026-11-21T23:05:09Z" (RFC 3339, UTC, whole seconds).
pub fn rfc3339(ms: i64) -> String {
    let rem = ms.div_euclid(1000).rem_euclid(86_400);
    format!(
        "{}T{:02}:{:02}:{:02}Z",
        Date::from_unix_ms(ms),
        rem / 3600,
        (rem % 3600) / 60,
        rem % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc3339_writes_seconds_in_utc() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(1_764_896_529_999), "2025-12-05T01:02:09Z");
        assert_eq!(rfc3339(-1), "1969-12-31T23:59:59Z");
    }

    #[test]
    fn parses_real_days_only() {
        assert_eq!(Date::parse("2026-11-23"), Date::new(2026, 11, 23));
        assert_eq!(
            Date::parse("2024-02-29").map(|d| d.to_string()).as_deref(),
            Some("2024-02-29")
        );
        for bad in [
            "",
            "2026-1-23",
            "2026-11-23T00:00",
            "26-11-23",
            "2026/11/23",
            "2026-13-01",
            "2026-00-10",
            "2026-11-31",
            "2025-02-29",
            "1900-02-29",
            "0000-01-01",
            "２０２６-11-23",
            "+026-11-23",
            "2026-1a-23",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
        assert!(Date::parse("2000-02-29").is_some(), "2000 is a leap year");
    }

    #[test]
    fn days_round_trip() {
        assert_eq!(Date::parse("1970-01-01").map(Date::days), Some(0));
        assert_eq!(Date::parse("1969-12-31").map(Date::days), Some(-1));
        assert_eq!(Date::parse("2000-03-01").map(Date::days), Some(11_017));
        for days in [-719_162, -1, 0, 1, 59, 60, 11_016, 20_000, 2_932_896] {
            assert_eq!(Date::from_days(days).days(), days, "{days}");
        }
        assert_eq!(Date::from_days(i64::MAX), Date::MAX);
        assert_eq!(Date::from_days(i64::MIN), Date::MIN);
    }

    #[test]
    fn a_day_spans_its_utc_milliseconds() {
        let d = Date::parse("2026-11-21").unwrap();
        assert_eq!(d.start_ms(), 1_795_219_200_000);
        assert_eq!(d.end_ms() - d.start_ms(), 86_400_000);
        assert_eq!(Date::from_unix_ms(d.start_ms()), d);
        assert_eq!(Date::from_unix_ms(d.end_ms() - 1), d);
        assert_eq!(Date::from_unix_ms(d.end_ms()).to_string(), "2026-11-22");
    }

    #[test]
    fn orders_chronologically() {
        let parse = |s| Date::parse(s).unwrap();
        assert!(parse("2025-12-31") < parse("2026-01-01"));
        assert!(parse("2026-02-01") > parse("2026-01-31"));
    }

    #[test]
    fn formats_utc_datetimes() {
        assert_eq!(utc_datetime(0), "1970-01-01 00:00 UTC");
        assert_eq!(utc_datetime(1_795_302_300_000), "2026-11-21 23:05 UTC");
        assert_eq!(utc_datetime(951_782_400_000), "2000-02-29 00:00 UTC");
        assert_eq!(utc_datetime(-1), "1969-12-31 23:59 UTC");
    }
}
