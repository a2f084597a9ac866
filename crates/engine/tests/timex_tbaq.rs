//! Regression guard on TempEval-3 TBAQ-cleaned (read from `../shared` at test
//! time): the tagger must keep relaxed F1 ≥ 0.92 and its value F1 floor, scored
//! the way `shared/eval/score.py timex` scores (overlap matching, each gold
//! timex matched at most once, predictions in start order).
//!
//! Side outputs in `target/tmp/`: `tbaq-timex.jsonl` (predictions for the
//! shared scorer, UTF-8 byte offsets) and `tbaq-timex-errors.txt` (misses,
//! spurious and wrong-value matches, for error analysis).

mod common;

use dateline_engine::timex::{tag, Timex};
use std::collections::BTreeMap;
use std::fmt::Write as _;

#[derive(Default)]
struct Counts {
    gold: usize,
    pred: usize,
    strict: usize,
    relaxed: usize,
    value: usize,
    kind: usize,
}

fn f1(tp: usize, pred: usize, gold: usize) -> f64 {
    let p = if pred == 0 {
        0.0
    } else {
        tp as f64 / pred as f64
    };
    let r = if gold == 0 {
        0.0
    } else {
        tp as f64 / gold as f64
    };
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

/// Up to 80 bytes of text either side of `span`, on one line.
fn context(text: &str, span: dateline_engine::text::Span) -> String {
    let mut start = span.start.saturating_sub(80);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    let mut end = (span.end + 80).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text[start..end].replace(['\n', '\t'], " ")
}

fn kind_name(t: &Timex) -> String {
    serde_json::to_value(t.kind)
        .unwrap()
        .as_str()
        .unwrap()
        .to_string()
}

#[test]
fn tbaq_scores_meet_targets() {
    let shared = common::shared();
    let corpus = shared.join("data/tempeval3/tbaq/corpus");
    let gold_dir = shared.join("data/tempeval3/tbaq/gold");
    let mut total = Counts::default();
    let mut by_type: BTreeMap<String, Counts> = BTreeMap::new();
    let mut jsonl = String::new();
    let mut errors = String::new();
    for path in common::articles(&corpus) {
        let article = common::read_article(&path);
        let gold = common::gold_timexes(&gold_dir, &article);
        let mut got = tag(&article.text, article.body, article.date);
        got.sort_by_key(|t| (t.span.start, t.span.end));
        let text = &article.text;
        let timexes: Vec<serde_json::Value> = got
            .iter()
            .map(|t| {
                serde_json::json!({"start": t.span.start, "end": t.span.end, "text": t.span.of(text),
                    "type": kind_name(t), "value": t.value})
            })
            .collect();
        let line = serde_json::json!({"path": path.to_string_lossy(), "date": article.date.to_string(), "timexes": timexes});
        writeln!(jsonl, "{line}").unwrap();

        total.gold += gold.len();
        total.pred += got.len();
        for g in &gold {
            by_type.entry(g.kind.clone()).or_default().gold += 1;
        }
        for t in &got {
            by_type.entry(kind_name(t)).or_default().pred += 1;
        }
        total.strict += got
            .iter()
            .filter(|t| gold.iter().any(|g| g.span == t.span))
            .count();
        let mut used = vec![false; gold.len()];
        for t in &got {
            let hit = (0..gold.len()).find(|&i| !used[i] && gold[i].span.overlaps(t.span));
            let Some(i) = hit else {
                writeln!(
                    errors,
                    "{}\tSPURIOUS\t{:?}\t{}\t{}",
                    article.name,
                    t.span.of(text),
                    kind_name(t),
                    t.value
                )
                .unwrap();
                continue;
            };
            used[i] = true;
            let g = &gold[i];
            let per = by_type.entry(g.kind.clone()).or_default();
            per.relaxed += 1;
            total.relaxed += 1;
            if t.span == g.span {
                per.strict += 1;
            }
            if t.value.eq_ignore_ascii_case(&g.value) {
                total.value += 1;
                per.value += 1;
            } else {
                writeln!(
                    errors,
                    "{}\tVALUE\t{:?}\t{}\t{}\tgold {:?} {} {}\tdct {}\t{}",
                    article.name,
                    t.span.of(text),
                    kind_name(t),
                    t.value,
                    g.span.of(text),
                    g.kind,
                    g.value,
                    article.date,
                    context(text, t.span)
                )
                .unwrap();
            }
            if kind_name(t) == g.kind {
                total.kind += 1;
                per.kind += 1;
            }
            if t.span != g.span {
                writeln!(
                    errors,
                    "{}\tSPAN\t{:?}\tgold {:?}",
                    article.name,
                    t.span.of(text),
                    g.span.of(text)
                )
                .unwrap();
            }
        }
        for (i, g) in gold.iter().enumerate().filter(|(i, _)| !used[*i]) {
            let _ = i;
            writeln!(
                errors,
                "{}\tMISSED\t{:?}\t{}\t{}\tdct {}",
                article.name,
                g.span.of(text),
                g.kind,
                g.value,
                article.date
            )
            .unwrap();
        }
    }
    let out = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"));
    std::fs::write(out.join("tbaq-timex.jsonl"), jsonl).unwrap();
    std::fs::write(out.join("tbaq-timex-errors.txt"), errors).unwrap();

    let c = &total;
    let scores = [
        ("strict", f1(c.strict, c.pred, c.gold)),
        ("relaxed", f1(c.relaxed, c.pred, c.gold)),
        ("value", f1(c.value, c.pred, c.gold)),
        ("type", f1(c.kind, c.pred, c.gold)),
    ];
    println!("TBAQ: gold {} pred {}", c.gold, c.pred);
    for (name, s) in scores {
        println!("  {name:8} F1 {s:.4}");
    }
    for (kind, c) in &by_type {
        println!(
            "  {kind:9} gold {:4} pred {:4}  strict R {:.3}  relaxed R {:.3}  value R {:.3}  type R {:.3}",
            c.gold,
            c.pred,
            c.strict as f64 / c.gold.max(1) as f64,
            c.relaxed as f64 / c.gold.max(1) as f64,
            c.value as f64 / c.gold.max(1) as f64,
            c.kind as f64 / c.gold.max(1) as f64,
        );
    }
    assert!(scores[1].1 >= 0.92, "relaxed F1 {:.4} < 0.92", scores[1].1);
    // Issue #4 asks for value F1 ≥ 0.85; the tagger is at 0.8319. Most of
    // the remaining errors are on words the gold itself annotates the other
    // way elsewhere (`scripts/timex-errors.py` counts them): `1989-WXX` vs
    // `1989-W43`, `1988` vs `1988-Q3`, an unannotated "now". This floor guards
    // against regressions. It was lowered once, from 0.832 to 0.831, for
    // three TimeML-correct readings this gold leaves unannotated or dates
    // oddly ("adjusted quarterly", "the year before", "by the end of the
    // month" = 1990-08 where the gold says 1990-08-30). Issue #14 (UTC
    // times, weekday afternoons and evenings as times) raised it to 0.833.
    assert!(scores[2].1 >= 0.833, "value F1 {:.4} < 0.833", scores[2].1);
}

/// Tagging never panics and only returns spans on character boundaries inside
/// the region, for every TBAQ text cut at odd places and with non-ASCII
/// spaces, digits and punctuation mixed in.
#[test]
fn tagging_is_total_on_corpus_variants() {
    let corpus = common::shared().join("data/tempeval3/tbaq/corpus");
    let anchor = chrono::NaiveDate::from_ymd_opt(2000, 2, 29).unwrap();
    for path in common::articles(&corpus) {
        let article = common::read_article(&path);
        let weird = article
            .text
            .replace(' ', "\u{a0}")
            .replace('1', "１")
            .replace('-', "—")
            .replace('.', "…");
        for text in [&article.text, &weird] {
            let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).step_by(257).collect();
            for (k, &start) in bounds.iter().enumerate() {
                let end = bounds.get(k + 3).copied().unwrap_or(text.len());
                let region = dateline_engine::text::Span::new(start, end);
                for t in tag(text, region, anchor) {
                    assert!(region.contains(t.span) && !t.span.is_empty());
                    assert!(
                        text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end)
                    );
                }
            }
        }
    }
}
