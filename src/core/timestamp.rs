//! Reading and writing points in time.
//!
//! The CLI takes `--seed-replication-time` as text, reads a time without a zone as UTC and
//! sends whole epoch seconds (the fraction floored). This module reads what people type
//! (ISO 8601 with or without offset, a date, epoch seconds) and always writes the unambiguous
//! UTC form `YYYY-MM-DDTHH:MM:SSZ`, which every CLI release reads the same way. A time typed
//! without a zone is resolved with an explicit [`Zone`] choice, never silently.

use crate::core::form::Zone;

/// The browser's (or a test's) local time zone.
pub trait LocalZone {
    /// The offset east of UTC, in seconds, in force at a local wall-clock time. `wall` is that
    /// wall-clock time counted in seconds as if it were UTC.
    fn offset_at_wall(&self, wall: i64) -> i32;
    /// A short name for messages, e.g. `Europe/Berlin` or `UTC+01:00`.
    fn name(&self) -> String;
}

/// A zone with one fixed offset (tests, and a fallback when the browser gives nothing).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FixedOffset(pub i32);

impl LocalZone for FixedOffset {
    fn offset_at_wall(&self, _wall: i64) -> i32 {
        self.0
    }

    fn name(&self) -> String {
        format!("UTC{}", format_offset(self.0))
    }
}

/// How the text gave (or did not give) its zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Written {
    /// Seconds since 1970 (always UTC).
    Epoch,
    /// A date and time with `Z` or an offset.
    WithZone,
    /// A date (and maybe time) with no zone: the [`Zone`] choice decides.
    Naive,
}

/// A parsed time before any zone choice is applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Parsed {
    /// For [`Written::Naive`], the wall-clock time counted as if it were UTC; else the instant.
    pub seconds: i64,
    /// How the zone was given.
    pub written: Written,
}

impl Parsed {
    /// The instant in epoch seconds, applying `zone` to a naive time.
    pub fn resolve(&self, zone: Zone, local: &dyn LocalZone) -> i64 {
        match (self.written, zone) {
            (Written::Naive, Zone::Local) => {
                self.seconds - i64::from(local.offset_at_wall(self.seconds))
            }
            _ => self.seconds,
        }
    }
}

/// Earliest instant the tool writes: 0001-01-01T00:00:00Z.
pub const MIN_SECONDS: i64 = -62_135_596_800;
/// Latest instant the tool writes: 9999-12-31T23:59:59Z.
pub const MAX_SECONDS: i64 = 253_402_300_799;

/// Reads a time as people type it. The error is a sentence for the user.
pub fn parse(text: &str) -> Result<Parsed, String> {
    let t = text.trim();
    if t.is_empty() {
        return Err("Enter a date and time as YYYY-MM-DDTHH:MM:SSZ, or seconds since 1970.".into());
    }
    if let Some(seconds) = parse_epoch(t) {
        let seconds = seconds?;
        return Ok(Parsed {
            seconds,
            written: Written::Epoch,
        });
    }
    parse_calendar(t)
}

