//! Articles a reader adds in the browser: seed-format files as they are, and
//! plain `.txt` without the header line, dated from the text when it says
//! when it was written, otherwise by the reader.

use crate::article::{self, Article, ParseError};
use crate::text::Span;
use crate::timex;
use chrono::NaiveDate;

/// Reads an added file. With no header, the source is the file name and the
/// date is `date` if given, else the first complete date written in the text;
/// a file with neither fails with [`ParseError::NoDate`].
pub fn read(path: &str, bytes: &[u8], date: Option<NaiveDate>) -> Result<Article, ParseError> {
    match article::parse(path, bytes) {
        Err(ParseError::MissingHeader { .. }) => {}
        other => return other,
    }
    let text = article::non_empty_text(bytes)?;
    let date = date
        .or_else(|| written_date(text))
        .ok_or(ParseError::NoDate)?;
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    let source = name.strip_suffix(".txt").unwrap_or(name);
    article::parse_headerless(path, bytes, date, source)
}

/// The most one import in the page reads, in bytes (256 MiB): the files of
/// an import are read into memory before they are analysed, so a folder of
/// many large files could otherwise exhaust the tab. Files past it are
/// refused by name (and can be added in another import).
pub const MAX_IMPORT_BYTES: usize = 256 * 1024 * 1024;

/// Which files of one import to read, from their sizes alone, before any is
/// read: a file over [`article::MAX_ARTICLE_BYTES`] is refused with
/// [`ParseError::TooLarge`]; the others are taken in order while the
/// import's total stays within `total`, and one that would take it over is
/// refused with [`ParseError::ImportFull`] (a smaller one after it may still
/// fit).
pub fn admit(sizes: &[usize], total: usize) -> Vec<Result<(), ParseError>> {
    let mut taken = 0usize;
    sizes
        .iter()
        .map(|&bytes| {
            if bytes > article::MAX_ARTICLE_BYTES {
                return Err(ParseError::TooLarge {
                    bytes,
                    limit: article::MAX_ARTICLE_BYTES,
                });
            }
            match taken.checked_add(bytes).filter(|&t| t <= total) {
                Some(t) => {
                    taken = t;
                    Ok(())
                }
                None => Err(ParseError::ImportFull {
                    bytes,
                    taken,
                    limit: total,
                }),
            }
        })
        .collect()
}

/// The first day-precise date spelled out with its year ("April 27, 2022",
/// "2021-03-03"): relative phrases need an anchor, so they cannot date a text.
pub fn written_date(text: &str) -> Option<NaiveDate> {
    let anchor = NaiveDate::from_ymd_opt(2000, 1, 1)?;
    timex::tag(text, Span::new(0, text.len()), anchor)
        .into_iter()
        .filter(|t| {
            t.span
                .of(text)
                .matches(|c: char| c.is_ascii_digit())
                .count()
                >= 4
        })
        .find_map(|t| NaiveDate::parse_from_str(&t.value, "%Y-%m-%d").ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn a_file_over_the_size_limit_is_refused_before_it_is_searched_for_a_date() {
        let mut big = b"Turkey said on March 3, 2021 that ".to_vec();
        big.resize(article::MAX_ARTICLE_BYTES + 1, b'a');
        assert_eq!(
            read("big.txt", &big, None),
            Err(ParseError::TooLarge {
                bytes: article::MAX_ARTICLE_BYTES + 1,
                limit: article::MAX_ARTICLE_BYTES,
            })
        );
    }

    #[test]
    fn an_import_takes_files_while_its_total_allows_and_names_the_rest() {
        const MB: usize = 1024 * 1024;
        let sizes = [
            4 * MB,
            article::MAX_ARTICLE_BYTES + 1,
            3 * MB,
            5 * MB,
            MB,
            usize::MAX,
        ];
        let admitted = admit(&sizes, 8 * MB);
        assert_eq!(admitted[0], Ok(()));
        assert_eq!(
            admitted[1],
            Err(ParseError::TooLarge {
                bytes: article::MAX_ARTICLE_BYTES + 1,
                limit: article::MAX_ARTICLE_BYTES
            })
        );
        assert_eq!(admitted[2], Ok(()));
        let full = admitted[3].clone().unwrap_err();
        assert_eq!(
            full,
            ParseError::ImportFull {
                bytes: 5 * MB,
                taken: 7 * MB,
                limit: 8 * MB
            }
        );
        assert_eq!(
            full.to_string(),
            "not read: at 5.0 MB it would take this import over 8 MB (7.0 MB are already in it): add it in another import"
        );
        // A smaller file after the refused one still fits.
        assert_eq!(admitted[4], Ok(()));
        assert!(matches!(admitted[5], Err(ParseError::TooLarge { .. })));
        assert!(admit(&[], MAX_IMPORT_BYTES).is_empty());
    }

    #[test]
    fn seed_format_files_import_as_they_are() {
        let a = read(
            "x.txt",
            b" date 2021-03-03 Wire\nTitle\n\nBody.",
            Some(day(1999, 1, 1)),
        )
        .unwrap();
        assert_eq!(
            (a.date, a.source.as_str(), a.title()),
            (day(2021, 3, 3), "Wire", "Title")
        );
    }

    #[test]
    fn plain_text_is_dated_from_the_text_and_sourced_from_the_name() {
        let text = "Ankara signs deal\n\nLast week, on April 27, 2022, Turkiye signed it.\n";
        let a = read("notes/ankara-deal.txt", text.as_bytes(), None).unwrap();
        assert_eq!(a.date, day(2022, 4, 27));
        assert_eq!(a.source, "ankara-deal");
        assert_eq!(a.title(), "Ankara signs deal");
        assert_eq!(a.id, "ankara-deal");
    }

    #[test]
    fn plain_text_without_a_written_date_needs_one() {
        let text = b"Talks resume\n\nThe talks resumed on Tuesday.";
        assert_eq!(read("t.txt", text, None), Err(ParseError::NoDate));
        let a = read("t.txt", text, Some(day(2022, 5, 3))).unwrap();
        assert_eq!(a.date, day(2022, 5, 3));
    }

    #[test]
    fn broken_files_keep_their_reason() {
        assert_eq!(read("e.txt", b"  ", None), Err(ParseError::Empty));
        let bad_date = read("d.txt", b" date 2021-02-30 W\nT", None).unwrap_err();
        assert_eq!(
            bad_date.to_string(),
            "line 1: `2021-02-30` is not a calendar date"
        );
        assert!(matches!(
            read("u.txt", b"T\xff", None),
            Err(ParseError::NotUtf8 { .. })
        ));
    }
}
