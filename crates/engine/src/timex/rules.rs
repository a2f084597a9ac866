//! The pattern table. Each [`Rule`] is a token pattern, the TIMEX3 type it
//! yields and a normaliser that turns the match into a value (or rejects it).
//! To support a new form, add a rule here (its phrases in `phrases.rs`, its
//! normaliser in `norms.rs`, or in `clock.rs`, `durations.rs`, `periods.rs`,
//! `sets.rs` or `holidays.rs` for those families) and a sentence to
//! `rules/tests.rs`.
//! At each token the longest match wins; on a tie, the earlier rule.

use super::lexicon::{self, VAGUE_COUNTS};
use super::pattern::{El, First, Index, Match, Tok};
use super::resolve::{
    against_tense, month_day_date, month_year, relative, weekday_date, year_against_tense, Ctx,
    Rel, Tense,
};
use super::value::{add_days, duration, Point, Season, Unit};
use super::TimexType;
use chrono::{Datelike, NaiveDate};
use std::sync::OnceLock;

mod clock;
mod durations;
mod holidays;
mod norms;
mod periods;
mod phrases;
mod sets;

use clock::*;
use durations::*;
use holidays::*;
use norms::*;
use periods::*;
use phrases::*;
use sets::*;

pub(crate) use norms::is_quoted_title;
pub(crate) use phrases::is_time_zone;

/// If a hedge ("about", "more than", "up to") ends right before token `at`,
/// where it starts.
pub(crate) fn hedge_ending_at(toks: &[Tok], at: usize) -> Option<usize> {
    (1..=2)
        .filter_map(|k| at.checked_sub(k))
        .find(|&start| hedge(toks, start) == Some(at))
}

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

// ---- elements: the phrases and token tests the patterns are made of -------

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

const WEEKDAY_PLURAL: El = led(
    || {
        [
            "mondays",
            "tuesdays",
            "wednesdays",
            "thursdays",
            "fridays",
            "saturdays",
            "sundays",
        ]
        .to_vec()
    },
    false,
    &El::Is(is_weekday_plural),
);

const WEEKDAY_ORDINAL: El = led(
    || [lexicon::ordinal_words(), vec!["last"]].concat(),
    true,
    &El::Is(is_weekday_ordinal),
);

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
    || {
        vec![
            "last",
            "this",
            "that",
            "the",
            "today",
            "yesterday",
            "tomorrow",
            "early",
            "late",
            "earlier",
            "later",
        ]
    },
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

