//! The corpus bundle: what `dateline bundle` writes at build time and the
//! page reads instead of analysing anything.
//!
//! An analysed [`Corpus`](dateline_engine::corpus::Corpus) is split in two ([`split`]):
//! - the **boot** part ([`Boot`]): what the first view draws (article ids,
//!   dates and sources in reading order, as columns; the entity table with
//!   aliases and counts; the timeline's periods, as columns, and which
//!   articles and events it draws first; the unreadable files),
//!   small and loaded first ([`skeleton`] makes a corpus of it);
//! - **names** ([`Names`]: paths, titles, the periods' TIMEX values) and **links** ([`Links`]: the
//!   articles of each entity, the sources and entities of each event),
//!   loaded right after it ([`outline`] adds them);
//! - **chunks** ([`Chunk`]): the text, blocks, mentions and dates of a run of
//!   consecutive articles (reading order is date order, so a chunk covers a
//!   stretch of time), about [`CHUNK_TEXT_BYTES`] of text each, loaded when
//!   an article in them is opened;
//! - the **search index** ([`search`]): a head (term dictionary and
//!   statistics) and posting shards, built here so the page never indexes.
//!
//! [`join`] puts them back together; `join(split(c)) == c` for every corpus.
//! Each part is one file in the [`format`]: a header with a magic number,
//! the format version, the part's kind and a CRC-32, then the payload,
//! postcard-encoded and deflated. A file that is truncated, corrupt, of
//! another kind or of another version is refused with a [`BundleError`]
//! that says which, never a panic.
//!
//! ```
//! use dateline_bundle::{join, split, Bundle, CHUNK_TEXT_BYTES};
//! use dateline_engine::analysis::analyze;
//! use dateline_engine::corpus::Input;
//!
//! let text = b" date 2021-03-03 Wire\nTurkey buys missiles\n\nAnkara said on Monday it would buy more.\n";
//! let corpus = analyze([Input { path: "a.txt", bytes: text }]);
//! let Bundle { boot, names, links, chunks, .. } = split(&corpus, CHUNK_TEXT_BYTES);
//! let boot = Bundle::decode_boot(&Bundle::encode_boot(&boot)).unwrap();
//! let names = Bundle::decode_names(&Bundle::encode_names(&names)).unwrap();
//! let links = Bundle::decode_links(&Bundle::encode_links(&links)).unwrap();
//! let chunks: Vec<_> = chunks
//!     .iter()
//!     .map(|c| Bundle::decode_chunk(&Bundle::encode_chunk(c)).unwrap())
//!     .collect();
//! assert_eq!(join(boot, names, links, chunks).unwrap(), corpus);
//! ```

mod builder;
mod columns;
pub mod format;
mod parts;
pub mod search;

pub use builder::{BundleBuilder, Head, NamedChunk};
pub use format::{BundleError, FORMAT_VERSION};
pub use parts::{
    corpus_id, fill, join, outline, skeleton, split, unfilled, ArticleBody, ArticleColumns, Boot,
    Bundle, Chunk, ChunkRef, Links, Names, PeriodColumns, TextPrint, CHUNK_TEXT_BYTES, LINKS_FILE,
    NAMES_FILE,
};
