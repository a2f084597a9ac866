//! Search over the reader's corpus, whatever it holds: the bundle's
//! prebuilt index answers for the bundled articles (nothing is indexed in
//! the page for them), and a small index built here covers the articles
//! the reader added. Results come ranked, best first.

use dateline_engine::corpus::Corpus;
use dateline_search::builder::SHARD_BYTES;
use dateline_search::corpus::index_articles;
use dateline_search::query::{contains_phrase, Query};
use dateline_search::ranking::{rank, search, Scored};
use dateline_search::SearchIndex;
use std::collections::HashMap;
use std::rc::Rc;

/// An index and, for each of its documents, the article it is in the
/// corpus (`None`: no longer there, e.g. a removed article).
struct Part {
    index: Rc<SearchIndex>,
    articles: Vec<Option<usize>>,
}

/// Search over one corpus.
pub struct CorpusSearch {
    parts: Vec<Part>,
    /// Some articles are not searchable yet (their index is loading).
    incomplete: bool,
}

/// The bundle's prebuilt index, as far as it has arrived. Its articles are
/// named by id, in its document order.
pub enum Prebuilt<'a> {
    /// No bundle index: every article is indexed here.
    None,
    /// The index is on its way: its articles are not searched meanwhile
    /// (indexing them here would cost more than waiting for it).
    Loading(&'a [String]),
    Ready(Rc<SearchIndex>, &'a [String]),
}

/// What a query found, in the corpus's terms.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Found {
    /// Corpus indices of the matching articles, best first.
    pub ranked: Vec<usize>,
    /// The indexed terms the query matched, for marking snippets.
    pub matched: Vec<String>,
    /// When nothing matched: a query that would (see `ranking::Hits`).
    pub suggestion: Option<String>,
    /// Not every article was searched yet: the bundle's index is loading,
    /// or shards of it the query needs (`missing_shards`) are.
    pub incomplete: bool,
    /// Shards of the bundle's index to load before the query runs again.
    pub missing_shards: Vec<u32>,
}

impl Found {
    /// True if `term` (a folded term, see `dateline_search::terms`) is one
    /// the query matched.
    pub fn is_match(&self, term: &str) -> bool {
        self.matched
            .binary_search_by(|m| m.as_str().cmp(term))
            .is_ok()
    }
}

impl CorpusSearch {
    /// Search over `corpus`: the `prebuilt` index answers for its articles,
    /// and every other article of `corpus` is indexed here (the reader's
    /// added articles: a few, quickly).
    pub fn new(corpus: &Corpus, prebuilt: Prebuilt<'_>) -> CorpusSearch {
        let mut parts = Vec::new();
        let mut covered = vec![false; corpus.articles.len()];
        let mut incomplete = false;
        let mut cover = |ids: &[String]| {
            let articles = locate(corpus, ids);
            for &i in articles.iter().flatten() {
                covered[i] = true;
            }
            articles
        };
        match prebuilt {
            Prebuilt::None => {}
            Prebuilt::Loading(ids) => {
                cover(ids);
                incomplete = true;
            }
            Prebuilt::Ready(index, ids) => {
                let articles = cover(ids);
                parts.push(Part { index, articles });
            }
        }
        let rest: Vec<usize> = (0..corpus.articles.len())
            .filter(|&i| !covered[i])
            .collect();
        if !rest.is_empty() {
            let index = index_articles(corpus, &rest, SHARD_BYTES);
            let articles = rest.into_iter().map(Some).collect();
            parts.push(Part {
                index: Rc::new(index),
                articles,
            });
        }
        CorpusSearch { parts, incomplete }
    }

    /// The articles matching `query`, ranked; `None` for an empty query.
    /// Phrases are checked against the text when `texts` is true (the
    /// article texts are loaded); otherwise their words must all match.
    pub fn find(&self, query: &str, corpus: &Corpus, texts: bool) -> Option<Found> {
        let query = Query::parse(query);
        if query.is_empty() {
            return None;
        }
        let mut scored: Vec<Scored> = Vec::new();
        let mut found = Found {
            incomplete: self.incomplete,
            ..Found::default()
        };
        for part in &self.parts {
            let hits = search(&part.index, &query);
            scored.extend(hits.scored.iter().filter_map(|s| {
                let article = (*part.articles.get(s.doc as usize)?)?;
                Some(Scored {
                    doc: article as u32,
                    score: s.score,
                })
            }));
            found.matched.extend(hits.matched);
            found.suggestion = found.suggestion.or(hits.suggestion);
            found.missing_shards.extend(hits.missing_shards);
        }
        if texts && !query.phrases.is_empty() {
            scored.retain(|s| {
                let text = &corpus.articles[s.doc as usize].article.text;
                query.phrases.iter().all(|p| contains_phrase(text, p))
            });
        }
        let all = scored.len();
        rank(&mut scored, all);
        found.ranked = scored.iter().map(|s| s.doc as usize).collect();
        found.matched.sort();
        found.matched.dedup();
        if !found.ranked.is_empty() || !found.missing_shards.is_empty() {
            found.suggestion = None;
        }
        found.incomplete |= !found.missing_shards.is_empty();
        Some(found)
    }
}

