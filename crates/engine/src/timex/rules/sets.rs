//! Normalisers for sets: "every week", "on Sundays", "daily", "$20 billion a
//! year".

use super::*;

/// Words after an adverb of frequency that show it ends its phrase ("paid
/// quarterly and ...", "adjusted quarterly in 1990").
const FUNCTION_WORDS: &[&str] = &[
    "and",
    "or",
    "but",
    "in",
    "on",
    "at",
    "by",
    "for",
    "from",
    "since",
    "until",
    "through",
    "to",
    "with",
    "as",
    "if",
    "when",
    "while",
    "after",
    "before",
    "thereafter",
];

pub(super) fn n_set_every(m: &Match, _: &Ctx) -> Option<String> {
    let unit = unit_of(m, 2)?;
    let n = if m.has(1) { 2 } else { 1 };
    Some(duration(Some(n), unit))
}

/// "every five years": a set with a period of five years.
pub(super) fn n_set_every_count(m: &Match, _: &Ctx) -> Option<String> {
    let count = count_of(m, 1)?;
    Some(duration(Some(count), unit_of(m, 2)?))
}

/// "on Sundays", "most Fridays": each such weekday. Alone ("Sundays are
/// quiet") the plural is still a rhythm; in a name ("Fridays For Future")
/// it is not.
pub(super) fn n_set_weekday_plural(m: &Match, _: &Ctx) -> Option<String> {
    let t = m.tok(0)?;
    if m.after().is_some_and(|a| a.is_word() && a.is_capitalised()) {
        return None;
    }
    let day = weekday_plural(t)?;
    Some(format!("XXXX-WXX-{}", day.number_from_monday()))
}

pub(super) fn n_set_weekday(m: &Match, _: &Ctx) -> Option<String> {
    Some(format!(
        "XXXX-WXX-{}",
        weekday_of(m, 1)?.number_from_monday()
    ))
}

pub(super) fn n_set_month(m: &Match, _: &Ctx) -> Option<String> {
    Some(format!("XXXX-{:02}", month_of(m, 1)?))
}

/// "every morning": `XXXX-XX-XXTMO`.
pub(super) fn n_set_part_of_day(m: &Match, _: &Ctx) -> Option<String> {
    let part = lexicon::part_of_day(m.tok(1)?)?;
    Some(format!("XXXX-XX-XXT{part}"))
}

/// "every spring": `XXXX-SP`.
pub(super) fn n_set_season(m: &Match, _: &Ctx) -> Option<String> {
    let season = lexicon::season(m.tok(1)?)?;
    Some(format!("XXXX-{}", season.code()))
}

/// "Tuesday nights": every Tuesday, at night (`XXXX-WXX-2TNI`).
pub(super) fn n_set_weekday_part(m: &Match, _: &Ctx) -> Option<String> {
    let day = weekday_of(m, 0)?.number_from_monday();
    let part = m.tok(1)?.lower.strip_suffix('s')?;
    let code = lexicon::PARTS_OF_DAY
        .iter()
        .find(|(w, _)| *w == part)
        .map(|&(_, c)| c)?;
    Some(format!("XXXX-WXX-{day}T{code}"))
}

pub(super) fn n_set_adverb(m: &Match, _: &Ctx) -> Option<String> {
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
    // "pays it quarterly" is a rhythm; "its quarterly dividend" a kind of
    // dividend, which TimeBank leaves unmarked.
    let adjective = m
        .after()
        .is_some_and(|a| a.is_word() && !FUNCTION_WORDS.contains(&a.lower));
    if m.words(0) == "quarterly" && adjective {
        return None;
    }
    Some(
        match m.words(0).as_str() {
            "daily" | "nightly" => "P1D",
            "weekly" => "P1W",
            "monthly" => "P1M",
            "quarterly" => "P3M",
            "annually" | "yearly" => "P1Y",
            "hourly" => "PT1H",
            _ => return None,
        }
        .to_string(),
    )
}

/// "$20 billion a year", "£250m a month", "100,000 tests a day", "twice a
/// week": a rate, so a set. "For a year" and "a year ago" are not rates.
pub(super) fn n_set_rate(m: &Match, _: &Ctx) -> Option<String> {
    let b = m.before()?;
    // "250m", "9.8bn": an amount with its scale glued on.
    let amount = |t: &Tok| {
        let digits = t.lower.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        !digits.is_empty()
            && digits.bytes().all(|c| c.is_ascii_digit())
            && matches!(
                &t.lower[digits.len()..],
                "m" | "bn" | "mn" | "b" | "k" | "tn"
            )
    };
    // "115 flights a day", "300,000 people a year": a count of things
    // before the rate (but "million instructions per second" is a unit of
    // speed).
    let counted_things =
        m.words(0) != "per" && b.is_word() && b.lower.len() > 3 && m.start >= 2 && {
            let n = &m.toks[m.start - 2];
            n.is_digits() || amount(n) || matches!(n.lower, "million" | "billion" | "thousand")
        };
    // "a once-a-week injection".
    let hyphenated =
        b.text == "-" && m.start >= 2 && matches!(m.toks[m.start - 2].lower, "once" | "twice");
    let rate = b.is_digits()
        || hyphenated
        || amount(b)
        || counted_things
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
    Some(duration(Some(1), unit_of(m, 2)?))
}
