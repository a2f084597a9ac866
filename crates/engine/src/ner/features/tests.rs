use super::*;
use crate::ner::keys::casing_key;

struct NoLex;
impl Lexicon for NoLex {
    fn entity(&self, _: u64) -> Option<u8> {
        None
    }
    fn casing(&self, key: u64) -> Option<u8> {
        (key == casing_key("in") || key == casing_key("of")).then_some(0)
    }
}

fn shapes(w: &str) -> (String, String) {
    let (mut long, mut short) = (String::new(), String::new());
    push_shapes(w, &mut long, &mut short);
    (long, short)
}

#[test]
fn shapes_collapse_runs() {
    assert_eq!(shapes("S-400s"), ("X-dddx".into(), "X-dx".into()));
    assert_eq!(shapes("Turkey"), ("Xxxxxx".into(), "Xx".into()));
}

#[test]
fn title_case_headline_is_truecased_from_the_body() {
    let text = "Turkey In Negotiations With Russia On Second Batch Of S-400 Missile Systems\n\
                Turkey is in negotiations with Russia on a second batch.";
    let segs = [
        Segment {
            span: Span::new(0, 75),
            headline: false,
        },
        Segment {
            span: Span::new(76, text.len()),
            headline: false,
        },
    ];
    let (sents, _) = prepare(text, &segs, &NoLex);
    let views: Vec<&str> = sents[0].iter().map(|t| &*t.view).collect();
    assert!(sents[0][0].headline, "detected as a headline");
    assert_eq!(
        views,
        [
            "Turkey",
            "in",
            "negotiations",
            "with",
            "Russia",
            "on",
            "second",
            "batch",
            "of",
            "S-400",
            "Missile",
            "Systems"
        ]
    );
    assert!(!sents[1][0].headline);
}

#[test]
fn caption_caps_runs_are_headline_text() {
    let text = "UNKNOWN LOCATION, BELARUS - FEBRUARY 09: S-400 systems arrive in Belarus.";
    let segs = [Segment {
        span: Span::new(0, text.len()),
        headline: false,
    }];
    let (sents, _) = prepare(text, &segs, &NoLex);
    let s = &sents[0];
    assert!(s[0].headline && s[3].headline);
    assert_eq!(s[3].view, "Belarus");
    assert!(!s[s.len() - 2].headline);
}

#[test]
fn features_see_gazetteers() {
    let text = "He flew to Ankara with Russian S-400 experts.";
    let segs = [Segment {
        span: Span::new(0, text.len()),
        headline: false,
    }];
    let (sents, stats) = prepare(text, &segs, &NoLex);
    let f = sentence_features(&sents[0], &stats, &NoLex);
    assert_eq!(f.len(), sents[0].len());
    assert!(f[3].contains(&fhash("pl", "U")));
    assert!(f[5].contains(&fhash("dm", "")));
    assert!(f[6].contains(&fhash("dsg", "")));
}
