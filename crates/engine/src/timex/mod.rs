//! Temporal expression tagging: finds dates, times, durations and sets in an
//! article and normalises them to TIMEX3 values (TimeML conventions, as in
//! TempEval-3), anchored on the publication date, so the timeline can place
//! every event on the calendar.
//!
//! The rules are data (`rules::RULES`): token patterns plus normalisers. All
//! calendar arithmetic goes through chrono; nothing reads the clock, so the
//! same code runs natively and in the browser.

mod join;
mod lead;
mod lexicon;
mod pattern;
mod resolve;
mod rules;
mod tense;
mod value;
mod words;

pub use words::{describe, period_in_words};

use crate::text::Span;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// TIMEX3 type: what kind of temporal expression a [`Timex`] is, so the
/// timeline only places points (DATE/TIME) and the reader can style the rest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}

/// One temporal expression found in an article: where it is (bytes of the
/// article text), its TIMEX3 type and its normalised TIMEX3 value
/// (e.g. `2021-03-03`, `2022-W16`, `P5Y`, `PAST_REF`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Timex {
    pub span: Span,
    pub kind: TimexType,
    pub value: String,
}

/// Finds and normalises temporal expressions inside `region` of `text` (byte spans relative
/// to `text`), anchored on the article's publication date `anchor`.
///
/// Relative expressions ("last week", "Tuesday") resolve against `anchor`
/// and the tense of their sentence; anaphoric ones ("five years later")
/// against the last date mentioned before them. Results are in text order
/// and never overlap. A region that is out of bounds or not on character
/// boundaries yields nothing.
pub fn tag(text: &str, region: Span, anchor: NaiveDate) -> Vec<Timex> {
    let valid = region.start <= region.end
        && region.end <= text.len()
        && text.is_char_boundary(region.start)
        && text.is_char_boundary(region.end);
    if !valid {
        return Vec::new();
    }
    let mut lowered = String::new();
    let toks = pattern::tokenize(text, region, &mut lowered);
    let index = rules::index();
    let mut out = Vec::new();
    let mut memory = Memory::default();
    let cues = tense::TenseCues::new(&toks);
    let mut candidates = Vec::new();
    let mut at = 0;
    while at < toks.len() {
        let starting = toks.get(at).map_or(0, |t| index.candidates(t));
        if starting == 0 {
            at += 1;
            continue;
        }
        let said = memory.said(&toks, at);
        match best_match(&toks, &cues, at, starting, anchor, said, &mut candidates) {
            Some((end, kind, value, anchors)) => {
                let mut span = Span::new(toks[at].span.start, toks[end - 1].span.end);
                let mut value = value;
                let mut kind = kind;
                if kind == TimexType::Date {
                    if let Some((start, moved)) = join_offset(&toks, at, &value, &mut out) {
                        span.start = start;
                        value = moved;
                    }
                    let clock = out
                        .last()
                        .and_then(|p| join::clock_on_day(&toks, at, &value, p));
                    if let Some(timed) = clock {
                        span.start = out.pop().map_or(span.start, |p| p.span.start);
                        value = timed;
                        kind = TimexType::Time;
                    } else {
                        join::clocks_before_day(&toks, at, &value, &mut out);
                    }
                }
                let free = |i: usize| out.last().is_none_or(|p| p.span.end <= toks[i].span.start);
                if let Some(first) = lead::start(&toks, at, kind, &value).filter(|&i| free(i)) {
                    span.start = span.start.min(toks[first].span.start);
                }
                if kind == TimexType::Time {
                    if let Some(p) = out.last_mut() {
                        if let Some(moved) = join::range_start(&toks, at, &value, p) {
                            p.value = moved;
                        }
                    }
                }
                memory.record(&toks, at..end, &value, anchors, anchor);
                out.push(Timex { span, kind, value });
                at = end;
            }
            None => at += 1,
        }
    }
    out
}

/// What the tagger remembers of the text so far, to anchor what follows.
#[derive(Debug, Default)]
struct Memory {
    /// The last anchoring value ("five years later" counts from it).
    reference: Option<value::Point>,
    /// The first quarter near the article's date: an earnings report's own.
    topic_quarter: Option<value::Point>,
    /// The sentence that last named a quarter.
    quarter_seen_in: Option<usize>,
    /// The token after the last spelled-out year, and that year.
    year_said: Option<(usize, i32)>,
    /// The last day named by an anchoring expression.
    day: Option<NaiveDate>,
}

