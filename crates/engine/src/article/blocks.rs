//! Line-level classification of an article body into typed blocks.
//!
//! Each non-empty line is one block (seed files put one paragraph per line,
//! sometimes without blank lines in between); a paragraph that opens with an
//! agency dateline yields a `Dateline` block followed by its `Paragraph`.

use super::{Block, BlockKind};
use crate::text::Span;
use std::collections::BTreeSet;

/// Splits `text[start..]` into blocks; the first non-empty line is the title.
pub fn split(text: &str, start: usize) -> Vec<Block> {
    let mut blocks: Vec<Block> = Vec::new();
    let mut title_key = String::new();
    for line in lines(text, start) {
        let line_text = line.of(text);
        if blocks.is_empty() {
            title_key = comparison_key(line_text);
            blocks.push(Block {
                kind: BlockKind::Title,
                span: line,
            });
        } else if comparison_key(line_text) == title_key {
            blocks.push(Block {
                kind: BlockKind::RepeatedTitle,
                span: line,
            });
        } else if is_caption(line_text) {
            blocks.push(Block {
                kind: BlockKind::Caption,
                span: line,
            });
        } else if is_byline(line_text) {
            blocks.push(Block {
                kind: BlockKind::Byline,
                span: line,
            });
        } else {
            push_paragraph(text, line, &mut blocks);
        }
    }
    mark_summaries(text, &mut blocks);
    blocks
}

/// Non-empty lines after `start`, trimmed, as spans of `text`.
fn lines(text: &str, start: usize) -> impl Iterator<Item = Span> + '_ {
    let mut offset = start;
    text[start..].split_inclusive('\n').filter_map(move |raw| {
        let line_start = offset;
        offset += raw.len();
        let lead = raw.len() - raw.trim_start().len();
        let trimmed = raw.trim();
        (!trimmed.is_empty())
            .then(|| Span::new(line_start + lead, line_start + lead + trimmed.len()))
    })
}

fn push_paragraph(text: &str, line: Span, blocks: &mut Vec<Block>) {
    let line_text = line.of(text);
    let body = match dateline_len(line_text) {
        Some(len) => {
            let dateline = Span::new(line.start, line.start + len);
            blocks.push(Block {
                kind: BlockKind::Dateline,
                span: dateline,
            });
            let rest = &line_text[len..];
            let skip = rest.len() - rest.trim_start().len();
            Span::new(dateline.end + skip, line.end)
        }
        None => line,
    };
    if !body.is_empty() {
        blocks.push(Block {
            kind: BlockKind::Paragraph,
            span: body,
        });
    }
}

