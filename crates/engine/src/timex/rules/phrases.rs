//! Token tests and phrase recognisers: the building blocks the patterns in
//! [`super::RULES`] are made of ("early", "the end of", "nineteen ninety-six").

use super::*;

pub(super) fn is_day(t: &Tok) -> bool {
    lexicon::day_of_month(t).is_some()
}

pub(super) fn is_year(t: &Tok) -> bool {
    lexicon::year(t).is_some()
}

pub(super) fn is_weekday(t: &Tok) -> bool {
    t.is_capitalised() && lexicon::weekday(t).is_some()
}

/// A time zone after a clock time: "GMT", "CEST", and "ET" (not "et al.").
pub(crate) fn is_time_zone(t: &Tok) -> bool {
    TIME_ZONES.contains(&t.lower) || t.text == "ET"
}

/// A time zone after a clock time, bare ("12:00 UTC") or in brackets
/// ("12:00 (UTC)", as encyclopedic articles write it).
pub(super) fn time_zone(toks: &[Tok], at: usize) -> Option<usize> {
    let t = toks.get(at)?;
    if is_time_zone(t) {
        return Some(at + 1);
    }
    let zone = toks.get(at + 1).filter(|z| is_time_zone(z))?;
    let close = toks.get(at + 2)?;
    (t.text == "(" && close.text == ")" && !zone.gap).then_some(at + 3)
}

/// "Sundays": a capitalised weekday in the plural.
pub(super) fn is_weekday_plural(t: &Tok) -> bool {
    t.is_capitalised() && weekday_plural(t).is_some()
}

/// The weekday a plural names ("Sundays" → Sunday).
pub(super) fn weekday_plural(t: &Tok) -> Option<chrono::Weekday> {
    let singular = t.lower.strip_suffix('s')?;
    lexicon::weekday_word(singular)
}

pub(super) fn is_unit(t: &Tok) -> bool {
    lexicon::unit(t).is_some()
}

pub(super) fn is_calendar_unit(t: &Tok) -> bool {
    lexicon::unit(t).is_some_and(|u| !u.is_clock())
}

pub(super) fn is_clock_unit(t: &Tok) -> bool {
    lexicon::unit(t).is_some_and(Unit::is_clock)
}

pub(super) fn is_singular_unit(t: &Tok) -> bool {
    is_unit(t) && !t.lower.ends_with('s')
}

pub(super) fn is_plural_unit(t: &Tok) -> bool {
    is_unit(t) && t.lower.ends_with('s')
}

pub(super) fn is_quarter_ordinal(t: &Tok) -> bool {
    lexicon::ordinal(t).is_some_and(|n| (1..=4).contains(&n))
}

/// An ordinal: "eighth", "8th".
pub(super) fn is_ordinal(t: &Tok) -> bool {
    lexicon::ordinal(t).is_some()
}

/// "first" to "fifth" or "last": which of a month's Sundays.
pub(super) fn is_weekday_ordinal(t: &Tok) -> bool {
    t.lower == "last" || lexicon::ordinal(t).is_some_and(|n| (1..=5).contains(&n))
}

pub(super) fn is_half_ordinal(t: &Tok) -> bool {
    matches!(t.lower, "first" | "second" | "1st" | "2nd" | "last")
}

pub(super) fn is_century_ordinal(t: &Tok) -> bool {
    lexicon::ordinal(t).is_some_and(|n| (1..=22).contains(&n))
}

pub(super) fn is_season(t: &Tok) -> bool {
    lexicon::season(t).is_some()
}

pub(super) fn is_part_of_day(t: &Tok) -> bool {
    lexicon::part_of_day(t).is_some() && t.lower != "overnight"
}

pub(super) fn is_decade_word(t: &Tok) -> bool {
    lexicon::decade_word(t).is_some()
}

pub(super) fn month_phrase(toks: &[Tok], at: usize) -> Option<usize> {
    lexicon::month(toks, at).map(|(_, end)| end)
}

/// "Wed", "Tuesday," before a full date.
pub(super) fn weekday_head(toks: &[Tok], at: usize) -> Option<usize> {
    lexicon::weekday_or_abbreviation(toks.get(at)?)?;
    let comma = toks
        .get(at + 1)
        .is_some_and(|c| c.text == "," || c.text == ".");
    Some(if comma { at + 2 } else { at + 1 })
}

