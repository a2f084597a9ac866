//! The index as the page holds it: an `fst` term dictionary (prefix and
//! edit-distance lookups walk it as automata), each term's posting-list
//! address and document frequency, field lengths for BM25F, and posting
//! shards that may arrive later than the rest.

use crate::postings::{self, Posting};
use fst::{IntoStreamer, Streamer};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::sync::OnceLock;

/// Where a term's posting list is and how many articles it is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TermRef {
    /// Document frequency: articles the term occurs in.
    pub df: u32,
    /// The shard holding its posting list.
    pub shard: u32,
    /// Byte offset of the list inside the shard.
    pub offset: u32,
}

/// Everything but the posting lists: what the page loads to start
/// searching. Term `n` of [`TermRef`]s is the `n`th term of the dictionary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndexHead {
    /// An `fst::Map` from term to its ordinal. As bytes (`serde_bytes`):
    /// postcard then reads it in one copy, not one element at a time.
    #[serde(with = "serde_bytes")]
    pub dictionary: Vec<u8>,
    pub terms: Vec<TermRef>,
    /// Short prefixes shared by many terms, with their most frequent terms'
    /// ordinals (see [`crate::builder::PREFIX_TERMS`]).
    pub prefixes: Vec<(String, Vec<u32>)>,
    /// Terms in each article's title and whole text, in corpus order.
    pub title_lengths: Vec<u32>,
    pub text_lengths: Vec<u32>,
    /// How many [`IndexShard`]s complete the index.
    pub shards: u32,
}

/// A run of posting lists, loaded when a query needs them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndexShard {
    pub number: u32,
    #[serde(with = "serde_bytes")]
    pub postings: Vec<u8>,
}

/// Why parts could not become an index: they were damaged or do not belong
/// together (a part of another build).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IndexError {
    Dictionary(String),
    Inconsistent(&'static str),
    UnknownShard { number: u32, shards: u32 },
}

impl fmt::Display for IndexError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IndexError::Dictionary(e) => write!(f, "the search dictionary is damaged: {e}"),
            IndexError::Inconsistent(what) => write!(f, "the search index is inconsistent: {what}"),
            IndexError::UnknownShard { number, shards } => {
                write!(
                    f,
                    "search shard {number} is not one of this index's {shards}"
                )
            }
        }
    }
}

impl std::error::Error for IndexError {}

/// A searchable index (see the crate docs for how it is queried).
pub struct SearchIndex {
    dictionary: fst::Map<Vec<u8>>,
    terms: Vec<TermRef>,
    prefixes: Vec<(String, Vec<u32>)>,
    title_lengths: Vec<u32>,
    text_lengths: Vec<u32>,
    average_title: f32,
    average_text: f32,
    /// Set once, when the shard arrives: a shared index gains shards
    /// without being copied or locked.
    shards: Vec<OnceLock<Vec<u8>>>,
}

impl fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SearchIndex")
            .field("terms", &self.terms.len())
            .field("docs", &self.docs())
            .field("shards", &self.shards.len())
            .finish()
    }
}

impl SearchIndex {
    pub(crate) fn from_built(
        keys: &[&str],
        terms: Vec<TermRef>,
        prefixes: Vec<(String, Vec<u32>)>,
        title_lengths: Vec<u32>,
        text_lengths: Vec<u32>,
        shards: Vec<Vec<u8>>,
    ) -> SearchIndex {
        let dictionary = fst::Map::from_iter(keys.iter().enumerate().map(|(i, k)| (k, i as u64)))
            .expect("terms arrive sorted and unique");
        SearchIndex::assemble(
            dictionary,
            terms,
            prefixes,
            title_lengths,
            text_lengths,
            shards.into_iter().map(OnceLock::from).collect(),
        )
    }

