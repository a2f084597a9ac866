//! Invariants of search on generated text and queries (proptest): terms map
//! back to the text on character boundaries, snippets mark only inside their
//! window, a query never panics, and every hit holds every word typed whole.

#![cfg(not(target_arch = "wasm32"))]

use dateline_search::builder::{Document, IndexBuilder};
use dateline_search::query::Query;
use dateline_search::ranking::search;
use dateline_search::snippet::snippet;
use dateline_search::terms::{each_term, terms, MAX_TERM_BYTES};
use proptest::prelude::*;

const PIECES: &[&str] = &[
    "Ankara",
    "Türkiye's",
    "S-400",
    "U.S.",
    "Çavuşoğlu",
    "said",
    "talks",
    "missile",
    "Москва",
    "北京",
    "e\u{301}",
    "🙂",
    "\u{202E}",
    "-",
    "\"",
    " ",
    "  ",
    "\n",
    ".",
    "3.5",
    "ERDOĞAN",
    "ﬁ",
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..60).prop_map(|w| w.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn terms_lie_on_boundaries_in_order(t in text()) {
        let mut last = 0;
        each_term(&t, |term, span| {
            assert!(span.start >= last && span.end <= t.len());
            assert!(t.is_char_boundary(span.start) && t.is_char_boundary(span.end));
            assert!(!term.is_empty() && term.len() <= MAX_TERM_BYTES);
            last = span.end;
        });
    }

    #[test]
    fn snippets_mark_inside_their_window(t in text(), width in 1usize..200) {
        let wanted: Vec<String> = terms(&t).into_iter().step_by(3).collect();
        if let Some(s) = snippet(&t, |term| wanted.iter().any(|w| w == term), width) {
            prop_assert!(t.is_char_boundary(s.window.start) && t.is_char_boundary(s.window.end));
            for m in &s.marks {
                prop_assert!(s.window.start <= m.start && m.end <= s.window.end);
            }
        }
    }

    #[test]
    fn every_hit_holds_every_whole_word(docs in prop::collection::vec(text(), 1..12), q in text()) {
        let mut builder = IndexBuilder::new();
        for d in &docs {
            builder.add(Document { title: "", text: d, names: &[] });
        }
        let index = builder.finish(64);
        let query = Query::parse(&format!("{q} "));
        let hits = search(&index, &query);
        for s in &hits.scored {
            let have = terms(&docs[s.doc as usize]);
            for w in &query.words {
                // Exact, or a typo/prefix expansion the hit lists as matched.
                prop_assert!(have.contains(&w.term) || hits.matched.iter().any(|m| have.contains(m)));
            }
            for x in &query.excluded {
                prop_assert!(!have.contains(x));
            }
        }
    }
}
