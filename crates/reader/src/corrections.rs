//! The reader's corrections to the analysis: rename an entity, merge two,
//! change a type, hide a false one. They are kept as an ordered log applied
//! on top of a fresh analysis, so they survive re-analysis and undo is just
//! dropping the last entry. Each names its entity by canonical id *and* by
//! the surface forms it had, so it still finds its entity if a re-analysis
//! (new articles, a new model) gives that entity another id.

use dateline_engine::corpus::Corpus;
use dateline_engine::label::Label;
use dateline_engine::linking::{fold, Entity};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::sync::Arc;

/// How a correction finds its entity again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntityKey {
    pub id: String,
    /// The name and aliases when the correction was made.
    pub forms: Vec<String>,
}

impl EntityKey {
    /// The key of `entity` as it is now.
    pub fn of(entity: &Entity) -> EntityKey {
        let mut forms = vec![entity.name.clone()];
        forms.extend(entity.aliases.iter().cloned());
        EntityKey {
            id: entity.id.clone(),
            forms,
        }
    }

    /// The entity this key names in `entities`: by id, else by a shared form.
    pub fn find(&self, entities: &[Entity]) -> Option<usize> {
        entities.iter().position(|e| e.id == self.id).or_else(|| {
            let forms: BTreeSet<String> = self.forms.iter().map(|f| fold(f)).collect();
            entities.iter().position(|e| {
                std::iter::once(&e.name)
                    .chain(&e.aliases)
                    .any(|f| forms.contains(&fold(f)))
            })
        })
    }
}

/// One correction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Correction {
    Rename {
        entity: EntityKey,
        name: String,
    },
    Relabel {
        entity: EntityKey,
        label: Label,
    },
    /// `from` becomes part of `into`.
    Merge {
        from: EntityKey,
        into: EntityKey,
    },
    /// A false entity: its mentions stop being highlighted.
    Hide {
        entity: EntityKey,
    },
}

impl Correction {
    /// A short description for the undo button and the history.
    pub fn describe(&self) -> String {
        let first = |k: &EntityKey| k.forms.first().cloned().unwrap_or_else(|| k.id.clone());
        match self {
            Correction::Rename { entity, name } => format!("rename {} to {name}", first(entity)),
            Correction::Relabel { entity, label } => {
                format!(
                    "make {} {}",
                    first(entity),
                    label.description().to_lowercase()
                )
            }
            Correction::Merge { from, into } => {
                format!("merge {} into {}", first(from), first(into))
            }
            Correction::Hide { entity } => format!("hide {}", first(entity)),
        }
    }
}

/// Applies `corrections` in order. A correction whose entity no longer
/// exists is skipped, never an error: the corpus may have changed under it.
pub fn apply(corpus: &mut Corpus, corrections: &[Correction]) {
    for c in corrections {
        match c {
            Correction::Rename { entity, name } => {
                if let Some(i) = entity.find(&corpus.entities) {
                    let e = &mut Arc::make_mut(&mut corpus.entities)[i];
                    let old = std::mem::replace(&mut e.name, name.clone());
                    if !e.aliases.contains(&old) {
                        e.aliases.push(old);
                    }
                    e.aliases.retain(|a| a != name);
                }
            }
            Correction::Relabel { entity, label } => {
                if let Some(i) = entity.find(&corpus.entities) {
                    Arc::make_mut(&mut corpus.entities)[i].label = *label;
                    for m in corpus
                        .articles
                        .iter_mut()
                        .flat_map(|a| a.mentions.iter_mut())
                    {
                        if m.entity == i {
                            m.label = *label;
                        }
                    }
                }
            }
            Correction::Merge { from, into } => {
                let (Some(f), Some(t)) = (from.find(&corpus.entities), into.find(&corpus.entities))
                else {
                    continue;
                };
                if f != t {
                    merge(corpus, f, t);
                }
            }
            Correction::Hide { entity } => {
                if let Some(i) = entity.find(&corpus.entities) {
                    remove_entity(corpus, i);
                }
            }
        }
    }
}

/// Moves every mention of entity `from` to `into`, then drops `from`.
fn merge(corpus: &mut Corpus, from: usize, into: usize) {
    let label = corpus.entities[into].label;
    let entities = Arc::make_mut(&mut corpus.entities);
    let (gone, kept) = (entities[from].clone(), &mut entities[into]);
    for form in std::iter::once(gone.name).chain(gone.aliases) {
        if form != kept.name && !kept.aliases.contains(&form) {
            kept.aliases.push(form);
        }
    }
    kept.mention_count += gone.mention_count;
    kept.articles.extend(gone.articles);
    kept.articles.sort_unstable();
    kept.articles.dedup();
    for m in corpus
        .articles
        .iter_mut()
        .flat_map(|a| a.mentions.iter_mut())
    {
        if m.entity == from {
            m.entity = into;
            m.label = label;
        }
    }
    let events = Arc::make_mut(&mut corpus.events);
    for e in events.iter_mut().flat_map(|e| e.entities.iter_mut()) {
        if *e == from {
            *e = into;
        }
    }
    remove_entity(corpus, from);
}