    fn assemble(
        dictionary: fst::Map<Vec<u8>>,
        terms: Vec<TermRef>,
        prefixes: Vec<(String, Vec<u32>)>,
        title_lengths: Vec<u32>,
        text_lengths: Vec<u32>,
        shards: Vec<OnceLock<Vec<u8>>>,
    ) -> SearchIndex {
        let average = |lengths: &[u32]| {
            let total: u64 = lengths.iter().map(|&l| u64::from(l)).sum();
            (total as f32 / lengths.len().max(1) as f32).max(1.0)
        };
        SearchIndex {
            average_title: average(&title_lengths),
            average_text: average(&text_lengths),
            dictionary,
            terms,
            prefixes,
            title_lengths,
            text_lengths,
            shards,
        }
    }

    /// The index from its head part; its shards come with [`Self::add_shard`].
    pub fn from_head(head: IndexHead) -> Result<SearchIndex, IndexError> {
        let dictionary =
            fst::Map::new(head.dictionary).map_err(|e| IndexError::Dictionary(e.to_string()))?;
        // `fst` trusts its nodes once the header parses, and indexes out of
        // bounds on a damaged one (found by the bundle_decode fuzz target):
        // its checksum over every byte is checked first.
        dictionary
            .as_fst()
            .verify()
            .map_err(|e| IndexError::Dictionary(e.to_string()))?;
        let terms = head.terms.len();
        if dictionary.len() != terms {
            return Err(IndexError::Inconsistent(
                "dictionary and terms differ in length",
            ));
        }
        if head.title_lengths.len() != head.text_lengths.len() {
            return Err(IndexError::Inconsistent("field lengths differ in length"));
        }
        if head.terms.iter().any(|t| t.shard >= head.shards) {
            return Err(IndexError::Inconsistent(
                "a term points past the last shard",
            ));
        }
        if head
            .prefixes
            .iter()
            .flat_map(|(_, o)| o)
            .any(|&o| o as usize >= terms)
        {
            return Err(IndexError::Inconsistent("a prefix lists an unknown term"));
        }
        Ok(SearchIndex::assemble(
            dictionary,
            head.terms,
            head.prefixes,
            head.title_lengths,
            head.text_lengths,
            (0..head.shards).map(|_| OnceLock::new()).collect(),
        ))
    }

    /// Adds a loaded shard (a shard already there stays as it is).
    pub fn add_shard(&self, shard: IndexShard) -> Result<(), IndexError> {
        let shards = self.shards.len() as u32;
        let slot = self
            .shards
            .get(shard.number as usize)
            .ok_or(IndexError::UnknownShard {
                number: shard.number,
                shards,
            })?;
        let _ = slot.set(shard.postings);
        Ok(())
    }

    /// The parts to store: the head and every shard (all must be loaded).
    pub fn to_parts(&self) -> (IndexHead, Vec<IndexShard>) {
        let head = IndexHead {
            dictionary: self.dictionary.as_fst().as_bytes().to_vec(),
            terms: self.terms.clone(),
            prefixes: self.prefixes.clone(),
            title_lengths: self.title_lengths.clone(),
            text_lengths: self.text_lengths.clone(),
            shards: self.shards.len() as u32,
        };
        let shards = self
            .shards
            .iter()
            .enumerate()
            .map(|(number, postings)| IndexShard {
                number: number as u32,
                postings: postings.get().cloned().unwrap_or_default(),
            })
            .collect();
        (head, shards)
    }

    /// Articles indexed.
    pub fn docs(&self) -> usize {
        self.text_lengths.len()
    }

    /// Distinct terms.
    pub fn term_count(&self) -> usize {
        self.terms.len()
    }

    /// Bytes the index holds in memory (dictionary, tables and loaded shards).
    pub fn heap_bytes(&self) -> usize {
        let prefixes: usize = self
            .prefixes
            .iter()
            .map(|(p, o)| p.len() + 4 * o.len() + 48)
            .sum();
        let shards: usize = self
            .shards
            .iter()
            .filter_map(OnceLock::get)
            .map(Vec::len)
            .sum();
        self.dictionary.as_fst().as_bytes().len()
            + self.terms.len() * std::mem::size_of::<TermRef>()
            + prefixes
            + 4 * (self.title_lengths.len() + self.text_lengths.len())
            + shards
    }