/// Epoch seconds (`1764064800`, `-1`, `1764064800.5`): `None` when the text is not a plain
/// decimal number at all.
fn parse_epoch(t: &str) -> Option<Result<i64, String>> {
    let (negative, digits) = match t.as_bytes()[0] {
        b'-' => (true, &t[1..]),
        b'+' => (false, &t[1..]),
        _ => (false, t),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let plain = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if (whole.is_empty() && fraction.is_empty()) || !plain(whole) || !plain(fraction) {
        return None;
    }
    let out_of_range =
        || Err("That number of seconds since 1970 is outside the years 1 to 9999.".to_owned());
    let Ok(mut value) = (if whole.is_empty() {
        Ok(0)
    } else {
        whole.parse::<i64>()
    }) else {
        return Some(out_of_range());
    };
    // Like the CLI: round to microseconds, then drop the fraction towards minus infinity.
    let mut micros: u32 = 0;
    for (i, b) in fraction.bytes().take(7).enumerate() {
        let digit = u32::from(b - b'0');
        if i < 6 {
            micros = micros * 10 + digit;
        } else if digit >= 5 {
            micros += 1;
        }
    }
    if micros >= 1_000_000 {
        value += 1;
        micros = 0;
    }
    if negative {
        value = -value - i64::from(micros > 0);
    }
    Some(if (MIN_SECONDS..=MAX_SECONDS).contains(&value) {
        Ok(value)
    } else {
        out_of_range()
    })
}

/// Calendar forms: `YYYY-MM-DD`, then optionally `T`/space `HH:MM[:SS[.fff]]`, then optionally
/// a zone (`Z`, `UTC`, `GMT`, `+02:00`, `+0200`, `+02`); or the compact `YYYYMMDDTHHMMSS[Z]`.
fn parse_calendar(t: &str) -> Result<Parsed, String> {
    let unreadable = || {
        format!(
            "\"{t}\" is not a time the tool can read. Use YYYY-MM-DDTHH:MM:SSZ, \
             YYYY-MM-DD HH:MM (with a zone choice), or seconds since 1970."
        )
    };
    let mut s = Scanner { rest: t };
    let compact = t.len() >= 15 && t.as_bytes()[8].eq_ignore_ascii_case(&b'T');
    let (year, month, day) = if compact {
        (s.number(4), s.number(2), s.number(2))
    } else {
        let year = s.number(4);
        let month = s.expect('-').and_then(|()| s.number(2));
        let day = s.expect('-').and_then(|()| s.number(2));
        (year, month, day)
    };
    let (Some(year), Some(month), Some(day)) = (year, month, day) else {
        return Err(unreadable());
    };
    let (mut hour, mut minute, mut second) = (0, 0, 0);
    if s.eat_one_of(&['T', 't', ' ']) {
        if s.rest.trim().is_empty() {
            return Err(unreadable());
        }
        hour = s.number(2).ok_or_else(unreadable)?;
        if !compact {
            s.expect(':').ok_or_else(unreadable)?;
        }
        minute = s.number(2).ok_or_else(unreadable)?;
        if compact || s.eat_one_of(&[':']) {
            second = s.number(2).ok_or_else(unreadable)?;
            if s.eat_one_of(&['.', ',']) {
                // The fraction is dropped, as the CLI floors to whole seconds.
                if s.digits().is_empty() {
                    return Err(unreadable());
                }
            }
        }
    }
    let offset = parse_zone(s.rest.trim_start()).map_err(|()| unreadable())?;
    check_ranges(year, month, day, hour, minute, second)?;
    let wall =
        days_from_civil(year, month, day) * 86_400 + i64::from(hour * 3600 + minute * 60 + second);
    let (seconds, written) = match offset {
        Some(offset) => (wall - i64::from(offset), Written::WithZone),
        None => (wall, Written::Naive),
    };
    if !(MIN_SECONDS..=MAX_SECONDS).contains(&seconds) {
        return Err("That time is outside the years 1 to 9999.".into());
    }
    Ok(Parsed { seconds, written })
}

/// `Err(())` for unreadable text, `Ok(None)` for no zone, `Ok(Some(offset))` otherwise.
fn parse_zone(z: &str) -> Result<Option<i32>, ()> {
    if z.is_empty() {
        return Ok(None);
    }
    if ["z", "utc", "gmt", "ut"].contains(&z.to_ascii_lowercase().as_str()) {
        return Ok(Some(0));
    }
    offset(z).map(Some).ok_or(())
}

/// `+02:00`, `+0200` or `+02` as seconds east of UTC.
fn offset(z: &str) -> Option<i32> {
    let sign = match z.as_bytes()[0] {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let body = &z[1..];
    let (h, m) = match body.len() {
        2 => (body, "00"),
        4 => (&body[..2], &body[2..]),
        5 if body.as_bytes()[2] == b':' => (&body[..2], &body[3..]),
        _ => return None,
    };
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if !all_digits(h) || !all_digits(m) {
        return None;
    }
    let (h, m): (i32, i32) = (h.parse().ok()?, m.parse().ok()?);
    if h > 23 || m > 59 {
        return None;
    }
    Some(sign * (h * 3600 + m * 60))
}

fn check_ranges(year: u32, month: u32, day: u32, h: u32, m: u32, s: u32) -> Result<(), String> {
    if year == 0 {
        return Err("The year must be between 1 and 9999.".into());
    }
    if !(1..=12).contains(&month) {
        return Err(format!("There is no month {month}: use 01 to 12."));
    }
    let last = days_in_month(year, month);
    if day == 0 || day > last {
        return Err(format!(
            "{year:04}-{month:02} has no day {day}: it has {last} days."
        ));
    }
    if h > 23 || m > 59 || s > 59 {
        return Err(format!(
            "{h:02}:{m:02}:{s:02} is not a time of day: use 00:00:00 to 23:59:59."
        ));
    }
    Ok(())
}

struct Scanner<'a> {
    rest: &'a str,
}

impl Scanner<'_> {
    fn digits(&mut self) -> &str {
        let n = self.rest.bytes().take_while(u8::is_ascii_digit).count();
        let (d, rest) = self.rest.split_at(n);
        self.rest = rest;
        d
    }

    /// Exactly `width` ASCII digits.
    fn number(&mut self, width: usize) -> Option<u32> {
        let head = self.rest.get(..width)?;
        if !head.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        self.rest = &self.rest[width..];
        head.parse().ok()
    }

    fn expect(&mut self, c: char) -> Option<()> {
        self.eat_one_of(&[c]).then_some(())
    }

    fn eat_one_of(&mut self, chars: &[char]) -> bool {
        match self.rest.chars().next() {
            Some(c) if chars.contains(&c) => {
                self.rest = &self.rest[c.len_utf8()..];
                true
            }
            _ => false,
        }
    }
}