const TIME_ZONE: El = El::Phrase(time_zone);
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
        name: "19 to 27 August",
        pattern: &[DAY],
        kind: TimexType::Date,
        norm: n_day_before_conjoined,
        anchors: true,
    },
    Rule {
        name: "the last Sunday in October",
        pattern: &[
            THE,
            WEEKDAY_ORDINAL,
            WEEKDAY,
            El::Lit(&["of", "in"]),
            MONTH,
            El::Opt(&YEAR),
        ],
        kind: TimexType::Date,
        norm: n_nth_weekday_of_month,
        // Often a habit ("ends on the last Saturday of September"), so no
        // narrative of days starts from it.
        anchors: false,
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
        // "the 1990s": `lead` adds the determiner.
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
        name: "the April-June quarter",
        pattern: &[
            El::Opt(&THE),
            MONTH,
            HYPHEN,
            MONTH,
            El::Lit(&["quarter", "period"]),
        ],
        kind: TimexType::Date,
        norm: n_month_span_quarter,
        anchors: true,
    },
    Rule {
        name: "the March quarter",
        pattern: &[THE, MONTH, El::Lit(&["quarter"])],
        kind: TimexType::Date,
        norm: n_month_quarter,
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
        name: "the second and fourth quarters",
        pattern: &[ORDINAL_QUARTER],
        kind: TimexType::Date,
        norm: n_first_of_two_quarters,
        anchors: true,
    },
    Rule {
        name: "second and fourth quarters",
        pattern: &[ORDINAL_QUARTER, El::Lit(&["quarters"])],
        kind: TimexType::Date,
        norm: n_second_of_two_quarters,
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
    // Before "weekday": on a tie the earlier rule wins.
    Rule {
        name: "weekday afternoon",
        pattern: &[
            El::Opt(&El::Lit(&["early", "late"])),
            El::Opt(&WEEKDAY_DIRECTION),
            WEEKDAY,
            El::Lit(&["afternoon", "evening"]),
        ],
        kind: TimexType::Time,
        norm: n_weekday_part_of_day,
        anchors: true,
    },
    Rule {
        name: "the early hours of Monday",
        pattern: &[
            led(|| vec!["the"], false, &El::Phrase(early_hours_of)),
            El::Opt(&WEEKDAY_DIRECTION),
            WEEKDAY,
        ],
        kind: TimexType::Time,
        norm: n_early_hours_of_weekday,
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
        name: "the Monday after that",
        pattern: &[
            THE,
            WEEKDAY,
            El::Lit(&["after", "before"]),
            El::Lit(&["that", "this"]),
        ],
        kind: TimexType::Date,
        norm: n_weekday_after_that,
        anchors: true,
    },
    Rule {
        name: "Wednesday next week",
        pattern: &[
            WEEKDAY,
            El::Lit(&["next", "last", "this"]),
            El::Lit(&["week"]),
        ],
        kind: TimexType::Date,
        norm: n_weekday_of_week,
        anchors: true,
    },
    Rule {
        name: "two weeks from today",
        pattern: &[
            COUNT,
            CALENDAR_UNIT,
            El::Lit(&["from"]),
            El::Lit(&["today", "now", "tomorrow", "yesterday"]),
        ],
        kind: TimexType::Date,
        norm: n_units_from_day,
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
            El::Lit(&["past", "next", "coming"]),
            El::Lit(&["decade", "century", "hour"]),
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
        name: "the next fortnight",
        pattern: &[THE, DIRECTION, El::Lit(&["fortnight"])],
        kind: TimexType::Duration,
        norm: n_the_next_fortnight,
        anchors: false,
    },
    Rule {
        name: "the end of the month",
        pattern: &[
            EDGE,
            THE,
            El::Lit(&["week", "month", "quarter", "year", "decade", "century"]),
        ],
        kind: TimexType::Date,
        norm: n_edge_of_unit,
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
        name: "today is the eighth day",
        pattern: &[
            THE,
            led(lexicon::ordinal_words, true, &El::Is(is_ordinal)),
            El::Opt(&El::Lit(&["straight", "consecutive"])),
            El::Lit(&["day"]),
        ],
        kind: TimexType::Date,
        norm: n_nth_day_today,
        anchors: false,
    },
    Rule {
        name: "the following day",
        // "that same day" is "the same day" of a story told.
        pattern: &[
            El::Lit(&["the", "that"]),
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
        name: "the day before",
        pattern: &[
            THE,
            El::Lit(&["day", "week", "month", "year"]),
            El::Lit(&["before", "after"]),
        ],
        kind: TimexType::Date,
        norm: n_unit_beside,
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
        pattern: &[
            El::Lit(&["a", "per", "an"]),
            El::Opt(&HYPHEN),
            SINGULAR_UNIT,
        ],
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
        // "up to 6 minutes and 39 seconds": `lead` adds the hedge.
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
        name: "every five years",
        pattern: &[El::Lit(&["every", "each"]), COUNT, PLURAL_UNIT],
        kind: TimexType::Set,
        norm: n_set_every_count,
        anchors: true,
    },
    Rule {
        name: "on Sundays",
        pattern: &[WEEKDAY_PLURAL],
        kind: TimexType::Set,
        norm: n_set_weekday_plural,
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
        name: "every morning",
        pattern: &[El::Lit(&["every", "each"]), PART_OF_DAY],
        kind: TimexType::Set,
        norm: n_set_part_of_day,
        anchors: false,
    },
    Rule {
        name: "every spring",
        pattern: &[El::Lit(&["every", "each"]), SEASON],
        kind: TimexType::Set,
        norm: n_set_season,
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
            "daily",
            "nightly",
            "weekly",
            "monthly",
            "quarterly",
            "annually",
            "yearly",
            "hourly",
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
        name: "at present",
        pattern: &[El::Lit(&["present"])],
        kind: TimexType::Date,
        norm: n_at_present,
        anchors: false,
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
        // "the past", "the distant past", "the recent past" (an optional
        // word after "the" would be tried at every "the").
        pattern: &[
            THE,
            El::Lit(&["past", "distant", "recent"]),
            El::Opt(&El::Lit(&["past"])),
        ],
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
        name: "the near term",
        pattern: &[
            THE,
            El::Lit(&["near", "short", "long", "longer"]),
            // "in the long run" is an idiom TimeBank leaves unmarked.
            El::Lit(&["term"]),
        ],
        kind: TimexType::Date,
        norm: n_future,
        anchors: true,
    },
    Rule {
        name: "a later date",
        pattern: &[
            El::Lit(&["a", "an"]),
            El::Lit(&["later", "earlier"]),
            El::Lit(&["date", "stage"]),
        ],
        kind: TimexType::Date,
        norm: n_later_date,
        anchors: true,
    },
    Rule {
        name: "in past years",
        pattern: &[El::Lit(&["past", "future"]), PLURAL_UNIT],
        kind: TimexType::Date,
        norm: n_past_or_future_units,
        anchors: true,
    },
    Rule {
        name: "these days",
        pattern: &[El::Lit(&["these"]), El::Lit(&["days"])],
        kind: TimexType::Date,
        norm: n_present,
        anchors: true,
    },
    Rule {
        name: "the weeks ahead",
        pattern: &[THE, PLURAL_UNIT, El::Lit(&["ahead"])],
        kind: TimexType::Duration,
        norm: n_units_ahead,
        anchors: true,
    },
    Rule {
        name: "for a while",
        pattern: &[El::Lit(&["a"]), El::Lit(&["while"])],
        kind: TimexType::Duration,
        norm: n_a_while,
        anchors: true,
    },
    Rule {
        name: "a lengthy period",
        pattern: &[
            El::Lit(&["a"]),
            El::Opt(&El::Lit(&[
                "fairly",
                "very",
                "relatively",
                "rather",
                "quite",
            ])),
            El::Lit(&["long", "lengthy", "extended", "prolonged", "brief", "short"]),
            El::Lit(&["period"]),
        ],
        kind: TimexType::Duration,
        norm: n_vague_period,
        anchors: true,
    },
    Rule {
        name: "for some time",
        pattern: &[
            El::Opt(&El::Lit(&["quite"])),
            El::Lit(&["some"]),
            El::Lit(&["time"]),
        ],
        kind: TimexType::Duration,
        norm: n_some_time,
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
        pattern: &[
            El::Opt(&DIRECTION),
            HOLIDAY,
            El::Opt(&El::Lit(&["week"])),
            El::Opt(&YEAR),
        ],
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
#[cfg(test)]
mod tests;
