//! The normalisers: what each rule's match means, as a TIMEX3 value,
//! given the article date, the tense and the last date the text named.

use super::*;

pub(super) fn fmt(p: Point) -> String {
    p.format()
}

pub(super) fn day_value(d: NaiveDate) -> String {
    Point::Day(d).format()
}

pub(super) fn month_of(m: &Match, k: usize) -> Option<u32> {
    lexicon::month(m.part(k), 0).map(|(month, _)| month)
}

pub(super) fn year_of(m: &Match, k: usize) -> Option<i32> {
    m.part(k).iter().find_map(lexicon::year)
}

pub(super) fn day_of(m: &Match, k: usize) -> Option<u32> {
    m.tok(k).and_then(lexicon::day_of_month)
}

pub(super) fn unit_of(m: &Match, k: usize) -> Option<Unit> {
    m.part(k).iter().find_map(lexicon::unit)
}

/// The count in part `k`: Some(n) for numbers, None for vague quantities.
pub(super) fn count_of(m: &Match, k: usize) -> Option<u32> {
    let part = m.part(k);
    if couple(part, 0) == Some(part.len()) {
        return Some(2);
    }
    match lexicon::cardinal(part, 0) {
        Some((n, end)) if end == part.len() => Some(n),
        _ => None,
    }
}

pub(super) fn direction_of(m: &Match, k: usize) -> Rel {
    Rel::from_words(&m.words(k))
}

/// True if the day-number token is really part of a clock time, a range of
/// thousands or a bigger number.
pub(super) fn number_continues(m: &Match) -> bool {
    glued_number_follows(m.toks, m.end, &[":", ",", "."])
}

/// True if a capitalised word follows in the same sentence ("Sunday Times").
pub(super) fn next_is_name(m: &Match) -> bool {
    let sentence = m.toks[m.start].sentence;
    m.after()
        .is_some_and(|a| a.sentence == sentence && a.is_word() && a.is_capitalised())
}

