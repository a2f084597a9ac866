//! Answering a query: every word must match (through any of the terms it
//! stands for), excluded terms must not, and matches are scored with BM25F
//! (Robertson and Zaragoza, "The Probabilistic Relevance Framework"): a
//! word in the title or in an entity's name counts more than one in the
//! body, and the newer article wins a tie.

use crate::expand::{closest, expand, Expansion};
use crate::index::SearchIndex;
use crate::postings::Posting;
use crate::query::Query;
use std::cmp::Ordering;

const K1: f32 = 1.2;
const B: f32 = 0.75;
const TITLE_WEIGHT: f32 = 3.0;
const ENTITY_WEIGHT: f32 = 2.0;
const TEXT_WEIGHT: f32 = 1.0;
/// Words past this many in one query are ignored (a paste of a paragraph).
pub const MAX_WORDS: usize = 32;

/// The terms a query will read: work decided from the dictionary alone, so
/// the page can load the shards it needs before running it.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    /// For each required word, the terms it stands for.
    pub groups: Vec<Vec<Expansion>>,
    pub excluded: Vec<u32>,
}

impl Plan {
    /// Plans `query` against `index`.
    pub fn new(index: &SearchIndex, query: &Query) -> Plan {
        let groups = query
            .words
            .iter()
            .take(MAX_WORDS)
            .map(|w| expand(index, w))
            .collect();
        let excluded = query
            .excluded
            .iter()
            .filter_map(|t| index.lookup(t))
            .collect();
        Plan { groups, excluded }
    }

    /// Every term ordinal the plan reads.
    pub fn ordinals(&self) -> Vec<u32> {
        let required = self.groups.iter().flatten().map(|e| e.ordinal);
        required.chain(self.excluded.iter().copied()).collect()
    }
}

/// An article that matches, with its score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scored {
    pub doc: u32,
    pub score: f32,
}

/// What a query found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Hits {
    /// Matching articles, unordered: see [`rank`].
    pub scored: Vec<Scored>,
    /// The dictionary terms the words matched (for highlighting).
    pub matched: Vec<String>,
    /// When nothing matched: the query with each unknown word replaced by
    /// its closest known one.
    pub suggestion: Option<String>,
    /// Shards the query needed that are not loaded: the hits are partial
    /// until they are added and the query runs again.
    pub missing_shards: Vec<u32>,
}

/// Runs `query` on `index`.
pub fn search(index: &SearchIndex, query: &Query) -> Hits {
    let plan = Plan::new(index, query);
    let mut hits = run(index, &plan);
    hits.missing_shards = index.missing_shards(&plan.ordinals());
    if hits.scored.is_empty() && !query.words.is_empty() && hits.missing_shards.is_empty() {
        hits.suggestion = suggest(index, query, &plan);
    }
    hits
}

/// Runs a plan (its shards loaded).
pub fn run(index: &SearchIndex, plan: &Plan) -> Hits {
    let docs = index.docs();
    let mut scores = vec![0f32; docs];
    // How many groups each article has matched so far; EXCLUDED marks one
    // that contains an excluded term.
    const EXCLUDED: u8 = u8::MAX;
    let mut matched = vec![0u8; docs];
    for &ordinal in &plan.excluded {
        for p in index.postings(ordinal) {
            if let Some(m) = matched.get_mut(p.doc as usize) {
                *m = EXCLUDED;
            }
        }
    }
    let mut order: Vec<&Vec<Expansion>> = plan.groups.iter().collect();
    order.sort_by_key(|g| g.iter().map(|e| index.term(e.ordinal).df).sum::<u32>());
    for (g, group) in order.iter().enumerate() {
        let (before, after) = (g as u8, g as u8 + 1);
        for expansion in group.iter() {
            let df = index.term(expansion.ordinal).df;
            let idf = (1.0 + (docs as f32 - df as f32 + 0.5) / (df as f32 + 0.5)).ln();
            for p in index.postings(expansion.ordinal) {
                let at = p.doc as usize;
                let Some(m) = matched.get_mut(at) else {
                    continue;
                };
                if *m == before || *m == after {
                    *m = after;
                    scores[at] += expansion.weight * idf * bm25f(index, p);
                }
            }
        }
    }
    let all = order.len() as u8;
    let scored = matched
        .iter()
        .zip(&scores)
        .enumerate()
        .filter(|(_, (&m, _))| m == all)
        .map(|(doc, (_, &score))| Scored {
            doc: doc as u32,
            score,
        })
        .collect();
    let mut terms: Vec<String> = plan
        .groups
        .iter()
        .flatten()
        .map(|e| index.term_text(e.ordinal))
        .collect();
    terms.sort();
    terms.dedup();
    Hits {
        scored,
        matched: terms,
        suggestion: None,
        missing_shards: Vec::new(),
    }
}

