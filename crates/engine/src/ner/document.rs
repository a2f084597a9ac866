//! Document-level label repairs after every sentence has been typed: a
//! name's short forms take the type its full form earned where the text
//! says what it is.
//!
//! * An acronym the article defines in brackets after a name ("Digital
//!   Markets Act (DMA)") has that name's type everywhere in the article,
//!   headline included: "the DMA" is a law, not an organisation.
//! * A single word that is the surname of exactly one person named in full
//!   in the article ("Sunak", "MESSI" beside "Rishi Sunak", "Lionel Messi")
//!   is that person, unless it is a known place or group; a full name typed
//!   PERSON at least as often as otherwise is a person everywhere.
//!
//! * A name used with a product noun ("the KAAN fighter jet", "a Patriot
//!   battery") is that product in the whole article ("the KAAN flew",
//!   "operate the Patriot"), when it is a curated product or written in
//!   capitals; a title-case name before "jet" may be its maker ("a Boeing
//!   jet").
//! * A single word typed as an organisation somewhere in the article is one
//!   wherever else it was typed a person, place or product, unless it is a
//!   known place or the surname of someone named in full ("Google said" after
//!   "Google's shares").
//! * The state in a US legislator's party tag ("(R-Calif.)", "(D-N.Y.)")
//!   is a place.
//!
//! Only these cues are used: relabelling every repeat to the article's
//! majority type was measured in `consistency` and cost CoNLL F1.

use super::gazetteer;
use super::keys::phrase_key;
use super::RawMention;
use crate::label::Label;
use crate::linking::{acronym_fits, bracketed_acronym};
use crate::text::Span;
use std::collections::{BTreeSet, HashMap, HashSet};

/// Singular nouns after a name that make it a product's name.
const PRODUCT_NOUNS: &[&str] = &[
    "jet",
    "drone",
    "missile",
    "system",
    "battery",
    "tank",
    "helicopter",
    "aircraft",
    "interceptor",
    "launcher",
    "rifle",
    "howitzer",
    "submarine",
    "frigate",
    "destroyer",
    "warship",
    "satellite",
    "rocket",
    "app",
    "browser",
    "smartphone",
    "phone",
    "console",
    "chatbot",
    "assistant",
];

/// Plural nouns after a name that make it a product line ("Android
/// phones"); they count only for names the tagger did not call an
/// organisation ("Hamas rockets" are the group's).
const PRODUCT_PLURALS: &[&str] = &[
    "phones",
    "smartphones",
    "apps",
    "browsers",
    "consoles",
    "jets",
    "drones",
    "missiles",
    "tanks",
    "helicopters",
];

/// The first word of `after` (the text following a name) when it follows
/// the name after one space.
fn next_word(after: &str) -> Option<&str> {
    let rest = after.strip_prefix(' ')?;
    rest.split(|c: char| !c.is_alphanumeric()).next()
}

/// True when `after` (the text following a name) opens with a product noun,
/// possibly after "fighter" ("the KAAN fighter jet").
fn product_noun_follows(after: &str) -> bool {
    let mut words = after
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty());
    let Some(mut w) = words.next() else {
        return false;
    };
    if !after.starts_with(' ') {
        return false;
    }
    if w == "fighter" {
        w = words.next().unwrap_or("");
    }
    PRODUCT_NOUNS.contains(&w)
}

/// Relabels `mentions` (sorted, non-overlapping) of `text` and adds the
/// states of party tags, keeping them sorted and non-overlapping.
pub(crate) fn harmonise(text: &str, mentions: &mut Vec<RawMention>) {
    let products = products_by_their_noun(text, mentions);
    add_missed_products(text, mentions, &products);
    people_by_their_full_name(text, mentions);
    companies_named_like_people(text, mentions);
    add_party_tag_states(text, mentions);
    joined_names_everywhere(text, mentions);
    storms_by_their_name(text, mentions);
    places_by_their_dateline(text, mentions);
    towns_by_their_noun(text, mentions);
    short_forms(text, mentions);
}

