//! Entities offered as the reader types in the search box: a name, an alias
//! ("Türkiye" offers Turkey) or any word of one ("erdogan" offers Recep
//! Tayyip Erdoğan) that starts with what was typed. Choosing one filters by
//! the entity, which finds articles naming it in any form.

use dateline_engine::corpus::Corpus;
use dateline_engine::linking::fold;

/// Every word-start of every entity name and alias, folded and sorted, so a
/// prefix is a binary search: built once per corpus (its names change only
/// with the reader's corrections).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EntityNames {
    keys: Vec<(String, u32)>,
}

/// An entity that matches what was typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameMatch {
    pub entity: usize,
    /// The alias that matched when it is not the canonical name.
    pub alias: Option<String>,
}

/// Fewer than this many typed characters offer nothing: one letter matches
/// thousands of names.
const MIN_TYPED: usize = 2;

impl EntityNames {
    /// Indexes the names and aliases of `corpus`'s entities.
    pub fn new(corpus: &Corpus) -> EntityNames {
        let mut keys = Vec::new();
        for (e, entity) in corpus.entities.iter().enumerate() {
            for name in std::iter::once(&entity.name).chain(&entity.aliases) {
                let folded = fold(name);
                let mut start = 0;
                while start < folded.len() {
                    keys.push((folded[start..].to_owned(), e as u32));
                    match folded[start..].find(' ') {
                        Some(space) => start += space + 1,
                        None => break,
                    }
                }
            }
        }
        keys.sort_unstable();
        keys.dedup();
        EntityNames { keys }
    }

    /// Up to `limit` entities with a name, alias or name word starting with
    /// `typed`, the most mentioned first.
    pub fn matching(&self, corpus: &Corpus, typed: &str, limit: usize) -> Vec<NameMatch> {
        let wanted = fold(typed.trim());
        if wanted.chars().count() < MIN_TYPED {
            return Vec::new();
        }
        let from = self
            .keys
            .partition_point(|(k, _)| k.as_str() < wanted.as_str());
        let mut entities: Vec<usize> = self.keys[from..]
            .iter()
            .take_while(|(k, _)| k.starts_with(&wanted))
            .map(|&(_, e)| e as usize)
            .filter(|&e| e < corpus.entities.len())
            .collect();
        entities.sort_unstable();
        entities.dedup();
        entities.sort_by(|&a, &b| {
            let (a, b) = (&corpus.entities[a], &corpus.entities[b]);
            b.mention_count
                .cmp(&a.mention_count)
                .then_with(|| a.name.cmp(&b.name))
        });
        entities.truncate(limit);
        entities
            .into_iter()
            .map(|e| NameMatch {
                entity: e,
                alias: matched_alias(corpus, e, &wanted),
            })
            .collect()
    }
}

/// The alias `wanted` matched, if the canonical name does not match it.
fn matched_alias(corpus: &Corpus, entity: usize, wanted: &str) -> Option<String> {
    let starts = |name: &str| {
        let folded = fold(name);
        folded.starts_with(wanted) || folded.split(' ').any(|w| w.starts_with(wanted))
    };
    let e = &corpus.entities[entity];
    if starts(&e.name) {
        return None;
    }
    e.aliases.iter().find(|a| starts(a)).cloned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_aliases_and_name_words_are_offered_most_mentioned_first() {
        let corpus = crate::testing::seed_corpus();
        let names = EntityNames::new(&corpus);
        let ids = |typed: &str| -> Vec<String> {
            names
                .matching(&corpus, typed, 5)
                .iter()
                .map(|m| corpus.entities[m.entity].id.clone())
                .collect()
        };
        // The 2022 seed writes Turkiye; linking made it an alias of Turkey.
        let turkiye = names.matching(&corpus, "Türki", 5);
        assert_eq!(corpus.entities[turkiye[0].entity].id, "turkey");
        assert_eq!(turkiye[0].alias.as_deref(), Some("Turkiye"));
        assert!(
            ids("demir").contains(&"ismail-demir".to_string()),
            "a word of the name"
        );
        let tu = names.matching(&corpus, "tu", 10);
        assert!(tu
            .windows(2)
            .all(|w| corpus.entities[w[0].entity].mention_count
                >= corpus.entities[w[1].entity].mention_count));
        assert!(ids("t").is_empty(), "one letter offers nothing");
        assert!(ids("zzzz").is_empty());
    }
}
