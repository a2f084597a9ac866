//! TIMEX3 values as typed calendar points, so the tagger does its arithmetic
//! with chrono instead of on strings, and the timeline can turn any value back
//! into the calendar interval it denotes.

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

/// A season as TIMEX3 writes it (`SP`, `SU`, `FA`, `WI`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Season {
    Spring,
    Summer,
    Fall,
    Winter,
}

impl Season {
    /// The TIMEX3 season code (`SP`, `SU`, `FA`, `WI`).
    pub(crate) fn code(self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Fall => "FA",
            Season::Winter => "WI",
        }
    }

    /// Meteorological start month (winter starts in December of its year).
    fn first_month(self) -> u32 {
        match self {
            Season::Spring => 3,
            Season::Summer => 6,
            Season::Fall => 9,
            Season::Winter => 12,
        }
    }
}

/// A calendar granule: the point-like TIMEX3 DATE values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Point {
    Day(NaiveDate),
    /// ISO year and ISO week number.
    Week(i32, u32),
    Month(i32, u32),
    Quarter(i32, u32),
    Half(i32, u32),
    Season(i32, Season),
    Year(i32),
    /// The first three digits of the decade's years: 199 for the 1990s.
    Decade(i32),
    /// The first two digits of the century's years: 19 for the 1900s.
    Century(i32),
}

/// Calendar units for durations and shifts, finest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    /// Two weeks, in British news ("within a fortnight").
    Fortnight,
    Weekend,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

impl Unit {
    /// The TIMEX3 duration letter and how many of it one unit makes.
    pub(crate) fn duration_code(self) -> (&'static str, u32) {
        match self {
            Unit::Second => ("S", 1),
            Unit::Minute => ("M", 1),
            Unit::Hour => ("H", 1),
            Unit::Day => ("D", 1),
            Unit::Week => ("W", 1),
            Unit::Fortnight => ("W", 2),
            Unit::Weekend => ("WE", 1),
            Unit::Month => ("M", 1),
            Unit::Quarter => ("Q", 1),
            Unit::Year => ("Y", 1),
            Unit::Decade => ("Y", 10),
            Unit::Century => ("Y", 100),
        }
    }

    /// True for units written after `T` in a duration (`PT2H`).
    pub(crate) fn is_clock(self) -> bool {
        matches!(self, Unit::Second | Unit::Minute | Unit::Hour)
    }
}

/// A duration value: `P5Y`, `PT2H`, `PXD` for an unknown count.
pub(crate) fn duration(count: Option<u32>, unit: Unit) -> String {
    let (letter, per) = unit.duration_code();
    let t = if unit.is_clock() { "T" } else { "" };
    match count {
        Some(n) => format!("P{t}{}{letter}", n.saturating_mul(per)),
        None => format!("P{t}X{letter}"),
    }
}

fn quarter_of(month: u32) -> u32 {
    month.div_ceil(3)
}

impl Point {
    /// The point at the granularity of `unit` that contains `date`.
    pub(crate) fn of(date: NaiveDate, unit: Unit) -> Option<Point> {
        Some(match unit {
            Unit::Day => Point::Day(date),
            Unit::Week | Unit::Fortnight | Unit::Weekend => {
                let w = date.iso_week();
                Point::Week(w.year(), w.week())
            }
            Unit::Month => Point::Month(date.year(), date.month()),
            Unit::Quarter => Point::Quarter(date.year(), quarter_of(date.month())),
            Unit::Year => Point::Year(date.year()),
            Unit::Decade => Point::Decade(date.year().div_euclid(10)),
            Unit::Century => Point::Century(date.year().div_euclid(100)),
            Unit::Second | Unit::Minute | Unit::Hour => return None,
        })
    }

    /// The unit the point is a granule of (a half or a season counts as a
    /// quarter: it pins no month).
    pub(crate) fn granularity(self) -> Unit {
        match self {
            Point::Day(_) => Unit::Day,
            Point::Week(..) => Unit::Week,
            Point::Month(..) => Unit::Month,
            Point::Quarter(..) | Point::Half(..) | Point::Season(..) => Unit::Quarter,
            Point::Year(_) => Unit::Year,
            Point::Decade(_) => Unit::Decade,
            Point::Century(_) => Unit::Century,
        }
    }

    /// A representative day inside the point (its first day).
    pub(crate) fn first_day(self) -> Option<NaiveDate> {
        self.interval().map(|(start, _)| start)
    }

    /// The point moved by `n` units at its own granularity when `unit` is
    /// coarser or equal, e.g. "a year earlier" than a quarter is the same
    /// quarter a year before.
    pub(crate) fn shift(self, n: i32, unit: Unit) -> Option<Point> {
        let months = |n: i32, per: i32| n.checked_mul(per);
        match unit {
            Unit::Year => self.shift_months(months(n, 12)?),
            Unit::Decade => self.shift_months(months(n, 120)?),
            Unit::Century => self.shift_months(months(n, 1200)?),
            Unit::Quarter => self.shift_months(months(n, 3)?),
            Unit::Month => self.shift_months(n),
            Unit::Week | Unit::Fortnight | Unit::Weekend => {
                let days = if unit == Unit::Fortnight { 14 } else { 7 };
                let day = self.first_day()?;
                let moved = add_days(day, i64::from(n).checked_mul(days)?)?;
                match self {
                    Point::Day(_) => Some(Point::Day(moved)),
                    _ => Point::of(moved, Unit::Week),
                }
            }
            Unit::Day => match self {
                Point::Day(d) => Some(Point::Day(add_days(d, i64::from(n))?)),
                _ => None,
            },
            Unit::Second | Unit::Minute | Unit::Hour => None,
        }
    }

