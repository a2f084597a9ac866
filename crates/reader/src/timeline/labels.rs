//! Label placement: how much of a text fits in a stretch of pixels.
//!
//! Widths are estimated from a per-character advance that is generous for
//! the 11 px sans-serif the canvas uses (wide letters such as `W` and `M`
//! come out under it, so a label never spills into its neighbour), which
//! keeps placement in plain Rust: testable natively and free of a
//! `measureText` call per label per frame.

/// Advance of an average character of an 11 px sans-serif, with margin.
pub const CHAR_PX: f64 = 6.6;
/// Advance of a capital or wide character.
const WIDE_PX: f64 = 8.6;
/// No label is drawn in less room than this: a word and an ellipsis.
pub const MIN_LABEL_PX: f64 = 40.0;

fn advance(c: char) -> f64 {
    if c.is_uppercase() || matches!(c, 'm' | 'w' | '@' | '%') || !c.is_ascii() {
        WIDE_PX
    } else if matches!(
        c,
        'i' | 'l' | 'j' | 't' | 'f' | 'r' | '.' | ',' | ' ' | '\'' | '|' | '1'
    ) {
        CHAR_PX * 0.6
    } else {
        CHAR_PX
    }
}

/// Estimated width of `text` in pixels.
pub fn width_of(text: &str) -> f64 {
    text.chars().map(advance).sum()
}

/// `text` shortened (at a word boundary when one is near, with "…") to fit
/// `room` pixels; `None` when not even a short start of it fits.
pub fn fit(text: &str, room: f64) -> Option<String> {
    let text = text.trim();
    if text.is_empty() || room < MIN_LABEL_PX.min(width_of(text)) {
        return None;
    }
    if width_of(text) <= room {
        return Some(text.to_string());
    }
    let budget = room - advance('…');
    let mut used = 0.0;
    let mut end = 0;
    for (i, c) in text.char_indices() {
        used += advance(c);
        if used > budget {
            break;
        }
        end = i + c.len_utf8();
    }
    let cut = &text[..end];
    // Prefer ending on a word when that keeps most of the room.
    let cut = match cut.rfind(' ') {
        Some(space) if space * 3 >= end * 2 => &cut[..space],
        _ => cut,
    };
    let cut = cut.trim_end_matches([' ', ',', ';', ':', '-']);
    (!cut.is_empty()).then(|| format!("{cut}…"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_label_fits_whole() {
        assert_eq!(fit("2019", 60.0).as_deref(), Some("2019"));
        assert_eq!(
            fit("December 2020", 200.0).as_deref(),
            Some("December 2020")
        );
    }

    #[test]
    fn a_long_label_is_cut_at_a_word_within_its_room() {
        let title = "Iran unveils long-range missile as sanctions talks stall";
        let label = fit(title, 150.0).unwrap();
        assert!(label.ends_with('…'), "{label}");
        assert!(width_of(&label) <= 150.0, "{label}");
        assert!(title.starts_with(label.trim_end_matches('…')));
        assert!(!label.trim_end_matches('…').ends_with(' '));
    }

    #[test]
    fn no_room_no_label() {
        assert_eq!(fit("Anything at all", 20.0), None);
        assert_eq!(fit("   ", 500.0), None);
        assert_eq!(
            fit("Ünïcödé títle with accents", 60.0).map(|l| width_of(&l) <= 60.0),
            Some(true)
        );
    }

    #[test]
    fn capitals_are_counted_wide() {
        assert!(width_of("WWWW") > width_of("iiii") * 2.0);
    }
}
