//! Cross-article entity linking: one canonical entity per real-world thing.
//!
//! Within each article, names of several words are linked first and short
//! forms after them, so a headline's "Biden" finds the body's "President Joe
//! Biden" although it comes first. A mention joins an existing entity when,
//! in order:
//! 1. it is an acronym the same article introduced in brackets right after a
//!    name of several words whose letters it fits ("Presidency of Defence
//!    Industries (SSB)", "Federal Aviation Administration (FAA)"; never the
//!    agency of a dateline, "WASHINGTON (AP)");
//! 2. it is one word equal to the surname of exactly one person named in
//!    full in the same article ("Demir" and "Ismail Demir"), or an acronym
//!    in capitals made of the initials of exactly one organisation's or
//!    law's name in the article, never bracketed there ("NTSB" and
//!    "National Transportation Safety Board");
//! 3. its folded form (case, accents, dots, possessive and designator plural
//!    removed; curated variants mapped) equals an entity's key
//!    ("Türkiye" = "Turkey", "S-400s" = "S-400", "U.S." = "US");
//! 4. its folded form is one edit away from a long key of the same type
//!    ("Defence Industries" = "Defense Industries"), which absorbs spelling
//!    variants and typos without merging short names like Iran and Iraq.
//!
//! Last, a person's name of two or more words that ends exactly one longer
//! person's name anywhere in the corpus joins it ("Tayyip Erdogan" and
//! "Recep Tayyip Erdoğan": a dropped first name).

mod aliases;

use crate::label::Label;
use crate::text::Span;
use foldhash::{HashMap, HashMapExt};
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

/// A mention to link: where it is and what the tagger called it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Candidate {
    pub article: usize,
    pub span: Span,
    pub label: Label,
}

/// A canonical entity with everything the entity card shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// URL-safe, stable across runs of the same corpus: "ismail-demir".
    pub id: String,
    pub name: String,
    /// The label most of its mentions carry.
    pub label: Label,
    /// Distinct surface forms seen in the text, canonical name excluded.
    pub aliases: Vec<String>,
    pub mention_count: usize,
    /// Indices of the articles that mention it, ascending.
    pub articles: Vec<usize>,
}

/// What linking reads of a mention's text: the words as written and an
/// acronym bracketed right after them ("(SSB)"). Nothing else of the text
/// is read, so a corpus too large to hold in memory can be linked from
/// these alone while its texts wait on disk (`dateline bundle`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Wording<'a> {
    /// `span.of(text)`, possessive and all.
    pub surface: &'a str,
    pub acronym: Option<&'a str>,
}

impl<'a> Wording<'a> {
    /// The wording of the mention at `span` of `text`.
    pub fn of(text: &'a str, span: Span) -> Wording<'a> {
        Wording {
            surface: span.of(text),
            acronym: bracketed_acronym(&text[span.end..]),
        }
    }
}

/// Links `candidates` (any order) over `texts` (one per article index).
/// Returns the entities and, for each candidate, its entity's index.
pub fn link(texts: &[&str], candidates: &[Candidate]) -> (Vec<Entity>, Vec<usize>) {
    link_worded(candidates, |i| {
        let c = &candidates[i];
        Wording::of(texts[c.article], c.span)
    })
}

/// [`link`] reading each candidate's text through `wording(i)` (candidate
/// `i`'s), called at most twice per candidate.
pub fn link_worded<'a>(
    candidates: &[Candidate],
    wording: impl Fn(usize) -> Wording<'a>,
) -> (Vec<Entity>, Vec<usize>) {
    let short = |i: usize| !strip_possessive(wording(i).surface).contains(' ');
    // Each key computed once (a key function in the sort ran twice per
    // comparison: a quarter of linking a corpus); the index last keeps the
    // order of equal keys, as a stable sort would.
    let mut order: Vec<(usize, bool, usize, usize)> = candidates
        .iter()
        .enumerate()
        .map(|(i, c)| (c.article, short(i), c.span.start, i))
        .collect();
    order.sort_unstable();
    let mut linker = Linker::default();
    let mut assigned = vec![0; candidates.len()];
    for (.., i) in order {
        assigned[i] = linker.add(candidates[i], wording(i));
    }
    let root = linker.merge_dropped_first_names();
    let (entities, index) = linker.finish(&root);
    let assigned = assigned.into_iter().map(|g| index[root[g]]).collect();
    (entities, assigned)
}

