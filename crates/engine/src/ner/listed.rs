//! Listed companies and brands (`orgs.txt` and `brands.txt`, see
//! [`gazetteer::is_org`], [`gazetteer::is_brand`]) where the tagger's 1996
//! knowledge fails them:
//!
//! * a one-word company the tagger left untagged, mostly at a sentence's
//!   start where capitalisation says nothing ("Netflix said on Tuesday …",
//!   "Apple fell to third place"): an organisation, unless the model's
//!   casing statistics say the word is a common lower-case one ("Next",
//!   "Target", "Block"), so ordinary sentence openers stay untagged;
//! * a one-word brand the tagger typed a person or place ("sign-ups for
//!   Instagram", "Users turned to Telegram"): an organisation, unless it is
//!   a common word or a name the model learned as a person or place;
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
pub(crate) fn common_word(lex: &dyn Lexicon, lower: &str) -> bool {
    lex.casing(casing_key(lower)).is_some_and(|c| c & 3 == 0)
}

/// True when the model learned the one-word name `lower` as mostly a
/// person's or a place's (coarse types 0 and 2).
fn learned_person_or_place(lex: &dyn Lexicon, lower: &str) -> bool {
    lex.entity(phrase_key(&[lower]))
        .is_some_and(|c| matches!(c & 3, 0 | 2))
}

/// True when the model never saw the word `lower` in its training text: a
/// brand it cannot know, not a first name ("Monica") or a number word
/// that happens to be some brand's name too.
fn unseen(lex: &dyn Lexicon, lower: &str) -> bool {
    lex.casing(casing_key(lower)).is_none()
}

/// True when token `t` is one word that is a listed company, or a brand the
/// model never saw, and nothing the gazetteers know as a place, people, or
/// holiday, and no common word or name the model learned as a person's or
/// a place's.
fn listed_word(t: &Token<'_>, lex: &dyn Lexicon) -> bool {
    let key = phrase_key(&[t.lower.as_str()]);
    let lower = t.lower.as_str();
    // A brand in capitals longer than an acronym is a shouted word of a
    // dateline or headline ("SUNRISE, Fla."), not the brand.
    let shouted = t.raw.chars().count() > 4 && !t.raw.chars().any(char::is_lowercase);
    (gazetteer::is_org(key) || (gazetteer::is_brand(key) && unseen(lex, lower) && !shouted))
        && !gazetteer::place(key)
        && !gazetteer::is_norp(key)
        && !gazetteer::is_holiday(key)
        && !common_word(lex, lower)
        && !learned_person_or_place(lex, lower)
}

/// True when token `i` of `sent` stands as a name of one word: no hyphen
/// glued to it ("Twenty-three", "Charles-Michael") and no capitalised word
/// after it that would make it a first name ("Rasa Mazeikyte").
fn one_word_name(sent: &[Token<'_>], i: usize) -> bool {
    let glued = |a: usize, b: usize| sent[a].span.end == sent[b].span.start;
    let hyphen = |k: usize| matches!(sent[k].raw, "-" | "‐" | "‑");
    let hyphen_after = i + 1 < sent.len() && hyphen(i + 1) && glued(i, i + 1);
    let hyphen_before = i > 0 && hyphen(i - 1) && glued(i - 1, i);
    let name_goes_on = sent
        .get(i + 1)
        .is_some_and(|n| n.view.starts_with(char::is_uppercase));
    !hyphen_after && !hyphen_before && !name_goes_on
}

/// ORG mentions for the one-word listed companies of `sent` that no
/// mention in `out` covers, appended to `out`.
pub(crate) fn add_missed(sent: &[Token<'_>], lex: &dyn Lexicon, out: &mut Vec<RawMention>) {
    let mut found = Vec::new();
    for (i, t) in sent.iter().enumerate() {
        let capitalised = t.view.starts_with(char::is_uppercase)
            && t.raw.chars().filter(|c| c.is_alphabetic()).count() >= 2;
        if capitalised
            && listed_word(t, lex)
            && one_word_name(sent, i)
            && !out.iter().any(|m| m.span.overlaps(t.span))
        {
            found.push(mention(t.span, t.span, Label::Org));
        }
    }
    out.extend(found);
}

/// True when the one token `s..=e`, which the tagger typed a person or a
/// place, is a listed company or an unseen brand ([`listed_word`]): the
/// company or service.
pub(crate) fn brand_typed_apart(sent: &[Token<'_>], s: usize, e: usize, lex: &dyn Lexicon) -> bool {
    s == e && listed_word(&sent[s], lex) && one_word_name(sent, s)
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
        && s.checked_sub(1).is_none_or(|p| sent[p].lower != "the")
}

#[cfg(test)]
mod tests {
    use crate::ner::test_support::{labels_of, tag};

    fn label_of(got: &[(&str, &'static str)], text: &str) -> Option<&'static str> {
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
    fn todays_platforms_read_as_people_or_places_are_organisations() {
        let got = tag("Meta said sign-ups for Instagram had jumped. Users turned to Telegram, and Bluesky, a social network, added new video features. Anthropic, founded by former OpenAI staff, opened access.");
        for brand in ["Instagram", "Telegram", "Bluesky", "Anthropic"] {
            assert_eq!(label_of(&got, brand), Some("ORG"), "{brand} in {got:?}");
        }
    }

    #[test]
    fn companies_written_without_accents_or_web_address_are_organisations() {
        let got = tag("Shoppers on Alibaba spent more this year. L'Oreal pledged 100 million euros on Tuesday.");
        for company in ["Alibaba", "L'Oreal"] {
            assert_eq!(label_of(&got, company), Some("ORG"), "{company} in {got:?}");
        }
    }

    #[test]
    fn first_names_that_are_also_brands_stay_people() {
        let got = tag("Seles said: \"I told Monica we need her.\" Monica Seles won.");
        assert_eq!(label_of(&got, "Monica"), Some("PERSON"), "{got:?}");
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
        let labels = labels_of(&got, "Amazon");
        assert_eq!(labels, ["ORG", "LOC"], "{got:?}");
    }
}
