//! Expressions the rule table finds apart but TimeML reads as one: an offset
//! from a named date ("two days after Christmas", "the day before last
//! Tuesday's hearing") is one date, and a clock time before its day ("at 1am
//! on 31 March") one time. The table matches one expression at a time, so
//! the tagger joins the two here once the second is resolved.

use super::pattern::Tok;
use super::value::{Point, Unit};
use super::{Timex, TimexType};

/// Words that make the duration before "after" a length of time.
const LASTING: &[&str] = &["for", "over", "during", "within", "lasting", "lasted"];

/// Words that count only some days ("trading days"): no calendar offset.
const WORKDAY_WORDS: &[&str] = &["trading", "business", "working", "school", "session"];

/// Where the offset written before a date starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Lead {
    /// The duration the tagger just emitted ("two days"): replace it.
    Previous,
    /// "the day", "the week": not a timex of its own; starts at this token.
    Token(usize),
}

/// If the words before token `at` say "<duration> before|after" or "the
/// day|week|month|year before|after", and `date` (the DATE found at `at`) can
/// be moved by that much, where the offset starts and the moved value.
pub(crate) fn offset_before(
    toks: &[Tok],
    at: usize,
    date: &str,
    previous: Option<&Timex>,
) -> Option<(Lead, String)> {
    let direction = match toks.get(at.checked_sub(1)?)?.lower {
        "before" => -1,
        "after" => 1,
        _ => return None,
    };
    let unit_at = at.checked_sub(2)?;
    let duration =
        previous.filter(|p| p.kind == TimexType::Duration && p.span.end == toks[unit_at].span.end);
    let (lead, count, unit) = match duration {
        Some(p) => {
            let first = toks.iter().position(|t| t.span.start == p.span.start)?;
            // "served for five years after 2002" lasted; it is no date.
            let lasted = first
                .checked_sub(1)
                .is_some_and(|i| LASTING.contains(&toks[i].lower));
            // "eight trading days after Oct. 12" skips weekends and holidays.
            let counts_workdays = toks[first..unit_at]
                .iter()
                .any(|t| WORKDAY_WORDS.contains(&t.lower));
            if lasted || counts_workdays {
                return None;
            }
            let (count, unit) = whole_duration(&p.value)?;
            (Lead::Previous, count, unit)
        }
        None => {
            let the = unit_at.checked_sub(1)?;
            // "The Day After Tomorrow" with capitals is a film's title.
            if toks[the].lower != "the" || toks[unit_at].is_capitalised() {
                return None;
            }
            let unit = match toks[unit_at].lower {
                "day" => Unit::Day,
                "week" => Unit::Week,
                "month" => Unit::Month,
                "year" => Unit::Year,
                _ => return None,
            };
            (Lead::Token(the), 1, unit)
        }
    };
    let point = Point::parse(date)?;
    let moved = point.shift(direction * i32::try_from(count).ok()?, unit)?;
    Some((lead, moved.format()))
}

/// If `previous` is a clock time standing right before token `at` or
/// separated from it by "on" ("at 1am on 31 March"), and `date` (the DATE
/// found at `at`) is a day, the time's value moved to that day.
pub(crate) fn clock_on_day(
    toks: &[Tok],
    at: usize,
    date: &str,
    previous: &Timex,
) -> Option<String> {
    if previous.kind != TimexType::Time {
        return None;
    }
    let before = at.checked_sub(1)?;
    let on = toks[before].lower == "on";
    let mut gap_end_at = if on { before.checked_sub(1)? } else { before };
    // "at 19:03 local time on Sunday", "20:00 Rome time on February 28":
    // the zone written out in words belongs to the time.
    if on && toks[gap_end_at].lower == "time" {
        let zone = gap_end_at.checked_sub(1)?;
        if toks[zone].is_word() && toks[zone].sentence == toks[at].sentence {
            gap_end_at = zone.checked_sub(1)?;
        }
    }
    // "7pm BST (2pm ET) on June 26": step over the restatement in brackets
    // (TimeBank keeps "10:35 a.m. (0735 GMT) Friday" as two).
    if on && toks[gap_end_at].text == ")" {
        let open = (gap_end_at.saturating_sub(8)..gap_end_at)
            .rev()
            .find(|&i| toks[i].text == "(")?;
        gap_end_at = open.checked_sub(1)?;
    }
    let gap_end = toks[gap_end_at].span.end;
    let adjacent = previous.span.end == gap_end || previous.span.end == toks[at].span.start;
    let Point::Day(day) = Point::parse(date)? else {
        return None;
    };
    // A clock value ("2021-03-03T17:00"), not "PAST_REF" for "5 minutes ago".
    let (_, clock) = previous.value.split_once('T')?;
    let is_clock =
        Point::parse(&previous.value).is_some() && clock.starts_with(|c: char| c.is_ascii_digit());
    (adjacent && is_clock).then(|| format!("{}T{clock}", Point::Day(day).format()))
}