#[derive(Default)]
struct Linker {
    groups: Vec<Group>,
    by_key: HashMap<String, usize>,
    /// (article, acronym key) → group, from "Long Name (ACRONYM)".
    acronyms: HashMap<(usize, String), usize>,
    /// (article, surname key) → the group of the one person named in full
    /// with that surname, `None` when two people in the article share it.
    surnames: HashMap<(usize, String), Option<usize>>,
    /// (article, initials) → the group of the one organisation or law
    /// whose capitalised words have those initials, `None` when two do.
    initials: HashMap<(usize, String), Option<usize>>,
    /// (key length in characters, which part, hash of that part) → the
    /// groups with keys of at least [`MIN_FUZZY_LEN`] characters, by three
    /// parts of their keys (see [`parts`]): a key one edit from another
    /// shares one of them, so a new name is compared only with the keys
    /// sharing one. (Comparing it with every key of its length made an
    /// article of many different names quadratic.)
    by_part: HashMap<(usize, usize, u64), Vec<usize>>,
}

/// Keys shorter than this are never matched one edit apart.
const MIN_FUZZY_LEN: usize = 8;

/// Hashes of three parts of `key` measured for keys of `len` characters
/// (a third, `t = len / 3`, at each end): all but its last `t`, all but
/// its first `t`, and its first and last `t` together. One edit lies in the
/// first, middle or last third of the longer key, so the other two thirds
/// stay (aligned on the start before the edit and on the end after it): a
/// key within one edit of a `len`-character key, itself of `len - 1`,
/// `len` or `len + 1` characters, has the same hash for at least one part.
fn parts(key: &str, len: usize) -> [u64; 3] {
    use std::hash::{Hash, Hasher};
    let count = key.chars().count();
    let third = len / 3;
    let at = |k: usize| key.char_indices().nth(k).map_or(key.len(), |(i, _)| i);
    let hash = |pieces: &[&str]| {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        pieces.hash(&mut h);
        h.finish()
    };
    let head = &key[..at((len - third).min(count))];
    let tail = &key[at(count.saturating_sub(len - third))..];
    let ends = [&key[..at(third)], &key[at(count.saturating_sub(third))..]];
    [hash(&[head]), hash(&[tail]), hash(&ends)]
}

struct Group {
    key: String,
    canonical: Option<&'static str>,
    surfaces: Vec<(String, usize)>,
    labels: HashMap<Label, usize>,
    articles: Vec<usize>,
}

impl Linker {
    fn add(&mut self, c: Candidate, wording: Wording) -> usize {
        let surface = strip_possessive(wording.surface);
        let key = canonical_key(surface, c.label);
        let group = self
            .acronyms
            .get(&(c.article, key.clone()))
            .copied()
            .or_else(|| match c.label {
                Label::Gpe | Label::Loc | Label::Norp | Label::Fac => None,
                _ if key.contains(' ') => None,
                _ => self.surnames.get(&(c.article, key.clone())).copied()?,
            })
            .or_else(|| {
                let capitals =
                    surface.len() >= 2 && surface.chars().all(|ch| ch.is_ascii_uppercase());
                capitals
                    .then(|| self.initials.get(&(c.article, key.clone())).copied())
                    .flatten()?
            })
            .or_else(|| self.by_key.get(&key).copied())
            .or_else(|| self.near_match(&key, c.label))
            .unwrap_or_else(|| self.new_group(&key));
        self.record(group, surface, c);
        if c.label == Label::Person {
            if let Some(last) = key.rsplit(' ').next().filter(|_| key.contains(' ')) {
                self.surnames
                    .entry((c.article, last.to_string()))
                    .and_modify(|g| {
                        if *g != Some(group) {
                            *g = None;
                        }
                    })
                    .or_insert(Some(group));
            }
        }
        if let Some(acronym) = wording.acronym {
            if acronym_fits(acronym, surface, c.label) {
                self.acronyms.insert((c.article, fold(acronym)), group);
            }
        }
        if matches!(c.label, Label::Org | Label::Law) {
            if let Some(letters) = initials(surface) {
                self.initials
                    .entry((c.article, letters))
                    .and_modify(|g| {
                        if *g != Some(group) {
                            *g = None;
                        }
                    })
                    .or_insert(Some(group));
            }
        }
        group
    }

