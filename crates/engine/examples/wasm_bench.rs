//! The wasm half of `scripts/bench-ner` and `scripts/bench-timex`: the full
//! analysis (`dateline_engine::analysis::analyze`) and the date tagger alone
//! (`dateline_engine::timex::tag`) as a bare WebAssembly module, so the same code
//! the reader runs can be timed in headless Chromium over the same articles
//! as `benches/analysis.rs` and `benches/timex.rs`.
//!
//! No wasm-bindgen: the page (`scripts/bench-ner.mjs`) copies each article
//! into memory handed out by [`bench_alloc`], then times [`bench_load`] and
//! repeated [`bench_run`] calls with `performance.now()` (wasm32 has no
//! clock of its own). Build it with
//! `cargo build --release --target wasm32-unknown-unknown --example wasm_bench`.

use dateline_engine::analysis::analyze;
use dateline_engine::article::{self, Article};
use dateline_engine::corpus::Input;
use dateline_engine::ner::Recognizer;
use std::sync::Mutex;

/// The articles handed over by the page, in order.
static FILES: Mutex<Vec<Vec<u8>>> = Mutex::new(Vec::new());

/// Reserves `len` bytes for the next article and returns where the page
/// should write them (the buffer never moves: only its handle is stored).
#[no_mangle]
pub extern "C" fn bench_alloc(len: usize) -> *mut u8 {
    let mut files = FILES.lock().unwrap_or_else(|e| e.into_inner());
    files.push(vec![0; len]);
    files
        .last_mut()
        .map_or(std::ptr::null_mut(), |f| f.as_mut_ptr())
}

/// Loads the bundled entity model (what the reader does once at start-up);
/// returns 1 when the model was readable.
#[no_mangle]
pub extern "C" fn bench_load() -> u32 {
    u32::from(Recognizer::bundled().has_model())
}

/// Analyses every article handed over so far, as one corpus; returns the
/// number of entity mentions found, so the page can check the work was done.
#[no_mangle]
pub extern "C" fn bench_run() -> usize {
    let files = FILES.lock().unwrap_or_else(|e| e.into_inner());
    let names: Vec<String> = (0..files.len()).map(|i| format!("{i:04}.txt")).collect();
    let corpus = analyze(
        files
            .iter()
            .zip(&names)
            .map(|(bytes, path)| Input { path, bytes }),
    );
    corpus.articles.iter().map(|a| a.mentions.len()).sum()
}

/// The articles parsed once, for timing the date tagger alone.
static PARSED: Mutex<Vec<Article>> = Mutex::new(Vec::new());

/// Parses every article handed over so far (outside the timed passes);
/// returns how many parsed.
#[no_mangle]
pub extern "C" fn bench_prepare_timex() -> usize {
    let files = FILES.lock().unwrap_or_else(|e| e.into_inner());
    let mut parsed = PARSED.lock().unwrap_or_else(|e| e.into_inner());
    *parsed = files
        .iter()
        .enumerate()
        .filter_map(|(i, bytes)| article::parse(&format!("{i:04}.txt"), bytes).ok())
        .collect();
    parsed.len()
}

/// Tags the dates of every parsed article; returns how many were found.
#[no_mangle]
pub extern "C" fn bench_run_timex() -> usize {
    let parsed = PARSED.lock().unwrap_or_else(|e| e.into_inner());
    parsed
        .iter()
        .map(|a| dateline_engine::timex::tag(&a.text, a.body_span(), a.date).len())
        .sum()
}
