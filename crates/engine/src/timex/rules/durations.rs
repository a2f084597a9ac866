//! Normalisers for durations: "five years", "a two hour, 24 minute match",
//! "two and a half years", "the past decade", "for a while".

use super::*;

/// "two to three weeks", "the next 12 to 18 months": a duration of an
/// unspecified count (`PXW`), as TIMEX3 writes ranges.
pub(super) fn n_duration_range(m: &Match, _: &Ctx) -> Option<String> {
    if m.before().is_some_and(|b| b.text == "$") {
        return None;
    }
    let unit = unit_of(m, 6)?;
    Some(duration(None, unit))
}

/// "within the next fortnight", "over the past fortnight": two weeks.
pub(super) fn n_the_next_fortnight(_: &Match, _: &Ctx) -> Option<String> {
    Some(duration(Some(1), Unit::Fortnight))
}

pub(super) fn n_the_year_duration(m: &Match, _: &Ctx) -> Option<String> {
    spans_a_period(m).then(|| duration(Some(1), Unit::Year))
}

/// "over the past decade": the ten years up to the article, not the
/// previous calendar decade ("the last decade of the century" is that).
/// "the past decade", "the next decade", "the past hour": the unit up to or
/// from now, a stretch of time. Without "the", "next decade" is the decade itself
/// (the relative rules' `203`).
pub(super) fn n_past_decade(m: &Match, _: &Ctx) -> Option<String> {
    if m.after().is_some_and(|a| a.lower == "of") {
        return None;
    }
    if m.words(1) != "past" && !m.has(0) {
        return None;
    }
    Some(duration(Some(1), unit_of(m, 2)?))
}

