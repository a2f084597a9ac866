use super::*;

const SEED_2021: &str = include_str!("../../../../assets/corpus/000_fd1aee54e6a12c6a.txt");
const SEED_2022: &str = include_str!("../../../../assets/corpus/003_113eacf95b61ac4f.txt");

fn kinds_and_starts(article: &Article) -> Vec<(BlockKind, String)> {
    article
        .blocks
        .iter()
        .map(|b| (b.kind, b.span.of(&article.text).chars().take(30).collect()))
        .collect()
}

#[test]
fn seed_2021_header_title_and_clutter() {
    let a = parse("corpus/000_fd1aee54e6a12c6a.txt", SEED_2021.as_bytes()).unwrap();
    assert_eq!(a.id, "000_fd1aee54e6a12c6a");
    assert_eq!(a.date, NaiveDate::from_ymd_opt(2021, 3, 3).unwrap());
    assert_eq!(a.source, "UrduPoint.com");
    assert_eq!(
        a.title(),
        "Turkey In Negotiations With Russia On Second Batch Of S-400 Missile Systems - Official"
    );
    use BlockKind::*;
    let got = kinds_and_starts(&a);
    let want = [
        (Title, "Turkey In Negotiations With Ru"),
        (Byline, "Faizan Hashmi 5 minutes ago We"),
        (RepeatedTitle, "Turkey in Negotiations With Ru"),
        (Summary, "Turkey is negotiating the purc"),
        (Dateline, "MOSCOW (UrduPoint News / Sputn"),
        (Paragraph, "Turkey is negotiating the purc"),
        (Paragraph, "In December 2020, the US impos"),
        (Paragraph, "\"There has been no noticeable "),
        (Paragraph, "We continue to negotiate with "),
        (Paragraph, "Deployment of the Russian-made"),
    ];
    let want: Vec<(BlockKind, String)> = want.iter().map(|(k, s)| (*k, s.to_string())).collect();
    assert_eq!(got, want);
    let dateline = a.blocks[4].span.of(&a.text);
    assert_eq!(
        dateline,
        "MOSCOW (UrduPoint News / Sputnik - 03rd March, 2021)"
    );
}

#[test]
fn seed_2022_caption_and_date_stamp() {
    let a = parse("003_113eacf95b61ac4f.txt", SEED_2022.as_bytes()).unwrap();
    assert_eq!(a.date, NaiveDate::from_ymd_opt(2022, 4, 27).unwrap());
    assert_eq!(a.source, "Portuguese / Spanish / English");
    assert_eq!(
        a.title(),
        "Turkiye could buy 2nd S-400 unit from Russia: Defence Industries"
    );
    use BlockKind::*;
    let kinds: Vec<BlockKind> = a.blocks.iter().map(|b| b.kind).collect();
    assert_eq!(
        kinds,
        [
            Title, Byline, Caption, Paragraph, Paragraph, Paragraph, Paragraph, Paragraph,
            Paragraph
        ]
    );
    assert_eq!(a.blocks[1].span.of(&a.text), "April 27, 2022");
    let caption = a.blocks[2].span.of(&a.text);
    assert!(caption.starts_with("UNKNOWN LOCATION, BELARUS - FEBRUARY 09:"));
    assert!(caption.ends_with("( Belarus Defense Ministruy - Anadolu Agency )"));
    assert!(a.blocks[3]
        .span
        .of(&a.text)
        .starts_with("Turkiye could acquire"));
}

#[test]
fn spans_point_into_the_original_bytes_with_bom_and_crlf() {
    let raw = "\u{feff}date 2021-03-03 Wire\r\nTitle here\r\n\r\nBody text.\r\n";
    let a = parse("x.txt", raw.as_bytes()).unwrap();
    assert_eq!(a.source, "Wire");
    assert_eq!(a.title(), "Title here");
    let body = a.blocks[1];
    assert_eq!(body.kind, BlockKind::Paragraph);
    assert_eq!(&raw[body.span.range()], "Body text.");
    assert_eq!(
        a.body_span().of(&a.text),
        "Title here\r\n\r\nBody text.\r\n"
    );
}

#[test]
fn malformed_files_are_reported_with_a_reason() {
    let cases: [(&[u8], ParseError); 6] = [
        (b"", ParseError::Empty),
        (b" \n\n", ParseError::Empty),
        (
            b"Just a title\nand a body",
            ParseError::MissingHeader {
                found: "Just a title".into(),
            },
        ),
        (
            b" date 2021-02-30 Wire\nTitle",
            ParseError::BadDate {
                date: "2021-02-30".into(),
            },
        ),
        (b" date 2021-02-03 Wire\n\n", ParseError::MissingTitle),
        (
            b" date 2021-02-03 Wire\nT\xffitle",
            ParseError::NotUtf8 { byte: 23 },
        ),
    ];
    for (bytes, want) in cases {
        assert_eq!(parse("bad.txt", bytes), Err(want));
    }
    let message = parse("bad.txt", b" date 2021-02-30 W\nT")
        .unwrap_err()
        .to_string();
    assert_eq!(message, "line 1: `2021-02-30` is not a calendar date");
}

