//! Word lists: month and weekday names, numbers and ordinals written in words,
//! calendar units, seasons and parts of the day. Kept apart from the rules so
//! a new spelling is one line here and every rule picks it up.

use super::pattern::Tok;
use super::value::{Season, Unit};
use chrono::Weekday;

const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
];

/// Abbreviations that need a following period (or capitals) to be months:
/// "Jan." is a month, "jan" rarely is.
const MONTH_ABBREVIATIONS: &[(&str, u32)] = &[
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

/// A capitalised full month name ("may" and "march" in lower case are verbs).
pub(crate) fn month_name(t: &Tok) -> Option<u32> {
    if !t.is_capitalised() {
        return None;
    }
    MONTHS.iter().find(|(w, _)| *w == t.lower).map(|&(_, m)| m)
}

/// A month written out or abbreviated ("Sept" before its period), with the
/// number of tokens it takes.
pub(crate) fn month(toks: &[Tok], at: usize) -> Option<(u32, usize)> {
    let t = toks.get(at)?;
    if let Some(m) = month_name(t) {
        return Some((m, at + 1));
    }
    if !t.is_capitalised() {
        return None;
    }
    let m = MONTH_ABBREVIATIONS
        .iter()
        .find(|(w, _)| *w == t.lower)
        .map(|&(_, m)| m)?;
    match toks.get(at + 1) {
        Some(dot) if dot.text == "." && !dot.gap => Some((m, at + 2)),
        _ => Some((m, at + 1)),
    }
}

/// True for "May" and "March", which need a date-like neighbour to count.
pub(crate) fn is_ambiguous_month(t: &Tok) -> bool {
    matches!(t.lower, "may" | "march")
}

const WEEKDAYS: &[(&str, Weekday)] = &[
    ("monday", Weekday::Mon),
    ("tuesday", Weekday::Tue),
    ("wednesday", Weekday::Wed),
    ("thursday", Weekday::Thu),
    ("friday", Weekday::Fri),
    ("saturday", Weekday::Sat),
    ("sunday", Weekday::Sun),
];

const WEEKDAY_ABBREVIATIONS: &[(&str, Weekday)] = &[
    ("mon", Weekday::Mon),
    ("tue", Weekday::Tue),
    ("tues", Weekday::Tue),
    ("wed", Weekday::Wed),
    ("thu", Weekday::Thu),
    ("thur", Weekday::Thu),
    ("thurs", Weekday::Thu),
    ("fri", Weekday::Fri),
    ("sat", Weekday::Sat),
    ("sun", Weekday::Sun),
];

/// A weekday name, full ("Tuesday") only.
pub(crate) fn weekday(t: &Tok) -> Option<Weekday> {
    weekday_word(t.lower)
}

/// The weekday a lower-case word names in full ("sunday").
pub(crate) fn weekday_word(word: &str) -> Option<Weekday> {
    WEEKDAYS.iter().find(|(w, _)| *w == word).map(|&(_, d)| d)
}

/// A capitalised weekday, full or abbreviated ("Wed"), for the head of a full date.
pub(crate) fn weekday_or_abbreviation(t: &Tok) -> Option<Weekday> {
    if !t.is_capitalised() {
        return None;
    }
    weekday(t).or_else(|| {
        WEEKDAY_ABBREVIATIONS
            .iter()
            .find(|(w, _)| *w == t.lower)
            .map(|&(_, d)| d)
    })
}

/// A day of the month: "9", "09", "3rd", "03rd".
pub(crate) fn day_of_month(t: &Tok) -> Option<u32> {
    let digits_end = t
        .text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(t.text.len());
    let (digits, suffix) = t.lower.split_at(digits_end.min(t.lower.len()));
    if digits.is_empty() || digits.len() > 2 {
        return None;
    }
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") {
        return None;
    }
    let n: u32 = digits.parse().ok()?;
    (1..=31).contains(&n).then_some(n)
}

/// A four-digit number that could be a year (1000–2199).
pub(crate) fn year(t: &Tok) -> Option<i32> {
    if t.text.len() != 4 || !t.is_digits() {
        return None;
    }
    let y: i32 = t.text.parse().ok()?;
    (1000..=2199).contains(&y).then_some(y)
}

