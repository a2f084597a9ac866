//! A tiny token-pattern engine: rules are sequences of token tests, matched
//! with backtracking over optional parts. It replaces a regex crate (wasm size)
//! and lets a pattern say "a month name" or "a number written in words"
//! directly, without spelling every variant out as text.
//!
//! Speed comes from not trying every rule everywhere: [`Index`] is derived
//! once from the rule table and maps a token to the rules that can start at
//! it, so most tokens ("said", "company") cost one hash look-up; tokens keep
//! their lower-case form as a borrowed slice, and a match keeps its parts in
//! a fixed array, so failed attempts allocate nothing.

use crate::text::Span;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// One token of the article: a run of letters and digits, or one other
/// non-space character.
#[derive(Debug, Clone)]
pub(crate) struct Tok<'a> {
    pub span: Span,
    pub text: &'a str,
    /// The text in lower case: a slice of the text itself when it has no
    /// capitals, else of the buffer [`tokenize`] fills.
    pub lower: &'a str,
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
/// Lower-case forms of tokens with capitals go into `lowered` (cleared
/// first), one buffer for the whole region instead of a string per token.
pub(crate) fn tokenize<'a>(text: &'a str, region: Span, lowered: &'a mut String) -> Vec<Tok<'a>> {
    lowered.clear();
    let mut toks = Vec::new();
    // (token index, range in `lowered`) of the tokens that need lowering.
    let mut moved: Vec<(usize, usize, usize)> = Vec::new();
    let slice = region.of(text);
    let mut run: Option<usize> = None;
    let mut gap = true;
    let mut push = |start: usize, end: usize, gap: bool, toks: &mut Vec<Tok<'a>>| {
        let span = Span::new(region.start + start, region.start + end);
        let piece = span.of(text);
        let capitals = if piece.is_ascii() {
            piece.bytes().any(|b| b.is_ascii_uppercase())
        } else {
            piece
                .chars()
                .any(|c| c.to_lowercase().ne(std::iter::once(c)))
        };
        if capitals {
            let from = lowered.len();
            if piece.is_ascii() {
                lowered.extend(piece.bytes().map(|b| char::from(b.to_ascii_lowercase())));
            } else {
                lowered.push_str(&piece.to_lowercase());
            }
            moved.push((toks.len(), from, lowered.len()));
        }
        toks.push(Tok {
            span,
            text: piece,
            lower: piece,
            gap,
            sentence: 0,
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
    let lowered: &'a String = lowered;
    for (k, from, to) in moved {
        if let (Some(tok), Some(lower)) = (toks.get_mut(k), lowered.get(from..to)) {
            tok.lower = lower;
        }
    }
    number_sentences(text, &mut toks);
    toks
}

/// Numbers the sentences of a token stream: a line break, or a full stop,
/// "!" or "?" (not closing "Mr." or "Sept.") followed by a space and a
/// capital, starts a new one. The tagger needs sentences only to scope a
/// verb's tense; UAX #29 segmentation of the text (`text::sentences`) took
/// a third of its time, and this pass over the tokens cut a TBAQ pass from
/// 37.0 to 25.7 ms (`cargo bench --bench timex`) with the same TBAQ and seed
/// scores.
fn number_sentences(text: &str, toks: &mut [Tok]) {
    let mut sentence = 0;
    let mut ended = false;
    for k in 0..toks.len() {
        if k > 0 {
            let between = text
                .get(toks[k - 1].span.end..toks[k].span.start)
                .unwrap_or("");
            let opens = toks[k].is_capitalised()
                || matches!(toks[k].text, "\"" | "“" | "'" | "‘" | "`" | "(")
                    && toks.get(k + 1).is_some_and(Tok::is_capitalised);
            if between.contains('\n') || ended && toks[k].gap && opens {
                sentence += 1;
            }
        }
        toks[k].sentence = sentence;
        let t = &toks[k];
        let closer = matches!(t.text, "\"" | "”" | "'" | "’" | ")" | "`");
        ended = match t.text {
            "!" | "?" => true,
            "." => {
                !(k > 0 && !t.gap && {
                    let word = &toks[k - 1];
                    text.get(word.span.start..t.span.end)
                        .is_some_and(crate::text::is_abbreviation)
                })
            }
            _ => ended && closer && !t.gap,
        };
    }
}

/// Which tokens an element can start with: lower-case words, and tokens
/// starting with an ASCII digit if `digits`. Declared next to a test or phrase
/// so the rule index can skip every other token; debug builds check each
/// successful step against it.
#[derive(Clone, Copy)]
pub(crate) struct First {
    /// The lower-case words (or symbols) it can start with.
    pub words: fn() -> Vec<&'static str>,
    /// True if it can also start with a token beginning with an ASCII digit.
    pub digits: bool,
}

impl First {
    /// True if `tok` is a token this element may start with.
    fn admits(&self, tok: &Tok) -> bool {
        (self.digits && starts_with_digit(tok)) || (self.words)().contains(&tok.lower)
    }
}

fn starts_with_digit(tok: &Tok) -> bool {
    tok.text.as_bytes().first().is_some_and(u8::is_ascii_digit)
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
    /// The element, which can only start with the tokens `First` names.
    /// An `Is` or `Phrase` that may begin a rule should be wrapped so, or the
    /// rule is tried at every token.
    Led(First, &'static El),
    /// The element, or nothing.
    Opt(&'static El),
}

/// The most elements a pattern may have.
pub(crate) const MAX_ELS: usize = 12;

/// A successful match: the token range of every pattern element (empty for a
/// skipped optional one).
pub(crate) struct Match<'t, 'a> {
    pub toks: &'t [Tok<'a>],
    /// Token range of each element; only the first `pattern.len()` are used.
    pub parts: [(usize, usize); MAX_ELS],
    pub start: usize,
    pub end: usize,
}

impl<'a> Match<'_, 'a> {
    /// The tokens of part `k`.
    pub(crate) fn part(&self, k: usize) -> &[Tok<'a>] {
        self.parts
            .get(k)
            .and_then(|&(s, e)| self.toks.get(s..e))
            .unwrap_or(&[])
    }

    /// The first token of part `k`, if the part matched anything.
    pub(crate) fn tok(&self, k: usize) -> Option<&Tok<'a>> {
        self.part(k).first()
    }

    /// Lower-case words of part `k` joined by single spaces.
    pub(crate) fn words(&self, k: usize) -> String {
        self.part(k)
            .iter()
            .map(|t| t.lower)
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
        self.start.checked_sub(1).and_then(|i| self.toks.get(i))
    }

    /// The token right after the match.
    pub(crate) fn after(&self) -> Option<&Tok<'a>> {
        self.toks.get(self.end)
    }

    /// The token `n` places after the match (1 = right after).
    pub(crate) fn after_n(&self, n: usize) -> Option<&Tok<'a>> {
        self.toks.get((self.end + n).checked_sub(1)?)
    }
}

