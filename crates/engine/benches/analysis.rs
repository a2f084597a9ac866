//! Throughput of the full analysis (`dateline_engine::analysis::analyze`: parse,
//! entities, dates, linking, events) over the converted CoNLL-2003 dev
//! corpus, read from `../shared` at run time and never copied into the
//! repository (`BENCH_CORPUS=DIR` reads another folder of articles).
//!
//! `cargo bench --bench analysis` first times the model load (the first
//! `Recognizer::bundled()` call: header check and gazetteers), then one
//! warm-up pass and `BENCH_RUNS` (default 10) timed passes over all
//! articles at once, and prints the median, plus one `BENCH_JSON {...}` line
//! for `scripts/bench-ner`, which puts it beside the wasm build and spaCy.
//! Under `cargo test` (no `--bench` argument) it makes one pass only, as a
//! smoke test, and skips quietly when the corpus is absent.

mod common;

use dateline_engine::analysis::analyze;
use dateline_engine::corpus::Input;
use dateline_engine::ner::Recognizer;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// One article file: its name and bytes.
struct File {
    path: String,
    bytes: Vec<u8>,
}

/// Every `*.txt` file of `dir`, sorted by name, or an error message.
fn load(dir: &Path) -> Result<Vec<File>, String> {
    let paths = common::txt_files(dir)?;
    let mut out = Vec::with_capacity(paths.len());
    for path in paths {
        let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        out.push(File {
            path: path.display().to_string(),
            bytes,
        });
    }
    Ok(out)
}

/// Words of an article after its header line, the unit every tool in
/// `scripts/bench-ner` is measured in (white-space separated, as Python's
/// `str.split()` and the wasm page count them).
fn body_words(bytes: &[u8]) -> usize {
    let text = String::from_utf8_lossy(bytes);
    let body = text.split_once('\n').map_or("", |(_, b)| b);
    body.split_whitespace().count()
}

/// Analyses every file once; returns the number of mentions (so the work is
/// not optimised away) and the time taken.
fn pass(files: &[File]) -> (usize, Duration) {
    let start = Instant::now();
    let corpus = analyze(files.iter().map(|f| Input {
        path: &f.path,
        bytes: &f.bytes,
    }));
    let found = corpus.articles.iter().map(|a| a.mentions.len()).sum();
    (std::hint::black_box(found), start.elapsed())
}

fn main() {
    let bench = std::env::args().any(|a| a == "--bench");
    let dir = std::env::var_os("BENCH_CORPUS").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/conll2003/dev/corpus"),
        PathBuf::from,
    );
    let files = match load(&dir) {
        Ok(f) => f,
        Err(e) if bench => {
            eprintln!("bench analysis: {e}");
            std::process::exit(1);
        }
        Err(e) => {
            println!("bench analysis (smoke): skipped, {e}");
            return;
        }
    };
    let t = Instant::now();
    std::hint::black_box(Recognizer::bundled());
    let load_s = t.elapsed().as_secs_f64();
    let words: usize = files.iter().map(|f| body_words(&f.bytes)).sum();
    let runs = common::runs(bench, 10);
    let (times, found) = common::time_passes(bench, runs, || pass(&files));
    let median = times[times.len() / 2].as_secs_f64().max(1e-9);
    println!(
        "dateline analyze (native): {} articles, {words} words, {found} mentions; model load {:.2} ms",
        files.len(),
        load_s * 1e3
    );
    println!(
        "  median of {runs} runs: {:.1} ms (min {:.1}, max {:.1}) = {:.0} words/s",
        median * 1e3,
        times[0].as_secs_f64() * 1e3,
        times[times.len() - 1].as_secs_f64() * 1e3,
        words as f64 / median
    );
    println!(
        "BENCH_JSON {{\"tool\":\"native\",\"runs\":{runs},\"median_s\":{median},\"words\":{words},\"found\":{found},\"load_s\":{load_s}}}"
    );
}
