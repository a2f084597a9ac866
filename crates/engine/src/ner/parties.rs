//! Political parties' names, which 1996 text cannot know and which today's
//! news writes with small words inside ("Law and Justice", "Brothers of
//! Italy", "Alternative for Germany") or with their leader after "of"
//! ("the Democratic Party of Enrico Letta").
//!
//! * A run of capitalised words with "and", "of" or "for" inside, said to
//!   be a party by the words after it ("the Law and Justice party",
//!   "Brothers of Italy, a party with roots in …") or by a leaning before
//!   it ("the far-right Alternative for Germany"), is one organisation.
//! * An organisation whose name ends in a party head, "of" and a person's
//!   name of two or three words ("the League of Matteo Salvini") is the
//!   party and its leader, two mentions.

use super::features::{Lexicon, Token};
use super::gazetteer;
use super::keys::phrase_key;
use super::listed::common_word;
use super::news::capitalised;
use super::RawMention;
use crate::label::Label;
use crate::text::Span;

/// Small words inside a party's name.
const JOINERS: &[&str] = &["and", "of", "for"];

/// Words that open a sentence or a noun phrase but never a party's name.
const NOT_NAME_WORDS: &[&str] = &["the", "a", "an", "its", "his", "her", "their"];

/// Last words of a party's name that "of" and its leader may follow ("the
/// Democratic Party of …", "the League of …", "the Social Democrats of …").
const PARTY_HEADS: &[&str] = &[
    "party",
    "league",
    "movement",
    "alliance",
    "coalition",
    "front",
    "democrats",
];

/// Longest run of capitalised words a rule reads as one side of a name.
const MAX_SIDE: usize = 3;

