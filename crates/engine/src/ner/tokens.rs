//! Tokenizer for the tagger.
//!
//! UAX #29 word boundaries split weapon
//! designators ("S-400" → "S", "400") and glue possessives ("Russia's"), which
//! is the opposite of what entity spans need. This tokenizer works on white
//! space chunks instead and applies a few news-specific rules:
//!
//! * designators stay whole: a hyphen between two parts is kept when either
//!   part has a digit or is a single letter ("S-400", "F-35", "S-400s",
//!   "Pantsir-S", "X-ray");
//! * other hyphenated compounds split ("US-Turkey", "Russian-made"), so the
//!   seed gold's "US" and "Russian" can be mentions of their own;
//! * possessive `'s` / `’s` and a trailing `'` become their own tokens
//!   ("Russia's" → "Russia", "'s"; "US'" → "US", "'");
//! * a final period stays on abbreviations ("U.S.", "Mr.", "Corp.") and
//!   initials ("J."), and is split off everywhere else; in a block of text
//!   ([`tokenize_block`]) it is split off at the end of a line too, where it
//!   also ends the sentence ("… and Lear Corp." → "Corp", "."): CoNLL-2003
//!   leaves that period out of the name;
//! * all other punctuation is a one-character token.

use crate::text::Span;

/// Abbreviations that keep their final period.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "gov", "sen",
    "rep", "rev", "st", "jr", "sr", "no", "vs", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "inc", "corp", "co", "ltd", "bros", "mt", "ft", "plc",
];

/// Splits `span` of `text` into tokens (byte spans of `text`), keeping the
/// period of an abbreviation wherever it is (for names in word lists).
pub fn tokenize(text: &str, span: Span) -> Vec<Span> {
    tokenize_with(text, span, false)
}

/// Splits a block `span` of `text` into tokens like [`tokenize`], but a
/// period that ends a line or the block is its own token even after an
/// abbreviation: there it ends a sentence.
pub fn tokenize_block(text: &str, span: Span) -> Vec<Span> {
    tokenize_with(text, span, true)
}

fn tokenize_with(text: &str, span: Span, line_ends: bool) -> Vec<Span> {
    let mut out = Vec::new();
    let Some(slice) = text.get(span.range()) else {
        return out;
    };
    let mut chunk_start: Option<usize> = None;
    for (i, c) in slice.char_indices() {
        if c.is_whitespace() {
            if let Some(s) = chunk_start.take() {
                let end_of_line = line_ends && matches!(c, '\n' | '\r');
                chunk(slice, s, i, span.start, end_of_line, &mut out);
            }
        } else if chunk_start.is_none() {
            chunk_start = Some(i);
        }
    }
    if let Some(s) = chunk_start {
        chunk(slice, s, slice.len(), span.start, line_ends, &mut out);
    }
    out
}

/// True for characters that may sit inside a word: letters, digits and marks.
fn wordy(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '\u{300}'..='\u{36f}')
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Tokenizes one white-space-free chunk `s[a..b]`, pushing spans shifted by
/// `base`; `end_of_line` says the chunk ends a line, so a final period is
/// split off whatever it follows.
fn chunk(s: &str, a: usize, b: usize, base: usize, end_of_line: bool, out: &mut Vec<Span>) {
    let piece = &s[a..b];
    // Leading punctuation, one token per character.
    let mut start = a;
    for (i, c) in piece.char_indices() {
        if wordy(c) {
            break;
        }
        let e = a + i + c.len_utf8();
        out.push(Span::new(base + a + i, base + e));
        start = e;
    }
    if start >= b {
        return;
    }
    // Trailing punctuation, collected right to left; the word ends at `end`.
    let mut trail: Vec<Span> = Vec::new();
    let mut end = b;
    while end > start {
        let body = &s[start..end];
        let Some(c) = body.chars().next_back() else {
            break;
        };
        if wordy(c) {
            break;
        }
        let sentence_end = end_of_line && end == b;
        if c == '.' && !sentence_end && keeps_period(&body[..body.len() - 1]) {
            break;
        }
        let cs = end - c.len_utf8();
        trail.push(Span::new(base + cs, base + end));
        end = cs;
    }
    // Possessive or plural-possessive apostrophe at the end of the word.
    let body = &s[start..end];
    let mut poss: Option<Span> = None;
    let mut chars = body.char_indices().rev();
    if let (Some((_, last)), Some((ai, ap))) = (chars.next(), chars.next()) {
        if matches!(last, 's' | 'S') && is_apostrophe(ap) && ai > 0 {
            poss = Some(Span::new(base + start + ai, base + end));
            end = start + ai;
        }
    }
    body_tokens(s, start, end, base, out);
    if let Some(p) = poss {
        out.push(p);
    }
    out.extend(trail.into_iter().rev());
}