/// Lowercase letters and digits only: the same text with other casing or
/// punctuation compares equal ("Batch Of" vs "Batch of").
fn comparison_key(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// A paragraph whose whole text opens a later paragraph is a repeated lede.
fn mark_summaries(text: &str, blocks: &mut [Block]) {
    const MIN_KEY_LEN: usize = 40;
    let keys: Vec<Option<String>> = blocks
        .iter()
        .map(|b| (b.kind == BlockKind::Paragraph).then(|| comparison_key(b.span.of(text))))
        .collect();
    // The keys of later paragraphs, sorted: those opening with `key` follow
    // it directly, so one look-up answers for each paragraph (comparing
    // every paragraph with every later one was quadratic in their number).
    let mut later: BTreeSet<&str> = BTreeSet::new();
    for i in (0..blocks.len()).rev() {
        let Some(key) = keys[i].as_deref() else {
            continue;
        };
        let repeated = key.len() >= MIN_KEY_LEN
            && later
                .range(key..)
                .next()
                .is_some_and(|next| next.starts_with(key));
        if repeated {
            blocks[i].kind = BlockKind::Summary;
        }
        later.insert(key);
    }
}

/// Agency boilerplate that only photo captions carry.
const CAPTION_MARKERS: &[&str] = &[
    "EDITORIAL USE ONLY",
    "MANDATORY CREDIT",
    "NO MARKETING",
    "NO SALES",
    "(PHOTO BY",
    "PHOTO CREDIT",
    "IMAGE CREDIT",
    "GETTY IMAGES",
];

const MONTHS: [&str; 12] = [
    "JANUARY",
    "FEBRUARY",
    "MARCH",
    "APRIL",
    "MAY",
    "JUNE",
    "JULY",
    "AUGUST",
    "SEPTEMBER",
    "OCTOBER",
    "NOVEMBER",
    "DECEMBER",
];

/// Photo captions: agency boilerplate, or the wire-photo opening
/// "PLACE, COUNTRY - MONTH DD:".
pub(super) fn is_caption(line: &str) -> bool {
    let upper = line.to_uppercase();
    if CAPTION_MARKERS.iter().any(|m| upper.contains(m)) {
        return true;
    }
    let Some((place, rest)) = line.split_once(" - ") else {
        return false;
    };
    let place_is_caps = place.chars().any(char::is_alphabetic)
        && place
            .chars()
            .all(|c| c.is_uppercase() || matches!(c, ' ' | ',' | '.' | '\'' | '-'));
    let Some((month, rest)) = rest.split_once(' ') else {
        return false;
    };
    let day: String = rest.chars().take_while(char::is_ascii_digit).collect();
    place_is_caps
        && MONTHS.contains(&month)
        && (1..=2).contains(&day.len())
        && rest[day.len()..].starts_with(':')
}

/// Author lines and time stamps: "Faizan Hashmi 5 minutes ago Wed 03rd March
/// 2021 | 05:00 PM", "By Jane Doe", "April 27, 2022".
pub(super) fn is_byline(line: &str) -> bool {
    const MAX_BYLINE: usize = 120;
    if line.len() > MAX_BYLINE || line.ends_with('.') && !line.starts_with("By ") {
        return false;
    }
    let words: Vec<&str> = line.split_whitespace().collect();
    let relative_time = words.windows(3).any(|w| {
        w[0].chars().all(|c| c.is_ascii_digit())
            && matches!(
                w[1].trim_end_matches('s'),
                "second" | "minute" | "hour" | "day" | "week"
            )
            && w[2] == "ago"
    });
    let clock = words
        .windows(2)
        .any(|w| is_clock(w[0]) && matches!(w[1], "AM" | "PM" | "am" | "pm"));
    let author = line.starts_with("By ") && words.len() <= 12;
    relative_time || clock || author || is_bare_date(&words)
}

fn is_clock(word: &str) -> bool {
    let Some((h, m)) = word.split_once(':') else {
        return false;
    };
    (1..=2).contains(&h.len())
        && m.len() == 2
        && h.chars().chain(m.chars()).all(|c| c.is_ascii_digit())
}

/// A line that is nothing but a date: "April 27, 2022", "27 April 2022".
fn is_bare_date(words: &[&str]) -> bool {
    if !(2..=4).contains(&words.len()) {
        return false;
    }
    let mut has_month = false;
    let mut has_year = false;
    for w in words {
        let w = w.trim_end_matches(',');
        let upper = w.to_uppercase();
        if MONTHS
            .iter()
            .any(|m| *m == upper || (upper.len() >= 3 && m.starts_with(&upper)))
        {
            has_month = true;
        } else if w.len() == 4 && w.chars().all(|c| c.is_ascii_digit()) {
            has_year = true;
        } else if !(1..=4).contains(&w.len()) || !w.starts_with(|c: char| c.is_ascii_digit()) {
            return false;
        }
    }
    has_month && has_year
}

/// Length in bytes of an agency dateline opening `line`, including the dash
/// after it: "MOSCOW (UrduPoint News / Sputnik - 03rd March, 2021)",
/// "WASHINGTON —", "ANKARA, March 3 (Reuters) -".
pub(super) fn dateline_len(line: &str) -> Option<usize> {
    const MAX_DATELINE: usize = 120;
    let place_len = line
        .char_indices()
        .find(|&(_, c)| !(c.is_uppercase() || matches!(c, ' ' | '.' | '\'' | '-')))
        .map_or(line.len(), |(i, _)| i);
    let place = line[..place_len].trim_end();
    if place.chars().filter(|c| c.is_uppercase()).count() < 3 {
        return None;
    }
    let rest = &line[place.len()..];
    let mut end = place.len();
    let is_dateline_gap = |gap: &str| {
        gap.trim().is_empty() || gap.starts_with(',') && gap.len() < 25 && !gap.contains(['.', '-'])
    };
    if let Some(open) = rest.find('(').filter(|&i| is_dateline_gap(&rest[..i])) {
        let close = rest[open..].find(')')?;
        end += open + close + 1;
    } else if !rest.starts_with([',', ' ']) {
        return None;
    }
    let after = &line[end..];
    let trimmed = after.trim_start();
    let dash = ["-", "—", "–", "_"]
        .iter()
        .find(|d| trimmed.starts_with(**d))
        .map(|d| after.len() - trimmed.len() + d.len());
    match dash {
        Some(dash_len) => end += dash_len,
        None if end == place.len() => return None,
        None => {}
    }
    (end <= MAX_DATELINE && end < line.len()).then_some(end)
}