/// The term-frequency part of BM25F for one posting.
fn bm25f(index: &SearchIndex, p: Posting) -> f32 {
    let normalise = |(length, average): (f32, f32)| 1.0 - B + B * length / average;
    let mut tf = TEXT_WEIGHT * p.body as f32 / normalise(index.text_length(p.doc));
    if p.title {
        tf += TITLE_WEIGHT / normalise(index.title_length(p.doc));
    }
    if p.entity {
        tf += ENTITY_WEIGHT;
    }
    tf / (K1 + tf)
}

/// Orders the best `top` of `scored` first (best score, then the later
/// article, which has the higher index: the corpus is in date order); the
/// rest follow in no particular order.
pub fn rank(scored: &mut [Scored], top: usize) {
    let better = |a: &Scored, b: &Scored| {
        b.score
            .partial_cmp(&a.score)
            .unwrap_or(Ordering::Equal)
            .then(b.doc.cmp(&a.doc))
    };
    let top = top.min(scored.len());
    if top == 0 {
        return;
    }
    if top < scored.len() {
        scored.select_nth_unstable_by(top - 1, better);
    }
    scored[..top].sort_unstable_by(better);
}

fn suggest(index: &SearchIndex, query: &Query, plan: &Plan) -> Option<String> {
    let mut changed = false;
    let words: Vec<String> = query
        .words
        .iter()
        .zip(&plan.groups)
        .map(|(word, group)| {
            if !group.is_empty() {
                return word.term.clone();
            }
            match closest(index, &word.term) {
                Some(term) => {
                    changed = true;
                    term
                }
                None => word.term.clone(),
            }
        })
        .collect();
    changed.then(|| words.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builder::{Document, IndexBuilder};

    fn index(docs: &[(&str, &str, &[&str])]) -> SearchIndex {
        let mut builder = IndexBuilder::new();
        for &(title, text, names) in docs {
            builder.add(Document { title, text, names });
        }
        builder.finish(64)
    }

    fn ranked(index: &SearchIndex, query: &str) -> Vec<u32> {
        let mut hits = search(index, &Query::parse(query));
        rank(&mut hits.scored, usize::MAX);
        hits.scored.iter().map(|s| s.doc).collect()
    }

    #[test]
    fn title_and_entity_names_outrank_the_body_and_the_newer_article_wins_a_tie() {
        let body = "Talks on the gas pipeline resumed in Ankara on Tuesday.";
        let index = index(&[
            ("Energy", body, &[]),
            ("Pipeline talks resume", body, &[]),
            ("Energy", body, &[]),
            (
                "Energy",
                "Officials met in the capital on Tuesday.",
                &["Ankara"],
            ),
        ]);
        assert_eq!(ranked(&index, "pipeline "), [1, 2, 0]);
        assert_eq!(ranked(&index, "ankara "), [3, 2, 1, 0]);
    }

    #[test]
    fn a_word_only_one_article_has_outweighs_a_common_one() {
        let index = index(&[
            (
                "Markets",
                "Shares rose in Frankfurt and shares fell in Paris.",
                &[],
            ),
            ("Markets", "Shares rose in Istanbul.", &[]),
        ]);
        let mut hits = search(&index, &Query::parse("shares istanbul "));
        rank(&mut hits.scored, 2);
        assert_eq!(hits.scored.iter().map(|s| s.doc).collect::<Vec<_>>(), [1]);
        assert_eq!(ranked(&index, "shares "), [0, 1], "more occurrences");
    }
}
