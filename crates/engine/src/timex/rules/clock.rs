//! Clock times and parts of a day: "05:00 PM", "4.45pm", "0730 GMT", "noon",
//! "this morning", "mid-afternoon".

use super::*;

/// Words that place a clock time ("at 17:30", "until 5 p.m.").
pub(super) const CLOCK_PREPOSITIONS: &[&str] = &[
    "at", "by", "until", "till", "from", "to", "around", "about", "before", "after", "since",
    "between", "and",
];

/// Time-zone abbreviations: "1350 GMT" is a clock time, not the year 1350.
pub(super) const TIME_ZONES: &[&str] = &[
    "gmt", "utc", "edt", "est", "cdt", "cst", "mdt", "mst", "pdt", "pst", "bst", "cet", "cest",
    "eet", "eest", "msk", "jst", "ist", "hkt", "sgt", "aest", "aedt", "z", "zulu",
];

/// The zones that are Coordinated Universal Time: a clock time in them
/// carries the ISO 8601 designator `Z` in its TIMEX3 value ("12:00 UTC" →
/// `T12:00Z`), as TimeML asks; other zones are left out of the value, which
/// then reads as local time.
const UTC_ZONES: &[&str] = &["utc", "gmt", "z", "zulu"];

/// `Z` if the zone tokens `zone` (a match's time-zone part: "UTC", or
/// "(GMT)") name UTC, else nothing.
pub(super) fn zone_designator(zone: &[Tok]) -> &'static str {
    if zone.iter().any(|t| UTC_ZONES.contains(&t.lower)) {
        "Z"
    } else {
        ""
    }
}

/// The designator of match `m`'s time-zone part (part 1): `Z` for UTC, but
/// nothing for an offset from it ("04:00 UTC+1" is a local time).
fn match_zone(m: &Match) -> &'static str {
    let offset = m
        .after()
        .is_some_and(|a| matches!(a.text, "+" | "-" | "−") && !a.gap)
        && m.after_n(2).is_some_and(|n| n.is_digits() && !n.gap);
    if offset {
        ""
    } else {
        zone_designator(m.part(1))
    }
}

pub(super) fn n_day_part(m: &Match, ctx: &Ctx) -> Option<String> {
    let toks = m.part(0);
    // "early this morning": the modifier does not change the value.
    let toks = match toks.first() {
        Some(t) if is_day_part_edge(t) => &toks[1..],
        _ => toks,
    };
    let first = toks.first()?.lower;
    let second = toks.get(1).map(|t| t.lower);
    let (offset, pod) = match (first, second) {
        // "that evening": of the day the text last named.
        ("that", Some(_)) => {
            let Some(Point::Day(day)) = ctx.reference else {
                return None;
            };
            let pod = lexicon::part_of_day(toks.get(1)?)?;
            return Some(format!("{}T{pod}", day_value(day)));
        }
        ("last", Some("night")) => (-1, "NI"),
        // "through the night": of the day the text last named, if any.
        ("the", Some(_)) => {
            let day = ctx.day.unwrap_or(ctx.anchor);
            let pod = lexicon::part_of_day(toks.get(1)?)?;
            return Some(format!("{}T{pod}", day_value(day)));
        }
        ("this", Some(p)) => (
            0,
            lexicon::part_of_day(toks.get(1)?).filter(|_| p != "night")?,
        ),
        (d, Some(_)) => (day_word_offset(d)?, lexicon::part_of_day(toks.get(1)?)?),
        _ => return None,
    };
    Some(format!(
        "{}T{pod}",
        day_value(add_days(ctx.anchor, offset)?)
    ))
}

/// "mid-afternoon (yesterday)": a time on the day the following word names,
/// else on the article's day.
pub(super) fn n_mid_part(m: &Match, ctx: &Ctx) -> Option<String> {
    let (_, part) = mid_part_at(m.toks, m.parts.first()?.0)?;
    let offset = if m.has(1) {
        day_word_offset(&m.words(1))?
    } else {
        0
    };
    let day = day_value(add_days(ctx.anchor, offset)?);
    Some(format!("{day}T{part}"))
}

pub(super) fn n_ago_clock(_: &Match, _: &Ctx) -> Option<String> {
    Some("PAST_REF".to_string())
}

/// "the next morning": the day after the day the text last named (TimeBank
/// dates such parts of a day at day precision, as with "Wednesday night").
pub(super) fn n_next_part_of_day(_: &Match, ctx: &Ctx) -> Option<String> {
    let Some(Point::Day(day)) = ctx.reference else {
        return None;
    };
    Some(day_value(add_days(day, 1)?))
}

/// Parses the clock phrase tokens into hours and minutes.
/// "3pm" → (3, true), "30am" → (30, false): a number with "am" or "pm"
/// glued after it.
pub(super) fn glued_meridiem(t: &Tok) -> Option<(u32, bool)> {
    let (digits, pm) = match t.lower.strip_suffix("pm") {
        Some(d) => (d, true),
        None => (t.lower.strip_suffix("am")?, false),
    };
    let ok = !digits.is_empty() && digits.len() <= 2 && digits.bytes().all(|b| b.is_ascii_digit());
    ok.then(|| digits.parse().ok().map(|n| (n, pm))).flatten()
}

/// "0730" as hours and minutes.
pub(super) fn military_time(t: &Tok) -> Option<(u32, u32)> {
    let n = t.number().filter(|_| t.text.len() == 4 && t.is_digits())?;
    let (hour, minute) = (n / 100, n % 100);
    (hour < 24 && minute < 60).then_some((hour, minute))
}

