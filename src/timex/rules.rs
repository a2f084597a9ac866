//! The pattern table. Each [`Rule`] is a token pattern, the TIMEX3 type it
//! yields and a normaliser that turns the match into a value (or rejects it).
//! To support a new form, add a rule here and a sentence to the tests below.
//! At each token the longest match wins; on a tie, the earlier rule.

use super::lexicon::{self, VAGUE_COUNTS};
use super::pattern::{El, First, Index, Match, Tok};
use super::resolve::{month_day_date, month_year, relative, weekday_date, Ctx, Rel, Tense};
use super::value::{add_days, duration, Point, Season, Unit};
use super::TimexType;
use chrono::{Datelike, NaiveDate};
use std::sync::OnceLock;

/// A pattern and how to normalise what it matches.
pub(crate) struct Rule {
    /// Names the rule in test failures and code review.
    #[cfg_attr(not(test), allow(dead_code))]
    pub name: &'static str,
    pub pattern: &'static [El],
    pub kind: TimexType,
    /// The TIMEX3 value, or None to reject the match.
    pub norm: fn(&Match, &Ctx) -> Option<String>,
    /// True if the value may anchor later anaphoric expressions ("in 2002
    /// ... five years later"); false for those anaphoric ones themselves, so
    /// "a year earlier ... a year earlier" does not drift.
    pub anchors: bool,
}

// ---- token tests -------------------------------------------------------

fn is_day(t: &Tok) -> bool {
    lexicon::day_of_month(t).is_some()
}
fn is_year(t: &Tok) -> bool {
    lexicon::year(t).is_some()
}
fn is_weekday(t: &Tok) -> bool {
    t.is_capitalised() && lexicon::weekday(t).is_some()
}
fn is_unit(t: &Tok) -> bool {
    lexicon::unit(t).is_some()
}
fn is_calendar_unit(t: &Tok) -> bool {
    lexicon::unit(t).is_some_and(|u| !u.is_clock())
}
fn is_clock_unit(t: &Tok) -> bool {
    lexicon::unit(t).is_some_and(Unit::is_clock)
}
fn is_singular_unit(t: &Tok) -> bool {
    is_unit(t) && !t.lower.ends_with('s')
}
fn is_plural_unit(t: &Tok) -> bool {
    is_unit(t) && t.lower.ends_with('s')
}
fn is_quarter_ordinal(t: &Tok) -> bool {
    lexicon::ordinal(t).is_some_and(|n| (1..=4).contains(&n))
}
fn is_half_ordinal(t: &Tok) -> bool {
    matches!(t.lower, "first" | "second" | "1st" | "2nd" | "last")
}
fn is_century_ordinal(t: &Tok) -> bool {
    lexicon::ordinal(t).is_some_and(|n| (1..=22).contains(&n))
}
fn is_season(t: &Tok) -> bool {
    lexicon::season(t).is_some()
}
fn is_part_of_day(t: &Tok) -> bool {
    lexicon::part_of_day(t).is_some() && t.lower != "overnight"
}
fn is_decade_word(t: &Tok) -> bool {
    lexicon::decade_word(t).is_some()
}

// ---- phrases -------------------------------------------------------------

fn month_phrase(toks: &[Tok], at: usize) -> Option<usize> {
    lexicon::month(toks, at).map(|(_, end)| end)
}

/// "Wed", "Tuesday," before a full date.
fn weekday_head(toks: &[Tok], at: usize) -> Option<usize> {
    lexicon::weekday_or_abbreviation(toks.get(at)?)?;
    let comma = toks
        .get(at + 1)
        .is_some_and(|c| c.text == "," || c.text == ".");
    Some(if comma { at + 2 } else { at + 1 })
}

