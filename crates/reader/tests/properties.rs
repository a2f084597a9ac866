//! Round trips the reader relies on (proptest): every view survives its URL
//! fragment, and every saved state survives its JSON, whatever text they hold.

#![cfg(not(target_arch = "wasm32"))]

use chrono::NaiveDate;
use dateline_reader::saved::{AddedArticle, SavedState};
use dateline_reader::view::View;
use proptest::prelude::*;

/// Any text, with the characters a fragment or JSON must escape.
fn any_text() -> impl Strategy<Value = String> {
    let pieces = &[
        "a", "Ü", "&", "=", "#", "%", "%2", "+", " ", "\"", "\\", "\n", "🙂", "\u{202E}", "<b>",
        "?", "/",
    ][..];
    prop::collection::vec(prop::sample::select(pieces), 0..12).prop_map(|p| p.concat())
}

fn date() -> impl Strategy<Value = NaiveDate> {
    (1900i32..2100, 1u32..13, 1u32..29)
        .prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn every_view_round_trips_through_its_fragment(
        article in prop::option::of(any_text()),
        entity in prop::option::of(any_text()),
        source in prop::option::of(any_text()),
        range in prop::option::of((date(), date())),
        query in any_text(),
    ) {
        let view = View {
            // An empty article or entity id means none.
            article: article.filter(|a| !a.is_empty()),
            entity: entity.filter(|e| !e.is_empty()),
            range: range.map(|(a, b)| (a.min(b), a.max(b))),
            source,
            query,
            ..View::default()
        };
        prop_assert_eq!(View::from_fragment(&view.to_fragment()), view);
    }

    #[test]
    fn every_saved_state_round_trips_through_json(
        added in prop::collection::vec((any_text(), any_text(), prop::option::of(date())), 0..4),
    ) {
        let state = SavedState {
            added: added
                .into_iter()
                .map(|(path, text, date)| AddedArticle { path, text, date })
                .collect(),
            ..SavedState::default()
        };
        prop_assert_eq!(SavedState::from_json(&state.to_json()).unwrap(), state);
    }
}