/// A name in a headline (`headlines`: the spans of the article's title
/// lines, whose capitals say nothing and whose words are few) takes the
/// type the body gives the same name, when the body gives it one type only
/// ("Maui wildfire death toll rises" beside "the island of Maui", "demand
/// for Wegovy" beside "its weight-loss drug Wegovy").
pub(crate) fn headlines_from_body(text: &str, headlines: &[Span], mentions: &mut [RawMention]) {
    let in_headline = |m: &RawMention| {
        headlines
            .iter()
            .any(|h| h.start <= m.span.start && m.span.end <= h.end)
    };
    if !mentions.iter().any(in_headline) {
        return;
    }
    let mut body: HashMap<String, Option<Label>> = HashMap::new();
    for m in mentions.iter().filter(|m| !in_headline(m)) {
        let entry = body
            .entry(m.span.of(text).to_lowercase())
            .or_insert(Some(m.label));
        if *entry != Some(m.label) {
            *entry = None;
        }
    }
    for m in mentions.iter_mut() {
        if in_headline(m) {
            if let Some(Some(label)) = body.get(&m.span.of(text).to_lowercase()) {
                m.label = *label;
            }
        }
    }
}

/// True when `w` reads as a game's score ("4-0", "119-81").
fn score_word(w: &str) -> bool {
    let w = w.trim_matches(|c: char| !c.is_ascii_digit());
    w.split_once('-').is_some_and(|(a, b)| {
        !a.is_empty()
            && !b.is_empty()
            && a.len() <= 3
            && b.len() <= 3
            && a.bytes().chain(b.bytes()).all(|c| c.is_ascii_digit())
    })
}

/// The town of an article's dateline ("LISMORE, Australia - …", typed a
/// place there) is that place wherever else the article names it and the
/// tagger typed it a body, person, product or people ("Lismore swamped
/// again", "in Lismore on Monday"): a town too small for the gazetteer,
/// learned from the dateline. Not a known city (a team takes its name:
/// "MILAN - … Milan's run", CoNLL-2003 marks it ORG), and not in sports
/// reports.
fn places_by_their_dateline(text: &str, mentions: &mut [RawMention]) {
    let datelines: HashSet<&str> = mentions
        .iter()
        .filter(|m| m.label == Label::Gpe)
        .filter(|m| m.span.start == 0 || text[..m.span.start].ends_with('\n'))
        .map(|m| m.span.of(text))
        .filter(|s| s.chars().filter(|c| c.is_alphabetic()).count() >= 3)
        .filter(|s| !s.chars().any(char::is_lowercase))
        .collect();
    if datelines.is_empty() || text.split_whitespace().any(score_word) {
        return;
    }
    for m in mentions.iter_mut() {
        let surface = m.span.of(text);
        if matches!(
            m.label,
            Label::Org | Label::Person | Label::Product | Label::Norp | Label::Event
        ) && surface.chars().any(char::is_lowercase)
            && datelines.contains(surface.to_uppercase().as_str())
            && !gazetteer::place(phrase_key(&[surface.to_lowercase().as_str()]))
        {
            m.label = Label::Gpe;
        }
    }
}

/// A one-word place named after a settlement noun somewhere in the article
/// ("the historic town of Lahaina") is that place wherever else the tagger
/// typed it a body, person or product ("as Lahaina lies in ruins"), unless
/// the gazetteers know it as a company.
fn towns_by_their_noun(text: &str, mentions: &mut [RawMention]) {
    const CUES: &[&str] = &["town of ", "village of ", "city of ", "suburb of "];
    let towns: HashSet<&str> = mentions
        .iter()
        .filter(|m| m.label == Label::Gpe)
        .filter(|m| CUES.iter().any(|c| text[..m.span.start].ends_with(c)))
        .map(|m| m.span.of(text))
        .filter(|s| !s.contains(' '))
        .filter(|s| !gazetteer::is_org(phrase_key(&[s.to_lowercase().as_str()])))
        .collect();
    if towns.is_empty() {
        return;
    }
    for m in mentions.iter_mut() {
        if matches!(m.label, Label::Org | Label::Person | Label::Product)
            && towns.contains(m.span.of(text))
        {
            m.label = Label::Gpe;
        }
    }
}

/// Words that open a named storm's name ("Hurricane Milton").
const STORM_WORDS: &[&str] = &["Hurricane ", "Typhoon ", "Cyclone ", "Storm "];

/// A storm named in full in the article ("Hurricane Milton") is the storm
/// where its name stands alone and was read as a person's or a place's
/// ("Why Milton grew so fast").
fn storms_by_their_name(text: &str, mentions: &mut [RawMention]) {
    let storms: HashSet<&str> = mentions
        .iter()
        .filter(|m| m.label == Label::Event)
        .filter_map(|m| {
            let name = m.span.of(text);
            STORM_WORDS.iter().find_map(|w| name.strip_prefix(w))
        })
        .collect();
    if storms.is_empty() {
        return;
    }
    for m in mentions.iter_mut() {
        if matches!(m.label, Label::Person | Label::Gpe) && storms.contains(m.span.of(text)) {
            m.label = Label::Event;
        }
    }
}

