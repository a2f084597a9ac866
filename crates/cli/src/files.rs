//! Reading a corpus from disk and analysing it on every core.

use crate::spill::{self, Encoded, Parked, Spill};
use dateline_bundle::TextPrint;
use dateline_engine::analysis::{self, Digest, Tagged};
use dateline_engine::article;
use dateline_engine::corpus::{Corpus, Problem};
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Files under `path`: the file itself, or every `.txt` in the folder tree, sorted.
pub fn collect_files(path: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    if !path.is_dir() {
        std::fs::metadata(path)?;
        out.push(path.to_path_buf());
        return Ok(());
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(path)?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    entries.sort();
    for entry in entries {
        if entry.is_dir() {
            collect_files(&entry, out)?;
        } else if entry.extension().is_some_and(|e| e == "txt") {
            out.push(entry);
        }
    }
    Ok(())
}

/// One file to read, and the name it goes by in the corpus (its article id
/// is that name without the extension).
pub struct Source {
    pub file: PathBuf,
    pub name: String,
}

/// An analysed corpus and how many files could not even be read.
pub struct Loaded {
    pub corpus: Corpus,
    pub unreadable: usize,
}

/// What became of one file.
enum Outcome<T> {
    Read(T),
    Malformed(Problem),
    /// Reported on stderr by name, and counted.
    Unreadable,
}

impl<T> Outcome<T> {
    /// The same outcome with `f` applied to what was read.
    fn map<U>(self, f: impl FnOnce(T) -> U) -> Outcome<U> {
        match self.try_map(|t| Ok::<U, std::convert::Infallible>(f(t))) {
            Ok(outcome) => outcome,
            Err(never) => match never {},
        }
    }

    /// The same outcome with `f` applied to what was read, unless it fails.
    fn try_map<U, E>(self, f: impl FnOnce(T) -> Result<U, E>) -> Result<Outcome<U>, E> {
        Ok(match self {
            Outcome::Read(t) => Outcome::Read(f(t)?),
            Outcome::Malformed(p) => Outcome::Malformed(p),
            Outcome::Unreadable => Outcome::Unreadable,
        })
    }
}

/// Reads, parses and tags one file.
fn load(s: &Source) -> Outcome<Tagged> {
    match std::fs::read(&s.file) {
        Ok(bytes) => match article::parse(&s.name, &bytes) {
            Ok(a) => Outcome::Read(analysis::tag(a)),
            Err(error) => Outcome::Malformed(Problem {
                path: s.name.clone(),
                error,
            }),
        },
        Err(e) => {
            eprintln!("{}: {e}", s.file.display());
            Outcome::Unreadable
        }
    }
}

/// The files read, the malformed ones and the number of unreadable ones,
/// each in the order added.
struct Sorted<T> {
    read: Vec<T>,
    problems: Vec<Problem>,
    unreadable: usize,
}

impl<T> Sorted<T> {
    fn new() -> Self {
        Sorted {
            read: Vec::new(),
            problems: Vec::new(),
            unreadable: 0,
        }
    }

    fn add(&mut self, outcome: Outcome<T>) {
        match outcome {
            Outcome::Read(t) => self.read.push(t),
            Outcome::Malformed(p) => self.problems.push(p),
            Outcome::Unreadable => self.unreadable += 1,
        }
    }
}

/// Reads, parses and tags every file in parallel (rayon, all cores), then
/// links the corpus. Each file is read inside its task, so only the texts
/// being tagged and the tagged articles are in memory, never every raw file
/// as well. The result equals `analysis::analyze` over the same files in
/// the same order (assembly sorts into reading order).
pub fn analyze(sources: &[Source]) -> Loaded {
    let outcomes: Vec<Outcome<Tagged>> = sources.par_iter().map(load).collect();
    let mut sorted = Sorted::new();
    outcomes.into_iter().for_each(|o| sorted.add(o));
    Loaded {
        corpus: analysis::assemble(sorted.read, sorted.problems),
        unreadable: sorted.unreadable,
    }
}

/// A corpus linked without its texts (see [`digest`]).
pub struct Digested {
    /// The corpus `analyze` would find, but every article's text and
    /// blocks empty: they are in the spill.
    pub corpus: Corpus,
    /// Article `i`'s text print and where its body is parked.
    pub kept: Vec<(TextPrint, Parked)>,
    pub unreadable: usize,
    /// How long reading and tagging took (on all cores), and linking after
    /// it: where a slow build spends its time.
    pub tagging: Duration,
    pub linking: Duration,
}

/// At most this many files are read and tagged at once...
const BATCH_FILES: usize = 512;
/// ...and at most about this many bytes of them, so the texts in memory
/// stay bounded whatever the size of the articles.
const BATCH_BYTES: u64 = 64 << 20;

/// [`analyze`] for a corpus that may not fit in memory: reads and tags the
/// files a batch at a time (in parallel within a batch), parks each
/// article's text and blocks in `spill` and keeps only its digest, then
/// links the digests. Malformed files are reported as problems, unreadable
/// ones counted, exactly as [`analyze`] does.
pub fn digest(sources: &[Source], spill: &mut Spill) -> std::io::Result<Digested> {
    let started = Instant::now();
    let mut sorted = Sorted::new();
    for batch in batches(sources) {
        let outcomes: Vec<Outcome<(Digest, TextPrint, Encoded)>> = batch
            .par_iter()
            .map(|s| {
                load(s).map(|tagged| {
                    let print = TextPrint::of(&tagged.article.text);
                    let (digest, body) = Digest::of(tagged);
                    (digest, print, spill::encode(&body))
                })
            })
            .collect();
        for outcome in outcomes {
            sorted.add(outcome.try_map(|(digest, print, encoded)| {
                Ok::<_, std::io::Error>((digest, (print, spill.park(&encoded)?)))
            })?);
        }
    }
    let tagging = started.elapsed();
    let (corpus, kept) = analysis::assemble_digests(sorted.read, sorted.problems);
    Ok(Digested {
        corpus,
        kept,
        unreadable: sorted.unreadable,
        tagging,
        linking: started.elapsed() - tagging,
    })
}

/// `sources` in runs of at most [`BATCH_FILES`] files and, past the first
/// file of a run, [`BATCH_BYTES`] (by the sizes on disk).
fn batches(sources: &[Source]) -> impl Iterator<Item = &[Source]> {
    let mut rest = sources;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let mut bytes = 0;
        let end = rest
            .iter()
            .take(BATCH_FILES)
            .position(|s| {
                bytes += std::fs::metadata(&s.file).map_or(0, |m| m.len());
                bytes > BATCH_BYTES
            })
            .map_or(rest.len().min(BATCH_FILES), |at| at.max(1));
        let (batch, after) = rest.split_at(end);
        rest = after;
        Some(batch)
    })
}
