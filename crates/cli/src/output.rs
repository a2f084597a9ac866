//! The CLI's JSON Lines contract, one object per article, relied on by the
//! scorer, the benchmarks and outside tests:
//! `{"path","date","source","title","entities":[{"start","end","text","label","entity"}],
//!   "timexes":[{"start","end","text","type","value"}]}` with UTF-8 byte offsets.

use dateline_engine::corpus::{AnalyzedArticle, Corpus};
use dateline_engine::label::Label;
use dateline_engine::timex::TimexType;
use serde::Serialize;

/// One article as written by `dateline analyze --json`.
#[derive(Debug, Serialize)]
pub struct ArticleRecord<'a> {
    pub path: &'a str,
    pub date: String,
    pub source: &'a str,
    pub title: &'a str,
    pub entities: Vec<EntityRecord<'a>>,
    pub timexes: Vec<TimexRecord<'a>>,
}

/// One entity mention with its canonical entity id.
#[derive(Debug, Serialize)]
pub struct EntityRecord<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    pub label: Label,
    pub entity: &'a str,
}

/// One temporal expression with its TIMEX3 type and value.
#[derive(Debug, Serialize)]
pub struct TimexRecord<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    #[serde(rename = "type")]
    pub kind: TimexType,
    pub value: &'a str,
}

impl<'a> ArticleRecord<'a> {
    /// The record for `analyzed`, resolving entity ids through `corpus`.
    pub fn new(corpus: &'a Corpus, analyzed: &'a AnalyzedArticle) -> ArticleRecord<'a> {
        let a = &analyzed.article;
        ArticleRecord {
            path: &a.path,
            date: a.date.format("%Y-%m-%d").to_string(),
            source: &a.source,
            title: a.title(),
            entities: analyzed
                .mentions
                .iter()
                .map(|m| EntityRecord {
                    start: m.span.start,
                    end: m.span.end,
                    text: m.span.of(&a.text),
                    label: m.label,
                    entity: &corpus.entities[m.entity].id,
                })
                .collect(),
            timexes: analyzed
                .timexes
                .iter()
                .map(|t| TimexRecord {
                    start: t.span.start,
                    end: t.span.end,
                    text: t.span.of(&a.text),
                    kind: t.kind,
                    value: &t.value,
                })
                .collect(),
        }
    }
}

/// The whole corpus as JSON Lines, in reading order.
pub fn json_lines(corpus: &Corpus) -> String {
    let mut out = String::new();
    for analyzed in &corpus.articles {
        let record = ArticleRecord::new(corpus, analyzed);
        // Serialising plain strings, numbers and enums cannot fail.
        out.push_str(&serde_json::to_string(&record).unwrap_or_default());
        out.push('\n');
    }
    out
}
