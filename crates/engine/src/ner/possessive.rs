//! Company names that end in a possessive "'s" ("Sainsbury's", "Moody's",
//! "Boatmen's"). The tokenizer splits the "'s" off and the tagger, which
//! mostly sees it as a possessive, leaves it out of the name. A company
//! written with its "'s" where nothing it could own follows ("a bid for
//! Boatmen's.", "Moody's said") names itself so, and then every mention of
//! it in the article takes the "'s" ("Boatmen's deal", "Boatmen's
//! Bancshares Inc.", one name with the words after it when they are the
//! same company's).

use super::RawMention;
use crate::label::Label;
use crate::text::Span;
use std::collections::HashSet;

/// Lower-case verbs after "X's" that make "X's" the subject, not an owner
/// ("Moody's said", "Boatmen's was the prize").
const SUBJECT_VERBS: &[&str] = &[
    "was", "is", "has", "had", "said", "says", "will", "would", "could", "did", "does", "reported",
    "agreed",
];

/// Characters after "X's" that end the phrase, so nothing is owned.
const CLOSERS: &[char] = &['.', ',', ';', ':', ')', '"', '?', '!', '”'];

/// Bytes of the possessive ending that opens `after`, if any.
fn possessive_len(after: &str) -> Option<usize> {
    ["'s", "’s"]
        .iter()
        .find(|p| after.starts_with(**p))
        .map(|p| p.len())
}

/// True when `rest`, the text after "X's", shows that "X's" stands alone:
/// the phrase ends there or a verb follows.
fn stands_alone(rest: &str) -> bool {
    match rest.chars().next() {
        None => true,
        Some(c) if CLOSERS.contains(&c) => true,
        Some(' ') => rest[1..]
            .split(|c: char| !c.is_alphabetic())
            .next()
            .is_some_and(|w| SUBJECT_VERBS.contains(&w)),
        _ => false,
    }
}

/// Extends the organisations of `mentions` (sorted, non-overlapping) of
/// `text` that the article writes with a standalone "'s" over that "'s",
/// joining a name that follows it after one space into one organisation.
pub(crate) fn extend(text: &str, mentions: &mut Vec<RawMention>) {
    let names: HashSet<&str> = mentions
        .iter()
        .filter(|m| m.label == Label::Org)
        .filter(|m| {
            let after = &text[m.span.end..];
            possessive_len(after).is_some_and(|n| stands_alone(&after[n..]))
        })
        .map(|m| m.span.of(text))
        .collect();
    if names.is_empty() {
        return;
    }
    let mut out: Vec<RawMention> = Vec::with_capacity(mentions.len());
    let mut joinable = false;
    for m in mentions.drain(..) {
        if joinable && m.label == Label::Org {
            if let Some(last) = out.last_mut() {
                if last.span.end + 1 == m.span.start {
                    last.span = Span::new(last.span.start, m.span.end);
                    joinable = false;
                    continue;
                }
            }
        }
        let mut m = m;
        joinable = false;
        if names.contains(m.span.of(text)) {
            if let Some(n) = possessive_len(&text[m.span.end..]) {
                m.span = Span::new(m.span.start, m.span.end + n);
                m.label = Label::Org;
                joinable = text[m.span.end..].starts_with(' ');
            }
        }
        out.push(m);
    }
    *mentions = out;
}

#[cfg(test)]
mod tests {
    use crate::ner::test_support::tag;

    #[test]
    fn a_company_written_with_its_s_keeps_it_everywhere() {
        let text = "Shares of Boatmen's rose 5 percent after NationsBank Corp made a bid for Boatmen's. Analysts said Boatmen's Bancshares Inc. agreed and Boatmen's was the prize.";
        let got = tag(text);
        let orgs: Vec<&str> = got
            .iter()
            .filter(|(_, l)| *l == "ORG")
            .map(|(t, _)| *t)
            .collect();
        assert!(orgs.contains(&"Boatmen's Bancshares Inc."), "{got:?}");
        assert_eq!(
            orgs.iter().filter(|t| **t == "Boatmen's").count(),
            3,
            "{got:?}"
        );
        assert!(!orgs.contains(&"Boatmen"), "{got:?}");
    }

    #[test]
    fn an_ordinary_possessive_stays_outside_the_name() {
        let got = tag("Microsoft's shares rose after Microsoft said profits grew.");
        assert!(got.contains(&("Microsoft", "ORG")), "{got:?}");
        assert!(!got.iter().any(|(t, _)| t.ends_with("'s")), "{got:?}");
    }
}
