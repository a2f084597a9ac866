//! Anchoring: what a relative or underspecified expression means given the
//! article date, the tense of its sentence and the last date the text named.
//! Like HeidelTime for news, "Tuesday" in a past-tense sentence is the
//! previous Tuesday and "five years later" counts from the last mentioned date.

use super::pattern::Tok;
use super::value::{add_days, Point, Unit};
use chrono::{Datelike, NaiveDate, Weekday};

/// The direction a sentence looks in, guessed from its verbs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tense {
    Past,
    Present,
    Future,
    Unknown,
}

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

/// Words that mark a future verb group ("will", "'ll", "is expected to").
const FUTURE_CUES: &[&str] = &["will", "ll", "shall", "would", "tomorrow"];
/// Verbs that point ahead when "to" follows ("plans to", "is set to").
const FUTURE_BEFORE_TO: &[&str] = &[
    "going",
    "plans",
    "plan",
    "planned",
    "planning",
    "expected",
    "expects",
    "scheduled",
    "due",
    "set",
    "supposed",
    "intends",
    "aims",
    "hopes",
    "ready",
];
/// Present-tense verbs of a schedule: in news, "the Games open on 5 August"
/// and "talks resume on Saturday" are announcements of what is to come.
const SCHEDULE_VERBS: &[&str] = &[
    "opens",
    "begins",
    "starts",
    "resumes",
    "reopens",
    "closes",
    "ends",
    "expires",
    "meets",
    "faces",
    "hosts",
    "visits",
    "arrives",
    "returns",
    "launches",
    "kicks",
    "convenes",
    "reconvenes",
    "open",
    "begin",
    "start",
    "resume",
    "reopen",
    "expire",
    "meet",
    "face",
    "host",
    "visit",
    "arrive",
    "convene",
    "reconvene",
];
/// Modal verbs that point ahead unless "have" follows ("might have gone").
/// Not "could" and "can": "could not stop" is as often past ability.
const MODALS: &[&str] = &["might", "may", "should", "must"];
/// Verbs that push something to a later day when "until" follows.
const DEFERRALS: &[&str] = &[
    "postponed",
    "delayed",
    "deferred",
    "adjourned",
    "extended",
    "put",
    "pushed",
];
const PAST_CUES: &[&str] = &[
    "was",
    "were",
    "had",
    "did",
    "ago",
    "came",
    "went",
    "began",
    "took",
    "made",
    "gave",
    "met",
    "won",
    "lost",
    "fell",
    "rose",
    "left",
    "held",
    "yesterday",
    "saw",
    "brought",
    "paid",
    "sold",
    "bought",
    "built",
    "caught",
    "chose",
    "drew",
    "drove",
    "fought",
    "found",
    "got",
    "grew",
    "heard",
    "kept",
    "knew",
    "led",
    "ran",
    "sent",
    "spent",
    "stood",
    "struck",
    "thought",
    "threw",
    "wrote",
    "became",
    "broke",
    "shot",
    "fled",
    "felt",
    "spoke",
    "became",
    "sought",
    "since",
    "set",
];
/// Reporting verbs govern a whole clause, so they count less than a verb
/// next to the expression ("said he will leave on Friday" is future).
const REPORTING: &[&str] = &[
    "said",
    "told",
    "announced",
    "reported",
    "added",
    "says",
    "say",
];
const PRESENT_CUES: &[&str] = &["is", "are", "am", "does", "do", "has", "have"];
const NOT_PAST_ED: &[&str] = &[
    "need",
    "speed",
    "indeed",
    "hundred",
    "proceed",
    "succeed",
    "exceed",
    "red",
    "bed",
    "seed",
    "feed",
    "weed",
    "shed",
    "united",
    "limited",
    "expected",
    "scheduled",
    "planned",
    "proposed",
];

/// Words before an "-ed" word or "plans" that make it an adjective or a
/// noun ("a still unspecified date", "announced plans to"), not a verb.
const NOUN_LEADS: &[&str] = &[
    "a", "an", "the", "its", "his", "her", "their", "our", "my", "your", "still", "newly", "no",
    "any", "new", "further",
];