    /// Merges each person whose name of two or more words ends exactly one
    /// longer person's name into it, and returns every group's surviving
    /// group. A dropped first name ("Tayyip Erdogan") is common, a shared
    /// two-word tail between different people is not.
    fn merge_dropped_first_names(&mut self) -> Vec<usize> {
        let mut root: Vec<usize> = (0..self.groups.len()).collect();
        let people: Vec<usize> = (0..self.groups.len())
            .filter(|&g| self.groups[g].main_label() == Label::Person)
            .collect();
        // What follows each space of each person's key ("tayyip erdogan"
        // and "erdogan" for "recep tayyip erdogan") → those people: the
        // longer names a key ends, without comparing every pair of people.
        let mut by_tail: HashMap<&str, Vec<usize>> = HashMap::new();
        for &h in &people {
            let key = &self.groups[h].key;
            for (space, _) in key.match_indices(' ') {
                by_tail.entry(&key[space + 1..]).or_default().push(h);
            }
        }
        for &g in &people {
            let key = &self.groups[g].key;
            if !key.contains(' ') {
                continue;
            }
            let longer: Vec<usize> = by_tail
                .get(key.as_str())
                .map(|hs| hs.iter().copied().filter(|&h| h != g).collect())
                .unwrap_or_default();
            if let [into] = longer[..] {
                root[g] = into;
            }
        }
        for g in 0..root.len() {
            let mut r = root[g];
            while root[r] != r {
                r = root[r];
            }
            root[g] = r;
            if r != g {
                let from = std::mem::take(&mut self.groups[g].surfaces);
                let labels = std::mem::take(&mut self.groups[g].labels);
                let articles = std::mem::take(&mut self.groups[g].articles);
                let into = &mut self.groups[r];
                for (s, n) in from {
                    match into.surfaces.iter_mut().find(|(t, _)| *t == s) {
                        Some((_, m)) => *m += n,
                        None => into.surfaces.push((s, n)),
                    }
                }
                for (l, n) in labels {
                    *into.labels.entry(l).or_insert(0) += n;
                }
                into.articles.extend(articles);
            }
        }
        root
    }

    fn new_group(&mut self, key: &str) -> usize {
        let canonical = variant_rows()
            .get(key)
            .map(|&r| aliases::VARIANTS[r][0])
            .filter(|name| fold(name) == key);
        self.groups.push(Group {
            key: key.to_string(),
            canonical,
            surfaces: Vec::new(),
            labels: HashMap::new(),
            articles: Vec::new(),
        });
        let index = self.groups.len() - 1;
        self.by_key.insert(key.to_string(), index);
        let len = key.chars().count();
        if len >= MIN_FUZZY_LEN {
            for (part, h) in parts(key, len).into_iter().enumerate() {
                self.by_part.entry((len, part, h)).or_default().push(index);
            }
        }
        index
    }

    /// A group whose key is one edit from `key`. Never for keys with
    /// digits: "737 MAX 8" and "737 MAX 9", "Airbus A320" and "Airbus
    /// A321" are different models, not typos.
    fn near_match(&self, key: &str, label: Label) -> Option<usize> {
        if key.chars().count() < MIN_FUZZY_LEN || key.chars().any(|c| c.is_ascii_digit()) {
            return None;
        }
        let n = key.chars().count();
        // The first group (in creation order) within one edit.
        [n - 1, n, n + 1]
            .iter()
            .flat_map(|&len| {
                let hashes = parts(key, len);
                (0..3).map(move |part| (len, part, hashes[part]))
            })
            .filter_map(|k| self.by_part.get(&k))
            .flat_map(|groups| groups.iter().copied())
            .filter(|&i| {
                let g = &self.groups[i];
                g.labels.contains_key(&label)
                    && g.key.chars().count() >= MIN_FUZZY_LEN
                    && within_one_edit(&g.key, key)
            })
            .min()
    }

