//! The boot part and the article chunks, and how a corpus splits into them.

use crate::builder::BundleBuilder;
use crate::format::{self, BundleError, Kind};
use crate::search::{SearchFiles, SearchHead, SearchShard};
use chrono::NaiveDate;
use dateline_engine::article::{Article, Block, BlockKind};
use dateline_engine::corpus::{AnalyzedArticle, Corpus, Event, EventSource, Mention, Problem};
use dateline_engine::linking::Entity;
use dateline_engine::salience::Salience;
use dateline_engine::text::Span;
use dateline_engine::timex::Timex;
use dateline_search::corpus::COUNTED_BATCH;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// A chunk closes once its articles hold this much text: a few hundred KB
/// loads in one short request and decodes in milliseconds, and a corpus of
/// 100,000 articles still makes only a few thousand files.
pub const CHUNK_TEXT_BYTES: usize = 256 * 1024;

/// The articles as the first view needs them, one column per field: the
/// timeline draws from the dates, the list from dates and sources, deep
/// links resolve ids. Paths and titles follow in [`Names`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleColumns {
    pub ids: Vec<String>,
    /// Reading order is date order, so these go as day differences.
    #[serde(with = "crate::columns::day_deltas")]
    pub dates: Vec<NaiveDate>,
    /// Each distinct source once (a corpus has few), in first-seen order.
    pub sources: Vec<String>,
    /// Each article's source, as an index into `sources`.
    pub source_of: Vec<u32>,
}

/// Each event's period: `starts[e]` up to `starts[e] + lengths[e]` days.
/// Events are ordered by start, so starts go as day differences; 273,000
/// events of a 100,000-article corpus took 4.8 MB as engine `Event`s.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeriodColumns {
    #[serde(with = "crate::columns::day_deltas")]
    pub starts: Vec<NaiveDate>,
    pub lengths: Vec<u32>,
}

impl PeriodColumns {
    /// How many events the corpus has.
    pub fn len(&self) -> usize {
        self.starts.len()
    }

    /// True for a corpus without a dated event.
    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }
}

impl ArticleColumns {
    /// How many articles the corpus has.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// True for a corpus without a readable article.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }
}

/// Where the articles `first..first + count` (reading order) are stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChunkRef {
    /// File name, relative to the boot part.
    pub file: String,
    pub first: usize,
    pub count: usize,
}

/// The part of the bundle the page loads first: everything the first view
/// draws, nothing that grows with the text. At 100,000 articles it is a
/// tenth of what the corpus's metadata and links take in all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Boot {
    /// Identifies this build of the corpus; every other part carries it
    /// too, so a part from another build (a half-deployed site) is refused.
    pub corpus_id: u64,
    /// Every readable article, in reading order (date, then id).
    pub articles: ArticleColumns,
    /// The entity table with aliases and mention counts; each entity's
    /// `articles` is empty here and comes with [`Links`].
    pub entities: Vec<Entity>,
    /// The periods the corpus dates, as columns; their TIMEX values come
    /// with [`Names`], their sources and entities with [`Links`].
    pub events: PeriodColumns,
    /// Which articles and events the timeline draws first where they crowd:
    /// computed from the links at build time, so the first view's timeline
    /// is final before [`Links`] arrive.
    pub salience: Salience,
    /// The files that could not be read, as JSON: `ParseError` is an
    /// internally tagged enum (its shape in the saved state and exports),
    /// which postcard, lacking self-description, cannot decode.
    pub problems_json: String,
    pub chunks: Vec<ChunkRef>,
    pub search: SearchFiles,
}

/// Where [`Names`] and [`Links`] are stored, beside the boot part.
pub const NAMES_FILE: &str = "names.bin";
/// See [`NAMES_FILE`].
pub const LINKS_FILE: &str = "links.bin";

/// Every article's path and title and every event's TIMEX value: the words
/// the first view can do without, loaded right after the boot part (titles
/// alone are most of a large corpus's metadata: 2.5 MB deflated at 100,000
/// articles).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Names {
    pub corpus_id: u64,
    pub paths: Vec<String>,
    pub titles: Vec<String>,
    /// `values[e]` is event `e`'s TIMEX value, e.g. "2020-12".
    pub values: Vec<String>,
}