    fn shift_months(self, n: i32) -> Option<Point> {
        let move_date = |d: NaiveDate| add_months(d, n);
        let move_year = |y: i32, by: i32| y.checked_add(by);
        Some(match self {
            Point::Day(d) => Point::Day(move_date(d)?),
            Point::Week(y, w) => {
                let monday = NaiveDate::from_isoywd_opt(y, w, Weekday::Mon)?;
                Point::of(move_date(monday)?, Unit::Week)?
            }
            Point::Month(y, m) => {
                let d = move_date(NaiveDate::from_ymd_opt(y, m, 1)?)?;
                Point::Month(d.year(), d.month())
            }
            Point::Quarter(y, q) => {
                let d = move_date(NaiveDate::from_ymd_opt(y, q * 3 - 2, 1)?)?;
                Point::Quarter(d.year(), quarter_of(d.month()))
            }
            Point::Half(y, h) if n % 12 == 0 => Point::Half(move_year(y, n / 12)?, h),
            Point::Season(y, s) if n % 12 == 0 => Point::Season(move_year(y, n / 12)?, s),
            Point::Year(y) if n % 12 == 0 => Point::Year(move_year(y, n / 12)?),
            Point::Decade(y) if n % 120 == 0 => Point::Decade(move_year(y, n / 120)?),
            Point::Century(y) if n % 1200 == 0 => Point::Century(move_year(y, n / 1200)?),
            _ => return None,
        })
    }

    /// The year of a point that names a year or a part of one coarser than
    /// a week (a month, quarter, half or season): the year a later bare
    /// "June 5" in the same sentence belongs to.
    pub(crate) fn year_level(self) -> Option<i32> {
        match self {
            Point::Year(y)
            | Point::Month(y, _)
            | Point::Quarter(y, _)
            | Point::Half(y, _)
            | Point::Season(y, _) => Some(y),
            _ => None,
        }
    }

    /// Start (inclusive) and end (exclusive) day of the point.
    pub(crate) fn interval(self) -> Option<(NaiveDate, NaiveDate)> {
        let ymd = NaiveDate::from_ymd_opt;
        let (start, end) = match self {
            Point::Day(d) => (d, add_days(d, 1)?),
            Point::Week(y, w) => {
                let monday = NaiveDate::from_isoywd_opt(y, w, Weekday::Mon)?;
                (monday, add_days(monday, 7)?)
            }
            Point::Month(y, m) => {
                let s = ymd(y, m, 1)?;
                (s, add_months(s, 1)?)
            }
            Point::Quarter(y, q) if (1..=4).contains(&q) => {
                let s = ymd(y, q * 3 - 2, 1)?;
                (s, add_months(s, 3)?)
            }
            Point::Half(y, h) if (1..=2).contains(&h) => {
                let s = ymd(y, h * 6 - 5, 1)?;
                (s, add_months(s, 6)?)
            }
            Point::Season(y, s) => {
                let start = ymd(y, s.first_month(), 1)?;
                (start, add_months(start, 3)?)
            }
            Point::Year(y) => (ymd(y, 1, 1)?, ymd(y.checked_add(1)?, 1, 1)?),
            Point::Decade(d) => {
                let y = d.checked_mul(10)?;
                (ymd(y, 1, 1)?, ymd(y.checked_add(10)?, 1, 1)?)
            }
            Point::Century(c) => {
                let y = c.checked_mul(100)?;
                (ymd(y, 1, 1)?, ymd(y.checked_add(100)?, 1, 1)?)
            }
            Point::Quarter(..) | Point::Half(..) => return None,
        };
        Some((start, end))
    }

