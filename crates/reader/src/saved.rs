//! What the reader keeps in the browser and carries between machines: the
//! articles they added and their corrections, versioned so an older saved
//! state still loads after an upgrade and a newer one is refused clearly
//! instead of being misread.

use crate::corrections::{self, Correction};
use chrono::NaiveDate;
use dateline_engine::analysis::{self, Tagged};
use dateline_engine::article::{Article, ParseError};
use dateline_engine::corpus::{Corpus, Problem};
use dateline_engine::import;
use serde::{Deserialize, Serialize};

/// The saved-state format this build writes.
pub const VERSION: u32 = 2;

/// An article the reader added: the file as read, and the date they gave it
/// if the file had none. Kept as text so a better engine re-analyses it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddedArticle {
    /// The file name, unique among added articles.
    pub path: String,
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
}

impl AddedArticle {
    /// Reads it as an article (seed format or plain text).
    pub fn read(&self) -> Result<Article, ParseError> {
        import::read(&self.path, self.text.as_bytes(), self.date)
    }
}

/// Everything the reader changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct SavedState {
    pub added: Vec<AddedArticle>,
    pub corrections: Vec<Correction>,
}

/// On disk: the state with its format version.
#[derive(Serialize, Deserialize)]
struct Versioned {
    version: u32,
    #[serde(flatten)]
    state: serde_json::Value,
}

/// Version 1 had no per-article dates: headerless articles were refused.
#[derive(Deserialize)]
struct V1 {
    added: Vec<V1Article>,
    corrections: Vec<Correction>,
}

#[derive(Deserialize)]
struct V1Article {
    path: String,
    text: String,
}

impl SavedState {
    /// The versioned JSON this build writes.
    pub fn to_json(&self) -> String {
        let state = serde_json::to_value(self).unwrap_or_default();
        serde_json::to_string(&Versioned {
            version: VERSION,
            state,
        })
        .unwrap_or_default()
    }

    /// Reads any version up to [`VERSION`], migrating older ones.
    pub fn from_json(json: &str) -> Result<SavedState, String> {
        let versioned: Versioned =
            serde_json::from_str(json).map_err(|e| format!("not a Dateline state: {e}"))?;
        match versioned.version {
            1 => {
                let v1: V1 = serde_json::from_value(versioned.state).map_err(|e| format!("damaged version 1 state: {e}"))?;
                Ok(SavedState {
                    added: v1
                        .added
                        .into_iter()
                        .map(|a| AddedArticle {
                            path: a.path,
                            text: a.text,
                            date: None,
                        })
                        .collect(),
                    corrections: v1.corrections,
                })
            }
            VERSION => serde_json::from_value(versioned.state).map_err(|e| format!("damaged state: {e}")),
            newer => Err(format!(
                "this state was saved by a newer Dateline (format {newer}; this one reads up to {VERSION})"
            )),
        }
    }

    /// The corpus: the bundled articles plus the added ones, with the
    /// corrections applied. Added files that cannot be read become problems.
    pub fn corpus(&self, bundled: &[Tagged]) -> Corpus {
        let mut tagged = bundled.to_vec();
        let mut problems = Vec::new();
        for added in &self.added {
            match added.read() {
                Ok(article) => tagged.push(analysis::tag(article)),
                Err(error) => problems.push(Problem {
                    path: added.path.clone(),
                    error,
                }),
            }
        }
        let mut corpus = analysis::assemble(tagged, problems);
        corrections::apply(&mut corpus, &self.corrections);
        corpus
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corrections::EntityKey;

    fn state() -> SavedState {
        SavedState {
            added: vec![AddedArticle {
                path: "talks.txt".into(),
                text: "Talks resume\n\nTurkiye and Russia resumed talks on Tuesday.".into(),
                date: NaiveDate::from_ymd_opt(2022, 5, 3),
            }],
            corrections: vec![Correction::Hide {
                entity: EntityKey {
                    id: "russia".into(),
                    forms: vec!["Russia".into()],
                },
            }],
        }
    }

    #[test]
    fn current_version_round_trips() {
        let json = state().to_json();
        assert!(json.starts_with("{\"version\":2,"), "{json}");
        assert_eq!(SavedState::from_json(&json), Ok(state()));
    }

    #[test]
    fn version_1_is_migrated_and_newer_versions_are_refused() {
        let v1 = r#"{"version":1,"added":[{"path":"a.txt","text":" date 2021-03-03 W\nT"}],"corrections":[]}"#;
        let migrated = SavedState::from_json(v1).unwrap();
        assert_eq!(migrated.added[0].date, None);
        assert_eq!(migrated.added[0].path, "a.txt");
        let newer = SavedState::from_json(r#"{"version":9,"added":[]}"#).unwrap_err();
        assert!(newer.contains("newer Dateline (format 9"), "{newer}");
        assert!(SavedState::from_json("[1,2]")
            .unwrap_err()
            .starts_with("not a Dateline state"));
        assert!(SavedState::from_json(r#"{"version":2,"added":7}"#)
            .unwrap_err()
            .starts_with("damaged state"));
    }

    #[test]
    fn corpus_adds_articles_and_applies_corrections() {
        let corpus = state().corpus(&[]);
        assert_eq!(corpus.articles.len(), 1);
        assert_eq!(corpus.articles[0].article.source, "talks");
        assert!(corpus.entity_index("russia").is_none(), "hidden");
        assert!(corpus.entity_index("turkey").is_some());
        let mut broken = state();
        broken.added[0].date = None;
        let corpus = broken.corpus(&[]);
        assert!(corpus.articles.is_empty());
        assert_eq!(corpus.problems[0].path, "talks.txt");
    }
}
