//! Building a bundle article by article, so a corpus too large to hold in
//! memory still bundles: `dateline bundle` reads its articles back from
//! disk in reading order and writes each chunk as soon as it is full;
//! [`split`](crate::split) runs the very same builder over a corpus in
//! memory, so both give the same bytes.

use crate::parts::PeriodColumns;
use crate::parts::{part_file, ArticleBody, ArticleColumns, Boot, Chunk, ChunkRef, Links, Names};
use crate::search::{search_parts, SearchHead, SearchShard};
use dateline_engine::corpus::{AnalyzedArticle, Event, Problem};
use dateline_engine::linking::Entity;
use dateline_engine::salience::Salience;
use dateline_search::builder::SHARD_BYTES;
use dateline_search::corpus::CorpusIndexer;
use std::collections::HashMap;

/// Every part of a bundle but its chunks, which [`BundleBuilder`] hands
/// out as they fill.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Head {
    pub boot: Boot,
    pub names: Names,
    pub links: Links,
    pub search_head: SearchHead,
    pub search_shards: Vec<SearchShard>,
}

/// A full chunk and the name of its file.
pub type NamedChunk = (String, Chunk);

/// Takes a corpus's articles in reading order, a batch at a time, and
/// hands out each chunk once it holds its share of text; [`finish`]
/// gives the rest of the bundle. Only the chunk being filled, the search
/// index and the small per-article columns are held.
///
/// [`finish`]: BundleBuilder::finish
pub struct BundleBuilder<'e> {
    corpus_id: u64,
    chunk_text_bytes: usize,
    entities: &'e [Entity],
    columns: ArticleColumns,
    /// Each source's number in `columns.sources`.
    source_numbers: HashMap<String, u32>,
    paths: Vec<String>,
    titles: Vec<String>,
    /// The chunk being filled, and how much text it holds.
    open: Option<(Chunk, usize)>,
    refs: Vec<ChunkRef>,
    search: CorpusIndexer<'e>,
}

impl<'e> BundleBuilder<'e> {
    /// A builder for the build `corpus_id` (see [`corpus_id`](crate::corpus_id))
    /// of a corpus with these `entities`, closing chunks once they hold
    /// `chunk_text_bytes` of text.
    pub fn new(corpus_id: u64, entities: &'e [Entity], chunk_text_bytes: usize) -> Self {
        BundleBuilder {
            corpus_id,
            chunk_text_bytes,
            entities,
            columns: ArticleColumns {
                ids: Vec::new(),
                dates: Vec::new(),
                sources: Vec::new(),
                source_of: Vec::new(),
            },
            source_numbers: HashMap::new(),
            paths: Vec::new(),
            titles: Vec::new(),
            open: None,
            refs: Vec::new(),
            search: CorpusIndexer::new(entities),
        }
    }

    /// Adds the next articles (in reading order, texts and all) and
    /// returns the chunks they filled.
    pub fn add(&mut self, articles: Vec<AnalyzedArticle>) -> Vec<NamedChunk> {
        self.search.add(&articles.iter().collect::<Vec<_>>());
        let mut full = Vec::new();
        for a in articles {
            full.extend(self.push(a));
        }
        full
    }

    /// Adds one article to the columns and the open chunk; returns the
    /// chunk it closed, if any.
    fn push(&mut self, a: AnalyzedArticle) -> Option<NamedChunk> {
        let closed = match &self.open {
            Some((_, text)) if *text < self.chunk_text_bytes => None,
            _ => self.close(),
        };
        let first = self.columns.ids.len();
        self.titles.push(a.article.title().to_string());
        let source = self.source_number(&a.article.source);
        self.columns.source_of.push(source);
        let article = a.article;
        self.columns.ids.push(article.id);
        self.columns.dates.push(article.date);
        self.paths.push(article.path);
        let corpus_id = self.corpus_id;
        let (chunk, text) = self.open.get_or_insert_with(|| {
            let chunk = Chunk {
                corpus_id,
                first,
                articles: Vec::new(),
            };
            (chunk, 0)
        });
        *text += article.text.len();
        chunk.articles.push(ArticleBody {
            text: article.text,
            blocks: article.blocks,
            mentions: a.mentions,
            timexes: a.timexes,
        });
        closed
    }

    /// The number of `source` among the distinct sources, in first-seen order.
    fn source_number(&mut self, source: &str) -> u32 {
        if let Some(&n) = self.source_numbers.get(source) {
            return n;
        }
        let n = self.columns.sources.len() as u32;
        self.columns.sources.push(source.to_string());
        self.source_numbers.insert(source.to_string(), n);
        n
    }

    /// Closes the open chunk, if any, and names its file.
    fn close(&mut self) -> Option<NamedChunk> {
        let (chunk, _) = self.open.take()?;
        let file = part_file("chunk", self.refs.len(), self.corpus_id);
        self.refs.push(ChunkRef {
            file: file.clone(),
            first: chunk.first,
            count: chunk.articles.len(),
        });
        Some((file, chunk))
    }

    /// The last chunk (none for a corpus without articles) and every other
    /// part, for the `events` and `problems` of the corpus.
    pub fn finish(mut self, events: &[Event], problems: &[Problem]) -> (Option<NamedChunk>, Head) {
        let last = self.close();
        let corpus_id = self.corpus_id;
        let (search, search_head, search_shards) =
            search_parts(self.search.finish(SHARD_BYTES), corpus_id);
        let salience = Salience::new(self.columns.len(), self.entities, events);
        let boot = Boot {
            corpus_id,
            articles: self.columns,
            entities: self
                .entities
                .iter()
                .map(|e| Entity {
                    articles: Vec::new(),
                    ..e.clone()
                })
                .collect(),
            events: PeriodColumns {
                starts: events.iter().map(|e| e.start).collect(),
                lengths: events
                    .iter()
                    .map(|e| u32::try_from((e.end - e.start).num_days()).unwrap_or(0))
                    .collect(),
            },
            salience,
            problems_json: serde_json::to_string(problems).expect("problems serialise to JSON"),
            chunks: self.refs,
            search,
        };
        let names = Names {
            corpus_id,
            paths: self.paths,
            titles: self.titles,
            values: events.iter().map(|e| e.value.clone()).collect(),
        };
        let links = Links {
            corpus_id,
            entity_articles: self.entities.iter().map(|e| e.articles.clone()).collect(),
            event_sources: events.iter().map(|e| e.sources.clone()).collect(),
            event_entities: events.iter().map(|e| e.entities.clone()).collect(),
        };
        let head = Head {
            boot,
            names,
            links,
            search_head,
            search_shards,
        };
        (last, head)
    }
}
