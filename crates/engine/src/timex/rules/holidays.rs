//! Holidays by name, with the rule that dates them in a given year.

use super::*;

/// Finds a holiday's date in a given year.
pub(super) type HolidayDate = fn(i32) -> Option<NaiveDate>;

/// Holiday names (lower-case tokens) and their dates.
pub(super) const HOLIDAYS: &[(&[&str], HolidayDate)] = &[
    (&["christmas", "day"], |y| {
        NaiveDate::from_ymd_opt(y, 12, 25)
    }),
    (&["christmas"], |y| NaiveDate::from_ymd_opt(y, 12, 25)),
    (&["christmas", "eve"], |y| {
        NaiveDate::from_ymd_opt(y, 12, 24)
    }),
    (&["new", "year", "'", "s", "day"], |y| {
        NaiveDate::from_ymd_opt(y, 1, 1)
    }),
    (&["new", "year", "'", "s", "eve"], |y| {
        NaiveDate::from_ymd_opt(y, 12, 31)
    }),
    (&["independence", "day"], |y| {
        NaiveDate::from_ymd_opt(y, 7, 4)
    }),
    (&["thanksgiving", "day"], thanksgiving),
    (&["thanksgiving"], thanksgiving),
    (&["election", "day"], |y| {
        first_weekday(y, 11, chrono::Weekday::Mon)?.succ_opt()
    }),
    (&["memorial", "day"], |y| {
        // The last Monday of May.
        let may_31 = NaiveDate::from_ymd_opt(y, 5, 31)?;
        let back = may_31.weekday().num_days_from_monday();
        may_31.checked_sub_days(chrono::Days::new(u64::from(back)))
    }),
    (&["labor", "day"], |y| {
        first_weekday(y, 9, chrono::Weekday::Mon)
    }),
    (&["veterans", "day"], |y| NaiveDate::from_ymd_opt(y, 11, 11)),
    (&["valentine", "'", "s", "day"], |y| {
        NaiveDate::from_ymd_opt(y, 2, 14)
    }),
    (&["halloween"], |y| NaiveDate::from_ymd_opt(y, 10, 31)),
    (&["easter"], easter),
    (&["easter", "sunday"], easter),
    (&["good", "friday"], |y| from_easter(y, -2)),
    (&["easter", "monday"], |y| from_easter(y, 1)),
    (&["palm", "sunday"], |y| from_easter(y, -7)),
    (&["maundy", "thursday"], |y| from_easter(y, -3)),
    (&["ash", "wednesday"], |y| from_easter(y, -46)),
    (&["ascension", "day"], |y| from_easter(y, 39)),
    (&["pentecost"], |y| from_easter(y, 49)),
    (&["whit", "sunday"], |y| from_easter(y, 49)),
    (&["whit", "monday"], |y| from_easter(y, 50)),
    (&["orthodox", "easter"], orthodox_easter),
    (&["black", "friday"], |y| add_days(thanksgiving(y)?, 1)),
    (&["cyber", "monday"], |y| add_days(thanksgiving(y)?, 4)),
    (&["boxing", "day"], |y| NaiveDate::from_ymd_opt(y, 12, 26)),
    (&["may", "day"], |y| NaiveDate::from_ymd_opt(y, 5, 1)),
    (&["groundhog", "day"], |y| NaiveDate::from_ymd_opt(y, 2, 2)),
    (&["april", "fools", "'", "day"], |y| {
        NaiveDate::from_ymd_opt(y, 4, 1)
    }),
    (&["april", "fool", "'", "s", "day"], |y| {
        NaiveDate::from_ymd_opt(y, 4, 1)
    }),
    (&["st", ".", "patrick", "'", "s", "day"], st_patricks_day),
    (&["st", "patrick", "'", "s", "day"], st_patricks_day),
    (&["saint", "patrick", "'", "s", "day"], st_patricks_day),
    (&["juneteenth"], |y| NaiveDate::from_ymd_opt(y, 6, 19)),
    (&["presidents", "'", "day"], |y| {
        NaiveDate::from_weekday_of_month_opt(y, 2, chrono::Weekday::Mon, 3)
    }),
    (&["presidents", "day"], |y| {
        NaiveDate::from_weekday_of_month_opt(y, 2, chrono::Weekday::Mon, 3)
    }),
    (&["columbus", "day"], |y| {
        NaiveDate::from_weekday_of_month_opt(y, 10, chrono::Weekday::Mon, 2)
    }),
    (&["father", "'", "s", "day"], |y| {
        NaiveDate::from_weekday_of_month_opt(y, 6, chrono::Weekday::Sun, 3)
    }),
    (&["remembrance", "sunday"], |y| {
        NaiveDate::from_weekday_of_month_opt(y, 11, chrono::Weekday::Sun, 2)
    }),
    (&["remembrance", "day"], |y| {
        NaiveDate::from_ymd_opt(y, 11, 11)
    }),
    (&["armistice", "day"], |y| {
        NaiveDate::from_ymd_opt(y, 11, 11)
    }),
    (&["guy", "fawkes", "night"], |y| {
        NaiveDate::from_ymd_opt(y, 11, 5)
    }),
    (&["bonfire", "night"], |y| NaiveDate::from_ymd_opt(y, 11, 5)),
    (&["bastille", "day"], |y| NaiveDate::from_ymd_opt(y, 7, 14)),
    (&["canada", "day"], |y| NaiveDate::from_ymd_opt(y, 7, 1)),
    (&["australia", "day"], |y| NaiveDate::from_ymd_opt(y, 1, 26)),
    (&["anzac", "day"], |y| NaiveDate::from_ymd_opt(y, 4, 25)),
];