const UNITS: &[(&str, Unit)] = &[
    ("second", Unit::Second),
    ("seconds", Unit::Second),
    ("minute", Unit::Minute),
    ("minutes", Unit::Minute),
    ("hour", Unit::Hour),
    ("hours", Unit::Hour),
    ("hrs", Unit::Hour),
    ("mins", Unit::Minute),
    ("day", Unit::Day),
    ("days", Unit::Day),
    ("week", Unit::Week),
    ("weeks", Unit::Week),
    ("fortnight", Unit::Fortnight),
    ("fortnights", Unit::Fortnight),
    ("weekend", Unit::Weekend),
    ("weekends", Unit::Weekend),
    ("month", Unit::Month),
    ("months", Unit::Month),
    ("quarter", Unit::Quarter),
    ("quarters", Unit::Quarter),
    ("year", Unit::Year),
    ("years", Unit::Year),
    ("decade", Unit::Decade),
    ("decades", Unit::Decade),
    ("century", Unit::Century),
    ("centuries", Unit::Century),
];

/// A calendar unit, singular or plural.
pub(crate) fn unit(t: &Tok) -> Option<Unit> {
    unit_word(t.lower)
}

/// The unit a lower-case word names ("days" → Day).
pub(crate) fn unit_word(word: &str) -> Option<Unit> {
    UNITS.iter().find(|(w, _)| *w == word).map(|&(_, u)| u)
}

const SMALL: &[&str] = &[
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];

const TENS: &[&str] = &[
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

fn number_word(w: &str) -> Option<u32> {
    if let Some(n) = SMALL.iter().position(|s| *s == w) {
        return u32::try_from(n).ok();
    }
    TENS.iter()
        .position(|s| !s.is_empty() && *s == w)
        .and_then(|n| u32::try_from(n * 10).ok())
}

/// A cardinal: digits ("24", but not "1,000"), words ("twenty four",
/// "twenty-four", "a hundred", "two thousand"), "a"/"an" for one, "a couple of" for two.
/// Returns the value and the end token.
pub(crate) fn cardinal(toks: &[Tok], at: usize) -> Option<(u32, usize)> {
    let t = toks.get(at)?;
    if let Some(n) = t.number() {
        return grouped_number(toks, at, n);
    }
    match t.lower {
        "a" | "an" => {
            let next = toks.get(at + 1).map(|n| n.lower);
            return match next {
                Some("couple") if toks.get(at + 2).is_some_and(|o| o.lower == "of") => {
                    Some((2, at + 3))
                }
                Some("hundred") => Some((100, at + 2)),
                Some("dozen") => Some((12, at + 2)),
                _ => Some((1, at + 1)),
            };
        }
        "dozen" => return Some((12, at + 1)),
        _ => {}
    }
    let mut n = number_word(t.lower)?;
    let mut end = at + 1;
    if n >= 20 && n % 10 == 0 {
        let hyphen = toks.get(end).is_some_and(|h| h.text == "-" && !h.gap);
        let unit_at = if hyphen { end + 1 } else { end };
        if let Some(u) = toks.get(unit_at).and_then(|u| number_word(u.lower)) {
            if (1..10).contains(&u) {
                n += u;
                end = unit_at + 1;
            }
        }
    }
    if toks.get(end).is_some_and(|h| h.lower == "hundred") {
        n *= 100;
        end += 1;
    }
    // "two thousand years", "five hundred thousand".
    if toks.get(end).is_some_and(|h| h.lower == "thousand") {
        n = n.checked_mul(1000)?;
        end += 1;
    }
    Some((n, end))
}

/// Vague counts that make an unspecified duration (`PXY`).
pub(crate) const VAGUE_COUNTS: &[&str] = &["several", "few", "many", "some", "numerous"];

const ORDINALS: &[&str] = &[
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "eleventh", "twelfth",
];

/// An ordinal: "third", "3rd", "21st".
pub(crate) fn ordinal(t: &Tok) -> Option<u32> {
    if let Some(n) = ORDINALS.iter().position(|o| *o == t.lower) {
        return u32::try_from(n + 1).ok();
    }
    let digits_end = t.lower.find(|c: char| !c.is_ascii_digit())?;
    let (digits, suffix) = t.lower.split_at(digits_end);
    if digits.is_empty() || !matches!(suffix, "st" | "nd" | "rd" | "th") {
        return None;
    }
    digits.parse().ok()
}

const SEASONS: &[(&str, Season)] = &[
    ("spring", Season::Spring),
    ("summer", Season::Summer),
    ("fall", Season::Fall),
    ("autumn", Season::Fall),
    ("winter", Season::Winter),
];

/// A season name.
pub(crate) fn season(t: &Tok) -> Option<Season> {
    SEASONS.iter().find(|(w, _)| *w == t.lower).map(|&(_, s)| s)
}

/// Parts of the day and their TIMEX3 codes.
pub(crate) const PARTS_OF_DAY: &[(&str, &str)] = &[
    ("morning", "MO"),
    ("afternoon", "AF"),
    ("evening", "EV"),
    ("night", "NI"),
    ("overnight", "NI"),
];

/// A part of the day and its TIMEX3 code ("morning" → `MO`).
pub(crate) fn part_of_day(t: &Tok) -> Option<&'static str> {
    PARTS_OF_DAY
        .iter()
        .find(|(w, _)| *w == t.lower)
        .map(|&(_, c)| c)
}

