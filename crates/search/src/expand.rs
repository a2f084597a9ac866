//! From a typed word to the dictionary terms it stands for: itself, the
//! words it starts (while it is being typed) and, when those are few, the
//! words one or two typos away. Edit distance is a Levenshtein automaton run
//! over the `fst` dictionary (Schulz and Mihov's construction, as in the
//! `levenshtein_automata` crate tantivy uses; its builder is made once and
//! each word's automaton then costs microseconds, where `fst`'s own
//! `Levenshtein` rebuilds its automaton from scratch for every word).

use crate::builder::PREFIX_TERMS;
use crate::index::SearchIndex;
use crate::query::Word;
use fst::automaton::{Automaton, Str};
use levenshtein_automata::{Distance, LevenshteinAutomatonBuilder, DFA, SINK_STATE};
use std::sync::OnceLock;

/// A dictionary term standing for a typed word, and how much a match on it
/// counts next to a match on the word itself.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Expansion {
    pub ordinal: u32,
    pub weight: f32,
}

/// Typos are looked for only when the word's own matches are fewer than
/// this many articles (as Meilisearch does): a word that finds plenty is
/// what was meant.
pub const FEW_ARTICLES: u32 = 20;

const PREFIX_WEIGHT: f32 = 0.8;
/// A typo's candidate terms are kept if at least this share (1 in N) as
/// frequent as the most frequent candidate.
const TYPO_SHARE: u32 = 4;
const TYPO_WEIGHTS: [f32; 3] = [1.0, 0.5, 0.3];
/// Terms a prefix may scan in the dictionary before keeping its best ones.
const PREFIX_SCAN: usize = 512;
/// Terms a prefix or typo stands for at most (the most frequent ones).
const MAX_EXPANSIONS: usize = 24;

/// Typos a word of this many characters tolerates: one from 5, two from 9
/// (Meilisearch's defaults), and one for a 4-letter word, which is often a
/// 5-letter one missing a letter ("stte", "grup"); it is only tried when
/// the word itself finds few articles.
pub fn typo_budget(term: &str) -> u8 {
    match term.chars().count() {
        0..=3 => 0,
        4..=8 => 1,
        _ => 2,
    }
}

/// The terms `word` stands for.
pub fn expand(index: &SearchIndex, word: &Word) -> Vec<Expansion> {
    let mut out: Vec<Expansion> = index
        .lookup(&word.term)
        .map(|ordinal| Expansion {
            ordinal,
            weight: 1.0,
        })
        .into_iter()
        .collect();
    if word.prefix {
        let completions = match index.popular(&word.term) {
            Some(listed) => listed.to_vec(),
            None => most_frequent(
                index,
                index.matching(Str::new(&word.term).starts_with(), PREFIX_SCAN),
            ),
        };
        add(index, &mut out, completions, PREFIX_WEIGHT);
    }
    let found: u32 = out.iter().map(|e| index.term(e.ordinal).df).sum();
    let budget = typo_budget(&word.term);
    if budget > 0 && found < FEW_ARTICLES {
        let dfa = automaton(&word.term, budget, word.prefix);
        let near: Vec<(u8, u32)> = typo_candidates(index, &word.term, &dfa, word.prefix)
            .into_iter()
            .filter(|&o| !out.iter().any(|e| e.ordinal == o))
            .map(|o| (typo_distance(index, &dfa, o, word.prefix).max(1), o))
            .collect();
        // Fewer typos first (as Meilisearch ranks), and among those a
        // misspelling was most likely meant as a common word ("polce" is
        // police, not pole): rare neighbours would win on idf alone.
        let fewest = near.iter().map(|&(d, _)| d).min().unwrap_or(0);
        let closest: Vec<u32> = near
            .iter()
            .filter(|&&(d, _)| d == fewest)
            .map(|&(_, o)| o)
            .collect();
        let most = closest.iter().map(|&o| index.term(o).df).max().unwrap_or(0);
        let prefix = if word.prefix { PREFIX_WEIGHT } else { 1.0 };
        let weight = TYPO_WEIGHTS[usize::from(fewest.min(2))] * prefix;
        let common = closest
            .into_iter()
            .filter(|&o| index.term(o).df.saturating_mul(TYPO_SHARE) >= most)
            .collect();
        add(index, &mut out, common, weight);
    }
    out
}

