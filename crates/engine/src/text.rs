//! Shared text geometry: byte spans and the sentence segmentation every
//! stage agrees on, so an entity, a date and the event it dates all point at
//! the same bytes of the original file.

use serde::{Deserialize, Serialize};
use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

/// A half-open range of UTF-8 byte offsets into an article's original file.
///
/// Offsets stay relative to the file as read (BOM, CRLF and all) so the CLI
/// output, the scorer and the reader's highlights never drift apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    /// A span from `start` (inclusive) to `end` (exclusive).
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// Length in bytes.
    pub const fn len(self) -> usize {
        self.end - self.start
    }

    /// True for a zero-width span.
    pub const fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// True if `other` lies entirely inside this span.
    pub const fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True if the two spans share at least one byte.
    pub const fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The same span moved `by` bytes to the right, for results computed on a slice.
    pub const fn shifted(self, by: usize) -> Span {
        Span::new(self.start + by, self.end + by)
    }

    /// The text this span covers.
    pub fn of(self, text: &str) -> &str {
        // Never a panic: a span of another text (a reader showing an
        // article whose body is still loading) reads as nothing.
        text.get(self.start..self.end).unwrap_or("")
    }

    /// True if this span can slice `text`: in order, inside it, and on
    /// character boundaries (the invariant every emitted span keeps).
    pub fn fits(self, text: &str) -> bool {
        text.get(self.start..self.end).is_some()
    }

    /// As a standard range, for slicing.
    pub const fn range(self) -> Range<usize> {
        self.start..self.end
    }
}

/// Sentence spans inside `span` of `text`, trimmed of surrounding white space.
///
/// UAX #29 boundaries (via `unicode-segmentation`) already keep "U.S. sanctions"
/// together; a break is then undone after common title abbreviations
/// ("Mr.", "Gen.") that UAX #29 cannot know about.
pub fn sentences(text: &str, span: Span) -> Vec<Span> {
    let slice = span.of(text);
    let mut out: Vec<Span> = Vec::new();
    let mut glue_next = false;
    for (offset, piece) in slice.split_sentence_bound_indices() {
        let start = span.start + offset + (piece.len() - piece.trim_start().len());
        let end = span.start + offset + piece.trim_end().len();
        if start >= end {
            continue;
        }
        match out.last_mut() {
            Some(last) if glue_next => last.end = end,
            _ => out.push(Span::new(start, end)),
        }
        glue_next = ends_with_abbreviation(piece.trim_end());
    }
    out
}

/// Titles and abbreviations after which a period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "Gen.", "Lt.", "Col.", "Maj.", "Capt.", "Sgt.", "Adm.",
    "Gov.", "Sen.", "Rep.", "Rev.", "St.", "Jr.", "Sr.", "No.", "vs.", "Jan.", "Feb.", "Aug.",
    "Sept.", "Sep.", "Oct.", "Nov.", "Dec.", "Inc.", "Corp.", "Co.", "Ltd.",
];

fn ends_with_abbreviation(sentence: &str) -> bool {
    let last_word = sentence.rsplit(char::is_whitespace).next().unwrap_or("");
    is_abbreviation(last_word)
}

/// True for a title or abbreviation whose period does not end a sentence
/// ("Mr.", "Sept.").
pub(crate) fn is_abbreviation(word_with_period: &str) -> bool {
    ABBREVIATIONS.contains(&word_with_period)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_span_fits_only_in_order_inside_and_on_boundaries() {
        let text = "Çavuşoğlu said";
        assert_eq!(Span::new(0, 12).of(text), "Çavuşoğlu");
        assert!(Span::new(0, 12).fits(text));
        assert!(Span::new(3, 3).fits(text));
        assert!(!Span::new(1, 4).fits(text), "inside the Ç");
        assert!(!Span::new(5, 3).fits(text), "reversed");
        assert!(!Span::new(12, 99).fits(text), "past the end");
    }

    #[test]
    fn a_span_outside_its_text_reads_as_nothing() {
        assert_eq!(Span::new(0, 6).of("Ankara said"), "Ankara");
        assert_eq!(Span::new(20, 26).of("Ankara said"), "");
        assert_eq!(Span::new(0, 1).of("Ürün"), "", "inside a character");
    }

    fn all(text: &str) -> Span {
        Span::new(0, text.len())
    }

    #[test]
    fn sentences_keep_abbreviations_together() {
        let text = "The U.S. imposed sanctions. Mr. Demir said no. Ankara refused.";
        let got: Vec<&str> = sentences(text, all(text))
            .iter()
            .map(|s| s.of(text))
            .collect();
        assert_eq!(
            got,
            [
                "The U.S. imposed sanctions.",
                "Mr. Demir said no.",
                "Ankara refused."
            ]
        );
    }

    #[test]
    fn sentences_are_relative_to_the_whole_text() {
        let text = "Header\nIn 2002, Turkiye joined. Five years later, a deal.";
        let body = Span::new(7, text.len());
        let got = sentences(text, body);
        assert_eq!(got[0].of(text), "In 2002, Turkiye joined.");
        assert_eq!(got[1].of(text), "Five years later, a deal.");
    }
}
