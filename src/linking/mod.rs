//! Cross-article entity linking: one canonical entity per real-world thing.
//!
//! Mentions are linked in reading order, so a later short form can lean on an
//! earlier full one. A mention joins an existing entity when, in order:
//! 1. it is an acronym the same article introduced in brackets right after a
//!    mention ("Presidency of Defence Industries (SSB)");
//! 2. it is a one-word person name equal to the surname of a person already
//!    named in the same article ("Demir" after "Ismail Demir");
//! 3. its folded form (case, accents, dots, possessive and designator plural
//!    removed; curated variants mapped) equals an entity's key
//!    ("Türkiye" = "Turkey", "S-400s" = "S-400", "U.S." = "US");
//! 4. its folded form is one edit away from a long key of the same type
//!    ("Defence Industries" = "Defense Industries"), which absorbs spelling
//!    variants and typos without merging short names like Iran and Iraq.

mod aliases;

use crate::label::Label;
use crate::text::Span;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
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

/// Links `candidates` (any order) over `texts` (one per article index).
/// Returns the entities and, for each candidate, its entity's index.
pub fn link(texts: &[&str], candidates: &[Candidate]) -> (Vec<Entity>, Vec<usize>) {
    let mut order: Vec<usize> = (0..candidates.len()).collect();
    order.sort_by_key(|&i| (candidates[i].article, candidates[i].span.start));
    let mut linker = Linker::default();
    let mut assigned = vec![0; candidates.len()];
    for i in order {
        assigned[i] = linker.add(texts, candidates[i]);
    }
    (linker.finish(), assigned)
}

#[derive(Default)]
struct Linker {
    groups: Vec<Group>,
    by_key: HashMap<String, usize>,
    /// (article, acronym key) → group, from "Long Name (ACRONYM)".
    acronyms: HashMap<(usize, String), usize>,
    /// (article, surname key) → group of the person first named in full.
    surnames: HashMap<(usize, String), usize>,
    /// Key length in characters → groups with keys that long, so a new name
    /// is compared only with keys one edit could reach.
    by_chars: HashMap<usize, Vec<usize>>,
}

struct Group {
    key: String,
    canonical: Option<&'static str>,
    surfaces: Vec<(String, usize)>,
    labels: HashMap<Label, usize>,
    articles: Vec<usize>,
}

impl Linker {
    fn add(&mut self, texts: &[&str], c: Candidate) -> usize {
        let text = texts[c.article];
        let surface = strip_possessive(c.span.of(text));
        let key = canonical_key(surface, c.label);
        let group = self
            .acronyms
            .get(&(c.article, key.clone()))
            .or_else(|| match c.label {
                Label::Person if !key.contains(' ') => self.surnames.get(&(c.article, key.clone())),
                _ => None,
            })
            .copied()
            .or_else(|| self.by_key.get(&key).copied())
            .or_else(|| self.near_match(&key, c.label))
            .unwrap_or_else(|| self.new_group(&key));
        self.record(group, surface, c);
        if c.label == Label::Person {
            if let Some(last) = key.rsplit(' ').next().filter(|_| key.contains(' ')) {
                self.surnames
                    .entry((c.article, last.to_string()))
                    .or_insert(group);
            }
        }
        if let Some(acronym) = bracketed_acronym(&text[c.span.end..]) {
            self.acronyms.insert((c.article, fold(acronym)), group);
        }
        group
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
        self.by_chars
            .entry(key.chars().count())
            .or_default()
            .push(index);
        index
    }

    fn near_match(&self, key: &str, label: Label) -> Option<usize> {
        const MIN_FUZZY_LEN: usize = 8;
        if key.chars().count() < MIN_FUZZY_LEN {
            return None;
        }
        let n = key.chars().count();
        // The first group (in creation order) within one edit.
        [n - 1, n, n + 1]
            .iter()
            .filter_map(|len| self.by_chars.get(len))
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

    fn finish(self) -> Vec<Entity> {
        let mut used_ids: HashMap<String, usize> = HashMap::new();
        self.groups
            .into_iter()
            .map(|g| {
                let name = g
                    .canonical
                    .map(str::to_string)
                    .unwrap_or_else(|| display_name(&g.key, &g.surfaces));
                let label = g
                    .labels
                    .iter()
                    .max_by_key(|&(label, n)| (*n, std::cmp::Reverse(*label)))
                    .map(|(label, _)| *label)
                    .unwrap_or(Label::Org);
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
            .collect()
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
            c if c.is_ascii() => {
                kept(i, out.len());
                out.push(c.to_ascii_lowercase());
            }
            c => {
                kept(i, out.len());
                out.extend(fold_char(c).to_lowercase());
            }
        }
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

/// The key an entity is found by: folded, curated variants mapped to their
/// canonical row, and the plural of a model designator dropped ("S-400s").
fn canonical_key(surface: &str, label: Label) -> String {
    let key = fold(surface);
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
fn bracketed_acronym(after: &str) -> Option<&str> {
    let inner = after.strip_prefix(" (")?;
    let close = inner.find(')')?;
    let acronym = &inner[..close];
    let letters = acronym.chars().filter(|c| c.is_uppercase()).count();
    (letters >= 2
        && acronym.len() <= 10
        && acronym.chars().all(|c| c.is_alphanumeric() || c == '-'))
    .then_some(acronym)
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