/// Who is where: the articles of each entity and the sources and entities
/// of each event, loaded right after the boot part. The entity filter, the
/// salience of timeline items and the chronology need them; the first
/// drawing of the timeline and list does not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Links {
    pub corpus_id: u64,
    /// `entity_articles[e]` is the ascending article list of entity `e`.
    #[serde(with = "crate::columns::index_lists")]
    pub entity_articles: Vec<Vec<usize>>,
    /// `event_sources[e]` is event `e`'s sources, in corpus order.
    #[serde(with = "crate::columns::event_sources")]
    pub event_sources: Vec<Vec<EventSource>>,
    pub event_entities: Vec<Vec<usize>>,
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
    pub names: Names,
    pub links: Links,
    pub chunks: Vec<Chunk>,
    pub search_head: SearchHead,
    pub search_shards: Vec<SearchShard>,
}

impl Bundle {
    /// The boot part as a file.
    pub fn encode_boot(boot: &Boot) -> Vec<u8> {
        format::encode(Kind::Boot, boot)
    }

    /// Reads a boot part file, checking that its columns agree.
    pub fn decode_boot(bytes: &[u8]) -> Result<Boot, BundleError> {
        let boot: Boot = format::decode(Kind::Boot, bytes)?;
        check_boot(&boot)?;
        Ok(boot)
    }

    /// The names part as a file.
    pub fn encode_names(names: &Names) -> Vec<u8> {
        format::encode(Kind::Names, names)
    }

    /// Reads a names part file (check it against its boot part with
    /// [`outline`]).
    pub fn decode_names(bytes: &[u8]) -> Result<Names, BundleError> {
        format::decode(Kind::Names, bytes)
    }

    /// The links part as a file.
    pub fn encode_links(links: &Links) -> Vec<u8> {
        format::encode(Kind::Links, links)
    }