/// A period boundary that keeps the value: "early", "late", "mid-",
/// "the end of", "earlier", "later".
fn edge(toks: &[Tok], at: usize) -> Option<usize> {
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
fn direction(toks: &[Tok], at: usize) -> Option<usize> {
    let t = toks.get(at)?;
    match t.lower {
        "this" if toks.get(at + 1).is_some_and(|p| p.lower == "past") => Some(at + 2),
        "last" | "past" | "previous" | "this" | "current" | "next" | "coming" => Some(at + 1),
        _ => None,
    }
}

/// A count: a cardinal or a vague quantity ("several", "a few").
fn count(toks: &[Tok], at: usize) -> Option<usize> {
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
fn couple(toks: &[Tok], at: usize) -> Option<usize> {
    let w = |i: usize| toks.get(i).map(|t| t.lower);
    (w(at)? == "couple" && w(at + 1)? == "of").then_some(at + 2)
}

/// Hedges in front of a quantity: "nearly", "more than", "at least", "up to".
fn hedge(toks: &[Tok], at: usize) -> Option<usize> {
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
fn duration_head(toks: &[Tok], at: usize) -> Option<usize> {
    let w = |i: usize| toks.get(i).map(|t| t.lower);
    const DIRECTIONS: &[&str] = &[
        "past", "last", "next", "first", "coming", "previous", "final", "latest",
    ];
    match w(at)? {
        "the" if w(at + 1).is_some_and(|d| DIRECTIONS.contains(&d)) => Some(at + 2),
        "the" => Some(at + 1),
        d if DIRECTIONS.contains(&d) && d != "first" => Some(at + 1),
        _ => None,
    }
}

/// "this year's", "last year's", "next year's".
fn year_possessive(toks: &[Tok], at: usize) -> Option<usize> {
    let w = |i: usize| toks.get(i).map(|t| t.lower);
    let head = matches!(w(at)?, "this" | "last" | "next");
    let ok = head
        && w(at + 1) == Some("year")
        && matches!(w(at + 2), Some("'" | "’"))
        && w(at + 3) == Some("s");
    ok.then_some(at + 4)
}

/// "year-earlier", "year-ago", "year earlier".
fn year_ago(toks: &[Tok], at: usize) -> Option<usize> {
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
fn year_end(toks: &[Tok], at: usize) -> Option<usize> {
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
fn glued_digits(toks: &[Tok], at: usize, len: usize) -> Option<u32> {
    let t = toks.get(at)?;
    (!t.gap && t.text.len() == len && t.is_digits())
        .then(|| t.text.parse().ok())
        .flatten()
}

/// The separator `sep` glued between two numbers.
fn glued_sep(toks: &[Tok], at: usize, sep: &str) -> bool {
    toks.get(at).is_some_and(|t| !t.gap && t.text == sep)
}

/// True if the token after a numeric date continues it ("2021-12-15-3").
fn continues_number(toks: &[Tok], end: usize) -> bool {
    toks.get(end)
        .is_some_and(|t| !t.gap && matches!(t.text, "-" | "/" | "." | ":"))
        && toks.get(end + 1).is_some_and(|t| !t.gap && t.is_digits())
}

/// "2021-12-15": an ISO 8601 calendar date.
fn iso_date(toks: &[Tok], at: usize) -> Option<usize> {
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
fn numeric_date(toks: &[Tok], at: usize) -> Option<usize> {
    let first = toks.get(at)?;
    let sep = toks.get(at + 1)?.text;
    // Dots only with two-digit parts ("24.02.2022"), so "version 1.2.2022"
    // stays a version.
    let width = if sep == "." { 2..=2 } else { 1..=2 };
    let short = |t: &Tok| t.is_digits() && width.contains(&t.text.len());
    let ok = short(first)
        && matches!(sep, "/" | ".")
        && glued_sep(toks, at + 1, sep)
        && toks.get(at + 2).is_some_and(|t| !t.gap && short(t))
        && glued_sep(toks, at + 3, sep)
        && glued_digits(toks, at + 4, 4).is_some()
        && !continues_number(toks, at + 5);
    ok.then_some(at + 5)
}

/// "Q1", "H2": a quarter or half of a year in financial shorthand.
fn period_code(t: &Tok) -> Option<Point> {
    let (kind, n) = t.lower.split_at_checked(1)?;
    let n: u32 = n.parse().ok()?;
    match kind {
        "q" if (1..=4).contains(&n) => Some(Point::Quarter(0, n)),
        "h" if (1..=2).contains(&n) => Some(Point::Half(0, n)),
        _ => None,
    }
}

fn period_code_phrase(toks: &[Tok], at: usize) -> Option<usize> {
    period_code(toks.get(at)?)
        .filter(|_| toks[at].text.starts_with(['Q', 'H']))
        .map(|_| at + 1)
}

/// "4 hours 48 mins 2 seconds", "two hour, 24 minute", "a year and six
/// months": amounts of ever smaller units, each with its count; with the
/// end of the last one. None unless there are at least two.
fn duration_parts(toks: &[Tok], at: usize) -> Option<(Vec<(u32, Unit)>, usize)> {
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

fn compound_duration(toks: &[Tok], at: usize) -> Option<usize> {
    duration_parts(toks, at).map(|(_, end)| end)
}

/// "of 1998", "of fiscal 1998".
fn of_year(toks: &[Tok], at: usize) -> Option<usize> {
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
fn decade_digits(toks: &[Tok], at: usize) -> Option<usize> {
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
fn meridiem(toks: &[Tok], at: usize) -> Option<usize> {
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
fn clock(toks: &[Tok], at: usize) -> Option<usize> {
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
        // "10:35 a.m. (0735 GMT)" restates the time before it.
        let restated = at.checked_sub(1).is_some_and(|p| toks[p].text == "(");
        return military_time(t).filter(|_| !restated).map(|_| at + 1);
    }
    // "3pm", "10:30am": the meridiem glued to the number.
    if let Some((hour, _)) = glued_meridiem(t) {
        return (hour <= 12 && t.text.len() <= 4).then_some(at + 1);
    }
    let hour = t.number().filter(|h| *h <= 24 && t.text.len() <= 2)?;
    let mut end = at + 1;
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
        _ if colon => Some(end),
        _ => None,
    }
}

/// A day named in words after a clock time: "Tuesday", "yesterday".
fn day_name(toks: &[Tok], at: usize) -> Option<usize> {
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

// ---- elements --------------------------------------------------------------

/// `el`, which can start only with `words` (or digits, if `digits`): lets
/// the rule index skip every other token.
const fn led(words: fn() -> Vec<&'static str>, digits: bool, el: &'static El) -> El {
    El::Led(First { words, digits }, el)
}

const NONE: fn() -> Vec<&'static str> = Vec::new;
const EDGE_WORDS: &[&str] = &["early", "late", "earlier", "later", "mid", "the", "end"];
const DIRECTION_WORDS: &[&str] = &[
    "this", "last", "past", "previous", "current", "next", "coming",
];

const THE: El = El::Lit(&["the"]);
const COMMA: El = El::Lit(&[","]);
const OF: El = El::Lit(&["of"]);
const HYPHEN: El = El::Lit(&["-", "–"]);
const MONTH: El = led(lexicon::month_words, false, &El::Phrase(month_phrase));
const DAY: El = led(NONE, true, &El::Is(is_day));
const YEAR: El = led(NONE, true, &El::Is(is_year));
const WEEKDAY: El = led(lexicon::weekday_words, false, &El::Is(is_weekday));
const WEEKDAY_HEAD: El = led(lexicon::weekday_words, false, &El::Phrase(weekday_head));
const EDGE: El = led(|| EDGE_WORDS.to_vec(), false, &El::Phrase(edge));
const DIRECTION: El = led(|| DIRECTION_WORDS.to_vec(), false, &El::Phrase(direction));
const COUNT: El = led(
    || {
        [
            lexicon::cardinal_words(),
            VAGUE_COUNTS.to_vec(),
            vec!["couple"],
        ]
        .concat()
    },
    true,
    &El::Phrase(count),
);
const HEDGE: El = led(
    || {
        vec![
            "more",
            "less",
            "fewer",
            "at",
            "up",
            "nearly",
            "almost",
            "about",
            "around",
            "roughly",
            "approximately",
            "some",
        ]
    },
    false,
    &El::Phrase(hedge),
);
const UNIT: El = led(lexicon::unit_words, false, &El::Is(is_unit));
const CALENDAR_UNIT: El = led(lexicon::unit_words, false, &El::Is(is_calendar_unit));
const CLOCK_UNIT: El = led(lexicon::unit_words, false, &El::Is(is_clock_unit));
const SINGULAR_UNIT: El = led(lexicon::unit_words, false, &El::Is(is_singular_unit));
const PLURAL_UNIT: El = led(lexicon::unit_words, false, &El::Is(is_plural_unit));
const SEASON: El = led(lexicon::season_words, false, &El::Is(is_season));
const PART_OF_DAY: El = led(lexicon::part_of_day_words, false, &El::Is(is_part_of_day));
const MONTH_MODIFIER: El = led(
    || [EDGE_WORDS, &["last", "this", "next"]].concat(),
    false,
    &El::Phrase(month_modifier),
);
const DECADE_DIGITS: El = led(|| vec!["'", "’"], true, &El::Phrase(decade_digits));
const ORDINAL_CENTURY: El = led(lexicon::ordinal_words, true, &El::Is(is_century_ordinal));
const ORDINAL_QUARTER: El = led(lexicon::ordinal_words, true, &El::Is(is_quarter_ordinal));
const ORDINAL_HALF: El = led(
    || [lexicon::ordinal_words(), vec!["last"]].concat(),
    true,
    &El::Is(is_half_ordinal),
);
const SEASON_DETERMINER: El = led(
    || [DIRECTION_WORDS, &["the"]].concat(),
    false,
    &El::Phrase(season_determiner),
);
const YEAR_POSSESSIVE: El = led(
    || vec!["this", "last", "next"],
    false,
    &El::Phrase(year_possessive),
);
const YEAR_AGO: El = led(|| vec!["year"], false, &El::Phrase(year_ago));
const YEAR_AGO_ADJECTIVE: El = led(|| vec!["year"], false, &El::Phrase(year_ago_adjective));
const WEEKDAY_DIRECTION: El = led(
    || vec!["last", "next", "this", "previous", "the"],
    false,
    &El::Phrase(weekday_direction),
);
const DAY_PART: El = led(
    || vec!["last", "this", "today", "yesterday", "tomorrow"],
    false,
    &El::Phrase(day_part),
);
const DURATION_HEAD: El = led(
    || {
        vec![
            "the", "past", "last", "next", "coming", "previous", "final", "latest",
        ]
    },
    false,
    &El::Phrase(duration_head),
);
const VAGUE_LEAD: El = led(
    || vec!["recent", "coming", "the"],
    false,
    &El::Phrase(vague_lead),
);
const HOLIDAY: El = led(
    || {
        HOLIDAYS
            .iter()
            .filter_map(|(words, _)| words.first().copied())
            .collect()
    },
    false,
    &El::Phrase(holiday),
);
const YEAR_END: El = led(|| vec!["year"], false, &El::Phrase(year_end));
const THE_YEAR: El = led(|| vec!["the"], false, &El::Phrase(the_year));
const YEAR_WORDS: El = led(
    || vec!["two", "nineteen", "eighteen"],
    false,
    &El::Phrase(year_words),
);
const CLOCK: El = led(|| vec!["noon", "midnight"], true, &El::Phrase(clock));
const FISCAL: El = El::Lit(&["fiscal"]);
const TIME_ZONE: El = El::Lit(&[
    "est", "edt", "cst", "cdt", "pst", "pdt", "gmt", "utc", "et", "bst", "cet",
]);

// ---- shared normaliser helpers --------------------------------------------

fn fmt(p: Point) -> String {
    p.format()
}

fn day_value(d: NaiveDate) -> String {
    Point::Day(d).format()
}

fn month_of(m: &Match, k: usize) -> Option<u32> {
    lexicon::month(m.part(k), 0).map(|(month, _)| month)
}

fn year_of(m: &Match, k: usize) -> Option<i32> {
    m.part(k).iter().find_map(lexicon::year)
}

fn day_of(m: &Match, k: usize) -> Option<u32> {
    m.tok(k).and_then(lexicon::day_of_month)
}

fn unit_of(m: &Match, k: usize) -> Option<Unit> {
    m.part(k).iter().find_map(lexicon::unit)
}

/// The count in part `k`: Some(n) for numbers, None for vague quantities.
fn count_of(m: &Match, k: usize) -> Option<u32> {
    let part = m.part(k);
    if couple(part, 0) == Some(part.len()) {
        return Some(2);
    }
    match lexicon::cardinal(part, 0) {
        Some((n, end)) if end == part.len() => Some(n),
        _ => None,
    }
}

fn direction_of(m: &Match, k: usize) -> Rel {
    Rel::from_words(&m.words(k))
}

/// True if the day-number token is really part of a clock time, a range of
/// thousands or a bigger number.
fn number_continues(m: &Match) -> bool {
    let (Some(a), Some(b)) = (m.after(), m.after_n(2)) else {
        return false;
    };
    !a.gap && matches!(a.text, ":" | "," | ".") && !b.gap && b.is_digits()
}

/// True if a capitalised word follows in the same sentence ("Sunday Times").
fn next_is_name(m: &Match) -> bool {
    let sentence = m.toks[m.start].sentence;
    m.after()
        .is_some_and(|a| a.sentence == sentence && a.is_word() && a.is_capitalised())
}

/// Words before a bare year that do not make it part of a name.
const YEAR_LEAD_WORDS: &[&str] = &[
    "in",
    "since",
    "on",
    "by",
    "of",
    "from",
    "until",
    "till",
    "through",
    "to",
    "and",
    "or",
    "the",
    "a",
    "during",
    "before",
    "after",
    "between",
    "early",
    "late",
    "mid",
    "fiscal",
    "spring",
    "summer",
    "fall",
    "autumn",
    "winter",
    "year",
    "calendar",
    "end",
    "for",
    "at",
    "as",
    "until",
    "circa",
    "but",
    "than",
    "that",
    "when",
    "about",
    "around",
    "throughout",
    "into",
    "against",
];

/// Words right after a number that make it an amount, not a year.
const AMOUNT_WORDS: &[&str] = &[
    "people",
    "percent",
    "shares",
    "votes",
    "feet",
    "metres",
    "meters",
    "miles",
    "troops",
    "points",
    "cars",
    "units",
    "tons",
    "tonnes",
    "dollars",
    "employees",
    "workers",
    "members",
    "soldiers",
    "km",
    "kilometres",
    "kilometers",
    "acres",
    "barrels",
    "jobs",
    "hours",
    "days",
    "times",
];

/// Time-zone abbreviations: "1350 GMT" is a clock time, not the year 1350.
const TIME_ZONES: &[&str] = &[
    "gmt", "utc", "edt", "est", "cdt", "cst", "mdt", "mst", "pdt", "pst", "bst", "cet", "cest",
    "eet", "eest", "msk", "jst", "ist", "hkt", "sgt", "aest", "aedt", "z",
];

/// A bare four-digit number is a year only in a year-like context.
fn plausible_year(m: &Match, year: i32) -> bool {
    if let Some(b) = m.before() {
        // "1,995", "10-1995" are numbers; "in 1994, 1995 and 1997" a list.
        let joined = m.toks.get(m.start).is_some_and(|t| !t.gap);
        // "post-1959 politics", "pre-1990 levels" still name the year.
        let prefixed =
            b.text == "-" && m.start >= 2 && matches!(m.toks[m.start - 2].lower, "post" | "pre");
        if joined
            && !prefixed
            && (b.is_digits()
                || matches!(b.text, "-" | "/" | "." | ":" | "," | "$" | "#" | "£" | "€"))
        {
            return false;
        }
        if matches!(b.text, "$" | "#" | "£" | "€" | "No") {
            return false;
        }
        let in_sentence = m
            .toks
            .get(m.start)
            .is_some_and(|t| t.sentence == b.sentence);
        if in_sentence
            && b.is_word()
            && b.is_capitalised()
            && !YEAR_LEAD_WORDS.contains(&b.lower)
            && lexicon::month(m.toks, m.start - 1).is_none()
        {
            return false;
        }
        if year < 1900 && !YEAR_LEAD_WORDS.contains(&b.lower) {
            return false;
        }
    } else if year < 1900 {
        return false;
    }
    if let Some(a) = m.after() {
        if AMOUNT_WORDS.contains(&a.lower) || TIME_ZONES.contains(&a.lower) || matches!(a.text, "%")
        {
            return false;
        }
        if !a.gap
            && matches!(a.text, "," | "." | ":" | "/")
            && m.after_n(2).is_some_and(|n| n.is_digits() && !n.gap)
        {
            return false;
        }
    }
    true
}

/// Words before a bare "May" or "March" that make it a month.
const MONTH_LEAD_WORDS: &[&str] = &[
    "in", "since", "by", "from", "until", "till", "through", "to", "during", "before", "after",
    "early", "late", "mid", "of", "between", "and", "last", "next", "this", "that", "each",
    "every", "since", "on", "around",
];

/// The quarter before the anchor's, the "latest quarter" a report covers.
fn previous_quarter(ctx: &Ctx) -> Option<Point> {
    relative(ctx.anchor, -1, Unit::Quarter)
}

/// The quarter an anaphoric period refers to: the report's topic quarter
/// (the first one named), else the last quarter mentioned.
fn quarter_reference(ctx: &Ctx) -> Option<Point> {
    ctx.topic_quarter
        .or(ctx.reference)
        .filter(|p| matches!(p, Point::Quarter(..)))
}

/// The reference if it has the same granularity as `unit`, else the anchor's
/// point at that granularity moved `n` units.
fn reference_or(ctx: &Ctx, unit: Unit, n: i32) -> Option<Point> {
    match (quarter_reference(ctx), unit) {
        (Some(p), Unit::Quarter) => Some(p),
        _ => relative(ctx.anchor, n, unit),
    }
}

/// Moves the last mentioned date (or the anchor) by `n` units, keeping the
/// reference's granularity when it is at least as fine as the unit. A
/// coarser reference stays as it is: "in January ... two days later" is
/// still about January, not two days after the article.
fn shift_reference(ctx: &Ctx, n: i32, unit: Unit) -> Option<Point> {
    match ctx.reference {
        Some(p) => p.shift(n, unit).or(Some(p)),
        None => relative(ctx.anchor, n, unit),
    }
}

// ---- normalisers -------------------------------------------------------------

fn n_day_month_year(m: &Match, _: &Ctx) -> Option<String> {
    let d = NaiveDate::from_ymd_opt(year_of(m, 5)?, month_of(m, 3)?, day_of(m, 1)?)?;
    Some(day_value(d))
}

fn n_month_day_year(m: &Match, _: &Ctx) -> Option<String> {
    let d = NaiveDate::from_ymd_opt(year_of(m, 4)?, month_of(m, 1)?, day_of(m, 2)?)?;
    Some(day_value(d))
}

fn n_month_day(m: &Match, ctx: &Ctx) -> Option<String> {
    if number_continues(m) {
        return None;
    }
    Some(day_value(month_day_date(
        ctx,
        month_of(m, 1)?,
        day_of(m, 2)?,
    )?))
}

/// "last Oct. 23", "next June 5": the nearest such day on that side of the
/// article's date.
fn n_directed_month_day(m: &Match, ctx: &Ctx) -> Option<String> {
    if number_continues(m) {
        return None;
    }
    let (month, day) = (month_of(m, 1)?, day_of(m, 2)?);
    let on = |year: i32| NaiveDate::from_ymd_opt(year, month, day);
    let y = ctx.anchor.year();
    // Up to eight years either way, so "last Feb. 29" finds a leap year.
    let date = match direction_of(m, 0) {
        Rel::Last => (0..8).find_map(|k| on(y - k).filter(|d| *d < ctx.anchor)),
        Rel::Next => (0..8).find_map(|k| on(y + k).filter(|d| *d > ctx.anchor)),
        _ => on(y),
    }?;
    Some(day_value(date))
}

/// The "25" of "April 24 and 25": a second day of the month just named.
fn n_conjoined_day(m: &Match, ctx: &Ctx) -> Option<String> {
    let Some(Point::Day(first)) = ctx.reference else {
        return None;
    };
    let conjunction = m.before().is_some_and(|b| matches!(b.lower, "and" | "or"));
    let previous_day = m
        .start
        .checked_sub(2)
        .and_then(|i| m.toks.get(i))
        .and_then(lexicon::day_of_month);
    if !conjunction || previous_day != Some(first.day()) || number_continues(m) {
        return None;
    }
    // "April 24 and 25 homes", "24 and 25 percent": a count.
    let counted = m.after().is_some_and(|a| {
        is_unit(a)
            || a.text == "%"
            || is_year(a)
            || a.is_word()
                && !matches!(
                    a.lower,
                    "in" | "at"
                        | "on"
                        | "and"
                        | "or"
                        | "to"
                        | "with"
                        | "when"
                        | "as"
                        | "after"
                        | "before"
                        | "during"
                        | "for"
                        | "the"
                        | "a"
                        | "an"
                )
    });
    if counted {
        return None;
    }
    let day = day_of(m, 0)?;
    if day <= first.day() {
        return None;
    }
    Some(day_value(first.with_day(day)?))
}

fn n_iso_date(m: &Match, _: &Ctx) -> Option<String> {
    let t = m.part(0);
    let number = |k: usize| t.get(k)?.text.parse::<u32>().ok();
    let d = NaiveDate::from_ymd_opt(i32::try_from(number(0)?).ok()?, number(2)?, number(4)?)?;
    Some(day_value(d))
}

/// Slashes are read month first (as in US wire copy) unless the first
/// number cannot be a month; dots are read day first (as in Europe).
fn n_numeric_date(m: &Match, _: &Ctx) -> Option<String> {
    let t = m.part(0);
    let number = |k: usize| t.get(k)?.text.parse::<u32>().ok();
    let (a, b, year) = (number(0)?, number(2)?, number(4)?);
    let (month, day) = if t.get(1)?.text == "." || a > 12 {
        (b, a)
    } else {
        (a, b)
    };
    let d = NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)?;
    Some(day_value(d))
}

/// "Q1 2022", "H2": with a year, that year's; alone, the latest one begun
/// by the article's date unless the sentence looks ahead.
fn n_period_code(m: &Match, ctx: &Ctx) -> Option<String> {
    let code = period_code(m.tok(0)?)?;
    // Without a year only after a preposition ("sales in Q3"): "the Audi
    // Q3" and "the Q4 e-tron" are cars.
    let after_preposition = m.before().is_some_and(|b| {
        matches!(
            b.lower,
            "in" | "for"
                | "during"
                | "of"
                | "by"
                | "since"
                | "until"
                | "through"
                | "into"
                | "from"
                | "to"
                | "and"
                | "or"
                | "over"
        )
    });
    if !m.has(2) && !after_preposition {
        return None;
    }
    let year = match year_of(m, 2) {
        Some(y) => y,
        None => {
            let y = ctx.anchor.year();
            let this = match code {
                Point::Quarter(_, q) => Point::Quarter(y, q),
                Point::Half(_, h) => Point::Half(y, h),
                _ => return None,
            };
            let ahead = this.first_day()? > ctx.anchor;
            if ahead && ctx.tense != Tense::Future {
                y - 1
            } else {
                y
            }
        }
    };
    Some(fmt(match code {
        Point::Quarter(_, q) => Point::Quarter(year, q),
        Point::Half(_, h) => Point::Half(year, h),
        _ => return None,
    }))
}

/// "said overnight", "overnight strikes": the night before the day the text
/// is about (the article's, unless it just named one of the days before).
fn n_overnight(m: &Match, ctx: &Ctx) -> Option<String> {
    // Money-market and travel terms, and "an overnight success", not a time.
    let term = m.after().is_some_and(|a| {
        matches!(
            a.lower,
            "rate"
                | "rates"
                | "lending"
                | "loan"
                | "loans"
                | "deposit"
                | "deposits"
                | "repo"
                | "index"
                | "interbank"
                | "stay"
                | "stays"
                | "trip"
                | "bag"
                | "success"
                | "sensation"
                | "celebrity"
                | "star"
                | "hit"
        )
    });
    // "won't happen overnight", "cannot change overnight": all at once.
    let sentence = m.toks[m.start].sentence;
    let idiom = m.toks[..m.start]
        .iter()
        .rev()
        .take(6)
        .take_while(|t| t.sentence == sentence)
        .any(|t| {
            matches!(t.lower, "not" | "t" | "never" | "cannot")
                || t.lower.starts_with("happen")
                || t.lower.starts_with("chang")
        });
    if term || idiom {
        return None;
    }
    // The night before the day the text is about, as for a bare clock time.
    let day = match ctx.reference {
        Some(Point::Day(d)) if (0..=3).contains(&(ctx.anchor - d).num_days()) => d,
        _ => ctx.anchor,
    };
    Some(format!("{}TNI", day_value(add_days(day, -1)?)))
}

fn n_day_month(m: &Match, ctx: &Ctx) -> Option<String> {
    if m.after().is_some_and(|a| is_day(a) || is_year(a)) {
        return None;
    }
    Some(day_value(month_day_date(
        ctx,
        month_of(m, 3)?,
        day_of(m, 1)?,
    )?))
}

fn n_month_year(m: &Match, _: &Ctx) -> Option<String> {
    if number_continues(m) {
        return None;
    }
    Some(fmt(Point::Month(year_of(m, 4)?, month_of(m, 1)?)))
}

fn n_month(m: &Match, ctx: &Ctx) -> Option<String> {
    let month = month_of(m, 1)?;
    let head = m.tok(1)?;
    let modified = m.has(0);
    let led = m
        .before()
        .is_some_and(|b| MONTH_LEAD_WORDS.contains(&b.lower));
    if lexicon::is_ambiguous_month(head) && !modified && !led {
        return None;
    }
    let full_name = lexicon::month_name(head).is_some() && m.part(1).len() == 1;
    let abbreviated = m.part(1).iter().any(|t| t.text == ".");
    if !full_name && !abbreviated {
        return None;
    }
    let named = next_is_name(m);
    if named && !modified && !led {
        return None;
    }
    // "loans extended through January": the end of a term is the nearest
    // such month, whatever the tense of the verb that set it.
    let until = m
        .before()
        .is_some_and(|b| matches!(b.lower, "through" | "until" | "till"));
    let tense = if until { Tense::Unknown } else { ctx.tense };
    let year = month_year(ctx.anchor, month, direction_of(m, 0), tense);
    Some(fmt(Point::Month(year, month)))
}

fn n_year(m: &Match, _: &Ctx) -> Option<String> {
    let year = year_of(m, 2)?;
    if !m.has(0) && !m.has(1) && !plausible_year(m, year) {
        return None;
    }
    if m.after()
        .is_some_and(|a| is_unit(a) || lexicon::month(m.toks, m.end).is_some())
    {
        return None;
    }
    Some(fmt(Point::Year(year)))
}

fn n_the_year_number(m: &Match, _: &Ctx) -> Option<String> {
    Some(fmt(Point::Year(year_of(m, 2)?)))
}

fn n_year_period(m: &Match, ctx: &Ctx) -> Option<String> {
    let year = year_of(m, 1)?;
    if m.words(2) != "quarter" {
        return Some(fmt(Point::Year(year)));
    }
    let q = match quarter_reference(ctx) {
        Some(Point::Quarter(_, q)) => q,
        _ => match previous_quarter(ctx)? {
            Point::Quarter(_, q) => q,
            _ => return None,
        },
    };
    Some(fmt(Point::Quarter(year, q)))
}

fn n_decade_digits(m: &Match, _: &Ctx) -> Option<String> {
    let digits: String = m
        .part(1)
        .iter()
        .flat_map(|t| t.text.chars())
        .filter(char::is_ascii_digit)
        .collect();
    let value = if digits.len() == 2 {
        format!("19{}", &digits[..1])
    } else {
        digits[..3].to_string()
    };
    Some(value)
}

fn n_decade_word(m: &Match, _: &Ctx) -> Option<String> {
    let d = m.tok(2).and_then(lexicon::decade_word)?;
    Some(format!("19{d}"))
}

fn n_century(m: &Match, _: &Ctx) -> Option<String> {
    let n = m.tok(2).and_then(lexicon::ordinal)?;
    Some(fmt(Point::Century(i32::try_from(n).ok()? - 1)))
}

fn season_of(m: &Match, k: usize) -> Option<Season> {
    m.tok(k).and_then(lexicon::season)
}

fn n_season_year(m: &Match, _: &Ctx) -> Option<String> {
    Some(fmt(Point::Season(year_of(m, 4)?, season_of(m, 2)?)))
}

/// "January nineteen ninety-seven", "the winter of nineteen ninety-four".
fn n_period_year_words(m: &Match, _: &Ctx) -> Option<String> {
    let year = year_words_of(m, 3)?;
    // "in March two thousand protesters marched": a count, not a year.
    if year == 2000
        && m.after()
            .is_some_and(|a| a.is_word() && !a.is_capitalised())
    {
        return None;
    }
    Some(fmt(match m.part(1).first().and_then(lexicon::season) {
        Some(season) => Point::Season(year, season),
        None => Point::Month(year, month_of(m, 1)?),
    }))
}

/// "June last year", "early October this year": the month in the year the
/// direction names.
fn n_month_relative_year(m: &Match, ctx: &Ctx) -> Option<String> {
    // "Theresa May last year resigned": a surname.
    let named = m.tok(1).is_some_and(lexicon::is_ambiguous_month)
        && !m.has(0)
        && m.before().is_some_and(|b| {
            b.is_word()
                && b.is_capitalised()
                && !MONTH_LEAD_WORDS.contains(&b.lower)
                && b.sentence == m.toks[m.start].sentence
        });
    if named {
        return None;
    }
    let shift = match direction_of(m, 2) {
        Rel::Last => -1,
        Rel::Next => 1,
        _ => 0,
    };
    Some(fmt(Point::Month(
        ctx.anchor.year() + shift,
        month_of(m, 1)?,
    )))
}

fn season_year(ctx: &Ctx, season: Season, rel: Rel) -> Option<i32> {
    let y = ctx.anchor.year();
    let (start, end) = Point::Season(y, season).interval()?;
    let started = start <= ctx.anchor;
    Some(match rel {
        Rel::Last if end <= ctx.anchor => y,
        Rel::Last => y - 1,
        Rel::Next if started => y + 1,
        Rel::This | Rel::Next => y,
        Rel::None if ctx.tense == Tense::Past && !started => y - 1,
        Rel::None => y,
    })
}

fn n_season(m: &Match, ctx: &Ctx) -> Option<String> {
    let season = season_of(m, 2)?;
    let rel = direction_of(m, 1);
    if rel == Rel::None {
        let led = m.before().is_some_and(|b| {
            matches!(
                b.lower,
                "in" | "during" | "by" | "until" | "since" | "through" | "over" | "this" | "the"
            )
        });
        let the = m.words(1) == "the";
        if !(m.has(0) || led || the && season != Season::Fall) {
            return None;
        }
        if m.after().is_some_and(|a| a.lower == "of") {
            return None;
        }
    }
    let year = season_year(ctx, season, rel)?;
    Some(fmt(Point::Season(year, season)))
}

fn n_quarter(m: &Match, ctx: &Ctx) -> Option<String> {
    if m.has(0) && m.has(6) {
        // "the third-quarter results": the determiner belongs to the noun.
        return None;
    }
    let q = m.tok(5).and_then(lexicon::ordinal)?;
    let explicit = year_of(m, 8).or_else(|| year_of(m, 4));
    let mut year = match explicit {
        Some(y) => y,
        None => {
            let y = ctx.anchor.year();
            let start = Point::Quarter(y, q).first_day()?;
            // "prices rose into the fourth quarter" still looks ahead.
            let ahead = m
                .before()
                .is_some_and(|b| matches!(b.lower, "into" | "until" | "through"));
            if start > ctx.anchor && ctx.tense != Tense::Future && !ahead && m.words(1).is_empty() {
                y - 1
            } else {
                y
            }
        }
    };
    if explicit.is_none() {
        match m.words(1).split(' ').next() {
            Some("last") => year -= 1,
            Some("next") => year += 1,
            _ => {}
        }
        if m.has(3) {
            year -= 1;
        }
    }
    Some(fmt(Point::Quarter(year, q)))
}

fn n_relative_quarter(m: &Match, ctx: &Ctx) -> Option<String> {
    let p = match m.words(1).as_str() {
        "latest" | "last" | "past" | "previous" | "recent" | "most recent" => {
            previous_quarter(ctx)?
        }
        "current" | "this" | "present" => Point::of(ctx.anchor, Unit::Quarter)?,
        "next" | "coming" => relative(ctx.anchor, 1, Unit::Quarter)?,
        _ => return None,
    };
    Some(fmt(p))
}

fn n_the_quarter(m: &Match, ctx: &Ctx) -> Option<String> {
    if m.before()
        .is_some_and(|b| matches!(b.lower, "a" | "one" | "three"))
    {
        return None;
    }
    // "the quarter-to-quarter comparison" names no quarter.
    if m.after().is_some_and(|a| a.text == "-" && !a.gap) {
        return None;
    }
    let p = match quarter_reference(ctx) {
        Some(p) => p,
        _ => previous_quarter(ctx)?,
    };
    Some(fmt(p))
}

/// "the latest period" in a report about a quarter is that quarter; with no
/// quarter named it could be any period, so it is left untagged.
fn n_latest_period(_: &Match, ctx: &Ctx) -> Option<String> {
    quarter_reference(ctx).map(fmt)
}

fn n_year_ago_period(m: &Match, ctx: &Ctx) -> Option<String> {
    year_before_period(ctx, m.words(3) == "quarter")
}

/// "the quarter a year ago", "the period a year earlier".
fn n_period_a_year_ago(m: &Match, ctx: &Ctx) -> Option<String> {
    year_before_period(ctx, m.words(1) == "quarter")
}

/// "the corresponding period last year", "the same quarter last year".
fn n_same_period_last_year(m: &Match, ctx: &Ctx) -> Option<String> {
    year_before_period(ctx, m.words(2) == "quarter")
}

/// "last year's quarter": the report's quarter a year back.
fn n_last_years_period(m: &Match, ctx: &Ctx) -> Option<String> {
    if !m.words(0).starts_with("last") {
        return None;
    }
    year_before_period(ctx, m.words(1) == "quarter")
}

/// The period under discussion a year earlier: the quarter last named (or
/// the one before the article) for a quarter; for a "period", the report's
/// quarter in a quarterly report, else the last named date or this year.
fn year_before_period(ctx: &Ctx, quarter: bool) -> Option<String> {
    let base = if quarter {
        reference_or(ctx, Unit::Quarter, -1)?
    } else {
        quarter_reference(ctx)
            .or(ctx.reference)
            .unwrap_or(Point::of(ctx.anchor, Unit::Year)?)
    };
    Some(fmt(base.shift(-1, Unit::Year)?))
}

fn n_year_ago_adjective(_: &Match, ctx: &Ctx) -> Option<String> {
    let base = match quarter_reference(ctx) {
        Some(p) => p,
        _ => Point::of(ctx.anchor, Unit::Year)?,
    };
    Some(fmt(base.shift(-1, Unit::Year)?))
}

fn n_half(m: &Match, ctx: &Ctx) -> Option<String> {
    let h = if matches!(m.words(2).as_str(), "first" | "1st") {
        1
    } else {
        2
    };
    let year = year_of(m, 5).unwrap_or(ctx.anchor.year());
    // Without "of 1989", "of the year" or "fiscal", "the second half" is as
    // often a match's as a year's ("early in the second half").
    if !m.has(5) && !m.has(1) {
        return None;
    }
    if !m.has(5)
        && m.after()
            .is_some_and(|a| a.lower == "of" || a.text == "-" || is_unit(a))
    {
        // "the second half of the game", "the first half hour", "the last
        // half-century".
        return None;
    }
    Some(fmt(Point::Half(year, h)))
}

fn weekday_of(m: &Match, k: usize) -> Option<chrono::Weekday> {
    m.tok(k).and_then(lexicon::weekday)
}

fn n_weekday(m: &Match, ctx: &Ctx) -> Option<String> {
    // "Wednesday's ruling" reports something that happened.
    let possessive = m.after().is_some_and(|a| matches!(a.text, "'" | "’"));
    let tense = if possessive { Tense::Past } else { ctx.tense };
    // "the previous Friday", "the following Monday" are anaphoric: they
    // count from the day the text last named, not from the article's date.
    let anaphoric = m.words(1).starts_with("the ");
    let base = match ctx.reference {
        Some(Point::Day(d)) if anaphoric => d,
        _ => ctx.anchor,
    };
    let day = weekday_date(base, weekday_of(m, 2)?, direction_of(m, 1), tense)?;
    if next_is_name(m) && lexicon::month(m.toks, m.end).is_none() {
        return None;
    }
    // TempEval-3 gold keeps "Wednesday night" at day precision (and often
    // marks just "Wednesday"): adding `TNI` lost more matches than it won.
    Some(day_value(day))
}

fn day_word_offset(w: &str) -> Option<i64> {
    match w {
        "today" | "tonight" => Some(0),
        "yesterday" => Some(-1),
        "tomorrow" => Some(1),
        _ => None,
    }
}

fn n_day_word(m: &Match, ctx: &Ctx) -> Option<String> {
    // "USA Today", "VOA Today": a capitalised "Today" after a name is a title.
    let titled = m.tok(1).is_some_and(|t| t.text == "Today")
        && m.before().is_some_and(|b| {
            b.is_word()
                && b.is_capitalised()
                && m.toks
                    .get(m.start)
                    .is_some_and(|t| t.sentence == b.sentence)
        });
    if titled {
        return None;
    }
    Some(day_value(add_days(
        ctx.anchor,
        day_word_offset(&m.words(1))?,
    )?))
}

fn n_day_part(m: &Match, ctx: &Ctx) -> Option<String> {
    let words = m.words(0);
    let mut it = words.split(' ');
    let (first, second) = (it.next()?, it.next());
    let (offset, pod) = match (first, second) {
        ("last", Some("night")) => (-1, "NI"),
        ("this", Some(p)) => (
            0,
            lexicon::part_of_day(m.part(0).get(1)?).filter(|_| p != "night")?,
        ),
        (d, Some(_)) => (
            day_word_offset(d)?,
            lexicon::part_of_day(m.part(0).get(1)?)?,
        ),
        _ => return None,
    };
    Some(format!(
        "{}T{pod}",
        day_value(add_days(ctx.anchor, offset)?)
    ))
}

fn day_part(toks: &[Tok], at: usize) -> Option<usize> {
    let w = |i: usize| toks.get(i).map(|t| t.lower);
    match w(at)? {
        "last" if w(at + 1) == Some("night") => Some(at + 2),
        "this" | "today" | "yesterday" | "tomorrow"
            if toks.get(at + 1).is_some_and(is_part_of_day) =>
        {
            Some(at + 2)
        }
        _ => None,
    }
}

/// "mid-afternoon", "mid morning", "midafternoon", "midday": the part of
/// the day (TIMEX3 code) and where the phrase ends.
fn mid_part_at(toks: &[Tok], at: usize) -> Option<(usize, &'static str)> {
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

fn mid_part(toks: &[Tok], at: usize) -> Option<usize> {
    mid_part_at(toks, at).map(|(end, _)| end)
}

/// "mid-afternoon (yesterday)": a time on the day the following word names,
/// else on the article's day.
fn n_mid_part(m: &Match, ctx: &Ctx) -> Option<String> {
    let (_, part) = mid_part_at(m.toks, m.parts.first()?.0)?;
    let offset = if m.has(1) {
        day_word_offset(&m.words(1))?
    } else {
        0
    };
    let day = day_value(add_days(ctx.anchor, offset)?);
    Some(format!("{day}T{part}"))
}

/// A year after an optional comma (", 2000"), so a bare comma stays out.
fn comma_year(toks: &[Tok], at: usize) -> Option<usize> {
    let year_at = if toks.get(at)?.text == "," {
        at + 1
    } else {
        at
    };
    is_year(toks.get(year_at)?).then_some(year_at + 1)
}

/// "the week of March 6": the ISO week holding that day.
fn n_week_of(m: &Match, ctx: &Ctx) -> Option<String> {
    let (month, day) = (month_of(m, 3)?, day_of(m, 4)?);
    let date = match year_of(m, 5) {
        Some(y) => NaiveDate::from_ymd_opt(y, month, day)?,
        None => month_day_date(ctx, month, day)?,
    };
    Some(fmt(Point::of(date, Unit::Week)?))
}

/// "two to three weeks", "the next 12 to 18 months": a duration of an
/// unspecified count (`PXW`), as TIMEX3 writes ranges.
fn n_duration_range(m: &Match, _: &Ctx) -> Option<String> {
    if m.before().is_some_and(|b| b.text == "$") {
        return None;
    }
    let unit = unit_of(m, 6)?;
    Some(duration(None, unit))
}

fn n_relative_unit(m: &Match, ctx: &Ctx) -> Option<String> {
    let unit = unit_of(m, 3)?;
    let n = match direction_of(m, 2) {
        Rel::Last => -1,
        Rel::This => 0,
        Rel::Next => 1,
        Rel::None => return None,
    };
    if m.has(1) && n == 0 && unit != Unit::Year {
        return None;
    }
    match unit {
        Unit::Weekend => Some(format!("{}-WE", fmt(relative(ctx.anchor, n, Unit::Week)?))),
        Unit::Day | Unit::Second | Unit::Minute | Unit::Hour => None,
        _ => Some(fmt(relative(ctx.anchor, n, unit)?)),
    }
}

fn n_the_year(m: &Match, ctx: &Ctx) -> Option<String> {
    if m.after().is_some_and(|a| {
        matches!(
            a.lower,
            "before" | "after" | "earlier" | "later" | "of" | "'" | "’" | "-"
        )
    }) {
        return None;
    }
    if !m.has(1) && spans_a_period(m) {
        return None;
    }
    // "the latest fiscal year" is the last one closed, before the article.
    let back = i32::from(m.words(1) == "latest");
    Some(fmt(Point::Year(ctx.anchor.year() - back)))
}

/// "during the year", "the year ended June 30": the whole period, a
/// duration. "Profit for the year" names the year itself.
fn spans_a_period(m: &Match) -> bool {
    m.before()
        .is_some_and(|b| matches!(b.lower, "during" | "throughout" | "over"))
        || m.after()
            .is_some_and(|a| matches!(a.lower, "ended" | "ending"))
}

fn n_the_year_duration(m: &Match, _: &Ctx) -> Option<String> {
    spans_a_period(m).then(|| duration(Some(1), Unit::Year))
}

/// "over the past decade": the ten years up to the article, not the
/// previous calendar decade ("the last decade of the century" is that).
fn n_past_decade(m: &Match, _: &Ctx) -> Option<String> {
    if m.after().is_some_and(|a| a.lower == "of") {
        return None;
    }
    Some(duration(Some(1), unit_of(m, 2)?))
}

fn n_weekend(m: &Match, ctx: &Ctx) -> Option<String> {
    let n = match direction_of(m, 0) {
        Rel::Last => -1,
        Rel::Next => 1,
        Rel::This => 0,
        Rel::None => match ctx.tense {
            Tense::Future => 0,
            _ if ctx.anchor.weekday().number_from_monday() >= 6 => 0,
            _ => -1,
        },
    };
    Some(format!("{}-WE", fmt(relative(ctx.anchor, n, Unit::Week)?)))
}

fn n_ago(m: &Match, ctx: &Ctx) -> Option<String> {
    let unit = unit_of(m, 2)?;
    if !m.has(1) || VAGUE_COUNTS.contains(&m.words(1).as_str()) || m.words(1) == "a few" {
        return Some("PAST_REF".to_string());
    }
    let n = i32::try_from(count_of(m, 1)?).ok()?;
    if let (Some(p), Unit::Year) = (quarter_reference(ctx), unit) {
        return Some(fmt(p.shift(-n, unit)?));
    }
    Some(fmt(relative(ctx.anchor, -n, unit)?))
}

fn n_ago_clock(_: &Match, _: &Ctx) -> Option<String> {
    Some("PAST_REF".to_string())
}

fn n_later(m: &Match, ctx: &Ctx) -> Option<String> {
    let unit = unit_of(m, 2)?;
    let n = i32::try_from(count_of(m, 1)?).ok()?;
    let sign = if m.words(3) == "later" { 1 } else { -1 };
    Some(fmt(shift_reference(ctx, sign * n, unit)?))
}

fn n_anaphoric(m: &Match, ctx: &Ctx) -> Option<String> {
    let unit = unit_of(m, 2)?;
    let n = match m.words(1).as_str() {
        "following" | "next" => 1,
        "previous" | "preceding" | "prior" => -1,
        "same" => 0,
        _ => return None,
    };
    if m.words(1) == "next" && unit != Unit::Day {
        return None;
    }
    let base = ctx
        .reference
        .and_then(Point::first_day)
        .unwrap_or(ctx.anchor);
    Some(fmt(Point::of(base, unit)?.shift(n, unit)?))
}

/// "the next morning": the day after the day the text last named (TimeBank
/// dates such parts of a day at day precision, as with "Wednesday night").
fn n_next_part_of_day(_: &Match, ctx: &Ctx) -> Option<String> {
    let Some(Point::Day(day)) = ctx.reference else {
        return None;
    };
    Some(day_value(add_days(day, 1)?))
}

/// "by year-end", "since year-end": this year's end, or the last one for a
/// look back.
fn n_year_end(m: &Match, ctx: &Ctx) -> Option<String> {
    let before = m.before().map(|b| b.lower);
    let deadline = matches!(
        before,
        Some("by" | "until" | "before" | "around" | "through")
    );
    // A deadline is this year's, unless the year has barely begun and the
    // sentence looks back ("By year-end the index had gained 20%" in January).
    let early = ctx.anchor.month() <= 3;
    let back = before == Some("since") || ctx.tense == Tense::Past && (!deadline || early);
    Some(fmt(Point::Year(ctx.anchor.year() - i32::from(back))))
}

/// "that day", "later that month": the unit containing the last named date, which
/// must be at least that precise ("that day" after "in 1987" names no day).
fn n_that_unit(m: &Match, ctx: &Ctx) -> Option<String> {
    let unit = unit_of(m, 2)?;
    let reference = ctx.reference.filter(|p| p.granularity() <= unit)?;
    Some(fmt(Point::of(reference.first_day()?, unit)?))
}

fn n_duration(m: &Match, _: &Ctx) -> Option<String> {
    let unit = unit_of(m, 5)?;
    if (m.has(0) || m.has(1)) && m.has(4) {
        // "the 30-day period": the determiner belongs to the noun.
        return None;
    }
    let words = m.words(2);
    let article = matches!(words.as_str(), "a" | "an");
    let long = m.after_n(2).is_some_and(|l| l.lower == "long") && !article;
    if m.after().is_some_and(|h| h.text == "-" && !h.gap) && !long {
        // "a year-earlier quarter", "two-year-old" (but "a two-hour-long
        // meeting" lasts two hours).
        return None;
    }
    if m.tok(2).is_some_and(|t| is_year(t)) {
        return None;
    }
    let age = |t: &Tok| t.lower == "old";
    if m.after().is_some_and(age)
        || m.after().is_some_and(|h| h.text == "-") && m.after_n(2).is_some_and(age)
    {
        return None;
    }
    // "June 19-23 Second test": an ordinal in a name.
    if unit == Unit::Second && m.tok(5).is_some_and(|u| u.is_capitalised()) {
        return None;
    }
    // "a second opinion"; "a decades-long battle" counts no decades.
    let plural = m.tok(5).is_some_and(|u| u.lower.ends_with('s'));
    if article && (unit == Unit::Second || plural) {
        return None;
    }
    if m.tok(2).is_some_and(|t| t.lower == "one") && m.after().is_some_and(|a| a.lower == "of") {
        return None;
    }
    if m.before().is_some_and(|b| b.text == "$") {
        return None;
    }
    // "three-quarters of its food", "a quarter of the market": a fraction
    // ("several quarters of losses" is a span of time).
    let of_a_whole =
        m.after().is_some_and(|a| a.lower == "of") && !m.after_n(2).is_some_and(is_year);
    let fraction = m.has(4) || matches!(words.as_str(), "a" | "an" | "one");
    if unit == Unit::Quarter && of_a_whole && fraction {
        return None;
    }
    Some(duration(count_of(m, 2), unit))
}

/// "a day-long meeting", "decades-long battle", "weeklong": one unit, or an
/// unknown number of them.
fn n_unit_long(m: &Match, _: &Ctx) -> Option<String> {
    let word = m.tok(0)?.lower;
    let head = word
        .strip_suffix("long")
        .filter(|h| !h.is_empty())
        .unwrap_or(word);
    let (unit, plural) = match lexicon::unit_word(head) {
        Some(unit) => (unit, head.ends_with('s')),
        None => return None,
    };
    Some(duration((!plural).then_some(1), unit))
}

/// "a two hour 51 minute struggle" → `PT2H51M`, "a year and six months" →
/// `P1Y6M`.
fn n_compound_duration(m: &Match, _: &Ctx) -> Option<String> {
    let (parts, _) = duration_parts(m.toks, m.start)?;
    let mut date = String::new();
    let mut time = String::new();
    for (n, unit) in parts {
        let (letter, per) = unit.duration_code();
        let out = if unit.is_clock() {
            &mut time
        } else {
            &mut date
        };
        out.push_str(&format!("{}{letter}", n.checked_mul(per)?));
    }
    let t = if time.is_empty() { "" } else { "T" };
    Some(format!("P{date}{t}{time}"))
}

fn n_vague_plural(m: &Match, _: &Ctx) -> Option<String> {
    let unit = unit_of(m, 1)?;
    let lead = m.words(0);
    if lead.is_empty()
        && !m
            .before()
            .is_some_and(|b| matches!(b.lower, "for" | "over" | "in" | "within"))
    {
        return None;
    }
    if m.after()
        .is_some_and(|a| matches!(a.lower, "of" | "ago" | "later" | "earlier"))
    {
        return None;
    }
    Some(duration(None, unit))
}

fn n_set_every(m: &Match, _: &Ctx) -> Option<String> {
    let unit = unit_of(m, 2)?;
    let n = if m.has(1) { 2 } else { 1 };
    Some(duration(Some(n), unit))
}

fn n_set_weekday(m: &Match, _: &Ctx) -> Option<String> {
    Some(format!(
        "XXXX-WXX-{}",
        weekday_of(m, 1)?.number_from_monday()
    ))
}

fn n_set_month(m: &Match, _: &Ctx) -> Option<String> {
    Some(format!("XXXX-{:02}", month_of(m, 1)?))
}

/// "Tuesday nights": every Tuesday, at night (`XXXX-WXX-2TNI`).
fn n_set_weekday_part(m: &Match, _: &Ctx) -> Option<String> {
    let day = weekday_of(m, 0)?.number_from_monday();
    let part = m.tok(1)?.lower.strip_suffix('s')?;
    let code = lexicon::PARTS_OF_DAY
        .iter()
        .find(|(w, _)| *w == part)
        .map(|&(_, c)| c)?;
    Some(format!("XXXX-WXX-{day}T{code}"))
}

fn n_set_adverb(m: &Match, _: &Ctx) -> Option<String> {
    // "the China Daily", "Daily Mail": a title, not a rhythm.
    let capital = m.tok(0).is_some_and(|t| t.is_capitalised());
    let sentence = m.toks[m.start].sentence;
    let in_name = m
        .before()
        .is_some_and(|b| b.is_word() && b.is_capitalised() && b.sentence == sentence)
        || m.after().is_some_and(|a| a.is_word() && a.is_capitalised());
    // "the daily said", "the news weekly Der Spiegel": a newspaper.
    let paper = m.after().is_some_and(|a| {
        a.is_word() && a.is_capitalised()
            || matches!(
                a.lower,
                "said"
                    | "says"
                    | "reported"
                    | "reports"
                    | "wrote"
                    | "quoted"
                    | "newspaper"
                    | "edition"
            )
    });
    if capital && in_name || paper {
        return None;
    }
    Some(
        match m.words(0).as_str() {
            "daily" | "nightly" => "P1D",
            "weekly" => "P1W",
            "monthly" => "P1M",
            "annually" | "yearly" => "P1Y",
            "hourly" => "PT1H",
            _ => return None,
        }
        .to_string(),
    )
}

fn n_set_rate(m: &Match, _: &Ctx) -> Option<String> {
    let b = m.before()?;
    let rate = b.is_digits()
        || matches!(
            b.lower,
            "million"
                | "billion"
                | "trillion"
                | "thousand"
                | "%"
                | "percent"
                | "twice"
                | "once"
                | "times"
                | "dollars"
                | "cents"
        );
    if !rate {
        return None;
    }
    Some(duration(Some(1), unit_of(m, 1)?))
}

fn constant(value: &'static str) -> String {
    value.to_string()
}

fn n_present(_: &Match, _: &Ctx) -> Option<String> {
    Some(constant("PRESENT_REF"))
}

/// "current" as an adjective of time; "Current 1.30 1.35" heads a row of
/// figures (current earnings).
fn n_current(m: &Match, ctx: &Ctx) -> Option<String> {
    if m.after().is_some_and(|a| a.is_digits()) {
        return None;
    }
    n_present(m, ctx)
}

fn n_past(_: &Match, _: &Ctx) -> Option<String> {
    Some(constant("PAST_REF"))
}

fn n_the_past(m: &Match, _: &Ctx) -> Option<String> {
    m.before()
        .is_some_and(|b| b.lower == "in")
        .then(|| constant("PAST_REF"))
}

/// "will soon grow": TimeML tags the adverb as `FUTURE_REF`; "as soon as",
/// "soon after" are connectives, and "was soon released" is a past
/// sequence, not the future.
fn n_soon(m: &Match, ctx: &Ctx) -> Option<String> {
    if m.before()
        .is_some_and(|b| matches!(b.lower, "as" | "so" | "too" | "how"))
        || m.after()
            .is_some_and(|a| matches!(a.lower, "as" | "after" | "afterward" | "thereafter"))
        || ctx.tense == Tense::Past
    {
        return None;
    }
    Some(constant("FUTURE_REF"))
}

fn n_future(_: &Match, _: &Ctx) -> Option<String> {
    Some(constant("FUTURE_REF"))
}

/// Parses the clock phrase tokens into hours and minutes.
/// "3pm" → (3, true), "30am" → (30, false): a number with "am" or "pm"
/// glued after it.
fn glued_meridiem(t: &Tok) -> Option<(u32, bool)> {
    let (digits, pm) = match t.lower.strip_suffix("pm") {
        Some(d) => (d, true),
        None => (t.lower.strip_suffix("am")?, false),
    };
    let ok = !digits.is_empty() && digits.len() <= 2 && digits.bytes().all(|b| b.is_ascii_digit());
    ok.then(|| digits.parse().ok().map(|n| (n, pm))).flatten()
}

/// "0730" as hours and minutes.
fn military_time(t: &Tok) -> Option<(u32, u32)> {
    let n = t.number().filter(|_| t.text.len() == 4 && t.is_digits())?;
    let (hour, minute) = (n / 100, n % 100);
    (hour < 24 && minute < 60).then_some((hour, minute))
}

fn clock_value(toks: &[Tok]) -> Option<(u32, u32)> {
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
    let minute = if toks.get(1).is_some_and(|c| c.text == ":") {
        let m = toks.get(2)?;
        match glued_meridiem(m) {
            Some((minute, _)) => minute,
            None => m.number()?,
        }
    } else {
        0
    };
    let pm =
        glued.is_some_and(|(_, pm)| pm) || toks.iter().any(|t| t.lower == "pm" || t.lower == "p");
    let am =
        glued.is_some_and(|(_, pm)| !pm) || toks.iter().any(|t| t.lower == "am" || t.lower == "a");
    if pm && hour < 12 {
        hour += 12;
    } else if am && hour == 12 {
        hour = 0;
    }
    (hour < 24 && minute < 60).then_some((hour, minute))
}

fn n_clock(m: &Match, ctx: &Ctx) -> Option<String> {
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
    let placed = m.before().is_some_and(|b| {
        matches!(
            b.lower,
            "at" | "by"
                | "until"
                | "till"
                | "from"
                | "to"
                | "around"
                | "about"
                | "before"
                | "after"
                | "since"
                | "between"
                | "and"
        )
    }) || m
        .after()
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
    let (h, min) = clock_value(m.part(0))?;
    let day = match m.part(2).last() {
        Some(t) => match day_word_offset(t.lower) {
            Some(off) => add_days(ctx.anchor, off)?,
            None => weekday_date(ctx.anchor, lexicon::weekday(t)?, Rel::None, ctx.tense)?,
        },
        // A bare clock time is on the day the text is talking about: the
        // last day it named ("killed Oct. 23 ... shot at 10 p.m."), else
        // the publication day.
        None => match ctx.reference {
            Some(Point::Day(d)) => d,
            _ => ctx.anchor,
        },
    };
    Some(format!("{}T{h:02}:{min:02}", day_value(day)))
}

/// "1/2" (three tokens, no spaces inside) or "½" after a whole number.
fn half_fraction(toks: &[Tok], at: usize) -> Option<usize> {
    let t = toks.get(at)?;
    if t.text == "½" {
        return Some(at + 1);
    }
    let slash = toks.get(at + 1)?;
    let two = toks.get(at + 2)?;
    let ok = t.text == "1" && slash.text == "/" && !slash.gap && two.text == "2" && !two.gap;
    ok.then_some(at + 3)
}

/// A duration of `whole` units and a half, TimeML style: `P2Y6M`,
/// `PT5H30M`; None for units whose half has no exact smaller unit here.
fn half_more(whole: u32, unit: Unit) -> Option<String> {
    Some(match unit {
        Unit::Year => format!("P{whole}Y6M"),
        Unit::Decade => format!("P{}Y", whole.checked_mul(10)?.checked_add(5)?),
        Unit::Century => format!("P{}Y", whole.checked_mul(100)?.checked_add(50)?),
        Unit::Day => format!("P{whole}DT12H"),
        Unit::Hour => format!("PT{whole}H30M"),
        Unit::Minute => format!("PT{whole}M30S"),
        _ => return None,
    })
}

/// "2 1/2 years", "a minute and a half": the count (part 1) plus a half of
/// the unit found in the match.
fn n_duration_and_half(m: &Match, _: &Ctx) -> Option<String> {
    if m.after().is_some_and(|h| h.text == "-" && !h.gap) {
        return None;
    }
    let unit = m.toks[m.start..m.end].iter().find_map(lexicon::unit)?;
    let whole = count_of(m, 1)?;
    let value = half_more(whole, unit)?;
    // "half a year" has no whole part: `P0Y6M` is written `P6M`.
    Some(value.replacen("P0Y", "P", 1).replacen("PT0H", "PT", 1))
}

/// "half an hour", "half a year".
fn n_half_unit(m: &Match, _: &Ctx) -> Option<String> {
    let unit = unit_of(m, 3)?;
    Some(match unit {
        Unit::Year => "P6M".to_string(),
        Unit::Day => "PT12H".to_string(),
        Unit::Hour => "PT30M".to_string(),
        Unit::Minute => "PT30S".to_string(),
        Unit::Decade => "P5Y".to_string(),
        Unit::Century => "P50Y".to_string(),
        _ => return None,
    })
}

/// "5 p.m. EST Nov. 9": the clock time on that day (year as for "Nov. 9").
fn n_clock_date(m: &Match, ctx: &Ctx) -> Option<String> {
    let year_follows = m.after().is_some_and(is_year)
        || m.after().is_some_and(|a| a.text == ",") && m.after_n(2).is_some_and(is_year);
    if number_continues(m) || year_follows {
        return None;
    }
    let (h, min) = clock_value(m.part(0))?;
    let day = month_day_date(ctx, month_of(m, 3)?, day_of(m, 4)?)?;
    Some(format!("{}T{h:02}:{min:02}", day_value(day)))
}

/// True if the match is the title of a work: capitalised words right after
/// an opening quote (ABC's "This Week", CBS's ''60 Minutes''), in a sentence
/// that is not itself in title case.
pub(crate) fn is_quoted_title(m: &Match) -> bool {
    let is_quote = |t: &Tok| matches!(t.text, "\"" | "“" | "``" | "`" | "''" | "'" | "‘");
    // Quote marks glued to the match, the first of them after a space (or
    // at the start): a closing quote is glued to the word before it.
    let opening = !m.toks[m.start].gap && {
        let mut i = m.start;
        loop {
            match i.checked_sub(1).map(|p| &m.toks[p]) {
                Some(q) if is_quote(q) && q.gap => break true,
                Some(q) if is_quote(q) => i -= 1,
                None if i < m.start => break true,
                _ => break false,
            }
        }
    };
    // A unit or part of the day written with a capital after the first
    // word: "Last Tuesday" opens a quote, "This Week" names a show.
    let inner = &m.toks[m.start..m.end];
    let titled = inner
        .iter()
        .skip(1)
        .any(|t| t.is_capitalised() && (is_unit(t) || is_part_of_day(t)))
        && inner
            .iter()
            .filter(|t| t.is_word())
            .all(|t| t.is_capitalised());
    if !(opening && titled) {
        return false;
    }
    let sentence = m.toks[m.start].sentence;
    let before = m.toks[..m.start].iter().rev();
    let after = m.toks[m.end..].iter();
    before
        .take_while(|t| t.sentence == sentence)
        .chain(after.take_while(|t| t.sentence == sentence))
        .any(|t| t.is_word() && !t.is_capitalised())
}

// ---- the table -------------------------------------------------------------

/// The first-token dispatch table of [`RULES`], derived from the patterns
/// once: the tagger tries at each token only the rules that can start there.
pub(crate) fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| Index::new(RULES.iter().map(|r| r.pattern)))
}

/// Every rule, most specific first (ties in length go to the earlier rule).
pub(crate) const RULES: &[Rule] = &[
    Rule {
        name: "ISO date",
        pattern: &[led(NONE, true, &El::Phrase(iso_date))],
        kind: TimexType::Date,
        norm: n_iso_date,
        anchors: true,
    },
    Rule {
        name: "numeric date",
        pattern: &[led(NONE, true, &El::Phrase(numeric_date))],
        kind: TimexType::Date,
        norm: n_numeric_date,
        anchors: true,
    },
    Rule {
        name: "Q1 2022",
        pattern: &[
            led(
                || vec!["q1", "q2", "q3", "q4", "h1", "h2"],
                false,
                &El::Phrase(period_code_phrase),
            ),
            El::Opt(&HYPHEN),
            El::Opt(&YEAR),
        ],
        kind: TimexType::Date,
        norm: n_period_code,
        anchors: true,
    },
    Rule {
        name: "overnight",
        pattern: &[El::Lit(&["overnight"])],
        kind: TimexType::Time,
        norm: n_overnight,
        anchors: false,
    },
    Rule {
        name: "day month year",
        pattern: &[
            El::Opt(&WEEKDAY_HEAD),
            DAY,
            El::Opt(&OF),
            MONTH,
            El::Opt(&COMMA),
            YEAR,
        ],
        kind: TimexType::Date,
        norm: n_day_month_year,
        anchors: true,
    },
    Rule {
        name: "month day year",
        pattern: &[El::Opt(&WEEKDAY_HEAD), MONTH, DAY, El::Opt(&COMMA), YEAR],
        kind: TimexType::Date,
        norm: n_month_day_year,
        anchors: true,
    },
    Rule {
        name: "month day",
        pattern: &[El::Opt(&WEEKDAY_HEAD), MONTH, DAY],
        kind: TimexType::Date,
        norm: n_month_day,
        anchors: true,
    },
    Rule {
        name: "last October 23",
        pattern: &[El::Lit(&["last", "this", "next"]), MONTH, DAY],
        kind: TimexType::Date,
        norm: n_directed_month_day,
        anchors: true,
    },
    Rule {
        name: "April 24 and 25",
        pattern: &[DAY],
        kind: TimexType::Date,
        norm: n_conjoined_day,
        anchors: true,
    },
    Rule {
        name: "day month",
        pattern: &[El::Opt(&WEEKDAY_HEAD), DAY, El::Opt(&OF), MONTH],
        kind: TimexType::Date,
        norm: n_day_month,
        anchors: true,
    },
    Rule {
        name: "month year",
        pattern: &[El::Opt(&EDGE), MONTH, El::Opt(&OF), El::Opt(&COMMA), YEAR],
        kind: TimexType::Date,
        norm: n_month_year,
        anchors: true,
    },
    Rule {
        name: "month",
        pattern: &[El::Opt(&MONTH_MODIFIER), MONTH],
        kind: TimexType::Date,
        norm: n_month,
        anchors: true,
    },
    Rule {
        name: "year",
        pattern: &[El::Opt(&EDGE), El::Opt(&FISCAL), YEAR],
        kind: TimexType::Date,
        norm: n_year,
        anchors: true,
    },
    Rule {
        name: "the year 2000",
        pattern: &[THE, El::Lit(&["year"]), YEAR],
        kind: TimexType::Date,
        norm: n_the_year_number,
        anchors: true,
    },
    Rule {
        name: "the 1988 period",
        pattern: &[THE, YEAR, El::Lit(&["period", "season", "quarter"])],
        kind: TimexType::Date,
        norm: n_year_period,
        anchors: true,
    },
    Rule {
        name: "decade in digits",
        pattern: &[El::Opt(&EDGE), DECADE_DIGITS],
        kind: TimexType::Date,
        norm: n_decade_digits,
        anchors: true,
    },
    Rule {
        name: "decade in words",
        pattern: &[THE, El::Opt(&EDGE), El::Is(is_decade_word)],
        kind: TimexType::Date,
        norm: n_decade_word,
        anchors: true,
    },
    Rule {
        name: "century",
        pattern: &[
            El::Opt(&THE),
            El::Opt(&EDGE),
            ORDINAL_CENTURY,
            El::Opt(&HYPHEN),
            El::Lit(&["century"]),
        ],
        kind: TimexType::Date,
        norm: n_century,
        anchors: true,
    },
    Rule {
        name: "season year",
        pattern: &[El::Opt(&EDGE), El::Opt(&THE), SEASON, El::Opt(&OF), YEAR],
        kind: TimexType::Date,
        norm: n_season_year,
        anchors: true,
    },
    Rule {
        name: "month, year in words",
        pattern: &[El::Opt(&THE), MONTH, El::Opt(&OF), YEAR_WORDS],
        kind: TimexType::Date,
        norm: n_period_year_words,
        anchors: true,
    },
    Rule {
        name: "season, year in words",
        pattern: &[El::Opt(&THE), SEASON, El::Opt(&OF), YEAR_WORDS],
        kind: TimexType::Date,
        norm: n_period_year_words,
        anchors: true,
    },
    Rule {
        name: "June last year",
        pattern: &[
            El::Opt(&EDGE),
            MONTH,
            El::Lit(&["last", "this", "next"]),
            El::Lit(&["year"]),
        ],
        kind: TimexType::Date,
        norm: n_month_relative_year,
        anchors: true,
    },
    Rule {
        name: "season",
        pattern: &[El::Opt(&EDGE), El::Opt(&SEASON_DETERMINER), SEASON],
        kind: TimexType::Date,
        norm: n_season,
        anchors: true,
    },
    Rule {
        name: "ordinal quarter",
        pattern: &[
            El::Opt(&THE),
            El::Opt(&YEAR_POSSESSIVE),
            El::Opt(&FISCAL),
            El::Opt(&YEAR_AGO),
            El::Opt(&YEAR),
            ORDINAL_QUARTER,
            El::Opt(&HYPHEN),
            El::Lit(&["quarter"]),
            El::Opt(&El::Phrase(of_year)),
        ],
        kind: TimexType::Date,
        norm: n_quarter,
        anchors: true,
    },
    Rule {
        name: "relative quarter",
        pattern: &[
            El::Opt(&THE),
            El::Lit(&[
                "latest", "last", "past", "previous", "current", "this", "next", "coming", "recent",
            ]),
            El::Lit(&["quarter"]),
        ],
        kind: TimexType::Date,
        norm: n_relative_quarter,
        anchors: true,
    },
    Rule {
        name: "the quarter",
        pattern: &[THE, El::Lit(&["quarter"])],
        kind: TimexType::Date,
        norm: n_the_quarter,
        anchors: false,
    },
    Rule {
        name: "the latest period",
        pattern: &[THE, El::Lit(&["latest"]), El::Lit(&["period"])],
        kind: TimexType::Date,
        norm: n_latest_period,
        anchors: false,
    },
    Rule {
        name: "year-ago period",
        pattern: &[
            THE,
            El::Opt(&El::Lit(&["comparable", "same"])),
            YEAR_AGO,
            El::Lit(&["quarter", "period"]),
        ],
        kind: TimexType::Date,
        norm: n_year_ago_period,
        anchors: false,
    },
    Rule {
        name: "the same period last year",
        pattern: &[
            THE,
            El::Lit(&["corresponding", "comparable", "same"]),
            El::Lit(&["quarter", "period"]),
            El::Lit(&["last"]),
            El::Lit(&["year"]),
        ],
        kind: TimexType::Date,
        norm: n_same_period_last_year,
        anchors: false,
    },
    Rule {
        name: "last year's quarter",
        pattern: &[YEAR_POSSESSIVE, El::Lit(&["quarter", "period"])],
        kind: TimexType::Date,
        norm: n_last_years_period,
        anchors: false,
    },
    Rule {
        name: "the quarter a year ago",
        pattern: &[
            THE,
            El::Lit(&["quarter", "period"]),
            El::Lit(&["a"]),
            YEAR_AGO,
        ],
        kind: TimexType::Date,
        norm: n_period_a_year_ago,
        anchors: false,
    },
    Rule {
        name: "year-ago adjective",
        pattern: &[YEAR_AGO_ADJECTIVE],
        kind: TimexType::Date,
        norm: n_year_ago_adjective,
        anchors: false,
    },
    Rule {
        name: "half year",
        pattern: &[
            El::Opt(&THE),
            El::Opt(&FISCAL),
            ORDINAL_HALF,
            El::Opt(&HYPHEN),
            El::Lit(&["half"]),
            El::Opt(&El::Phrase(of_year)),
        ],
        kind: TimexType::Date,
        norm: n_half,
        anchors: true,
    },
    Rule {
        name: "weekday",
        pattern: &[
            El::Opt(&El::Lit(&["early", "late"])),
            El::Opt(&WEEKDAY_DIRECTION),
            WEEKDAY,
            El::Opt(&PART_OF_DAY),
        ],
        kind: TimexType::Date,
        norm: n_weekday,
        anchors: true,
    },
    Rule {
        name: "today, yesterday, tomorrow",
        pattern: &[
            El::Opt(&El::Lit(&["early", "late", "earlier", "later"])),
            El::Lit(&["today", "yesterday", "tomorrow", "tonight"]),
        ],
        kind: TimexType::Date,
        norm: n_day_word,
        anchors: true,
    },
    Rule {
        name: "part of a day",
        pattern: &[DAY_PART],
        kind: TimexType::Time,
        norm: n_day_part,
        anchors: true,
    },
    Rule {
        name: "the past decade",
        pattern: &[
            El::Opt(&THE),
            El::Lit(&["past"]),
            El::Lit(&["decade", "century"]),
        ],
        kind: TimexType::Duration,
        norm: n_past_decade,
        anchors: false,
    },
    Rule {
        name: "last week, this year",
        pattern: &[El::Opt(&EDGE), El::Opt(&THE), DIRECTION, SINGULAR_UNIT],
        kind: TimexType::Date,
        norm: n_relative_unit,
        anchors: true,
    },
    Rule {
        name: "the year",
        pattern: &[
            THE,
            El::Opt(&El::Lit(&[
                "current", "full", "whole", "entire", "calendar", "latest",
            ])),
            El::Opt(&El::Lit(&["fiscal"])),
            El::Lit(&["year"]),
        ],
        kind: TimexType::Date,
        norm: n_the_year,
        anchors: true,
    },
    Rule {
        name: "for the year",
        pattern: &[THE, El::Opt(&El::Lit(&["fiscal"])), El::Lit(&["year"])],
        kind: TimexType::Duration,
        norm: n_the_year_duration,
        anchors: false,
    },
    Rule {
        name: "the weekend",
        pattern: &[
            El::Lit(&["the", "this", "last", "next"]),
            El::Lit(&["weekend"]),
        ],
        kind: TimexType::Date,
        norm: n_weekend,
        anchors: true,
    },
    Rule {
        name: "ago",
        pattern: &[
            El::Opt(&HEDGE),
            El::Opt(&COUNT),
            CALENDAR_UNIT,
            El::Lit(&["ago"]),
        ],
        kind: TimexType::Date,
        norm: n_ago,
        anchors: false,
    },
    Rule {
        name: "minutes ago",
        pattern: &[El::Opt(&HEDGE), COUNT, CLOCK_UNIT, El::Lit(&["ago"])],
        kind: TimexType::Time,
        norm: n_ago_clock,
        anchors: false,
    },
    Rule {
        name: "five years later",
        pattern: &[
            El::Opt(&HEDGE),
            COUNT,
            CALENDAR_UNIT,
            El::Lit(&["later", "earlier"]),
        ],
        kind: TimexType::Date,
        norm: n_later,
        anchors: false,
    },
    Rule {
        name: "the following day",
        pattern: &[
            THE,
            El::Lit(&[
                "following",
                "next",
                "previous",
                "preceding",
                "prior",
                "same",
            ]),
            SINGULAR_UNIT,
        ],
        kind: TimexType::Date,
        norm: n_anaphoric,
        anchors: false,
    },
    Rule {
        name: "the next morning",
        pattern: &[THE, El::Lit(&["following", "next"]), PART_OF_DAY],
        kind: TimexType::Date,
        norm: n_next_part_of_day,
        anchors: false,
    },
    Rule {
        name: "year-end",
        pattern: &[El::Opt(&THE), YEAR_END],
        kind: TimexType::Date,
        norm: n_year_end,
        anchors: false,
    },
    Rule {
        name: "that day",
        pattern: &[
            El::Opt(&El::Lit(&["earlier", "later"])),
            El::Lit(&["that"]),
            SINGULAR_UNIT,
        ],
        kind: TimexType::Date,
        norm: n_that_unit,
        anchors: false,
    },
    Rule {
        name: "a year (rate)",
        pattern: &[El::Lit(&["a", "per", "an"]), SINGULAR_UNIT],
        kind: TimexType::Set,
        norm: n_set_rate,
        anchors: true,
    },
    Rule {
        name: "two and a half years",
        pattern: &[
            El::Opt(&HEDGE),
            COUNT,
            El::Phrase(half_fraction),
            El::Opt(&HYPHEN),
            UNIT,
        ],
        kind: TimexType::Duration,
        norm: n_duration_and_half,
        anchors: false,
    },
    Rule {
        name: "a year and a half",
        pattern: &[
            El::Opt(&HEDGE),
            COUNT,
            UNIT,
            El::Lit(&["and"]),
            El::Lit(&["a"]),
            El::Lit(&["half"]),
        ],
        kind: TimexType::Duration,
        norm: n_duration_and_half,
        anchors: false,
    },
    Rule {
        name: "half an hour",
        pattern: &[
            El::Opt(&HEDGE),
            El::Lit(&["half"]),
            El::Lit(&["a", "an"]),
            SINGULAR_UNIT,
        ],
        kind: TimexType::Duration,
        norm: n_half_unit,
        anchors: false,
    },
    Rule {
        name: "duration",
        pattern: &[
            El::Opt(&HEDGE),
            El::Opt(&DURATION_HEAD),
            COUNT,
            El::Opt(&El::Lit(&[
                "more",
                "full",
                "straight",
                "consecutive",
                "long",
                "additional",
                "extra",
                "further",
                "trading",
                "business",
                "working",
            ])),
            El::Opt(&HYPHEN),
            UNIT,
        ],
        kind: TimexType::Duration,
        norm: n_duration,
        anchors: true,
    },
    Rule {
        name: "two hours 51 minutes",
        pattern: &[led(
            lexicon::cardinal_words,
            true,
            &El::Phrase(compound_duration),
        )],
        kind: TimexType::Duration,
        norm: n_compound_duration,
        anchors: false,
    },
    Rule {
        name: "day-long",
        pattern: &[UNIT, HYPHEN, El::Lit(&["long"])],
        kind: TimexType::Duration,
        norm: n_unit_long,
        anchors: false,
    },
    Rule {
        name: "weeklong",
        pattern: &[El::Lit(&["daylong", "weeklong", "monthlong", "yearlong"])],
        kind: TimexType::Duration,
        norm: n_unit_long,
        anchors: false,
    },
    Rule {
        name: "two to three weeks",
        pattern: &[
            El::Opt(&HEDGE),
            El::Opt(&DURATION_HEAD),
            COUNT,
            El::Lit(&["to", "or"]),
            COUNT,
            El::Opt(&HYPHEN),
            UNIT,
        ],
        kind: TimexType::Duration,
        norm: n_duration_range,
        anchors: false,
    },
    Rule {
        name: "the week of March 6",
        pattern: &[
            THE,
            El::Lit(&["week"]),
            OF,
            MONTH,
            DAY,
            El::Opt(&El::Phrase(comma_year)),
        ],
        kind: TimexType::Date,
        norm: n_week_of,
        anchors: true,
    },
    Rule {
        name: "mid-afternoon",
        pattern: &[
            led(
                || vec!["mid", "midmorning", "midafternoon", "midday"],
                false,
                &El::Phrase(mid_part),
            ),
            El::Opt(&El::Lit(&["today", "yesterday", "tomorrow"])),
        ],
        kind: TimexType::Time,
        norm: n_mid_part,
        anchors: true,
    },
    Rule {
        name: "recent years",
        pattern: &[El::Lit(&["recent"]), El::Lit(&["years"])],
        kind: TimexType::Date,
        norm: n_past,
        anchors: true,
    },
    Rule {
        name: "vague plural",
        pattern: &[El::Opt(&VAGUE_LEAD), PLURAL_UNIT],
        kind: TimexType::Duration,
        norm: n_vague_plural,
        anchors: true,
    },
    Rule {
        name: "every week",
        pattern: &[
            El::Lit(&["every", "each"]),
            El::Opt(&El::Lit(&["other"])),
            SINGULAR_UNIT,
        ],
        kind: TimexType::Set,
        norm: n_set_every,
        anchors: true,
    },
    Rule {
        name: "every Thursday",
        pattern: &[El::Lit(&["every", "each"]), WEEKDAY],
        kind: TimexType::Set,
        norm: n_set_weekday,
        anchors: true,
    },
    Rule {
        name: "every July",
        pattern: &[El::Lit(&["every", "each"]), MONTH],
        kind: TimexType::Set,
        norm: n_set_month,
        anchors: false,
    },
    Rule {
        name: "Tuesday nights",
        pattern: &[
            WEEKDAY,
            El::Lit(&["mornings", "afternoons", "evenings", "nights"]),
        ],
        kind: TimexType::Set,
        norm: n_set_weekday_part,
        anchors: false,
    },
    Rule {
        name: "daily",
        pattern: &[El::Lit(&[
            "daily", "nightly", "weekly", "monthly", "annually", "yearly", "hourly",
        ])],
        kind: TimexType::Set,
        norm: n_set_adverb,
        anchors: true,
    },
    Rule {
        name: "now",
        pattern: &[El::Lit(&["now", "currently", "nowadays"])],
        kind: TimexType::Date,
        norm: n_present,
        anchors: true,
    },
    Rule {
        name: "soon",
        pattern: &[El::Lit(&["soon"])],
        kind: TimexType::Date,
        norm: n_soon,
        anchors: false,
    },
    Rule {
        name: "recently",
        pattern: &[
            El::Opt(&El::Lit(&["more", "most", "only", "very"])),
            El::Lit(&["recently", "lately"]),
        ],
        kind: TimexType::Date,
        norm: n_past,
        anchors: true,
    },
    Rule {
        name: "the past",
        pattern: &[THE, El::Lit(&["past"])],
        kind: TimexType::Date,
        norm: n_the_past,
        anchors: true,
    },
    Rule {
        name: "the future",
        pattern: &[
            THE,
            El::Opt(&El::Lit(&["near", "distant", "foreseeable", "immediate"])),
            El::Lit(&["future"]),
        ],
        kind: TimexType::Date,
        norm: n_future,
        anchors: true,
    },
    Rule {
        name: "the past few months",
        pattern: &[
            THE,
            El::Lit(&["past", "last"]),
            El::Phrase(vague_count),
            PLURAL_UNIT,
        ],
        kind: TimexType::Date,
        norm: n_past,
        anchors: false,
    },
    Rule {
        name: "holiday",
        pattern: &[El::Opt(&DIRECTION), HOLIDAY, El::Opt(&El::Lit(&["week"]))],
        kind: TimexType::Date,
        norm: n_holiday,
        anchors: true,
    },
    Rule {
        name: "year in words",
        pattern: &[El::Opt(&THE_YEAR), YEAR_WORDS],
        kind: TimexType::Date,
        norm: n_year_words,
        anchors: true,
    },
    Rule {
        name: "then current",
        pattern: &[El::Lit(&["then"]), El::Opt(&HYPHEN), El::Lit(&["current"])],
        kind: TimexType::Date,
        norm: n_past,
        anchors: false,
    },
    Rule {
        name: "current",
        pattern: &[El::Lit(&["current"])],
        kind: TimexType::Date,
        norm: n_current,
        anchors: false,
    },
    Rule {
        name: "as soon as possible",
        pattern: &[
            El::Lit(&["as"]),
            El::Lit(&["soon"]),
            El::Lit(&["as"]),
            El::Lit(&["possible"]),
        ],
        kind: TimexType::Date,
        norm: n_future,
        anchors: true,
    },
    Rule {
        name: "clock time on a date",
        pattern: &[CLOCK, El::Opt(&TIME_ZONE), El::Opt(&COMMA), MONTH, DAY],
        kind: TimexType::Time,
        norm: n_clock_date,
        anchors: true,
    },
    Rule {
        name: "clock time",
        pattern: &[CLOCK, El::Opt(&TIME_ZONE), El::Opt(&El::Phrase(day_name))],
        kind: TimexType::Time,
        norm: n_clock,
        anchors: true,
    },
];

/// "last", "this", "next", "early", "late", "mid-" before a month name.
fn month_modifier(toks: &[Tok], at: usize) -> Option<usize> {
    edge(toks, at).or_else(|| {
        let t = toks.get(at)?;
        matches!(t.lower, "last" | "this" | "next").then_some(at + 1)
    })
}

/// "the", "this", "last", "next", "this past" before a season.
fn season_determiner(toks: &[Tok], at: usize) -> Option<usize> {
    direction(toks, at).or_else(|| (toks.get(at)?.lower == "the").then_some(at + 1))
}

/// "last", "next", "this", "the previous" before a weekday.
fn weekday_direction(toks: &[Tok], at: usize) -> Option<usize> {
    let w = |i: usize| toks.get(i).map(|t| t.lower);
    match w(at)? {
        "last" | "next" | "this" | "previous" => Some(at + 1),
        "the" if matches!(w(at + 1), Some("previous" | "preceding" | "following")) => Some(at + 2),
        _ => None,
    }
}

/// A standalone "year-earlier"/"year-ago" adjective.
fn year_ago_adjective(toks: &[Tok], at: usize) -> Option<usize> {
    let end = year_ago(toks, at)?;
    (toks.get(at + 1).is_some_and(|h| h.text == "-")).then_some(end)
}

/// A vague quantity only: "several", "a few".
fn vague_count(toks: &[Tok], at: usize) -> Option<usize> {
    let t = toks.get(at)?;
    if t.lower == "a" && toks.get(at + 1).is_some_and(|f| f.lower == "few") {
        return Some(at + 2);
    }
    VAGUE_COUNTS.contains(&t.lower).then_some(at + 1)
}

/// Finds a holiday's date in a given year.
type HolidayDate = fn(i32) -> Option<NaiveDate>;

/// Holiday names (lower-case tokens) and their dates.
const HOLIDAYS: &[(&[&str], HolidayDate)] = &[
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
    (&["good", "friday"], |y| {
        easter(y)?.checked_sub_days(chrono::Days::new(2))
    }),
];

fn first_weekday(year: i32, month: u32, day: chrono::Weekday) -> Option<NaiveDate> {
    NaiveDate::from_weekday_of_month_opt(year, month, day, 1)
}

/// Western Easter Sunday by the anonymous Gregorian computus (Meeus/Jones/
/// Butcher), since chrono has no ecclesiastical calendar.
fn easter(year: i32) -> Option<NaiveDate> {
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
fn thanksgiving(year: i32) -> Option<NaiveDate> {
    NaiveDate::from_weekday_of_month_opt(year, 11, chrono::Weekday::Thu, 4)
}

/// The holiday whose name starts at `at`, longest name first; with its end.
fn holiday_at(toks: &[Tok], at: usize) -> Option<(usize, HolidayDate)> {
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

fn holiday(toks: &[Tok], at: usize) -> Option<usize> {
    holiday_at(toks, at).map(|(end, _)| end)
}

fn n_holiday(m: &Match, ctx: &Ctx) -> Option<String> {
    let start = m.parts.get(1)?.0;
    let (_, day) = holiday_at(m.toks, start)?;
    let y = ctx.anchor.year();
    let this = day(y)?;
    // "as Easter week began" a week before Easter is this year's Easter
    // week; a holiday itself told in the past tense is last year's.
    let weeks_ahead = !m.has(2) || (this - ctx.anchor).num_days() > 14;
    let year = match direction_of(m, 0) {
        Rel::Last if this >= ctx.anchor => y - 1,
        Rel::Next if this <= ctx.anchor => y + 1,
        Rel::None if ctx.tense == Tense::Past && weeks_ahead => y - 1,
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

/// "the year" before a year in words.
fn the_year(toks: &[Tok], at: usize) -> Option<usize> {
    let ok = toks.get(at)?.lower == "the" && toks.get(at + 1)?.lower == "year";
    ok.then_some(at + 2)
}

/// A year in words: "nineteen ninety-six", "two thousand", "two thousand and one".
fn year_words_value(toks: &[Tok], at: usize) -> Option<(i32, usize)> {
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

fn year_words(toks: &[Tok], at: usize) -> Option<usize> {
    year_words_value(toks, at).map(|(_, end)| end)
}

/// The year written in words in part `k` of a match.
fn year_words_of(m: &Match, k: usize) -> Option<i32> {
    year_words_value(m.toks, m.parts.get(k)?.0).map(|(year, _)| year)
}

fn n_year_words(m: &Match, _: &Ctx) -> Option<String> {
    let year = year_words_of(m, 1)?;
    if !m.has(0) && year == 2000 {
        return None;
    }
    Some(fmt(Point::Year(year)))
}

/// "recent", "coming", "the coming" before a plural unit.
fn vague_lead(toks: &[Tok], at: usize) -> Option<usize> {
    let w = |i: usize| toks.get(i).map(|t| t.lower);
    match w(at)? {
        "recent" | "coming" => Some(at + 1),
        "the"
            if matches!(w(at + 1), Some("coming" | "past" | "last" | "next"))
                && w(at + 2).is_some_and(|u| u.ends_with('s')) =>
        {
            Some(at + 2)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests;