/// Words before a bare year that do not make it part of a name.
pub(super) const YEAR_LEAD_WORDS: &[&str] = &[
    "her",
    "his",
    "its",
    "their",
    "our",
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
pub(super) const AMOUNT_WORDS: &[&str] = &[
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

/// A bare four-digit number is a year only in a year-like context.
pub(super) fn plausible_year(m: &Match, year: i32) -> bool {
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
pub(super) const MONTH_LEAD_WORDS: &[&str] = &[
    "in", "since", "by", "from", "until", "till", "through", "to", "during", "before", "after",
    "early", "late", "mid", "of", "between", "and", "last", "next", "this", "that", "each",
    "every", "since", "on", "around",
];

/// The quarter before the anchor's, the "latest quarter" a report covers.
pub(super) fn previous_quarter(ctx: &Ctx) -> Option<Point> {
    relative(ctx.anchor, -1, Unit::Quarter)
}

/// The quarter an anaphoric period refers to: the report's topic quarter
/// (the first one named), else the last quarter mentioned.
pub(super) fn quarter_reference(ctx: &Ctx) -> Option<Point> {
    ctx.topic_quarter
        .or(ctx.reference)
        .filter(|p| matches!(p, Point::Quarter(..)))
}

/// The reference if it has the same granularity as `unit`, else the anchor's
/// point at that granularity moved `n` units.
pub(super) fn reference_or(ctx: &Ctx, unit: Unit, n: i32) -> Option<Point> {
    match (quarter_reference(ctx), unit) {
        (Some(p), Unit::Quarter) => Some(p),
        _ => relative(ctx.anchor, n, unit),
    }
}

/// Moves the last mentioned date (or the anchor) by `n` units, keeping the
/// reference's granularity when it is at least as fine as the unit. A
/// coarser reference stays as it is: "in January ... two days later" is
/// still about January, not two days after the article.
pub(super) fn shift_reference(ctx: &Ctx, n: i32, unit: Unit) -> Option<Point> {
    match ctx.reference {
        Some(p) => p.shift(n, unit).or(Some(p)),
        None => relative(ctx.anchor, n, unit),
    }
}

pub(super) fn n_day_month_year(m: &Match, _: &Ctx) -> Option<String> {
    let d = NaiveDate::from_ymd_opt(year_of(m, 5)?, month_of(m, 3)?, day_of(m, 1)?)?;
    Some(day_value(d))
}

pub(super) fn n_month_day_year(m: &Match, _: &Ctx) -> Option<String> {
    let d = NaiveDate::from_ymd_opt(year_of(m, 4)?, month_of(m, 1)?, day_of(m, 2)?)?;
    Some(day_value(d))
}

pub(super) fn n_month_day(m: &Match, ctx: &Ctx) -> Option<String> {
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
pub(super) fn n_directed_month_day(m: &Match, ctx: &Ctx) -> Option<String> {
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

/// Words joining two days of one month: "April 24 and 25", "from May 21
/// to 23".
const RANGE_LINKS: &[&str] = &["and", "or", "to", "through", "until", "till"];

/// The "19" of "from 19 to 27 August" and the "11" of "on 11 and 18 June":
/// a first day whose month is named only after the second.
pub(super) fn n_day_before_conjoined(m: &Match, ctx: &Ctx) -> Option<String> {
    let placed = m
        .before()
        .is_some_and(|b| matches!(b.lower, "on" | "from" | "between"));
    let joined = m.after().is_some_and(|a| RANGE_LINKS.contains(&a.lower));
    if !placed || !joined || number_continues(m) {
        return None;
    }
    let second_at = m.end + 1;
    let second = m.toks.get(second_at).and_then(lexicon::day_of_month)?;
    let (month, after_month) = lexicon::month(m.toks, second_at + 1)?;
    let first = day_of(m, 0)?;
    if first >= second {
        return None;
    }
    let year = match m.toks.get(after_month).and_then(lexicon::year) {
        Some(y) => y,
        None => month_day_date(ctx, month, second)?.year(),
    };
    Some(day_value(NaiveDate::from_ymd_opt(year, month, first)?))
}

/// The "25" of "April 24 and 25": a second day of the month just named.
pub(super) fn n_conjoined_day(m: &Match, ctx: &Ctx) -> Option<String> {
    let Some(Point::Day(first)) = ctx.reference else {
        return None;
    };
    let conjunction = m.before().is_some_and(|b| RANGE_LINKS.contains(&b.lower));
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

pub(super) fn n_iso_date(m: &Match, _: &Ctx) -> Option<String> {
    let t = m.part(0);
    let number = |k: usize| t.get(k)?.text.parse::<u32>().ok();
    let d = NaiveDate::from_ymd_opt(i32::try_from(number(0)?).ok()?, number(2)?, number(4)?)?;
    Some(day_value(d))
}

/// Slashes are read month first (as in US wire copy) unless the first
/// number cannot be a month; dots are read day first (as in Europe).
pub(super) fn n_numeric_date(m: &Match, _: &Ctx) -> Option<String> {
    let t = m.part(0);
    let number = |k: usize| t.get(k)?.text.parse::<u32>().ok();
    let (a, b, year) = (number(0)?, number(2)?, number(4)?);
    // Dotted and hyphenated dates are European, day first, unless the
    // second number cannot be a month.
    let day_first = matches!(t.get(1)?.text, "." | "-") && b <= 12;
    let (month, day) = if day_first || a > 12 { (b, a) } else { (a, b) };
    let d = NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)?;
    Some(day_value(d))
}

/// "Q1 2022", "H2": with a year, that year's; alone, the latest one begun
/// by the article's date unless the sentence looks ahead.
pub(super) fn n_period_code(m: &Match, ctx: &Ctx) -> Option<String> {
    let in_year = period_code(m.tok(0)?)?;
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
            let ahead = in_year(y).first_day()? > ctx.anchor;
            if ahead && ctx.tense != Tense::Future {
                y - 1
            } else {
                y
            }
        }
    };
    Some(fmt(in_year(year)))
}

/// "said overnight", "overnight strikes": the night before the day the text
/// is about (the article's, unless it just named one of the days before).
pub(super) fn n_overnight(m: &Match, ctx: &Ctx) -> Option<String> {
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

pub(super) fn n_day_month(m: &Match, ctx: &Ctx) -> Option<String> {
    if m.after().is_some_and(|a| is_day(a) || is_year(a)) {
        return None;
    }
    Some(day_value(month_day_date(
        ctx,
        month_of(m, 3)?,
        day_of(m, 1)?,
    )?))
}

pub(super) fn n_month_year(m: &Match, _: &Ctx) -> Option<String> {
    if number_continues(m) {
        return None;
    }
    Some(fmt(Point::Month(year_of(m, 4)?, month_of(m, 1)?)))
}

pub(super) fn n_month(m: &Match, ctx: &Ctx) -> Option<String> {
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
    // such month, whatever the tense of the verb that set it; "the first
    // since December" counts from a month already past.
    let since = m.before().is_some_and(|b| b.lower == "since");
    let tense = match m.before().map(|b| b.lower) {
        Some("through" | "until" | "till") => Tense::Unknown,
        _ if since => Tense::Past,
        _ => ctx.tense,
    };
    let rel = direction_of(m, 0);
    // "the third strike this year and the first since December": not a
    // December of this year still to come.
    let to_come = |y: i32| since && (y, month) > (ctx.anchor.year(), ctx.anchor.month());
    let said = ctx
        .sentence_year
        .filter(|&y| rel == Rel::None && !year_against_tense(y, ctx) && !to_come(y));
    let year = said.unwrap_or_else(|| month_year(ctx.anchor, month, rel, tense));
    Some(fmt(Point::Month(year, month)))
}

pub(super) fn n_year(m: &Match, _: &Ctx) -> Option<String> {
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

pub(super) fn n_the_year_number(m: &Match, _: &Ctx) -> Option<String> {
    Some(fmt(Point::Year(year_of(m, 2)?)))
}

pub(super) fn n_year_period(m: &Match, ctx: &Ctx) -> Option<String> {
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

pub(super) fn n_decade_digits(m: &Match, _: &Ctx) -> Option<String> {
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

pub(super) fn n_decade_word(m: &Match, _: &Ctx) -> Option<String> {
    let d = m.tok(2).and_then(lexicon::decade_word)?;
    Some(format!("19{d}"))
}

pub(super) fn n_century(m: &Match, _: &Ctx) -> Option<String> {
    let n = m.tok(2).and_then(lexicon::ordinal)?;
    Some(fmt(Point::Century(i32::try_from(n).ok()? - 1)))
}

/// "the fourth Thursday of November", "the last Sunday in October": that
/// day in the year written, else in the year the tense points to.
pub(super) fn n_nth_weekday_of_month(m: &Match, ctx: &Ctx) -> Option<String> {
    let month = month_of(m, 4)?;
    let day = weekday_of(m, 2)?;
    let year = year_of(m, 5).unwrap_or_else(|| month_year(ctx.anchor, month, Rel::None, ctx.tense));
    let date = match m.tok(1)?.lower {
        "last" => {
            let first_of_next = NaiveDate::from_ymd_opt(year, month, 1)?
                .checked_add_months(chrono::Months::new(1))?;
            let last = first_of_next.pred_opt()?;
            let back = (last.weekday().num_days_from_monday() + 7 - day.num_days_from_monday()) % 7;
            add_days(last, -i64::from(back))?
        }
        _ => {
            let n = u8::try_from(lexicon::ordinal(m.tok(1)?)?).ok()?;
            NaiveDate::from_weekday_of_month_opt(year, month, day, n)?
        }
    };
    Some(day_value(date))
}

pub(super) fn weekday_of(m: &Match, k: usize) -> Option<chrono::Weekday> {
    m.tok(k).and_then(lexicon::weekday)
}

pub(super) fn n_weekday(m: &Match, ctx: &Ctx) -> Option<String> {
    // "Wednesday's ruling" reports something that happened; "a ban
    // starting Friday" was announced for a day to come.
    let possessive = m.after().is_some_and(|a| matches!(a.text, "'" | "’"));
    let starting = m
        .before()
        .is_some_and(|b| matches!(b.lower, "starting" | "beginning" | "effective"));
    let tense = if possessive {
        Tense::Past
    } else if starting {
        Tense::Future
    } else {
        ctx.tense
    };
    // "the previous Friday", "the following Monday" are anaphoric: they
    // count from the day the text last named, not from the article's date.
    let anaphoric = m.words(1).starts_with("the ");
    let base = match ctx.reference {
        Some(Point::Day(d)) if anaphoric => d,
        _ => ctx.anchor,
    };
    let weekday = weekday_of(m, 2)?;
    // "next Friday and Saturday", "from Tuesday to Monday": the second day
    // follows the first.
    let paired = m.start >= 2
        && !m.has(0)
        && !m.has(1)
        && m.before().is_some_and(|b| RANGE_LINKS.contains(&b.lower))
        && is_weekday(&m.toks[m.start - 2]);
    // A list in the past ("statements made Friday and Thursday") is in no
    // particular order; a range ("from Tuesday to Monday") or a plan is.
    let listed = m.before().is_some_and(|b| matches!(b.lower, "and" | "or"));
    let ordered = |first: NaiveDate| !listed || first > ctx.anchor || ctx.tense != Tense::Past;
    let first = match ctx.reference {
        Some(Point::Day(first)) if paired && ordered(first) => Some(first),
        _ => None,
    };
    if let Some(first) = first {
        let ahead =
            (weekday.num_days_from_monday() + 7 - first.weekday().num_days_from_monday()) % 7;
        let ahead = if ahead == 0 { 7 } else { ahead };
        return Some(day_value(add_days(first, i64::from(ahead))?));
    }
    let day = weekday_date(base, weekday, direction_of(m, 1), tense)?;
    if next_is_name(m) && lexicon::month(m.toks, m.end).is_none() {
        return None;
    }
    // "Christmas falls on a Monday this year": any Monday, no date (but "a
    // Sunday night memorial" was on a particular Sunday).
    let on_a = m.start >= 2
        && m.before().is_some_and(|b| b.lower == "a")
        && m.toks[m.start - 2].lower == "on";
    if !m.has(0) && !m.has(1) && on_a {
        return None;
    }
    // TempEval-3 gold keeps "Wednesday night" and "Friday morning" at day
    // precision more often than not (and often marks just "Wednesday"):
    // adding `TNI` or `TMO` lost more matches than it won. The afternoon
    // and the evening are times, as TimeML has them: `n_weekday_part_of_day`.
    Some(day_value(day))
}

/// "Monday afternoon", "Thursday evening": TimeML makes a weekday with a
/// part of the day a TIME on that day (`2008-05-12TAF`), and the TBAQ gold
/// agrees for these two parts (not for the morning and the night, which
/// `n_weekday` keeps at day precision).
pub(super) fn n_weekday_part_of_day(m: &Match, ctx: &Ctx) -> Option<String> {
    let day = n_weekday(m, ctx)?;
    let part = lexicon::part_of_day(m.part(3).first()?)?;
    Some(format!("{day}T{part}"))
}

/// "today is the eighth day of the operation", "it's the second day of an
/// offensive": the day the article is about, counted from an event's start.
/// In the past ("Monday was the third day") or as an apposition ("on
/// September 1, the first day of school") the day is named elsewhere.
pub(super) fn n_nth_day_today(m: &Match, ctx: &Ctx) -> Option<String> {
    let toks = m.toks;
    let back = |k: usize| m.start.checked_sub(k).map(|i| toks[i].lower);
    let is = match back(1)? {
        "is" => true,
        "s" => matches!(back(2), Some("'" | "’")),
        _ => false,
    };
    // "tomorrow is the first day of school" is not the article's day.
    let today = !(2..=4).any(|k| back(k).is_some_and(|w| matches!(w, "tomorrow" | "yesterday")));
    (is && today).then(|| day_value(ctx.anchor))
}

/// "the early hours of Monday": that day's morning (`TMO`). "The early
/// hours of Thursday morning" is left to "Thursday morning".
pub(super) fn n_early_hours_of_weekday(m: &Match, ctx: &Ctx) -> Option<String> {
    if m.after().is_some_and(|a| lexicon::part_of_day(a).is_some()) {
        return None;
    }
    Some(format!("{}TMO", n_weekday(m, ctx)?))
}

/// "next Monday, and the Monday after that": the first such weekday after
/// (or before) the day the text last named.
pub(super) fn n_weekday_after_that(m: &Match, ctx: &Ctx) -> Option<String> {
    let Some(Point::Day(base)) = ctx.reference else {
        return None;
    };
    let day = weekday_of(m, 1)?;
    let base_day = base.weekday().num_days_from_monday();
    let to = day.num_days_from_monday();
    let offset = if m.words(2) == "after" {
        match (to + 7 - base_day) % 7 {
            0 => 7,
            n => i64::from(n),
        }
    } else {
        match (base_day + 7 - to) % 7 {
            0 => -7,
            n => -i64::from(n),
        }
    };
    Some(day_value(add_days(base, offset)?))
}

/// "Wednesday next week": that weekday in the week named.
pub(super) fn n_weekday_of_week(m: &Match, ctx: &Ctx) -> Option<String> {
    let n = match m.words(1).as_str() {
        "next" => 1,
        "last" => -1,
        _ => 0,
    };
    let week = relative(ctx.anchor, n, Unit::Week)?;
    let monday = week.first_day()?;
    let offset = weekday_of(m, 0)?.num_days_from_monday();
    Some(day_value(add_days(monday, i64::from(offset))?))
}

/// "two weeks from today": the day that many units after the day named.
pub(super) fn n_units_from_day(m: &Match, ctx: &Ctx) -> Option<String> {
    let n = i32::try_from(count_of(m, 0)?).ok()?;
    let unit = unit_of(m, 1)?;
    let from = match m.words(3).as_str() {
        "now" => 0,
        w => day_word_offset(w)?,
    };
    let day = Point::Day(add_days(ctx.anchor, from)?);
    Some(fmt(day.shift(n, unit)?))
}

pub(super) fn day_word_offset(w: &str) -> Option<i64> {
    match w {
        "today" | "tonight" => Some(0),
        "yesterday" => Some(-1),
        "tomorrow" => Some(1),
        _ => None,
    }
}

pub(super) fn n_day_word(m: &Match, ctx: &Ctx) -> Option<String> {
    // "USA Today", "VOA Today": a capitalised "Today" after a name is a title.
    let titled = m.tok(1).is_some_and(|t| t.text == "Today")
        && m.before().is_some_and(|b| {
            b.is_word()
                && b.is_capitalised()
                && m.toks
                    .get(m.start)
                    .is_some_and(|t| t.sentence == b.sentence)
        });
    // "the Today programme": a capitalised day word after "the" names a show.
    let name = m.tok(1).is_some_and(|t| t.is_capitalised())
        && m.before().is_some_and(|b| b.lower == "the")
        && !m.has(0);
    if titled || name || generic_today(m) {
        return None;
    }
    Some(day_value(add_days(
        ctx.anchor,
        day_word_offset(&m.words(1))?,
    )?))
}

/// Nouns after "today's" that make it our times in general, not the
/// article's day: "in today's world", "for today's youth".
const GENERIC_NOW: &[&str] = &[
    "world",
    "youth",
    "society",
    "generation",
    "children",
    "economy",
    "technology",
    "computers",
];

/// "today's world", "many of today's personal computers": TimeML would
/// call this PRESENT_REF, but TimeBank leaves every such "today" unmarked,
/// so the tagger does too.
fn generic_today(m: &Match) -> bool {
    let possessive = m.after().is_some_and(|a| matches!(a.text, "'" | "’"))
        && m.after_n(2).is_some_and(|s| s.lower == "s");
    m.words(1) == "today"
        && !m.has(0)
        && possessive
        && (3..=4).any(|k| m.after_n(k).is_some_and(|w| GENERIC_NOW.contains(&w.lower)))
}

/// "by the end of the month", "the start of the decade": the unit the
/// article is in, or in a past narrative the one the text last named ("in
/// 1975 ... he came to power at the end of the decade"). "By the end of"
/// sets a target, which is reckoned from the article's date.
pub(super) fn n_edge_of_unit(m: &Match, ctx: &Ctx) -> Option<String> {
    if !m.words(0).ends_with(" of") {
        return None;
    }
    let unit = unit_of(m, 2)?;
    let target = m
        .before()
        .is_some_and(|b| matches!(b.lower, "by" | "before" | "until" | "till"));
    let narrated = ctx.reference.filter(|p| {
        ctx.tense == Tense::Past
            && !target
            && p.granularity() <= unit
            && p.first_day().is_some_and(|d| d < ctx.anchor)
    });
    let day = narrated.and_then(Point::first_day).unwrap_or(ctx.anchor);
    Some(fmt(Point::of(day, unit)?))
}

/// "the March quarter": the quarter that ends (or runs) in that month, in
/// the year the tense points to.
pub(super) fn n_month_quarter(m: &Match, ctx: &Ctx) -> Option<String> {
    let month = month_of(m, 1)?;
    let year = month_year(ctx.anchor, month, Rel::None, ctx.tense);
    Some(fmt(Point::of(
        NaiveDate::from_ymd_opt(year, month, 1)?,
        Unit::Quarter,
    )?))
}

/// "the April-June quarter", "the July-September period": a calendar
/// quarter named by its first and last months.
pub(super) fn n_month_span_quarter(m: &Match, ctx: &Ctx) -> Option<String> {
    let (first, last) = (month_of(m, 1)?, month_of(m, 3)?);
    if first % 3 != 1 || last != first + 2 {
        return None;
    }
    let year = month_year(ctx.anchor, first, Rel::None, ctx.tense);
    Some(fmt(Point::of(
        NaiveDate::from_ymd_opt(year, first, 1)?,
        Unit::Quarter,
    )?))
}

/// "The day before, pubs had closed": a day (week, year) next to the one
/// the text last named. Only at the end of a phrase: "the day before the
/// vote" counts from an event, "the day after Christmas" is joined whole.
pub(super) fn n_unit_beside(m: &Match, ctx: &Ctx) -> Option<String> {
    let ends_phrase = m
        .after()
        .is_none_or(|a| matches!(a.text, "," | "." | ";" | ":" | ")") || a.lower == "and");
    if !ends_phrase {
        return None;
    }
    let unit = unit_of(m, 1)?;
    let reference = ctx.reference.filter(|p| p.granularity() <= unit)?;
    let n = if m.words(2) == "before" { -1 } else { 1 };
    Some(fmt(Point::of(reference.first_day()?, unit)?.shift(n, unit)?))
}

/// "the week of March 6": the ISO week holding that day.
pub(super) fn n_week_of(m: &Match, ctx: &Ctx) -> Option<String> {
    let (month, day) = (month_of(m, 3)?, day_of(m, 4)?);
    let date = match year_of(m, 5) {
        Some(y) => NaiveDate::from_ymd_opt(y, month, day)?,
        None => month_day_date(ctx, month, day)?,
    };
    Some(fmt(Point::of(date, Unit::Week)?))
}

pub(super) fn n_relative_unit(m: &Match, ctx: &Ctx) -> Option<String> {
    let unit = unit_of(m, 3)?;
    // "the next fortnight" is a stretch of two weeks: no calendar names
    // fortnights, so the duration rules read it.
    if unit == Unit::Fortnight {
        return None;
    }
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

pub(super) fn n_the_year(m: &Match, ctx: &Ctx) -> Option<String> {
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
pub(super) fn spans_a_period(m: &Match) -> bool {
    m.before()
        .is_some_and(|b| matches!(b.lower, "during" | "throughout" | "over"))
        || m.after()
            .is_some_and(|a| matches!(a.lower, "ended" | "ending"))
}

pub(super) fn n_weekend(m: &Match, ctx: &Ctx) -> Option<String> {
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

pub(super) fn n_ago(m: &Match, ctx: &Ctx) -> Option<String> {
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

pub(super) fn n_later(m: &Match, ctx: &Ctx) -> Option<String> {
    // "two decades later than most countries" compares; it dates nothing.
    if m.after().is_some_and(|a| a.lower == "than") {
        return None;
    }
    // "in hospital for five weeks earlier this year": the adverb is the
    // next date's ("earlier this year"), the weeks a length of time.
    let next = |k: usize| m.toks.get(m.end + k).map(|t| t.lower);
    if matches!(
        next(0),
        Some("this" | "that" | "last" | "next" | "today" | "tonight")
    ) {
        return None;
    }
    let unit = unit_of(m, 2)?;
    // "three days later": TimeBank marks the days as a DURATION and leaves
    // "later" out (only longer units, "a year earlier", are dates).
    if unit == Unit::Day {
        return None;
    }
    let n = i32::try_from(count_of(m, 1)?).ok()?;
    let sign = if m.words(3) == "later" { 1 } else { -1 };
    Some(fmt(shift_reference(ctx, sign * n, unit)?))
}

pub(super) fn n_anaphoric(m: &Match, ctx: &Ctx) -> Option<String> {
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
    // "the same day" counts from the last day named; a year or a month
    // named since ("the asteroid 2012 DA14 passed later the same day")
    // does not say which day, so the article's date stays the base.
    let base = ctx
        .reference
        .filter(|p| p.granularity() <= unit)
        .and_then(Point::first_day)
        .unwrap_or(ctx.anchor);
    Some(fmt(Point::of(base, unit)?.shift(n, unit)?))
}

/// "by year-end", "since year-end": this year's end, or the last one for a
/// look back.
pub(super) fn n_year_end(m: &Match, ctx: &Ctx) -> Option<String> {
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
pub(super) fn n_that_unit(m: &Match, ctx: &Ctx) -> Option<String> {
    let unit = unit_of(m, 2)?;
    let reference = ctx.reference.filter(|p| p.granularity() <= unit)?;
    Some(fmt(Point::of(reference.first_day()?, unit)?))
}

pub(super) fn constant(value: &'static str) -> String {
    value.to_string()
}

pub(super) fn n_present(_: &Match, _: &Ctx) -> Option<String> {
    Some(constant("PRESENT_REF"))
}

/// "current" as an adjective of time; "Current 1.30 1.35" heads a row of
/// figures (current earnings).
pub(super) fn n_current(m: &Match, ctx: &Ctx) -> Option<String> {
    if m.after().is_some_and(|a| a.is_digits()) {
        return None;
    }
    n_present(m, ctx)
}

/// "at present" is now (`PRESENT_REF`, the preposition left out as TimeML
/// does); not "at present levels", where "present" qualifies a noun.
pub(super) fn n_at_present(m: &Match, _: &Ctx) -> Option<String> {
    let at = m.before().is_some_and(|b| b.lower == "at");
    let noun_follows = m.after().is_some_and(|a| {
        a.is_word()
            && a.sentence == m.toks[m.start].sentence
            && (a.lower.ends_with('s') || a.lower == "value")
    });
    (at && !noun_follows).then(|| constant("PRESENT_REF"))
}

pub(super) fn n_past(_: &Match, _: &Ctx) -> Option<String> {
    Some(constant("PAST_REF"))
}

pub(super) fn n_the_past(m: &Match, _: &Ctx) -> Option<String> {
    let past = m.toks[m.end - 1].lower == "past";
    (past && m.before().is_some_and(|b| b.lower == "in")).then(|| constant("PAST_REF"))
}

/// "will soon grow": TimeML tags the adverb as `FUTURE_REF`; "as soon as",
/// "soon after" are connectives, and "was soon released" is a past
/// sequence, not the future.
pub(super) fn n_soon(m: &Match, ctx: &Ctx) -> Option<String> {
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

pub(super) fn n_future(_: &Match, _: &Ctx) -> Option<String> {
    Some(constant("FUTURE_REF"))
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

pub(super) fn n_year_words(m: &Match, _: &Ctx) -> Option<String> {
    let year = year_words_of(m, 1)?;
    if !m.has(0) && year == 2000 {
        return None;
    }
    Some(fmt(Point::Year(year)))
}