/// Matches `pattern` at token `at`; the first solution found, trying the
/// longer alternative of each optional element first. Empty matches fail,
/// and so do patterns longer than [`MAX_ELS`].
pub(crate) fn match_at<'t, 'a>(
    pattern: &[El],
    toks: &'t [Tok<'a>],
    at: usize,
) -> Option<Match<'t, 'a>> {
    let mut parts = [(0, 0); MAX_ELS];
    let slots = parts.get_mut(..pattern.len())?;
    let end = solve(pattern, toks, at, slots)?;
    (end > at).then_some(Match {
        toks,
        parts,
        start: at,
        end,
    })
}

/// Fills `parts` (as long as `pattern`) with a solution; returns its end.
fn solve(pattern: &[El], toks: &[Tok], at: usize, parts: &mut [(usize, usize)]) -> Option<usize> {
    let (Some((first, rest)), Some((slot, later))) =
        (pattern.split_first(), parts.split_first_mut())
    else {
        return Some(at);
    };
    let (inner, optional) = match first {
        El::Opt(inner) => (*inner, true),
        other => (other, false),
    };
    if let Some(end) = step(inner, toks, at) {
        *slot = (at, end);
        if let Some(done) = solve(rest, toks, end, later) {
            return Some(done);
        }
    }
    if optional {
        *slot = (at, at);
        if let Some(done) = solve(rest, toks, at, later) {
            return Some(done);
        }
    }
    None
}

fn step(el: &El, toks: &[Tok], at: usize) -> Option<usize> {
    let tok = toks.get(at);
    match el {
        El::Lit(words) => tok.filter(|t| words.contains(&t.lower)).map(|_| at + 1),
        El::Is(test) => tok.filter(|t| test(t)).map(|_| at + 1),
        El::Phrase(phrase) => phrase(toks, at).filter(|&end| end > at && end <= toks.len()),
        El::Led(first, inner) => {
            let end = step(inner, toks, at);
            debug_assert!(
                end.is_none() || tok.is_some_and(|t| first.admits(t)),
                "a pattern element matched at {:?}, which its First does not name",
                tok.map(|t| t.text)
            );
            end
        }
        El::Opt(inner) => step(inner, toks, at),
    }
}