fn st_patricks_day(year: i32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, 3, 17)
}

/// A movable feast `days` after (or before) Western Easter.
fn from_easter(year: i32, days: i64) -> Option<NaiveDate> {
    add_days(easter(year)?, days)
}

/// Eastern Orthodox Easter: the Julian computus (Meeus), moved to the
/// Gregorian calendar by the centuries' difference (13 days in 1900–2099).
pub(super) fn orthodox_easter(year: i32) -> Option<NaiveDate> {
    let (a, b, c) = (year % 4, year % 7, year % 19);
    let d = (19 * c + 15) % 30;
    let e = (2 * a + 4 * b - d + 34) % 7;
    let month = (d + e + 114) / 31;
    let day = (d + e + 114) % 31 + 1;
    let julian =
        NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)?;
    add_days(julian, i64::from(year / 100 - year / 400 - 2))
}

pub(super) fn first_weekday(year: i32, month: u32, day: chrono::Weekday) -> Option<NaiveDate> {
    NaiveDate::from_weekday_of_month_opt(year, month, day, 1)
}

/// Western Easter Sunday by the anonymous Gregorian computus (Meeus/Jones/
/// Butcher), since chrono has no ecclesiastical calendar.
pub(super) fn easter(year: i32) -> Option<NaiveDate> {
    let a = year % 19;
    let (b, c) = (year / 100, year % 100);
    let (d, e) = (b / 4, b % 4);
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

/// The fourth Thursday of November (US Thanksgiving).
pub(super) fn thanksgiving(year: i32) -> Option<NaiveDate> {
    NaiveDate::from_weekday_of_month_opt(year, 11, chrono::Weekday::Thu, 4)
}

/// The holiday whose name starts at `at`, longest name first; with its end.
pub(super) fn holiday_at(toks: &[Tok], at: usize) -> Option<(usize, HolidayDate)> {
    if !toks.get(at)?.is_capitalised() {
        return None;
    }
    HOLIDAYS
        .iter()
        .filter(|(words, _)| {
            words.iter().enumerate().all(|(i, w)| {
                toks.get(at + i)
                    .is_some_and(|t| t.lower == *w || (*w == "'" && t.text == "’"))
            })
        })
        .max_by_key(|(words, _)| words.len())
        .map(|(words, day)| (at + words.len(), *day))
}

pub(super) fn holiday(toks: &[Tok], at: usize) -> Option<usize> {
    holiday_at(toks, at).map(|(end, _)| end)
}

pub(super) fn n_holiday(m: &Match, ctx: &Ctx) -> Option<String> {
    let start = m.parts.get(1)?.0;
    let (_, day) = holiday_at(m.toks, start)?;
    let y = ctx.anchor.year();
    let this = day(y)?;
    // A holiday told in the past tense is the last one on or before the
    // article's day ("said on Christmas Day" on 25 December is today); but
    // "as Easter week began" a week before Easter is this year's Easter week.
    let ahead = (this - ctx.anchor).num_days();
    let gone_by = if m.has(2) { ahead <= 14 } else { ahead <= 0 };
    let written = year_of(m, 3);
    let said = ctx.sentence_year.filter(|&y| !year_against_tense(y, ctx));
    let year = match direction_of(m, 0) {
        _ if written.is_some() => written?,
        Rel::None if said.is_some() => said?,
        Rel::Last if this >= ctx.anchor => y - 1,
        Rel::Next if this <= ctx.anchor => y + 1,
        Rel::None if ctx.tense == Tense::Past && !gone_by => y - 1,
        Rel::None if ctx.tense == Tense::Future && this < ctx.anchor => y + 1,
        _ => y,
    };
    let date = day(year)?;
    Some(if m.has(2) {
        fmt(Point::of(date, Unit::Week)?)
    } else {
        day_value(date)
    })
}