/// A period boundary that keeps the value: "early", "late", "mid-",
/// "the end of", "earlier", "later".
pub(super) fn edge(toks: &[Tok], at: usize) -> Option<usize> {
    let w = |i: usize| toks.get(i).map(|t| t.lower);
    let glued_hyphen = |i: usize| toks.get(i).is_some_and(|t| t.text == "-" && !t.gap);
    match w(at)? {
        // "late 2021", "late-2021".
        "early" | "late" | "earlier" | "later" => Some(at + 1 + usize::from(glued_hyphen(at + 1))),
        "end" if glued_hyphen(at + 1) => Some(at + 2),
        "mid" => Some(if w(at + 1) == Some("-") {
            at + 2
        } else {
            at + 1
        }),
        "the" | "end" => {
            let (head, of) = if w(at)? == "the" {
                (at + 1, at + 2)
            } else {
                (at, at + 1)
            };
            let boundary = matches!(w(head)?, "end" | "beginning" | "start" | "middle");
            (boundary && w(of) == Some("of")).then_some(of + 1)
        }
        _ => None,
    }
}

/// "last", "this", "next" and synonyms, also "this past".
pub(super) fn direction(toks: &[Tok], at: usize) -> Option<usize> {
    let t = toks.get(at)?;
    match t.lower {
        "this" if toks.get(at + 1).is_some_and(|p| p.lower == "past") => Some(at + 2),
        "last" | "past" | "previous" | "this" | "current" | "next" | "coming" => Some(at + 1),
        _ => None,
    }
}

/// A count: a cardinal or a vague quantity ("several", "a few").
pub(super) fn count(toks: &[Tok], at: usize) -> Option<usize> {
    let t = toks.get(at)?;
    // The "87" of "6.87 seconds" or "1,500" is the tail of another number.
    if t.is_digits() && !t.gap && at >= 2 {
        let (sep, head) = (&toks[at - 1], &toks[at - 2]);
        if !sep.gap && matches!(sep.text, "." | ",") && head.is_digits() {
            return None;
        }
    }
    if t.lower == "a" && toks.get(at + 1).is_some_and(|f| f.lower == "few") {
        return Some(at + 2);
    }
    if VAGUE_COUNTS.contains(&t.lower) {
        return Some(at + 1);
    }
    if let Some(end) = couple(toks, at) {
        return Some(end);
    }
    lexicon::cardinal(toks, at).map(|(_, end)| end)
}

/// "couple of" without its article ("the next couple of years"): two.
/// [`lexicon::cardinal`] reads "a couple of".
pub(super) fn couple(toks: &[Tok], at: usize) -> Option<usize> {
    let w = |i: usize| toks.get(i).map(|t| t.lower);
    (w(at)? == "couple" && w(at + 1)? == "of").then_some(at + 2)
}

/// Hedges in front of a quantity: "nearly", "more than", "at least", "up to".
pub(super) fn hedge(toks: &[Tok], at: usize) -> Option<usize> {
    let w = |i: usize| toks.get(i).map(|t| t.lower);
    match (w(at)?, w(at + 1)) {
        ("more" | "less" | "fewer", Some("than"))
        | ("at", Some("least" | "most"))
        | ("up", Some("to")) => Some(at + 2),
        ("nearly" | "almost" | "about" | "around" | "roughly" | "approximately" | "some", _) => {
            Some(at + 1)
        }
        _ => None,
    }
}

/// "the", "the past", "the last", "the next", "the first", "the coming".
pub(super) fn duration_head(toks: &[Tok], at: usize) -> Option<usize> {
    let w = |i: usize| toks.get(i).map(|t| t.lower);
    const DIRECTIONS: &[&str] = &[
        "past", "last", "next", "first", "coming", "previous", "final", "latest",
    ];
    match w(at)? {
        "the" if w(at + 1).is_some_and(|d| DIRECTIONS.contains(&d)) => Some(at + 2),
        "the" => Some(at + 1),
        "last"
            if at
                .checked_sub(1)
                .and_then(w)
                .is_some_and(|b| LAST_AS_VERB.contains(&b)) =>
        {
            None
        }
        d if DIRECTIONS.contains(&d) && d != "first" => Some(at + 1),
        _ => None,
    }
}

/// Words after which "last" is the verb: "the pandemic could last many
/// months" lasts "many months"; the verb is no part of the duration.
const LAST_AS_VERB: &[&str] = &[
    "to", "will", "would", "could", "can", "may", "might", "should", "must", "not",
];

