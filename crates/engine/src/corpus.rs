//! The analysed corpus as the CLI, the bundle and the reader see it:
//! articles with their linked mentions and dates, the canonical entities,
//! the timeline's events, and the files that could not be used. Plain data:
//! [`crate::analysis`] builds it, [`crate::events`] reads it.

use crate::article::{Article, ParseError};
use crate::label::Label;
use crate::linking::Entity;
use crate::text::Span;
use crate::timex::Timex;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

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
///
/// The entity and event tables are shared ([`Arc`]; `Arc::make_mut` to
/// change one): two corpora can stand on one table, as the page's outline
/// on show and the corpus its texts are filled into do while the texts
/// load (a copy of the 272,000 events of 100,000 articles was ~30 MB of the
/// page's peak memory).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Corpus {
    pub articles: Vec<AnalyzedArticle>,
    pub entities: Arc<Vec<Entity>>,
    pub events: Arc<Vec<Event>>,
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

/// Where an event is told: an article, the sentence, and the date phrase in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventSource {
    pub article: usize,
    pub sentence: Span,
    pub timex: Span,
}

/// A period of time the corpus talks about, with what happened in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// First day of the period.
    #[serde(with = "crate::serde_date")]
    pub start: NaiveDate,
    /// Day after the period ends, so a month is drawn as a month-wide span.
    #[serde(with = "crate::serde_date")]
    pub end: NaiveDate,
    /// The TIMEX3 value, e.g. "2020-12".
    pub value: String,
    /// Every sentence that tells it, in corpus order.
    pub sources: Vec<EventSource>,
    /// Entities mentioned in those sentences (indices into the corpus entities).
    pub entities: Vec<usize>,
}

impl Event {
    /// The period in words, as precise as the text was: "9 February 2022",
    /// "December 2020", "2019", "the week of 18 April 2022".
    pub fn when(&self) -> String {
        crate::timex::period_in_words(self.start, self.end)
    }
}
