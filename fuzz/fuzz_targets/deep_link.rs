//! The URL-fragment parser on any text: a view, which its own fragment
//! reproduces.
#![no_main]
use dateline_reader::view::View;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let fragment = String::from_utf8_lossy(data);
    let view = View::from_fragment(&fragment);
    assert_eq!(View::from_fragment(&view.to_fragment()), view);
});
