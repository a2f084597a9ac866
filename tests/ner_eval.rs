//! End-to-end entity scores of the bundled model, with the shared scorer's
//! semantics (`../shared/eval/score.py ner`): exact span, exact label,
//! micro-averaged. The data stays in `../shared` and is read at run time;
//! the tests skip (with a note) where it is absent.
//!
//! Predictions are also written as JSON Lines under `target/ner_eval/` so
//! the official scorer can double-check these numbers.

use dateline::ner::{Recognizer, Segment};
use dateline::text::Span;
use std::collections::{BTreeMap, HashSet};
use std::path::Path;

/// Segments of a seed-format article: each line after the header; the first
/// non-empty one is the title.
fn segments(text: &str) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut off = 0;
    let mut title_seen = false;
    for (n, line) in text.split_inclusive('\n').enumerate() {
        let body = line.trim_end_matches(['\n', '\r']);
        if n > 0 && !body.trim().is_empty() {
            out.push(Segment {
                span: Span::new(off, off + body.len()),
                headline: !title_seen,
            });
            title_seen = true;
        }
        off += line.len();
    }
    out
}

fn conll(label: &str) -> Option<&'static str> {
    Some(match label {
        "PERSON" | "PER" => "PER",
        "ORG" => "ORG",
        "GPE" | "LOC" | "FAC" => "LOC",
        "NORP" | "PRODUCT" | "EVENT" | "LAW" | "WORK_OF_ART" | "LANGUAGE" | "MISC" => "MISC",
        _ => return None,
    })
}

/// Scores the recognizer over `corpus` against `gold`; returns overall F1
/// and prints per-label scores.
fn score(corpus: &str, gold: &str, map_conll: bool, out_name: &str) -> Option<f64> {
    let (corpus, gold) = (Path::new(corpus), Path::new(gold));
    if !corpus.is_dir() || !gold.is_dir() {
        eprintln!("skipped: {} not found", corpus.display());
        return None;
    }
    let lab = |l: &str| -> Option<String> {
        if map_conll {
            conll(l).map(str::to_string)
        } else {
            Some(l.to_string())
        }
    };
    let mut names: Vec<_> = std::fs::read_dir(gold)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    let mut counts: BTreeMap<String, [usize; 3]> = BTreeMap::new();
    let mut jsonl = String::new();
    for g in names
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
    {
        let gj: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(g).unwrap()).unwrap();
        let file = gj["file"].as_str().unwrap();
        let text = std::fs::read_to_string(corpus.join(file)).unwrap();
        let mentions = Recognizer::bundled().recognize(&text, &segments(&text));
        // Byte offsets → code point offsets, as score.py does.
        let cp = |b: usize| text[..b].chars().count();
        let pred: HashSet<(usize, usize, String)> = mentions
            .iter()
            .filter_map(|m| Some((cp(m.span.start), cp(m.span.end), lab(m.label.as_str())?)))
            .collect();
        let ents: Vec<serde_json::Value> = mentions
            .iter()
            .map(|m| serde_json::json!({"start": m.span.start, "end": m.span.end, "label": m.label.as_str(), "text": m.span.of(&text)}))
            .collect();
        jsonl.push_str(&serde_json::json!({"path": file, "entities": ents}).to_string());
        jsonl.push('\n');
        let gold_set: HashSet<(usize, usize, String)> = gj["entities"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|e| {
                Some((
                    e["start"].as_u64()? as usize,
                    e["end"].as_u64()? as usize,
                    lab(e["label"].as_str()?)?,
                ))
            })
            .collect();
        for s in &gold_set {
            counts.entry(s.2.clone()).or_default()[2] += 1;
        }
        for s in &pred {
            counts.entry(s.2.clone()).or_default()[1] += 1;
        }
        for s in gold_set.intersection(&pred) {
            counts.entry(s.2.clone()).or_default()[0] += 1;
        }
    }
    let _ = std::fs::create_dir_all("target/ner_eval");
    let _ = std::fs::write(format!("target/ner_eval/{out_name}.jsonl"), jsonl);
    let f1 = |c: [usize; 3]| {
        let (p, r) = (
            c[0] as f64 / c[1].max(1) as f64,
            c[0] as f64 / c[2].max(1) as f64,
        );
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        }
    };
    let mut total = [0; 3];
    for (label, c) in &counts {
        eprintln!(
            "{label:8} F1 {:.4} (tp {}, pred {}, gold {})",
            f1(*c),
            c[0],
            c[1],
            c[2]
        );
        for k in 0..3 {
            total[k] += c[k];
        }
    }
    let overall = f1(total);
    eprintln!("{out_name}: F1 {overall:.4}");
    Some(overall)
}

#[test]
fn conll_dev_f1() {
    if let Some(f1) = score(
        "../shared/data/conll2003/dev/corpus",
        "../shared/data/conll2003/dev/gold",
        true,
        "dev",
    ) {
        assert!(f1 >= 0.91, "CoNLL dev F1 {f1:.4} fell below the floor");
    }
}

#[test]
fn seeds_f1() {
    if let Some(f1) = score(
        "../shared/seeds",
        "../shared/data/seeds/gold",
        false,
        "seeds",
    ) {
        assert!(f1 >= 0.98, "seed F1 {f1:.4} fell below the floor");
    }
}

/// Load time and throughput. Only asserted in optimised builds (`cargo test
/// --release`); debug builds just print the numbers.
#[test]
fn speed_and_load_time() {
    static BYTES: &[u8] = include_bytes!("../assets/models/ner.bin");
    let t = std::time::Instant::now();
    let r = Recognizer::from_bytes(BYTES).expect("bundled model parses");
    let load = t.elapsed();
    let dir = Path::new("../shared/data/conll2003/dev/corpus");
    let Ok(entries) = std::fs::read_dir(dir) else {
        eprintln!("skipped: {} not found", dir.display());
        return;
    };
    let texts: Vec<String> = entries
        .filter_map(|e| std::fs::read_to_string(e.ok()?.path()).ok())
        .collect();
    let words: usize = texts.iter().map(|t| t.split_whitespace().count()).sum();
    // The fastest of three passes: the other tests of this file run at the
    // same time on a machine that may be shared.
    let mut secs = f64::INFINITY;
    let mut n = 0;
    for _ in 0..3 {
        let t = std::time::Instant::now();
        n = 0;
        for text in &texts {
            n += r.recognize(text, &segments(text)).len();
        }
        secs = secs.min(t.elapsed().as_secs_f64());
    }
    let wps = words as f64 / secs;
    eprintln!(
        "load {:.2} ms; {words} words, {n} mentions in {secs:.3} s = {wps:.0} words/s",
        load.as_secs_f64() * 1e3
    );
    if !cfg!(debug_assertions) {
        assert!(load.as_millis() <= 50, "load took {load:?}");
        assert!(wps >= 100_000.0, "{wps:.0} words/s");
    }
}