impl Memory {
    /// What an expression starting at token `at` may lean on.
    fn said(&self, toks: &[pattern::Tok], at: usize) -> resolve::Said {
        let sentence = toks[at].sentence;
        let recent = self
            .quarter_seen_in
            .is_some_and(|s| sentence <= s + QUARTER_TOPIC_SENTENCES);
        resolve::Said {
            reference: self.reference,
            topic_quarter: self.topic_quarter.filter(|_| recent),
            sentence_year: self
                .year_said
                .filter(|&(after, _)| {
                    at <= after + YEAR_REACH && toks[after - 1].sentence == sentence
                })
                .map(|(_, y)| y),
            day: self.day,
        }
    }

    /// Remembers the expression found at tokens `found` with `value`.
    fn record(
        &mut self,
        toks: &[pattern::Tok],
        found: std::ops::Range<usize>,
        value: &str,
        anchors: bool,
        anchor: NaiveDate,
    ) {
        let Some(point) = value::Point::parse(value) else {
            return;
        };
        if anchors {
            self.reference = Some(point);
            if let value::Point::Day(day) = point {
                self.day = Some(day);
            }
            if self.topic_quarter.is_none() && is_current_quarter(point, anchor) {
                self.topic_quarter = Some(point);
            }
        }
        if matches!(point, value::Point::Quarter(..)) {
            self.quarter_seen_in = Some(toks[found.start].sentence);
        }
        // Only a year the text spells out ("In 2012", "next year"), not one
        // a bare month was resolved to.
        let spelled = toks[found.clone()]
            .iter()
            .any(|t| t.lower == "year" || (t.text.len() == 4 && t.is_digits()));
        if let Some(year) = point.year_level().filter(|_| spelled) {
            self.year_said = Some((found.end, year));
        }
    }
}

/// "two days after Christmas": when an offset stands before the date found
/// at token `at`, removes the offset's own duration from `out` if it was one
/// and returns where the joined expression starts and its moved value.
fn join_offset(
    toks: &[pattern::Tok],
    at: usize,
    value: &str,
    out: &mut Vec<Timex>,
) -> Option<(usize, String)> {
    let (lead, moved) = join::offset_before(toks, at, value, out.last())?;
    let start = match lead {
        join::Lead::Previous => out.pop()?.span.start,
        join::Lead::Token(i) => {
            let start = toks[i].span.start;
            if out.last().is_some_and(|p| p.span.end > start) {
                return None;
            }
            start
        }
    };
    Some((start, moved))
}

/// How many tokens after a spelled-out year a bare "June 5" still takes
/// that year: "In 2012, the festival was held on June 5", but not across a
/// long clause ("approved in 1987 that didn't specify an amount, had
/// purchased shares through Sept. 29").
const YEAR_REACH: usize = 12;

/// How many sentences after the last mention of a quarter "a year ago" and
/// "the year-earlier period" still refer to the report's quarter: an aside
/// ("Walmart, which reported third-quarter results ...") far up the article
/// does not make every later "a year ago" a quarter.
const QUARTER_TOPIC_SENTENCES: usize = 3;

/// True for a quarter within a year of the article: the period an earnings
/// report is about, unlike "the third quarter of 1984" in its history.
fn is_current_quarter(point: value::Point, anchor: NaiveDate) -> bool {
    matches!(point, value::Point::Quarter(..))
        && point
            .first_day()
            .is_some_and(|day| (day - anchor).num_days().abs() <= 366)
}

