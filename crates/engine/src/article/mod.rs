//! One news article in the seed format, split into typed blocks.
//!
//! Real files carry clutter around the story (a repeated title, a byline with a
//! relative time, an agency dateline, a repeated lede, photo captions with
//! licensing boilerplate). Rather than deleting it, [`parse`] labels each
//! stretch of text with a [`BlockKind`] so the reader can show captions as
//! captions and skip repeats, while every offset still points into the
//! original file.

mod blocks;
mod header;

use crate::text::Span;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;

pub use header::Header;

/// What a block of an article is, so the reader can style or skip it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    /// The headline (the first line after the header).
    Title,
    /// The headline printed again in the body.
    RepeatedTitle,
    /// Author, relative time or a bare publication stamp.
    Byline,
    /// The agency prefix of a paragraph: "MOSCOW (UrduPoint News / Sputnik - 03rd March, 2021)".
    Dateline,
    /// A paragraph printed again, verbatim, later in the body (a standfirst/lede).
    Summary,
    /// A photo caption, usually with agency credit boilerplate.
    Caption,
    /// Running text.
    Paragraph,
}

/// A typed stretch of an article's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    pub kind: BlockKind,
    pub span: Span,
}

/// A parsed article. `text` is the file exactly as read, so spans are
/// UTF-8 byte offsets into the original file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    /// Stable identifier for links and deep links: the file name without extension.
    pub id: String,
    /// The path or name the article was loaded from.
    pub path: String,
    pub text: String,
    pub date: NaiveDate,
    /// The publisher as written in the header; may be empty.
    pub source: String,
    pub blocks: Vec<Block>,
}

impl Article {
    /// The headline text.
    pub fn title(&self) -> &str {
        self.blocks
            .iter()
            .find(|b| b.kind == BlockKind::Title)
            .map_or("", |b| b.span.of(&self.text))
    }

    /// The bytes after the header line: everything a tagger should look at.
    pub fn body_span(&self) -> Span {
        let start = self
            .blocks
            .first()
            .map_or(self.text.len(), |b| b.span.start);
        Span::new(start, self.text.len())
    }
}

/// The largest article file analysed, in bytes (10 MiB). Analysis is
/// linear in the size of an article (see `benches/scaling.rs`), but one
/// file bigger than this is almost surely not a news article (a database
/// dump, a whole book) and would hold the page for seconds; it is reported
/// as [`ParseError::TooLarge`] instead, by name, and the other files still
/// import.
pub const MAX_ARTICLE_BYTES: usize = 10 * 1024 * 1024;

/// Why a file could not be read as an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ParseError {
    NotUtf8 {
        byte: usize,
    },
    Empty,
    MissingHeader {
        found: String,
    },
    BadDate {
        date: String,
    },
    MissingTitle,
    /// Plain text without the header line or any written date (added files).
    NoDate,
    /// More than the per-article limit ([`MAX_ARTICLE_BYTES`]); not analysed.
    TooLarge {
        bytes: usize,
        limit: usize,
    },
    /// Would take one import in the page over its total
    /// ([`crate::import::MAX_IMPORT_BYTES`]); not read.
    ImportFull {
        bytes: usize,
        taken: usize,
        limit: usize,
    },
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ParseError::NotUtf8 { byte } => {
                write!(f, "not UTF-8 text (invalid byte at offset {byte})")
            }
            ParseError::Empty => f.write_str("the file is empty"),
            ParseError::MissingHeader { found } => write!(
                f,
                "line 1 should be ` date YYYY-MM-DD SOURCE`, found `{found}`"
            ),
            ParseError::BadDate { date } => {
                write!(f, "line 1: `{date}` is not a calendar date")
            }
            ParseError::MissingTitle => f.write_str("no title line after the header"),
            ParseError::NoDate => f.write_str(
                "no ` date YYYY-MM-DD SOURCE` header and no date in the text: give its date",
            ),
            ParseError::TooLarge { bytes, limit } => write!(
                f,
                "the file is {bytes} bytes ({:.1} MB), over the limit of {limit} bytes ({:.0} MB) for one article: split it into smaller files",
                *bytes as f64 / 1_048_576.0,
                *limit as f64 / 1_048_576.0
            ),
            ParseError::ImportFull {
                bytes,
                taken,
                limit,
            } => write!(
                f,
                "not read: at {:.1} MB it would take this import over {:.0} MB ({:.1} MB are already in it): add it in another import",
                *bytes as f64 / 1_048_576.0,
                *limit as f64 / 1_048_576.0,
                *taken as f64 / 1_048_576.0
            ),
        }
    }
}

impl std::error::Error for ParseError {}

/// Parses one article file. `path` names it in errors and yields its id.
/// A file over [`MAX_ARTICLE_BYTES`] is refused with [`ParseError::TooLarge`].
pub fn parse(path: &str, bytes: &[u8]) -> Result<Article, ParseError> {
    parse_limited(path, bytes, MAX_ARTICLE_BYTES)
}

/// [`parse`] with another size limit (in bytes): the scaling benchmark uses
/// it to measure the analysis beyond [`MAX_ARTICLE_BYTES`].
pub fn parse_limited(path: &str, bytes: &[u8], limit: usize) -> Result<Article, ParseError> {
    within_limit(bytes, limit)?;
    let text = non_empty_text(bytes)?;
    let header = Header::parse(text)?;
    build(path, text, header.end, header.date, header.source)
}

/// Reads a plain-text file without the header line: the first line is the
/// title and the date and source come from the caller (asked for, found in
/// the text, or the file name).
pub fn parse_headerless(
    path: &str,
    bytes: &[u8],
    date: NaiveDate,
    source: &str,
) -> Result<Article, ParseError> {
    within_limit(bytes, MAX_ARTICLE_BYTES)?;
    let text = non_empty_text(bytes)?;
    let start = if text.starts_with('\u{feff}') {
        '\u{feff}'.len_utf8()
    } else {
        0
    };
    build(path, text, start, date, source.to_string())
}

/// Refuses a file of more than `limit` bytes with [`ParseError::TooLarge`].
pub fn within_limit(bytes: &[u8], limit: usize) -> Result<(), ParseError> {
    if bytes.len() > limit {
        return Err(ParseError::TooLarge {
            bytes: bytes.len(),
            limit,
        });
    }
    Ok(())
}

/// The file as text, refusing invalid UTF-8 and files with nothing in them.
pub fn non_empty_text(bytes: &[u8]) -> Result<&str, ParseError> {
    let text = std::str::from_utf8(bytes).map_err(|e| ParseError::NotUtf8 {
        byte: e.valid_up_to(),
    })?;
    if text.trim_start_matches('\u{feff}').trim().is_empty() {
        return Err(ParseError::Empty);
    }
    Ok(text)
}

fn build(
    path: &str,
    text: &str,
    body_start: usize,
    date: NaiveDate,
    source: String,
) -> Result<Article, ParseError> {
    let blocks = blocks::split(text, body_start);
    if !blocks.iter().any(|b| b.kind == BlockKind::Title) {
        return Err(ParseError::MissingTitle);
    }
    Ok(Article {
        id: id_from_path(path),
        path: path.to_string(),
        text: text.to_string(),
        date,
        source,
        blocks,
    })
}

/// The file stem, kept to characters that are safe in a URL fragment.
pub fn id_from_path(path: &str) -> String {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    let stem = name.strip_suffix(".txt").unwrap_or(name);
    stem.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;
