//! The boot part and the article chunks, and how a corpus splits into them.

use crate::format::{self, BundleError, Kind};
use crate::search::{search_parts, SearchFiles, SearchHead, SearchShard};
use chrono::NaiveDate;
use dateline_engine::article::{Article, Block, BlockKind};
use dateline_engine::corpus::{AnalyzedArticle, Corpus, Event, Mention, Problem};
use dateline_engine::linking::Entity;
use dateline_engine::text::Span;
use dateline_engine::timex::Timex;
use serde::{Deserialize, Serialize};

/// A chunk closes once its articles hold this much text: a few hundred KB
/// loads in one short request and decodes in milliseconds, and a corpus of
/// 100,000 articles still makes only a few thousand files.
pub const CHUNK_TEXT_BYTES: usize = 256 * 1024;

/// What the list, the timeline and the entity panel need about an article,
/// without its text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleMeta {
    pub id: String,
    pub path: String,
    #[serde(with = "dateline_engine::serde_date")]
    pub date: NaiveDate,
    pub source: String,
    pub title: String,
}

/// Where the articles `first..first + count` (reading order) are stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChunkRef {
    /// File name, relative to the boot part.
    pub file: String,
    pub first: usize,
    pub count: usize,
}

/// The part of the bundle the page loads first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Boot {
    /// Identifies this build of the corpus; every chunk carries it too, so a
    /// chunk from another build (a half-deployed site) is refused.
    pub corpus_id: u64,
    /// Every readable article, in reading order (date, then id).
    pub articles: Vec<ArticleMeta>,
    pub entities: Vec<Entity>,
    pub events: Vec<Event>,
    /// The files that could not be read, as JSON: `ParseError` is an
    /// internally tagged enum (its shape in the saved state and exports),
    /// which postcard, lacking self-description, cannot decode.
    pub problems_json: String,
    pub chunks: Vec<ChunkRef>,
    pub search: SearchFiles,
}

/// The text and annotations of one article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleBody {
    pub text: String,
    pub blocks: Vec<Block>,
    pub mentions: Vec<Mention>,
    pub timexes: Vec<Timex>,
}

/// The bodies of consecutive articles.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Chunk {
    pub corpus_id: u64,
    /// Reading-order index of the first article.
    pub first: usize,
    pub articles: Vec<ArticleBody>,
}

/// A whole bundle in memory, and the codec of its files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bundle {
    pub boot: Boot,
    pub chunks: Vec<Chunk>,
    pub search_head: SearchHead,
    pub search_shards: Vec<SearchShard>,
}

impl Bundle {
    /// The boot part as a file.
    pub fn encode_boot(boot: &Boot) -> Vec<u8> {
        format::encode(Kind::Boot, boot)
    }

    /// Reads a boot part file.
    pub fn decode_boot(bytes: &[u8]) -> Result<Boot, BundleError> {
        format::decode(Kind::Boot, bytes)
    }

    /// A chunk as a file.
    pub fn encode_chunk(chunk: &Chunk) -> Vec<u8> {
        format::encode(Kind::Chunk, chunk)
    }

    /// Reads a chunk file.
    pub fn decode_chunk(bytes: &[u8]) -> Result<Chunk, BundleError> {
        format::decode(Kind::Chunk, bytes)
    }
}

/// FNV-1a over the article ids, dates and text lengths: cheap, and two
/// builds of different corpora (or of one corpus by another analysis) differ.
fn corpus_id(corpus: &Corpus) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |bytes: &[u8]| {
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    };
    for a in &corpus.articles {
        eat(a.article.id.as_bytes());
        eat(a.article.date.to_string().as_bytes());
        eat(&a.article.text.len().to_le_bytes());
        eat(&a.mentions.len().to_le_bytes());
        eat(&a.timexes.len().to_le_bytes());
    }
    eat(&corpus.entities.len().to_le_bytes());
    h
}

/// Splits an analysed corpus into its boot part and chunks that each close
/// once they hold `chunk_text_bytes` of text ([`CHUNK_TEXT_BYTES`] unless a
/// test wants many small chunks).
/// The search index is built here too (see [`crate::search`]).
pub fn split(corpus: &Corpus, chunk_text_bytes: usize) -> Bundle {
    let corpus_id = corpus_id(corpus);
    let mut chunks: Vec<Chunk> = Vec::new();
    let mut text_in_last = 0;
    for (i, a) in corpus.articles.iter().enumerate() {
        if chunks.is_empty() || text_in_last >= chunk_text_bytes {
            chunks.push(Chunk {
                corpus_id,
                first: i,
                articles: Vec::new(),
            });
            text_in_last = 0;
        }
        text_in_last += a.article.text.len();
        let chunk = chunks.last_mut().expect("a chunk was just opened");
        chunk.articles.push(ArticleBody {
            text: a.article.text.clone(),
            blocks: a.article.blocks.clone(),
            mentions: a.mentions.clone(),
            timexes: a.timexes.clone(),
        });
    }
    let refs = chunks
        .iter()
        .enumerate()
        .map(|(n, c)| ChunkRef {
            file: format!("chunk-{n:05}.bin"),
            first: c.first,
            count: c.articles.len(),
        })
        .collect();
    let (search, search_head, search_shards) = search_parts(corpus, corpus_id);
    let boot = Boot {
        corpus_id,
        articles: corpus
            .articles
            .iter()
            .map(|a| ArticleMeta {
                id: a.article.id.clone(),
                path: a.article.path.clone(),
                date: a.article.date,
                source: a.article.source.clone(),
                title: a.article.title().to_string(),
            })
            .collect(),
        entities: corpus.entities.clone(),
        events: corpus.events.clone(),
        problems_json: serde_json::to_string(&corpus.problems).expect("problems serialise to JSON"),
        chunks: refs,
        search,
    };
    Bundle {
        boot,
        chunks,
        search_head,
        search_shards,
    }
}

