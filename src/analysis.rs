//! The one entry point the CLI and the reader share: files in, a fully
//! analysed corpus out.

use crate::article::{self, Article, BlockKind, ParseError};
use crate::events::{self, Event};
use crate::label::Label;
use crate::linking::{self, Candidate, Entity};
use crate::ner::{Recognizer, Segment};
use crate::text::Span;
use crate::timex::{self, Timex};
use serde::{Deserialize, Serialize};

/// One file to analyse: its name (for errors and ids) and raw bytes.
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    pub path: &'a str,
    pub bytes: &'a [u8],
}

/// An entity mention in an article, linked to `Corpus::entities[entity]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    pub span: Span,
    pub label: Label,
    pub entity: usize,
}

/// An article with everything found in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnalyzedArticle {
    pub article: Article,
    /// Sorted by start, non-overlapping.
    pub mentions: Vec<Mention>,
    /// Sorted by start.
    pub timexes: Vec<Timex>,
}

/// A file that could not be used, and why: shown to the reader, never fatal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    pub path: String,
    pub error: ParseError,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.error)
    }
}

/// The analysed corpus: articles in reading order (by date, then id).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Corpus {
    pub articles: Vec<AnalyzedArticle>,
    pub entities: Vec<Entity>,
    pub events: Vec<Event>,
    pub problems: Vec<Problem>,
}

impl Corpus {
    /// The index of the article with this id.
    pub fn article_index(&self, id: &str) -> Option<usize> {
        self.articles.iter().position(|a| a.article.id == id)
    }

    /// The index of the entity with this id.
    pub fn entity_index(&self, id: &str) -> Option<usize> {
        self.entities.iter().position(|e| e.id == id)
    }
}

/// Parses, tags, links and dates every input. Malformed files become
/// [`Problem`]s; the rest are analysed as usual.
pub fn analyze<'a>(inputs: impl IntoIterator<Item = Input<'a>>) -> Corpus {
    let mut problems = Vec::new();
    let mut articles: Vec<Article> = Vec::new();
    for input in inputs {
        match article::parse(input.path, input.bytes) {
            Ok(a) => articles.push(a),
            Err(error) => problems.push(Problem {
                path: input.path.to_string(),
                error,
            }),
        }
    }
    articles.sort_by(|a, b| (a.date, &a.id).cmp(&(b.date, &b.id)));

    let recognizer = Recognizer::bundled();
    let mut candidates = Vec::new();
    let mut timexes = Vec::with_capacity(articles.len());
    for (index, a) in articles.iter().enumerate() {
        let segments: Vec<Segment> = a
            .blocks
            .iter()
            .map(|b| Segment {
                span: b.span,
                headline: matches!(b.kind, BlockKind::Title | BlockKind::RepeatedTitle),
            })
            .collect();
        candidates.extend(
            recognizer
                .recognize(&a.text, &segments)
                .into_iter()
                .map(|m| Candidate {
                    article: index,
                    span: m.span,
                    label: m.label,
                }),
        );
        timexes.push(timex::tag(&a.text, a.body_span(), a.date));
    }

    let texts: Vec<&str> = articles.iter().map(|a| a.text.as_str()).collect();
    let (entities, assigned) = linking::link(&texts, &candidates);
    let mut mentions: Vec<Vec<Mention>> = vec![Vec::new(); articles.len()];
    for (c, entity) in candidates.iter().zip(assigned) {
        mentions[c.article].push(Mention {
            span: c.span,
            label: c.label,
            entity,
        });
    }

    let articles: Vec<AnalyzedArticle> = articles
        .into_iter()
        .zip(mentions)
        .zip(timexes)
        .map(|((article, mut mentions), timexes)| {
            mentions.sort_by_key(|m| m.span.start);
            AnalyzedArticle {
                article,
                mentions,
                timexes,
            }
        })
        .collect();
    let events = events::collect(&articles);
    Corpus {
        articles,
        entities,
        events,
        problems,
    }
}
