//! The line under a result: the stretch of text where most of the query's
//! words meet, with each of them marked. Spans only: the page renders them
//! as text nodes, never as HTML.

use crate::terms::each_term;
use dateline_engine::text::Span;

/// A window of the text and the matches inside it to mark.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    pub window: Span,
    /// Ascending, inside `window`.
    pub marks: Vec<Span>,
}

/// Matches looked at per text: a word repeated ten thousand times in a
/// pasted transcript must not make a snippet slow.
const MAX_MATCHES: usize = 2_000;

/// The window of about `width` bytes (and a little lead-in) of `text` holding the most distinct
/// terms for which `is_match` holds, cut at spaces; `None` if none occurs.
pub fn snippet(text: &str, is_match: impl Fn(&str) -> bool, width: usize) -> Option<Snippet> {
    let mut found: Vec<(Span, String)> = Vec::new();
    each_term(text, |term, span| {
        if found.len() < MAX_MATCHES && is_match(term) {
            found.push((span, term.to_owned()));
        }
    });
    let best = (0..found.len()).max_by_key(|&i| {
        let end = found[i].0.start + width;
        let mut distinct: Vec<&str> = found[i..]
            .iter()
            .take_while(|(s, _)| s.end <= end)
            .map(|(_, t)| t.as_str())
            .collect();
        distinct.sort_unstable();
        distinct.dedup();
        // Ties go to the earliest window (max_by_key keeps the last max).
        (distinct.len(), std::cmp::Reverse(i))
    })?;
    let first = found[best].0;
    let lead = width / 4;
    let from = cut_forward(text, first.start.saturating_sub(lead), first.start);
    let to = cut_back(
        text,
        (first.start + width).max(first.end).min(text.len()),
        first.end,
    );
    let marks = found
        .iter()
        .map(|(s, _)| *s)
        .filter(|s| s.start >= from && s.end <= to)
        .collect();
    Some(Snippet {
        window: Span::new(from, to),
        marks,
    })
}

/// Moves `at` forward to a char boundary just after a space (not past `limit`).
fn cut_forward(text: &str, mut at: usize, limit: usize) -> usize {
    while !text.is_char_boundary(at) {
        at += 1;
    }
    if at == 0 {
        return 0;
    }
    text[at..limit].find(' ').map_or(at, |i| at + i + 1)
}

/// Moves `at` back to a char boundary at a space (not before `limit`).
fn cut_back(text: &str, mut at: usize, limit: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    if at >= text.len() {
        return text.len();
    }
    text[limit..at].rfind(' ').map_or(at, |i| limit + i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_window_where_most_query_words_meet_with_each_marked() {
        let text = "Turkey said on Monday it would go ahead. Later, the Turkish \
                    foreign minister said Ankara would not back down over the S-400 deal with Russia.";
        let words = ["ankara", "s", "400", "russia"];
        let s = snippet(text, |t| words.contains(&t), 60).unwrap();
        let marks: Vec<&str> = s.marks.iter().map(|m| m.of(text)).collect();
        assert_eq!(marks, ["Ankara", "S", "400", "Russia"]);
        assert!(
            s.window.of(text).starts_with("minister said Ankara"),
            "{}",
            s.window.of(text)
        );
        assert!(s
            .marks
            .iter()
            .all(|m| s.window.start <= m.start && m.end <= s.window.end));
    }

    #[test]
    fn no_match_no_snippet_and_edges_are_safe() {
        assert_eq!(snippet("nothing here", |t| t == "x", 40), None);
        let text = "Çavuşoğlu";
        let s = snippet(text, |t| t == "cavusoglu", 3).unwrap();
        assert_eq!(s.window.of(text), text);
        assert_eq!(s.marks, [Span::new(0, text.len())]);
    }
}