pub(super) fn clock_value(toks: &[Tok]) -> Option<(u32, u32)> {
    let first = toks.first()?;
    match first.lower {
        "noon" => return Some((12, 0)),
        "midnight" => return Some((0, 0)),
        _ => {}
    }
    if first.text.len() == 4 && first.is_digits() {
        return military_time(first);
    }
    let glued = toks.iter().find_map(glued_meridiem);
    let mut hour = match glued_meridiem(first) {
        Some((h, _)) => h,
        None => first.number()?,
    };
    let minute = if toks.get(1).is_some_and(|c| matches!(c.text, ":" | ".")) {
        let m = toks.get(2)?;
        match glued_meridiem(m) {
            Some((minute, _)) => minute,
            None => m.number()?,
        }
    } else {
        0
    };
    let pm = glued.is_some_and(|(_, pm)| pm)
        || toks
            .iter()
            .any(|t| matches!(t.lower, "pm" | "p" | "afternoon" | "evening" | "night"));
    let am = glued.is_some_and(|(_, pm)| !pm)
        || toks
            .iter()
            .any(|t| matches!(t.lower, "am" | "a" | "morning"));
    if pm && hour < 12 {
        hour += 12;
    } else if am && hour == 12 {
        hour = 0;
    }
    (hour < 24 && minute < 60).then_some((hour, minute))
}

pub(super) fn n_clock(m: &Match, ctx: &Ctx) -> Option<String> {
    // "1:17:30", "3.17:30": the tail of another number.
    let glued = !m.toks[m.start].gap;
    if glued
        && m.before()
            .is_some_and(|b| matches!(b.text, ":" | "." | ","))
    {
        return None;
    }
    // "17:30" alone needs a preposition ("at 17:30") or "local time" after
    // it: results tables are full of times like "1:16" that are not clocks.
    let bare = m.part(0).len() == 3
        && !m.part(0).iter().any(|t| glued_meridiem(t).is_some())
        && !m.has(1)
        && !m.has(2);
    let placed = m
        .before()
        .is_some_and(|b| CLOCK_PREPOSITIONS.contains(&b.lower))
        || m.after()
            .is_some_and(|a| matches!(a.lower, "local" | "hours" | "hrs" | "h"));
    // "March 3, 2021, 17:30", "Wed 3 March | 17:30": a time after a date.
    let after_date = m
        .before()
        .is_some_and(|b| matches!(b.text, "," | "|" | "-" | "–" | "·"))
        && m.start >= 2
        && {
            let d = &m.toks[m.start - 2];
            d.is_digits()
                || lexicon::weekday(d).is_some()
                || lexicon::month(m.toks, m.start - 2).is_some()
        };
    if bare && !placed && !after_date {
        return None;
    }
    // "7pm BST (2pm ET)": the time in brackets restates the one before. A
    // restatement in UTC ("14:28 local time (06:28 UTC)", the way
    // encyclopedic news gives both) is another value, `T06:28Z`: kept (but
    // not the wire services' "(0735 GMT)", which `clock` leaves out).
    let zone = match_zone(m);
    let restated =
        zone.is_empty() && m.before().is_some_and(|b| b.text == "(") && m.start >= 2 && {
            let t = &m.toks[m.start - 2];
            TIME_ZONES.contains(&t.lower)
                || matches!(t.lower, "time" | "pm" | "am" | "m" | ".")
                || glued_meridiem(t).is_some()
        };
    if restated {
        return None;
    }
    let (h, min) = clock_value(m.part(0))?;
    // "9:15 a.m. — About 1.4 million ...": a live blog's entry stamp is on
    // the article's day, whatever day the entry before it named.
    let stamp = m.start == 0 || m.toks[m.start - 1].sentence != m.toks[m.start].sentence;
    let stamp = stamp
        && m.after()
            .is_some_and(|a| matches!(a.text, "—" | "–" | "-" | ":" | "|"));
    let day = match m.part(2).last() {
        Some(t) => match day_word_offset(t.lower) {
            Some(off) => add_days(ctx.anchor, off)?,
            None => weekday_date(ctx.anchor, lexicon::weekday(t)?, Rel::None, ctx.tense)?,
        },
        // A bare clock time is on the day the text is talking about: the
        // last day it named, even with a year named since ("killed Oct. 23
        // ... shot at 10 p.m."), unless the tense contradicts it ("called
        // at 2:30 a.m." after a day still ahead), else the publication day.
        None => match ctx.day {
            Some(d) if !against_tense(d, d, ctx) && !stamp => d,
            _ => ctx.anchor,
        },
    };
    // "midnight Monday" ends Monday: TIMEX3 writes it T24:00 of that day.
    let h = if m.part(0).first().is_some_and(|t| t.lower == "midnight") {
        24
    } else {
        h
    };
    Some(format!("{}T{h:02}:{min:02}{zone}", day_value(day)))
}

/// "5 p.m. EST Nov. 9": the clock time on that day (year as for "Nov. 9").
pub(super) fn n_clock_date(m: &Match, ctx: &Ctx) -> Option<String> {
    let year_follows = m.after().is_some_and(is_year)
        || m.after().is_some_and(|a| a.text == ",") && m.after_n(2).is_some_and(is_year);
    if number_continues(m) || year_follows {
        return None;
    }
    let (h, min) = clock_value(m.part(0))?;
    let day = month_day_date(ctx, month_of(m, 3)?, day_of(m, 4)?)?;
    let zone = match_zone(m);
    Some(format!("{}T{h:02}:{min:02}{zone}", day_value(day)))
}