    /// The shards holding these terms that have not been loaded yet.
    pub fn missing_shards(&self, ordinals: &[u32]) -> Vec<u32> {
        let mut missing: Vec<u32> = ordinals
            .iter()
            .map(|&o| self.terms[o as usize].shard)
            .filter(|&s| self.shards[s as usize].get().is_none())
            .collect();
        missing.sort_unstable();
        missing.dedup();
        missing
    }

    pub(crate) fn lookup(&self, term: &str) -> Option<u32> {
        self.dictionary
            .get(term)
            .filter(|&o| (o as usize) < self.terms.len())
            .map(|o| o as u32)
    }

    pub(crate) fn term(&self, ordinal: u32) -> TermRef {
        self.terms[ordinal as usize]
    }

    /// The term with this ordinal (ordinals follow the dictionary's order).
    pub(crate) fn term_text(&self, ordinal: u32) -> String {
        let bytes = self
            .dictionary
            .as_fst()
            .get_key(u64::from(ordinal))
            .unwrap_or_default();
        String::from_utf8(bytes).unwrap_or_default()
    }

    /// The precomputed best terms for a short, crowded prefix.
    pub(crate) fn popular(&self, prefix: &str) -> Option<&[u32]> {
        self.prefixes
            .binary_search_by(|(p, _)| p.as_str().cmp(prefix))
            .ok()
            .map(|i| self.prefixes[i].1.as_slice())
    }

    /// Ordinals of the terms `automaton` accepts, at most `limit`.
    pub(crate) fn matching<A: fst::Automaton>(&self, automaton: A, limit: usize) -> Vec<u32> {
        let mut stream = self.dictionary.search(automaton).into_stream();
        let mut out = Vec::new();
        while let Some((_, ordinal)) = stream.next() {
            // A damaged dictionary may name ordinals past the table.
            if (ordinal as usize) < self.terms.len() {
                out.push(ordinal as u32);
            }
            if out.len() >= limit {
                break;
            }
        }
        out
    }

    /// The term's postings; none while its shard is not loaded.
    pub(crate) fn postings(&self, ordinal: u32) -> impl Iterator<Item = Posting> + '_ {
        let term = self.term(ordinal);
        let bytes = self.shards[term.shard as usize]
            .get()
            .map_or(&[][..], Vec::as_slice);
        postings::decode(bytes, term.offset as usize)
    }

    pub(crate) fn title_length(&self, doc: u32) -> (f32, f32) {
        let at = doc as usize;
        let length = self.title_lengths.get(at).copied().unwrap_or(0) as f32;
        (length, self.average_title)
    }

    pub(crate) fn text_length(&self, doc: u32) -> (f32, f32) {
        let at = doc as usize;
        let length = self.text_lengths.get(at).copied().unwrap_or(0) as f32;
        (length, self.average_text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builder::{Document, IndexBuilder};

    #[test]
    fn a_damaged_dictionary_is_refused_before_any_lookup() {
        let mut builder = IndexBuilder::new();
        for text in ["Ankara signs the deal", "Moscow delivers the missiles"] {
            builder.add(Document {
                title: "",
                text,
                names: &[],
            });
        }
        let (head, _) = builder.finish(64).to_parts();
        assert!(SearchIndex::from_head(head.clone()).is_ok());
        // Every byte of the node area (past the 16-byte header, before the
        // footer's length, root address and checksum), one at a time.
        for at in 16..head.dictionary.len() - 20 {
            let mut damaged = head.clone();
            damaged.dictionary[at] ^= 0x41;
            let err = SearchIndex::from_head(damaged).err();
            assert!(
                matches!(err, Some(IndexError::Dictionary(_))),
                "byte {at}: {err:?}"
            );
        }
    }
}