/// True when a word followed by a period is an abbreviation or initial.
fn keeps_period(word: &str) -> bool {
    if word.is_empty() {
        return false;
    }
    // Initials and dotted acronyms: "J", "U.S", "U.N".
    let letters_and_dots = word.chars().all(|c| c.is_alphabetic() || c == '.');
    if letters_and_dots && word.contains('.') {
        return true;
    }
    let mut cs = word.chars();
    if let (Some(c), None) = (cs.next(), cs.next()) {
        return c.is_uppercase();
    }
    ABBREVIATIONS.contains(&word.to_lowercase().as_str())
}

/// Splits a word body (no leading/trailing punctuation) at inner punctuation.
fn body_tokens(s: &str, a: usize, b: usize, base: usize, out: &mut Vec<Span>) {
    // Parts: maximal runs of word characters, and single separator characters.
    let body = &s[a..b];
    let mut parts: Vec<(usize, usize, bool)> = Vec::new(); // (start, end, is_word)
    for (i, c) in body.char_indices() {
        let w = wordy(c);
        let e = i + c.len_utf8();
        match parts.last_mut() {
            Some(last) if w && last.2 => last.1 = e,
            _ => parts.push((i, e, w)),
        }
    }
    let mut tok_start: Option<usize> = None;
    let mut k = 0;
    while k < parts.len() {
        let (ps, pe, w) = parts[k];
        if w {
            tok_start.get_or_insert(ps);
            k += 1;
            continue;
        }
        let sep = &body[ps..pe];
        let prev = if k > 0 && parts[k - 1].2 {
            Some(&body[parts[k - 1].0..parts[k - 1].1])
        } else {
            None
        };
        let next = parts.get(k + 1).filter(|p| p.2).map(|p| &body[p.0..p.1]);
        let glue = match (prev, next) {
            (Some(l), Some(r)) => joins(sep, l, r),
            // A final period that survived the trailing-punctuation pass
            // belongs to an abbreviation ("U.S.", "Mr.").
            (Some(_), None) => sep == "." && k + 1 == parts.len(),
            _ => false,
        };
        if glue {
            k += 1;
            continue;
        }
        if let Some(t) = tok_start.take() {
            out.push(Span::new(base + a + t, base + a + ps));
        }
        out.push(Span::new(base + a + ps, base + a + pe));
        k += 1;
    }
    if let Some(t) = tok_start {
        out.push(Span::new(base + a + t, base + b));
    }
}

/// Whether separator `sep` between word parts `l` and `r` stays inside the token.
fn joins(sep: &str, l: &str, r: &str) -> bool {
    let digit = |x: &str| x.chars().any(|c| c.is_ascii_digit());
    let single = |x: &str| x.chars().count() == 1;
    match sep {
        "-" | "‐" | "‑" => digit(l) || digit(r) || single(l) || single(r),
        "." => true,
        "," | ":" => digit(l) && digit(r),
        "'" | "’" => !r.eq_ignore_ascii_case("s") || l.len() == 1,
        "&" => l.len() <= 2 && r.len() <= 2,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<&str> {
        tokenize(text, Span::new(0, text.len()))
            .iter()
            .map(|s| s.of(text))
            .collect()
    }

    #[test]
    fn a_period_ending_a_line_ends_the_sentence_even_after_an_abbreviation() {
        let text = "Johnson Controls Inc. and Lear Corp.\nIt sells in the U.S.";
        let got: Vec<&str> = tokenize_block(text, Span::new(0, text.len()))
            .iter()
            .map(|s| s.of(text))
            .collect();
        assert_eq!(
            got,
            [
                "Johnson", "Controls", "Inc.", "and", "Lear", "Corp", ".", "It", "sells", "in",
                "the", "U.S", "."
            ]
        );
        // Word lists keep the abbreviation whole.
        assert_eq!(toks("Adobe Inc."), ["Adobe", "Inc."]);
    }

    #[test]
    fn designators_and_possessives() {
        assert_eq!(
            toks("Russia's S-400s, \"Pantsir-S\"."),
            ["Russia", "'s", "S-400s", ",", "\"", "Pantsir-S", "\"", "."]
        );
        assert_eq!(
            toks("the US' claims on F-35 jets"),
            ["the", "US", "'", "claims", "on", "F-35", "jets"]
        );
    }

    #[test]
    fn hyphenated_names_split_but_abbreviations_keep_periods() {
        assert_eq!(
            toks("US-Turkey relations, Russian-made, the U.S. and Mr. Demir."),
            [
                "US",
                "-",
                "Turkey",
                "relations",
                ",",
                "Russian",
                "-",
                "made",
                ",",
                "the",
                "U.S.",
                "and",
                "Mr.",
                "Demir",
                "."
            ]
        );
        assert_eq!(toks("(SSB) 1,000 AT&T"), ["(", "SSB", ")", "1,000", "AT&T"]);
    }

    #[test]
    fn odd_input_never_panics() {
        for t in [
            "",
            " ",
            "'",
            "’s",
            "-",
            "é́",
            "a\u{300}'s",
            "''s",
            "....",
            "x'",
            "🇹🇷-🇷🇺",
        ] {
            let _ = toks(t);
        }
        assert!(tokenize("abc", Span::new(1, 99)).is_empty());
    }
}
