//! The whole per-article analysis (entities, dates, linking, events) on any
//! text behind a valid header: spans stay on boundaries inside the text.
#![no_main]
use dateline_engine::analysis::analyze;
use dateline_engine::corpus::Input;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut bytes = b" date 2021-03-03 Fuzz\n".to_vec();
    bytes.extend_from_slice(data);
    let corpus = analyze([Input {
        path: "fuzz.txt",
        bytes: &bytes,
    }]);
    for a in &corpus.articles {
        let text = &a.article.text;
        let spans = a
            .mentions
            .iter()
            .map(|m| m.span)
            .chain(a.timexes.iter().map(|t| t.span));
        for s in spans {
            assert!(s.fits(text), "{s:?} does not fit the text");
        }
    }
});
