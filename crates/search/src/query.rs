//! What a reader types, understood: words (the last one still being typed,
//! so a prefix), "quoted phrases", and `-words` to exclude.

use crate::terms::{each_term, terms};

/// One word every result must contain (or, for a prefix, start a word with).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub term: String,
    /// The word is still being typed: any term starting with it matches.
    pub prefix: bool,
}

/// A parsed query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    /// Required words, phrase words included.
    pub words: Vec<Word>,
    /// Runs of terms that must follow each other: quoted text, and words
    /// written with inner punctuation ("S-400" is `s 400`).
    pub phrases: Vec<Vec<String>>,
    /// Terms no result may contain.
    pub excluded: Vec<String>,
}

impl Query {
    /// Parses `input`. The last word is a prefix unless the input ends with
    /// a space or a closing quote. An unclosed quote runs to the end.
    pub fn parse(input: &str) -> Query {
        let mut query = Query::default();
        for (i, segment) in input.split('"').enumerate() {
            let quoted = i % 2 == 1;
            if quoted {
                query.add_phrase(terms(segment));
                continue;
            }
            for token in segment.split_whitespace() {
                match token.strip_prefix('-') {
                    Some(rest) if !rest.is_empty() => query.excluded.extend(terms(rest)),
                    _ => query.add_phrase(terms(token)),
                }
            }
        }
        let unclosed_quote = input.matches('"').count() % 2 == 1;
        let tail = input.rsplit('"').next().unwrap_or("");
        let typing = !unclosed_quote
            && tail
                .split_whitespace()
                .next_back()
                .is_some_and(|t| !t.starts_with('-'))
            && ends_with_term(input);
        if typing {
            if let Some(word) = query.words.last_mut() {
                word.prefix = true;
            }
        }
        query.excluded.sort();
        query.excluded.dedup();
        query
    }

    /// Nothing to look for (not even an exclusion).
    pub fn is_empty(&self) -> bool {
        self.words.is_empty() && self.excluded.is_empty()
    }

    fn add_phrase(&mut self, phrase: Vec<String>) {
        for term in &phrase {
            if !self.words.iter().any(|w| &w.term == term) {
                self.words.push(Word {
                    term: term.clone(),
                    prefix: false,
                });
            } else if let Some(at) = self.words.iter().position(|w| &w.term == term) {
                // Keep the word last if it is typed again (it may be the prefix).
                let word = self.words.remove(at);
                self.words.push(word);
            }
        }
        if phrase.len() > 1 {
            self.phrases.push(phrase);
        }
    }
}

/// True if the input's last character belongs to a term (no trailing
/// punctuation: "S-" has finished its word).
fn ends_with_term(input: &str) -> bool {
    let mut last_end = None;
    each_term(input, |_, span| last_end = Some(span.end));
    last_end == Some(input.len())
}

/// True if `text` contains the terms of `phrase` one after another.
pub fn contains_phrase(text: &str, phrase: &[String]) -> bool {
    if phrase.is_empty() {
        return true;
    }
    let terms = terms(text);
    terms.windows(phrase.len()).any(|w| w == phrase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(term: &str, prefix: bool) -> Word {
        Word {
            term: term.into(),
            prefix,
        }
    }

    #[test]
    fn the_last_word_is_a_prefix_while_it_is_being_typed() {
        assert_eq!(
            Query::parse("erdogan pu").words,
            [word("erdogan", false), word("pu", true)]
        );
        assert_eq!(
            Query::parse("erdogan pu ").words,
            [word("erdogan", false), word("pu", false)]
        );
        assert_eq!(Query::parse("Erdoğan,").words, [word("erdogan", false)]);
        assert!(Query::parse("   ").is_empty());
    }

    #[test]
    fn quotes_make_phrases_and_minus_excludes() {
        let q = Query::parse(r#""missile defence" -Russia s-400 -"#);
        assert_eq!(
            q.words,
            [
                word("missile", false),
                word("defence", false),
                word("s", false),
                word("400", false)
            ]
        );
        assert_eq!(
            q.phrases,
            [
                vec!["missile".to_string(), "defence".into()],
                vec!["s".into(), "400".into()]
            ]
        );
        assert_eq!(q.excluded, ["russia"]);
        let open = Query::parse(r#"talks "prime minis"#);
        assert_eq!(open.phrases, [vec!["prime".to_string(), "minis".into()]]);
        assert!(
            !open.words.last().unwrap().prefix,
            "quoted words are whole words"
        );
        assert!(Query::parse("-turkey").words.is_empty());
        assert!(!Query::parse("-turkey").is_empty());
    }

    #[test]
    fn phrases_must_be_consecutive() {
        let text = "The prime minister met the minister of defence; prime time.";
        let phrase = |s: &str| terms(s);
        assert!(contains_phrase(text, &phrase("prime minister")));
        assert!(contains_phrase(text, &phrase("minister of defence")));
        assert!(!contains_phrase(text, &phrase("prime defence")));
        assert!(contains_phrase("a a a b", &phrase("a a b")));
        assert!(contains_phrase(text, &[]));
    }
}
