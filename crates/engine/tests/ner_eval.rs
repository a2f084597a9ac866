//! End-to-end entity scores of the bundled model, with the shared scorer's
//! semantics (`../shared/eval/score.py ner`): exact span, exact label,
//! micro-averaged, on the segments the engine itself gives the tagger. The
//! data stays in `../shared` and is read at run time; without it the tests
//! fail. Speed is measured by `scripts/bench-ner`, not here.
//!
//! Predictions are also written as JSON Lines under the workspace's
//! `target/tmp/ner_eval/` (cargo's `CARGO_TARGET_TMPDIR`, never in the
//! source tree: they hold the evaluation data's names) so the official
//! scorer can double-check these numbers.

mod common;

use dateline_engine::ner::{self, Recognizer};
use std::collections::{BTreeMap, HashSet};

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
fn score(corpus: &str, gold: &str, map_conll: bool, out_name: &str) -> f64 {
    let shared = common::shared();
    let (corpus, gold) = (shared.join(corpus), shared.join(gold));
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
        let article = dateline_engine::article::parse(file, text.as_bytes()).unwrap();
        let mentions = Recognizer::bundled().recognize(&text, &ner::segments(&article));
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
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("ner_eval");
    let _ = std::fs::create_dir_all(&dir);
    let _ = std::fs::write(dir.join(format!("{out_name}.jsonl")), jsonl);
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
    overall
}

#[test]
fn conll_dev_f1() {
    let f1 = score(
        "data/conll2003/dev/corpus",
        "data/conll2003/dev/gold",
        true,
        "dev",
    );
    assert!(f1 >= 0.92, "CoNLL dev F1 {f1:.4} fell below the floor");
}

#[test]
fn seeds_f1() {
    let f1 = score("seeds", "data/seeds/gold", false, "seeds");
    assert!(f1 >= 0.96, "seed F1 {f1:.4} fell below the floor");
}
