//! Search for the Dateline reader, in the manner of Pagefind: the index is
//! built once, natively, by `dateline bundle`, and the page only loads it
//! (no index building in the browser) and runs queries in wasm.
//!
//! - [`terms`]: how text is cut into folded terms (index, query and
//!   snippet agree on it);
//! - [`builder`]: articles in, [`SearchIndex`] out; [`corpus`]: which
//!   parts of an analysed article are searchable;
//! - [`index`]: the `fst` dictionary, field statistics and posting shards,
//!   and the parts they are stored as;
//! - [`query`]: words, the prefix being typed, phrases, exclusions;
//! - [`expand`]: prefixes and typos to dictionary terms;
//! - [`ranking`]: BM25F over title, text and entity names;
//! - [`snippet`]: the marked line under a result.
//!
//! ```
//! use dateline_search::{builder::{Document, IndexBuilder}, query::Query, ranking};
//!
//! let mut builder = IndexBuilder::new();
//! for (title, text) in [
//!     ("Erdoğan visits Berlin", "Turkish President Recep Tayyip Erdoğan arrived in Berlin."),
//!     ("Markets", "Shares rose in Frankfurt on Monday."),
//! ] {
//!     builder.add(Document { title, text, names: &[] });
//! }
//! let index = builder.finish(dateline_search::builder::SHARD_BYTES);
//! // A typo, and the last word still being typed.
//! let mut hits = ranking::search(&index, &Query::parse("erdgoan ber"));
//! ranking::rank(&mut hits.scored, 10);
//! assert_eq!(hits.scored.iter().map(|s| s.doc).collect::<Vec<_>>(), [0]);
//! ```

pub mod builder;
pub mod corpus;
pub mod expand;
pub mod index;
pub mod postings;
pub mod query;
pub mod ranking;
pub mod snippet;
pub mod terms;

pub use index::SearchIndex;