fn is_leap(year: u32) -> bool {
    year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400))
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date.
fn days_from_civil(year: u32, month: u32, day: u32) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (i64::from(month) + 9) % 12;
    let doy = (153 * mp + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a day count since 1970-01-01.
pub(crate) fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = u32::try_from(doy - (153 * mp + 2) / 5 + 1).unwrap_or(1);
    let month = u32::try_from(if mp < 10 { mp + 3 } else { mp - 9 }).unwrap_or(1);
    (yoe + era * 400 + i64::from(month <= 2), month, day)
}

/// Writes an instant as `YYYY-MM-DDTHH:MM:SSZ`.
pub fn format_utc(seconds: i64) -> String {
    let (date, time) = split(seconds);
    format!("{date}T{time}Z")
}

/// Writes an instant in a zone, e.g. `2026-11-25 11:00:00 (UTC+01:00)`, for display.
pub fn format_in_offset(seconds: i64, offset: i32) -> String {
    let (date, time) = split(seconds + i64::from(offset));
    format!("{date} {time} (UTC{})", format_offset(offset))
}

/// An example seed time for the page to show: 09:00 UTC on the day after `now`. Derived from
/// the clock so that the example itself is never a time the form would warn about.
pub fn example(now: i64) -> i64 {
    (now.div_euclid(86_400) + 1) * 86_400 + 9 * 3600
}

/// The sentence under an empty seed-time field: the forms it accepts, with examples taken from
/// [`example`] so that they never age.
pub fn accepted_forms(now: i64) -> String {
    let (date, time) = split(example(now));
    format!(
        "Accepts {date}T{time}Z, {date} {} or epoch seconds.",
        &time[..5]
    )
}

fn split(seconds: i64) -> (String, String) {
    let days = seconds.div_euclid(86_400);
    let rem = seconds.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    (
        format!("{y:04}-{m:02}-{d:02}"),
        format!("{:02}:{:02}:{:02}", rem / 3600, rem / 60 % 60, rem % 60),
    )
}

