//! Indexing an analysed corpus: what of each article is searchable.

use crate::builder::{Counted, Document, IndexBuilder};
use crate::index::SearchIndex;
use dateline_engine::corpus::{AnalyzedArticle, Corpus};
use dateline_engine::linking::Entity;

/// Names an entity contributes to the articles mentioning it: its canonical
/// name and its first aliases (a country seen under twenty spellings needs
/// a few to be found by any of them, not all twenty in every article).
const NAMES_PER_ENTITY: usize = 8;

/// Indexes the articles at `which` (corpus indices, ascending); document
/// `n` of the index is article `which[n]`. The articles are added a batch
/// at a time (see [`CorpusIndexer::add`]), so only one batch's counts are
/// held.
pub fn index_articles(corpus: &Corpus, which: &[usize], shard_bytes: usize) -> SearchIndex {
    let mut indexer = CorpusIndexer::new(&corpus.entities);
    for batch in which.chunks(COUNTED_BATCH) {
        let articles: Vec<&AnalyzedArticle> = batch.iter().map(|&i| &corpus.articles[i]).collect();
        indexer.add(&articles);
    }
    indexer.finish(shard_bytes)
}

/// Articles whose terms are counted before they are added.
pub const COUNTED_BATCH: usize = 1024;

/// Indexes analysed articles as they come, in corpus order: `dateline
/// bundle` feeds it the articles of a corpus too large to hold, a batch at
/// a time, as it reads them back from disk. The index equals
/// [`index_corpus`]'s over the same articles.
pub struct CorpusIndexer<'e> {
    entities: &'e [Entity],
    builder: IndexBuilder,
}

impl<'e> CorpusIndexer<'e> {
    /// An empty index of articles whose mentions point into `entities`.
    pub fn new(entities: &'e [Entity]) -> CorpusIndexer<'e> {
        CorpusIndexer {
            entities,
            builder: IndexBuilder::new(),
        }
    }

    /// Adds the next articles. With the `parallel` feature (the CLI's)
    /// their terms are counted on every core; they are added in order
    /// either way, so the index is the same.
    pub fn add(&mut self, articles: &[&AnalyzedArticle]) {
        #[cfg(feature = "parallel")]
        use rayon::prelude::*;
        #[cfg(feature = "parallel")]
        let each = articles.par_iter();
        #[cfg(not(feature = "parallel"))]
        let each = articles.iter();
        let counted: Vec<Counted> = each.map(|a| counted(self.entities, a)).collect();
        for c in counted {
            self.builder.push(c);
        }
    }

    /// The index of every article added, its postings cut into shards of
    /// about `shard_bytes`.
    pub fn finish(self, shard_bytes: usize) -> SearchIndex {
        self.builder.finish(shard_bytes)
    }
}

/// The searchable terms of article `a`: its title, text and the names of
/// the entities it mentions.
fn counted(entities: &[Entity], a: &AnalyzedArticle) -> Counted {
    let mut mentioned: Vec<usize> = a.mentions.iter().map(|m| m.entity).collect();
    mentioned.sort_unstable();
    mentioned.dedup();
    let names: Vec<&str> = mentioned
        .iter()
        .filter_map(|&e| entities.get(e))
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