/// Where each id is in `corpus`: the identity when the corpus is the one
/// the index was built for (the common case, checked in one pass).
fn locate(corpus: &Corpus, ids: &[String]) -> Vec<Option<usize>> {
    let same = ids.len() == corpus.articles.len()
        && ids
            .iter()
            .zip(&corpus.articles)
            .all(|(id, a)| *id == a.article.id);
    if same {
        return (0..ids.len()).map(Some).collect();
    }
    let at: HashMap<&str, usize> = corpus
        .articles
        .iter()
        .enumerate()
        .map(|(i, a)| (a.article.id.as_str(), i))
        .collect();
    ids.iter().map(|id| at.get(id.as_str()).copied()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use dateline_search::corpus::index_corpus;

    fn first_id(corpus: &Corpus) -> [String; 1] {
        [corpus.articles[0].article.id.clone()]
    }

    fn ids(corpus: &Corpus) -> Vec<String> {
        corpus
            .articles
            .iter()
            .map(|a| a.article.id.clone())
            .collect()
    }

    #[test]
    fn the_bundled_index_and_added_articles_answer_together() {
        let corpus = crate::testing::seed_corpus();
        let alone = CorpusSearch::new(&corpus, Prebuilt::None);
        // The 2022 seed writes Turkiye; the 2021 one only Turkey, which
        // entity linking knows under both names.
        let turkiye = alone.find("Türkiye ", &corpus, true).unwrap();
        assert_eq!(turkiye.ranked, [1, 0]);
        assert!(!corpus.articles[0].article.text.contains("Turkiye"));
        assert!(turkiye.is_match("turkiye"));
        assert_eq!(alone.find("  ", &corpus, true), None);

        // While the bundle's index loads, only the added article is searched.
        let waiting = CorpusSearch::new(&corpus, Prebuilt::Loading(&first_id(&corpus)));
        let found = waiting.find("s-400", &corpus, true).unwrap();
        assert_eq!((found.ranked, found.incomplete), (vec![1], true));

        // The bundle indexed only the first seed; the second was "added".
        let bundled = index_articles(&corpus, &[0], SHARD_BYTES);
        let first = first_id(&corpus);
        let mixed = CorpusSearch::new(&corpus, Prebuilt::Ready(Rc::new(bundled), &first));
        for query in ["s-400", "turkey", "pantsir", "negotiating"] {
            assert_eq!(
                mixed.find(query, &corpus, true).unwrap().ranked,
                alone.find(query, &corpus, true).unwrap().ranked,
                "{query}"
            );
        }
    }

    #[test]
    fn phrases_are_checked_on_the_text_once_it_is_here() {
        let corpus = crate::testing::seed_corpus();
        let index = Rc::new(index_corpus(&corpus, SHARD_BYTES));
        let search = CorpusSearch::new(&corpus, Prebuilt::Ready(index, &ids(&corpus)));
        let words = search.find("second batch", &corpus, true).unwrap();
        let phrase = search.find("\"second batch\"", &corpus, true).unwrap();
        assert!(!phrase.ranked.is_empty());
        for &i in &words.ranked {
            let text = corpus.articles[i].article.text.to_lowercase();
            assert_eq!(phrase.ranked.contains(&i), text.contains("second batch"));
        }
        assert_eq!(
            search
                .find("\"batch second\"", &corpus, true)
                .unwrap()
                .ranked,
            Vec::<usize>::new()
        );
        assert_eq!(
            search
                .find("\"batch second\"", &corpus, false)
                .unwrap()
                .ranked,
            words.ranked
        );
    }

    #[test]
    fn a_query_needing_unloaded_shards_says_which_and_completes_once_they_are_here() {
        let corpus = crate::testing::seed_corpus();
        let (head, shards) = index_corpus(&corpus, 256).to_parts();
        assert!(shards.len() > 2, "small shards for the test");
        let index = Rc::new(SearchIndex::from_head(head).unwrap());
        let search = CorpusSearch::new(&corpus, Prebuilt::Ready(index.clone(), &ids(&corpus)));
        let partial = search.find("pantsir ", &corpus, true).unwrap();
        assert!(partial.incomplete && partial.ranked.is_empty());
        assert_eq!(
            partial.suggestion, None,
            "no suggestion from a partial answer"
        );
        assert_eq!(partial.missing_shards.len(), 1);
        let number = partial.missing_shards[0] as usize;
        index.add_shard(shards[number].clone()).unwrap();
        let whole = search.find("pantsir ", &corpus, true).unwrap();
        assert!(!whole.incomplete && whole.missing_shards.is_empty());
        assert_eq!(whole.ranked, [1]);
    }

    #[test]
    fn a_misspelt_query_that_finds_nothing_gets_a_suggestion() {
        let corpus = crate::testing::seed_corpus();
        let search = CorpusSearch::new(&corpus, Prebuilt::None);
        // Two swaps in a 7-letter word: past the one typo search allows.
        let found = search.find("pnatsri ", &corpus, true).unwrap();
        assert!(found.ranked.is_empty());
        assert_eq!(found.suggestion.as_deref(), Some("pantsir"));
    }
}