/// "this year's", "last year's", "next year's".
pub(super) fn year_possessive(toks: &[Tok], at: usize) -> Option<usize> {
    let w = |i: usize| toks.get(i).map(|t| t.lower);
    let head = matches!(w(at)?, "this" | "last" | "next");
    let ok = head
        && w(at + 1) == Some("year")
        && matches!(w(at + 2), Some("'" | "’"))
        && w(at + 3) == Some("s");
    ok.then_some(at + 4)
}

/// "year-earlier", "year-ago", "year earlier".
pub(super) fn year_ago(toks: &[Tok], at: usize) -> Option<usize> {
    let w = |i: usize| toks.get(i).map(|t| t.lower);
    if w(at)? != "year" {
        return None;
    }
    let next = if w(at + 1) == Some("-") {
        at + 2
    } else {
        at + 1
    };
    matches!(w(next), Some("earlier" | "ago")).then_some(next + 1)
}

/// "year-end", "year end", "year's end".
pub(super) fn year_end(toks: &[Tok], at: usize) -> Option<usize> {
    let w = |i: usize| toks.get(i).map(|t| t.lower);
    if w(at)? != "year" {
        return None;
    }
    match w(at + 1)? {
        "end" => Some(at + 2),
        "-" if w(at + 2) == Some("end") => Some(at + 3),
        "'" | "’" if w(at + 2) == Some("s") && w(at + 3) == Some("end") => Some(at + 4),
        _ => None,
    }
}

/// Digits of exactly `len` characters glued to the token before.
pub(super) fn glued_digits(toks: &[Tok], at: usize, len: usize) -> Option<u32> {
    let t = toks.get(at)?;
    (!t.gap && t.text.len() == len && t.is_digits())
        .then(|| t.text.parse().ok())
        .flatten()
}

/// The separator `sep` glued between two numbers.
pub(super) fn glued_sep(toks: &[Tok], at: usize, sep: &str) -> bool {
    toks.get(at).is_some_and(|t| !t.gap && t.text == sep)
}

/// True if the token after a numeric date continues it ("2021-12-15-3").
pub(super) fn continues_number(toks: &[Tok], end: usize) -> bool {
    glued_number_follows(toks, end, &["-", "/", ".", ":"])
}

/// True if tokens `at` and `at + 1` are one of `separators` and digits, with
/// no space before either: the number goes on.
pub(super) fn glued_number_follows(toks: &[Tok], at: usize, separators: &[&str]) -> bool {
    toks.get(at)
        .is_some_and(|t| !t.gap && separators.contains(&t.text))
        && toks.get(at + 1).is_some_and(|t| !t.gap && t.is_digits())
}

/// "2021-12-15": an ISO 8601 calendar date.
pub(super) fn iso_date(toks: &[Tok], at: usize) -> Option<usize> {
    let year = toks.get(at)?;
    let ok = year.text.len() == 4
        && year.is_digits()
        && glued_sep(toks, at + 1, "-")
        && glued_digits(toks, at + 2, 2).is_some()
        && glued_sep(toks, at + 3, "-")
        && glued_digits(toks, at + 4, 2).is_some()
        && !continues_number(toks, at + 5);
    ok.then_some(at + 5)
}

/// "1/15/2023", "15/1/2023", "24.02.2022": a day, a month and a four-digit
/// year joined by slashes or dots.
pub(super) fn numeric_date(toks: &[Tok], at: usize) -> Option<usize> {
    let first = toks.get(at)?;
    let sep = toks.get(at + 1)?.text;
    // Dots and hyphens only with two-digit parts ("24.02.2022",
    // "19-10-2021"), so "version 1.2.2022" stays a version.
    let width = if matches!(sep, "." | "-") {
        2..=2
    } else {
        1..=2
    };
    let short = |t: &Tok| t.is_digits() && width.contains(&t.text.len());
    let ok = short(first)
        && matches!(sep, "/" | "." | "-")
        && glued_sep(toks, at + 1, sep)
        && toks.get(at + 2).is_some_and(|t| !t.gap && short(t))
        && glued_sep(toks, at + 3, sep)
        && glued_digits(toks, at + 4, 4).is_some()
        && !continues_number(toks, at + 5);
    ok.then_some(at + 5)
}