/// Small words that a name read whole once ("Law and Justice party",
/// "Brothers of Italy, a party") may have been split at elsewhere.
const JOINERS: &[&str] = &[" and ", " of ", " for "];

/// How many names [`joined_names_everywhere`] looks for in one article,
/// the first ones it names: an article's parties and bodies fit.
const MAX_JOINED_NAMES: usize = 16;

/// True when `span` of `text` stands alone: no letter or digit glued to
/// either end.
fn bounded(text: &str, span: Span) -> bool {
    let glued = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    !glued(text[..span.start].chars().next_back()) && !glued(text[span.end..].chars().next())
}

/// An organisation's name with a small word inside, typed ORG whole once
/// in the article, is that organisation wherever else it is written, in
/// place of the pieces the tagger made of it there ("Law and Justice
/// leader …", "Brothers of Italy set to lead …").
fn joined_names_everywhere(text: &str, mentions: &mut Vec<RawMention>) {
    let mut names: Vec<&str> = Vec::new();
    for m in mentions.iter().filter(|m| m.label == Label::Org) {
        let name = m.span.of(text);
        if JOINERS.iter().any(|j| name.contains(j)) && !names.contains(&name) {
            names.push(name);
        }
        // Each name is one scan of the text: a bounded number keeps an
        // article listing hundreds of "University of …" linear.
        if names.len() == MAX_JOINED_NAMES {
            break;
        }
    }
    let mut found: BTreeSet<(usize, usize)> = BTreeSet::new();
    for name in names {
        for (at, _) in text.match_indices(name) {
            let span = Span::new(at, at + name.len());
            let first = mentions.partition_point(|m| m.span.end <= span.start);
            let inside = mentions[first..]
                .iter()
                .take_while(|m| m.span.start < span.end)
                .all(|m| span.start <= m.span.start && m.span.end <= span.end && m.span != span);
            let free = found
                .range(..(span.end, 0))
                .next_back()
                .is_none_or(|&(_, end)| end <= span.start);
            if bounded(text, span) && inside && free {
                found.insert((span.start, span.end));
            }
        }
    }
    if found.is_empty() {
        return;
    }
    mentions.retain(|m| {
        let k = found.range(..(m.span.end, 0)).next_back();
        !k.is_some_and(|&(s, e)| s <= m.span.start && m.span.end <= e)
    });
    mentions.extend(found.into_iter().map(|(start, end)| RawMention {
        span: Span::new(start, end),
        label: Label::Org,
    }));
    mentions.sort_by_key(|m| m.span.start);
}

/// "the KAAN fighter jet" makes every "KAAN" of the article a product.
/// Returns those names.
fn products_by_their_noun(text: &str, mentions: &mut [RawMention]) -> Vec<String> {
    let mut products: HashSet<&str> = HashSet::new();
    for m in mentions.iter() {
        let surface = m.span.of(text);
        let single = !surface.contains(' ') && surface.chars().any(char::is_alphabetic);
        let lower = surface.to_lowercase();
        let curated = gazetteer::is_product(phrase_key(&[lower.as_str()]));
        let capitals = surface
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase);
        let after = &text[m.span.end..];
        let typed_apart = matches!(
            m.label,
            Label::Person | Label::Gpe | Label::Loc | Label::Product
        );
        let cued = product_noun_follows(after)
            || (typed_apart && next_word(after).is_some_and(|w| PRODUCT_PLURALS.contains(&w)));
        if single
            && (curated || capitals || typed_apart)
            && cued
            && !gazetteer::place(phrase_key(&[lower.as_str()]))
            && !gazetteer::is_demonym(&lower)
        {
            products.insert(surface);
        }
    }
    for m in mentions.iter_mut() {
        if products.contains(m.span.of(text)) {
            m.label = Label::Product;
        }
    }
    let mut names: Vec<String> = products.into_iter().map(str::to_string).collect();
    names.sort();
    names
}

