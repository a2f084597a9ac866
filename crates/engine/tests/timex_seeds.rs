//! Every hand-annotated timex of the two seed articles must be found with its
//! exact span, type and value (the seeds are what the product was specified
//! from), and nothing else may be tagged in them.

mod common;

use dateline_engine::timex::tag;

#[test]
fn seed_gold_timexes_are_found_exactly() {
    let shared = common::shared();
    let gold_dir = shared.join("data/seeds/gold");
    let mut problems = Vec::new();
    for path in common::articles(&shared.join("seeds")) {
        let article = common::read_article(&path);
        let gold = common::gold_timexes(&gold_dir, &article);
        let got = tag(&article.text, article.body, article.date);
        for g in &gold {
            let found = got.iter().any(|t| {
                t.span == g.span
                    && t.value == g.value
                    && serde_json::to_value(t.kind).unwrap() == g.kind.as_str()
            });
            if !found {
                problems.push(format!(
                    "{}: missed {:?} {} {}",
                    article.name,
                    g.span.of(&article.text),
                    g.kind,
                    g.value
                ));
            }
        }
        for t in &got {
            if !gold.iter().any(|g| g.span == t.span) {
                problems.push(format!(
                    "{}: extra {:?} {:?} {}",
                    article.name,
                    t.span.of(&article.text),
                    t.kind,
                    t.value
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
