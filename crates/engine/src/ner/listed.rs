//! Listed companies (`orgs.txt`, see [`gazetteer::is_org`]) where the
//! tagger's 1996 knowledge fails them:
//!
//! * a one-word company the tagger left untagged, mostly at a sentence's
//!   start where capitalisation says nothing ("Netflix said on Tuesday …",
//!   "Apple fell to third place"): an organisation, unless the model's
//!   casing statistics say the word is a common lower-case one ("Next",
//!   "Target", "Block"), so ordinary sentence openers stay untagged;
//! * a company that shares its name with a river or region, not a polity
//!   ("Amazon and Walmart began …"): an organisation unless "the" comes
//!   before it ("the Amazon", the river and its basin).

use super::features::{Lexicon, Token};
use super::gazetteer;
use super::keys::{casing_key, phrase_key};
use super::{mention, RawMention};
use crate::label::Label;

/// True when the model's casing statistics say `lower` is written in lower
/// case more often than not: a common word, not a brand.
fn common_word(lex: &dyn Lexicon, lower: &str) -> bool {
    lex.casing(casing_key(lower)).is_some_and(|c| c & 3 == 0)
}

/// True when token `t` is one word that is a listed company and nothing
/// the gazetteers know as a place, people, or holiday.
fn listed_word(t: &Token<'_>) -> bool {
    let key = phrase_key(&[t.lower.as_str()]);
    gazetteer::is_org(key)
        && !gazetteer::place(key)
        && !gazetteer::is_norp(key)
        && !gazetteer::is_holiday(key)
}

/// ORG mentions for the one-word listed companies of `sent` that no
/// mention in `out` covers, appended to `out`.
pub(crate) fn add_missed(sent: &[Token<'_>], lex: &dyn Lexicon, out: &mut Vec<RawMention>) {
    let mut found = Vec::new();
    for t in sent {
        let capitalised = t.view.starts_with(char::is_uppercase)
            && t.raw.chars().filter(|c| c.is_alphabetic()).count() >= 2;
        if capitalised
            && listed_word(t)
            && !common_word(lex, &t.lower)
            && !out.iter().any(|m| m.span.overlaps(t.span))
        {
            found.push(mention(t.span, t.span, Label::Org));
        }
    }
    out.extend(found);
}

/// True when tokens `s..=e` are a listed company whose name is also a
/// non-political location (a river or region, "Amazon") and no "the"
/// comes before it: the company.
pub(crate) fn company_not_region(sent: &[Token<'_>], s: usize, e: usize) -> bool {
    let lw: Vec<&str> = sent[s..=e].iter().map(|t| t.lower.as_str()).collect();
    let key = phrase_key(&lw);
    gazetteer::is_org(key)
        && gazetteer::is_loc(key)
        && !gazetteer::is_gpe(key)
        && !s.checked_sub(1).is_some_and(|p| sent[p].lower == "the")
}

#[cfg(test)]
mod tests {
    use crate::ner::test_support::tag;

    fn label_of<'a>(got: &[(&'a str, &'static str)], text: &str) -> Option<&'static str> {
        got.iter().find(|(t, _)| *t == text).map(|(_, l)| *l)
    }

    #[test]
    fn listed_companies_opening_a_sentence_are_organisations() {
        let got = tag("Shares rose on Tuesday. Netflix said it lost subscribers. Broadcom fell to third place, and Apple gained.");
        for company in ["Netflix", "Broadcom", "Apple"] {
            assert_eq!(label_of(&got, company), Some("ORG"), "{company} in {got:?}");
        }
    }

    #[test]
    fn common_words_that_are_also_companies_stay_untagged() {
        let got = tag("Next year the bank expects profits to rise. Target prices were cut.");
        assert_eq!(label_of(&got, "Next"), None, "{got:?}");
        assert_eq!(label_of(&got, "Target"), None, "{got:?}");
    }

    #[test]
    fn amazon_the_company_and_the_amazon_the_river() {
        let got = tag("Amazon and Walmart began their promotions early. Fires spread across the Amazon in Brazil.");
        let labels: Vec<&str> = got
            .iter()
            .filter(|(t, _)| *t == "Amazon")
            .map(|(_, l)| *l)
            .collect();
        assert_eq!(labels, ["ORG", "LOC"], "{got:?}");
    }
}