/// Occurrences of those product names the tagger left untagged ("Android
/// leads the market." after "Android phones", at a sentence's start) are
/// mentions too.
fn add_missed_products(text: &str, mentions: &mut Vec<RawMention>, products: &[String]) {
    if products.is_empty() {
        return;
    }
    // Spans added so far, by (start, end): disjoint and non-empty, so the
    // one starting last before a span's end is the only one that can
    // overlap it. Scanning every mention for every occurrence made an
    // article naming a product thousands of times quadratic.
    let mut added: BTreeSet<(usize, usize)> = BTreeSet::new();
    for name in products {
        for (at, _) in text.match_indices(name.as_str()) {
            let span = Span::new(at, at + name.len());
            let bounded = !text[..at]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
                && !text[span.end..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric);
            let taken = overlaps_sorted(mentions, span)
                || added
                    .range(..(span.end, 0))
                    .next_back()
                    .is_some_and(|&(_, end)| end > span.start);
            if bounded && !taken {
                added.insert((span.start, span.end));
            }
        }
    }
    if !added.is_empty() {
        mentions.extend(added.into_iter().map(|(start, end)| RawMention {
            span: Span::new(start, end),
            label: Label::Product,
        }));
        mentions.sort_by_key(|m| m.span.start);
    }
}

/// True when `span` overlaps one of `mentions`, which are sorted by start
/// and do not overlap (so their ends are sorted too): a binary search, not
/// a scan.
fn overlaps_sorted(mentions: &[RawMention], span: Span) -> bool {
    let first = mentions.partition_point(|m| m.span.end <= span.start);
    mentions[first..]
        .iter()
        .take_while(|m| m.span.start < span.end)
        .any(|m| m.span.overlaps(span))
}

/// A full name typed PERSON in the article at least as often as anything
/// else is a person everywhere in it ("LUSAIL, Qatar (AP) — Lionel Messi",
/// read ORG after the dateline).
fn people_by_their_full_name(text: &str, mentions: &mut [RawMention]) {
    let mut counts: HashMap<&str, (usize, usize)> = HashMap::new();
    for m in mentions.iter() {
        let surface = m.span.of(text);
        if surface.contains(' ') {
            let n = counts.entry(surface).or_default();
            if m.label == Label::Person {
                n.0 += 1;
            } else {
                n.1 += 1;
            }
        }
    }
    for m in mentions.iter_mut() {
        if counts
            .get(m.span.of(text))
            .is_some_and(|&(person, other)| person > 0 && person >= other)
        {
            m.label = Label::Person;
        }
    }
}

/// True when the words around a one-word name at `span` of `text` say it
/// is a company: shares or a chief executive after it ("Lilly shares",
/// "Novo Chief Executive"), or "shares in/of" before it.
fn company_cue(text: &str, span: crate::text::Span) -> bool {
    let after = &text[span.end..];
    let after = after
        .strip_prefix("'s")
        .or_else(|| after.strip_prefix("’s"))
        .unwrap_or(after);
    let next = next_word(after).map(str::to_lowercase);
    let before = lower_tail(text[..span.start].trim_end(), 16);
    next.as_deref()
        .is_some_and(|w| super::news::COMPANY_NEXT.contains(&w))
        || after.starts_with(" Chief Executive")
        || ["shares in", "shares of", "stake in"]
            .iter()
            .any(|p| before.ends_with(p))
}

/// The last `chars` characters of `s`, lower-cased: enough to test what
/// `s.to_lowercase()` ends with for a suffix of at most `chars` bytes, in
/// time independent of the length of `s` (every character lowers to at
/// least one byte, and only the final sigma depends on its neighbours,
/// which lowers to a non-ASCII letter either way). Lowering all the text
/// before each name made the analysis quadratic in the article's length.
fn lower_tail(s: &str, chars: usize) -> String {
    let start = s.char_indices().rev().nth(chars - 1).map_or(0, |(i, _)| i);
    s[start..].to_lowercase()
}

