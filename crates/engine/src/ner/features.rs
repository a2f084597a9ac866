//! Document preparation and feature extraction, shared verbatim by training
//! and recognition so the two can never disagree.
//!
//! Features are hashed strings (FNV-1a, 64 bit) so no vocabulary has to be
//! stored: the model keeps only the hashes of features that earned weight.
//!
//! Headlines get special care. Their capitalisation says nothing ("Turkey In
//! Negotiations With Russia", "JAPAN GET LUCKY WIN"), so each headline token
//! is *truecased* before its shape features are computed: first from how the
//! same word is written in the article's own running text, then from the
//! casing statistics the model learned, else it is left as is. The tagger then
//! sees "Turkey in negotiations with Russia" and uses the ordinary body-text
//! weights plus a few headline-conditioned ones.

use super::gazetteer;
use super::keys::{casing_key, fnv, FNV_OFFSET};
use super::tokens::tokenize_block;
use super::Segment;
use crate::text::Span;
use foldhash::{HashMap, HashSet};
use std::borrow::Cow;

/// One token as the tagger sees it.
pub(crate) struct Token<'a> {
    /// Bytes of the original text.
    pub span: Span,
    /// The original token text.
    pub raw: &'a str,
    /// Truecased form for headline tokens, else the original (borrowed:
    /// most tokens are not in headlines).
    pub view: Cow<'a, str>,
    /// Lower-cased form.
    pub lower: String,
    /// True when the token's capitalisation is uninformative.
    pub headline: bool,
}

/// A sentence of tokens.
pub(crate) type Sentence<'a> = Vec<Token<'a>>;

/// Looks up what the model learned about words and phrases.
pub(crate) trait Lexicon {
    /// Entity code of a lower-cased phrase hash (see [`entity_code`]).
    fn entity(&self, key: u64) -> Option<u8>;
    /// Casing code of a lower-cased word hash (see [`casing_code`]).
    fn casing(&self, key: u64) -> Option<u8>;
}

/// Hash of a one-part feature, as `sentence_features` computes it.
#[cfg(test)]
fn fhash(template: &str, value: &str) -> u64 {
    fnv(
        fnv(fnv(FNV_OFFSET, template.as_bytes()), &[0xff]),
        value.as_bytes(),
    )
}

// Only the trainer needs it.
#[cfg(feature = "train")]
/// Packs an entity-phrase distribution: majority coarse type (0..4) in the
/// low bits, then how dominant it is, then whether it was seen often.
pub(crate) fn entity_code(counts: [u32; 4]) -> Option<u8> {
    let total: u32 = counts.iter().sum();
    let (best, &n) = counts.iter().enumerate().max_by_key(|(_, &c)| c)?;
    if total == 0 {
        return None;
    }
    let share = n as f32 / total as f32;
    let conf = if share >= 0.9 {
        2
    } else if share >= 0.6 {
        1
    } else {
        0
    };
    Some(best as u8 | conf << 2 | u8::from(total >= 5) << 4)
}

// Only the trainer needs it.
#[cfg(feature = "train")]
/// Packs casing counts of a word: dominant form class (0 lower, 1 Title,
/// 2 UPPER, 3 mixed) and the capitalised share in eighths.
pub(crate) fn casing_code(counts: [u32; 4]) -> Option<u8> {
    let total: u32 = counts.iter().sum();
    let (best, _) = counts.iter().enumerate().max_by_key(|(_, &c)| c)?;
    if total == 0 {
        return None;
    }
    let caps = total - counts[0];
    let eighths = (caps * 7 + total / 2) / total;
    Some(best as u8 | (eighths as u8) << 2)
}