/// "at 08:50 local time (03:50 UTC) on Saturday": the clock times in
/// `out` that stand right before "on" and the DATE `date` found at token
/// `at`, apart but for brackets and "local time" (two times, one in
/// brackets, which [`clock_on_day`] does not join), are on that day too.
/// So are those before a comma and a date written out with its year, as a
/// web page stamps its updates ("Updated 14:05 GMT, 9 February 2026").
pub(crate) fn clocks_before_day(toks: &[Tok], at: usize, date: &str, out: &mut [Timex]) {
    let with_year = |year: &str| toks[at..].iter().take(4).any(|t| t.text == year);
    let Some(on) = at.checked_sub(1).filter(|&i| match toks[i].lower {
        "on" => true,
        "," => date.get(..4).is_some_and(with_year),
        _ => false,
    }) else {
        return;
    };
    let Some(Point::Day(day)) = Point::parse(date) else {
        return;
    };
    let glue =
        |t: &Tok| matches!(t.lower, "(" | ")" | "local" | "time") || super::rules::is_time_zone(t);
    let mut boundary = toks[on].span.start;
    for p in out.iter_mut().rev() {
        let from = toks.partition_point(|t| t.span.start < p.span.end);
        let between = toks[from..].iter().take_while(|t| t.span.end <= boundary);
        let clock = p.value.split_once('T').map(|(_, c)| c.to_string());
        let clock = clock
            .filter(|c| p.kind == TimexType::Time && c.starts_with(|c: char| c.is_ascii_digit()));
        let (Some(clock), true) = (clock, between.clone().all(glue)) else {
            return;
        };
        p.value = format!("{}T{clock}", Point::Day(day).format());
        boundary = p.span.start;
    }
}

/// Words between the two clock times of a range.
const RANGE_WORDS: &[&str] = &["to", "and", "-", "–", "until", "till", "through"];

/// "from 19:00 to 21:00 UTC on Monday", "between 09:00 and 17:00 GMT": if
/// `previous` is a clock time with no zone of its own, standing right before
/// token `at` but for one range word, and `value` (the clock time found at
/// `at`) has a day and maybe a zone, the previous time's value on that day
/// in that zone.
pub(crate) fn range_start(
    toks: &[Tok],
    at: usize,
    value: &str,
    previous: &Timex,
) -> Option<String> {
    let link = at.checked_sub(1)?;
    let last = link.checked_sub(1)?;
    let adjacent = RANGE_WORDS.contains(&toks[link].lower)
        && toks[last].span.end == previous.span.end
        && !super::rules::is_time_zone(&toks[last]);
    if previous.kind != TimexType::Time || !adjacent {
        return None;
    }
    let (day, clock) = value.split_once('T')?;
    let (_, first) = previous.value.split_once('T')?;
    let digits = |c: &str| c.starts_with(|c: char| c.is_ascii_digit());
    if !digits(clock) || !digits(first) || first.ends_with('Z') {
        return None;
    }
    let zone = if clock.ends_with('Z') { "Z" } else { "" };
    Some(format!("{day}T{first}{zone}"))
}

/// The count and unit of a duration of whole calendar units: `P2D` → (2,
/// day), `P10Y` → (10, year); None for clock units, vague or mixed ones.
fn whole_duration(value: &str) -> Option<(u32, Unit)> {
    let body = value.strip_prefix('P')?;
    let split = body.find(|c: char| !c.is_ascii_digit())?;
    let (digits, letter) = body.split_at(split);
    let unit = match letter {
        "D" => Unit::Day,
        "W" => Unit::Week,
        "M" => Unit::Month,
        "Y" => Unit::Year,
        _ => return None,
    };
    Some((digits.parse().ok()?, unit))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_durations_only() {
        assert_eq!(whole_duration("P2D"), Some((2, Unit::Day)));
        assert_eq!(whole_duration("P10Y"), Some((10, Unit::Year)));
        assert_eq!(whole_duration("P3M"), Some((3, Unit::Month)));
        for vague in ["PXD", "PT2H", "P1Y6M", "P1WE", "P", "2D"] {
            assert_eq!(whole_duration(vague), None, "{vague}");
        }
    }
}