/// "Q1", "H2": a quarter or half of a year in financial shorthand, as the
/// point it names in a given year.
pub(super) fn period_code(t: &Tok) -> Option<impl Fn(i32) -> Point> {
    let (kind, n) = t.lower.split_at_checked(1)?;
    let n: u32 = n.parse().ok()?;
    let quarter = match kind {
        "q" if (1..=4).contains(&n) => true,
        "h" if (1..=2).contains(&n) => false,
        _ => return None,
    };
    Some(move |year| {
        if quarter {
            Point::Quarter(year, n)
        } else {
            Point::Half(year, n)
        }
    })
}

pub(super) fn period_code_phrase(toks: &[Tok], at: usize) -> Option<usize> {
    period_code(toks.get(at)?)
        .filter(|_| toks[at].text.starts_with(['Q', 'H']))
        .map(|_| at + 1)
}

/// "4 hours 48 mins 2 seconds", "two hour, 24 minute", "a year and six
/// months": amounts of ever smaller units, each with its count; with the
/// end of the last one. None unless there are at least two.
pub(super) fn duration_parts(toks: &[Tok], at: usize) -> Option<(Vec<(u32, Unit)>, usize)> {
    let mut parts: Vec<(u32, Unit)> = Vec::new();
    let mut i = at;
    let mut end = at;
    while let Some((n, after_count)) = lexicon::cardinal(toks, i) {
        let hyphen = toks
            .get(after_count)
            .is_some_and(|h| h.text == "-" && !h.gap);
        let unit_at = after_count + usize::from(hyphen);
        let Some(unit) = toks.get(unit_at).and_then(lexicon::unit) else {
            break;
        };
        let finer = parts.last().is_none_or(|&(_, last)| unit < last);
        if !finer
            || matches!(
                unit,
                Unit::Quarter | Unit::Weekend | Unit::Decade | Unit::Century
            )
        {
            break;
        }
        parts.push((n, unit));
        end = unit_at + 1;
        i = end;
        if toks.get(i).is_some_and(|t| t.text == ",") {
            i += 1;
        }
        if toks.get(i).is_some_and(|t| t.lower == "and") {
            i += 1;
        }
    }
    (parts.len() >= 2).then_some((parts, end))
}

pub(super) fn compound_duration(toks: &[Tok], at: usize) -> Option<usize> {
    duration_parts(toks, at).map(|(_, end)| end)
}

/// "of 1998", "of fiscal 1998".
pub(super) fn of_year(toks: &[Tok], at: usize) -> Option<usize> {
    if toks.get(at)?.lower != "of" {
        return None;
    }
    // "of the year", "of this year": the article's year.
    let this_year = matches!(toks.get(at + 1)?.lower, "the" | "this")
        && toks.get(at + 2).is_some_and(|t| t.lower == "year");
    if this_year {
        return Some(at + 3);
    }
    let y = if toks.get(at + 1)?.lower == "fiscal" {
        at + 2
    } else {
        at + 1
    };
    is_year(toks.get(y)?).then_some(y + 1)
}

/// A decade in digits: "1990s", "'80s".
pub(super) fn decade_digits(toks: &[Tok], at: usize) -> Option<usize> {
    let t = toks.get(at)?;
    let apostrophe = matches!(t.text, "'" | "’");
    let d = if apostrophe { toks.get(at + 1)? } else { t };
    let digits = d.lower.strip_suffix('s')?;
    let ok = digits.bytes().all(|b| b.is_ascii_digit()) && digits.ends_with('0');
    let ok = ok
        && if apostrophe {
            digits.len() == 2 && !d.gap
        } else {
            digits.len() == 4
        };
    ok.then_some(if apostrophe { at + 2 } else { at + 1 })
}

/// "a.m.", "pm", "p.m" after a clock time.
pub(super) fn meridiem(toks: &[Tok], at: usize) -> Option<usize> {
    let w = |i: usize| toks.get(i).map(|t| t.lower);
    match w(at)? {
        "am" | "pm" => Some(at + 1),
        "a" | "p" if w(at + 1) == Some(".") && w(at + 2) == Some("m") => {
            Some(if w(at + 3) == Some(".") {
                at + 4
            } else {
                at + 3
            })
        }
        _ => None,
    }
}

