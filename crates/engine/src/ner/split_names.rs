//! Names the tagger splits at their small words, joined back: people's
//! names at lower-case particles ("Ursula von der Leyen", "Tamim bin Hamad
//! Al Thani") and organisations or laws at "of the", "for" and "and"
//! ("International Committee of the Red Cross", "Competition and Markets
//! Authority").

use super::features::{sentence_initial, Token};
use super::gazetteer;
use super::news::capitalised;
use super::RawMention;
use crate::label::Label;

/// Lower-case particles inside people's names ("Ursula von der Leyen",
/// "Tamim bin Hamad Al Thani", "Abdulaziz bin Salman").
const PARTICLES: &[&str] = &[
    "von", "van", "der", "den", "ter", "de", "la", "du", "bin", "ibn",
];

/// Particles that open a surname on their own ("Sunak and von der Leyen").
const SURNAME_OPENERS: &[&str] = &["von", "van"];

/// Joins a name split at its lower-case particles into one person: two
/// mentions with only particles between them ("Tamim" + "bin" + "Hamad Al
/// Thani"), or a mention after "von"/"van" particles ("von der Leyen").
/// `mentions` are of one sentence's tokens `sent`.
pub(crate) fn join_name_particles(sent: &[Token<'_>], mentions: &mut Vec<RawMention>) {
    mentions.sort_by_key(|m| m.span.start);
    let token_at = |byte: usize| sent.iter().position(|t| t.span.start == byte);
    let mut k = 0;
    while k < mentions.len() {
        let Some(first) = token_at(mentions[k].span.start) else {
            k += 1;
            continue;
        };
        let mut p = first;
        while p > 0 && PARTICLES.contains(&sent[p - 1].raw) {
            p -= 1;
        }
        if p == first {
            k += 1;
            continue;
        }
        let before = k
            .checked_sub(1)
            .filter(|&j| p > 0 && mentions[j].span.end == sent[p - 1].span.end);
        let place = gazetteer::place(super::keys::phrase_key(&[sent[first].lower.as_str()]));
        match before {
            Some(j) if !place => {
                mentions[j].span =
                    crate::text::Span::new(mentions[j].span.start, mentions[k].span.end);
                mentions[j].label = Label::Person;
                mentions.remove(k);
            }
            None if SURNAME_OPENERS.contains(&sent[p].raw) && !place => {
                mentions[k].span = crate::text::Span::new(sent[p].span.start, mentions[k].span.end);
                mentions[k].label = Label::Person;
                k += 1;
            }
            _ => k += 1,
        }
    }
}

/// True when tokens `a` and `b` of `sent` touch (no space between them).
fn touching(sent: &[Token<'_>], a: usize, b: usize) -> bool {
    sent[a].span.end == sent[b].span.start
}

/// True when token `k` is a hyphen glued to the words on both sides.
fn glued_hyphen(sent: &[Token<'_>], k: usize) -> bool {
    k > 0
        && k + 1 < sent.len()
        && matches!(sent[k].raw, "-" | "‐" | "‑")
        && touching(sent, k - 1, k)
        && touching(sent, k, k + 1)
}

/// Word prefixes written before a hyphen ("Ex-Yankee Randy Velarde",
/// "Anti-Trump"): never the first half of a name.
const PREFIXES: &[&str] = &[
    "ex", "anti", "pro", "non", "post", "pre", "neo", "mid", "pan",
];

/// True when token `k` could open a person's double name: a title-case
/// word, starting a word of the text, that names no place or people.
fn name_half(sent: &[Token<'_>], k: usize) -> bool {
    let t = &sent[k];
    let title = t.raw.starts_with(char::is_uppercase) && t.raw.chars().any(char::is_lowercase);
    let key = super::keys::phrase_key(&[t.lower.as_str()]);
    title
        && !t.headline
        && (k == 0 || !touching(sent, k - 1, k))
        && !PREFIXES.contains(&t.lower.as_str())
        && !gazetteer::place(key)
        && !gazetteer::is_norp(key)
}

/// Joins a person's name the tokenizer split at its hyphen: two person
/// mentions glued by a hyphen ("Bankman" "-" "Fried"), or a person mention
/// after a glued hyphen and a first name the tagger left out ("Charles" "-"
/// "Michael Friedek", "Joe-Max Moore"). `mentions` are of one sentence's
/// tokens `sent`.
pub(crate) fn join_hyphenated(sent: &[Token<'_>], mentions: &mut Vec<RawMention>) {
    mentions.sort_by_key(|m| m.span.start);
    let mut k = 0;
    while k < mentions.len() {
        let m = &mentions[k];
        let first = sent.iter().position(|t| t.span.start == m.span.start);
        let Some(h) = first.and_then(|f| f.checked_sub(1)) else {
            k += 1;
            continue;
        };
        if m.label != Label::Person || !glued_hyphen(sent, h) {
            k += 1;
            continue;
        }
        let left = sent[h - 1].span;
        let before = k
            .checked_sub(1)
            .filter(|&j| mentions[j].span.end == left.end);
        match before {
            Some(j) if mentions[j].label == Label::Person => {
                mentions[j].span = crate::text::Span::new(mentions[j].span.start, m.span.end);
                mentions.remove(k);
            }
            None if name_half(sent, h - 1) => {
                mentions[k].span = crate::text::Span::new(left.start, m.span.end);
                k += 1;
            }
            _ => k += 1,
        }
    }
}

/// Capital abbreviations before a name that are posts or bodies, not a
/// person's initials ("CEO Tim Cook", "MP Diane Abbott").
const NOT_INITIALS: &[&str] = &[
    "CEO", "CFO", "COO", "CTO", "MP", "MPS", "MEP", "PM", "MD", "GOP", "DJ", "MC", "VP", "UN",
    "EU", "US", "UK", "FBI", "CIA", "NBA", "NFL", "NHL", "MLB", "IPL", "FC", "AC", "SC", "TV",
    "BBC", "CNN", "AP", "AFP", "ITV", "NHS", "RAF", "IDF", "PSG", "CDC", "WHO",
];

/// True when token `k`, which no mention covers, is a person's initials
/// written as capitals before the name ("JD Vance", "MS Dhoni", "KL
/// Rahul"): two or three capital letters, no post or body, no place, and
/// no capitals word before it.
fn initials(sent: &[Token<'_>], k: usize) -> bool {
    let t = &sent[k];
    let n = t.raw.chars().count();
    let caps = (2..=3).contains(&n) && t.raw.chars().all(|c| c.is_ascii_uppercase());
    let key = super::keys::phrase_key(&[t.lower.as_str()]);
    let after_caps = k > 0
        && sent[k - 1].raw.chars().any(char::is_alphabetic)
        && !sent[k - 1].raw.chars().any(char::is_lowercase);
    caps && !t.headline
        && !NOT_INITIALS.contains(&t.raw)
        && !gazetteer::place(key)
        && !gazetteer::is_norp(key)
        && !after_caps
}

/// A person mention right after capital initials the tagger left out
/// takes them ("MS Dhoni" for "Dhoni", "JD Vance" for "Vance").
/// `mentions` are of one sentence's tokens `sent`.
pub(crate) fn join_initials(sent: &[Token<'_>], mentions: &mut [RawMention]) {
    for k in 0..mentions.len() {
        if mentions[k].label != Label::Person {
            continue;
        }
        let Some(first) = sent
            .iter()
            .position(|t| t.span.start == mentions[k].span.start)
        else {
            continue;
        };
        let Some(i) = first.checked_sub(1) else {
            continue;
        };
        let free = k == 0 || mentions[k - 1].span.end <= sent[i].span.start;
        if free && initials(sent, i) {
            mentions[k].span = crate::text::Span::new(sent[i].span.start, mentions[k].span.end);
        }
    }
}

/// Head words of bodies whose names go on with "of" or "for"
/// ("International Committee of the Red Cross", "Electoral Commission of
/// South Africa", "Organisation for Economic Co-operation and Development",
/// "Constitutional Democratic Party of Japan", "Democratic Party for the
/// People"; a party's leader after "of" is split off again by
/// `parties::split_leaders`).
const BODY_OF_HEADS: &[&str] = &[
    "committee",
    "commission",
    "organisation",
    "organization",
    "council",
    "court",
    "ministry",
    "department",
    "bank",
    "institute",
    "university",
    "federation",
    "agency",
    "office",
    "board",
    "fund",
    "association",
    "alliance",
    "league",
    "society",
    "confederation",
    "foundation",
    "academy",
    "college",
    "tribunal",
    "authority",
    "conference",
    "assembly",
    "chamber",
    "party",
];

/// Head words of treaties whose names go on with "on" or "of" ("United
/// Nations Framework Convention on Climate Change", "Treaty on the
/// Non-Proliferation of Nuclear Weapons").
const LAW_OF_HEADS: &[&str] = &["convention", "treaty", "protocol", "charter", "covenant"];

/// Head words that end a public body's or a law's name beginning with "X
/// and" ("Competition and Markets Authority", "Food and Drug
/// Administration", "Competition and Consumers Act").
const AND_HEADS: &[&str] = &[
    "authority",
    "administration",
    "agency",
    "commission",
    "association",
    "act",
    "ministry",
    "department",
    "office",
    "institute",
    "council",
    "board",
    "bill",
];

/// True when token `i` continues a name: a capitalised word, or a hyphen
/// and word glued to the one before ("Co-operation").
fn name_word(sent: &[Token<'_>], i: usize) -> bool {
    let t = &sent[i];
    let glued = |a: usize, b: usize| sent[a].span.end == sent[b].span.start;
    capitalised(t)
        || (matches!(t.raw, "-" | "‐" | "‑")
            && i > 0
            && i + 1 < sent.len()
            && glued(i - 1, i)
            && glued(i, i + 1))
        || (i > 0 && matches!(sent[i - 1].raw, "-" | "‐" | "‑") && glued(i - 1, i))
}

/// Joins an organisation or law split at the small words inside its name:
/// a body head and "of"/"for" (+ "the") and capitalised words, with an
/// "and" and one more word that is no name of its own ("International
/// Committee of the Red Cross", "Organisation for Economic Co-operation and
/// Development"); a treaty head and "on"/"of" ("Framework Convention on
/// Climate Change"); capitalised words and "and" before a public body's or
/// law's head ("Competition and Markets Authority"), and for a law a list
/// before that ("Digital Markets, Competition and Consumers Act").
/// `mentions` are of one sentence's tokens `sent`.
pub(crate) fn join_long_names(sent: &[Token<'_>], mentions: &mut Vec<RawMention>) {
    mentions.sort_by_key(|m| m.span.start);
    let first_tok = |byte: usize| sent.iter().position(|t| t.span.start == byte);
    let last_tok = |byte: usize| sent.iter().position(|t| t.span.end == byte);
    let starts_mention =
        |ms: &[RawMention], i: usize| ms.iter().any(|m| m.span.start == sent[i].span.start);
    // Where a name running on from token `from` ends: over name words, and
    // over "and" and one more word that is no name of its own ("...
    // Co-operation and Development").
    let run_on_end = |ms: &[RawMention], from: usize| {
        let mut end = from;
        while end + 1 < sent.len() && name_word(sent, end + 1) {
            end += 1;
        }
        if end + 2 < sent.len()
            && sent[end + 1].lower == "and"
            && capitalised(&sent[end + 2])
            && !starts_mention(ms, end + 2)
            && sent.get(end + 3).is_none_or(|t| !capitalised(t))
        {
            end += 2;
        }
        end
    };
    let mut k = 0;
    while k < mentions.len() {
        let m = mentions[k].clone();
        let (Some(s), Some(e)) = (first_tok(m.span.start), last_tok(m.span.end)) else {
            k += 1;
            continue;
        };
        let last = sent[e].lower.as_str();
        let (mut ns, mut ne) = (s, e);
        // Rightwards over "of"/"for"/"on".
        let right = match m.label {
            Label::Org => BODY_OF_HEADS.contains(&last),
            Label::Law => LAW_OF_HEADS.contains(&last),
            _ => false,
        };
        if right && e + 2 < sent.len() {
            let conn = sent[e + 1].lower.as_str();
            let ok = matches!(conn, "of" | "for") || (conn == "on" && m.label == Label::Law);
            let mut j = e + 2;
            if ok && sent[j].lower == "the" && j + 1 < sent.len() {
                j += 1;
            }
            if ok && capitalised(&sent[j]) {
                ne = run_on_end(mentions, j);
            }
        }
        // Leftwards over "and" (and, for a law, a list before it).
        if matches!(m.label, Label::Org | Label::Law)
            && e > s
            && AND_HEADS.contains(&last)
            && s >= 2
            && sent[s - 1].lower == "and"
            && capitalised(&sent[s - 2])
            && !sentence_initial(sent, s - 2)
            && !mentions[..k]
                .iter()
                .any(|p| p.span.end == sent[s - 2].span.end)
        {
            ns = s - 2;
        }
        if m.label == Label::Law && ns >= 2 && sent[ns - 1].raw == "," {
            let has_and = (ns..=e).any(|i| sent[i].lower == "and");
            let mut b = ns - 2;
            if has_and && capitalised(&sent[b]) {
                while b > 0 && capitalised(&sent[b - 1]) && !sentence_initial(sent, b - 1) {
                    b -= 1;
                }
                let key = super::keys::phrase_key(
                    &sent[b..ns - 1]
                        .iter()
                        .map(|t| t.lower.as_str())
                        .collect::<Vec<_>>(),
                );
                if !sentence_initial(sent, b) && !gazetteer::place(key) {
                    ns = b;
                }
            }
        }
        // "Organisation for Economic Co" cut at a hyphen: the glued word
        // and, after "and", one word more that is no name of its own.
        let inner = (s + 1..e).any(|i| matches!(sent[i].lower.as_str(), "of" | "for"));
        if ne == e
            && m.label == Label::Org
            && inner
            && e + 2 < sent.len()
            && matches!(sent[e + 1].raw, "-" | "‐" | "‑")
        {
            ne = run_on_end(mentions, e);
        }
        if (ns, ne) == (s, e) {
            k += 1;
            continue;
        }
        let span = crate::text::Span::new(sent[ns].span.start, sent[ne].span.end);
        mentions.retain(|o| !o.span.overlaps(span));
        let at = mentions.partition_point(|o| o.span.start < span.start);
        mentions.insert(
            at,
            RawMention {
                span,
                label: m.label,
            },
        );
        k = at + 1;
    }
}

#[cfg(test)]
mod tests {
    use crate::ner::test_support::{tag, tag_with_headline};

    #[test]
    fn capital_initials_belong_to_the_name() {
        let got = tag("Chennai captain MS Dhoni, 41, said he would play on. Apple CEO Tim Cook met Vice President JD Vance.");
        assert!(got.contains(&("MS Dhoni", "PERSON")), "{got:?}");
        assert!(got.contains(&("JD Vance", "PERSON")), "{got:?}");
        assert!(got.contains(&("Tim Cook", "PERSON")), "{got:?}");
    }

    #[test]
    fn hyphenated_names_are_one_person() {
        let got = tag_with_headline("Bankman-Fried convicted of fraud\n\nScorers: U.S. - Joe-Max Moore (3rd minute). Ex-Yankee Randy Velarde hit his 11th homer.");
        assert!(got.contains(&("Bankman-Fried", "PERSON")), "{got:?}");
        assert!(got.contains(&("Joe-Max Moore", "PERSON")), "{got:?}");
        assert!(!got.iter().any(|(t, _)| t.starts_with("Ex")), "{got:?}");
        let plain = tag("The Anglo-French summit opened as Jean-Pierre Raffarin spoke.");
        assert!(
            !plain
                .iter()
                .any(|(t, l)| t.contains("Anglo") && *l == "PERSON"),
            "{plain:?}"
        );
    }
}
