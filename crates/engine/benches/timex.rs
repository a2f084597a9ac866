//! Throughput of the temporal tagger on the whole TempEval-3 TBAQ corpus
//! (read from `../shared` at run time, never copied into the repository), so
//! a change to the rule table can be checked for speed as well as accuracy,
//! and compared with a peer tagger (`scripts/bench-timex` runs chrono-node on
//! the same texts and prints the ratio).
//!
//! `cargo bench --bench timex` times `BENCH_RUNS` (default 15) passes over
//! every article after one warm-up pass and prints the median, plus one JSON
//! line (`BENCH_JSON {...}`) for the wrapper script. Under `cargo test`
//! (no `--bench` argument) it makes one pass only, as a smoke test.

mod common;

use chrono::NaiveDate;
use dateline_engine::text::Span;
use std::path::Path;
use std::time::{Duration, Instant};

/// One article: its text, the body region (after the header line) and date.
struct Article {
    text: String,
    body: Span,
    date: NaiveDate,
}

/// Every `*.txt` article of the TBAQ corpus, or an error message.
fn load(dir: &Path) -> Result<Vec<Article>, String> {
    let paths = common::txt_files(dir)?;
    let mut out = Vec::with_capacity(paths.len());
    for path in paths {
        let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let article = dateline_engine::article::parse(&path.to_string_lossy(), &bytes)
            .map_err(|e| format!("{}: {e}", path.display()))?;
        let (body, date) = (article.body_span(), article.date);
        let text = article.text;
        out.push(Article { text, body, date });
    }
    if out.is_empty() {
        return Err(format!("no articles in {}", dir.display()));
    }
    Ok(out)
}

/// Tags every article once; returns the number of timexes (so the work is
/// not optimised away) and the time taken.
fn pass(articles: &[Article]) -> (usize, Duration) {
    let start = Instant::now();
    let found: usize = articles
        .iter()
        .map(|a| dateline_engine::timex::tag(&a.text, a.body, a.date).len())
        .sum();
    (std::hint::black_box(found), start.elapsed())
}

fn main() {
    let bench = std::env::args().any(|a| a == "--bench");
    let dir =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/tempeval3/tbaq/corpus");
    let articles = match load(&dir) {
        Ok(a) => a,
        Err(e) if bench => {
            eprintln!("bench timex: {e}");
            std::process::exit(1);
        }
        Err(e) => {
            println!("bench timex (smoke): skipped, {e}");
            return;
        }
    };
    let chars: usize = articles
        .iter()
        .map(|a| a.body.of(&a.text).chars().count())
        .sum();
    let words: usize = articles
        .iter()
        .map(|a| a.body.of(&a.text).split_whitespace().count())
        .sum();
    let runs = common::runs(bench, 15);
    let (times, found) = common::time_passes(bench, runs, || pass(&articles));
    let median = times[times.len() / 2].as_secs_f64().max(1e-9);
    let (fastest, slowest) = (times[0].as_secs_f64(), times[times.len() - 1].as_secs_f64());
    println!(
        "dateline timex: {} articles, {chars} chars, {words} words, {found} timexes",
        articles.len()
    );
    println!(
        "  median of {runs} runs: {:.1} ms (min {:.1}, max {:.1}) = {:.0} chars/s, {:.0} words/s",
        median * 1e3,
        fastest * 1e3,
        slowest * 1e3,
        chars as f64 / median,
        words as f64 / median
    );
    println!(
        "BENCH_JSON {{\"tool\":\"dateline\",\"runs\":{runs},\"median_s\":{median},\"chars\":{chars},\"words\":{words},\"found\":{found}}}"
    );
}