    fn record(&mut self, group: usize, surface: &str, c: Candidate) {
        let g = &mut self.groups[group];
        match g.surfaces.iter_mut().find(|(s, _)| s == surface) {
            Some((_, n)) => *n += 1,
            None => g.surfaces.push((surface.to_string(), 1)),
        }
        *g.labels.entry(c.label).or_insert(0) += 1;
        if g.articles.last() != Some(&c.article) {
            g.articles.push(c.article);
        }
    }

    /// The entities of the groups that survived merging (`root[g] == g`),
    /// and each group's entity index (valid for surviving groups).
    fn finish(self, root: &[usize]) -> (Vec<Entity>, Vec<usize>) {
        let mut used_ids: HashMap<String, usize> = HashMap::new();
        let mut index = vec![0; self.groups.len()];
        let mut next = 0;
        for (g, &r) in root.iter().enumerate() {
            if r == g {
                index[g] = next;
                next += 1;
            }
        }
        let entities = self
            .groups
            .into_iter()
            .enumerate()
            .filter(|&(g, _)| root[g] == g)
            .map(|(_, g)| {
                let name = g
                    .canonical
                    .map(str::to_string)
                    .unwrap_or_else(|| display_name(&g.key, &g.surfaces));
                let label = g.main_label();
                let mut articles = g.articles;
                articles.sort_unstable();
                articles.dedup();
                let mut id = slug(&name);
                let seen = used_ids.entry(id.clone()).or_insert(0);
                *seen += 1;
                if *seen > 1 {
                    id = format!("{id}-{seen}");
                }
                Entity {
                    id,
                    aliases: g
                        .surfaces
                        .iter()
                        .map(|(s, _)| s.clone())
                        .filter(|s| *s != name)
                        .collect(),
                    mention_count: g.surfaces.iter().map(|(_, n)| n).sum(),
                    name,
                    label,
                    articles,
                }
            })
            .collect();
        (entities, index)
    }
}

impl Group {
    /// The label most of its mentions carry (ties: the earlier label).
    fn main_label(&self) -> Label {
        self.labels
            .iter()
            .max_by_key(|&(label, n)| (*n, std::cmp::Reverse(*label)))
            .map(|(label, _)| *label)
            .unwrap_or(Label::Org)
    }
}