#[test]
fn header_without_source_and_with_extra_spaces() {
    let a = parse("x.txt", b"   date   2020-01-05\nTitle").unwrap();
    assert_eq!(a.source, "");
    assert_eq!(a.date, NaiveDate::from_ymd_opt(2020, 1, 5).unwrap());
    assert_eq!(
        parse("x.txt", b" dated 2020-01-05 X\nTitle"),
        Err(ParseError::MissingHeader {
            found: " dated 2020-01-05 X".into()
        })
    );
}

#[test]
fn datelines_need_a_capitalised_place_and_a_closing_mark() {
    let cases = [
        ("WASHINGTON — The talks resumed.", Some("WASHINGTON —")),
        (
            "ANKARA, March 3 (Reuters) - Turkey said.",
            Some("ANKARA, March 3 (Reuters) -"),
        ),
        ("NATO allies agreed (again) to meet.", None),
        ("US officials said so.", None),
        ("The talks resumed.", None),
    ];
    for (line, want) in cases {
        let got = blocks::dateline_len(line).map(|n| &line[..n]);
        assert_eq!(got, want, "{line}");
    }
}

#[test]
fn bylines_and_captions() {
    assert!(blocks::is_byline("By Jane Doe, Reuters"));
    assert!(blocks::is_byline("Updated 3 hours ago"));
    assert!(blocks::is_byline("27 April 2022"));
    assert!(!blocks::is_byline(
        "Turkey bought 2 S-400 units in April 2019."
    ));
    assert!(blocks::is_caption(
        "KYIV, UKRAINE - MARCH 01: Smoke rises over the city."
    ));
    assert!(!blocks::is_caption("Talks - March 1: a timeline"));
}

#[test]
fn garbage_never_panics() {
    let inputs: [&[u8]; 5] = [
        b" date 2021-03-03 X\n\xc3\xa9\xc3\xa9 - \xe2\x80\x94(",
        b" date 2021-03-03 X\nT\nMOSCOW (",
        b" date 2021-03-03 X\nT\nBy",
        b" date 2021-03-03 X\nT\n\xe2\x80\x94 \xe2\x80\x94 (\xe2\x80\x94)",
        b"date 9999-12-31\nT\nA - JANUARY 1:",
    ];
    for bytes in inputs {
        let _ = parse("x.txt", bytes);
    }
}

/// A file of `bytes` bytes: a valid header and title, then one long paragraph.
fn article_of_size(bytes: usize) -> Vec<u8> {
    let mut text = b" date 2021-03-03 Wire\nTitle\n\n".to_vec();
    while text.len() < bytes {
        text.extend_from_slice(b"Turkey said. ");
    }
    text.truncate(bytes);
    text
}

#[test]
fn an_article_over_the_size_limit_is_refused_with_its_size() {
    let at_limit = article_of_size(MAX_ARTICLE_BYTES);
    assert!(within_limit(&at_limit, MAX_ARTICLE_BYTES).is_ok());
    let over = article_of_size(MAX_ARTICLE_BYTES + 1);
    let want = ParseError::TooLarge {
        bytes: MAX_ARTICLE_BYTES + 1,
        limit: MAX_ARTICLE_BYTES,
    };
    assert_eq!(parse("big.txt", &over), Err(want.clone()));
    let day = NaiveDate::from_ymd_opt(2021, 3, 3).unwrap();
    assert_eq!(
        parse_headerless("big.txt", &over, day, "W"),
        Err(want.clone())
    );
    // Refused before anything else is looked at: even invalid UTF-8.
    let mut garbage = over.clone();
    garbage[40] = 0xff;
    assert_eq!(parse("big.txt", &garbage), Err(want.clone()));
    assert_eq!(
        want.to_string(),
        "the file is 10485761 bytes (10.0 MB), over the limit of 10485760 bytes (10 MB) for one article: split it into smaller files"
    );
}

#[test]
fn the_size_limit_can_be_raised_or_lowered() {
    let small = article_of_size(100);
    assert!(parse_limited("x.txt", &small, 100).is_ok());
    assert_eq!(
        parse_limited("x.txt", &small, 99),
        Err(ParseError::TooLarge {
            bytes: 100,
            limit: 99
        })
    );
}

#[test]
fn a_lede_repeated_after_thousands_of_paragraphs_is_a_summary() {
    // Each paragraph is looked up among the later ones (comparing every
    // pair made an article of many short lines quadratic).
    let lede = "Turkey is negotiating the purchase of a second batch of S-400 systems.";
    let mut text = format!(" date 2021-03-03 W\nTitle\n\n{lede}\n\n");
    for i in 0..5000 {
        text.push_str(&format!("Line {i} of the transcript.\n"));
    }
    text.push_str(&format!("MOSCOW - {lede} An official said so.\n"));
    text.push_str(&format!("{lede} An official said so.\n"));
    let a = parse("x.txt", text.as_bytes()).unwrap();
    let summaries: Vec<&str> = a
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Summary)
        .map(|b| b.span.of(&a.text))
        .collect();
    assert_eq!(summaries, [lede]);
}
