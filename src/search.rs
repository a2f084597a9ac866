//! Instant search over titles and text. Corpora a person reads are at most a
//! few thousand articles, so a folded copy of each text scanned per keystroke
//! answers well under a frame; every query term must appear (AND).

use crate::linking::fold;

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
}
