//! The saved-state / exported JSON reader on any text: a state or an error.
#![no_main]
use dateline_reader::saved::SavedState;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(json) = std::str::from_utf8(data) {
        if let Ok(state) = SavedState::from_json(json) {
            assert_eq!(SavedState::from_json(&state.to_json()).as_ref(), Ok(&state));
        }
    }
});