/// Decade words: "nineties" → 9 (for the 1990s).
pub(crate) fn decade_word(t: &Tok) -> Option<i32> {
    const DECADES: &[&str] = &[
        "",
        "",
        "twenties",
        "thirties",
        "forties",
        "fifties",
        "sixties",
        "seventies",
        "eighties",
        "nineties",
    ];
    DECADES
        .iter()
        .position(|d| !d.is_empty() && *d == t.lower)
        .and_then(|n| i32::try_from(n).ok())
}

/// The words of a (word, value) table.
fn words_of<T>(table: &[(&'static str, T)]) -> Vec<&'static str> {
    table.iter().map(|&(w, _)| w).collect()
}

/// Every month name and abbreviation, lower case (what [`month`] can start with).
pub(crate) fn month_words() -> Vec<&'static str> {
    [words_of(MONTHS), words_of(MONTH_ABBREVIATIONS)].concat()
}

/// Every weekday name and abbreviation, lower case.
pub(crate) fn weekday_words() -> Vec<&'static str> {
    [words_of(WEEKDAYS), words_of(WEEKDAY_ABBREVIATIONS)].concat()
}

/// Every calendar unit word, singular and plural.
pub(crate) fn unit_words() -> Vec<&'static str> {
    words_of(UNITS)
}

/// Every season name.
pub(crate) fn season_words() -> Vec<&'static str> {
    words_of(SEASONS)
}

/// Every part-of-day word.
pub(crate) fn part_of_day_words() -> Vec<&'static str> {
    words_of(PARTS_OF_DAY)
}

/// Every ordinal written in words.
pub(crate) fn ordinal_words() -> Vec<&'static str> {
    ORDINALS.to_vec()
}

/// Every word [`cardinal`] can start with (digits aside).
/// A number in digits starting at token `at` (worth `head`), with its
/// thousands groups: "1,500" is 1500. A decimal ("6.87") or an odd group
/// ("1,50") is no count at all.
fn grouped_number(toks: &[Tok], at: usize, head: u32) -> Option<(u32, usize)> {
    let glued = |i: usize| toks.get(i).filter(|t| !t.gap);
    let mut n = head;
    let mut end = at + 1;
    while let Some(sep) = glued(end).filter(|s| matches!(s.text, "," | ".")) {
        let Some(group) = glued(end + 1).filter(|g| g.is_digits()) else {
            break;
        };
        let thousands = sep.text == "," && group.text.len() == 3 && toks[at].text.len() <= 3;
        if !thousands {
            return None;
        }
        n = n.checked_mul(1000)?.checked_add(group.number()?)?;
        end += 2;
    }
    Some((n, end))
}

pub(crate) fn cardinal_words() -> Vec<&'static str> {
    let mut words = vec!["a", "an", "dozen"];
    words.extend(SMALL.iter().chain(TENS).filter(|w| !w.is_empty()));
    words
}
