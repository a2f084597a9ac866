//! Building the index: once, by `dateline bundle`, for the whole corpus (and
//! in the page only for the few articles a reader adds).

use crate::index::{SearchIndex, TermRef};
use crate::postings::{self, Posting};
use crate::terms::each_term;
use foldhash::{HashMap, HashMapExt};

/// What of an article is searchable.
#[derive(Debug, Clone, Copy)]
pub struct Document<'a> {
    pub title: &'a str,
    /// The whole text (the title included: it is part of what was written).
    pub text: &'a str,
    /// Names of the entities the article mentions, canonical and aliases:
    /// "Türkiye" finds an article that calls the country Turkey.
    pub names: &'a [&'a str],
}

/// Posting lists are cut into shards of about this many bytes, so a page
/// at 100,000 articles loads only the shards its queries touch.
pub const SHARD_BYTES: usize = 1 << 20;

/// How many of the most frequent terms a short prefix ("t", "tu", "tur",
/// "turk") stands for. Shorter prefixes than this have too many terms to
/// list per keystroke, so the builder lists their best ones once.
pub const PREFIX_TERMS: usize = 8;

/// Prefixes up to this many characters get a precomputed term list.
const LISTED_PREFIX_CHARS: usize = 4;

/// Collects documents in corpus order, then writes the index.
#[derive(Debug, Default)]
pub struct IndexBuilder {
    terms: HashMap<Box<str>, Growing>,
    title_lengths: Vec<u32>,
    text_lengths: Vec<u32>,
}

/// A posting list being written: docs arrive in ascending order, so each
/// posting is appended as it comes (the count goes in front at the end).
#[derive(Debug, Default)]
struct Growing {
    count: u32,
    last: Option<u32>,
    bytes: Vec<u8>,
}

/// One article's terms with how it uses each, and its lengths in terms:
/// what [`IndexBuilder::push`] adds to the index.
pub struct Counted {
    terms: HashMap<String, InDoc>,
    title_length: u32,
    text_length: u32,
}

impl Counted {
    /// Counts the terms of `doc`.
    pub fn of(doc: Document<'_>) -> Counted {
        let mut terms: HashMap<String, InDoc> = HashMap::new();
        let mut text_length = 0u32;
        each_term(doc.text, |t, _| {
            text_length += 1;
            entry(&mut terms, t).body += 1;
        });
        let mut title_length = 0u32;
        each_term(doc.title, |t, _| {
            title_length += 1;
            entry(&mut terms, t).title = true;
        });
        for name in doc.names {
            each_term(name, |t, _| entry(&mut terms, t).entity = true);
        }
        Counted {
            terms,
            title_length,
            text_length,
        }
    }
}

#[derive(Default)]
struct InDoc {
    body: u32,
    title: bool,
    entity: bool,
}

impl IndexBuilder {
    /// An empty builder.
    pub fn new() -> IndexBuilder {
        IndexBuilder::default()
    }

    /// Adds the next article; its index in the corpus is the number added before.
    pub fn add(&mut self, doc: Document<'_>) {
        self.push(Counted::of(doc));
    }

    /// Adds the next article's terms, counted beforehand (perhaps on
    /// another thread: counting is most of the work, and independent per
    /// article).
    pub fn push(&mut self, counted: Counted) {
        let id = self.text_lengths.len() as u32;
        for (term, how) in counted.terms {
            let growing = match self.terms.get_mut(term.as_str()) {
                Some(g) => g,
                None => self.terms.entry(term.into_boxed_str()).or_default(),
            };
            let posting = Posting {
                doc: id,
                body: how.body,
                title: how.title,
                entity: how.entity,
            };
            growing.push(posting);
        }
        self.title_lengths.push(counted.title_length);
        self.text_lengths.push(counted.text_length);
    }

    /// The index of everything added, its postings cut into shards of
    /// about `shard_bytes`.
    pub fn finish(self, shard_bytes: usize) -> SearchIndex {
        let mut terms: Vec<(Box<str>, Growing)> = self.terms.into_iter().collect();
        terms.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let mut shards: Vec<Vec<u8>> = vec![Vec::new()];
        let mut refs = Vec::with_capacity(terms.len());
        for (_, growing) in &terms {
            let shard = shards.last_mut().expect("one shard at least");
            let offset = shard.len();
            growing.write(shard);
            refs.push(TermRef {
                df: growing.count,
                shard: (shards.len() - 1) as u32,
                offset: offset as u32,
            });
            if shards.last().map_or(0, Vec::len) >= shard_bytes {
                shards.push(Vec::new());
            }
        }
        if shards.len() > 1 && shards.last().is_some_and(Vec::is_empty) {
            shards.pop();
        }
        let keys: Vec<&str> = terms.iter().map(|(t, _)| &**t).collect();
        let prefixes = popular_prefixes(&keys, &refs);
        SearchIndex::from_built(
            &keys,
            refs,
            prefixes,
            self.title_lengths,
            self.text_lengths,
            shards,
        )
    }
}

fn entry<'m>(seen: &'m mut HashMap<String, InDoc>, term: &str) -> &'m mut InDoc {
    if !seen.contains_key(term) {
        seen.insert(term.to_owned(), InDoc::default());
    }
    seen.get_mut(term).expect("just inserted")
}

impl Growing {
    fn push(&mut self, posting: Posting) {
        let gap = Posting {
            doc: posting.doc - self.last.unwrap_or(0),
            ..posting
        };
        postings::encode_one(gap, &mut self.bytes);
        self.last = Some(posting.doc);
        self.count += 1;
    }

    fn write(&self, out: &mut Vec<u8>) {
        postings::write_count(self.count, out);
        out.extend_from_slice(&self.bytes);
    }
}

/// For every prefix of up to [`LISTED_PREFIX_CHARS`] characters that more
/// than [`PREFIX_TERMS`] terms share, its [`PREFIX_TERMS`] most frequent
/// terms (sorted by prefix, for binary search).
fn popular_prefixes(keys: &[&str], refs: &[TermRef]) -> Vec<(String, Vec<u32>)> {
    let mut out = Vec::new();
    for chars in 1..=LISTED_PREFIX_CHARS {
        let prefix_of = |t: &str| -> Option<String> {
            let end = t.char_indices().nth(chars).map_or(t.len(), |(i, _)| i);
            (t[..end].chars().count() == chars).then(|| t[..end].to_owned())
        };
        let mut i = 0;
        while i < keys.len() {
            let Some(prefix) = prefix_of(keys[i]) else {
                i += 1;
                continue;
            };
            let end = i + keys[i..].partition_point(|t| t.starts_with(prefix.as_str()));
            if end - i > PREFIX_TERMS {
                let mut group: Vec<u32> = (i as u32..end as u32).collect();
                group.sort_by(|&a, &b| refs[b as usize].df.cmp(&refs[a as usize].df));
                group.truncate(PREFIX_TERMS);
                out.push((prefix, group));
            }
            i = end;
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}
