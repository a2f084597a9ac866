//! A tiny token-pattern engine: rules are sequences of token tests, matched
//! with backtracking over optional parts. It replaces a regex crate (wasm size)
//! and lets a pattern say "a month name" or "a number written in words"
//! directly, without spelling every variant out as text.

use crate::text::Span;

/// One token of the article: a run of letters and digits, or one other
/// non-space character.
#[derive(Debug, Clone)]
pub(crate) struct Tok<'a> {
    pub span: Span,
    pub text: &'a str,
    pub lower: String,
    /// White space (or the region start) right before the token.
    pub gap: bool,
    /// Index of the sentence the token belongs to.
    pub sentence: usize,
}

impl Tok<'_> {
    /// True if the token consists of ASCII digits only.
    pub(crate) fn is_digits(&self) -> bool {
        self.text.bytes().all(|b| b.is_ascii_digit())
    }

    /// The token's value if it is a plain number.
    pub(crate) fn number(&self) -> Option<u32> {
        if self.is_digits() && self.text.len() <= 9 {
            self.text.parse().ok()
        } else {
            None
        }
    }

    /// True if the token starts with an upper-case letter.
    pub(crate) fn is_capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// True if the token is a word (starts with a letter).
    pub(crate) fn is_word(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_alphabetic)
    }
}

/// Splits `region` of `text` into tokens, tagging each with its sentence.
pub(crate) fn tokenize<'a>(text: &'a str, region: Span, sentences: &[Span]) -> Vec<Tok<'a>> {
    let mut toks = Vec::new();
    let slice = region.of(text);
    let mut run: Option<usize> = None;
    let mut gap = true;
    let push = |start: usize, end: usize, gap: bool, toks: &mut Vec<Tok<'a>>| {
        let span = Span::new(region.start + start, region.start + end);
        let piece = span.of(text);
        let sentence = sentences.partition_point(|s| s.end <= span.start);
        toks.push(Tok {
            span,
            text: piece,
            lower: piece.to_lowercase(),
            gap,
            sentence,
        });
    };
    for (i, c) in slice.char_indices() {
        let alnum = c.is_alphabetic() || c.is_ascii_digit();
        if let Some(start) = run {
            if alnum {
                continue;
            }
            push(start, i, gap, &mut toks);
            run = None;
            gap = false;
        }
        if c.is_whitespace() {
            gap = true;
        } else if alnum {
            run = Some(i);
        } else {
            push(i, i + c.len_utf8(), gap, &mut toks);
            gap = false;
        }
    }
    if let Some(start) = run {
        push(start, slice.len(), gap, &mut toks);
    }
    toks
}

/// One element of a pattern.
#[derive(Clone, Copy)]
pub(crate) enum El {
    /// One token whose lower-case text is in the list.
    Lit(&'static [&'static str]),
    /// One token passing the test.
    Is(fn(&Tok) -> bool),
    /// A phrase of one or more tokens starting at the index; returns its end.
    Phrase(fn(&[Tok], usize) -> Option<usize>),
    /// The element, or nothing.
    Opt(&'static El),
}

/// A successful match: the token range of every pattern element (empty for a
/// skipped optional one).
pub(crate) struct Match<'t, 'a> {
    pub toks: &'t [Tok<'a>],
    pub parts: Vec<(usize, usize)>,
    pub start: usize,
    pub end: usize,
}

impl<'a> Match<'_, 'a> {
    /// The tokens of part `k`.
    pub(crate) fn part(&self, k: usize) -> &[Tok<'a>] {
        self.parts
            .get(k)
            .map_or(&[][..], |&(s, e)| &self.toks[s..e])
    }

    /// The first token of part `k`, if the part matched anything.
    pub(crate) fn tok(&self, k: usize) -> Option<&Tok<'a>> {
        self.part(k).first()
    }

    /// Lower-case words of part `k` joined by single spaces.
    pub(crate) fn words(&self, k: usize) -> String {
        self.part(k)
            .iter()
            .map(|t| t.lower.as_str())
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// True if part `k` matched at least one token.
    pub(crate) fn has(&self, k: usize) -> bool {
        !self.part(k).is_empty()
    }

    /// The token right before the match.
    pub(crate) fn before(&self) -> Option<&Tok<'a>> {
        self.start.checked_sub(1).map(|i| &self.toks[i])
    }

    /// The token right after the match.
    pub(crate) fn after(&self) -> Option<&Tok<'a>> {
        self.toks.get(self.end)
    }

    /// The token `n` places after the match (1 = right after).
    pub(crate) fn after_n(&self, n: usize) -> Option<&Tok<'a>> {
        self.toks.get(self.end + n - 1)
    }
}

/// Matches `pattern` at token `at`; the first solution found, trying the
/// longer alternative of each optional element first. Empty matches fail.
pub(crate) fn match_at<'t, 'a>(
    pattern: &[El],
    toks: &'t [Tok<'a>],
    at: usize,
) -> Option<Match<'t, 'a>> {
    let mut parts = Vec::with_capacity(pattern.len());
    let end = solve(pattern, toks, at, &mut parts)?;
    (end > at).then_some(Match {
        toks,
        parts,
        start: at,
        end,
    })
}

fn solve(
    pattern: &[El],
    toks: &[Tok],
    at: usize,
    parts: &mut Vec<(usize, usize)>,
) -> Option<usize> {
    let Some((first, rest)) = pattern.split_first() else {
        return Some(at);
    };
    let (inner, optional) = match first {
        El::Opt(inner) => (*inner, true),
        other => (other, false),
    };
    if let Some(end) = step(inner, toks, at) {
        parts.push((at, end));
        if let Some(done) = solve(rest, toks, end, parts) {
            return Some(done);
        }
        parts.pop();
    }
    if optional {
        parts.push((at, at));
        if let Some(done) = solve(rest, toks, at, parts) {
            return Some(done);
        }
        parts.pop();
    }
    None
}

fn step(el: &El, toks: &[Tok], at: usize) -> Option<usize> {
    let tok = toks.get(at);
    match el {
        El::Lit(words) => tok
            .filter(|t| words.contains(&t.lower.as_str()))
            .map(|_| at + 1),
        El::Is(test) => tok.filter(|t| test(t)).map(|_| at + 1),
        El::Phrase(phrase) => phrase(toks, at).filter(|&end| end > at && end <= toks.len()),
        El::Opt(inner) => step(inner, toks, at),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<Tok<'_>> {
        let all = Span::new(0, text.len());
        tokenize(text, all, &[all])
    }

    #[test]
    fn tokens_split_letters_digits_and_symbols() {
        let text = "Wed 03rd March, 2021 | 05:00 PM S-400s ünï 😀x";
        let got: Vec<&str> = toks(text).iter().map(|t| t.text).collect();
        assert_eq!(
            got,
            [
                "Wed", "03rd", "March", ",", "2021", "|", "05", ":", "00", "PM", "S", "-", "400s",
                "ünï", "😀", "x"
            ]
        );
    }

    #[test]
    fn optional_elements_backtrack() {
        const THE: El = El::Lit(&["the"]);
        const P: &[El] = &[El::Opt(&THE), El::Lit(&["the"]), El::Lit(&["end"])];
        let t = toks("the end");
        let m = match_at(P, &t, 0).expect("matches");
        assert_eq!((m.start, m.end), (0, 2));
        assert!(!m.has(0));
        assert_eq!(m.words(1), "the");
    }
}
