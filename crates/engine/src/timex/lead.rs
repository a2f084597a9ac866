//! Words before an expression that TimeML keeps in its span though the rule
//! that found the expression does not read them: a hedge ("at about 8:50
//! a.m.", "up to 6 minutes and 39 seconds", `mod="APPROX"` and the like)
//! and the determiner of a decade ("the 1990s"). Checked once per
//! expression found, so the rules need not try these words at every token.

use super::pattern::Tok;
use super::rules;
use super::TimexType;

/// Where the expression of `kind` and `value` found from token `at` starts
/// once the words TimeML keeps before it are added, if there are any.
pub(crate) fn start(toks: &[Tok], at: usize, kind: TimexType, value: &str) -> Option<usize> {
    let before = at.checked_sub(1)?;
    if toks[before].sentence != toks[at].sentence {
        return None;
    }
    match kind {
        TimexType::Time if is_clock(value) => rules::hedge_ending_at(toks, at),
        TimexType::Duration => rules::hedge_ending_at(toks, at),
        TimexType::Date if is_decade(value) => (toks[before].lower == "the").then_some(before),
        _ => None,
    }
}

/// A decade's value ("199"), as the decade rules write it.
fn is_decade(value: &str) -> bool {
    value.len() == 3 && value.bytes().all(|b| b.is_ascii_digit())
}

/// A clock value ("2009-06-01T02:14Z"), not a part of a day (`TMO`).
fn is_clock(value: &str) -> bool {
    value
        .split_once('T')
        .is_some_and(|(_, clock)| clock.starts_with(|c: char| c.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clock_values_only() {
        assert!(is_clock("2009-06-01T02:14Z"));
        assert!(!is_clock("2009-06-01TMO"));
        assert!(!is_clock("2009-06-01"));
    }

    #[test]
    fn decade_values_only() {
        assert!(is_decade("199"));
        assert!(!is_decade("1990") && !is_decade("19") && !is_decade("P3Y"));
    }
}