/// A two-word name read as a person whose first or last word stands alone
/// as a company elsewhere in the article ("Eli Lilly" … "Lilly shares",
/// "Novo Nordisk" … "Shares in Novo") is that company, and so are its lone
/// words.
fn companies_named_like_people(text: &str, mentions: &mut [RawMention]) {
    let cued: HashSet<String> = mentions
        .iter()
        .filter(|m| !m.span.of(text).contains(' ') && company_cue(text, m.span))
        .map(|m| m.span.of(text).to_string())
        .filter(|w| !gazetteer::place(phrase_key(&[w.to_lowercase().as_str()])))
        .collect();
    if cued.is_empty() {
        return;
    }
    let mut companies: HashSet<&str> = HashSet::new();
    for m in mentions.iter() {
        let surface = m.span.of(text);
        let words: Vec<&str> = surface.split(' ').collect();
        if m.label == Label::Person && words.len() == 2 && words.iter().any(|w| cued.contains(*w)) {
            companies.insert(surface);
            companies.extend(words.iter().filter(|w| cued.contains(**w)));
        }
    }
    for m in mentions.iter_mut() {
        if companies.contains(m.span.of(text)) {
            m.label = Label::Org;
        }
    }
}

/// Acronyms, surnames and one-word company names take the type of the
/// form that says what they are.
fn short_forms(text: &str, mentions: &mut [RawMention]) {
    let mut by_acronym: HashMap<String, Label> = HashMap::new();
    let mut surnames: HashMap<String, Option<usize>> = HashMap::new();
    for (k, m) in mentions.iter().enumerate() {
        let surface = m.span.of(text);
        if let Some(acronym) = bracketed_acronym(&text[m.span.end..]) {
            if acronym_fits(acronym, surface, m.label) {
                by_acronym.insert(acronym.to_string(), m.label);
            }
        }
        if m.label == Label::Person {
            if let Some((_, last)) = surface.rsplit_once(' ') {
                let entry = surnames.entry(last.to_lowercase()).or_insert(Some(k));
                let same = entry.is_some_and(|j| mentions[j].span.of(text) == surface);
                if !same {
                    *entry = None;
                }
            }
        }
    }
    let orgs: HashSet<&str> = mentions
        .iter()
        .filter(|m| m.label == Label::Org)
        .map(|m| m.span.of(text))
        .collect();
    // The places that open an organisation's name ("Gujarat Titans").
    let club_places: HashSet<String> = mentions
        .iter()
        .filter(|m| m.label == Label::Org)
        .filter_map(|m| m.span.of(text).split_once(' '))
        .map(|(first, _)| first.to_lowercase())
        .collect();
    for m in mentions.iter_mut() {
        let surface = m.span.of(text);
        if let Some(&label) = by_acronym.get(surface) {
            m.label = label;
            continue;
        }
        if surface.contains(' ') {
            continue;
        }
        let lower = surface.to_lowercase();
        let place = gazetteer::place(phrase_key(&[lower.as_str()]));
        let known = place || gazetteer::is_demonym(&lower);
        if known {
            // "MaliVai Washington … said Washington": the surname of the one
            // person named in full, unless a place preposition comes before.
            let surname = matches!(surnames.get(&lower), Some(Some(_)));
            if place && surname && !after_place_word(text, m.span.start) {
                m.label = Label::Person;
            } else if place && m.label == Label::Person && club_places.contains(&lower) {
                // "Gujarat had made 214" after "Gujarat Titans": the club.
                m.label = Label::Org;
            }
            continue;
        }
        match surnames.get(&lower) {
            Some(Some(_)) => m.label = Label::Person,
            Some(None) => {}
            None if matches!(m.label, Label::Person | Label::Gpe | Label::Product)
                && orgs.contains(surface) =>
            {
                m.label = Label::Org;
            }
            None => {}
        }
    }
}

/// Words before a name that make it a place ("in Washington", "flew to
/// Jordan", "Washington, D.C."), so a surname rule leaves it one.
const PLACE_WORDS: &[&str] = &[
    "in", "at", "to", "from", "near", "into", "across", "outside", "around", "via", "of", "toward",
    "towards",
];

/// True when the word right before byte `start` of `text` is a place
/// preposition.
fn after_place_word(text: &str, start: usize) -> bool {
    let before = text[..start].trim_end();
    let word = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    PLACE_WORDS.contains(&word.to_lowercase().as_str())
}

