//! Anchoring: what a relative or underspecified expression means given the
//! article date, the tense of its sentence and the last date the text named.
//! Like HeidelTime for news, "Tuesday" in a past-tense sentence is the
//! previous Tuesday and "five years later" counts from the last mentioned date.

pub(crate) use super::tense::Tense;
use super::value::{add_days, Point, Unit};
use chrono::{Datelike, NaiveDate, Weekday};

/// What a rule's normaliser may consult besides the matched tokens.
pub(crate) struct Ctx {
    /// The article's publication date.
    pub anchor: NaiveDate,
    /// Tense of the sentence around the match.
    pub tense: Tense,
    /// The last date-like value produced earlier in the text.
    pub reference: Option<Point>,
    /// The first quarter the text named (the period an earnings report is
    /// about): "the quarter", "the year-ago period" and "a year ago" in such
    /// a report refer to it even after an aside about another quarter.
    pub topic_quarter: Option<Point>,
    /// The year of a year, month or season named earlier in the same
    /// sentence ("In 2012, the festival was held on June 5").
    pub sentence_year: Option<i32>,
    /// The last day the text named, even if a year or month came after it:
    /// a clock time with no day of its own is on that day ("announced on
    /// Wednesday that ... proposed in 1964. The seminar began at 9 a.m.").
    pub day: Option<NaiveDate>,
}

/// What the text has said before an expression that may anchor it.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Said {
    /// See [`Ctx::reference`].
    pub reference: Option<Point>,
    /// See [`Ctx::topic_quarter`].
    pub topic_quarter: Option<Point>,
    /// See [`Ctx::sentence_year`].
    pub sentence_year: Option<i32>,
    /// See [`Ctx::day`].
    pub day: Option<NaiveDate>,
}

/// An explicit direction word in front of a relative expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Rel {
    Last,
    This,
    Next,
    None,
}

impl Rel {
    /// Reads "last", "this", "next" and their synonyms.
    pub(crate) fn from_words(words: &str) -> Rel {
        let last = words.rsplit(' ').next().unwrap_or("");
        match last {
            "last" | "past" | "previous" | "preceding" | "prior" => Rel::Last,
            "this" | "current" | "present" => Rel::This,
            "next" | "coming" | "following" | "upcoming" => Rel::Next,
            _ => Rel::None,
        }
    }
}

/// The day a weekday name refers to.
pub(crate) fn weekday_date(
    anchor: NaiveDate,
    day: Weekday,
    rel: Rel,
    tense: Tense,
) -> Option<NaiveDate> {
    let from = i64::from(anchor.weekday().num_days_from_monday());
    let to = i64::from(day.num_days_from_monday());
    let back = (from - to).rem_euclid(7);
    let ahead = (to - from).rem_euclid(7);
    let offset = match rel {
        Rel::Last => -(if back == 0 { 7 } else { back }),
        Rel::Next => {
            if ahead == 0 {
                7
            } else {
                ahead
            }
        }
        Rel::This => to - from,
        Rel::None if back == 0 => 0,
        Rel::None if matches!(tense, Tense::Future | Tense::Present) => ahead,
        Rel::None => -back,
    };
    add_days(anchor, offset)
}

/// The year of a month named without one ("in March").
pub(crate) fn month_year(anchor: NaiveDate, month: u32, rel: Rel, tense: Tense) -> i32 {
    let y = anchor.year();
    let now = anchor.month();
    match rel {
        // "last February" said in March is a year back: the month just
        // gone would be "last month" (and "next April" in March a year on).
        Rel::Last if month + 1 >= now => y - 1,
        Rel::Next if month <= now + 1 => y + 1,
        Rel::Last | Rel::Next | Rel::This => y,
        Rel::None => match tense {
            // A month just ahead is usually a plan reported in the past tense.
            Tense::Past if month > now + 1 => y - 1,
            Tense::Past => y,
            Tense::Future if month < now => y + 1,
            Tense::Future => y,
            // Otherwise the nearest one.
            _ if month > now + 6 => y - 1,
            _ if month + 6 < now => y + 1,
            _ => y,
        },
    }
}