/// `+01:00`, `-05:30`, `+00:00`.
pub fn format_offset(offset: i32) -> String {
    let sign = if offset < 0 { '-' } else { '+' };
    let a = offset.unsigned_abs();
    format!("{sign}{:02}:{:02}", a / 3600, a / 60 % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(text: &str) -> Result<String, String> {
        parse(text).map(|p| format_utc(p.resolve(Zone::Utc, &FixedOffset(0))))
    }

    #[test]
    fn reads_what_the_reference_lists_as_the_cli_does() {
        for (input, want) in [
            ("2026-11-25T10:00:00Z", 1_795_600_800),
            ("2026-11-25T10:00:00", 1_795_600_800),
            ("2026-11-25T10:00:00+02:00", 1_795_593_600),
            ("2026-11-25", 1_795_564_800),
            ("1764064800", 1_764_064_800),
            ("1764064800.5", 1_764_064_800),
            ("1764064800.9", 1_764_064_800),
            ("1764064800.9999999", 1_764_064_801),
            ("-1.5", -2),
            ("-1", -1),
            ("2026-11-25 10:00", 1_795_600_800),
            ("20261125T100000Z", 1_795_600_800),
            ("2026-11-25t10:00:00z", 1_795_600_800),
            ("2026-11-25T10:00:00.999Z", 1_795_600_800),
            ("0001-01-01T00:00:00Z", -62_135_596_800),
            ("9999-12-31T23:59:59Z", 253_402_300_799),
            (" 2026-11-25T10:00:00+0200 ", 1_795_593_600),
            ("2026-11-25T10:00:00 UTC", 1_795_600_800),
            ("2026", 2026),
        ] {
            let parsed = parse(input).unwrap_or_else(|e| panic!("{input}: {e}"));
            assert_eq!(parsed.resolve(Zone::Utc, &FixedOffset(0)), want, "{input}");
        }
    }

    #[test]
    fn the_example_is_tomorrow_morning_whatever_the_clock() {
        // 2026-11-25T09:00:00Z, and the last second of that day.
        for now in [1_795_597_200, 1_795_651_199] {
            assert_eq!(format_utc(example(now)), "2026-11-26T09:00:00Z");
            assert_eq!(
                accepted_forms(now),
                "Accepts 2026-11-26T09:00:00Z, 2026-11-26 09:00 or epoch seconds."
            );
        }
        // The examples are read back as the instant they show, and are never in the past.
        for now in [0, 1_795_597_200, 4_102_444_799] {
            let shown = format_utc(example(now));
            let read = parse(&shown).unwrap().resolve(Zone::Utc, &FixedOffset(0));
            assert_eq!(read, example(now));
            assert!(read > now && read - now <= 2 * 86_400, "{shown}");
        }
    }

    #[test]
    fn writes_utc_with_z() {
        assert_eq!(
            utc("2026-11-25T12:00:00+02:00").unwrap(),
            "2026-11-25T10:00:00Z"
        );
        assert_eq!(utc("-1").unwrap(), "1969-12-31T23:59:59Z");
        assert_eq!(format_utc(0), "1970-01-01T00:00:00Z");
        assert_eq!(format_utc(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(
            format_in_offset(0, -19_800),
            "1969-12-31 18:30:00 (UTC-05:30)"
        );
    }

    #[test]
    fn a_naive_time_follows_the_zone_choice() {
        let p = parse("2026-11-25T10:00").unwrap();
        assert_eq!(p.written, Written::Naive);
        assert_eq!(p.resolve(Zone::Utc, &FixedOffset(3600)), 1_795_600_800);
        assert_eq!(p.resolve(Zone::Local, &FixedOffset(3600)), 1_795_597_200);
        let z = parse("2026-11-25T10:00Z").unwrap();
        assert_eq!(z.resolve(Zone::Local, &FixedOffset(3600)), 1_795_600_800);
    }

    #[test]
    fn refuses_with_a_sentence() {
        for (input, needle) in [
            ("", "Enter a date"),
            ("garbage", "not a time the tool can read"),
            ("tomorrow", "not a time"),
            ("2026-11-25T25:00:00", "not a time of day"),
            ("2026-13-01", "no month 13"),
            ("2026-02-29", "has no day 29"),
            ("0000-01-01", "year"),
            ("nan", "not a time"),
            ("1e20", "not a time"),
            ("99999999999999999999", "outside the years"),
            ("2026-11-25T10:00:00+25:00", "not a time"),
            ("2026-11-25T", "not a time"),
        ] {
            let err = parse(input).unwrap_err();
            assert!(err.contains(needle), "{input:?}: {err}");
        }
    }

    #[test]
    fn civil_round_trip_over_many_days() {
        for days in (-719_162..2_932_897).step_by(997) {
            let (y, m, d) = civil_from_days(days);
            let y = u32::try_from(y).unwrap();
            assert_eq!(days_from_civil(y, m, d), days);
        }
    }
}
