//! Helpers shared by the corpus tests: locating `../shared`, reading seed-format
//! articles and gold JSON, converting gold code point offsets to bytes.
//! The data is read at test time and never copied into the repository.

#![allow(dead_code)]

use chrono::NaiveDate;
use dateline_engine::text::Span;
use std::path::{Path, PathBuf};

/// `../shared` relative to the repository root; panics (fails the test) if missing.
pub fn shared() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    assert!(
        dir.is_dir(),
        "{} is missing: corpus tests need the shared data",
        dir.display()
    );
    dir
}

/// A seed-format article: text, publication date and body region (from the title on).
pub struct Article {
    pub name: String,
    pub text: String,
    pub date: NaiveDate,
    pub body: Span,
}

/// Reads a seed-format article with the engine's own parser; panics (fails
/// the test) on a malformed file.
pub fn read_article(path: &Path) -> Article {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let parsed = dateline_engine::article::parse(&path.to_string_lossy(), &bytes)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    Article {
        name: path.file_name().unwrap().to_string_lossy().into_owned(),
        body: parsed.body_span(),
        date: parsed.date,
        text: parsed.text,
    }
}

/// All `*.txt` files in `dir`, sorted; panics if there are none.
pub fn articles(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no articles in {}", dir.display());
    files
}

/// A gold timex with byte offsets.
#[derive(Debug, Clone)]
pub struct GoldTimex {
    pub span: Span,
    pub kind: String,
    pub value: String,
}

/// Byte offset of every code point offset (and of the end) in `text`.
fn char_to_byte(text: &str) -> Vec<usize> {
    text.char_indices()
        .map(|(b, _)| b)
        .chain([text.len()])
        .collect()
}

/// The gold timexes of `article` from `gold_dir/<name>.json`.
pub fn gold_timexes(gold_dir: &Path, article: &Article) -> Vec<GoldTimex> {
    let stem = article.name.trim_end_matches(".txt");
    let path = gold_dir.join(format!("{stem}.json"));
    let json: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display())),
    )
    .unwrap();
    let bytes = char_to_byte(&article.text);
    json["timexes"]
        .as_array()
        .expect("timexes array")
        .iter()
        .map(|t| {
            let at = |k: &str| bytes[t[k].as_u64().unwrap() as usize];
            GoldTimex {
                span: Span::new(at("start"), at("end")),
                kind: t["type"].as_str().unwrap().to_string(),
                value: t["value"].as_str().unwrap().to_string(),
            }
        })
        .collect()
}

/// The bundled seed articles (`assets/corpus`), as (file name, bytes).
pub fn seed_files() -> Vec<(String, Vec<u8>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/corpus");
    ["000_fd1aee54e6a12c6a.txt", "003_113eacf95b61ac4f.txt"]
        .iter()
        .map(|n| {
            (
                n.to_string(),
                std::fs::read(root.join(n)).expect("seed file"),
            )
        })
        .collect()
}

/// TempEval-3 counts of one tagging run against gold, as
/// `shared/eval/score.py timex` makes them: a prediction overlapping an
/// unused gold timex (predictions in start order) is a relaxed match, and
/// counts for value (type) if its value (type) is also equal.
#[derive(Debug, Default, Clone, Copy)]
pub struct TimexCounts {
    pub gold: usize,
    pub pred: usize,
    pub strict: usize,
    pub relaxed: usize,
    pub value: usize,
    pub kind: usize,
}

impl TimexCounts {
    /// Adds the matches of `got` (sorted here) against `gold`.
    pub fn add(&mut self, gold: &[GoldTimex], got: &[dateline_engine::timex::Timex]) {
        let mut got: Vec<&dateline_engine::timex::Timex> = got.iter().collect();
        got.sort_by_key(|t| (t.span.start, t.span.end));
        self.gold += gold.len();
        self.pred += got.len();
        let mut used = vec![false; gold.len()];
        for t in got {
            let Some(i) = (0..gold.len()).find(|&i| !used[i] && gold[i].span.overlaps(t.span))
            else {
                continue;
            };
            used[i] = true;
            self.relaxed += 1;
            self.strict += usize::from(gold[i].span == t.span);
            self.value += usize::from(t.value.eq_ignore_ascii_case(&gold[i].value));
            let kind = serde_json::to_value(t.kind).unwrap();
            self.kind += usize::from(kind == gold[i].kind.as_str());
        }
    }

    /// F1 of `tp` true positives.
    pub fn f1(&self, tp: usize) -> f64 {
        if self.pred + self.gold == 0 {
            return 0.0;
        }
        2.0 * tp as f64 / (self.pred + self.gold) as f64
    }
}
