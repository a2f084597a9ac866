//! The words search knows. A term is a run of letters and digits, folded as
//! entity names are (lowercase, Latin accents removed: "Türkiye" is
//! `turkiye`), so the index, the query and the snippet all cut text the same
//! way. Dots inside abbreviations join ("U.S." is `us`); other punctuation
//! separates ("S-400" is `s` then `400`).

use dateline_engine::linking::push_folded;
use dateline_engine::text::Span;

/// Terms longer than this many bytes are not indexed: no one types them,
/// and hostile input (a megabyte of base64) must not bloat the dictionary.
pub const MAX_TERM_BYTES: usize = 40;

/// Calls `each(term, span)` for every term of `text`, in order; `span` is
/// where the term lies in `text` (original bytes, for snippets).
pub fn each_term(text: &str, mut each: impl FnMut(&str, Span)) {
    let mut term = String::new();
    let mut start: Option<usize> = None;
    let mut end = 0;
    // Letters since the last dot: a dot joins only after a single letter
    // ("U.S"), not between words ("end.The") or numbers ("3.5").
    let mut since_dot = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_alphanumeric() {
            if start.is_none() {
                start = Some(i);
                term.clear();
                since_dot = 0;
            }
            push_folded(&mut term, c);
            since_dot += 1;
            end = i + c.len_utf8();
            continue;
        }
        let next_is_letter = chars.peek().is_some_and(|&(_, n)| n.is_alphabetic());
        if c == '.' && start.is_some() && since_dot == 1 && next_is_letter {
            since_dot = 0;
            continue;
        }
        if let Some(from) = start.take() {
            emit(&term, Span::new(from, end), &mut each);
        }
    }
    if let Some(from) = start {
        emit(&term, Span::new(from, end), &mut each);
    }
}

fn emit(term: &str, span: Span, each: &mut impl FnMut(&str, Span)) {
    if term.len() <= MAX_TERM_BYTES {
        each(term, span);
    }
}

/// The terms of `text`, in order (queries, tests).
pub fn terms(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    each_term(text, |t, _| out.push(t.to_owned()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_fold_case_and_accents_and_keep_abbreviations_whole() {
        assert_eq!(
            terms("Türkiye's S-400 deal: the U.S. said ERDOĞAN, 3.5 end.The"),
            [
                "turkiye", "s", "s", "400", "deal", "the", "us", "said", "erdogan", "3", "5",
                "end", "the"
            ]
        );
    }

    #[test]
    fn spans_point_at_the_original_words() {
        let text = "In Ankara, U.S. envoys met Çavuşoğlu.";
        let mut seen = Vec::new();
        each_term(text, |t, span| {
            seen.push((t.to_owned(), span.of(text).to_owned()))
        });
        assert_eq!(
            seen,
            [
                ("in".into(), "In".into()),
                ("ankara".into(), "Ankara".into()),
                ("us".into(), "U.S".into()),
                ("envoys".into(), "envoys".into()),
                ("met".into(), "met".into()),
                ("cavusoglu".into(), "Çavuşoğlu".into()),
            ]
        );
    }

    #[test]
    fn overlong_runs_are_not_terms() {
        let blob = "a".repeat(MAX_TERM_BYTES + 1);
        assert_eq!(terms(&format!("x {blob} y")), ["x", "y"]);
        assert!(terms("").is_empty());
        assert!(terms(" -- ").is_empty());
    }
}
