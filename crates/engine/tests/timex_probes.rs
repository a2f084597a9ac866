//! Date probes written for issue #14 with their TIMEX3 gold before the
//! tagger was run on them (see each folder's README): 62 short
//! Wikinews-style articles about events of 2004-2013 and a few later
//! (`tests/probes/encyclopedic/`), and 20 articles of 2020-2026 news
//! (`tests/probes/dates-recent/`). The tagger must keep the scores it
//! reaches there, scored as `shared/eval/score.py timex` scores.
//!
//! The same figures with the shared scorer:
//!
//! ```text
//! target/release/dateline analyze crates/engine/tests/probes/encyclopedic/corpus --json > target/probes.jsonl
//! python3 ../shared/eval/score.py timex --corpus crates/engine/tests/probes/encyclopedic/corpus \
//!     --gold crates/engine/tests/probes/encyclopedic/gold --pred target/probes.jsonl
//! ```

mod common;

use dateline_engine::timex::tag;
use std::path::Path;

/// Relaxed and value F1 of the tagger on the probes in `folder`.
fn scores(folder: &str) -> (f64, f64) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/probes")
        .join(folder);
    let mut counts = common::TimexCounts::default();
    for path in common::articles(&root.join("corpus")) {
        let article = common::read_article(&path);
        let gold = common::gold_timexes(&root.join("gold"), &article);
        counts.add(&gold, &tag(&article.text, article.body, article.date));
    }
    let (relaxed, value) = (counts.f1(counts.relaxed), counts.f1(counts.value));
    println!(
        "{folder} probes: gold {} pred {}  strict {:.4} relaxed {relaxed:.4} type {:.4} value {value:.4}",
        counts.gold,
        counts.pred,
        counts.f1(counts.strict),
        counts.f1(counts.kind),
    );
    (relaxed, value)
}

#[test]
fn encyclopedic_probes_meet_their_floors() {
    let (relaxed, value) = scores("encyclopedic");
    // Blind, before the fixes of issue #14: relaxed 0.9593, value 0.8171 (the
    // first 34); the 28 of the second batch blind: relaxed 0.9895, value
    // 0.9263 (all 62 then: 0.9804, 0.9228); after that round's fixes all 62
    // reach relaxed 0.9835, value 0.9339 (0.9380 after the fixes that the
    // recent-news probes showed).
    assert!(relaxed >= 0.98, "relaxed F1 {relaxed:.4} < 0.98");
    assert!(value >= 0.935, "value F1 {value:.4} < 0.935");
}

#[test]
fn recent_news_date_probes_meet_their_floors() {
    let (relaxed, value) = scores("dates-recent");
    // Blind: relaxed 0.9470, value 0.8874; after the fixes they showed
    // ("starting Friday", "since December", "five weeks earlier this year",
    // an update stamp's date): value 0.9073; with "through the night":
    // relaxed 0.9574, value 0.9115; with "could take days": 0.9642, 0.9186;
    // with the night of a clock time's day and "since December": value 0.9316.
    assert!(relaxed >= 0.96, "relaxed F1 {relaxed:.4} < 0.96");
    assert!(value >= 0.93, "value F1 {value:.4} < 0.93");
}
