//! Indexing an analysed corpus: what of each article is searchable.

use crate::builder::{Counted, Document, IndexBuilder};
use crate::index::SearchIndex;
use dateline_engine::corpus::Corpus;

/// Names an entity contributes to the articles mentioning it: its canonical
/// name and its first aliases (a country seen under twenty spellings needs
/// a few to be found by any of them, not all twenty in every article).
const NAMES_PER_ENTITY: usize = 8;

/// Indexes the articles at `which` (corpus indices, ascending); document
/// `n` of the index is article `which[n]`. With the `parallel` feature (the
/// CLI's) the articles' terms are counted on every core, a batch at a time
/// so only one batch's counts are held; they are added in order either way,
/// so the index is the same.
pub fn index_articles(corpus: &Corpus, which: &[usize], shard_bytes: usize) -> SearchIndex {
    let mut builder = IndexBuilder::new();
    for batch in which.chunks(COUNTED_BATCH) {
        for counted in count(corpus, batch) {
            builder.push(counted);
        }
    }
    builder.finish(shard_bytes)
}

/// Articles whose terms are counted before they are added.
const COUNTED_BATCH: usize = 1024;

/// The terms of each article of a batch, in order: on every core with the
/// `parallel` feature, on this thread without.
fn count(corpus: &Corpus, batch: &[usize]) -> Vec<Counted> {
    #[cfg(feature = "parallel")]
    use rayon::prelude::*;
    #[cfg(feature = "parallel")]
    let each = batch.par_iter();
    #[cfg(not(feature = "parallel"))]
    let each = batch.iter();
    each.map(|&i| counted(corpus, i)).collect()
}

/// The searchable terms of article `i`: its title, text and the names of
/// the entities it mentions.
fn counted(corpus: &Corpus, i: usize) -> Counted {
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
    Counted::of(Document {
        title: a.article.title(),
        text: &a.article.text,
        names: &names,
    })
}

/// Indexes every article of `corpus`, in corpus order.
pub fn index_corpus(corpus: &Corpus, shard_bytes: usize) -> SearchIndex {
    let all: Vec<usize> = (0..corpus.articles.len()).collect();
    index_articles(corpus, &all, shard_bytes)
}
