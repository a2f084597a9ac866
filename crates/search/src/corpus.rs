//! Indexing an analysed corpus: what of each article is searchable.

use crate::builder::{Document, IndexBuilder};
use crate::index::SearchIndex;
use dateline_engine::corpus::Corpus;

/// Names an entity contributes to the articles mentioning it: its canonical
/// name and its first aliases (a country seen under twenty spellings needs
/// a few to be found by any of them, not all twenty in every article).
const NAMES_PER_ENTITY: usize = 8;

/// Indexes the articles at `which` (corpus indices, ascending); document
/// `n` of the index is article `which[n]`.
pub fn index_articles(corpus: &Corpus, which: &[usize], shard_bytes: usize) -> SearchIndex {
    let mut builder = IndexBuilder::new();
    for &i in which {
        let a = &corpus.articles[i];
        let mut entities: Vec<usize> = a.mentions.iter().map(|m| m.entity).collect();
        entities.sort_unstable();
        entities.dedup();
        let names: Vec<&str> = entities
            .iter()
            .filter_map(|&e| corpus.entities.get(e))
            .flat_map(|e| {
                let aliases = e.aliases.iter().take(NAMES_PER_ENTITY - 1);
                std::iter::once(e.name.as_str()).chain(aliases.map(String::as_str))
            })
            .collect();
        builder.add(Document {
            title: a.article.title(),
            text: &a.article.text,
            names: &names,
        });
    }
    builder.finish(shard_bytes)
}

/// Indexes every article of `corpus`, in corpus order.
pub fn index_corpus(corpus: &Corpus, shard_bytes: usize) -> SearchIndex {
    let all: Vec<usize> = (0..corpus.articles.len()).collect();
    index_articles(corpus, &all, shard_bytes)
}