/// A tense cue and how much it is discounted (added to its distance).
fn cue(toks: &[Tok], i: usize) -> Option<(Tense, usize)> {
    let t = toks.get(i)?;
    let w = t.lower;
    let prev = i.checked_sub(1).and_then(|p| toks.get(p)).map(|p| p.lower);
    let to_follows = toks.get(i + 1).is_some_and(|n| n.lower == "to");
    // A participle after a form of "be" or "to" ("will be paid", "is heard")
    // is not a past verb; the "be" says the tense.
    let participle = prev.is_some_and(|p| {
        matches!(
            p,
            "be" | "been" | "being" | "to" | "is" | "are" | "was" | "were" | "am"
        )
    });
    let noun_use = prev.is_some_and(|p| NOUN_LEADS.contains(&p) || p.ends_with("ed"));
    // "as soon as Tuesday": the day is ahead.
    let soon = w == "soon"
        && i.checked_sub(1).is_some_and(|p| toks[p].lower == "as")
        && toks.get(i + 1).is_some_and(|n| n.lower == "as");
    // "postponed until Tuesday": a deferral points past the article's date.
    let deferred = DEFERRALS.contains(&w)
        && (1..=4).any(|k| {
            toks.get(i + k)
                .is_some_and(|n| matches!(n.lower, "until" | "till" | "through"))
        });
    // "expected the 737 MAX to return": the expectation is about what is
    // to come, whatever the tense of "expected".
    let expects_to = matches!(w, "expected" | "expects" | "expect")
        && (2..=5).any(|k| toks.get(i + k).is_some_and(|n| n.lower == "to"))
        && toks[i + 1..]
            .iter()
            .take(4)
            .all(|n| n.is_word() || n.is_digits());
    // "markets open on Monday", not "the open market"; a capital is a name
    // ("Open", "Start") or a sentence start without a subject.
    // A bare form ("open") is a present verb only after a plural subject
    // ("the Olympics open"); after "to", "let" or a modal it is an infinitive.
    let plural_subject = prev.is_some_and(|p| {
        (p.len() > 3 && p.ends_with('s') && !p.ends_with("ss")) || matches!(p, "they" | "we")
    });
    let scheduled = SCHEDULE_VERBS.contains(&w)
        && !t.is_capitalised()
        && (w.ends_with('s') || plural_subject)
        && !prev.is_some_and(|p| NOUN_LEADS.contains(&p));
    let modal = MODALS.contains(&w)
        && !t.is_capitalised()
        && toks.get(i + 1).is_none_or(|n| n.lower != "have");

    // "had been due to expire Friday": a plan in the past perfect was for a
    // day already gone by.
    let had = (1..=2).any(|k| i.checked_sub(k).is_some_and(|p| toks[p].lower == "had"));
    // "were planning to drive": the plan, not the "were", says when.
    let plan_follows = matches!(w, "was" | "were")
        && toks
            .get(i + 1)
            .is_some_and(|n| FUTURE_BEFORE_TO.contains(&n.lower))
        && toks.get(i + 2).is_some_and(|n| n.lower == "to");
    if plan_follows {
        None
    } else if FUTURE_CUES.contains(&w) || soon || deferred || expects_to {
        Some((Tense::Future, 0))
    } else if scheduled || modal {
        Some((Tense::Future, 1))
    } else if w == "effective" && toks.get(i + 1).is_some_and(|n| n.is_capitalised()) {
        // "effective Feb. 1": a change announced ahead of its date.
        Some((Tense::Future, 0))
    } else if to_follows && FUTURE_BEFORE_TO.contains(&w) && !(noun_use && w.starts_with("plan")) {
        Some((if had { Tense::Past } else { Tense::Future }, 1))
    } else if participle {
        None
    } else if REPORTING.contains(&w) {
        let tense = if w.starts_with("say") {
            Tense::Present
        } else {
            Tense::Past
        };
        Some((tense, 3))
    } else if PAST_CUES.contains(&w) {
        Some((Tense::Past, 0))
    } else if PRESENT_CUES.contains(&w) {
        Some((Tense::Present, 1))
    } else if w.len() > 4
        && w.ends_with("ed")
        && !NOT_PAST_ED.contains(&w)
        && !t.is_capitalised()
        && !prev.is_some_and(|p| NOUN_LEADS.contains(&p))
    {
        Some((Tense::Past, 2))
    } else {
        None
    }
}

/// Extra distance for each comma between a tense cue and the expression.
const CLAUSE_PENALTY: usize = 2;

/// Extra distance for a tense cue to the right of the expression.
const RIGHT_PENALTY: usize = 2;