/// Casing class of a word: 0 lower, 1 Title, 2 UPPER, 3 other/mixed.
/// (One pass, no allocation: it runs several times per token.)
pub(crate) fn case_class(w: &str) -> usize {
    let mut letters = w.chars().filter(|c| c.is_alphabetic());
    let Some(first) = letters.next() else {
        return 3;
    };
    let (mut rest, mut all_lower, mut all_upper) = (false, true, true);
    for c in letters {
        rest = true;
        all_lower &= c.is_lowercase();
        all_upper &= c.is_uppercase();
    }
    if first.is_lowercase() && all_lower {
        0
    } else if first.is_uppercase() && all_lower {
        1
    } else if first.is_uppercase() && all_upper {
        if rest {
            2
        } else {
            1
        }
    } else {
        3
    }
}

fn has_alpha(w: &str) -> bool {
    w.chars().any(char::is_alphabetic)
}

fn is_all_caps_word(w: &str) -> bool {
    w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && case_class(w) == 2
}

/// True when a line reads like a headline or caption: mostly capitalised words.
fn looks_like_headline(tokens: &[&str]) -> bool {
    let words: Vec<&&str> = tokens.iter().filter(|t| has_alpha(t)).collect();
    if words.len() < 4 {
        return false;
    }
    let caps = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    let upper = words.iter().filter(|w| is_all_caps_word(w)).count();
    caps * 5 >= words.len() * 4 || upper * 5 >= words.len() * 3
}

/// Casing seen for one lower-cased word in an article's running text.
#[derive(Default)]
pub(crate) struct DocCasing {
    lower: u32,
    capital: u32,
    forms: HashMap<String, u32>,
}

/// Per-article statistics used by document-level features.
pub(crate) struct DocStats {
    casing: HashMap<String, DocCasing>,
    /// Adjacent capitalised word pairs of the running text ("defence",
    /// "industries"), so a headline's "Defence Industries" stays a name
    /// even though "defence" alone is usually lower case.
    /// Stored as [`pair_key`] hashes, so checking a pair allocates nothing.
    names: HashSet<u64>,
    /// The article reports sport (see [`sport_article`]): there a place's
    /// name is more often a team, an organisation.
    sport: bool,
}

impl DocStats {
    fn get(&self, lower: &str) -> Option<&DocCasing> {
        self.casing.get(lower)
    }
}

/// Tokenizes the segments of `text` into sentences, marks headline tokens,
/// truecases them and gathers the document statistics.
pub(crate) fn prepare<'a>(
    text: &'a str,
    segments: &[Segment],
    lex: &dyn Lexicon,
) -> (Vec<Sentence<'a>>, DocStats) {
    let mut sentences: Vec<Sentence<'a>> = Vec::new();
    for seg in segments {
        if text.get(seg.span.range()).is_none() {
            continue;
        }
        let seg_tokens = tokenize_block(text, seg.span);
        let raws: Vec<&str> = seg_tokens.iter().map(|s| s.of(text)).collect();
        let headline = seg.headline || looks_like_headline(&raws);
        let mut toks: Vec<Token<'a>> = Vec::new();
        for (k, &span) in seg_tokens.iter().enumerate() {
            let raw = span.of(text);
            if k > 0 && breaks_before(text, &seg_tokens, k) || toks.len() >= MAX_SENTENCE {
                mark_caps_runs(&mut toks);
                sentences.push(std::mem::take(&mut toks));
            }
            toks.push(Token {
                span,
                raw,
                view: Cow::Borrowed(raw),
                lower: raw.to_lowercase(),
                headline,
            });
        }
        if !toks.is_empty() {
            mark_caps_runs(&mut toks);
            sentences.push(toks);
        }
    }
    let stats = doc_stats(&sentences);
    for sent in &mut sentences {
        let keep: Vec<bool> = (0..sent.len())
            .map(|i| {
                let pair = |a: usize, b: usize| {
                    b < sent.len()
                        && stats
                            .names
                            .contains(&pair_key(&sent[a].lower, &sent[b].lower))
                };
                pair(i, i + 1) || (i > 0 && pair(i - 1, i))
            })
            .collect();
        for (tok, keep) in sent.iter_mut().zip(keep) {
            if tok.headline && has_alpha(tok.raw) {
                tok.view = Cow::Owned(if keep {
                    stats
                        .get(&tok.lower)
                        .and_then(|d| {
                            d.forms
                                .iter()
                                .filter(|(f, _)| case_class(f) != 0)
                                .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                        })
                        .map_or_else(|| title_case(&tok.lower), |(f, _)| f.clone())
                } else {
                    truecase(tok, &stats, lex)
                });
            }
        }
    }
    (sentences, stats)
}

