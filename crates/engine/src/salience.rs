//! Which articles and events matter most to a corpus's story: what a
//! timeline draws first when a stretch of time holds more than it can show.
//!
//! Computed from the entity and event tables alone, once per corpus: at
//! build time for a bundle (its boot part carries it, so the page's first
//! timeline is final before the links between articles have loaded), and
//! in the page only for a corpus the reader changed (added articles).

use crate::corpus::{Corpus, Event};
use crate::linking::Entity;
use serde::{Deserialize, Serialize};

/// Each article's and each event's salience, by index; higher is drawn first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Salience {
    /// See [`article_salience`].
    pub articles: Vec<u32>,
    /// See [`event_salience`].
    pub events: Vec<u32>,
}

impl Salience {
    /// The salience of every article and event of `corpus`.
    pub fn of(corpus: &Corpus) -> Salience {
        Salience::new(corpus.articles.len(), &corpus.entities, &corpus.events)
    }

    /// The salience of `articles` articles, from the tables that link them:
    /// what a bundle's build has before (or without) the texts.
    pub fn new(articles: usize, entities: &[Entity], events: &[Event]) -> Salience {
        Salience {
            articles: article_salience(articles, entities, events),
            events: events.iter().map(event_salience).collect(),
        }
    }

    /// Article `i`'s salience (0 for an article it does not know).
    pub fn article(&self, i: usize) -> u32 {
        self.articles.get(i).copied().unwrap_or(0)
    }

    /// Event `e`'s salience (0 for an event it does not know).
    pub fn event(&self, e: usize) -> u32 {
        self.events.get(e).copied().unwrap_or(0)
    }
}

/// Why an article is drawn before its neighbours: the threads that cross
/// it. Each entity it names that other articles also name counts one, each
/// period it dates that other articles also tell counts one. An article
/// that ties the story together beats a brief that mentions nobody else.
pub fn article_salience(articles: usize, entities: &[Entity], events: &[Event]) -> Vec<u32> {
    let mut salience = vec![0u32; articles];
    let mut count = |article: usize| {
        if let Some(s) = salience.get_mut(article) {
            *s += 1;
        }
    };
    for entity in entities.iter().filter(|e| e.articles.len() > 1) {
        entity.articles.iter().for_each(|&a| count(a));
    }
    // Counted in place: gathering the articles first grew a vector of a
    // million entries at 100,000 articles.
    for event in events {
        let first = event.sources.first().map(|s| s.article);
        if event.sources.iter().any(|s| Some(s.article) != first) {
            event.sources.iter().for_each(|s| count(s.article));
        }
    }
    salience
}

/// Why an event is drawn before others: the articles telling it (weighted
/// most, since a period several sources date is the story's backbone), then
/// the entities involved.
pub fn event_salience(event: &Event) -> u32 {
    let sources = event.sources.len().min(10_000) as u32;
    sources * 16 + event.entities.len().min(15) as u32
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyze;
    use crate::corpus::Input;

    fn corpus() -> Corpus {
        let a = b" date 2022-04-27 Wire\nTurkey and Greece talk\n\nTurkey and Greece met in Ankara on Monday. Turkey and Greece agreed in December 2020 to talk.\n";
        let b = b" date 2022-04-28 Post\nGreece answers Turkey\n\nGreece said Turkey had agreed in December 2020 to talk.\n";
        let c = b" date 2022-04-29 Post\nWeather\n\nIt rained in Oslo.\n";
        analyze([
            Input {
                path: "a.txt",
                bytes: a,
            },
            Input {
                path: "b.txt",
                bytes: b,
            },
            Input {
                path: "c.txt",
                bytes: c,
            },
        ])
    }

    #[test]
    fn articles_sharing_entities_and_periods_outrank_loners() {
        let corpus = corpus();
        let salience = Salience::of(&corpus);
        let shared = corpus
            .entities
            .iter()
            .filter(|e| e.articles.len() > 1)
            .count() as u32;
        assert!(shared >= 2, "Turkey and Greece are in both: {shared}");
        let loner = corpus.article_index("c").unwrap();
        assert_eq!(salience.article(loner), 0);
        for id in ["a", "b"] {
            let i = corpus.article_index(id).unwrap();
            // Plus December 2020, told by both.
            assert!(salience.article(i) > shared, "{id}: {salience:?}");
        }
        assert_eq!(salience.article(99), 0);
    }

    #[test]
    fn a_period_told_by_more_articles_outranks_one_told_once() {
        let corpus = corpus();
        let salience = Salience::of(&corpus);
        assert_eq!(salience.events.len(), corpus.events.len());
        let told = |e: usize| corpus.events[e].sources.len();
        let (most, least) = (0..corpus.events.len()).fold((0, 0), |(hi, lo), e| {
            (
                if told(e) > told(hi) { e } else { hi },
                if told(e) < told(lo) { e } else { lo },
            )
        });
        assert!(told(most) > told(least), "{:?}", corpus.events);
        assert!(salience.event(most) > salience.event(least));
    }
}