/// True when token `i` may be part of a party's name: capitalised and no
/// determiner ("The Law and Justice party").
fn name_word(sent: &[Token<'_>], i: usize) -> bool {
    capitalised(&sent[i]) && !NOT_NAME_WORDS.contains(&sent[i].lower.as_str())
}

/// True when the words after token `e` say the name before them is a
/// party's: "party" itself ("the Law and Justice party"), or an apposition
/// ", a/the … party" of up to four lower-case words ("Brothers of Italy, a
/// party with roots in …").
fn party_follows(sent: &[Token<'_>], e: usize) -> bool {
    let is = |k: usize, w: &[&str]| sent.get(k).is_some_and(|t| w.contains(&t.raw));
    if is(e + 1, &["party"]) {
        return true;
    }
    if !is(e + 1, &[","]) || !is(e + 2, &["a", "the"]) {
        return false;
    }
    (e + 3..e + 7)
        .take_while(|&k| {
            sent.get(k)
                .is_some_and(|t| t.raw.starts_with(char::is_lowercase))
        })
        .any(|k| sent[k].raw == "party")
}

/// The first token of the name that ends at token `e` and has a joiner
/// inside ("Law and Justice", "Brothers of Italy"), or None: capitalised
/// words, one joiner (with "the" after "of"/"for"), capitalised words, at
/// most [`MAX_SIDE`] on each side, and no known place nor two of them
/// ("Trinidad and Tobago", "Bosnia and Herzegovina").
fn joined_name_start(sent: &[Token<'_>], e: usize) -> Option<usize> {
    let mut b = e;
    while b > 0 && e - b + 1 < MAX_SIDE && name_word(sent, b - 1) {
        b -= 1;
    }
    if !name_word(sent, e) || b < 2 {
        return None;
    }
    let mut j = b - 1;
    if sent[j].lower == "the" && j > 0 && matches!(sent[j - 1].lower.as_str(), "of" | "for") {
        j -= 1;
    }
    if !JOINERS.contains(&sent[j].raw) || j == 0 || !name_word(sent, j - 1) {
        return None;
    }
    let mut a = j - 1;
    while a > 0 && j - a < MAX_SIDE && name_word(sent, a - 1) {
        a -= 1;
    }
    let place = |x: usize, y: usize| {
        let words: Vec<&str> = sent[x..=y].iter().map(|t| t.lower.as_str()).collect();
        gazetteer::place(phrase_key(&words))
    };
    (!(place(a, e) || place(a, j - 1) && place(b, e))).then_some(a)
}

/// Political leanings written before a party's name ("the nationalist
/// …", "the opposition Movement for Democratic Change").
const LEANINGS: &[&str] = &["nationalist", "populist", "opposition"];

/// Last halves of hyphenated leanings ("far-right", "centre-left",
/// "left-wing"), which the tokenizer cuts at the hyphen.
const LEANING_TAILS: &[&str] = &["right", "left", "wing"];

/// True when a leaning comes right before token `s` and the name that
/// starts there ends at token `e` ("the far-right Alternative for Germany
/// came second").
fn leaning_before(sent: &[Token<'_>], s: usize, e: usize) -> bool {
    let Some(prev) = s.checked_sub(1).map(|p| sent[p].lower.as_str()) else {
        return false;
    };
    let hyphened = s >= 3 && sent[s - 2].raw == "-" && LEANING_TAILS.contains(&prev);
    (LEANINGS.contains(&prev) || hyphened) && sent.get(e + 1).is_none_or(|t| !capitalised(t))
}

/// Joins the party names of `sent` with a joiner inside into one ORG
/// mention each, replacing what the tagger made of their pieces.
pub(crate) fn join_party_names(sent: &[Token<'_>], mentions: &mut Vec<RawMention>) {
    for e in 0..sent.len() {
        let Some(s) = joined_name_start(sent, e) else {
            continue;
        };
        if !party_follows(sent, e) && !leaning_before(sent, s, e) {
            continue;
        }
        let span = Span::new(sent[s].span.start, sent[e].span.end);
        mentions.retain(|m| !m.span.overlaps(span));
        mentions.push(RawMention {
            span,
            label: Label::Org,
        });
    }
}

/// The leader's name at tokens `s..=e` after a party's "of": two or three
/// capitalised words, none of them a common word ("Women", "Social") and
/// the whole no known place or people.
fn leader_name(sent: &[Token<'_>], s: usize, e: usize, lex: &dyn Lexicon) -> bool {
    let words: Vec<&str> = sent[s..=e].iter().map(|t| t.lower.as_str()).collect();
    let key = phrase_key(&words);
    (2..=3).contains(&words.len())
        && sent[s..=e]
            .iter()
            .all(|t| capitalised(t) && !common_word(lex, &t.lower))
        && !gazetteer::place(key)
        && !gazetteer::is_norp(key)
}

/// The token of `sent` (sorted, disjoint) that starts at byte `start`: a
/// binary search, so a sentence's mentions cost no scan each.
pub(crate) fn token_from(sent: &[Token<'_>], start: usize) -> Option<usize> {
    let k = sent.partition_point(|t| t.span.start < start);
    (sent.get(k)?.span.start == start).then_some(k)
}

/// The token of `sent` that ends at byte `end`, found as [`token_from`].
pub(crate) fn token_to(sent: &[Token<'_>], end: usize) -> Option<usize> {
    let k = sent.partition_point(|t| t.span.end < end);
    (sent.get(k)?.span.end == end).then_some(k)
}

/// Splits ORG mentions of `sent` that run on from a party's head over "of"
/// and its leader's name ("the Democratic Party of Enrico Letta") into the
/// party and the person.
pub(crate) fn split_leaders(sent: &[Token<'_>], lex: &dyn Lexicon, mentions: &mut Vec<RawMention>) {
    let mut leaders = Vec::new();
    for m in mentions.iter_mut().filter(|m| m.label == Label::Org) {
        let (Some(s), Some(e)) = (token_from(sent, m.span.start), token_to(sent, m.span.end))
        else {
            continue;
        };
        let Some(of) = (s + 1..e)
            .find(|&k| sent[k].raw == "of" && PARTY_HEADS.contains(&sent[k - 1].lower.as_str()))
        else {
            continue;
        };
        if leader_name(sent, of + 1, e, lex) {
            leaders.push(RawMention {
                span: Span::new(sent[of + 1].span.start, m.span.end),
                label: Label::Person,
            });
            m.span = Span::new(m.span.start, sent[of - 1].span.end);
        }
    }
    mentions.extend(leaders);
}

#[cfg(test)]
mod tests {
    use crate::ner::test_support::tag;

    #[test]
    fn party_names_with_small_words_are_one_organisation() {
        let got = tag("The ruling nationalist Law and Justice party lost its majority. Giorgia Meloni's Brothers of Italy, a party with roots in the neo-fascist movement, won the vote.");
        assert!(got.contains(&("Law and Justice", "ORG")), "{got:?}");
        assert!(got.contains(&("Brothers of Italy", "ORG")), "{got:?}");
        let got =
            tag("Friedrich Merz won, while the far-right Alternative for Germany came second.");
        assert!(got.contains(&("Alternative for Germany", "ORG")), "{got:?}");
    }

    #[test]
    fn two_places_joined_by_and_stay_places() {
        let got = tag("Voters in Trinidad and Tobago party late into the night.");
        assert!(got.contains(&("Trinidad and Tobago", "GPE")), "{got:?}");
    }

    #[test]
    fn a_party_and_its_leader_after_of_are_two_mentions() {
        let got = tag("The centre-left Democratic Party of Enrico Letta came second, ahead of the League of Matteo Salvini.");
        for (text, label) in [
            ("Democratic Party", "ORG"),
            ("Enrico Letta", "PERSON"),
            ("League", "ORG"),
            ("Matteo Salvini", "PERSON"),
        ] {
            assert!(got.contains(&(text, label)), "{text} {label} in {got:?}");
        }
    }
}