/// The corpus a boot part and all its chunks (in any order) describe.
pub fn join(boot: Boot, mut chunks: Vec<Chunk>) -> Result<Corpus, BundleError> {
    let problems = problems(&boot)?;
    chunks.sort_by_key(|c| c.first);
    if chunks.len() != boot.chunks.len() {
        return Err(BundleError::Mismatch(format!(
            "the boot part names {} chunks, {} were given",
            boot.chunks.len(),
            chunks.len()
        )));
    }
    let mut articles = Vec::with_capacity(boot.articles.len());
    let mut metas = boot.articles.into_iter();
    for (chunk, expected) in chunks.into_iter().zip(&boot.chunks) {
        check_chunk(&chunk, expected, boot.corpus_id)?;
        for body in chunk.articles {
            let meta = metas.next().ok_or_else(|| {
                BundleError::Mismatch("the chunks hold more articles than the boot part".into())
            })?;
            articles.push(AnalyzedArticle {
                article: Article {
                    id: meta.id,
                    path: meta.path,
                    text: body.text,
                    date: meta.date,
                    source: meta.source,
                    blocks: body.blocks,
                },
                mentions: body.mentions,
                timexes: body.timexes,
            });
        }
    }
    if metas.next().is_some() {
        return Err(BundleError::Mismatch(
            "the boot part lists articles no chunk holds".into(),
        ));
    }
    Ok(Corpus {
        articles,
        entities: boot.entities,
        events: boot.events,
        problems,
    })
}

/// The corpus as far as the boot part knows it, for the first view while
/// the chunks load: every article with its title as its only text (so the
/// list, titles search and the timeline work), no mentions or dates yet;
/// entities, events and problems complete.
pub fn skeleton(boot: &Boot) -> Result<Corpus, BundleError> {
    let problems = problems(boot)?;
    let articles = boot
        .articles
        .iter()
        .map(|meta| AnalyzedArticle {
            article: Article {
                id: meta.id.clone(),
                path: meta.path.clone(),
                text: meta.title.clone(),
                date: meta.date,
                source: meta.source.clone(),
                blocks: vec![Block {
                    kind: BlockKind::Title,
                    span: Span::new(0, meta.title.len()),
                }],
            },
            mentions: Vec::new(),
            timexes: Vec::new(),
        })
        .collect();
    Ok(Corpus {
        articles,
        entities: boot.entities.clone(),
        events: boot.events.clone(),
        problems,
    })
}

/// The unreadable files the boot part lists.
fn problems(boot: &Boot) -> Result<Vec<Problem>, BundleError> {
    serde_json::from_str(&boot.problems_json)
        .map_err(|e| BundleError::Corrupt(format!("the list of unreadable files: {e}")))
}

