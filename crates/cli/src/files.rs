//! Reading a corpus from disk and analysing it on every core.

use dateline_engine::analysis::{self, Tagged};
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
    /// How long reading and tagging took (on all cores), and linking after
    /// it (on one): where a slow build spends its time.
    pub tagging: Duration,
    pub linking: Duration,
}

/// Reads, parses and tags every file in parallel (rayon, all cores), then
/// links the corpus. Each file is read inside its task, so only the texts
/// being tagged and the tagged articles are in memory, never every raw file
/// as well. The result equals `analysis::analyze` over the same files in
/// the same order (assembly sorts into reading order).
pub fn analyze(sources: &[Source]) -> Loaded {
    let started = Instant::now();
    let results: Vec<Result<Result<Tagged, Problem>, ()>> = sources
        .par_iter()
        .map(|s| match std::fs::read(&s.file) {
            Ok(bytes) => Ok(match article::parse(&s.name, &bytes) {
                Ok(a) => Ok(analysis::tag(a)),
                Err(error) => Err(Problem {
                    path: s.name.clone(),
                    error,
                }),
            }),
            Err(e) => {
                eprintln!("{}: {e}", s.file.display());
                Err(())
            }
        })
        .collect();
    let mut tagged = Vec::with_capacity(results.len());
    let mut problems = Vec::new();
    let mut unreadable = 0;
    for r in results {
        match r {
            Ok(Ok(t)) => tagged.push(t),
            Ok(Err(p)) => problems.push(p),
            Err(()) => unreadable += 1,
        }
    }
    let tagging = started.elapsed();
    let corpus = analysis::assemble(tagged, problems);
    Loaded {
        corpus,
        unreadable,
        tagging,
        linking: started.elapsed() - tagging,
    }
}