/// A clock time: "05:00 PM", "10 p.m.", "17:30", "noon", "midnight".
pub(super) fn clock(toks: &[Tok], at: usize) -> Option<usize> {
    let t = toks.get(at)?;
    if matches!(t.lower, "noon" | "midnight") {
        // "High Noon" is a film, "high noon" a figure of speech.
        let high = at.checked_sub(1).is_some_and(|p| toks[p].lower == "high");
        return (!high).then_some(at + 1);
    }
    // "0730 GMT": wire-service time, four digits before a time zone.
    let zone_follows = toks
        .get(at + 1)
        .is_some_and(|z| TIME_ZONES.contains(&z.lower));
    if t.text.len() == 4 && zone_follows {
        // "10:35 a.m. (0735 GMT)": the wire services' conversion note
        // restates the time before it, and TBAQ leaves it unannotated
        // (unlike "14:28 local time (06:28 UTC)", see `n_clock`).
        let restated = at.checked_sub(1).is_some_and(|p| toks[p].text == "(");
        return military_time(t).filter(|_| !restated).map(|_| at + 1);
    }
    // "3pm", "10:30am": the meridiem glued to the number.
    if let Some((hour, _)) = glued_meridiem(t) {
        return (hour <= 12 && t.text.len() <= 4).then_some(at + 1);
    }
    let hour = t.number().filter(|h| *h <= 24 && t.text.len() <= 2)?;
    let mut end = at + 1;
    // "4.45pm", "9.30 a.m.": British times, a clock only with a meridiem.
    let dot = toks.get(end).is_some_and(|c| c.text == "." && !c.gap);
    if dot && hour <= 12 {
        let minutes = toks.get(end + 1).filter(|m| !m.gap)?;
        if let Some((m, _)) = glued_meridiem(minutes) {
            return (m < 60 && minutes.text.len() == 4).then_some(end + 2);
        }
        (minutes.text.len() == 2 && minutes.number()? < 60).then_some(())?;
        return meridiem(toks, end + 2);
    }
    let colon = toks.get(end).is_some_and(|c| c.text == ":" && !c.gap);
    if colon {
        let minutes = toks.get(end + 1).filter(|m| !m.gap)?;
        if let Some((m, _)) = glued_meridiem(minutes) {
            let ok = m < 60 && minutes.text.len() == 4 && hour <= 12;
            return ok.then_some(end + 2);
        }
        (minutes.text.len() == 2).then_some(())?;
        minutes.number().filter(|m| *m < 60)?;
        end += 2;
        // "4:11.06" is a race time, not a time of day.
        if continues_number(toks, end) {
            return None;
        }
    }
    match meridiem(toks, end) {
        Some(after) if hour <= 12 => Some(after),
        _ if hour <= 12 && placed_clock(toks, at) => {
            part_of_day_meridiem(toks, end).or(colon.then_some(end))
        }
        _ if colon => Some(end),
        _ => None,
    }
}

/// "at 4 in the morning", "by 9 at night": the part of the day says a.m. or
/// p.m. Only after a preposition: "Game 4 in the evening" is no time.
fn part_of_day_meridiem(toks: &[Tok], at: usize) -> Option<usize> {
    let w = |i: usize| toks.get(i).map(|t| t.lower);
    match (w(at)?, w(at + 1), w(at + 2)) {
        ("in", Some("the"), Some("morning" | "afternoon" | "evening")) => Some(at + 3),
        ("at", Some("night"), _) => Some(at + 2),
        _ => None,
    }
}

/// True if a preposition that places a clock time stands before token `at`.
fn placed_clock(toks: &[Tok], at: usize) -> bool {
    at.checked_sub(1)
        .is_some_and(|p| CLOCK_PREPOSITIONS.contains(&toks[p].lower))
}

/// A day named in words after a clock time: "Tuesday", "yesterday".
pub(super) fn day_name(toks: &[Tok], at: usize) -> Option<usize> {
    // "3 a.m. on Sunday" as well as "3 a.m. Sunday".
    let at = if toks.get(at)?.lower == "on" {
        at + 1
    } else {
        at
    };
    let t = toks.get(at)?;
    let ok = is_weekday(t) || matches!(t.lower, "today" | "yesterday" | "tomorrow");
    ok.then_some(at + 1)
}

