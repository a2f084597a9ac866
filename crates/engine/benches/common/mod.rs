//! Timing shared by the benchmarks: how many passes, a warm-up, the sorted
//! pass times, so every bench reports medians the same way.

use std::path::{Path, PathBuf};
use std::time::Duration;

/// Timed passes: `BENCH_RUNS` (or `default`) under `cargo bench`; one smoke
/// pass under `cargo test`, which runs bench targets without `--bench`.
pub fn runs(bench: bool, default: usize) -> usize {
    if !bench {
        return 1;
    }
    std::env::var("BENCH_RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .filter(|&r| r > 0)
        .unwrap_or(default)
}

/// Runs `pass` once to warm up (benches only), then `runs` times; returns
/// the pass times sorted (median at `len / 2`) and the last pass's count.
pub fn time_passes(
    bench: bool,
    runs: usize,
    mut pass: impl FnMut() -> (usize, Duration),
) -> (Vec<Duration>, usize) {
    if bench {
        pass();
    }
    let mut times = Vec::with_capacity(runs);
    let mut found = 0;
    for _ in 0..runs {
        let (n, t) = pass();
        found = n;
        times.push(t);
    }
    times.sort();
    (times, found)
}

/// Every `*.txt` file of `dir`, sorted by name, or an error message.
pub fn txt_files(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    if paths.is_empty() {
        return Err(format!("no articles in {}", dir.display()));
    }
    Ok(paths)
}