    /// Reads a links part file (check it against its boot part with
    /// [`outline`]).
    pub fn decode_links(bytes: &[u8]) -> Result<Links, BundleError> {
        format::decode(Kind::Links, bytes)
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

/// What the build id reads of an article's text: its length and CRC-32,
/// taken while the text is at hand (`dateline bundle` keeps only this of
/// a text until the chunks are written).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextPrint {
    len: usize,
    crc: u32,
}

impl TextPrint {
    /// The print of `text`.
    pub fn of(text: &str) -> TextPrint {
        TextPrint {
            len: text.len(),
            crc: crc32fast::hash(text.as_bytes()),
        }
    }
}

/// The build's id: FNV-1a over what the reader shows of every article (id,
/// date, its text's [`TextPrint`], where its entities and dates are) and the
/// entity count. Every part carries it, so parts of two builds never mix;
/// and the chunk and search shard files are named after it
/// ([`part_file`]), so one name never holds two contents and any cache
/// (the browser's, the service worker's) may keep those files for good.
/// The texts themselves are not read: `prints[i]` is article `i`'s, so a
/// corpus whose texts wait on disk has its id before any chunk is written.
pub fn corpus_id(corpus: &Corpus, prints: &[TextPrint]) -> u64 {
    debug_assert_eq!(corpus.articles.len(), prints.len(), "one print per article");
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |bytes: &[u8]| {
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    };
    for (a, print) in corpus.articles.iter().zip(prints) {
        eat(a.article.id.as_bytes());
        eat(a.article.date.to_string().as_bytes());
        eat(&print.len.to_le_bytes());
        eat(&print.crc.to_le_bytes());
        eat(&a.mentions.len().to_le_bytes());
        for span in a.mentions.iter().map(|m| m.span) {
            eat(&span.start.to_le_bytes());
            eat(&span.end.to_le_bytes());
        }
        eat(&a.timexes.len().to_le_bytes());
        for span in a.timexes.iter().map(|t| t.span) {
            eat(&span.start.to_le_bytes());
            eat(&span.end.to_le_bytes());
        }
    }
    eat(&corpus.entities.len().to_le_bytes());
    h
}

/// The file name of part `n` of a numbered kind (`chunk`, `search`) of the
/// build `corpus_id`: `chunk-00042-0123456789abcdef.bin`. (The boot, names,
/// links and search head parts keep fixed names: the page asks for them
/// before it knows the build.)
pub(crate) fn part_file(kind: &str, n: usize, corpus_id: u64) -> String {
    format!("{kind}-{n:05}-{corpus_id:016x}.bin")
}

/// Splits an analysed corpus into its boot part and chunks that each close
/// once they hold `chunk_text_bytes` of text ([`CHUNK_TEXT_BYTES`] unless a
/// test wants many small chunks).
/// The search index is built here too (see [`crate::search`]). This is
/// [`BundleBuilder`] over the whole corpus, a batch of articles at a time.
pub fn split(corpus: &Corpus, chunk_text_bytes: usize) -> Bundle {
    let prints: Vec<TextPrint> = corpus
        .articles
        .iter()
        .map(|a| TextPrint::of(&a.article.text))
        .collect();
    let mut builder = BundleBuilder::new(
        corpus_id(corpus, &prints),
        &corpus.entities,
        chunk_text_bytes,
    );
    let mut chunks = Vec::new();
    for batch in corpus.articles.chunks(COUNTED_BATCH) {
        chunks.extend(builder.add(batch.to_vec()).into_iter().map(|(_, c)| c));
    }
    let (last, head) = builder.finish(&corpus.events, &corpus.problems);
    chunks.extend(last.map(|(_, c)| c));
    Bundle {
        boot: head.boot,
        names: head.names,
        links: head.links,
        chunks,
        search_head: head.search_head,
        search_shards: head.search_shards,
    }
}

/// The corpus a bundle's parts describe; the chunks may come in any order.
pub fn join(
    boot: Boot,
    names: Names,
    links: Links,
    chunks: Vec<Chunk>,
) -> Result<Corpus, BundleError> {
    let outline = outline(&boot, names, links)?;
    fill(outline, &boot, chunks)
}

/// The [`outline`] of `boot` with every article's text and annotations from
/// its chunks (in any order): the whole corpus.
pub fn fill(
    mut corpus: Corpus,
    boot: &Boot,
    mut chunks: Vec<Chunk>,
) -> Result<Corpus, BundleError> {
    if corpus.articles.len() != boot.articles.len() {
        return Err(BundleError::Mismatch(format!(
            "the corpus has {} articles, the boot part lists {}",
            corpus.articles.len(),
            boot.articles.len()
        )));
    }
    chunks.sort_by_key(|c| c.first);
    if chunks.len() != boot.chunks.len() {
        return Err(BundleError::Mismatch(format!(
            "the boot part names {} chunks, {} were given",
            boot.chunks.len(),
            chunks.len()
        )));
    }
    let mut slots = corpus.articles.iter_mut();
    for (chunk, expected) in chunks.into_iter().zip(&boot.chunks) {
        check_chunk(&chunk, expected, boot.corpus_id)?;
        for body in chunk.articles {
            let slot = slots.next().ok_or_else(|| {
                BundleError::Mismatch("the chunks hold more articles than the boot part".into())
            })?;
            check_body(&body, boot.entities.len())
                .map_err(|why| BundleError::Corrupt(format!("{}: {why}", expected.file)))?;
            slot.article.text = body.text;
            slot.article.blocks = body.blocks;
            slot.mentions = body.mentions;
            slot.timexes = body.timexes;
        }
    }
    if slots.next().is_some() {
        return Err(BundleError::Mismatch(
            "the boot part lists articles no chunk holds".into(),
        ));
    }
    Ok(corpus)
}

/// A copy of `outline` for [`fill`] to put the texts into, while the
/// outline itself stays on show: its articles without the title standing in
/// for each text (and the block marking it), which the chunks replace anyway
/// (at 100,000 articles copying those was 9 MB more at the page's peak
/// memory, only to be dropped at once), over the outline's own entity and
/// event tables, shared, not copied.
pub fn unfilled(outline: &Corpus) -> Corpus {
    let articles = outline
        .articles
        .iter()
        .map(|a| AnalyzedArticle {
            article: Article {
                id: a.article.id.clone(),
                path: a.article.path.clone(),
                text: String::new(),
                date: a.article.date,
                source: a.article.source.clone(),
                blocks: Vec::new(),
            },
            mentions: a.mentions.clone(),
            timexes: a.timexes.clone(),
        })
        .collect();
    Corpus {
        articles,
        entities: outline.entities.clone(),
        events: outline.events.clone(),
        problems: outline.problems.clone(),
    }
}

/// The corpus as far as the boot part alone knows it, for the very first
/// view: every article with its id, date and source but no title or text
/// yet, the entity table without article lists, the events' periods
/// without values or sources; the unreadable files complete.
pub fn skeleton(boot: &Boot) -> Result<Corpus, BundleError> {
    let problems = problems(boot)?;
    let a = &boot.articles;
    let articles = (0..a.len())
        .map(|i| AnalyzedArticle {
            article: Article {
                id: a.ids[i].clone(),
                path: String::new(),
                text: String::new(),
                date: a.dates[i],
                source: a.sources[a.source_of[i] as usize].clone(),
                blocks: Vec::new(),
            },
            mentions: Vec::new(),
            timexes: Vec::new(),
        })
        .collect();
    Ok(Corpus {
        articles,
        entities: boot.entities.clone().into(),
        events: periods(&boot.events)?.into(),
        problems,
    })
}

/// The corpus as far as the boot, names and links parts know it, while the
/// chunks load: every article with its path and its title as its only text
/// (so the list, titles search and the timeline work), no mentions or
/// dates yet; entities, events and problems complete.
pub fn outline(boot: &Boot, names: Names, links: Links) -> Result<Corpus, BundleError> {
    check_names(boot, &names)?;
    check_links(boot, &links)?;
    let mut corpus = skeleton(boot)?;
    let Names {
        paths,
        titles,
        values,
        ..
    } = names;
    for (a, (path, title)) in corpus
        .articles
        .iter_mut()
        .zip(paths.into_iter().zip(titles))
    {
        a.article.blocks = vec![Block {
            kind: BlockKind::Title,
            span: Span::new(0, title.len()),
        }];
        a.article.path = path;
        a.article.text = title;
    }
    // The skeleton's tables are its own (`make_mut` copies nothing).
    let entities = Arc::make_mut(&mut corpus.entities);
    for (entity, articles) in entities.iter_mut().zip(links.entity_articles) {
        entity.articles = articles;
    }
    let events = Arc::make_mut(&mut corpus.events);
    let sources = links.event_sources.into_iter().zip(links.event_entities);
    for (event, value) in events.iter_mut().zip(values) {
        event.value = value;
    }
    for (event, (sources, entities)) in events.iter_mut().zip(sources) {
        event.sources = sources;
        event.entities = entities;
    }
    Ok(corpus)
}

/// The events of the period columns, with nothing but their periods.
/// Filled into a vector of the final size: collecting `Result`s cannot
/// know it, and growing a vector of 100,000s of events by doubling copied
/// it again and again (most of the skeleton's time in the page).
fn periods(columns: &PeriodColumns) -> Result<Vec<Event>, BundleError> {
    let mut events = Vec::with_capacity(columns.starts.len());
    for (&start, &days) in columns.starts.iter().zip(&columns.lengths) {
        let end = start
            .checked_add_days(chrono::Days::new(u64::from(days)))
            .ok_or_else(|| BundleError::Corrupt(format!("a period of {days} days from {start}")))?;
        events.push(Event {
            start,
            end,
            value: String::new(),
            sources: Vec::new(),
            entities: Vec::new(),
        });
    }
    Ok(events)
}

/// The unreadable files the boot part lists.
fn problems(boot: &Boot) -> Result<Vec<Problem>, BundleError> {
    serde_json::from_str(&boot.problems_json)
        .map_err(|e| BundleError::Corrupt(format!("the list of unreadable files: {e}")))
}

/// The boot part's article columns have one entry per article.
fn check_boot(boot: &Boot) -> Result<(), BundleError> {
    let a = &boot.articles;
    if a.dates.len() != a.len() || a.source_of.len() != a.len() {
        return Err(BundleError::Corrupt(format!(
            "{} article ids but {} dates and {} sources",
            a.len(),
            a.dates.len(),
            a.source_of.len()
        )));
    }
    if boot.events.lengths.len() != boot.events.len() {
        return Err(BundleError::Corrupt(format!(
            "{} event starts but {} lengths",
            boot.events.len(),
            boot.events.lengths.len()
        )));
    }
    let s = &boot.salience;
    if s.articles.len() != a.len() || s.events.len() != boot.events.len() {
        return Err(BundleError::Corrupt(format!(
            "salience of {} articles and {} events, for {} and {}",
            s.articles.len(),
            s.events.len(),
            a.len(),
            boot.events.len()
        )));
    }
    if let Some(&bad) = a.source_of.iter().find(|&&s| s as usize >= a.sources.len()) {
        return Err(BundleError::Corrupt(format!(
            "source {bad} of {} sources",
            a.sources.len()
        )));
    }
    Ok(())
}

/// The names part belongs to this build and names every article.
fn check_names(boot: &Boot, names: &Names) -> Result<(), BundleError> {
    if names.corpus_id != boot.corpus_id {
        return Err(other_build(NAMES_FILE));
    }
    let n = boot.articles.len();
    if names.paths.len() != n || names.titles.len() != n {
        return Err(BundleError::Mismatch(format!(
            "{NAMES_FILE} names {} articles, the boot part lists {n}",
            names.titles.len().min(names.paths.len())
        )));
    }
    if names.values.len() != boot.events.len() {
        return Err(BundleError::Mismatch(format!(
            "{NAMES_FILE} has {} event values, the boot part {} events",
            names.values.len(),
            boot.events.len()
        )));
    }
    Ok(())
}

/// The links part belongs to this build and every index in it points into
/// the boot part's tables.
fn check_links(boot: &Boot, links: &Links) -> Result<(), BundleError> {
    if links.corpus_id != boot.corpus_id {
        return Err(other_build(LINKS_FILE));
    }
    let (articles, entities, events) =
        (boot.articles.len(), boot.entities.len(), boot.events.len());
    if links.entity_articles.len() != entities
        || links.event_sources.len() != events
        || links.event_entities.len() != events
    {
        return Err(BundleError::Mismatch(format!(
            "{LINKS_FILE} links {} entities and {} events, the boot part has {entities} and {events}",
            links.entity_articles.len(),
            links.event_sources.len()
        )));
    }
    let article_ok = links
        .entity_articles
        .iter()
        .flatten()
        .copied()
        .chain(links.event_sources.iter().flatten().map(|s| s.article))
        .all(|a| a < articles);
    let entity_ok = links.event_entities.iter().flatten().all(|&e| e < entities);
    if !article_ok || !entity_ok {
        return Err(BundleError::Corrupt(format!(
            "{LINKS_FILE} points past the {articles} articles or {entities} entities"
        )));
    }
    Ok(())
}

fn other_build(file: &str) -> BundleError {
    BundleError::Mismatch(format!(
        "{file} is from another build of the corpus (reload the page; if it persists, deploy the whole bundle again)"
    ))
}

/// Every span of an article lies on its text's character boundaries and
/// every mention names an entity of the table: the reader slices the text
/// and indexes the table with them.
fn check_body(body: &ArticleBody, entities: usize) -> Result<(), String> {
    let text = body.text.as_str();
    let fits = |span: &Span| {
        span.start <= span.end
            && span.end <= text.len()
            && text.is_char_boundary(span.start)
            && text.is_char_boundary(span.end)
    };
    let spans = (body.blocks.iter().map(|b| &b.span))
        .chain(body.mentions.iter().map(|m| &m.span))
        .chain(body.timexes.iter().map(|t| &t.span));
    for span in spans {
        if !fits(span) {
            return Err(format!(
                "a span {}..{} outside its {}-byte article",
                span.start,
                span.end,
                text.len()
            ));
        }
    }
    match body.mentions.iter().find(|m| m.entity >= entities) {
        Some(m) => Err(format!("a mention of entity {} of {entities}", m.entity)),
        None => Ok(()),
    }
}

/// A chunk belongs where the boot part says, and to the same build.
fn check_chunk(chunk: &Chunk, expected: &ChunkRef, corpus_id: u64) -> Result<(), BundleError> {
    if chunk.corpus_id != corpus_id {
        return Err(other_build(&expected.file));
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
    fn a_source_index_past_the_source_table_is_corrupt() {
        let mut bundle = split(&corpus(), SMALL);
        assert!(Bundle::decode_boot(&Bundle::encode_boot(&bundle.boot)).is_ok());
        bundle.boot.articles.source_of[0] = bundle.boot.articles.sources.len() as u32;
        let err = Bundle::decode_boot(&Bundle::encode_boot(&bundle.boot)).unwrap_err();
        assert!(matches!(err, BundleError::Corrupt(_)), "{err}");
        bundle.boot.articles.source_of.pop();
        let err = Bundle::decode_boot(&Bundle::encode_boot(&bundle.boot)).unwrap_err();
        assert!(err.to_string().contains("sources"), "{err}");
    }

    #[test]
    fn a_period_past_the_calendar_or_without_a_length_is_corrupt() {
        let mut bundle = split(&corpus(), SMALL);
        assert!(!bundle.boot.events.is_empty());
        bundle.boot.events.lengths[0] = u32::MAX;
        let boot = Bundle::decode_boot(&Bundle::encode_boot(&bundle.boot)).unwrap();
        let err = skeleton(&boot).unwrap_err();
        assert!(
            err.to_string().contains("a period of 4294967295 days"),
            "{err}"
        );
        bundle.boot.events.lengths.pop();
        let err = Bundle::decode_boot(&Bundle::encode_boot(&bundle.boot)).unwrap_err();
        assert!(err.to_string().contains("lengths"), "{err}");
    }

    #[test]
    fn the_boot_part_ranks_articles_and_events_as_the_whole_corpus_does() {
        let corpus = corpus();
        let bundle = split(&corpus, SMALL);
        let boot = Bundle::decode_boot(&Bundle::encode_boot(&bundle.boot)).unwrap();
        let whole = Salience::of(&corpus);
        assert_eq!(boot.salience, whole);
        assert!(whole.articles.iter().any(|&s| s > 0));
        // The outline the page builds from the parts ranks them the same.
        let (b, names, links, _) = reread(&bundle);
        assert_eq!(Salience::of(&outline(&b, names, links).unwrap()), whole);
    }

    #[test]
    fn a_salience_column_of_another_length_is_corrupt() {
        let mut bundle = split(&corpus(), SMALL);
        bundle.boot.salience.events.pop();
        let err = Bundle::decode_boot(&Bundle::encode_boot(&bundle.boot)).unwrap_err();
        assert!(matches!(err, BundleError::Corrupt(_)), "{err}");
        assert!(err.to_string().contains("salience"), "{err}");
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
    fn a_bundle_built_an_article_at_a_time_is_the_split_of_the_corpus() {
        let corpus = corpus();
        let expected = split(&corpus, SMALL);
        let prints: Vec<TextPrint> = (corpus.articles.iter())
            .map(|a| TextPrint::of(&a.article.text))
            .collect();
        let id = corpus_id(&corpus, &prints);
        assert_eq!(id, expected.boot.corpus_id);
        let mut builder = BundleBuilder::new(id, &corpus.entities, SMALL);
        let mut chunks: Vec<(String, Chunk)> = Vec::new();
        for a in &corpus.articles {
            chunks.extend(builder.add(vec![a.clone()]));
        }
        // Every chunk but the last was handed out as soon as it was full.
        assert_eq!(chunks.len(), expected.chunks.len() - 1);
        let (last, head) = builder.finish(&corpus.events, &corpus.problems);
        chunks.extend(last);
        let files: Vec<&str> = expected
            .boot
            .chunks
            .iter()
            .map(|r| r.file.as_str())
            .collect();
        assert_eq!(
            chunks.iter().map(|(f, _)| f.as_str()).collect::<Vec<_>>(),
            files
        );
        let chunks: Vec<Chunk> = chunks.into_iter().map(|(_, c)| c).collect();
        assert_eq!(chunks, expected.chunks);
        assert_eq!(head.boot, expected.boot);
        assert_eq!(head.names, expected.names);
        assert_eq!(head.links, expected.links);
        assert_eq!(head.search_head, expected.search_head);
        assert_eq!(head.search_shards, expected.search_shards);
    }

    #[test]
    fn an_empty_corpus_has_no_chunk_and_an_empty_boot_part() {
        let corpus = Corpus::default();
        let builder = BundleBuilder::new(corpus_id(&corpus, &[]), &[], SMALL);
        let (last, head) = builder.finish(&[], &[]);
        assert!(last.is_none());
        assert!(head.boot.chunks.is_empty() && head.boot.articles.is_empty());
        assert_eq!(head.boot, split(&corpus, SMALL).boot);
    }

    /// Every part through its file format, and back.
    fn reread(bundle: &Bundle) -> (Boot, Names, Links, Vec<Chunk>) {
        (
            Bundle::decode_boot(&Bundle::encode_boot(&bundle.boot)).unwrap(),
            Bundle::decode_names(&Bundle::encode_names(&bundle.names)).unwrap(),
            Bundle::decode_links(&Bundle::encode_links(&bundle.links)).unwrap(),
            bundle
                .chunks
                .iter()
                .map(|c| Bundle::decode_chunk(&Bundle::encode_chunk(c)).unwrap())
                .collect(),
        )
    }

    #[test]
    fn split_then_join_gives_the_corpus_back_through_the_file_format() {
        let corpus = corpus();
        let bundle = split(&corpus, SMALL);
        assert!(bundle.chunks.len() >= 2, "{} chunks", bundle.chunks.len());
        assert_eq!(bundle.boot.articles.len(), corpus.articles.len());
        let (boot, names, links, mut chunks) = reread(&bundle);
        chunks.reverse();
        let back = join(boot, names, links, chunks).unwrap();
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
    fn numbered_parts_are_named_after_their_build() {
        let mut corpus = corpus();
        let bundle = split(&corpus, SMALL);
        let names = |b: &Bundle| -> Vec<String> {
            let chunks = b.boot.chunks.iter().map(|c| c.file.clone());
            chunks.chain(b.boot.search.shards.iter().cloned()).collect()
        };
        let first = names(&bundle);
        assert!(first.len() > 2, "{first:?}");
        let id = format!("-{:016x}.bin", bundle.boot.corpus_id);
        assert!(first.iter().all(|f| f.ends_with(&id)), "{first:?}");
        assert_eq!(first[0], format!("chunk-00000{id}"));
        assert_eq!(
            names(&split(&corpus, SMALL)),
            first,
            "the same build, the same names"
        );
        // One letter of one text changed (same length, same annotations):
        // no file keeps its name, so no cache can serve the old content.
        let text = &mut corpus.articles[0].article.text;
        let at = text.find('e').unwrap();
        text.replace_range(at..at + 1, "a");
        let changed = names(&split(&corpus, SMALL));
        assert_eq!(changed.len(), first.len());
        assert!(
            changed.iter().zip(&first).all(|(a, b)| a != b),
            "{changed:?}"
        );
    }

    #[test]
    fn a_missing_or_foreign_part_is_a_mismatch() {
        let bundle = split(&corpus(), SMALL);
        let (boot, names, links) = (&bundle.boot, &bundle.names, &bundle.links);
        let mut fewer = bundle.chunks.clone();
        fewer.pop();
        let err = join(boot.clone(), names.clone(), links.clone(), fewer).unwrap_err();
        assert!(matches!(err, BundleError::Mismatch(_)), "{err}");
        let mut foreign = bundle.chunks.clone();
        foreign[0].corpus_id ^= 1;
        let err = join(boot.clone(), names.clone(), links.clone(), foreign).unwrap_err();
        assert!(err.to_string().contains("another build"), "{err}");
        let mut foreign = names.clone();
        foreign.corpus_id ^= 1;
        let err = outline(boot, foreign, links.clone()).unwrap_err();
        assert!(
            err.to_string().contains("names.bin is from another build"),
            "{err}"
        );
        let mut short = links.clone();
        short.event_entities.pop();
        let err = outline(boot, names.clone(), short).unwrap_err();
        assert!(err.to_string().contains("links.bin links"), "{err}");
    }

    #[test]
    fn a_chunk_span_or_mention_past_its_article_is_corrupt_not_a_panic() {
        let bundle = split(&corpus(), SMALL);
        let (boot, names, links) = (&bundle.boot, &bundle.names, &bundle.links);
        let join_with = |chunks: Vec<Chunk>| {
            join(boot.clone(), names.clone(), links.clone(), chunks).unwrap_err()
        };
        let mut chunks = bundle.chunks.clone();
        let article = &mut chunks[0].articles[0];
        article.mentions[0].span.end = article.text.len() + 1;
        let err = join_with(chunks);
        assert!(matches!(err, BundleError::Corrupt(_)), "{err}");
        assert!(err.to_string().contains("chunk-00000-"), "{err}");
        let mut chunks = bundle.chunks.clone();
        chunks[0].articles[0].mentions[0].entity = boot.entities.len();
        let err = join_with(chunks);
        assert!(err.to_string().contains("a mention of entity"), "{err}");
        let mut chunks = bundle.chunks.clone();
        let article = &mut chunks[0].articles[0];
        article.text = "é".repeat(article.text.len());
        article.blocks[0].span = Span::new(0, 1);
        let err = join_with(chunks);
        assert!(err.to_string().contains("a span 0..1"), "{err}");
    }

    #[test]
    fn a_link_past_the_tables_is_corrupt_not_a_panic() {
        let bundle = split(&corpus(), SMALL);
        let mut links = bundle.links.clone();
        links.entity_articles[0].push(bundle.boot.articles.len());
        let err = outline(&bundle.boot, bundle.names.clone(), links).unwrap_err();
        assert!(matches!(err, BundleError::Corrupt(_)), "{err}");
        let mut links = bundle.links.clone();
        let event = links
            .event_entities
            .iter()
            .position(|e| !e.is_empty())
            .unwrap();
        links.event_entities[event][0] = bundle.boot.entities.len();
        let err = outline(&bundle.boot, bundle.names.clone(), links).unwrap_err();
        assert!(matches!(err, BundleError::Corrupt(_)), "{err}");
    }

    #[test]
    fn filling_a_copy_of_the_outline_gives_the_corpus_and_leaves_the_outline() {
        let corpus = corpus();
        let bundle = split(&corpus, SMALL);
        let (boot, names, links, chunks) = reread(&bundle);
        let outline = outline(&boot, names, links).unwrap();
        let shown = outline.clone();
        let copy = unfilled(&outline);
        assert!(copy.articles.iter().all(|a| a.article.text.is_empty()));
        let filled = fill(copy, &boot, chunks).unwrap();
        assert_eq!(filled, corpus);
        assert_eq!(outline, shown);
        assert!(Arc::ptr_eq(&filled.events, &outline.events));
        assert!(Arc::ptr_eq(&filled.entities, &outline.entities));
    }

    #[test]
    fn the_boot_part_alone_dates_and_sources_every_article() {
        let corpus = corpus();
        let bundle = split(&corpus, SMALL);
        let skeleton = skeleton(&bundle.boot).unwrap();
        assert_eq!(skeleton.articles.len(), corpus.articles.len());
        for (s, c) in skeleton.articles.iter().zip(&corpus.articles) {
            assert_eq!(s.article.id, c.article.id);
            assert_eq!(s.article.date, c.article.date);
            assert_eq!(s.article.source, c.article.source);
            assert_eq!(s.article.title(), "");
        }
        assert_eq!(skeleton.entities.len(), corpus.entities.len());
        for (s, c) in skeleton.entities.iter().zip(corpus.entities.iter()) {
            assert_eq!((&s.name, s.mention_count), (&c.name, c.mention_count));
            assert!(s.articles.is_empty());
        }
        assert_eq!(skeleton.events.len(), corpus.events.len());
        for (s, c) in skeleton.events.iter().zip(corpus.events.iter()) {
            assert_eq!((s.start, s.end), (c.start, c.end));
            assert!(s.value.is_empty() && s.sources.is_empty());
        }
        assert_eq!(skeleton.problems, corpus.problems);
    }

    #[test]
    fn the_outline_has_every_article_with_its_title_and_every_link() {
        let corpus = corpus();
        let bundle = split(&corpus, SMALL);
        let (boot, names, links, _) = reread(&bundle);
        let outline = outline(&boot, names, links).unwrap();
        assert_eq!(outline.articles.len(), corpus.articles.len());
        for (s, c) in outline.articles.iter().zip(&corpus.articles) {
            assert_eq!(s.article.id, c.article.id);
            assert_eq!(s.article.path, c.article.path);
            assert_eq!(s.article.date, c.article.date);
            assert_eq!(s.article.title(), c.article.title());
            assert!(s.mentions.is_empty() && s.timexes.is_empty());
        }
        assert_eq!(outline.entities, corpus.entities);
        assert_eq!(outline.events, corpus.events);
        assert_eq!(outline.problems, corpus.problems);
    }
}
