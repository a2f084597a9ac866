//! Invariants of the analysis on generated articles (proptest): whatever the
//! text, every span lies on character boundaries inside it, spans of one
//! layer never overlap, and analysing twice gives the same result.

#![cfg(not(target_arch = "wasm32"))]

use dateline_engine::analysis::analyze;
use dateline_engine::corpus::Input;
use dateline_engine::text::Span;
use proptest::prelude::*;

/// Pieces of news text, with the shapes that trip tokenisers: names,
/// abbreviations, dates and times, non-Latin letters, combining marks,
/// emoji, bidi controls, dashes, quotes and line breaks.
const PIECES: &[&str] = &[
    "Ankara",
    "Turkey",
    "Ismail",
    "Demir",
    "said",
    "on",
    "Monday",
    "in",
    "March",
    "2021",
    "the",
    "U.S.",
    "Türkiye's",
    "S-400",
    "Çavuşoğlu",
    "—",
    "“quoted”",
    "(",
    ")",
    ",",
    ".",
    "last",
    "week",
    "two",
    "years",
    "ago",
    "at",
    "10:30",
    "a.m.",
    "UTC",
    "\n",
    "\n\n",
    "Москва",
    "北京",
    "e\u{301}",
    "🙂",
    "\u{202E}",
    "\u{200B}",
    "1,000",
    "12/05/2020",
    "mid-2019",
    "the 1990s",
    "NATO",
    "Mr.",
    "   ",
    "\t",
    "'",
    "\"",
    "&",
    "<b>",
    "Dr",
    "Jan.",
    "2nd",
    "FIFA World Cup",
];

fn article() -> impl Strategy<Value = String> {
    let words = prop::collection::vec(prop::sample::select(PIECES), 0..120);
    (
        words,
        prop::sample::select(PIECES),
        2000u32..2030,
        1u32..13,
        1u32..29,
    )
        .prop_map(|(words, source, year, month, day)| {
            let mut text = format!(
                " date {year}-{month:02}-{day:02} {}\nA title",
                source.trim()
            );
            for w in words {
                text.push(' ');
                text.push_str(w);
            }
            text.push('\n');
            text
        })
}

fn disjoint(mut spans: Vec<Span>) -> bool {
    spans.sort_by_key(|s| (s.start, s.end));
    spans.windows(2).all(|w| w[0].end <= w[1].start)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn spans_are_inside_the_text_on_boundaries_and_do_not_overlap(text in article()) {
        let corpus = analyze([Input { path: "a.txt", bytes: text.as_bytes() }]);
        for a in &corpus.articles {
            let t = &a.article.text;
            for m in &a.mentions {
                prop_assert!(m.span.fits(t), "mention {:?} in {:?}", m.span, t);
                prop_assert!(m.entity < corpus.entities.len());
            }
            for x in &a.timexes {
                prop_assert!(x.span.fits(t), "date {:?} in {:?}", x.span, t);
            }
            for b in &a.article.blocks {
                prop_assert!(b.span.fits(t));
            }
            prop_assert!(disjoint(a.mentions.iter().map(|m| m.span).collect()));
            prop_assert!(disjoint(a.timexes.iter().map(|x| x.span).collect()));
        }
    }

    #[test]
    fn analysis_is_deterministic(text in article()) {
        let once = analyze([Input { path: "a.txt", bytes: text.as_bytes() }]);
        let twice = analyze([Input { path: "a.txt", bytes: text.as_bytes() }]);
        prop_assert_eq!(once, twice);
    }
}
