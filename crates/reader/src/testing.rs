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

/// The seed corpus repeated `copies` times, each copy a day later than the
/// last and under one of `sources` names: a crowded corpus with real text,
/// entities and events, for the timeline's level-of-detail tests.
pub fn crowded_corpus(copies: usize, sources: usize) -> Corpus {
    let seed = seed_corpus();
    let mut corpus = Corpus {
        articles: Vec::new(),
        entities: seed.entities.clone(),
        events: Default::default(),
        problems: Vec::new(),
    };
    let mut events = Vec::new();
    for copy in 0..copies {
        let shift = chrono::Days::new(copy as u64);
        let first = corpus.articles.len();
        for a in &seed.articles {
            let mut a = a.clone();
            a.article.id = format!("{}-{copy}", a.article.id);
            a.article.date = a.article.date + shift;
            a.article.source = format!("Source {}", copy % sources.max(1));
            corpus.articles.push(a);
        }
        for e in seed.events.iter() {
            let mut e = e.clone();
            e.start = e.start + shift;
            e.end = e.end + shift;
            for s in &mut e.sources {
                s.article += first;
            }
            events.push(e);
        }
    }
    corpus.events = events.into();
    corpus
}