pub(super) fn n_duration(m: &Match, _: &Ctx) -> Option<String> {
    let unit = unit_of(m, 5)?;
    // "the final two years ago", "the final a day earlier": a sports final
    // before a date, which the rules for "two years ago" read.
    if m.has(1)
        && m.after()
            .is_some_and(|a| matches!(a.lower, "ago" | "earlier" | "later"))
    {
        return None;
    }
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
    // "up to 6 minutes and 39 seconds": the hedge goes with the whole
    // compound, which the compound rule reads from the count on (and
    // `lead` then adds the hedge back).
    if m.has(0) && duration_parts(m.toks, m.parts[2].0).is_some_and(|(_, end)| end > m.end) {
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
pub(super) fn n_unit_long(m: &Match, _: &Ctx) -> Option<String> {
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
pub(super) fn n_compound_duration(m: &Match, _: &Ctx) -> Option<String> {
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

pub(super) fn n_vague_plural(m: &Match, _: &Ctx) -> Option<String> {
    let unit = unit_of(m, 1)?;
    let lead = m.words(0);
    // "the last days of the regime" is its closing stretch.
    let closing = lead == "the last" && m.after().is_some_and(|a| a.lower == "of");
    if closing || lead.split(' ').nth(1).is_some_and(is_opening) {
        return n_opening_units(m, unit);
    }
    if lead.is_empty() && units_around_an_event(m) {
        return Some(duration(None, unit));
    }
    // "hours later", "days after the vote": an unspecified stretch of time
    // between two events, a DURATION in TimeML as "three days later" is
    // (but "the first days after" is no timex of its own).
    let offset = m
        .after()
        .is_some_and(|a| matches!(a.lower, "later" | "after" | "afterwards"))
        && !m
            .before()
            .is_some_and(|b| b.is_word() && !matches!(b.lower, "and" | "but" | "then"));
    // "for months", "within weeks", and how long something takes or lasts
    // ("the count could take days", "talks that lasted hours").
    let measured = m.before().is_some_and(|b| {
        matches!(
            b.lower,
            "for"
                | "over"
                | "in"
                | "within"
                | "take"
                | "takes"
                | "took"
                | "taking"
                | "last"
                | "lasts"
                | "lasted"
                | "lasting"
        )
    });
    if lead.is_empty() && !offset && !measured {
        return None;
    }
    if !offset
        && m.after()
            .is_some_and(|a| matches!(a.lower, "of" | "ago" | "later" | "earlier"))
    {
        return None;
    }
    Some(duration(None, unit))
}

/// "in the weeks before the shooting", "in the years that followed": some
/// units leading up to or following an event, as TimeBank marks them (the
/// units alone). "The first days after" is read by [`n_opening_units`].
fn units_around_an_event(m: &Match) -> bool {
    let back = |k: usize| m.start.checked_sub(k).map(|i| m.toks[i].lower);
    let placed = back(1) == Some("the")
        && back(2).is_some_and(|p| matches!(p, "in" | "during" | "over" | "throughout"));
    let event = match m.after().map(|a| a.lower) {
        Some("before" | "after" | "since" | "following") => true,
        Some("that") => m
            .after_n(2)
            .is_some_and(|v| matches!(v.lower, "followed" | "preceded")),
        _ => false,
    };
    placed && event
}

/// "the first hours of the ground war", "in the early years": the opening
/// or closing stretch of something, some units long. "The first days after
/// the attack" measures from an event and is no timex of its own.
fn n_opening_units(m: &Match, unit: Unit) -> Option<String> {
    let anchored = m
        .after()
        .is_some_and(|a| matches!(a.lower, "after" | "before" | "since" | "ago" | "later"));
    // "the early hours (of Monday)" are the night before dawn, a time of
    // day, not a stretch of hours.
    let night = m.words(0) == "the early" && unit == Unit::Hour;
    (!anchored && !night).then(|| duration(None, unit))
}

/// "at a later date" is some time ahead, "an earlier stage" some time back.
pub(super) fn n_later_date(m: &Match, _: &Ctx) -> Option<String> {
    let later = m.words(1) == "later";
    Some(constant(if later { "FUTURE_REF" } else { "PAST_REF" }))
}

/// "in past years", "in future quarters": unspecified times before or after
/// now. With a determiner ("the past years") the words measure a stretch of
/// time instead, which other rules read.
pub(super) fn n_past_or_future_units(m: &Match, _: &Ctx) -> Option<String> {
    let determiner = |w: &str| matches!(w, "the" | "these" | "those" | "its" | "their" | "our");
    if m.before().is_some_and(|b| determiner(b.lower)) {
        return None;
    }
    let past = m.words(0) == "past";
    Some(constant(if past { "PAST_REF" } else { "FUTURE_REF" }))
}

/// "the weeks ahead": some weeks from now on.
pub(super) fn n_units_ahead(m: &Match, _: &Ctx) -> Option<String> {
    Some(duration(None, unit_of(m, 1)?))
}

/// "for a while", "in a while": a length of time of no stated unit. "Once
/// in a while" is a frequency and "a while ago" a date, so neither counts.
pub(super) fn n_a_while(m: &Match, _: &Ctx) -> Option<String> {
    let placed = m
        .before()
        .is_some_and(|b| matches!(b.lower, "for" | "in" | "after"));
    let once = m.start >= 2 && m.toks[m.start - 2].lower == "once";
    let ago = m.after().is_some_and(|a| a.lower == "ago");
    (placed && !once && !ago).then(|| "PXX".to_string())
}

/// "a fairly lengthy period", "a brief period": a stretch of time of no
/// stated length or unit (`PXX`). "A long time" is left out, as TimeBank
/// leaves it.
pub(super) fn n_vague_period(_: &Match, _: &Ctx) -> Option<String> {
    Some("PXX".to_string())
}

/// "for some time", "after quite some time": a length of time of no stated
/// unit. Elsewhere "some time" is a point ("some time next year") or no
/// timex at all ("spend some time on it").
pub(super) fn n_some_time(m: &Match, _: &Ctx) -> Option<String> {
    let placed = m
        .before()
        .is_some_and(|b| matches!(b.lower, "for" | "after"));
    let ago = m
        .after()
        .is_some_and(|a| matches!(a.lower, "ago" | "later" | "earlier" | "before"));
    (placed && !ago).then(|| "PXX".to_string())
}

/// A duration of `whole` units and a half, TimeML style: `P2Y6M`,
/// `PT5H30M`; None for units whose half has no exact smaller unit here.
pub(super) fn half_more(whole: u32, unit: Unit) -> Option<String> {
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
pub(super) fn n_duration_and_half(m: &Match, _: &Ctx) -> Option<String> {
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
pub(super) fn n_half_unit(m: &Match, _: &Ctx) -> Option<String> {
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