/// The longest match at token `at` of the rules in `starting` (those that
/// can start there) that normalises, given the last mentioned date and the
/// first mentioned quarter; ties go to the earlier rule. Returns the
/// end token, type, value and whether later anaphoric expressions may count
/// from it. `candidates` is scratch space, reused across tokens.
fn best_match<'t, 'a>(
    toks: &'t [pattern::Tok<'a>],
    cues: &tense::TenseCues,
    at: usize,
    starting: pattern::RuleSet,
    anchor: NaiveDate,
    said: resolve::Said,
    candidates: &mut Vec<(pattern::Match<'t, 'a>, &'static rules::Rule)>,
) -> Option<(usize, TimexType, String, bool)> {
    candidates.clear();
    candidates.extend(pattern::members(starting).filter_map(|k| {
        let rule = rules::RULES.get(k)?;
        pattern::match_at(rule.pattern, toks, at).map(|m| (m, rule))
    }));
    candidates.sort_by_key(|(m, _)| std::cmp::Reverse(m.end));
    candidates.iter().find_map(|(m, rule)| {
        if rules::is_quoted_title(m) {
            return None;
        }
        let ctx = resolve::Ctx {
            anchor,
            tense: cues.direction(toks, m.start, m.end),
            reference: said.reference,
            topic_quarter: said.topic_quarter,
            sentence_year: said.sentence_year,
            day: said.day,
        };
        (rule.norm)(m, &ctx).map(|v| (m.end, rule.kind, v, rule.anchors))
    })
}

/// The calendar interval a TIMEX3 value denotes, for placing it on a timeline:
/// start inclusive, end exclusive; None for values that are not a point/period in time
/// (durations, sets, PAST_REF...). "2020-12" -> [2020-12-01, 2021-01-01); "2019" -> whole year;
/// "2022-W16" -> that ISO week; "2021-Q1", "2022-SU", "199X" decade, "19" century, "2021-03-03T17:00" -> that day.
pub fn interval(value: &str) -> Option<(NaiveDate, NaiveDate)> {
    value::Point::parse(value)?.interval()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn intervals_of_values() {
        assert_eq!(interval("2020-12"), Some((d(2020, 12, 1), d(2021, 1, 1))));
        assert_eq!(interval("2019"), Some((d(2019, 1, 1), d(2020, 1, 1))));
        assert_eq!(interval("2022-W16"), Some((d(2022, 4, 18), d(2022, 4, 25))));
        assert_eq!(interval("2021-Q1"), Some((d(2021, 1, 1), d(2021, 4, 1))));
        assert_eq!(interval("2022-SU"), Some((d(2022, 6, 1), d(2022, 9, 1))));
        assert_eq!(interval("199X"), Some((d(1990, 1, 1), d(2000, 1, 1))));
        assert_eq!(interval("198"), Some((d(1980, 1, 1), d(1990, 1, 1))));
        assert_eq!(interval("19"), Some((d(1900, 1, 1), d(2000, 1, 1))));
        assert_eq!(
            interval("2021-03-03T17:00"),
            Some((d(2021, 3, 3), d(2021, 3, 4)))
        );
        assert_eq!(
            interval("2021-03-03TNI"),
            Some((d(2021, 3, 3), d(2021, 3, 4)))
        );
        for v in [
            "P5Y",
            "PT2H",
            "PAST_REF",
            "PRESENT_REF",
            "XXXX-WXX-4",
            "",
            "2021-02-30",
        ] {
            assert_eq!(interval(v), None, "{v}");
        }
    }

    #[test]
    fn bad_regions_yield_nothing() {
        let text = "héllo 2019";
        let anchor = d(2020, 1, 1);
        assert!(tag(text, Span::new(2, 5), anchor).is_empty());
        assert!(tag(text, Span::new(0, 99), anchor).is_empty());
        assert!(tag(text, Span::new(5, 3), anchor).is_empty());
        assert_eq!(tag(text, Span::new(0, text.len()), anchor).len(), 1);
    }

    #[test]
    fn never_panics_on_odd_text() {
        let anchor = d(2020, 2, 29);
        let samples = [
            "",
            " ",
            "\u{feff}2019",
            "9999-99-99",
            "12:99 pm",
            "31 February 2021",
            "Feb. 30",
            "the 99th century",
            "every",
            "ago",
            "'",
            "'0s",
            "99999999999999999999 years",
            "𝟙𝟡𝟡𝟘 ünïcödé 2019年 — March—May",
            "\r\nTuesday\r\n",
            "a",
            "the the the",
            "4294967296 days ago",
            "mid-",
            "Wed, 31 Sept 1999",
        ];
        for s in samples {
            let got = tag(s, Span::new(0, s.len()), anchor);
            for t in got {
                assert!(s.is_char_boundary(t.span.start) && s.is_char_boundary(t.span.end));
            }
        }
    }
}
