//! Plain `.txt` import (header guessing, the first written date) on any bytes.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = dateline_engine::import::read("fuzz.txt", data, None);
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = dateline_engine::import::written_date(text);
    }
});
