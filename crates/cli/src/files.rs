//! Reading a corpus from disk and analysing it on every core: whole, in
//! memory ([`analyze`], for `dateline analyze`), or a batch of files at a
//! time with every text parked on disk ([`digest`], for `dateline bundle`,
//! so a corpus larger than memory still bundles).

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

/// How many files are read and tagged at once, at most: so many files...
#[derive(Debug, Clone, Copy)]
struct Batching {
    files: usize,
    /// ...and, past the first file, about this many bytes of them (by
    /// their sizes on disk), so the texts in memory stay bounded whatever
    /// the size of the articles.
    bytes: u64,
}

/// The batches of a bundle build: enough files to keep both cores busy.
const BATCHES: Batching = Batching {
    files: 512,
    bytes: 64 << 20,
};

/// [`analyze`] for a corpus that may not fit in memory: reads and tags the
/// files a batch at a time (in parallel within a batch), parks each
/// article's text and blocks in `spill` and keeps only its digest, then
/// links the digests. Malformed files are reported as problems, unreadable
/// ones counted, exactly as [`analyze`] does.
pub fn digest(sources: &[Source], spill: &mut Spill) -> std::io::Result<Digested> {
    digest_in(sources, spill, BATCHES)
}

/// [`digest`], reading the files in batches of `batching`.
fn digest_in(
    sources: &[Source],
    spill: &mut Spill,
    batching: Batching,
) -> std::io::Result<Digested> {
    let started = Instant::now();
    let mut sorted = Sorted::new();
    for batch in batches(sources, batching) {
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

/// `sources` in runs of at most `limit.files` files and, past the first
/// file of a run, `limit.bytes`.
fn batches(sources: &[Source], limit: Batching) -> impl Iterator<Item = &[Source]> {
    let mut rest = sources;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let mut bytes = 0;
        let end = rest
            .iter()
            .take(limit.files)
            .position(|s| {
                bytes += std::fs::metadata(&s.file).map_or(0, |m| m.len());
                bytes > limit.bytes
            })
            .map_or(rest.len().min(limit.files), |at| at.max(1));
        let (batch, after) = rest.split_at(end);
        rest = after;
        Some(batch)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use dateline_engine::corpus::Input;

    /// A folder of its own with these files, as sources in this order.
    fn sources(name: &str, files: &[(&str, &[u8])]) -> (PathBuf, Vec<Source>) {
        let dir = std::env::temp_dir().join(format!("dateline-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let sources = files
            .iter()
            .map(|(name, bytes)| {
                let file = dir.join(name);
                // An empty name stands for a file that cannot be read.
                if !bytes.is_empty() {
                    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
                    std::fs::write(&file, bytes).unwrap();
                }
                Source {
                    file,
                    name: name.to_string(),
                }
            })
            .collect();
        (dir, sources)
    }

    const ARTICLE: &[u8] = b" date 2021-03-03 Wire\nTurkey buys missiles\n\nThe Presidency of Defence Industries (SSB) said on Monday that Ankara would buy more. Demir met Lavrov on 1 March 2021.\n";

    #[test]
    fn batches_hold_so_many_files_and_so_many_bytes() {
        let files: Vec<(String, Vec<u8>)> = (0..7)
            .map(|i| (format!("{i}.txt"), vec![b'x'; 10 * (i + 1)]))
            .collect();
        let named: Vec<(&str, &[u8])> = files.iter().map(|(n, b)| (n.as_str(), &b[..])).collect();
        let (dir, sources) = sources("batches", &named);
        let sizes = |limit| -> Vec<usize> { batches(&sources, limit).map(<[_]>::len).collect() };
        assert_eq!(
            sizes(Batching {
                files: 3,
                bytes: 1000
            }),
            [3, 3, 1]
        );
        // 10 + 20 bytes, then 30 (with 40 it would be over 35), then each
        // alone (the first file of a batch always goes).
        assert_eq!(
            sizes(Batching {
                files: 9,
                bytes: 35
            }),
            [2, 1, 1, 1, 1, 1]
        );
        assert_eq!(batches(&[], BATCHES).count(), 0);
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn digesting_in_batches_gives_the_analysis_with_its_texts_parked() {
        let later = String::from_utf8_lossy(ARTICLE).replace("2021-03-03", "2021-03-01");
        let files: [(&str, &[u8]); 6] = [
            ("b.txt", ARTICLE),
            ("bad.txt", b"no header\n"),
            ("missing.txt", b""),
            ("a.txt", later.as_bytes()),
            ("sub/b.txt", ARTICLE),
            ("c.txt", ARTICLE),
        ];
        let (dir, sources) = sources("digest", &files);
        let readable: Vec<Input> = files
            .iter()
            .filter(|(_, bytes)| !bytes.is_empty())
            .map(|&(path, bytes)| Input { path, bytes })
            .collect();
        let expected = analysis::analyze(readable);
        let mut spill = Spill::create(&dir).unwrap();
        let batching = Batching {
            files: 2,
            bytes: 1 << 20,
        };
        let digested = digest_in(&sources, &mut spill, batching).unwrap();
        assert_eq!(digested.unreadable, 1);
        let mut corpus = digested.corpus;
        assert!(corpus.articles.iter().all(|a| a.article.text.is_empty()));
        assert_eq!(corpus.articles.len(), digested.kept.len());
        let mut reader = spill.into_reader().unwrap();
        for (a, (print, parked)) in corpus.articles.iter_mut().zip(digested.kept) {
            reader.take(parked).unwrap().restore(&mut a.article);
            assert_eq!(print, TextPrint::of(&a.article.text));
        }
        assert_eq!(corpus, expected);
        assert_eq!(corpus.problems.len(), 1);
        assert_eq!(corpus.problems[0].path, "bad.txt");
        drop(reader);
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn digesting_no_file_gives_an_empty_corpus() {
        let (dir, _) = sources("digest-none", &[]);
        let mut spill = Spill::create(&dir).unwrap();
        let digested = digest(&[], &mut spill).unwrap();
        assert_eq!(digested.corpus, Corpus::default());
        assert!(digested.kept.is_empty());
        assert_eq!(digested.unreadable, 0);
        drop(spill);
        std::fs::remove_dir_all(dir).unwrap();
    }
}