/// The dictionary's closest frequent term to `term` within one typo more
/// than search tolerates (at most two), for "did you mean" when nothing
/// was found.
pub fn closest(index: &SearchIndex, term: &str) -> Option<String> {
    let budget = (typo_budget(term) + 1).min(2);
    let dfa = automaton(term, budget, false);
    let best = typo_candidates(index, term, &dfa, false)
        .into_iter()
        .map(|o| {
            (
                typo_distance(index, &dfa, o, false),
                std::cmp::Reverse(index.term(o).df),
                o,
            )
        })
        .min()?;
    Some(index.term_text(best.2))
}

/// Terms the automaton accepts. Most misspellings keep the first letter
/// (Pollock and Zamora, 1984: 7% do not), and holding it walks a small
/// part of the dictionary where two typos anywhere would walk most of it
/// (10x faster here); only if that finds nothing is the first letter let go,
/// with one typo.
fn typo_candidates(index: &SearchIndex, term: &str, dfa: &DFA, prefix: bool) -> Vec<u32> {
    let first = term.chars().next().map(String::from).unwrap_or_default();
    let same_start = Str::new(&first).starts_with().intersection(Typo(dfa));
    let found = index.matching(same_start, PREFIX_SCAN);
    if !found.is_empty() {
        return found;
    }
    let one = automaton(term, 1, prefix);
    index.matching(Typo(&one), PREFIX_SCAN)
}

/// The [`PREFIX_TERMS`] most frequent of `ordinals`: a prefix stands for
/// its likeliest completions, so its cost does not grow with the corpus's
/// vocabulary.
fn most_frequent(index: &SearchIndex, mut ordinals: Vec<u32>) -> Vec<u32> {
    ordinals.sort_by_key(|&o| std::cmp::Reverse(index.term(o).df));
    ordinals.truncate(PREFIX_TERMS);
    ordinals
}

fn add(index: &SearchIndex, out: &mut Vec<Expansion>, ordinals: Vec<u32>, weight: f32) {
    for ordinal in ordinals {
        if !out.iter().any(|e| e.ordinal == ordinal) {
            out.push(Expansion { ordinal, weight });
        }
    }
    keep_most_frequent(index, out);
}

/// Keeps the word itself (first) and the most frequent other terms.
fn keep_most_frequent(index: &SearchIndex, out: &mut Vec<Expansion>) {
    if out.len() > MAX_EXPANSIONS {
        out[1..].sort_by_key(|e| std::cmp::Reverse(index.term(e.ordinal).df));
        out.truncate(MAX_EXPANSIONS);
    }
}

fn automaton(term: &str, distance: u8, prefix: bool) -> DFA {
    static BUILDERS: OnceLock<[LevenshteinAutomatonBuilder; 2]> = OnceLock::new();
    let builders = BUILDERS.get_or_init(|| {
        [
            LevenshteinAutomatonBuilder::new(1, true),
            LevenshteinAutomatonBuilder::new(2, true),
        ]
    });
    let builder = &builders[usize::from(distance.clamp(1, 2) - 1)];
    if prefix {
        builder.build_prefix_dfa(term)
    } else {
        builder.build_dfa(term)
    }
}

/// Edits between the typed word and a term the automaton accepted.
fn typo_distance(index: &SearchIndex, dfa: &DFA, ordinal: u32, prefix: bool) -> u8 {
    let text = index.term_text(ordinal);
    let mut state = dfa.initial_state();
    let mut best = u8::MAX;
    for &b in text.as_bytes() {
        state = dfa.transition(state, b);
        if prefix {
            if let Distance::Exact(d) = dfa.distance(state) {
                best = best.min(d);
            }
        }
    }
    match dfa.distance(state) {
        Distance::Exact(d) => best.min(d),
        Distance::AtLeast(_) => best,
    }
}

/// A Levenshtein DFA as an `fst` automaton.
struct Typo<'a>(&'a DFA);

impl Automaton for Typo<'_> {
    type State = u32;

    fn start(&self) -> u32 {
        self.0.initial_state()
    }

    fn is_match(&self, state: &u32) -> bool {
        matches!(self.0.distance(*state), Distance::Exact(_))
    }

    fn can_match(&self, state: &u32) -> bool {
        *state != SINK_STATE
    }

    fn accept(&self, state: &u32, byte: u8) -> u32 {
        self.0.transition(*state, byte)
    }
}