    /// The TIMEX3 value string.
    pub(crate) fn format(self) -> String {
        match self {
            Point::Day(d) => format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day()),
            Point::Week(y, w) => format!("{y:04}-W{w:02}"),
            Point::Month(y, m) => format!("{y:04}-{m:02}"),
            Point::Quarter(y, q) => format!("{y:04}-Q{q}"),
            Point::Half(y, h) => format!("{y:04}-H{h}"),
            Point::Season(y, s) => format!("{y:04}-{}", s.code()),
            Point::Year(y) => format!("{y:04}"),
            Point::Decade(d) => format!("{d:03}"),
            Point::Century(c) => format!("{c:02}"),
        }
    }

    /// Parses the point-like TIMEX3 values; a time of day (`T17:00`, `TNI`)
    /// is dropped to its day.
    pub(crate) fn parse(value: &str) -> Option<Point> {
        let date_part = match value.split_once('T') {
            Some((date, _)) if date.len() == 10 => date,
            Some(_) => return None,
            None => value,
        };
        let mut parts = date_part.split('-');
        let head = parts.next()?;
        let rest: Vec<&str> = parts.collect();
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        let num = |s: &str| -> Option<u32> { digits(s).then(|| s.parse().ok()).flatten() };
        let year: i32 = match head.len() {
            4 if digits(head) => head.parse().ok()?,
            4 if rest.is_empty() && head.ends_with("XX") && digits(&head[..2]) => {
                return Some(Point::Century(head[..2].parse().ok()?))
            }
            4 if rest.is_empty() && head.ends_with('X') && digits(&head[..3]) => {
                return Some(Point::Decade(head[..3].parse().ok()?))
            }
            3 if rest.is_empty() && digits(head) => return Some(Point::Decade(head.parse().ok()?)),
            2 if rest.is_empty() && digits(head) => {
                return Some(Point::Century(head.parse().ok()?))
            }
            _ => return None,
        };
        match rest.as_slice() {
            [] => Some(Point::Year(year)),
            [m] if m.len() == 2 && digits(m) => {
                let m = num(m)?;
                (1..=12).contains(&m).then_some(Point::Month(year, m))
            }
            [m, d] if m.len() == 2 && d.len() == 2 => {
                Some(Point::Day(NaiveDate::from_ymd_opt(year, num(m)?, num(d)?)?))
            }
            [p, tail @ ..] if tail.len() <= 1 => {
                let (letter, n) = p.split_at(p.len().min(1));
                let point = match (letter, n) {
                    ("W", w) if digits(w) => {
                        let w = num(w)?;
                        NaiveDate::from_isoywd_opt(year, w, Weekday::Mon)?;
                        Point::Week(year, w)
                    }
                    ("Q", q) if matches!(q, "1" | "2" | "3" | "4") => Point::Quarter(year, num(q)?),
                    ("H", h) if matches!(h, "1" | "2") => Point::Half(year, num(h)?),
                    _ => Point::Season(
                        year,
                        match *p {
                            "SP" => Season::Spring,
                            "SU" => Season::Summer,
                            "FA" => Season::Fall,
                            "WI" => Season::Winter,
                            _ => return None,
                        },
                    ),
                };
                match (point, tail) {
                    (_, []) => Some(point),
                    (Point::Week(..), ["WE"]) => Some(point),
                    _ => None,
                }
            }
            _ => None,
        }
    }
}

/// `date` plus `n` days (negative goes back), None past chrono's range.
pub(crate) fn add_days(date: NaiveDate, n: i64) -> Option<NaiveDate> {
    let days = Days::new(n.unsigned_abs());
    if n >= 0 {
        date.checked_add_days(days)
    } else {
        date.checked_sub_days(days)
    }
}

/// `date` plus `n` calendar months, clamping the day to the month's length.
pub(crate) fn add_months(date: NaiveDate, n: i32) -> Option<NaiveDate> {
    let months = Months::new(n.unsigned_abs());
    if n >= 0 {
        date.checked_add_months(months)
    } else {
        date.checked_sub_months(months)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn values_round_trip() {
        for v in [
            "2021-03-03",
            "2020-12",
            "2019",
            "2022-W16",
            "2021-Q1",
            "2022-SU",
            "2021-H2",
            "199",
            "19",
        ] {
            assert_eq!(
                Point::parse(v).map(Point::format).as_deref(),
                Some(v),
                "{v}"
            );
        }
        assert_eq!(Point::parse("199X"), Some(Point::Decade(199)));
        assert_eq!(Point::parse("19XX"), Some(Point::Century(19)));
    }

    #[test]
    fn non_points_do_not_parse() {
        for v in [
            "P5Y",
            "PAST_REF",
            "XXXX-WXX-2",
            "2021-13",
            "2021-02-30",
            "",
            "-",
            "2021-Q5",
        ] {
            assert_eq!(Point::parse(v), None, "{v}");
        }
    }

    #[test]
    fn shifts_keep_granularity() {
        assert_eq!(
            Point::Quarter(1989, 3).shift(-1, Unit::Year),
            Some(Point::Quarter(1988, 3))
        );
        assert_eq!(
            Point::Year(2002).shift(5, Unit::Year),
            Some(Point::Year(2007))
        );
        assert_eq!(
            Point::Week(2022, 1).shift(-1, Unit::Week),
            Some(Point::Week(2021, 52))
        );
        assert_eq!(
            Point::Month(2021, 1).shift(-1, Unit::Month),
            Some(Point::Month(2020, 12))
        );
        assert_eq!(
            Point::Day(d(2020, 2, 29)).shift(1, Unit::Year),
            Some(Point::Day(d(2021, 2, 28)))
        );
        assert_eq!(Point::Year(2002).shift(1, Unit::Month), None);
    }

    #[test]
    fn durations_are_written_like_timeml() {
        assert_eq!(duration(Some(5), Unit::Year), "P5Y");
        assert_eq!(duration(Some(2), Unit::Hour), "PT2H");
        assert_eq!(duration(None, Unit::Day), "PXD");
        assert_eq!(duration(Some(2), Unit::Decade), "P20Y");
    }
}
