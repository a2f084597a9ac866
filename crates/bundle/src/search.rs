//! The search index as bundle parts: its head (dictionary, term table,
//! field lengths) and its posting shards, each stamped with the corpus id
//! so a part of another build is refused like a stray chunk.

use crate::format::{self, BundleError, Kind};
use crate::parts::{part_file, Boot, Bundle};
use dateline_search::index::{IndexHead, IndexShard};
use dateline_search::SearchIndex;
use serde::{Deserialize, Serialize};

/// Where the search index is stored, relative to the boot part.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchFiles {
    pub head: String,
    /// Shard `n` is in `shards[n]`.
    pub shards: Vec<String>,
}

/// The search index's head part.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchHead {
    pub corpus_id: u64,
    pub head: IndexHead,
}

/// One shard of posting lists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchShard {
    pub corpus_id: u64,
    pub shard: IndexShard,
}

/// The corpus's search index as parts, and the files to store them in.
pub(crate) fn search_parts(
    index: SearchIndex,
    corpus_id: u64,
) -> (SearchFiles, SearchHead, Vec<SearchShard>) {
    let (head, shards) = index.to_parts();
    let files = SearchFiles {
        head: "search.bin".into(),
        shards: (0..shards.len())
            .map(|n| part_file("search", n, corpus_id))
            .collect(),
    };
    let shards = shards
        .into_iter()
        .map(|shard| SearchShard { corpus_id, shard })
        .collect();
    (files, SearchHead { corpus_id, head }, shards)
}

impl Bundle {
    /// The search head as a file.
    pub fn encode_search_head(head: &SearchHead) -> Vec<u8> {
        format::encode(Kind::SearchHead, head)
    }

    /// Reads a search head file.
    pub fn decode_search_head(bytes: &[u8]) -> Result<SearchHead, BundleError> {
        format::decode(Kind::SearchHead, bytes)
    }

    /// A search shard as a file.
    pub fn encode_search_shard(shard: &SearchShard) -> Vec<u8> {
        format::encode(Kind::SearchShard, shard)
    }

    /// Reads a search shard file.
    pub fn decode_search_shard(bytes: &[u8]) -> Result<SearchShard, BundleError> {
        format::decode(Kind::SearchShard, bytes)
    }
}

/// What a search part is checked against: the build it must belong to
/// (`Copy`, so the page can load the index while the boot part moves on
/// into the corpus).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    pub corpus_id: u64,
    pub articles: usize,
}

impl Boot {
    /// The stamp search parts of this build carry.
    pub fn stamp(&self) -> Stamp {
        Stamp {
            corpus_id: self.corpus_id,
            articles: self.articles.len(),
        }
    }
}

/// The search index of the corpus `boot` stamps, from its head; shards
/// follow with [`add_search_shard`].
pub fn open_search(boot: Stamp, head: SearchHead) -> Result<SearchIndex, BundleError> {
    if head.corpus_id != boot.corpus_id {
        return Err(BundleError::Mismatch(
            "the search index is of another build of the corpus".into(),
        ));
    }
    if head.head.text_lengths.len() != boot.articles {
        return Err(BundleError::Mismatch(format!(
            "the search index covers {} articles, the boot part lists {}",
            head.head.text_lengths.len(),
            boot.articles
        )));
    }
    SearchIndex::from_head(head.head).map_err(|e| BundleError::Corrupt(e.to_string()))
}

/// Adds a shard to an index [`open_search`] opened for `boot`.
pub fn add_search_shard(
    boot: Stamp,
    index: &SearchIndex,
    shard: SearchShard,
) -> Result<(), BundleError> {
    if shard.corpus_id != boot.corpus_id {
        return Err(BundleError::Mismatch(
            "a search shard is of another build of the corpus".into(),
        ));
    }
    index
        .add_shard(shard.shard)
        .map_err(|e| BundleError::Mismatch(e.to_string()))
}