/// Removes entity `index` and its mentions (none are left after a merge),
/// renumbering every reference to later entities.
fn remove_entity(corpus: &mut Corpus, index: usize) {
    Arc::make_mut(&mut corpus.entities).remove(index);
    let renumber = |e: usize| if e > index { e - 1 } else { e };
    for a in &mut corpus.articles {
        a.mentions.retain(|m| m.entity != index);
        for m in &mut a.mentions {
            m.entity = renumber(m.entity);
        }
    }
    for event in Arc::make_mut(&mut corpus.events) {
        event.entities.retain(|&e| e != index);
        for e in &mut event.entities {
            *e = renumber(*e);
        }
        event.entities.sort_unstable();
        event.entities.dedup();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::seed_corpus as seeds;

    fn key(corpus: &Corpus, id: &str) -> EntityKey {
        EntityKey::of(&corpus.entities[corpus.entity_index(id).unwrap()])
    }

    /// Every mention and event points at an existing entity, and counts agree.
    fn assert_consistent(corpus: &Corpus) {
        let n = corpus.entities.len();
        for (i, e) in corpus.entities.iter().enumerate() {
            let mentions: Vec<_> = corpus
                .articles
                .iter()
                .flat_map(|a| &a.mentions)
                .filter(|m| m.entity == i)
                .collect();
            assert_eq!(mentions.len(), e.mention_count, "{}", e.name);
            assert!(mentions.iter().all(|m| m.label == mentions[0].label));
        }
        assert!(corpus
            .events
            .iter()
            .flat_map(|e| &e.entities)
            .all(|&e| e < n));
    }

    #[test]
    fn merge_rename_relabel_hide_apply_across_articles() {
        let mut corpus = seeds();
        let before = corpus.entities.len();
        let ssb = key(&corpus, "presidency-of-defence-industries");
        let defense = key(&corpus, "defense-industries");
        let sputnik = key(&corpus, "sputnik");
        let log = vec![
            Correction::Merge {
                from: defense.clone(),
                into: ssb.clone(),
            },
            Correction::Rename {
                entity: ssb.clone(),
                name: "SSB (Presidency of Defence Industries)".into(),
            },
            Correction::Relabel {
                entity: sputnik.clone(),
                label: Label::Org,
            },
            Correction::Hide {
                entity: key(&corpus, "moscow"),
            },
        ];
        apply(&mut corpus, &log);
        assert_consistent(&corpus);
        assert_eq!(corpus.entities.len(), before - 2);
        let merged = &corpus.entities[corpus
            .entity_index("presidency-of-defence-industries")
            .unwrap()];
        assert_eq!(merged.name, "SSB (Presidency of Defence Industries)");
        assert!(merged.aliases.contains(&"Defense Industries".to_string()));
        assert!(merged
            .aliases
            .contains(&"Presidency of Defence Industries".to_string()));
        assert_eq!(merged.articles, [0, 1]);
        assert_eq!(
            corpus.entities[corpus.entity_index("sputnik").unwrap()].label,
            Label::Org
        );
        assert!(corpus.entity_index("moscow").is_none());
        let text = &corpus.articles[0].article.text;
        assert!(!corpus.articles[0]
            .mentions
            .iter()
            .any(|m| m.span.of(text) == "MOSCOW"));
    }

    #[test]
    fn corrections_survive_a_new_id_through_their_surface_forms() {
        let mut corpus = seeds();
        let mut demir = key(&corpus, "ismail-demir");
        demir.id = "a-renamed-id".into();
        apply(
            &mut corpus,
            &[Correction::Relabel {
                entity: demir,
                label: Label::Org,
            }],
        );
        let i = corpus.entity_index("ismail-demir").unwrap();
        assert_eq!(corpus.entities[i].label, Label::Org);
        assert_consistent(&corpus);
    }

    #[test]
    fn stale_corrections_are_skipped_and_logs_round_trip_as_json() {
        let mut corpus = seeds();
        let ghost = EntityKey {
            id: "nobody".into(),
            forms: vec!["Nobody At All".into()],
        };
        let log = vec![
            Correction::Hide {
                entity: ghost.clone(),
            },
            Correction::Merge {
                from: ghost,
                into: key(&corpus, "turkey"),
            },
        ];
        let before = corpus.clone();
        apply(&mut corpus, &log);
        assert_eq!(corpus, before);
        let json = serde_json::to_string(&log).unwrap();
        assert!(json.contains("\"op\":\"merge\""));
        assert_eq!(serde_json::from_str::<Vec<Correction>>(&json).unwrap(), log);
        assert_eq!(log[0].describe(), "hide Nobody At All");
    }
}