pub(super) fn day_part(toks: &[Tok], at: usize) -> Option<usize> {
    let w = |i: usize| toks.get(i).map(|t| t.lower);
    // "early this morning", "late last night": TimeML keeps the modifier.
    if is_day_part_edge(toks.get(at)?) {
        return day_part(toks, at + 1).filter(|_| !is_day_part_edge(&toks[at + 1]));
    }
    match w(at)? {
        "last" if w(at + 1) == Some("night") => Some(at + 2),
        "this" | "that" | "today" | "yesterday" | "tomorrow"
            if toks.get(at + 1).is_some_and(is_part_of_day) =>
        {
            Some(at + 2)
        }
        "the" if the_part_of_that_day(toks, at) => Some(at + 2),
        _ => None,
    }
}

/// "worked through the night", "by the evening": the part of the day the
/// text is telling, after a preposition that places it in time, and ending
/// there: not "the night of October 23" or "the night the flight fell"
/// (its day said after it), nor "the morning papers".
fn the_part_of_that_day(toks: &[Tok], at: usize) -> bool {
    const PLACING: &[&str] = &["through", "throughout", "during", "by", "into", "in"];
    /// Words that go on with the sentence, not with the phrase.
    const GOING_ON: &[&str] = &[
        "and", "or", "but", "to", "as", "while", "so", "in", "at", "on", "with", "for", "until",
    ];
    let placed = at
        .checked_sub(1)
        .is_some_and(|p| PLACING.contains(&toks[p].lower));
    let part = toks.get(at + 1).is_some_and(is_part_of_day);
    let ended = toks.get(at + 2).is_none_or(|t| {
        t.sentence != toks[at].sentence || !t.is_word() || GOING_ON.contains(&t.lower)
    });
    placed && part && ended
}

/// "early", "late", "earlier", "later" before a part of a day.
pub(super) fn is_day_part_edge(t: &Tok) -> bool {
    matches!(t.lower, "early" | "late" | "earlier" | "later")
}

/// "mid-afternoon", "mid morning", "midafternoon", "midday": the part of
/// the day (TIMEX3 code) and where the phrase ends.
pub(super) fn mid_part_at(toks: &[Tok], at: usize) -> Option<(usize, &'static str)> {
    let w = |i: usize| toks.get(i).map(|t| t.lower);
    match w(at)? {
        "midmorning" => Some((at + 1, "MO")),
        "midafternoon" => Some((at + 1, "AF")),
        "midday" => Some((at + 1, "12:00")),
        "mid" => {
            let i = if matches!(w(at + 1), Some("-" | "–")) {
                at + 2
            } else {
                at + 1
            };
            match w(i)? {
                "morning" => Some((i + 1, "MO")),
                "afternoon" => Some((i + 1, "AF")),
                "day" => Some((i + 1, "12:00")),
                _ => None,
            }
        }
        _ => None,
    }
}

pub(super) fn mid_part(toks: &[Tok], at: usize) -> Option<usize> {
    mid_part_at(toks, at).map(|(end, _)| end)
}

/// A year after an optional comma (", 2000"), so a bare comma stays out.
pub(super) fn comma_year(toks: &[Tok], at: usize) -> Option<usize> {
    let year_at = if toks.get(at)?.text == "," {
        at + 1
    } else {
        at
    };
    is_year(toks.get(year_at)?).then_some(year_at + 1)
}

/// "1/2" (three tokens, no spaces inside) or "½" after a whole number.
pub(super) fn half_fraction(toks: &[Tok], at: usize) -> Option<usize> {
    let t = toks.get(at)?;
    if t.text == "½" {
        return Some(at + 1);
    }
    let slash = toks.get(at + 1)?;
    let two = toks.get(at + 2)?;
    let ok = t.text == "1" && slash.text == "/" && !slash.gap && two.text == "2" && !two.gap;
    ok.then_some(at + 3)
}

/// "last", "this", "next", "early", "late", "mid-" before a month name.
pub(super) fn month_modifier(toks: &[Tok], at: usize) -> Option<usize> {
    edge(toks, at).or_else(|| {
        let t = toks.get(at)?;
        matches!(t.lower, "last" | "this" | "next").then_some(at + 1)
    })
}

/// "the", "this", "last", "next", "this past" before a season.
pub(super) fn season_determiner(toks: &[Tok], at: usize) -> Option<usize> {
    direction(toks, at).or_else(|| (toks.get(at)?.lower == "the").then_some(at + 1))
}

