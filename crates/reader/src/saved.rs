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
struct V1Article {
    path: String,
    text: String,
}

/// A record stored by the reader that could not be read back: its name (an
/// added article's path, or "corrections") and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    pub record: String,
    pub reason: String,
}

/// Refuses a format newer than this build's.
fn readable_version(version: u32) -> Result<(), String> {
    if version > VERSION {
        return Err(format!(
            "this state was saved by a newer Dateline (format {version}; this one reads up to {VERSION})"
        ));
    }
    Ok(())
}

/// One added article of format `version` (older ones migrated).
fn article(version: u32, value: &serde_json::Value) -> Result<AddedArticle, String> {
    if version == 1 {
        let a = V1Article::deserialize(value).map_err(|e| e.to_string())?;
        return Ok(AddedArticle {
            path: a.path,
            text: a.text,
            date: None,
        });
    }
    AddedArticle::deserialize(value).map_err(|e| e.to_string())
}

/// The items of the list `field` of a state, each read by `read`; an error
/// names the field and the item, so a hand-edited file says what is wrong.
fn items<T>(
    state: &serde_json::Value,
    field: &str,
    read: impl Fn(&serde_json::Value) -> Result<T, String>,
) -> Result<Vec<T>, String> {
    let list = state
        .get(field)
        .ok_or_else(|| format!("the `{field}` field is missing"))?;
    list_items(list, read).map_err(|e| format!("the `{field}` field: {e}"))
}

/// The items of a JSON list, each read by `read`; an error names the item.
fn list_items<T>(
    list: &serde_json::Value,
    read: impl Fn(&serde_json::Value) -> Result<T, String>,
) -> Result<Vec<T>, String> {
    list.as_array()
        .ok_or("not a list")?
        .iter()
        .enumerate()
        .map(|(i, item)| read(item).map_err(|e| format!("item {}: {e}", i + 1)))
        .collect()
}

fn correction(value: &serde_json::Value) -> Result<Correction, String> {
    Correction::deserialize(value).map_err(|e| e.to_string())
}

/// Why a text is not a saved state at all, worded for the reader: a file
/// cut short says so.
fn not_a_state(e: &serde_json::Error) -> String {
    match e.classify() {
        serde_json::error::Category::Eof => {
            format!("not a Dateline state: the file ends too early, it may be truncated ({e})")
        }
        serde_json::error::Category::Syntax => {
            format!("not a Dateline state: not valid JSON ({e})")
        }
        _ => format!("not a Dateline state: {e}"),
    }
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
        let versioned: Versioned = serde_json::from_str(json).map_err(|e| not_a_state(&e))?;
        let version = versioned.version;
        readable_version(version)?;
        let state = &versioned.state;
        let damaged = |e: String| format!("damaged state: {e}");
        Ok(SavedState {
            added: items(state, "added", |a| article(version, a)).map_err(damaged)?,
            corrections: items(state, "corrections", correction).map_err(damaged)?,
        })
    }

    /// Reads a state stored record by record, all of format `version`: one
    /// JSON text per added article (`None`: a record that is not text) and
    /// the corrections log, if any. A record that cannot be read is left
    /// out and named, so one damaged record never hides the others.
    pub fn from_records(
        version: u32,
        added: &[(String, Option<String>)],
        corrections: Option<&str>,
    ) -> (SavedState, Vec<Unreadable>) {
        let mut state = SavedState::default();
        let mut unreadable = Vec::new();
        let parse = |json: Option<&str>| -> Result<serde_json::Value, String> {
            readable_version(version)?;
            let json = json.ok_or("not text")?;
            serde_json::from_str(json).map_err(|e| format!("not valid JSON ({e})"))
        };
        for (key, json) in added {
            match parse(json.as_deref()).and_then(|v| article(version, &v)) {
                Ok(a) => state.added.push(a),
                Err(reason) => unreadable.push(Unreadable {
                    record: key.clone(),
                    reason,
                }),
            }
        }
        if let Some(json) = corrections {
            match parse(Some(json)).and_then(|list| list_items(&list, correction)) {
                Ok(c) => state.corrections = c,
                Err(reason) => unreadable.push(Unreadable {
                    record: "corrections".into(),
                    reason,
                }),
            }
        }
        (state, unreadable)
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
    fn a_hand_edited_or_truncated_state_says_what_is_wrong() {
        let json = state().to_json();
        let cut = SavedState::from_json(&json[..json.len() / 2]).unwrap_err();
        assert!(cut.contains("ends too early, it may be truncated"), "{cut}");
        let syntax = SavedState::from_json("{\"version\":2,,}").unwrap_err();
        assert!(
            syntax.starts_with("not a Dateline state: not valid JSON"),
            "{syntax}"
        );
        let wrong = json.replace("\"text\":\"Talks", "\"text\":7,\"x\":\"");
        let wrong = SavedState::from_json(&wrong).unwrap_err();
        assert!(
            wrong
                .starts_with("damaged state: the `added` field: item 1: invalid type: integer `7`"),
            "{wrong}"
        );
        let bad = SavedState::from_json(r#"{"version":2,"added":[],"corrections":[{"x":1}]}"#)
            .unwrap_err();
        assert!(
            bad.starts_with("damaged state: the `corrections` field: item 1: missing field `op`"),
            "{bad}"
        );
    }

    #[test]
    fn stored_records_are_read_one_by_one() {
        let good = serde_json::to_string(&state().added[0]).unwrap();
        let corrections = serde_json::to_string(&state().corrections).unwrap();
        let records = vec![
            ("bad.txt".to_string(), Some("{\"path\":".to_string())),
            ("talks.txt".to_string(), Some(good)),
            ("odd.txt".to_string(), None),
            ("shape.txt".to_string(), Some("{\"path\":1}".to_string())),
        ];
        let (read, unreadable) = SavedState::from_records(VERSION, &records, Some(&corrections));
        assert_eq!(read, state());
        let named: Vec<&str> = unreadable.iter().map(|u| u.record.as_str()).collect();
        assert_eq!(named, ["bad.txt", "odd.txt", "shape.txt"]);
        assert!(unreadable[0].reason.starts_with("not valid JSON"));
        assert_eq!(unreadable[1].reason, "not text");
        assert!(
            unreadable[2].reason.starts_with("invalid type"),
            "{:?}",
            unreadable[2]
        );

        let (read, unreadable) =
            SavedState::from_records(VERSION, &records[1..2], Some("{\"hide\":1}"));
        assert_eq!(read.added, state().added);
        assert!(read.corrections.is_empty());
        assert_eq!(unreadable[0].record, "corrections");
        assert_eq!(unreadable[0].reason, "not a list");

        let (read, unreadable) = SavedState::from_records(VERSION + 1, &records[1..2], None);
        assert!(read.added.is_empty());
        assert!(unreadable[0].reason.contains("newer Dateline"));
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