/// The name shown for an entity: the form its key was made from (the
/// singular "S-400", the first spelling seen), in mixed case, of several
/// words ("Ismail Demir" over "Demir", a full name over its acronym), then the
/// most frequent and the longest. A name found only in capitals is shown in
/// title case.
fn display_name(key: &str, surfaces: &[(String, usize)]) -> String {
    let mixed_case = |s: &str| s.chars().any(char::is_lowercase);
    let best = surfaces
        .iter()
        .rev()
        .max_by_key(|(s, n)| (fold(s) == key, mixed_case(s), s.contains(' '), *n, s.len()))
        .map(|(s, _)| s.as_str())
        .unwrap_or_default();
    if mixed_case(best) || !best.contains(' ') {
        return best.to_string();
    }
    best.split(' ')
        .map(|word| {
            let mut chars = word.chars();
            chars.next().map_or_else(String::new, |first| {
                first
                    .to_uppercase()
                    .chain(chars.flat_map(char::to_lowercase))
                    .collect()
            })
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// "Russia's" → "Russia"; "allies'" → "allies".
fn strip_possessive(s: &str) -> &str {
    ["'s", "’s", "'", "’"]
        .iter()
        .find_map(|p| s.strip_suffix(p))
        .filter(|rest| !rest.is_empty())
        .unwrap_or(s)
}

/// Case, accents, dots and inner white space folded away, so surface
/// variants of one name compare equal.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_each(s, &mut out, |_, _| {});
    out.truncate(out.trim_end().len());
    out
}

/// Folds `s` onto `out` as [`fold`] does, calling `kept(original_byte,
/// folded_byte)` where each kept character starts, so a match found in the
/// folded text can be mapped back to the original (search snippets).
pub fn fold_each(s: &str, out: &mut String, mut kept: impl FnMut(usize, usize)) {
    for (i, c) in s.char_indices() {
        match c {
            '.' => {}
            c if c.is_whitespace() => {
                if !out.ends_with(' ') && !out.is_empty() {
                    kept(i, out.len());
                    out.push(' ');
                }
            }
            c => {
                kept(i, out.len());
                push_folded(out, c);
            }
        }
    }
}

/// Appends `c` folded as [`fold`] folds it: lowercase, Latin diacritics
/// removed. Search terms use it so a word folds exactly as a name does.
pub fn push_folded(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else {
        out.extend(fold_char(c).to_lowercase());
    }
}

/// Latin letters with diacritics to their base letter (ü → u, ç → c, ş → s).
fn fold_char(c: char) -> char {
    const FROM: &str = "ÀÁÂÃÄÅàáâãäåÇçĞğÈÉÊËèéêëÌÍÎÏìíîïİıÑñÒÓÔÕÖØòóôõöøŞşÙÚÛÜùúûüÝýÿŽž’";
    const TO: &str = "AAAAAAaaaaaaCcGgEEEEeeeeIIIIiiiiIiNnOOOOOOooooooSsUUUUuuuuYyyZz'";
    FROM.chars()
        .position(|f| f == c)
        .and_then(|i| TO.chars().nth(i))
        .unwrap_or(c)
}

/// Folded spelling variant → its row in [`aliases::VARIANTS`] (the first
/// row wins), built once: folding the whole table for every mention made
/// linking the slowest step of the analysis.
fn variant_rows() -> &'static HashMap<String, usize> {
    static ROWS: OnceLock<HashMap<String, usize>> = OnceLock::new();
    ROWS.get_or_init(|| {
        let mut rows = HashMap::new();
        for (r, row) in aliases::VARIANTS.iter().enumerate() {
            for v in row.iter() {
                rows.entry(fold(v)).or_insert(r);
            }
        }
        rows
    })
}

/// Legal-form suffixes a company's name may carry or drop ("Boeing Co.").
const COMPANY_SUFFIXES: &[&str] = &[" inc", " corp", " co", " ltd", " plc", " llc", " ag", " sa"];

/// The key an entity is found by: folded, curated variants mapped to their
/// canonical row, a company's legal form dropped ("Boeing Co." = "Boeing"),
/// and the plural of a model designator dropped ("S-400s").
fn canonical_key(surface: &str, label: Label) -> String {
    let mut key = fold(surface);
    if label == Label::Org {
        let trimmed = key.trim_end_matches(',');
        if let Some(base) = COMPANY_SUFFIXES
            .iter()
            .find_map(|s| trimmed.strip_suffix(s))
            .map(|b| b.trim_end_matches(','))
            .filter(|b| !b.is_empty())
        {
            key = base.to_string();
        }
    }
    if let Some(&row) = variant_rows().get(&key) {
        return fold(aliases::VARIANTS[row][0]);
    }
    let is_designator = key.chars().any(|c| c.is_ascii_digit());
    match key.strip_suffix('s') {
        Some(singular) if label == Label::Product && is_designator && !singular.ends_with(' ') => {
            singular.to_string()
        }
        _ => key,
    }
}

/// "(SSB)" right after a mention: an acronym the text defines for it.
pub(crate) fn bracketed_acronym(after: &str) -> Option<&str> {
    let inner = after.strip_prefix(" (")?;
    // An acronym has at most 10 bytes, so its ")" is within 11: looking
    // further (to the end of the article when none follows) made every
    // "Name (" of a long text cost the rest of the text.
    let close = inner.bytes().take(11).position(|b| b == b')')?;
    let acronym = &inner[..close];
    let letters = acronym.chars().filter(|c| c.is_uppercase()).count();
    (letters >= 2
        && acronym.len() <= 10
        && acronym.chars().all(|c| c.is_alphanumeric() || c == '-'))
    .then_some(acronym)
}

/// The lower-case initials of the capitalised words of a name of three or
/// more words ("National Transportation Safety Board" → "ntsb"; "Bank of
/// England" → "be"); `None` for shorter names, whose two letters would
/// match too much.
fn initials(name: &str) -> Option<String> {
    let words: Vec<&str> = name
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .collect();
    let letters: String = words
        .iter()
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .flat_map(|c| fold_char(c).to_lowercase())
        .collect();
    (words.len() >= 3 && letters.chars().count() >= 3).then_some(letters)
}

/// True if a bracketed `acronym` can stand for the mention `name` before it:
/// the name has several words, and the acronym's letters are, in order, the
/// initials or inner letters of its words, starting with its first word's
/// initial ("Federal Aviation Administration (FAA)", "UN Assistance Mission
/// in Afghanistan (UNAMA)", "Ministry of Health (MoH)"). A name of three or
/// more words of an organisation may also carry an acronym of its own
/// language ("Presidency of Defence Industries (SSB)", Turkish). A single
/// word never defines one: "WASHINGTON (AP)" is a dateline and its agency.
pub(crate) fn acronym_fits(acronym: &str, name: &str, label: Label) -> bool {
    let words: Vec<Vec<char>> = name
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty() && !w.eq_ignore_ascii_case("the"))
        .map(|w| fold(w).chars().filter(|c| c.is_alphanumeric()).collect())
        .filter(|w: &Vec<char>| !w.is_empty())
        .collect();
    if words.len() < 2 {
        return false;
    }
    let letters: Vec<char> = fold(acronym)
        .chars()
        .filter(char::is_ascii_alphabetic)
        .collect();
    let foreign = label == Label::Org && words.len() >= 3;
    foreign || (letters.first() == words[0].first() && letters_fit(&letters[1..], &words))
}