/// "last", "next", "this", "the previous" before a weekday.
pub(super) fn weekday_direction(toks: &[Tok], at: usize) -> Option<usize> {
    let w = |i: usize| toks.get(i).map(|t| t.lower);
    match w(at)? {
        "last" | "next" | "this" | "previous" => Some(at + 1),
        "the" if matches!(w(at + 1), Some("previous" | "preceding" | "following")) => Some(at + 2),
        _ => None,
    }
}

/// A standalone "year-earlier"/"year-ago" adjective.
pub(super) fn year_ago_adjective(toks: &[Tok], at: usize) -> Option<usize> {
    let end = year_ago(toks, at)?;
    (toks.get(at + 1).is_some_and(|h| h.text == "-")).then_some(end)
}

/// A vague quantity only: "several", "a few".
pub(super) fn vague_count(toks: &[Tok], at: usize) -> Option<usize> {
    let t = toks.get(at)?;
    if t.lower == "a" && toks.get(at + 1).is_some_and(|f| f.lower == "few") {
        return Some(at + 2);
    }
    VAGUE_COUNTS.contains(&t.lower).then_some(at + 1)
}

/// "the year" before a year in words.
pub(super) fn the_year(toks: &[Tok], at: usize) -> Option<usize> {
    let ok = toks.get(at)?.lower == "the" && toks.get(at + 1)?.lower == "year";
    ok.then_some(at + 2)
}

/// A year in words: "nineteen ninety-six", "two thousand", "two thousand and one".
pub(super) fn year_words_value(toks: &[Tok], at: usize) -> Option<(i32, usize)> {
    let w = |i: usize| toks.get(i).map(|t| t.lower);
    if w(at)? == "two" && w(at + 1)? == "thousand" {
        let after = if w(at + 2) == Some("and") {
            at + 3
        } else {
            at + 2
        };
        return match lexicon::cardinal(toks, after) {
            Some((n, end)) if (1..100).contains(&n) && !toks[after].is_digits() => {
                Some((2000 + n as i32, end))
            }
            _ => Some((2000, at + 2)),
        };
    }
    let century: i32 = match w(at)? {
        "nineteen" => 19,
        "eighteen" => 18,
        _ => return None,
    };
    let (n, end) = lexicon::cardinal(toks, at + 1)?;
    let words = !toks[at + 1].is_digits() && (10..100).contains(&n);
    words.then_some((century * 100 + n as i32, end))
}

pub(super) fn year_words(toks: &[Tok], at: usize) -> Option<usize> {
    year_words_value(toks, at).map(|(_, end)| end)
}

/// The year written in words in part `k` of a match.
pub(super) fn year_words_of(m: &Match, k: usize) -> Option<i32> {
    year_words_value(m.toks, m.parts.get(k)?.0).map(|(year, _)| year)
}

/// "recent", "coming", "the coming" before a plural unit.
pub(super) fn vague_lead(toks: &[Tok], at: usize) -> Option<usize> {
    let w = |i: usize| toks.get(i).map(|t| t.lower);
    let direction = |d: &str| matches!(d, "coming" | "past" | "last" | "next") || is_opening(d);
    match w(at)? {
        "recent" | "coming" => Some(at + 1),
        "the"
            if w(at + 1).is_some_and(direction) && w(at + 2).is_some_and(|u| u.ends_with('s')) =>
        {
            Some(at + 2)
        }
        // "over the years", "through the decades": some units, all told.
        "the"
            if at
                .checked_sub(1)
                .and_then(w)
                .is_some_and(|b| matches!(b, "over" | "through" | "throughout")) =>
        {
            Some(at + 1)
        }
        _ => None,
    }
}

/// Words for the opening or closing stretch of something: "the first hours
/// of the ground war", "the early years", "the final days of the campaign".
pub(super) fn is_opening(word: &str) -> bool {
    matches!(
        word,
        "first" | "early" | "final" | "opening" | "closing" | "initial"
    )
}

/// "the early hours of", "the small hours of": the night before dawn.
pub(super) fn early_hours_of(toks: &[Tok], at: usize) -> Option<usize> {
    let w = |i: usize| toks.get(i).map(|t| t.lower);
    let ok = w(at)? == "the"
        && matches!(w(at + 1)?, "early" | "small" | "wee")
        && w(at + 2)? == "hours"
        && w(at + 3)? == "of";
    ok.then_some(at + 4)
}
