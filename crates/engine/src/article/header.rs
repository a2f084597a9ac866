//! The first line of a seed file: ` date YYYY-MM-DD SOURCE`.

use super::ParseError;
use chrono::NaiveDate;

/// The parsed header line and where the article proper begins.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    pub date: NaiveDate,
    pub source: String,
    /// Byte offset just past the header line and its line break.
    pub end: usize,
}

impl Header {
    /// Reads the header, tolerating a BOM, a missing leading space, extra
    /// spaces and CRLF line ends, because hand-collected files have all of them.
    pub fn parse(text: &str) -> Result<Header, ParseError> {
        let line_end = text.find('\n').map_or(text.len(), |i| i + 1);
        let line = text[..line_end]
            .trim_start_matches('\u{feff}')
            .trim_end_matches(['\r', '\n']);
        let missing = || ParseError::MissingHeader {
            found: line.chars().take(60).collect(),
        };
        let rest = line.trim_start().strip_prefix("date").ok_or_else(missing)?;
        if !rest.starts_with(char::is_whitespace) {
            return Err(missing());
        }
        let rest = rest.trim_start();
        let (date_text, source) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
        if !looks_like_iso_date(date_text) {
            return Err(missing());
        }
        let date =
            NaiveDate::parse_from_str(date_text, "%Y-%m-%d").map_err(|_| ParseError::BadDate {
                date: date_text.to_string(),
            })?;
        Ok(Header {
            date,
            source: source.trim().to_string(),
            end: line_end,
        })
    }
}

/// `NNNN-NN-NN`, checked before chrono so "2021-02-30" is reported as an
/// impossible date rather than a missing header.
fn looks_like_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            _ => c.is_ascii_digit(),
        })
}
