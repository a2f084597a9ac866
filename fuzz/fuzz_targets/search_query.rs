//! Query parsing, expansion (prefixes, typos) and ranking on any query,
//! against an index of a few real-style articles; snippets of the hits.
#![no_main]
use dateline_search::builder::{Document, IndexBuilder};
use dateline_search::query::Query;
use dateline_search::ranking::{rank, search};
use dateline_search::snippet::snippet;
use dateline_search::SearchIndex;
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

const TEXTS: [&str; 3] = [
    "Turkey is negotiating the purchase of a second batch of S-400 air defence systems with Russia.",
    "Türkiye could buy a 2nd S-400 unit, Ismail Demir said in Ankara on Wednesday.",
    "Prime Minister Erdoğan met the U.S. envoy; talks on the F-35 programme resumed.",
];

fn index() -> &'static SearchIndex {
    static INDEX: OnceLock<SearchIndex> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut builder = IndexBuilder::new();
        for text in TEXTS {
            builder.add(Document {
                title: "",
                text,
                names: &["Ismail Demir", "Turkey", "Türkiye"],
            });
        }
        builder.finish(32)
    })
}

fuzz_target!(|data: &[u8]| {
    let query = String::from_utf8_lossy(data);
    let mut hits = search(index(), &Query::parse(&query));
    rank(&mut hits.scored, 3);
    for s in hits.scored.iter().take(3) {
        let text = TEXTS[s.doc as usize];
        if let Some(cut) = snippet(text, |t| hits.matched.iter().any(|m| m == t), 40) {
            assert!(cut.window.end <= text.len());
        }
    }
});
