//! Shared by the unit tests: the bundled seed corpus, analysed.

use dateline_engine::analysis::analyze;
use dateline_engine::corpus::{Corpus, Input};

/// The two seed articles of `assets/corpus`, analysed together.
pub fn seed_corpus() -> Corpus {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/corpus");
    let files: Vec<(String, Vec<u8>)> = ["000_fd1aee54e6a12c6a.txt", "003_113eacf95b61ac4f.txt"]
        .iter()
        .map(|n| {
            (
                n.to_string(),
                std::fs::read(root.join(n)).expect("seed file"),
            )
        })
        .collect();
    analyze(files.iter().map(|(path, bytes)| Input { path, bytes }))
}
