//! Normalisers for parts of a year: seasons, quarters (calendar, fiscal and
//! the earnings report's own) and halves.

use super::*;

pub(super) fn season_of(m: &Match, k: usize) -> Option<Season> {
    m.tok(k).and_then(lexicon::season)
}

pub(super) fn n_season_year(m: &Match, _: &Ctx) -> Option<String> {
    Some(fmt(Point::Season(year_of(m, 4)?, season_of(m, 2)?)))
}

/// "January nineteen ninety-seven", "the winter of nineteen ninety-four".
pub(super) fn n_period_year_words(m: &Match, _: &Ctx) -> Option<String> {
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
pub(super) fn n_month_relative_year(m: &Match, ctx: &Ctx) -> Option<String> {
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

pub(super) fn season_year(ctx: &Ctx, season: Season, rel: Rel) -> Option<i32> {
    let y = ctx.anchor.year();
    let (start, end) = Point::Season(y, season).interval()?;
    let started = start <= ctx.anchor;
    Some(match rel {
        Rel::Last if end <= ctx.anchor => y,
        Rel::Last => y - 1,
        Rel::Next if started => y + 1,
        Rel::This | Rel::Next => y,
        Rel::None if ctx.tense == Tense::Past && !started => y - 1,
        // "will go on trial in the spring" said in December: next spring.
        Rel::None if ctx.tense == Tense::Future && end <= ctx.anchor => y + 1,
        Rel::None => y,
    })
}

/// "the Summer Olympics", "the Winter Games": the season names an event,
/// held every four years, and is no date of its own.
fn names_games(t: &Tok) -> bool {
    matches!(
        t.lower,
        "olympics" | "olympic" | "games" | "paralympics" | "paralympic"
    )
}

pub(super) fn n_season(m: &Match, ctx: &Ctx) -> Option<String> {
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
        // "in the spring and autumn", "the autumn or winter".
        let coordinated = m.start >= 2
            && m.before().is_some_and(|b| matches!(b.lower, "and" | "or"))
            && is_season(&m.toks[m.start - 2]);
        if !(m.has(0) || led || coordinated || the && season != Season::Fall) {
            return None;
        }
        if m.after().is_some_and(|a| a.lower == "of") {
            return None;
        }
    }
    if m.after().is_some_and(names_games) {
        return None;
    }
    let year = season_year(ctx, season, rel)?;
    Some(fmt(Point::Season(year, season)))
}

pub(super) fn n_quarter(m: &Match, ctx: &Ctx) -> Option<String> {
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

/// The "second" of "the second and fourth quarters": each ordinal names a
/// quarter of its own, as TimeBank marks them.
pub(super) fn n_first_of_two_quarters(m: &Match, ctx: &Ctx) -> Option<String> {
    let linked = m.after().is_some_and(|a| matches!(a.lower, "and" | "or"))
        && m.after_n(2).is_some_and(is_quarter_ordinal)
        && m.after_n(3).is_some_and(|q| q.lower == "quarters");
    linked.then(|| one_of_two_quarters(m, ctx))?
}

/// The "fourth quarters" of "the second and fourth quarters".
pub(super) fn n_second_of_two_quarters(m: &Match, ctx: &Ctx) -> Option<String> {
    let linked = m.start >= 2
        && m.before().is_some_and(|b| matches!(b.lower, "and" | "or"))
        && is_quarter_ordinal(&m.toks[m.start - 2]);
    linked.then(|| one_of_two_quarters(m, ctx))?
}

/// One of two quarters named together (the ordinal starts the match): in a
/// habit ("is usually conducted in the second and fourth quarters") those of
/// any year (`XXXX-Q2`), else the article's year's, or the year before's for
/// a quarter not begun yet.
fn one_of_two_quarters(m: &Match, ctx: &Ctx) -> Option<String> {
    let q = lexicon::ordinal(m.tok(0)?)?;
    if ctx.tense == Tense::Present || habitual(m) {
        return Some(format!("XXXX-Q{q}"));
    }
    let y = ctx.anchor.year();
    let begun = Point::Quarter(y, q).first_day()? <= ctx.anchor;
    let year = if begun || ctx.tense == Tense::Future {
        y
    } else {
        y - 1
    };
    Some(fmt(Point::Quarter(year, q)))
}

/// True if a frequency adverb ("usually", "typically") comes shortly before
/// the match in its sentence: what it dates recurs.
fn habitual(m: &Match) -> bool {
    const HABIT: &[&str] = &[
        "usually",
        "typically",
        "normally",
        "generally",
        "traditionally",
        "always",
    ];
    m.toks[m.start.saturating_sub(8)..m.start]
        .iter()
        .rev()
        .take_while(|t| !matches!(t.text, "." | "!" | "?" | ";"))
        .any(|t| HABIT.contains(&t.lower))
}

pub(super) fn n_relative_quarter(m: &Match, ctx: &Ctx) -> Option<String> {
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

pub(super) fn n_the_quarter(m: &Match, ctx: &Ctx) -> Option<String> {
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
pub(super) fn n_latest_period(_: &Match, ctx: &Ctx) -> Option<String> {
    quarter_reference(ctx).map(fmt)
}

pub(super) fn n_year_ago_period(m: &Match, ctx: &Ctx) -> Option<String> {
    year_before_period(ctx, m.words(3) == "quarter")
}

/// "the quarter a year ago", "the period a year earlier".
pub(super) fn n_period_a_year_ago(m: &Match, ctx: &Ctx) -> Option<String> {
    year_before_period(ctx, m.words(1) == "quarter")
}

/// "the corresponding period last year", "the same quarter last year".
pub(super) fn n_same_period_last_year(m: &Match, ctx: &Ctx) -> Option<String> {
    year_before_period(ctx, m.words(2) == "quarter")
}

/// "last year's quarter": the report's quarter a year back.
pub(super) fn n_last_years_period(m: &Match, ctx: &Ctx) -> Option<String> {
    if !m.words(0).starts_with("last") {
        return None;
    }
    year_before_period(ctx, m.words(1) == "quarter")
}

/// The period under discussion a year earlier: the quarter last named (or
/// the one before the article) for a quarter; for a "period", the report's
/// quarter in a quarterly report, else the last named date or this year.
pub(super) fn year_before_period(ctx: &Ctx, quarter: bool) -> Option<String> {
    let base = if quarter {
        reference_or(ctx, Unit::Quarter, -1)?
    } else {
        quarter_reference(ctx)
            .or(ctx.reference)
            .unwrap_or(Point::of(ctx.anchor, Unit::Year)?)
    };
    Some(fmt(base.shift(-1, Unit::Year)?))
}

pub(super) fn n_year_ago_adjective(_: &Match, ctx: &Ctx) -> Option<String> {
    let base = match quarter_reference(ctx) {
        Some(p) => p,
        _ => Point::of(ctx.anchor, Unit::Year)?,
    };
    Some(fmt(base.shift(-1, Unit::Year)?))
}

pub(super) fn n_half(m: &Match, ctx: &Ctx) -> Option<String> {
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