/// Longest sentence handed to the decoder; longer runs (tables, lists with
/// no punctuation) are cut so memory and time stay linear in the input.
const MAX_SENTENCE: usize = 250;

/// True when a sentence starts at token `k`: after a line break, or after a
/// `.`/`!`/`?` token (and any closing quotes or brackets) when the next
/// token starts a new sentence. Abbreviations keep their period inside the
/// token ("U.S.", "E."), so they never end a sentence here — unlike UAX #29,
/// which splits "U.S. Open" and "E. Auchard".
fn breaks_before(text: &str, toks: &[Span], k: usize) -> bool {
    let gap = &text[toks[k - 1].end..toks[k].start];
    if gap.contains('\n') {
        return true;
    }
    let mut j = k;
    while j > 0 && matches!(toks[j - 1].of(text), "\"" | "'" | "”" | "’" | ")" | "]") {
        j -= 1;
    }
    let ends = j > 0 && matches!(toks[j - 1].of(text), "." | "!" | "?");
    let next = toks[k].of(text).chars().next();
    ends && next.is_some_and(|c| c.is_uppercase() || c.is_numeric() || "\"“'‘(".contains(c))
}

/// Marks runs of three or more ALL-CAPS words (captions, credits) as headline text.
fn mark_caps_runs(toks: &mut [Token<'_>]) {
    let mut run: Vec<usize> = Vec::new();
    let flush = |run: &mut Vec<usize>, toks: &mut [Token<'_>]| {
        if run.len() >= 3 {
            for &k in run.iter() {
                toks[k].headline = true;
            }
        }
        run.clear();
    };
    for k in 0..toks.len() {
        let letter = toks[k].raw.chars().count() == 1 && case_class(toks[k].raw) == 1;
        if is_all_caps_word(toks[k].raw) || (letter && !run.is_empty()) {
            run.push(k);
        } else if has_alpha(toks[k].raw) {
            flush(&mut run, toks);
        }
    }
    flush(&mut run, toks);
}

/// True when token `i` starts its sentence (ignoring leading punctuation).
pub(crate) fn sentence_initial(sent: &[Token<'_>], i: usize) -> bool {
    i <= first_word(sent)
}

/// Index of the first token with a letter or digit (the length if none):
/// tokens up to it are sentence-initial. Per-token loops compute it once.
fn first_word(sent: &[Token<'_>]) -> usize {
    sent.iter()
        .position(|t| t.raw.chars().any(char::is_alphanumeric))
        .unwrap_or(sent.len())
}

/// Hash of two adjacent lower-cased words.
fn pair_key(a: &str, b: &str) -> u64 {
    fnv(fnv(fnv(FNV_OFFSET, a.as_bytes()), b"\xff"), b.as_bytes())
}

fn doc_stats(sentences: &[Sentence<'_>]) -> DocStats {
    let mut casing: HashMap<String, DocCasing> = HashMap::default();
    let mut names = HashSet::default();
    for sent in sentences {
        for w in sent.windows(2) {
            let cap = |t: &Token<'_>| !t.headline && matches!(case_class(t.raw), 1 | 2);
            if cap(&w[0]) && cap(&w[1]) {
                names.insert(pair_key(&w[0].lower, &w[1].lower));
            }
        }
        let first = first_word(sent);
        for (i, t) in sent.iter().enumerate() {
            if t.headline || !has_alpha(t.raw) || i <= first {
                continue;
            }
            // Look up before inserting: most words repeat, and `entry`
            // would allocate their key every time.
            if !casing.contains_key(t.lower.as_str()) {
                casing.insert(t.lower.clone(), DocCasing::default());
            }
            let Some(e) = casing.get_mut(t.lower.as_str()) else {
                continue;
            };
            if case_class(t.raw) == 0 {
                e.lower += 1;
            } else {
                e.capital += 1;
            }
            match e.forms.get_mut(t.raw) {
                Some(n) => *n += 1,
                None => {
                    e.forms.insert(t.raw.to_string(), 1);
                }
            }
        }
    }
    let sport = sport_article(sentences);
    DocStats {
        casing,
        names,
        sport,
    }
}

/// Words of sports reports, in any sport.
const SPORT_WORDS: &[&str] = &[
    "soccer",
    "football",
    "cricket",
    "rugby",
    "tennis",
    "golf",
    "basketball",
    "baseball",
    "hockey",
    "goal",
    "goals",
    "scored",
    "striker",
    "midfielder",
    "defender",
    "goalkeeper",
    "coach",
    "innings",
    "wickets",
    "wicket",
    "touchdown",
    "quarterback",
    "playoffs",
    "playoff",
    "inning",
    "homer",
    "rebounds",
    "league",
    "cup",
    "final",
    "semi-final",
    "quarter-final",
    "match",
    "matches",
    "season",
    "halftime",
    "half-time",
    "overtime",
    "draw",
    "drew",
    "beat",
    "champions",
    "title",
    "tournament",
    "fixture",
    "fixtures",
    "standings",
    "innings",
];

/// True when an article reads like a sports report: three or more sports
/// words, or a score ("4-1", "103-90") and one sports word.
fn sport_article(sentences: &[Sentence<'_>]) -> bool {
    let (mut words, mut scores) = (0usize, 0usize);
    for t in sentences.iter().flatten() {
        if SPORT_WORDS.contains(&t.lower.as_str()) {
            words += 1;
        } else if let Some((a, b)) = t.raw.split_once('-') {
            let small =
                |x: &str| (1..=3).contains(&x.len()) && x.bytes().all(|c| c.is_ascii_digit());
            if small(a) && small(b) {
                scores += 1;
            }
        }
        if words >= 3 || (words >= 1 && scores >= 1) {
            return true;
        }
    }
    false
}

fn title_case(lower: &str) -> String {
    let mut cs = lower.chars();
    match cs.next() {
        Some(c) => c.to_uppercase().chain(cs).collect(),
        None => String::new(),
    }
}

/// The likely running-text form of a headline token.
fn truecase(tok: &Token<'_>, stats: &DocStats, lex: &dyn Lexicon) -> String {
    if let Some(d) = stats.get(&tok.lower) {
        if d.lower >= d.capital {
            return tok.lower.clone();
        }
        if let Some((form, _)) = d
            .forms
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
        {
            return form.clone();
        }
    }
    match lex.casing(casing_key(&tok.lower)).map(|c| c & 3) {
        Some(0) => tok.lower.clone(),
        Some(1) => title_case(&tok.lower),
        Some(2) => tok.lower.to_uppercase(),
        _ => tok.raw.to_string(),
    }
}

/// Word shape: letters to X/x, digits to d, runs longer than two collapsed
/// in the short form. Appends the long and short shapes of `w` to `long`
/// and `short`, so a sentence's shapes share two buffers ([`Shapes`]).
fn push_shapes(w: &str, long: &mut String, short: &mut String) {
    let mut last = '\0';
    let mut run = 0;
    for c in w.chars().take(24) {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_alphabetic() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        long.push(s);
        if s == last {
            run += 1;
        } else {
            run = 1;
            last = s;
        }
        if run <= 1 {
            short.push(s);
        }
    }
}

/// The long and short shapes of every token of a sentence, in two buffers
/// rather than two strings per token.
struct Shapes {
    long: String,
    short: String,
    /// Where each token's long and short shapes end.
    ends: Vec<(usize, usize)>,
}

impl Shapes {
    fn of(sent: &[Token<'_>]) -> Shapes {
        let mut shapes = Shapes {
            long: String::new(),
            short: String::new(),
            ends: Vec::with_capacity(sent.len()),
        };
        for t in sent {
            push_shapes(&t.view, &mut shapes.long, &mut shapes.short);
            shapes.ends.push((shapes.long.len(), shapes.short.len()));
        }
        shapes
    }

    /// Long and short shape of token `k`.
    fn get(&self, k: usize) -> (&str, &str) {
        let (l0, s0) = if k == 0 { (0, 0) } else { self.ends[k - 1] };
        let (l1, s1) = self.ends[k];
        (&self.long[l0..l1], &self.short[s0..s1])
    }
}

/// Coarse gazetteer position tags: B, I, L, U.
const POS: [&str; 4] = ["B", "I", "L", "U"];

/// Greedy longest-match of phrases (up to `MAX_PHRASE` tokens) whose first
/// and last tokens are capitalised or numeric; returns per-token (position, value).
pub(crate) fn match_phrases(
    sent: &[Token<'_>],
    lookup: &dyn Fn(u64) -> Option<u8>,
) -> Vec<Option<(usize, u8)>> {
    const MAX_PHRASE: usize = 6;
    let mut out = vec![None; sent.len()];
    let starts_cap = |t: &Token<'_>| {
        t.view
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_numeric())
    };
    let mut i = 0;
    while i < sent.len() {
        if !starts_cap(&sent[i]) {
            i += 1;
            continue;
        }
        let mut best: Option<(usize, u8)> = None;
        let mut h = fnv(FNV_OFFSET, b"E\xff");
        for (j, tok) in sent.iter().enumerate().take(i + MAX_PHRASE).skip(i) {
            if j > i {
                h = fnv(h, b" ");
            }
            h = fnv(h, tok.lower.as_bytes());
            if starts_cap(tok) {
                if let Some(v) = lookup(h) {
                    best = Some((j, v));
                }
            }
        }
        match best {
            Some((j, v)) => {
                for (k, slot) in out.iter_mut().enumerate().take(j + 1).skip(i) {
                    let p = if i == j {
                        3
                    } else if k == i {
                        0
                    } else if k == j {
                        2
                    } else {
                        1
                    };
                    *slot = Some((p, v));
                }
                i = j + 1;
            }
            None => i += 1,
        }
    }
    out
}

/// Words that may join capitalised words inside one name.
const CONNECTORS: &[&str] = &["of", "and", "&", "for", "de", "the", "on", "'s"];

/// For each token inside a run of two or more capitalised words (connectors
/// allowed between them), its position in the run and the run's last token.
/// The head word decides the type of the whole run: "… Ministry of
/// Defense", "… Armed Forces", "… Military District" are organisations
/// whatever the first word is.
fn name_runs(sent: &[Token<'_>]) -> Vec<Option<(usize, usize)>> {
    let cap = |t: &Token<'_>| t.view.chars().next().is_some_and(char::is_uppercase);
    let mut out = vec![None; sent.len()];
    let mut i = 0;
    while i < sent.len() {
        if !cap(&sent[i]) {
            i += 1;
            continue;
        }
        let mut j = i;
        loop {
            if j + 1 < sent.len() && cap(&sent[j + 1]) {
                j += 1;
            } else if j + 2 < sent.len()
                && CONNECTORS.contains(&sent[j + 1].lower.as_str())
                && cap(&sent[j + 2])
            {
                j += 2;
            } else {
                break;
            }
        }
        if j > i {
            for (k, slot) in out.iter_mut().enumerate().take(j + 1).skip(i) {
                let p = if k == i {
                    0
                } else if k == j {
                    2
                } else {
                    1
                };
                *slot = Some((p, j));
            }
        }
        i = j + 1;
    }
    out
}

/// Extracts the hashed features of every token of `sent`, one list per
/// token (the trainer's view; see [`each_feature`]).
#[cfg(any(test, feature = "train"))]
pub(crate) fn sentence_features(
    sent: &[Token<'_>],
    stats: &DocStats,
    lex: &dyn Lexicon,
) -> Vec<Vec<u64>> {
    let mut all: Vec<Vec<u64>> = (0..sent.len()).map(|_| Vec::with_capacity(48)).collect();
    each_feature(sent, stats, lex, |i, f| all[i].push(f));
    all
}

/// Calls `emit(token index, feature hash)` for every feature of every token
/// of `sent`, in token order. The recognizer scores features as they come,
/// so tagging allocates no feature lists.
pub(crate) fn each_feature(
    sent: &[Token<'_>],
    stats: &DocStats,
    lex: &dyn Lexicon,
    mut emit: impl FnMut(usize, u64),
) {
    let n = sent.len();
    let learned = match_phrases(sent, &|k| lex.entity(k));
    let places = match_phrases(sent, &|k| gazetteer::place(k).then_some(0));
    let shape_of = Shapes::of(sent);
    let word = |k: isize| -> &str {
        if k < 0 {
            "<s>"
        } else if k as usize >= n {
            "</s>"
        } else {
            &sent[k as usize].lower
        }
    };
    let short = |k: isize| -> &str {
        if k < 0 {
            "<s>"
        } else if k as usize >= n {
            "</s>"
        } else {
            shape_of.get(k as usize).1
        }
    };
    let runs = name_runs(sent);
    let first = first_word(sent);
    for (i, tok) in sent.iter().enumerate() {
        let ii = i as isize;
        // Each feature hashes its template and value parts without allocating.
        let mut add = |t: &str, parts: &[&[u8]]| {
            let mut h = fnv(fnv(FNV_OFFSET, t.as_bytes()), &[0xff]);
            for (k, p) in parts.iter().enumerate() {
                if k > 0 {
                    h = fnv(h, b"|");
                }
                h = fnv(h, p);
            }
            emit(i, h);
        };
        let lower = tok.lower.as_str();
        let (long_shape, short_shape) = shape_of.get(i);
        let (long_shape, short_shape) = (long_shape.as_bytes(), short_shape.as_bytes());
        let initial: &[u8] = if i <= first { b"1" } else { b"0" };
        let hl: &[u8] = if tok.headline { b"h" } else { b"b" };
        let lw = lower.as_bytes();
        add("bias", &[]);
        add("w", &[lw]);
        add("W", &[tok.view.as_bytes()]);
        if !lower.is_empty() {
            // Prefixes and suffixes of one to four characters.
            let ends = lower.char_indices().map(|(b, _)| b).skip(1);
            for end in ends.chain([lower.len()]).take(4) {
                add("p", &[&lw[..end]]);
            }
            for (start, _) in lower.char_indices().rev().take(4) {
                add("s", &[&lw[start..]]);
            }
        }
        let n_chars = lower.chars().count();
        add("sh", &[long_shape]);
        add("ss", &[short_shape]);
        let (wm1, wp1) = (word(ii - 1).as_bytes(), word(ii + 1).as_bytes());
        add("w-1", &[wm1]);
        add("w+1", &[wp1]);
        add("w-2", &[word(ii - 2).as_bytes()]);
        add("w+2", &[word(ii + 2).as_bytes()]);
        add("ww-1", &[wm1, lw]);
        add("ww+1", &[lw, wp1]);
        add("w-1s", &[wm1, short_shape]);
        add("sw+1", &[short_shape, wp1]);
        let (sm1, sp1) = (short(ii - 1).as_bytes(), short(ii + 1).as_bytes());
        add("ss-1", &[sm1]);
        add("ss+1", &[sp1]);
        add("sss", &[sm1, short_shape, sp1]);
        add("init", &[initial, short_shape, hl]);
        add("hl", &[hl, short_shape]);
        if n_chars <= 4 && case_class(&tok.view) == 2 {
            add("acr", &[&[n_chars as u8]]);
        }
        let cc: &[u8] = &lex.casing(casing_key(lower)).map_or([255], |c| [c]);
        add("cc", &[cc]);
        add("cci", &[cc, initial, hl, short_shape]);
        let dc: &[u8] = match stats.get(lower) {
            Some(d) if d.capital > 0 && d.lower == 0 => b"C",
            Some(d) if d.capital == 0 => b"l",
            Some(_) => b"m",
            None => b"-",
        };
        add("dc", &[dc, initial, hl, short_shape]);
        match learned[i] {
            Some((p, v)) => {
                let pos = POS[p].as_bytes();
                add("gz", &[pos, &[v]]);
                add("gzt", &[pos, &[v & 3]]);
                add("gzs", &[pos, &[v & 3], short_shape]);
            }
            None => add("gz", &[b"-"]),
        }
        for (d, name) in [(-1isize, "gz-1"), (1, "gz+1")] {
            let k = ii + d;
            if k >= 0 && (k as usize) < n {
                if let Some((p, v)) = learned[k as usize] {
                    add(name, &[POS[p].as_bytes(), &[v & 3]]);
                }
            }
        }
        if let Some((p, last)) = runs[i] {
            let head = sent[last].lower.as_bytes();
            add("rh", &[head]);
            add("rhp", &[POS[p].as_bytes(), head]);
        }
        if let Some((p, _)) = places[i] {
            add("pl", &[POS[p].as_bytes()]);
            if stats.sport {
                add("pls", &[POS[p].as_bytes()]);
            }
        }
        if stats.sport {
            add("sp", &[short_shape, initial]);
            if let Some((p, v)) = learned[i] {
                add("gzsp", &[POS[p].as_bytes(), &[v & 3]]);
            }
        }
        if gazetteer::is_demonym(lower) {
            add("dm", &[]);
        }
        if gazetteer::is_designator(tok.raw) {
            add("dsg", &[]);
        }
    }
}

/// Second-pass (stacked) document features, after Krishnan & Manning
/// (2006) and Ratinov & Roth (2009): what the *first* pass of the same
/// model said about other occurrences of a token in the article. A name
/// typed confidently in its telling context ("Foreign Minister Ismail
/// Demir") lends that type to the bare or headline mentions elsewhere.
/// Unlike the hard rules of the consistency pass these are weighted
/// features, so the model learns how far to trust first-pass agreement
/// (the trainer fits them on jack-knifed first-pass output, which is as
/// noisy as at run time). `paths` are the first-pass BILOU tag paths, one
/// per sentence; `emit(sentence, token, feature)` gets each feature.
pub(crate) fn each_doc_feature(
    sentences: &[Sentence<'_>],
    paths: &[Vec<usize>],
    mut emit: impl FnMut(usize, usize, u64),
) {
    use super::perceptron::{spans, untag, Pos};
    // Per lower-cased word: first-pass label counts (0 = O, 1 + type) and
    // how often it started an entity.
    let mut words: HashMap<&str, ([u32; 5], u32)> = HashMap::default();
    // Per lower-cased first-pass entity phrase: type counts.
    let mut phrases: HashMap<String, [u32; 4]> = HashMap::default();
    let label = |t: usize| untag(t).map_or(0, |(_, ty)| ty + 1);
    let starts = |t: usize| matches!(untag(t), Some((Pos::Begin | Pos::Unit, _)));
    let mut ents: Vec<Vec<(usize, usize, usize)>> = Vec::with_capacity(sentences.len());
    for (sent, path) in sentences.iter().zip(paths) {
        for (tok, &t) in sent.iter().zip(path) {
            if has_alpha(tok.raw) {
                let e = words.entry(tok.lower.as_str()).or_default();
                e.0[label(t)] += 1;
                e.1 += u32::from(starts(t));
            }
        }
        let es = spans(path);
        for &(s, e, ty) in &es {
            phrases.entry(phrase_of(sent, s, e)).or_default()[ty] += 1;
        }
        ents.push(es);
    }
    // Types each word was tagged with so far in document order.
    let mut seen: HashMap<&str, u8> = HashMap::default();
    for (si, (sent, path)) in sentences.iter().zip(paths).enumerate() {
        let mut feat = |i: usize, t: &str, parts: &[&[u8]]| {
            let mut h = fnv(fnv(FNV_OFFSET, t.as_bytes()), &[0xff]);
            for (k, p) in parts.iter().enumerate() {
                if k > 0 {
                    h = fnv(h, b"|");
                }
                h = fnv(h, p);
            }
            emit(si, i, h);
        };
        let mut in_ent: Vec<Option<(usize, usize, usize)>> = vec![None; sent.len()];
        for &(s, e, ty) in &ents[si] {
            for slot in &mut in_ent[s..=e] {
                *slot = Some((s, e, ty));
            }
        }
        for (i, (tok, &t)) in sent.iter().zip(path).enumerate() {
            if !has_alpha(tok.raw) {
                continue;
            }
            let own = label(t);
            let hl: &[u8] = if tok.headline { b"h" } else { b"b" };
            let cap: &[u8] = if tok.view.chars().next().is_some_and(char::is_uppercase) {
                b"C"
            } else {
                b"l"
            };
            if let Some((counts, st)) = words.get(tok.lower.as_str()) {
                let mut others = *counts;
                others[own] -= 1;
                let total: u32 = others.iter().sum();
                if total > 0 {
                    let (maj, n) = majority(&others);
                    let conf = if n == total {
                        b'a'
                    } else if n * 2 > total {
                        b'm'
                    } else {
                        b'p'
                    };
                    feat(i, "dtm", &[&[maj as u8, conf]]);
                    feat(i, "dtmc", &[&[maj as u8, conf], cap, hl]);
                    feat(i, "dtmo", &[&[maj as u8, own as u8]]);
                    let ent_n = total - others[0];
                    if ent_n > 0 && maj == 0 {
                        // Some other occurrences are entities though most are not.
                        let (ety, _) = majority(&others[1..]);
                        feat(i, "dte", &[&[ety as u8], cap, hl]);
                    }
                    let own_start = u32::from(starts(t));
                    let ostart = st - own_start;
                    if ent_n > 0 {
                        let b = if ostart == 0 {
                            b'0'
                        } else if ostart == ent_n {
                            b'1'
                        } else {
                            b'h'
                        };
                        feat(i, "dst", &[&[b], cap]);
                    }
                }
            }
            if let Some((s, e, ty)) = in_ent[i] {
                if let Some(c) = phrases.get(&phrase_of(sent, s, e)) {
                    let mut others = *c;
                    others[ty] -= 1;
                    let total: u32 = others.iter().sum();
                    if total > 0 {
                        let (maj, n) = majority(&others);
                        let conf = if n == total { b'a' } else { b'm' };
                        feat(i, "dph", &[&[maj as u8, ty as u8, conf]]);
                    }
                }
            }
            if let Some(&mask) = seen.get(tok.lower.as_str()) {
                for ty in 0..4u8 {
                    if mask & (1 << ty) != 0 {
                        feat(i, "dpv", &[&[ty], cap]);
                    }
                }
            }
        }
        for (tok, &t) in sent.iter().zip(path) {
            if let Some((_, ty)) = untag(t) {
                *seen.entry(tok.lower.as_str()).or_default() |= 1 << ty;
            }
        }
    }
}

/// Lower-cased phrase of tokens `s..=e`, space-joined.
fn phrase_of(sent: &[Token<'_>], s: usize, e: usize) -> String {
    let mut p = String::new();
    for (k, t) in sent[s..=e].iter().enumerate() {
        if k > 0 {
            p.push(' ');
        }
        p.push_str(&t.lower);
    }
    p
}

/// The most frequent index of `counts` (the lowest on ties) and its count.
fn majority(counts: &[u32]) -> (usize, u32) {
    counts
        .iter()
        .enumerate()
        .max_by_key(|&(k, &c)| (c, std::cmp::Reverse(k)))
        .map_or((0, 0), |(k, &c)| (k, c))
}

#[cfg(test)]
mod tests;