/// The direction an expression at tokens `start..end` looks in: the tense
/// around it, except that the end of a term ("remains in effect through
/// Tuesday", "funded until Jan. 19") lies ahead unless a past perfect says
/// the term is over ("had bought shares through Sept. 29", "Until
/// Thursday, they had not called him a suspect").
pub(crate) fn direction_of_expression(toks: &[Tok], start: usize, end: usize) -> Tense {
    let tense = tense_around(toks, start, end);
    // Over "at least", "well" and a clock time ("until 6am on 2 January").
    let skippable = |w: &str| {
        matches!(
            w,
            "at" | "least" | "well" | "on" | "am" | "pm" | "a" | "p" | "m" | "." | ":"
        ) || w.starts_with(|c: char| c.is_ascii_digit())
    };
    let lead = (1..=7)
        .filter_map(|k| start.checked_sub(k))
        .map(|i| toks[i].lower)
        .find(|w| !skippable(w))
        .filter(|w| matches!(*w, "until" | "till" | "through" | "into"));
    let Some(lead) = lead else {
        return tense;
    };
    let sentence = toks[start].sentence;
    let same = |t: &&Tok| t.sentence == sentence;
    let past_perfect = toks[..start]
        .iter()
        .rev()
        .take_while(same)
        .chain(toks[start..].iter().take_while(same))
        .any(|t| t.lower == "had");
    // "demand lagged well into the summer": "into" follows the verb's time.
    if tense == Tense::Past && (past_perfect || lead == "into") {
        Tense::Past
    } else {
        Tense::Future
    }
}

/// The tense of the verb nearest to tokens `start..end` in their sentence.
pub(crate) fn tense_around(toks: &[Tok], start: usize, end: usize) -> Tense {
    let Some(sentence) = toks.get(start).map(|t| t.sentence) else {
        return Tense::Unknown;
    };
    let mut best: Option<(usize, Tense)> = None;
    let left = (0..start)
        .rev()
        .take_while(|&i| toks[i].sentence == sentence)
        .enumerate();
    let right = (end.min(toks.len())..toks.len())
        .take_while(|&i| toks[i].sentence == sentence)
        .enumerate();
    for (distance, i) in left.chain(right) {
        // "as February ends": a schedule verb after the expression has it
        // for subject; it says nothing of when.
        if i >= end && SCHEDULE_VERBS.contains(&toks[i].lower) {
            continue;
        }
        if let Some((tense, penalty)) = cue(toks, i) {
            // The verb an expression modifies usually comes before it; a
            // verb after it often belongs to a following clause.
            let penalty = penalty + if i >= end { RIGHT_PENALTY } else { 0 };
            // A comma between the two usually closes the clause the
            // expression is in ("approved in March, will enter into force").
            let between = if i >= end { end..i } else { i + 1..start };
            let commas = toks[between].iter().filter(|t| t.text == ",").count();
            let penalty = penalty + CLAUSE_PENALTY * commas.min(2);
            // "detaining him on Friday and would not let his family see him":
            // a "would" after the expression opens another clause, often one
            // in the past ("would" as the past of "will").
            let penalty = penalty
                + if i >= end && toks[i].lower == "would" {
                    3
                } else {
                    0
                };
            // "said Tuesday", "said on Tuesday": the reporting verb right
            // next to the expression is the one it modifies.
            let adjacent_report = distance <= 1 && REPORTING.contains(&toks[i].lower);
            let score = if adjacent_report {
                0
            } else {
                distance + penalty
            };
            if best.is_none_or(|(d, _)| score < d) {
                best = Some((score, tense));
            }
        }
    }
    best.map_or(Tense::Unknown, |(_, t)| t)
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
    fn past_perfect_plans_look_back() {
        let text = "The offer had been due to expire Friday. The offer is due to expire Friday.";
        let mut buf = String::new();
        let all = crate::text::Span::new(0, text.len());
        let toks = super::super::pattern::tokenize(text, all, &mut buf);
        let fridays: Vec<usize> = (0..toks.len())
            .filter(|&i| toks[i].text == "Friday")
            .collect();
        assert_eq!(tense_around(&toks, fridays[0], fridays[0] + 1), Tense::Past);
        assert_eq!(
            tense_around(&toks, fridays[1], fridays[1] + 1),
            Tense::Future
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