/// "(R-Calif.)", "(D-N.Y.)", "(I-Vt.)": the state after a US legislator's
/// party letter, as a place mention of its own (it replaces whatever the
/// tagger made of the tag).
fn add_party_tag_states(text: &str, mentions: &mut Vec<RawMention>) {
    // A tag is at most "X-" and 14 bytes of state: its ")" is within the
    // first 17 bytes after "(" (looking further made a text with many "("
    // and no ")" quadratic).
    const TAG_REACH: usize = 17;
    let mut found = Vec::new();
    for (open, _) in text.match_indices('(') {
        let rest = &text[open + 1..];
        let Some(close) = rest.bytes().take(TAG_REACH).position(|b| b == b')') else {
            continue;
        };
        let tag = &rest[..close];
        let Some(state) = tag
            .strip_prefix("R-")
            .or_else(|| tag.strip_prefix("D-"))
            .or_else(|| tag.strip_prefix("I-"))
        else {
            continue;
        };
        let shaped = (2..=14).contains(&state.len())
            && state.starts_with(|c: char| c.is_ascii_uppercase())
            && state
                .chars()
                .all(|c| c.is_ascii_alphabetic() || c == '.' || c == ' ');
        if shaped {
            let start = open + 3;
            found.push(Span::new(start, start + state.len()));
        }
    }
    // `found` is sorted and its spans are disjoint: the first one ending
    // after a mention's start is the only one it can overlap.
    mentions.retain(|m| {
        let k = found.partition_point(|f: &Span| f.end <= m.span.start);
        !found.get(k).is_some_and(|f| f.overlaps(m.span))
    });
    mentions.extend(found.into_iter().map(|span| RawMention {
        span,
        label: Label::Gpe,
    }));
    mentions.sort_by_key(|m| m.span.start);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ner::test_support::{labels_of, tag as body, tag_with_headline};

    #[test]
    fn acronyms_and_surnames_take_their_full_forms_type() {
        let text = "Sunak strikes deal under the DMA\n\nThe European Commission enforces the Digital Markets Act (DMA). Prime Minister Rishi Sunak said the DMA matters. Sunak left.";
        let got = tag_with_headline(text);
        let labels = |t: &str| -> Vec<&str> {
            got.iter()
                .filter(|(s, _)| *s == t)
                .map(|(_, l)| *l)
                .collect()
        };
        assert_eq!(labels("DMA"), ["LAW", "LAW", "LAW"], "{got:?}");
        assert_eq!(labels("Sunak"), ["PERSON", "PERSON"], "{got:?}");
        assert_eq!(labels("Digital Markets Act"), ["LAW"], "{got:?}");
    }

    #[test]
    fn a_storms_name_alone_is_the_storm() {
        let got = body("Hurricane Milton made landfall late on Wednesday. Forecasters said Milton grew faster than any storm on record.");
        assert!(got.contains(&("Milton", "EVENT")), "{got:?}");
    }

    #[test]
    fn a_party_named_whole_once_is_whole_everywhere() {
        let text = "Law and Justice loses majority in Poland\n\nThe ruling Law and Justice party won the most votes but lost its majority. Law and Justice leader Jaroslaw Kaczynski said his party would not give up.";
        let got = tag_with_headline(text);
        let whole = got
            .iter()
            .filter(|&&(t, l)| t == "Law and Justice" && l == "ORG")
            .count();
        assert_eq!(whole, 3, "{got:?}");
    }

    #[test]
    fn a_product_named_once_with_its_noun_is_that_product_throughout() {
        let got = body("The KAAN fighter jet flew on Wednesday. The KAAN reached 8,000 feet. Putting a Patriot battery in Ukraine angered Moscow, which considered the Patriot a legitimate target.");
        let labels: Vec<&str> = got
            .iter()
            .filter(|(t, _)| matches!(*t, "KAAN" | "Patriot"))
            .map(|(_, l)| *l)
            .collect();
        assert_eq!(labels, ["PRODUCT"; 4], "{got:?}");
        let got = body("Google is building Gemini into Android phones. Android leads the market.");
        let android = labels_of(&got, "Android");
        assert_eq!(android, ["PRODUCT"; 2], "{got:?}");
    }

    #[test]
    fn a_company_once_is_a_company_throughout() {
        let got = body("Shares of Rosatom fell on Monday. The plant is being built by Rosatom, and Wichita-based Spirit AeroSystems supplies the fuselage.");
        let rosatom = labels_of(&got, "Rosatom");
        assert_eq!(rosatom, ["ORG", "ORG"], "{got:?}");
        assert!(got.contains(&("Spirit AeroSystems", "ORG")), "{got:?}");
    }

    #[test]
    fn a_full_name_is_a_person_after_a_dateline_too() {
        let text = "LUSAIL, Qatar (AP) — Lionel Messi finally has his title. Argentina captain Lionel Messi scored.";
        let at = |needle: &str, from: usize| {
            let start = from + text[from..].find(needle).unwrap();
            Span::new(start, start + needle.len())
        };
        let first = at("Lionel Messi", 0);
        let second = at("Lionel Messi", first.end);
        let mut mentions = vec![
            RawMention {
                span: first,
                label: Label::Org,
            },
            RawMention {
                span: second,
                label: Label::Person,
            },
        ];
        harmonise(text, &mut mentions);
        let labels: Vec<Label> = mentions.iter().map(|m| m.label).collect();
        assert_eq!(labels, [Label::Person, Label::Person]);
    }

    #[test]
    fn party_tags_hold_a_state() {
        let text = "Speaker Kevin McCarthy (R-Calif.) met Rep. Chip Roy (R-Texas) and Sen. Chuck Schumer (D-N.Y.).";
        let got = body(text);
        for state in ["Calif.", "Texas", "N.Y."] {
            assert!(got.contains(&(state, "GPE")), "{state} in {got:?}");
        }
        assert!(got.contains(&("Kevin McCarthy", "PERSON")), "{got:?}");
    }

    #[test]
    fn the_lowered_tail_ends_as_the_lowered_text_does() {
        for text in [
            "",
            "x",
            "Shares OF",
            "  a stake in",
            "The STAKE IN",
            "ΟΔΟΣ shares in",
            "shares İn",
            "a \u{212A}elvin stake in",
            "ΣΑΣ",
            "über ŞHARES OF",
        ] {
            for chars in [1, 2, 9, 16, 40] {
                let whole = text.to_lowercase();
                let tail = lower_tail(text, chars);
                for p in ["shares in", "shares of", "stake in", "in", "s"] {
                    if p.len() <= chars {
                        assert_eq!(
                            tail.ends_with(p),
                            whole.ends_with(p),
                            "{text:?} {chars} {p}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn a_long_article_keeps_its_document_cues() {
        // Many unclosed brackets and bracketed names, then the cues at the
        // end: each is still found (reading to the end of the text for
        // every "(" or every name made this quadratic).
        let mut text = "Talks (and more talks ".repeat(3000);
        text.push_str("Shares of Rosatom fell. Rosatom said so. ");
        text.push_str("Sen. Chuck Schumer (D-N.Y.) met Kevin McCarthy (R-Calif.).");
        let got = body(&text);
        let rosatom = labels_of(&got, "Rosatom");
        assert_eq!(rosatom, ["ORG", "ORG"], "{got:?}");
        assert!(got.contains(&("N.Y.", "GPE")), "{got:?}");
        assert!(got.contains(&("Calif.", "GPE")), "{got:?}");
    }

    #[test]
    fn every_repeat_of_a_product_is_found_once() {
        // Each occurrence is checked against the mentions by binary search
        // (a scan of every mention made this quadratic).
        let mut text = String::from("Google is building Gemini into Android phones. ");
        for _ in 0..1000 {
            text.push_str("Android leads the market. ");
        }
        let got = body(&text);
        let android = got.iter().filter(|(t, _)| *t == "Android");
        assert!(android.clone().all(|(_, l)| *l == "PRODUCT"), "{got:?}");
        assert_eq!(android.count(), 1001);
    }

    #[test]
    fn many_repeats_of_a_name_all_take_its_type() {
        let mut text = String::from("The Digital Markets Act (DMA) took effect. ");
        for _ in 0..2000 {
            text.push_str("Shares of Rosatom fell and the DMA applied. Rosatom grew. ");
        }
        let got = body(&text);
        assert_eq!(labels_of(&got, "Rosatom"), vec!["ORG"; 4000]);
        assert_eq!(labels_of(&got, "DMA"), vec!["LAW"; 2001]);
    }

    #[test]
    fn a_surname_that_is_also_a_place_is_the_person_named_in_full() {
        let got = body("MaliVai Washington beat Pete Sampras in New York. The 11th-seeded Washington fell short before Washington came back, said Washington. He flew home to Washington on Monday.");
        let labels = labels_of(&got, "Washington");
        assert_eq!(labels, ["PERSON", "PERSON", "PERSON", "GPE"], "{got:?}");
    }

    #[test]
    fn a_place_read_as_a_person_is_the_club_named_for_it() {
        let got = body("Chennai Super Kings beat Gujarat Titans by five wickets on the final ball. Gujarat had made 214 for four, with Sai Sudharsan scoring 96.");
        assert!(got.contains(&("Gujarat", "ORG")), "{got:?}");
    }
}
