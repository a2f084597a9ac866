//! The seed-format parser on any bytes: an article or a clear error, never
//! a panic; a parsed article's blocks lie on boundaries inside its text.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(article) = dateline_engine::article::parse("fuzz.txt", data) {
        for b in &article.blocks {
            assert!(
                b.span.fits(&article.text),
                "{:?} does not fit the text",
                b.span
            );
        }
    }
});