/// The date of a month and day named without a year: the year of a nearby
/// reference day if the day is close to it, else by tense from the anchor.
pub(crate) fn month_day_date(ctx: &Ctx, month: u32, day: u32) -> Option<NaiveDate> {
    // Only a named day starts a narrative of days in its year: "on Aug. 2"
    // after "the August 1988 cease-fire" is still this year's Aug. 2.
    if let Some(Point::Day(reference)) = ctx.reference {
        let candidate = NaiveDate::from_ymd_opt(reference.year(), month, day)?;
        // Unless the sentence looks ahead of the article and the day is past.
        let contradicts = ctx.tense == Tense::Future && candidate < ctx.anchor;
        if (candidate - reference).num_days().abs() <= 60 && !contradicts {
            return Some(candidate);
        }
    }
    if let Some(year) = ctx.sentence_year.filter(|&y| !year_against_tense(y, ctx)) {
        return NaiveDate::from_ymd_opt(year, month, day);
    }
    let anchor = ctx.anchor;
    let same = NaiveDate::from_ymd_opt(anchor.year(), month, day)?;
    let gap = (same - anchor).num_days();
    // Past tense rules out a date more than a week ahead; otherwise the
    // nearest year wins (half a year either way), since captions and
    // schedules often mix tenses.
    let year = match ctx.tense {
        Tense::Past if gap > 60 => anchor.year() - 1,
        Tense::Past => anchor.year(),
        Tense::Future if gap < -90 => anchor.year() + 1,
        _ if gap > 183 => anchor.year() - 1,
        _ if gap < -183 => anchor.year() + 1,
        _ => anchor.year(),
    };
    NaiveDate::from_ymd_opt(year, month, day)
}

/// True if the days `first..=last` lie wholly on the other side of the
/// article's date from where the sentence looks: a day still ahead in a
/// past-tense sentence, or 1997 in "invited in July 1997, will join on
/// March 12".
pub(crate) fn against_tense(first: NaiveDate, last: NaiveDate, ctx: &Ctx) -> bool {
    match ctx.tense {
        Tense::Past => first > ctx.anchor,
        Tense::Future => last < ctx.anchor,
        _ => false,
    }
}

/// [`against_tense`] for a whole year.
pub(crate) fn year_against_tense(year: i32, ctx: &Ctx) -> bool {
    let first = NaiveDate::from_ymd_opt(year, 1, 1);
    let last = NaiveDate::from_ymd_opt(year, 12, 31);
    first
        .zip(last)
        .is_some_and(|(first, last)| against_tense(first, last, ctx))
}

/// `anchor`'s point at `unit` granularity moved by `n` units.
pub(crate) fn relative(anchor: NaiveDate, n: i32, unit: Unit) -> Option<Point> {
    Point::of(anchor, unit)?.shift(n, unit)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn weekdays_follow_tense() {
        let wed = d(2022, 4, 27);
        assert_eq!(
            weekday_date(wed, Weekday::Tue, Rel::None, Tense::Past),
            Some(d(2022, 4, 26))
        );
        assert_eq!(
            weekday_date(wed, Weekday::Tue, Rel::None, Tense::Future),
            Some(d(2022, 5, 3))
        );
        assert_eq!(
            weekday_date(wed, Weekday::Wed, Rel::None, Tense::Past),
            Some(wed)
        );
        assert_eq!(
            weekday_date(wed, Weekday::Wed, Rel::Last, Tense::Past),
            Some(d(2022, 4, 20))
        );
        assert_eq!(
            weekday_date(wed, Weekday::Mon, Rel::Next, Tense::Past),
            Some(d(2022, 5, 2))
        );
    }

    #[test]
    fn months_follow_tense() {
        let may = d(2021, 5, 10);
        assert_eq!(month_year(may, 3, Rel::None, Tense::Past), 2021);
        assert_eq!(month_year(may, 3, Rel::None, Tense::Future), 2022);
        assert_eq!(month_year(may, 6, Rel::None, Tense::Past), 2021);
        assert_eq!(month_year(may, 12, Rel::None, Tense::Unknown), 2020);
        assert_eq!(month_year(may, 9, Rel::None, Tense::Past), 2020);
        assert_eq!(month_year(may, 5, Rel::Last, Tense::Unknown), 2020);
        assert_eq!(month_year(may, 4, Rel::Last, Tense::Unknown), 2020);
        assert_eq!(month_year(may, 3, Rel::Last, Tense::Unknown), 2021);
        assert_eq!(month_year(may, 6, Rel::Next, Tense::Unknown), 2022);
        assert_eq!(month_year(may, 7, Rel::Next, Tense::Unknown), 2021);
    }
}
