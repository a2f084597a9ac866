//! Rules for modern news that the 1996 Reuters training text cannot teach:
//! agency credits and datelines, photo-desk boilerplate, seats of government
//! used for their occupants, model numbers of aircraft, weapons and
//! software, named operations and numbered conferences, and the cues that
//! make an unknown name a company.
//!
//! Each rule looks at token shapes and a few neighbouring words, never at a
//! list of the names it is meant to find, except for the two closed sets
//! a newsroom reuses every day: news agencies and seats of government.

use super::features::{sentence_initial, Token};
use super::gazetteer;
use crate::label::Label;

/// News agencies, as they sign datelines and photo credits ("WASHINGTON
/// (AP) —", "Wakil Kohsar/AFP", "BERLIN (dpa)"): always organisations.
const AGENCIES: &[&str] = &[
    "AP", "AFP", "dpa", "DPA", "UPI", "Reuters", "REUTERS", "Xinhua", "Anadolu", "TASS",
    "Interfax", "Kyodo", "Yonhap", "EFE", "ANSA", "Bernama", "IRNA", "WAFA", "PTI", "Sputnik",
];

/// Acronyms of bodies that spell an English word ("WHO", the World Health
/// Organization): organisations wherever the sentence is not written all in
/// capitals, where the word would be the question word.
const WORD_ACRONYMS: &[&str] = &["WHO"];

/// Words of photo credits, reading times and time stamps ("3 Min Read",
/// "FILE PHOTO", "NTSB/Handout via REUTERS", "12:16 PM UTC"): a span made
/// only of them names nothing.
const BOILERPLATE: &[&str] = &[
    "min",
    "read",
    "file",
    "photo",
    "photos",
    "handout",
    "pool",
    "pm",
    "am",
    "image",
    "source",
    "caption",
    "related",
    "topics",
    "illustration",
    "video",
    "watch",
    "listen",
    "updated",
    "update",
    "updates",
    "advertisement",
    "gallery",
    "share",
    "live",
    "reporting",
    "editing",
    "writing",
    "additional",
];

/// First words of time-stamp lines ("Updated 15 March 2023, 18:42 GMT",
/// "Published 08/07/2024"): a time zone on such a line names nothing.
const STAMP_WORDS: &[&str] = &["updated", "published", "posted", "modified", "last"];

