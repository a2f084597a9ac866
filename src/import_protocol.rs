//! What the page and the import worker (`src/bin/import_worker.rs`) say to
//! each other, in one place: both binaries include this file.
//!
//! The page sends a [`Request`]: the articles the reader added (files,
//! a folder, a drop, or restored from IndexedDB), under a job number. The
//! worker reads and tags each one ([`analyse`]: the article format or the
//! plain-text header guessing, then `analysis::tag`, NER and dates: the
//! expensive part, which needs the entity model) and answers one
//! [`Reply::Tagged`] per article as it goes, so the page shows progress.
//! Messages cross as JSON strings (the engine's types use internally
//! tagged enums, which only a self-describing format reads back).
//!
//! The page itself links none of this: only the worker's wasm holds the
//! entity model and the tagger. When no worker can start, the page loads
//! the worker's module into itself and calls its exported `analyse` with
//! the same JSON, one article at a time.

// The page binary only encodes and decodes; natively neither binary runs.
#![cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]

use dateline_engine::analysis::{self, Tagged};
use dateline_engine::corpus::Problem;
use dateline_reader::saved::AddedArticle;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

/// Page to worker: articles to read and tag.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Request {
    /// Chosen by the page; every reply to this request carries it.
    pub job: u32,
    pub articles: Vec<AddedArticle>,
}

/// One article's outcome: tagged, or why it cannot be read (a file with
/// neither a header nor a written date fails with `ParseError::NoDate`,
/// and the page asks the reader for its date).
pub type Outcome = Result<Tagged, Problem>;

/// Worker to page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Reply {
    /// The worker listens: sent once, when its wasm has started.
    Ready,
    /// The outcome for `articles[index]` of request `job`.
    Tagged {
        job: u32,
        index: u32,
        outcome: Outcome,
    },
    /// A message the worker could not read (a page/worker version mismatch).
    Refused { error: String },
}

/// A message as sent.
pub fn encode<T: Serialize>(message: &T) -> String {
    // Plain data with string keys: serialising cannot fail.
    serde_json::to_string(message).unwrap_or_default()
}

/// A message as received.
pub fn decode<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    serde_json::from_str(text).map_err(|e| e.to_string())
}

/// Reads and tags one added article; a failure names the file and the
/// reason. Only the worker (or the page's fallback, through the worker's
/// module) calls it.
#[allow(dead_code)] // not in the page's binary, which must not link the tagger
pub fn analyse(added: &AddedArticle) -> Outcome {
    added.read().map(analysis::tag).map_err(|error| Problem {
        path: added.path.clone(),
        error,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use dateline_engine::article::ParseError;

    fn day(y: i32, m: u32, d: u32) -> chrono::NaiveDate {
        chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn added(path: &str, text: &str, date: Option<chrono::NaiveDate>) -> AddedArticle {
        AddedArticle {
            path: path.to_string(),
            text: text.to_string(),
            date,
        }
    }

    #[test]
    fn requests_round_trip() {
        let request = Request {
            job: 7,
            articles: vec![
                added("wire.txt", " date 2022-05-10 Wire\nTitle\n\nBody.\n", None),
                added(
                    "plain.txt",
                    "Note\n\nThe talks resumed.\n",
                    Some(day(2022, 5, 3)),
                ),
            ],
        };
        assert_eq!(decode::<Request>(&encode(&request)), Ok(request));
    }

    #[test]
    fn every_reply_round_trips() {
        let wire = " date 2022-05-10 Wire\nNATO weighs talks\n\nNATO officials in Brussels said on Monday that Turkiye and Russia held talks. Ismail Demir declined to comment.\n";
        let tagged = analyse(&added("wire.txt", wire, None)).unwrap();
        assert!(!tagged.mentions.is_empty() && !tagged.timexes.is_empty());
        let replies = [
            Reply::Ready,
            Reply::Tagged {
                job: 1,
                index: 0,
                outcome: Ok(tagged),
            },
            Reply::Tagged {
                job: 1,
                index: 1,
                outcome: analyse(&added(
                    "undated.txt",
                    "Undated\n\nThe talks resumed.\n",
                    None,
                )),
            },
            Reply::Tagged {
                job: 2,
                index: 0,
                outcome: analyse(&added(
                    "bad.txt",
                    " date 2021-02-30 Wire\nImpossible\n",
                    None,
                )),
            },
            Reply::Refused {
                error: "expected value".to_string(),
            },
        ];
        for reply in replies {
            assert_eq!(decode::<Reply>(&encode(&reply)), Ok(reply));
        }
    }

    #[test]
    fn outcomes_match_the_in_page_reading() {
        let undated = analyse(&added(
            "undated.txt",
            "Undated\n\nThe talks resumed.\n",
            None,
        ));
        assert_eq!(undated.unwrap_err().error, ParseError::NoDate);
        let dated = analyse(&added(
            "undated.txt",
            "Undated\n\nThe talks resumed.\n",
            Some(day(2022, 5, 3)),
        ))
        .unwrap();
        assert_eq!(dated.article.date, day(2022, 5, 3));
        let bad = analyse(&added(
            "bad.txt",
            " date 2021-02-30 Wire\nImpossible\n",
            None,
        ));
        assert_eq!(
            bad.unwrap_err().to_string(),
            "bad.txt: line 1: `2021-02-30` is not a calendar date"
        );
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        assert!(decode::<Request>("{\"job\":1}").is_err());
        assert!(decode::<Reply>("not json").is_err());
    }
}