/// FNV-1a, for the short lower-case words the index is keyed by (the
/// standard SipHash is built for hostile keys and is slower here).
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// A set of rules, by position in the table (at most 128).
pub(crate) type RuleSet = u128;

/// The first-token dispatch table of a rule table: for each token, the rules
/// whose pattern can start there. Derived from the patterns (what each
/// possible first element can start with), never written by hand.
pub(crate) struct Index {
    by_word: HashMap<&'static str, RuleSet, BuildHasherDefault<Fnv>>,
    /// Rules that may start at a token beginning with an ASCII digit.
    digits: RuleSet,
    /// Rules with a first element that says nothing of its first token.
    always: RuleSet,
}

impl Index {
    /// Builds the index of `patterns` (at most 128, each at most
    /// [`MAX_ELS`] long; longer ones never match and are left out).
    pub(crate) fn new<'p>(patterns: impl IntoIterator<Item = &'p [El]>) -> Index {
        let mut index = Index {
            by_word: HashMap::default(),
            digits: 0,
            always: 0,
        };
        for (k, pattern) in patterns.into_iter().enumerate().take(128) {
            if pattern.len() > MAX_ELS {
                continue;
            }
            let bit: RuleSet = 1 << k;
            for el in pattern {
                let (el, optional) = match el {
                    El::Opt(inner) => (*inner, true),
                    other => (other, false),
                };
                index.add_first(el, bit);
                if !optional {
                    break;
                }
            }
        }
        index
    }

    fn add_first(&mut self, el: &El, bit: RuleSet) {
        match el {
            El::Lit(words) => {
                for w in *words {
                    *self.by_word.entry(w).or_default() |= bit;
                }
            }
            El::Led(first, _) => {
                for w in (first.words)() {
                    *self.by_word.entry(w).or_default() |= bit;
                }
                if first.digits {
                    self.digits |= bit;
                }
            }
            El::Opt(inner) => self.add_first(inner, bit),
            El::Is(_) | El::Phrase(_) => self.always |= bit,
        }
    }

    /// The rules tried at every token because a possible first element is
    /// an unwrapped `Is` or `Phrase` (a speed bug: wrap it in `El::Led`).
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) fn unguarded(&self) -> RuleSet {
        self.always
    }

    /// The rules that may start at `tok`.
    pub(crate) fn candidates(&self, tok: &Tok) -> RuleSet {
        let mut set = self.always | self.by_word.get(tok.lower).copied().unwrap_or(0);
        if starts_with_digit(tok) {
            set |= self.digits;
        }
        set
    }
}

/// The positions in `set`, lowest first.
pub(crate) fn members(mut set: RuleSet) -> impl Iterator<Item = usize> {
    std::iter::from_fn(move || {
        if set == 0 {
            return None;
        }
        let k = set.trailing_zeros() as usize;
        set &= set - 1;
        Some(k)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks<'a>(text: &'a str, buf: &'a mut String) -> Vec<Tok<'a>> {
        let all = Span::new(0, text.len());
        tokenize(text, all, buf)
    }

    #[test]
    fn sentences_end_at_stops_before_capitals_and_at_line_breaks() {
        let text = "Mr. Demir met the U.S. envoy on Sept. 3 in Ankara. \"Talks resume,\" he said! Then?\nA new line";
        let mut buf = String::new();
        let t = toks(text, &mut buf);
        let sentence_of = |word: &str| t.iter().find(|k| k.text == word).map(|k| k.sentence);
        assert_eq!(sentence_of("Mr"), Some(0));
        assert_eq!(sentence_of("Ankara"), Some(0));
        assert_eq!(sentence_of("Talks"), Some(1));
        assert_eq!(sentence_of("Then"), Some(2));
        assert_eq!(sentence_of("A"), Some(3));
    }

    #[test]
    fn tokens_split_letters_digits_and_symbols() {
        let text = "Wed 03rd March, 2021 | 05:00 PM S-400s ünï 😀x";
        let mut buf = String::new();
        let got: Vec<&str> = toks(text, &mut buf).iter().map(|t| t.text).collect();
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
        let mut buf = String::new();
        let t = toks("the end", &mut buf);
        let m = match_at(P, &t, 0).expect("matches");
        assert_eq!((m.start, m.end), (0, 2));
        assert!(!m.has(0));
        assert_eq!(m.words(1), "the");
    }
}
