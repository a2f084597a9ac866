//! Instant search over titles and text. Corpora a person reads are at most a
//! few thousand articles, so a folded copy of each text scanned per keystroke
//! answers well under a frame; every query term must appear (AND).

use dateline_engine::linking::{fold, fold_each};
use dateline_engine::text::Span;

/// Folded (lowercase, accent-free) title and body of every article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchIndex {
    docs: Vec<String>,
}

impl SearchIndex {
    /// Indexes the given texts, one per article, in corpus order.
    pub fn new<'a>(texts: impl IntoIterator<Item = &'a str>) -> SearchIndex {
        SearchIndex {
            docs: texts.into_iter().map(fold).collect(),
        }
    }

    /// True if article `doc` contains every term of `query` (an empty query matches all).
    pub fn matches(&self, doc: usize, query: &str) -> bool {
        let folded = fold(query);
        let Some(text) = self.docs.get(doc) else {
            return false;
        };
        folded
            .split(' ')
            .filter(|t| !t.is_empty())
            .all(|term| text.contains(term))
    }
}

/// Where the first term of `query` occurs in `text` (original bytes), found
/// the way [`SearchIndex::matches`] finds it: for a snippet in the list.
pub fn first_match(text: &str, query: &str) -> Option<Span> {
    let folded_query = fold(query);
    let term = folded_query.split(' ').find(|t| !t.is_empty())?;
    let mut folded = String::with_capacity(text.len());
    let mut starts: Vec<(usize, usize)> = Vec::new();
    fold_each(text, &mut folded, |original, at| {
        starts.push((at, original))
    });
    let at = folded.find(term)?;
    let original_at = |folded_pos: usize| {
        let i = starts
            .partition_point(|&(f, _)| f <= folded_pos)
            .saturating_sub(1);
        starts[i].1
    };
    let start = original_at(at);
    let last = original_at(at + term.len() - 1);
    let end = last + text[last..].chars().next().map_or(0, char::len_utf8);
    Some(Span::new(start, end))
}

/// About `width` bytes of context on each side of `hit`, cut at spaces.
pub fn snippet(text: &str, hit: Span, width: usize) -> (Span, Span) {
    let mut from = hit.start.saturating_sub(width);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    if from > 0 {
        from = text[from..hit.start]
            .find(' ')
            .map_or(from, |i| from + i + 1);
    }
    let mut to = (hit.end + width).min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    if to < text.len() {
        to = text[hit.end..to].rfind(' ').map_or(to, |i| hit.end + i);
    }
    (Span::new(from, hit.start), Span::new(hit.end, to))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_terms_must_match_ignoring_case_and_accents() {
        let index = SearchIndex::new(["Türkiye could buy S-400", "Turkey and the U.S. sanctions"]);
        assert!(index.matches(0, "turkiye s-400"));
        assert!(index.matches(1, "US SANCTIONS"));
        assert!(!index.matches(1, "turkiye"));
        assert!(index.matches(1, "  "));
        assert!(!index.matches(7, ""));
    }

    #[test]
    fn first_match_maps_back_to_the_original_text() {
        let text = "Ankara said the U.S. and Türkiye's S-400 deal stands.";
        let hit = first_match(text, "TURKIYE").unwrap();
        assert_eq!(hit.of(text), "Türkiye");
        assert_eq!(first_match(text, "us deal").unwrap().of(text), "U.S");
        assert_eq!(first_match(text, "nothing"), None);
        assert_eq!(first_match(text, "  "), None);
        let (before, after) = snippet(text, hit, 12);
        assert_eq!(before.of(text), "U.S. and ");
        assert_eq!(after.of(text), "'s S-400");
    }
}