/// True when the sentence is a web page's time stamp.
pub(crate) fn stamp_line(sent: &[Token<'_>]) -> bool {
    sent.first()
        .is_some_and(|t| STAMP_WORDS.contains(&t.lower.as_str()))
        && sent
            .iter()
            .any(|t| t.raw.chars().any(|c| c.is_ascii_digit()))
}

/// Words that open a credit ("Reporting by …; Additional reporting by …;
/// Writing by …; Editing by …").
const CREDIT_WORDS: &[&str] = &[
    "reporting",
    "editing",
    "writing",
    "compiled",
    "photos",
    "research",
];

/// True when the name starting at token `s` is credited in a reporting
/// line: right after "by" that follows a credit word, or after "and" or a
/// comma that continue such a list ("Reporting by Steve Holland and
/// Jarrett Renshaw"). Such a name is a person, whatever its shape.
pub(crate) fn credited(sent: &[Token<'_>], s: usize) -> bool {
    let mut k = s;
    while k > 0 {
        let w = sent[k - 1].lower.as_str();
        if w == "by" {
            return k >= 2 && CREDIT_WORDS.contains(&sent[k - 2].lower.as_str());
        }
        // Skip back over the names and joiners of the same list.
        let joiner = matches!(w, "and" | "," | "&");
        if !joiner && !capitalised(&sent[k - 1]) {
            return false;
        }
        if k == s && !joiner {
            return false;
        }
        k -= 1;
    }
    false
}

/// Dashes that end a dateline ("DUBAI - Nearly 200 countries …").
fn dash(t: &Token<'_>) -> bool {
    matches!(t.raw, "-" | "—" | "–")
}

/// A dateline's parts, as token indices: the last word in capitals, the
/// optional (first, last) words of the state or country, and the dash.
pub(crate) type Dateline = (usize, Option<(usize, usize)>, usize);

/// A dateline at the start of a sentence: one or more words in capitals,
/// then optionally a comma and a state or country ("ASHEVILLE, N.C.",
/// "WINDSOR, England"), then a dash. Returns the last token of the
/// capitals, the optional (first, last) of the state, and the dash.
pub(crate) fn dateline(sent: &[Token<'_>]) -> Option<Dateline> {
    let caps = |t: &Token<'_>| {
        t.raw.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && t.raw
                .chars()
                .all(|c| c.is_uppercase() || c == '.' || c == '-' || c == '\'')
            && !AGENCIES.contains(&t.raw)
    };
    let mut j = 0;
    while j < sent.len() && j < 5 && caps(&sent[j]) {
        j += 1;
    }
    if j == 0 || j >= sent.len() {
        return None;
    }
    if let Some(d) = dash_at(sent, j) {
        return Some((j - 1, None, d));
    }
    if sent[j].raw != "," {
        return None;
    }
    let mut k = j + 1;
    // The state's words, and the full stop of an abbreviation cut off
    // from it ("Fla" ".").
    let state_word = |t: &Token<'_>| (capitalised(t) && !dash(t)) || t.raw == ".";
    while k < sent.len() && k < j + 5 && state_word(&sent[k]) {
        k += 1;
    }
    let d = dash_at(sent, k).filter(|_| k > j + 1)?;
    // A full stop that ends the sentence is the sentence's, not the
    // abbreviation's ("FARMINGTON HILLS, Mich." on a line of its own).
    let last = if d == sent.len() && sent[k - 1].raw == "." && k - 1 > j + 1 {
        k - 2
    } else {
        k - 1
    };
    Some((j - 1, Some((j + 1, last)), d))
}

/// The dateline's dash at token `k`, or after an agency in brackets there
/// ("EAST PALESTINE, Ohio (AP) - …"), or `k` itself when the sentence ends
/// there after an abbreviation's full stop, the dash opening the next
/// sentence ("WEST PALM BEACH, Fla." "- Donald Trump won …").
fn dash_at(sent: &[Token<'_>], k: usize) -> Option<usize> {
    let raw = |i: usize| sent.get(i).map_or("", |t| t.raw);
    if sent.get(k).is_some_and(dash) || (k == sent.len() && raw(k - 1).ends_with('.')) {
        return Some(k);
    }
    let agency = raw(k) == "(" && AGENCIES.contains(&raw(k + 1)) && raw(k + 2) == ")";
    (agency && sent.get(k + 3).is_some_and(dash)).then_some(k + 3)
}

/// True when the dateline's state part, tokens `first..=last`, is written
/// as the agencies write it, not in capitals, and is a known place ("Ohio",
/// "Scotland") or a state's abbreviation ("Fla.", "N.C.", "Calif."): short,
/// with a full stop. (A photo caption's "UNKNOWN LOCATION, BELARUS -" is
/// in capitals throughout.)
pub(crate) fn known_state(sent: &[Token<'_>], (first, last): (usize, usize)) -> bool {
    let toks = &sent[first..=last];
    let title_case = toks.iter().any(|t| t.raw.chars().any(char::is_lowercase));
    let words: Vec<&str> = toks.iter().map(|t| t.lower.as_str()).collect();
    let letters: usize = toks
        .iter()
        .map(|t| t.raw.chars().filter(|c| c.is_alphabetic()).count())
        .sum();
    let abbreviation = (2..=5).contains(&letters)
        && toks.iter().any(|t| t.raw.ends_with('.'))
        && toks
            .iter()
            .all(|t| t.raw.chars().all(|c| c.is_alphabetic() || c == '.'));
    (title_case && gazetteer::place(super::keys::phrase_key(&words))) || abbreviation
}

/// Seats of government named for the government inside ("the Kremlin
/// said", "White House press secretary"). They are ORG, the OntoNotes
/// reading of the metonym and one of the eight labels the reader shows;
/// only after a place preposition ("to the White House") are they the
/// building, FAC, which `score.py` scores as its own OntoNotes label and
/// maps to LOC for CoNLL, where "White House" and "Kremlin" are LOC. The
/// seeds' gold has no FAC, so they cost nothing there.
const SEATS: &[&[&str]] = &[
    &["white", "house"],
    &["kremlin"],
    &["downing", "street"],
    &["pentagon"],
    &["elysee"],
    &["élysée"],
    &["whitehall"],
    &["stormont"],
    &["capitol"],
    &["blue", "house"],
    &["zhongnanhai"],
    &["number", "10"],
];

/// Prepositions after which a seat of government is the building itself
/// ("welcomed him to the White House", "at the Kremlin").
const PLACE_PREPOSITIONS: &[&str] = &[
    "at", "to", "in", "into", "inside", "outside", "near", "from", "toward", "towards", "around",
];

/// Last words of company names ("Spirit AeroSystems", "Epic Games",
/// "Alaska Airlines", "Boeing Co.", "Getty Images") and of armed groups
/// ("Qassam Brigades"): the name is an organisation whatever its first
/// word looks like.
const COMPANY_HEADS: &[&str] = &[
    "inc",
    "inc.",
    "corp",
    "corp.",
    "co",
    "co.",
    "bros",
    "bros.",
    "ltd",
    "ltd.",
    "plc",
    "llc",
    "group",
    "airlines",
    "airways",
    "games",
    "systems",
    "aerosystems",
    "technologies",
    "motors",
    "holdings",
    "pharmaceuticals",
    "labs",
    "studios",
    "networks",
    "electronics",
    "aerospace",
    "petroleum",
    "bank",
    "images",
    "research",
    "analytics",
    "energy",
    "therapeutics",
    "biosciences",
    "semiconductor",
    "robotics",
    "electric",
    "music",
    "entertainment",
    "media",
    "capital",
    "partners",
    "ventures",
    "pharma",
    "biotech",
    "foods",
    "brands",
    "software",
    "logistics",
    "shipping",
    "insurance",
    "financial",
    "securities",
    "telecom",
    "communications",
    "chemicals",
    "brigades",
    "brigade",
    "battalion",
    "militia",
];

/// Common nouns that, written just before a name, say it is a company
/// ("rival Airbus", "supplier Spirit AeroSystems", "shipping giant Maersk").
const COMPANY_NOUNS: &[&str] = &[
    "rival",
    "rivals",
    "supplier",
    "maker",
    "planemaker",
    "carmaker",
    "automaker",
    "chipmaker",
    "giant",
    "giants",
    "firm",
    "firms",
    "company",
    "startup",
    "conglomerate",
    "manufacturer",
    "contractor",
    "subsidiary",
    "carrier",
    "retailer",
    "lender",
    "insurer",
    "broadcaster",
    "chain",
];

/// An acronym right after a lower-case company noun ("oil company BP",
/// "state energy firm SOCAR", "rival AMD"): a company.
fn acronym_company(sent: &[Token<'_>], i: usize) -> bool {
    let t = &sent[i];
    let letters = t.raw.chars().filter(|c| c.is_alphabetic()).count();
    (2..=6).contains(&letters)
        && t.raw.chars().all(|c| c.is_ascii_uppercase() || c == '&')
        && !t.headline
        && i > 0
        && COMPANY_NOUNS.contains(&sent[i - 1].raw)
}

/// Words just after a name that say it is a company ("Boeing shares rose",
/// "Epic CEO Tim Sweeney", "Boeing Chief Executive Dave Calhoun").
/// Users, subscribers and founders belong to a company or a service too
/// ("Instagram users", "Netflix subscribers", "Wagner founder Yevgeny
/// Prigozhin").
pub(crate) const COMPANY_NEXT: &[&str] = &[
    "shares",
    "ceo",
    "executives",
    "shareholders",
    "users",
    "subscribers",
    "customers",
    "founder",
    "co-founder",
];

/// Courtesy titles OntoNotes leaves out of a person's span ("Mr Sunak").
const HONORIFICS: &[&str] = &["mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr."];

/// True for a token that is, by shape, a model number or code: letters
/// and three or more digits with an optional lower-case suffix ("A321neo",
/// "F110", "A350"), or, after a maker's name (`after_maker`), any letters
/// and digits ("TB2"), a three-digit number ("737") or one with a
/// hyphenated variant ("737-9"). Designators ("S-400") count too.
fn model_code(t: &Token<'_>, after_maker: bool) -> bool {
    let w = t.raw;
    if gazetteer::is_designator(w) {
        return true;
    }
    let letters = w.chars().take_while(char::is_ascii_uppercase).count();
    let digits = w[letters..]
        .chars()
        .take_while(char::is_ascii_digit)
        .count();
    let rest = &w[letters + digits..];
    let suffix_ok = (rest.chars().all(|c| c.is_ascii_lowercase()) && rest.len() <= 3)
        || (after_maker
            && digits >= 3
            && rest.len() == 1
            && rest.chars().all(|c| c.is_ascii_uppercase()));
    let coded = (1..=3).contains(&letters)
        && suffix_ok
        && (digits >= 3 || (after_maker && digits >= 1 && rest.is_empty() && w.len() >= 3));
    let numbered = after_maker
        && letters == 0
        && digits == 3
        && (rest.is_empty()
            || (rest.len() == 1 && rest.chars().all(|c| c.is_ascii_uppercase()))
            || rest
                .strip_prefix('-')
                .is_some_and(|v| !v.is_empty() && v.chars().all(|c| c.is_ascii_digit())));
    (coded || numbered) && w.len() <= 9
}

/// Edition words that end a product's name ("iPhone 15 Pro", "Galaxy S24
/// Ultra", "MacBook Air").
const VARIANTS: &[&str] = &["Pro", "Max", "Ultra", "Plus", "Mini", "Air", "Lite", "SE"];

/// Words before a model name that say it is one ("the MAX 9", "Boeing's
/// 737 MAX", "and MAX 10"), unlike a count ("121 RBI").
const DETERMINERS: &[&str] = &["the", "a", "an", "its", "their", "and", "or", "'s", "’s"];

/// Nouns after "Maker 123" that make the number a model, not a score
/// ("a Boeing 737 jet", against "Essex 532 for eight").
const MODEL_NOUNS: &[&str] = &[
    "jet",
    "jets",
    "plane",
    "planes",
    "aircraft",
    "airliner",
    "airliners",
    "model",
    "models",
    "engine",
    "engines",
    "variant",
    "fleet",
    "drone",
    "drones",
    "tank",
    "tanks",
    "helicopter",
    "helicopters",
    "missile",
    "missiles",
    "crashed",
    "crash",
];

/// Capitalised words that are followed by numbers without being makers
/// ("Flight 370", "Article 5", "Room 101", "Its H100").
const NOT_MAKERS: &[&str] = &[
    "its",
    "his",
    "her",
    "their",
    "our",
    "flight",
    "room",
    "route",
    "article",
    "section",
    "resolution",
    "chapter",
    "title",
    "no.",
    "number",
    "gate",
    "terminal",
    "platform",
    "highway",
    "interstate",
    "district",
    "ward",
    "page",
    "bus",
    "train",
    "road",
    "street",
    "avenue",
    "level",
    "phase",
    "stage",
    "group",
    "unit",
    "block",
    "class",
    "grade",
    "year",
    "week",
    "day",
    "the",
    "a",
    "in",
    "on",
    "at",
    "by",
    "of",
    "inc",
    "corp",
    "co",
    "ltd",
    "around",
    "about",
    "some",
    "over",
    "under",
    "nearly",
    "almost",
];

/// True for a version or variant number after a product name ("17.4",
/// "11", "9", "70").
fn version(t: &Token<'_>) -> bool {
    let w = t.raw;
    !w.is_empty()
        && w.len() <= 5
        && w.chars().all(|c| c.is_ascii_digit() || c == '.')
        && w.chars().next().is_some_and(|c| c.is_ascii_digit())
        && !w.ends_with('.')
}

/// An all-capitals model word of three or more letters ("MAX"), in running
/// text or in a headline that is not itself written in capitals.
fn caps_word(sent: &[Token<'_>], t: &Token<'_>) -> bool {
    t.raw.len() >= 3
        && t.raw.chars().all(|c| c.is_ascii_uppercase())
        && (!t.headline || sent.iter().any(|o| o.raw.chars().any(char::is_lowercase)))
}

/// A product line written "i" or "e" and a capital ("iOS", "iPhone",
/// "iPad", "eSIM").
fn camel_brand(t: &Token<'_>) -> bool {
    let mut cs = t.raw.chars();
    matches!((cs.next(), cs.next()), (Some('i' | 'e'), Some(b)) if b.is_ascii_uppercase())
        && t.raw.len() >= 3
        && t.raw.chars().all(|c| c.is_ascii_alphanumeric())
}

fn lower_is(t: Option<&Token<'_>>, words: &[&str]) -> bool {
    t.is_some_and(|t| words.contains(&t.lower.as_str()))
}

/// True if the token starts with a capital letter.
pub(crate) fn capitalised(t: &Token<'_>) -> bool {
    t.raw.chars().next().is_some_and(char::is_uppercase)
}

/// Diseases of the World Health Organization's public health emergencies
/// of international concern since 2009 (H1N1 2009, polio 2014, Ebola 2014
/// and 2019, Zika 2016, COVID-19 2020, mpox 2022 and 2024), with their
/// viruses' and the best-known variant's names. Neither OntoNotes nor our
/// probes' conventions give a disease a label; the tagger, which never saw
/// most of them, calls them companies and products. A closed list: news
/// names a new disease rarely, and then mostly with a cue
/// ([`STRAIN_WORDS`]).
const DISEASES: &[&str] = &[
    "covid-19",
    "covid",
    "sars-cov-2",
    "coronavirus",
    "omicron",
    "mpox",
    "monkeypox",
    "zika",
    "ebola",
    "h1n1",
    "h5n1",
    "polio",
];

/// Words after a name that make it a disease or its strain ("the Delta
/// variant", "the clade Ib strain", "the Nipah virus").
const STRAIN_WORDS: &[&str] = &[
    "variant",
    "variants",
    "subvariant",
    "subvariants",
    "strain",
    "strains",
    "virus",
    "outbreak",
];

/// True when tokens `s..=e` name a disease or a strain of one, which is
/// no entity.
pub(crate) fn disease(sent: &[Token<'_>], s: usize, e: usize) -> bool {
    (s == e && DISEASES.contains(&sent[s].lower.as_str()))
        || lower_is(sent.get(e + 1), STRAIN_WORDS)
}

/// Rule mentions of one sentence: agencies, products with model numbers,
/// operations, numbered conferences, battles and seats of government.
/// Pushed as `(first, last, label)`; they win over the tagger's spans.
pub(crate) fn rules(sent: &[Token<'_>], out: &mut Vec<(usize, usize, Label)>) {
    let free = |out: &Vec<(usize, usize, Label)>, s: usize, e: usize| {
        out.iter().all(|&(a, b, _)| b < s || e < a)
    };
    let mut i = 0;
    while i < sent.len() {
        let t = &sent[i];
        if let Some((e, label)) = event_at(sent, i)
            .map(|e| (e, Label::Event))
            .or_else(|| product_at(sent, i).map(|e| (e, Label::Product)))
            .or_else(|| seat_at(sent, i))
        {
            if free(out, i, e) {
                out.push((i, e, label));
            }
            i = e + 1;
            continue;
        }
        // "Reuters Ottawa Bureau", "Anadolu Agency" are longer names; "AP
        // Photo" is a credit and "AP World Cup coverage" an agency's.
        let longer = t.raw.chars().any(char::is_lowercase)
            && sent
                .get(i + 1)
                .is_some_and(|n| capitalised(n) && !matches!(n.lower.as_str(), "photo" | "photos"));
        if let Some(s0) = national_body_start(sent, i) {
            if free(out, s0, i) {
                out.push((s0, i, Label::Org));
                i += 1;
                continue;
            }
        }
        let word_acronym = WORD_ACRONYMS.contains(&t.raw) && mixed_case(sent);
        if ((AGENCIES.contains(&t.raw) && !longer) || acronym_company(sent, i) || word_acronym)
            && free(out, i, i)
        {
            out.push((i, i, Label::Org));
        }
        i += 1;
    }
}

/// Home nations and the UK, which close the names of national bodies and
/// parties ("Reform UK", "Cancer Research UK", "Police Scotland").
const NATIONS: &[&str] = &["UK", "England", "Scotland", "Wales", "Britain"];

/// Compass words: "Northern England" is a region, not a body.
const COMPASS: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "great",
    "new",
    "old",
    "rural",
];

/// The first token of a national body's name that ends with the nation at
/// `i` ("Reform UK", "Cancer Research UK", "Police Scotland"): one or two
/// title-case words right before it, in running text and not opening the
/// sentence, that are no place, people or compass word, and not the end of
/// a longer capitalised run.
fn national_body_start(sent: &[Token<'_>], i: usize) -> Option<usize> {
    if !NATIONS.contains(&sent[i].raw) || sent[i].headline {
        return None;
    }
    let word = |k: usize| {
        let t = &sent[k];
        let key = super::keys::phrase_key(&[t.lower.as_str()]);
        capitalised(t)
            && t.raw.chars().skip(1).all(char::is_lowercase)
            && t.raw.chars().count() >= 3
            && !t.headline
            && !gazetteer::place(key)
            && !gazetteer::is_norp(key)
            && !COMPASS.contains(&t.lower.as_str())
    };
    // A sentence's first word is capitalised anyway ("Former England
    // captain", "Two Scotland players").
    let word = |k: usize| word(k) && !sentence_initial(sent, k);
    let first = i.checked_sub(1).filter(|&k| word(k))?;
    let start = match first.checked_sub(1) {
        Some(k) if word(k) => k,
        _ => first,
    };
    let longer = start > 0 && capitalised(&sent[start - 1]) && !sentence_initial(sent, start - 1);
    (!longer).then_some(start)
}

/// True when some word of the sentence has a lower-case letter: it is not a
/// line written all in capitals.
fn mixed_case(sent: &[Token<'_>]) -> bool {
    sent.iter().any(|t| t.raw.chars().any(char::is_lowercase))
}

/// The last token of a product name with a model number starting at `i`:
/// "737 MAX 9", "MAX 10" after a determiner, "Boeing 737-9 MAX", "Airbus
/// A350", "Bayraktar TB2", "Patriot PAC-3", "Eurofighter Typhoon", "F-16
/// Block 70", "iOS 17.4", "A321neo".
fn product_at(sent: &[Token<'_>], i: usize) -> Option<usize> {
    let t = &sent[i];
    let known = |k: usize| {
        sent.get(k).is_some_and(|t| {
            capitalised(t) && gazetteer::is_product(super::keys::phrase_key(&[t.lower.as_str()]))
        })
    };
    let next = sent.get(i + 1);
    // A maker opens a name: "General Electric F110" is a company and an engine.
    let maker = capitalised(t)
        && (i == 0 || !capitalised(&sent[i - 1]) || sentence_initial(sent, i - 1))
        && t.raw.chars().any(char::is_lowercase)
        && !NOT_MAKERS.contains(&t.lower.as_str())
        && !gazetteer::is_designator(t.raw)
        && next.is_some_and(|n| model_code(n, true) && !gazetteer::is_designator(n.raw))
        // A bare number may be a score ("Essex 532", "Kent 108-3").
        && (!next.is_some_and(|n| n.raw.chars().all(|c| c.is_ascii_digit() || c == '-'))
            || sent.get(i + 2).is_some_and(|m| {
                caps_word(sent, m) || MODEL_NOUNS.contains(&m.lower.as_str()) || known(i + 2)
            }));
    let mut e = if maker
        || (known(i) && (known(i + 1) || next.is_some_and(|n| gazetteer::is_designator(n.raw))))
        || (camel_brand(t) && next.is_some_and(version))
    {
        // "Boeing 737", "Bayraktar TB2", "Patriot PAC-3", "iOS 17.4".
        i + 1
    } else if camel_brand(t) {
        // "iPhone", "iOS".
        return Some(i);
    } else if model_code(t, true)
        && t.raw.starts_with(|c: char| c.is_ascii_digit())
        && next.is_some_and(|n| caps_word(sent, n))
        && (sent.get(i + 2).is_some_and(version)
            || lower_is(i.checked_sub(1).and_then(|p| sent.get(p)), DETERMINERS))
    {
        // "737 MAX 9".
        i + 1
    } else if model_code(t, false) && !gazetteer::is_designator(t.raw) {
        // "A321neo".
        i
    } else if caps_word(sent, t)
        && next.is_some_and(version)
        && i > 0
        && lower_is(sent.get(i - 1), DETERMINERS)
        && !gazetteer::place(super::keys::phrase_key(&[t.lower.as_str()]))
    {
        // "the MAX 9", "and MAX 10".
        return Some(i + 1);
    } else if gazetteer::is_designator(t.raw)
        && lower_is(next, &["block"])
        && sent.get(i + 2).is_some_and(version)
    {
        // "F-16 Block 70".
        return Some(i + 2);
    } else {
        return None;
    };
    // Trailing variant parts: "MAX", "9", "Dreamliner", "Pro".
    while let Some(n) = sent.get(e + 1) {
        let grows = (caps_word(sent, n) && n.raw.len() <= 4)
            || (version(n) && sent[e].raw.chars().all(|c| c.is_ascii_uppercase()))
            || (VARIANTS.contains(&n.raw) && !n.headline)
            || known(e + 1);
        if !grows {
            break;
        }
        e += 1;
    }
    Some(e)
}

/// The last token of a named event starting at `i`: "Operation Prosperity
/// Guardian", "COP28", "Battle of Saratoga".
fn event_at(sent: &[Token<'_>], i: usize) -> Option<usize> {
    let t = &sent[i];
    let caps_run = |from: usize| {
        let mut e = from;
        while sent.get(e).is_some_and(|t| capitalised(t) && !t.headline) {
            e += 1;
        }
        (e > from).then(|| e - 1)
    };
    match t.raw {
        _ if t.headline && !t.raw.starts_with("COP") => None,
        "Operation" => caps_run(i + 1),
        "Battle" | "Siege" if lower_is(sent.get(i + 1), &["of"]) => caps_run(i + 2),
        w if w.len() >= 4 && w.starts_with("COP") && w[3..].chars().all(|c| c.is_ascii_digit()) => {
            Some(i)
        }
        _ => None,
    }
}

/// A seat of government starting at `i`: the building (FAC) after a place
/// preposition ("to the White House"), else its occupants (ORG: "the
/// Kremlin said", "White House press secretary"). The Pentagon is always
/// the department.
fn seat_at(sent: &[Token<'_>], i: usize) -> Option<(usize, Label)> {
    if !capitalised(&sent[i]) {
        return None;
    }
    if sent[i].raw == "Associated" && sent.get(i + 1).is_some_and(|n| n.raw == "Press") {
        // The agency written out, which the seats share a shape with.
        return Some((i + 1, Label::Org));
    }
    let seat = SEATS.iter().find(|words| {
        words.iter().enumerate().all(|(k, w)| {
            sent.get(i + k)
                .is_some_and(|t| t.lower == *w && (capitalised(t) || k > 0))
        })
    })?;
    let e = i + seat.len() - 1;
    if sent
        .get(e + 1)
        .is_some_and(|n| capitalised(n) && !n.headline)
    {
        return None;
    }
    let before = if i > 0 && sent[i - 1].lower == "the" {
        i.checked_sub(2)
    } else {
        i.checked_sub(1)
    };
    let building = seat[0] != "pentagon"
        && before.is_some_and(|b| PLACE_PREPOSITIONS.contains(&sent[b].lower.as_str()));
    Some((e, if building { Label::Fac } else { Label::Org }))
}

/// True when the tagger's span `s..=e` is photo-desk or time-stamp
/// boilerplate and should not be a mention.
/// Time zones count only beside other such words: CoNLL marks a lone
/// "GMT" (MISC), nobody marks "PM UTC".
pub(crate) fn boilerplate(toks: &[Token<'_>]) -> bool {
    let zone = |t: &Token<'_>| matches!(t.lower.as_str(), "utc" | "gmt");
    let words = toks
        .iter()
        .filter(|t| t.raw.chars().any(char::is_alphanumeric));
    let (n, zones) = words
        .clone()
        .fold((0, 0), |(n, z), t| (n + 1, z + usize::from(zone(t))));
    n > zones
        && words
            .clone()
            .all(|t| zone(t) || BOILERPLATE.contains(&t.lower.as_str()))
}

/// Titles OntoNotes (and CoNLL) leave out of a person's span ("Taoiseach
/// Leo Varadkar", "Prince Abdulaziz bin Salman", "Sen. Bernie Sanders",
/// "Sir Keir Starmer").
const TITLES: &[&str] = &[
    "president",
    "prince",
    "princess",
    "king",
    "queen",
    "sheikh",
    "emir",
    "taoiseach",
    "chancellor",
    "pope",
    "senator",
    "sen.",
    "rep.",
    "gov.",
    "gen.",
    "general",
    "premier",
    "ayatollah",
    "speaker",
    "sir",
    "dame",
    "chair",
    "chairman",
    "chairwoman",
];

/// Where a name starting at `s` (and ending at `e`) begins once a courtesy
/// title or, for a person (`person`), an office is dropped, and whether a
/// courtesy title said it is a person ("Mr Sunak" typed ORG is still Mr
/// Sunak).
pub(crate) fn skip_title(
    sent: &[Token<'_>],
    mut s: usize,
    e: usize,
    person: bool,
) -> (usize, bool) {
    let mut courtesy = false;
    while s < e {
        let w = sent[s].lower.as_str();
        if HONORIFICS.contains(&w) {
            courtesy = true;
        } else if !(person && TITLES.contains(&w)) {
            break;
        }
        s += 1;
    }
    (s, courtesy)
}

/// Words inside a tagger's span that separate an organisation from the
/// person holding a post in it ("Epic Games CEO Tim Sweeney").
const INNER_TITLES: &[&str] = &[
    "ceo",
    "chairman",
    "chairwoman",
    "founder",
    "co-founder",
    "spokesman",
    "spokeswoman",
    "spokesperson",
];

/// Capitalised words that open a named storm's name ("Hurricane Helene").
const STORM_WORDS: &[&str] = &["Hurricane", "Typhoon", "Cyclone", "Storm"];

/// Titles written after a place, before a name ("South Carolina Gov.
/// Henry McMaster", "Texas Sen. Ted Cruz"): never the end of the place.
const PLACE_TITLES: &[&str] = &[
    "gov", "gov.", "sen", "sen.", "rep", "rep.", "gen", "gen.", "governor", "senator", "mayor",
];

/// The tagger's span `s..=e` of CoNLL type `ty` (0 PER, 1 ORG, 2 LOC, 3
/// MISC), repaired the way news needs:
/// * a sentence-initial article or company noun is not part of the name
///   ("An Nvidia H100", "Broadcaster NBCUniversal", the latter then ORG);
/// * credit words, brackets and a possessive apostrophe at the end are
///   dropped ("North Darfur [File", "the US' claims"), and so is a title
///   after a place ("South Carolina Gov.") and a sentence-initial "The"
///   before a place known without it ("The Netherlands"); a result after
///   a name is dropped and makes a miscellaneous name a team's ("the Miami
///   Heat 94-89"); a storm word before a name the tagger did not read as
///   miscellaneous joins it ("Hurricane Helene"), and the storm's one-word
///   name ends the span ("Hurricane Milton slams" in a headline);
/// * a post inside splits an organisation from a person ("Epic Games CEO
///   Tim Sweeney" → ORG "Epic Games", PER "Tim Sweeney").
pub(crate) fn reshape(
    sent: &[Token<'_>],
    mut s: usize,
    mut e: usize,
    mut ty: usize,
) -> Vec<(usize, usize, usize)> {
    while s < e && matches!(sent[s].raw, "A" | "An") && sentence_initial(sent, s) {
        s += 1;
    }
    if s < e && sentence_initial(sent, s) && COMPANY_NOUNS.contains(&sent[s].lower.as_str()) {
        s += 1;
        ty = 1;
    }
    while e > s
        && (matches!(
            sent[e].lower.as_str(),
            "file" | "photo" | "photos" | "handout"
        ) || matches!(sent[e].raw, "[" | "(" | "/" | "|" | "'" | "’"))
    {
        e -= 1;
    }
    if e > s && PLACE_TITLES.contains(&sent[e].lower.as_str()) {
        let rest: Vec<&str> = sent[s..e].iter().map(|t| t.lower.as_str()).collect();
        if ty == 2 || gazetteer::place(super::keys::phrase_key(&rest)) {
            e -= 1;
            ty = 2;
        }
    }
    if ty != 3 && s > 0 && STORM_WORDS.contains(&sent[s - 1].raw) {
        // "Hurricane Helene", the tagger seeing only a person's name: the
        // storm (typed EVENT by `fine`).
        s -= 1;
    }
    if ty != 1 && e > s + 1 && STORM_WORDS.contains(&sent[s].raw) {
        // A storm's name is one word: "Hurricane Milton slams into
        // Florida", a headline in capitals, names "Hurricane Milton".
        e = s + 1;
    }
    if e > s && super::sport::score(&sent[e]) && super::sport::sporty(sent) {
        // "the Miami Heat 94-89": a name before a result is a team's.
        e -= 1;
        if ty == 3 {
            ty = 1;
        }
    }
    if ty == 2 && s < e && sent[s].raw == "The" && sentence_initial(sent, s) {
        // "The Netherlands began a lockdown": the place is "Netherlands"
        // (but "The Hague" is a name of its own).
        let lw = |a: usize| -> Vec<&str> { sent[a..=e].iter().map(|t| t.lower.as_str()).collect() };
        let key = |a: usize| super::keys::phrase_key(&lw(a));
        if gazetteer::place(key(s + 1)) && !gazetteer::place(key(s)) {
            s += 1;
        }
    }
    if let Some(k) = (s + 1..e).find(|&k| INNER_TITLES.contains(&sent[k].lower.as_str())) {
        return vec![(s, k - 1, 1), (k + 1, e, 0)];
    }
    // "Novo Chief Executive Lars Fruergaard Jorgensen".
    if let Some(k) = (s + 1..e).find(|&k| {
        sent[k].lower == "chief" && matches!(sent[k + 1].lower.as_str(), "executive" | "economist")
    }) {
        let mut p = k + 2;
        while p < e && matches!(sent[p].lower.as_str(), "officer" | "executive") {
            p += 1;
        }
        if p <= e {
            return vec![(s, k - 1, 1), (p, e, 0)];
        }
    }
    vec![(s, e, ty)]
}

/// Surname prefixes that give people's names inner capitals ("McCarthy",
/// "DeSantis", "MacArthur", "LaGuardia", "DiMaggio", "VanderBilt").
const NAME_PREFIXES: &[&str] = &[
    "Mc", "Mac", "De", "Di", "Da", "La", "Le", "Van", "Von", "Du",
];

/// A brand written in camel case ("OpenAI", "ChatGPT", "SharePlay",
/// "LinkedIn", "YouTube", and short ones: "AfD", "PwC"): a capital, then a
/// lower-case letter, then another capital, and no surname prefix before
/// that capital.
pub(crate) fn camel_case(t: &Token<'_>) -> bool {
    let w = t.raw;
    if !w.chars().all(|c| c.is_ascii_alphanumeric()) || w.len() < 3 {
        return false;
    }
    let mut chars = w.char_indices();
    let starts = matches!(chars.next(), Some((_, c)) if c.is_ascii_uppercase());
    let inner = w.char_indices().skip(2).find(|&(k, c)| {
        c.is_ascii_uppercase()
            && w[..k]
                .chars()
                .last()
                .is_some_and(|p| p.is_ascii_lowercase())
    });
    match inner {
        Some((k, _)) if starts => !NAME_PREFIXES.contains(&&w[..k]),
        _ => false,
    }
}

/// The last token of a camel-case brand's name starting at `i`: with the
/// company or publisher words after it ("UrduPoint News", "BlackRock Inc").
pub(crate) fn camel_case_end(sent: &[Token<'_>], i: usize) -> usize {
    let mut e = i;
    while sent.get(e + 1).is_some_and(|n| {
        capitalised(n)
            && (COMPANY_HEADS.contains(&n.lower.as_str())
                || matches!(
                    n.lower.as_str(),
                    "news" | "media" | "tv" | "radio" | "times" | "post"
                ))
    }) {
        e += 1;
    }
    e
}

/// The type of a camel-case brand: a product after an owner's possessive
/// or before a product noun ("OpenAI's ChatGPT", "the SharePlay feature"),
/// or when named for a GPT model; else a company ("OpenAI", "LinkedIn").
pub(crate) fn camel_case_label(sent: &[Token<'_>], i: usize) -> Label {
    let after_owner = i > 0 && matches!(sent[i - 1].lower.as_str(), "'s" | "’s");
    let noun_after = lower_is(
        sent.get(i + 1),
        &[
            "app", "apps", "service", "feature", "console", "chatbot", "platform", "browser",
            "users",
        ],
    );
    if camel_case_end(sent, i) > i {
        Label::Org
    } else if after_owner || noun_after || sent[i].raw.contains("GPT") {
        Label::Product
    } else {
        Label::Org
    }
}

/// True when the words around tokens `s..=e` say the name is a company:
/// its last word is a company head ("Epic Games"), or a company noun comes
/// just before it ("rival Airbus"), or "shares of/in" or "X-based" does, or shares or a
/// chief executive come just after it ("Boeing shares", "Boeing Chief
/// Executive Dave Calhoun", "Epic CEO").
pub(crate) fn company_context(sent: &[Token<'_>], s: usize, e: usize) -> bool {
    let last = sent[e].lower.as_str();
    let head = e > s && COMPANY_HEADS.contains(&last);
    if e > s {
        // A full name ("rival Merlene Ottey") needs its own company word,
        // or an apposition no person takes ("Bavarian Nordic, which makes
        // the vaccine"). (Not "analyst at Raymond James": CoNLL-2003 marks
        // the broker named like a person PER.)
        return head || company_apposition(sent, e) || maker_before(sent, s);
    }
    // "analysts at Jefferies".
    let employer =
        s >= 2 && lower_is(sent.get(s - 1), &["at"]) && lower_is(sent.get(s - 2), MARKET_PEOPLE);
    let noun_before = s > 0
        && lower_is(sent.get(s - 1), COMPANY_NOUNS)
        && !sentence_initial(sent, s - 1)
        && !capitalised(&sent[s - 1]);
    let shares_of = s >= 2
        && lower_is(sent.get(s - 1), &["of", "in"])
        && lower_is(sent.get(s - 2), &["shares", "stake", "stock"]);
    // "Wichita-based Spirit", "Copenhagen-based Maersk".
    let based = s >= 2
        && lower_is(sent.get(s - 1), &["based", "headquartered", "listed"])
        && matches!(sent[s - 2].raw, "-" | "‐" | "‑");
    let after = e + 1 + usize::from(lower_is(sent.get(e + 1), &["'s", "’s"]));
    let shares_after = lower_is(sent.get(after), COMPANY_NEXT);
    let chief =
        lower_is(sent.get(after), &["chief"]) && lower_is(sent.get(after + 1), &["executive"]);
    head || noun_before
        || employer
        || shares_of
        || based
        || shares_after
        || chief
        || kind_after(sent, e)
        || company_apposition(sent, e)
}

/// Company nouns no person is called by ("vaccine maker Bavarian Nordic",
/// "shipping giant Hapag-Lloyd"): they make a name of several words a
/// company's too.
const MAKER_NOUNS: &[&str] = &[
    "maker",
    "makers",
    "drugmaker",
    "carmaker",
    "automaker",
    "chipmaker",
    "planemaker",
    "giant",
    "giants",
    "conglomerate",
    "subsidiary",
    "lender",
    "insurer",
    "retailer",
    "fintech",
];

/// True when a company noun no person takes comes just before token `s`,
/// after a lower-case word ("video game maker Activision Blizzard",
/// "Vaccine maker Bavarian Nordic"), and is not a film or policy maker's.
fn maker_before(sent: &[Token<'_>], s: usize) -> bool {
    // "Rival Eli Lilly, whose …" at a sentence's start.
    if s == 1 && lower_is(sent.first(), &["rival", "rivals"]) {
        return true;
    }
    s >= 2
        && lower_is(sent.get(s - 1), MAKER_NOUNS)
        && !capitalised(&sent[s - 1])
        && !lower_is(
            sent.get(s - 2),
            &[
                "film",
                "movie",
                "documentary",
                "policy",
                "peace",
                "king",
                "deal",
                "rule",
            ],
        )
}

/// People of the markets whose employer is named after "at" ("analysts at
/// Jefferies"): a bank or broker.
const MARKET_PEOPLE: &[&str] = &[
    "analyst",
    "analysts",
    "economist",
    "economists",
    "strategist",
    "strategists",
    "traders",
];

/// Head nouns of an apposition that says a name is a company's ("Temu, an
/// online marketplace", "Bluesky, a social network that …").
const APPOSITION_HEADS: &[&str] = &[
    "company",
    "firm",
    "retailer",
    "marketplace",
    "platform",
    "network",
    "startup",
    "start-up",
    "carrier",
    "airline",
    "lender",
    "insurer",
    "broadcaster",
    "manufacturer",
    "automaker",
    "carmaker",
    "chipmaker",
    "drugmaker",
    "conglomerate",
    "subsidiary",
    "bank",
    "app",
];

/// Words that may end an apposition after its head ("…, a social network
/// that has grown", "…, the retailer based in …").
const APPOSITION_ENDS: &[&str] = &[
    "that", "which", "whose", "with", "in", "of", "based", "owned", "founded", "and", "known",
];

/// True when an apposition after the name at `e` says it is a company:
/// ", a/an/the" and up to four lower-case words ending in a company noun
/// that closes the phrase ("Temu, an online marketplace,", "Bluesky, a
/// social network that"), or ", owned by" / ", which makes" ("Temu, owned
/// by PDD Holdings", "Bavarian Nordic, which makes the vaccine").
fn company_apposition(sent: &[Token<'_>], e: usize) -> bool {
    if !lower_is(sent.get(e + 1), &[","]) {
        return false;
    }
    let which = lower_is(sent.get(e + 2), &["which", "owned"])
        && lower_is(
            sent.get(e + 3),
            &["makes", "owns", "runs", "operates", "by"],
        );
    if which {
        return true;
    }
    if !lower_is(sent.get(e + 2), &["a", "an", "the"]) {
        return false;
    }
    (e + 3..e + 7).any(|k| {
        let lower_run = (e + 3..=k).all(|j| {
            sent.get(j)
                .is_some_and(|t| t.raw.starts_with(|c: char| c.is_lowercase()))
        });
        let closes = sent.get(k + 1).is_none_or(|n| {
            !n.raw.starts_with(|c: char| c.is_alphanumeric())
                || APPOSITION_ENDS.contains(&n.lower.as_str())
        });
        lower_run && lower_is(sent.get(k), APPOSITION_HEADS) && closes
    })
}

/// Lower-case nouns after a name that say what kind of body it is ("the
/// Wagner group", "the FTX exchange", "the Wagner mercenary group").
const KIND_NOUNS: &[&str] = &[
    "group", "company", "firm", "platform", "network", "exchange", "startup", "start-up", "chain",
];

/// True when a kind noun follows the name at `e`, right after it or after
/// one lower-case modifier ("Wagner mercenary group").
fn kind_after(sent: &[Token<'_>], e: usize) -> bool {
    let lower = |k: usize| {
        sent.get(k)
            .is_some_and(|t| t.raw.starts_with(char::is_lowercase))
    };
    lower_is(sent.get(e + 1), KIND_NOUNS)
        || (lower(e + 1) && lower(e + 2) && lower_is(sent.get(e + 2), KIND_NOUNS))
}

#[cfg(test)]
mod tests {
    use crate::ner::test_support::{tag_owned as tag, tag_with_headline};

    fn assert_has(got: &[(String, &str)], want: &[(&str, &str)]) {
        for (t, l) in want {
            assert!(
                got.iter().any(|(gt, gl)| gt == t && gl == l),
                "{t} {l} in {got:?}"
            );
        }
    }

    #[test]
    fn names_closed_by_a_company_form_at_a_line_end_are_organisations() {
        let got = tag("Jordan said in a statement released by Warner Bros.\nMichael Durante is an analyst at McDonald & Co.");
        assert_has(&got, &[("Warner Bros", "ORG"), ("McDonald & Co", "ORG")]);
    }

    #[test]
    fn storms_fires_and_places_before_a_title_are_reshaped() {
        let got = tag_with_headline("Hurricane Milton death toll rises as aid reaches Florida\n\nThe Palisades Fire has burned 17,000 acres. Former Texas Gov.\nRick Perry spoke.");
        for want in [
            ("Hurricane Milton", "EVENT"),
            ("Palisades Fire", "EVENT"),
            ("Texas", "GPE"),
        ] {
            assert!(got.contains(&want), "{want:?} in {got:?}");
        }
    }

    #[test]
    fn a_brand_shouted_in_a_dateline_stays_the_place() {
        let got = tag("SUNRISE, Fla. - Sam Reinhart scored twice.");
        assert!(
            !got.iter().any(|(t, l)| t == "SUNRISE" && *l == "ORG"),
            "{got:?}"
        );
    }

    #[test]
    fn an_apposition_naming_a_company_makes_it_one() {
        let got = tag("Temu, owned by PDD Holdings, is expected to follow. Zalando, an online retailer, agreed. Smith, a company spokesman, declined to comment.");
        assert_has(
            &got,
            &[("Temu", "ORG"), ("Zalando", "ORG"), ("Smith", "PERSON")],
        );
    }

    #[test]
    fn bodies_named_for_a_home_nation_are_organisations() {
        let got = tag("Seats went to Reform UK, Cancer Research UK welcomed the plan and Police Scotland said it would help. Rain fell across Northern England. Two Scotland players were booked.");
        assert_has(
            &got,
            &[
                ("Reform UK", "ORG"),
                ("Cancer Research UK", "ORG"),
                ("Police Scotland", "ORG"),
            ],
        );
        assert!(
            !got.iter()
                .any(|(t, l)| t == "Northern England" && *l == "ORG"),
            "{got:?}"
        );
        assert!(!got.iter().any(|(t, _)| t == "Two Scotland"), "{got:?}");
    }

    #[test]
    fn short_camel_case_acronyms_are_organisations() {
        let got = tag("Merz wins as the AfD doubles its vote, and PwC audits the count.");
        assert_has(&got, &[("AfD", "ORG"), ("PwC", "ORG")]);
    }

    #[test]
    fn who_in_mixed_case_text_is_the_organisation() {
        let got = tag_with_headline("WHO declares mpox a global emergency\n\nWHO Director-General Tedros Adhanom Ghebreyesus said on Wednesday that the WHO would act.");
        let whos = got
            .iter()
            .filter(|(t, l)| *t == "WHO" && *l == "ORG")
            .count();
        assert_eq!(whos, 3, "{got:?}");
        let shouting = tag("WHO KNEW THE ANSWER");
        assert!(!shouting.iter().any(|(t, _)| t == "WHO"), "{shouting:?}");
    }

    #[test]
    fn agencies_in_datelines_and_credits_are_organisations() {
        let got = tag("WASHINGTON (AP) — President Joe Biden spoke. (AP Photo/Andrew Harnik) BERLIN (dpa) — Kabul [Wakil Kohsar/AFP].");
        assert_has(
            &got,
            &[
                ("WASHINGTON", "GPE"),
                ("AP", "ORG"),
                ("Joe Biden", "PERSON"),
                ("dpa", "ORG"),
                ("AFP", "ORG"),
            ],
        );
        assert!(!got.iter().any(|(t, _)| t.contains("Photo")), "{got:?}");
    }

    #[test]
    fn model_numbers_and_conferences_in_a_mixed_case_headline() {
        let text =
            "FAA clears path for Boeing 737 MAX 9 jets as COP28 strikes deal\n\nThe FAA said so.";
        let got = tag_with_headline(text);
        assert!(
            got.contains(&("737 MAX 9", "PRODUCT"))
                || got.contains(&("Boeing 737 MAX 9", "PRODUCT")),
            "{got:?}"
        );
        assert!(got.contains(&("COP28", "EVENT")), "{got:?}");
    }

    #[test]
    fn agency_acronyms_before_other_names_and_missiles_after_modifiers() {
        let got = tag("AP World Cup coverage is online. Kyiv received Javelin anti-tank missiles and 20 F-35As.");
        assert_has(
            &got,
            &[("AP", "ORG"), ("Javelin", "PRODUCT"), ("F-35As", "PRODUCT")],
        );
    }

    #[test]
    fn spans_lose_articles_company_nouns_credits_and_posts() {
        let got = tag("An Nvidia chip is displayed in Santa Clara. Broadcaster NBCUniversal said sign-ups rose. Epic Games CEO Tim Sweeney called it malicious.");
        assert!(got.iter().any(|(t, _)| t == "Nvidia"), "{got:?}");
        assert_has(
            &got,
            &[
                ("NBCUniversal", "ORG"),
                ("Epic Games", "ORG"),
                ("Tim Sweeney", "PERSON"),
            ],
        );
    }

    #[test]
    fn camel_case_brands_editions_and_written_out_agencies() {
        let got = tag("Apple Intelligence can hand requests to OpenAI's ChatGPT on the iPhone 15 Pro, and Huawei's Ascend 910B may fill the gap. Speaker Kevin McCarthy met LinkedIn staff. Associated Press writers contributed.");
        assert_has(
            &got,
            &[
                ("OpenAI", "ORG"),
                ("ChatGPT", "PRODUCT"),
                ("iPhone 15 Pro", "PRODUCT"),
                ("Ascend 910B", "PRODUCT"),
                ("Kevin McCarthy", "PERSON"),
                ("LinkedIn", "ORG"),
                ("Associated Press", "ORG"),
            ],
        );
    }

    #[test]
    fn leaders_administrations_the_games_and_number_10() {
        let got = tag("The Biden administration tightened the rules. Athletes praised the Games. Keir Starmer waved outside Number 10 on Friday.");
        assert_has(
            &got,
            &[
                ("Biden", "PERSON"),
                ("Games", "EVENT"),
                ("Keir Starmer", "PERSON"),
                ("Number 10", "FAC"),
            ],
        );
    }

    #[test]
    fn names_with_particles_are_one_person() {
        let got = tag("Rishi Sunak and Ursula von der Leyen met in Windsor. Sunak and von der Leyen smiled. President Joe Biden had spoken to the Emir of Qatar, Sheikh Tamim bin Hamad Al Thani.");
        assert_has(
            &got,
            &[
                ("Ursula von der Leyen", "PERSON"),
                ("von der Leyen", "PERSON"),
                ("Tamim bin Hamad Al Thani", "PERSON"),
            ],
        );
    }

    #[test]
    fn boilerplate_is_not_an_entity() {
        let got = tag("3 Min Read. FILE PHOTO: Russian S-400 systems drive. Mar 25, 2024, 12:16 PM UTC. NTSB/Handout via REUTERS.");
        for junk in ["Min Read", "FILE PHOTO", "PM UTC", "Handout"] {
            assert!(!got.iter().any(|(t, _)| t == junk), "{junk} in {got:?}");
        }
        assert_has(&got, &[("S-400", "PRODUCT"), ("REUTERS", "ORG")]);
    }

    #[test]
    fn model_numbers_stay_whole() {
        let got = tag("The FAA cleared Boeing's 737 MAX 9 to fly, while the MAX 7 and MAX 10 wait and Airbus sells the A321neo. Turkey wants 40 Eurofighter Typhoon jets, a Patriot PAC-3 battery, F-16 Block 70 jets and the Bayraktar TB2, and users of iOS 17.4 complained.");
        assert_has(
            &got,
            &[
                ("737 MAX 9", "PRODUCT"),
                ("MAX 7", "PRODUCT"),
                ("MAX 10", "PRODUCT"),
                ("A321neo", "PRODUCT"),
                ("Eurofighter Typhoon", "PRODUCT"),
                ("Patriot PAC-3", "PRODUCT"),
                ("F-16 Block 70", "PRODUCT"),
                ("Bayraktar TB2", "PRODUCT"),
                ("iOS 17.4", "PRODUCT"),
            ],
        );
    }

    #[test]
    fn companies_are_organisations_by_their_context() {
        let got = tag("Boeing shares rose 5.7% on Monday, while rival Airbus extends its lead. The fuselage was built by supplier Spirit AeroSystems, and Epic Games sued. Shares of Boeing fell and Boeing Chief Executive Dave Calhoun spoke.");
        let boeing: Vec<&str> = got
            .iter()
            .filter(|(t, _)| t == "Boeing")
            .map(|(_, l)| *l)
            .collect();
        assert_eq!(boeing, ["ORG", "ORG", "ORG"], "{got:?}");
        assert_has(
            &got,
            &[
                ("Airbus", "ORG"),
                ("Spirit AeroSystems", "ORG"),
                ("Epic Games", "ORG"),
                ("Dave Calhoun", "PERSON"),
            ],
        );
    }

    #[test]
    fn operations_conferences_and_battles_are_events() {
        let got = tag("The naval task force, Operation Prosperity Guardian, patrols the Red Sea. Delegates at the COP28 climate summit recalled COP26 in Glasgow and compared it to the Battle of Saratoga.");
        assert_has(
            &got,
            &[
                ("Operation Prosperity Guardian", "EVENT"),
                ("COP28", "EVENT"),
                ("COP26", "EVENT"),
                ("Battle of Saratoga", "EVENT"),
                ("Glasgow", "GPE"),
            ],
        );
    }

    #[test]
    fn seats_of_government_are_their_occupants_or_their_buildings() {
        let got = tag("Biden welcomed Zelenskyy to the White House on Wednesday. The Kremlin said it would respond, and Downing Street denied it. The Pentagon said the package includes munitions. Kremlin spokesman Dmitry Peskov spoke.");
        let kremlin: Vec<&str> = got
            .iter()
            .filter(|(t, _)| t == "Kremlin")
            .map(|(_, l)| *l)
            .collect();
        assert_eq!(kremlin, ["ORG", "ORG"], "{got:?}");
        assert_has(
            &got,
            &[
                ("White House", "FAC"),
                ("Downing Street", "ORG"),
                ("Pentagon", "ORG"),
                ("Dmitry Peskov", "PERSON"),
            ],
        );
    }

    #[test]
    fn web_page_furniture_is_no_name() {
        let got = tag("Updated 15 March 2023, 18:42 GMT");
        assert!(got.is_empty(), "{got:?}");
        for line in [
            "Advertisement",
            "Live updates",
            "Share this article",
            "Gallery: The best pictures from the final",
        ] {
            let got = tag(line);
            assert!(got.is_empty(), "{line}: {got:?}");
        }
        let got = tag("Photo: Reuters");
        assert_has(&got, &[("Reuters", "ORG")]);
        assert!(!got.iter().any(|(t, _)| t.contains("Photo")), "{got:?}");
    }

    #[test]
    fn diseases_and_their_variants_are_no_names() {
        let got = tag("Hospitals in Lagos reported more mpox and COVID-19 cases as the XBB subvariant spread, while Ebola vaccines reached Kinshasa.");
        assert_has(&got, &[("Lagos", "GPE"), ("Kinshasa", "GPE")]);
        for d in ["mpox", "COVID-19", "XBB", "Ebola"] {
            assert!(!got.iter().any(|(t, _)| t == d), "{d} in {got:?}");
        }
    }

    #[test]
    fn services_and_companies_by_their_users_founders_and_kind() {
        let got = tag("Millions of Snapchat users lost access on Tuesday. Prosecutors said Kraken founder Jesse Powell had not been charged, and fighters of the Akhmat special forces group moved north. Shares of Moderna fell after Genmab Therapeutics raised its forecast.");
        assert_has(
            &got,
            &[
                ("Snapchat", "ORG"),
                ("Kraken", "ORG"),
                ("Jesse Powell", "PERSON"),
                ("Moderna", "ORG"),
                ("Genmab Therapeutics", "ORG"),
            ],
        );
    }

    #[test]
    fn shopping_days_and_feasts_are_holidays() {
        let got = tag("Retailers reported record sales on Cyber Monday after a weak Black Friday, and stores in Brooklyn stayed open late before Hanukkah and during Lent.");
        assert_has(&got, &[("Brooklyn", "GPE")]);
        for h in ["Cyber Monday", "Black Friday", "Hanukkah", "Lent"] {
            assert!(
                got.iter().all(|(t, l)| t != h || *l == "EVENT"),
                "{h} in {got:?}"
            );
        }
    }

    #[test]
    fn live_page_furniture_around_a_story_names_nothing() {
        for line in [
            "Updated 3 June 2024, 09:10 GMT",
            "Advertisement",
            "Gallery: Storm damage in pictures",
            "Live updates: the latest",
        ] {
            let got = tag(line);
            assert!(got.is_empty(), "{line}: {got:?}");
        }
        let got = tag(
            "Reporting by Priya Ramesh in Chennai; Writing by Tom Hals; Editing by Conor Humphreys",
        );
        assert_has(
            &got,
            &[
                ("Priya Ramesh", "PERSON"),
                ("Chennai", "GPE"),
                ("Tom Hals", "PERSON"),
                ("Conor Humphreys", "PERSON"),
            ],
        );
        let got = tag("Photo: Getty Images/Leon Neal");
        assert_has(&got, &[("Getty Images", "ORG"), ("Leon Neal", "PERSON")]);
    }

    #[test]
    fn credit_lines_name_reporters_and_places() {
        let got = tag("Reporting by Dawn Chmielewski in Los Angeles; Additional reporting by Eva Mathews in Bengaluru; Editing by Kenneth Li");
        assert_has(
            &got,
            &[
                ("Dawn Chmielewski", "PERSON"),
                ("Los Angeles", "GPE"),
                ("Eva Mathews", "PERSON"),
                ("Bengaluru", "GPE"),
                ("Kenneth Li", "PERSON"),
            ],
        );
        assert!(
            !got.iter()
                .any(|(t, _)| t.contains("Reporting") || t.contains("Editing")),
            "{got:?}"
        );
    }

    #[test]
    fn datelines_with_a_dash_are_places() {
        let got = tag("LOS ANGELES - Netflix said on Tuesday it lost 200,000 subscribers in the first quarter.");
        assert_has(&got, &[("LOS ANGELES", "GPE")]);
        let got = tag("DUBAI - Nearly 200 countries agreed on Wednesday to transition away from fossil fuels.");
        assert_eq!(got, [("DUBAI".to_string(), "GPE")]);
        let got = tag("ASHEVILLE, N.C. - The death toll rose above 100 on Monday as rescuers reached mountain towns.");
        assert_has(&got, &[("ASHEVILLE", "GPE")]);
        // A topic line in capitals is no place.
        let got = tag("RUGBY UNION - Australia beat Italy in Padova.");
        assert!(
            !got.iter().any(|(t, l)| t == "RUGBY UNION" && *l == "GPE"),
            "{got:?}"
        );
    }

    #[test]
    fn a_small_town_before_a_known_state_is_a_place() {
        let got = tag("EAST PALESTINE, Ohio (AP) - Residents packed a school gym on Wednesday to demand answers.");
        assert!(
            got.contains(&("EAST PALESTINE".to_string(), "GPE")),
            "{got:?}"
        );
        let got = tag("WEST PALM BEACH, Fla. - Donald Trump won the election on Wednesday.");
        assert!(
            got.contains(&("WEST PALM BEACH".to_string(), "GPE")),
            "{got:?}"
        );
        assert!(got.contains(&("Fla.".to_string(), "GPE")), "{got:?}");
        // A caption in capitals throughout names no unknown place.
        let got = tag("UNKNOWN LOCATION, BELARUS - FEBRUARY 09: Air defence systems arrive for a joint exercise.");
        assert!(!got.iter().any(|(t, _)| t.contains("UNKNOWN")), "{got:?}");
    }

    #[test]
    fn market_people_and_chains_name_companies() {
        let got = tag("In Australia, supermarket chain Woolworths said some tills were down. Analysts at Jefferies said the unit could be worth 15 billion euros.");
        assert_has(&got, &[("Woolworths", "ORG"), ("Jefferies", "ORG")]);
    }

    #[test]
    fn a_chair_is_a_title_and_a_fund_that_owns_is_a_company() {
        let got = tag("Chair Marta Ortega, daughter of founder Amancio Ortega, has led the group since 2022. Trian, which owns about $3 billion of its shares, wants two seats.");
        assert_has(&got, &[("Marta Ortega", "PERSON"), ("Trian", "ORG")]);
    }

    #[test]
    fn camel_case_parties_read_as_products_are_organisations() {
        let got = tag("A joint list of GroenLinks and Labour, led by Frans Timmermans, came second. The AfD was ready to govern, said Bjoern Hoecke.");
        assert_has(&got, &[("GroenLinks", "ORG"), ("AfD", "ORG")]);
    }

    #[test]
    fn a_full_name_with_a_company_apposition_is_a_company() {
        let got =
            tag("Bavarian Nordic, which makes the vaccine, said it could supply 10 million doses.");
        assert_has(&got, &[("Bavarian Nordic", "ORG")]);
    }

    #[test]
    fn a_storms_name_in_a_headline_is_one_word() {
        let got = tag_with_headline("Live updates: Hurricane Milton slams into Florida\n\nThe storm made landfall late on Wednesday.");
        assert!(got.contains(&("Hurricane Milton", "EVENT")), "{got:?}");
    }
}