/// True if `letters` can be read, in order, from `words` after the first
/// word's initial: each letter either later in the current word or as the
/// initial of a later word (words may be skipped). Tracks, per word, the
/// earliest position reachable, so it stays linear however the letters
/// repeat.
fn letters_fit(letters: &[char], words: &[Vec<char>]) -> bool {
    let mut at: Vec<Option<usize>> = vec![None; words.len()];
    at[0] = Some(1);
    for &c in letters {
        let mut next: Vec<Option<usize>> = vec![None; words.len()];
        let keep = |v: usize, p: usize, next: &mut Vec<Option<usize>>| {
            if next[v].is_none_or(|q| p < q) {
                next[v] = Some(p);
            }
        };
        for w in 0..words.len() {
            let Some(a) = at[w] else {
                continue;
            };
            if let Some(p) = (a..words[w].len()).find(|&p| words[w][p] == c) {
                keep(w, p + 1, &mut next);
            }
            for (v, word) in words.iter().enumerate().skip(w + 1) {
                if word[0] == c {
                    keep(v, 1, &mut next);
                }
            }
        }
        if next.iter().all(Option::is_none) {
            return false;
        }
        at = next;
    }
    true
}

/// True if `a` becomes `b` by at most one insertion, deletion or substitution.
fn within_one_edit(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    if long.len() - short.len() > 1 {
        return false;
    }
    let prefix = short
        .iter()
        .zip(long.iter())
        .take_while(|(x, y)| x == y)
        .count();
    if short.len() == long.len() {
        short[prefix..]
            .iter()
            .skip(1)
            .eq(long[prefix..].iter().skip(1))
    } else {
        short[prefix..] == long[prefix + 1..]
    }
}

/// Lowercase ASCII words joined by dashes, for ids in URLs and attributes.
fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in fold(name).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let trimmed = out.trim_end_matches('-');
    if trimmed.is_empty() {
        "entity".to_string()
    } else {
        trimmed.to_string()
    }
}

#[cfg(test)]
mod tests;