/// A chunk belongs where the boot part says, and to the same build.
fn check_chunk(chunk: &Chunk, expected: &ChunkRef, corpus_id: u64) -> Result<(), BundleError> {
    if chunk.corpus_id != corpus_id {
        return Err(BundleError::Mismatch(format!(
            "{} is from another build of the corpus (reload the page; if it persists, deploy the whole bundle again)",
            expected.file
        )));
    }
    if chunk.first != expected.first || chunk.articles.len() != expected.count {
        return Err(BundleError::Mismatch(format!(
            "{} holds articles {}..{}, the boot part expects {}..{}",
            expected.file,
            chunk.first,
            chunk.first + chunk.articles.len(),
            expected.first,
            expected.first + expected.count
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use dateline_engine::analysis::analyze;
    use dateline_engine::corpus::Input;

    #[test]
    fn dates_travel_as_day_numbers_and_a_bad_one_is_an_error() {
        let meta = |date| ArticleMeta {
            id: "a".into(),
            path: "a.txt".into(),
            date,
            source: "Wire".into(),
            title: "T".into(),
        };
        let day = NaiveDate::from_ymd_opt(2021, 3, 3).unwrap();
        let bytes = postcard::to_allocvec(&meta(day)).unwrap();
        // 5 one-byte strings with their lengths, and the date in 3 bytes
        // (a varint of 737,852 days), not 11 of text.
        assert_eq!(bytes.len(), 2 + 6 + 3 + 5 + 2);
        assert_eq!(
            postcard::from_bytes::<ArticleMeta>(&bytes).unwrap(),
            meta(day)
        );
        let mut bad = bytes.clone();
        // The largest zigzag varint of an i32: a day chrono has no date for.
        bad.splice(8..11, [0xfe, 0xff, 0xff, 0xff, 0x0f]);
        assert_eq!(
            postcard::from_bytes::<ArticleMeta>(&bad),
            Err(postcard::Error::SerdeDeCustom)
        );
    }

    /// Small chunks, so the test corpus spans several.
    const SMALL: usize = 16 * 1024;

    /// The seeds plus a long synthetic series and an unreadable file, so the
    /// corpus spans several chunks and has a problem to carry.
    fn corpus() -> Corpus {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/corpus");
        let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(&root)
            .unwrap()
            .map(|e| e.unwrap().path())
            .map(|p| {
                (
                    p.file_name().unwrap().to_string_lossy().into_owned(),
                    std::fs::read(p).unwrap(),
                )
            })
            .collect();
        let paragraph = "Turkish President Recep Tayyip Erdogan met Russian President Vladimir Putin in Sochi on Friday to discuss the S-400 deal. ".repeat(40);
        for day in 1..=28 {
            files.push((
                format!("day{day:02}.txt"),
                format!(" date 2021-02-{day:02} Wire\nTalks, day {day}\n\n{paragraph}\n")
                    .into_bytes(),
            ));
        }
        files.push(("broken.txt".into(), b"no header here\n".to_vec()));
        analyze(files.iter().map(|(path, bytes)| Input { path, bytes }))
    }

    #[test]
    fn split_then_join_gives_the_corpus_back_through_the_file_format() {
        let corpus = corpus();
        let bundle = split(&corpus, SMALL);
        assert!(bundle.chunks.len() >= 2, "{} chunks", bundle.chunks.len());
        assert_eq!(bundle.boot.articles.len(), corpus.articles.len());
        let boot = Bundle::decode_boot(&Bundle::encode_boot(&bundle.boot)).unwrap();
        let mut chunks: Vec<Chunk> = bundle
            .chunks
            .iter()
            .map(|c| Bundle::decode_chunk(&Bundle::encode_chunk(c)).unwrap())
            .collect();
        chunks.reverse();
        let back = join(boot, chunks).unwrap();
        assert_eq!(back, corpus);
        assert_eq!(back.problems.len(), 1);
        assert_eq!(back.problems[0].path, "broken.txt");
    }

    #[test]
    fn chunks_cover_consecutive_articles_within_the_size_bound() {
        let corpus = corpus();
        let bundle = split(&corpus, SMALL);
        let mut next = 0;
        for (c, r) in bundle.chunks.iter().zip(&bundle.boot.chunks) {
            assert_eq!((c.first, c.articles.len()), (r.first, r.count));
            assert_eq!(c.first, next);
            next += r.count;
            let text: usize = c.articles.iter().map(|a| a.text.len()).sum();
            let last = c.articles.last().unwrap().text.len();
            assert!(text - last < SMALL, "chunk {} overfull", r.file);
        }
        assert_eq!(next, corpus.articles.len());
    }

    #[test]
    fn a_missing_or_foreign_chunk_is_a_mismatch() {
        let bundle = split(&corpus(), SMALL);
        let mut fewer = bundle.chunks.clone();
        fewer.pop();
        let err = join(bundle.boot.clone(), fewer).unwrap_err();
        assert!(matches!(err, BundleError::Mismatch(_)), "{err}");
        let mut foreign = bundle.chunks.clone();
        foreign[0].corpus_id ^= 1;
        let err = join(bundle.boot, foreign).unwrap_err();
        assert!(err.to_string().contains("another build"), "{err}");
    }

    #[test]
    fn the_skeleton_has_every_article_with_its_title_and_the_whole_entity_table() {
        let corpus = corpus();
        let bundle = split(&corpus, SMALL);
        let skeleton = skeleton(&bundle.boot).unwrap();
        assert_eq!(skeleton.articles.len(), corpus.articles.len());
        for (s, c) in skeleton.articles.iter().zip(&corpus.articles) {
            assert_eq!(s.article.id, c.article.id);
            assert_eq!(s.article.date, c.article.date);
            assert_eq!(s.article.title(), c.article.title());
            assert!(s.mentions.is_empty() && s.timexes.is_empty());
        }
        assert_eq!(skeleton.entities, corpus.entities);
        assert_eq!(skeleton.events, corpus.events);
        assert_eq!(skeleton.problems, corpus.problems);
    }
}
