//! The bundled seeds, analysed end to end: exact entity spans, labels and
//! canonical ids, dates with their values, and the history they tell on the
//! timeline's event lane, each event linked to the sentence that dates it.

mod common;

use dateline_engine::analysis::analyze;
use dateline_engine::corpus::{Corpus, Input};
use dateline_engine::label::Label;

fn seeds() -> Corpus {
    let files = common::seed_files();
    analyze(files.iter().map(|(path, bytes)| Input { path, bytes }))
}

#[test]
fn events_cover_the_history_the_seeds_tell() {
    let corpus = seeds();
    let sentence_of = |value: &str| {
        let e = corpus
            .events
            .iter()
            .find(|e| e.value == value)
            .unwrap_or_else(|| {
                panic!(
                    "no event {value}: {:?}",
                    corpus.events.iter().map(|e| &e.value).collect::<Vec<_>>()
                )
            });
        let s = e.sources[0];
        s.sentence
            .of(&corpus.articles[s.article].article.text)
            .to_string()
    };
    assert!(sentence_of("2002").starts_with("In 2002, Turkiye joined several other NATO allies"));
    assert!(sentence_of("2007").contains("five years later"));
    assert_eq!(
        sentence_of("2019"),
        "Ankara signed a defence agreement with Russia on S-400 supply in 2019."
    );
    assert!(sentence_of("2019-07").starts_with("Deployment of the Russian-made S-400"));
    assert!(
        sentence_of("2020-12").starts_with("In December 2020, the US imposed sanctions on Turkey")
    );
    assert!(sentence_of("2022-02-09").contains("on February 9, 2022"));
    assert!(sentence_of("2022-W16").starts_with("Last week, Turkiye also announced"));
    let dates: Vec<String> = corpus.events.iter().map(|e| e.start.to_string()).collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted, "events are in time order");
}

#[test]
fn publication_stamps_are_not_events_and_a_month_is_a_span() {
    let corpus = seeds();
    for e in corpus.events.iter() {
        for s in &e.sources {
            let text = &corpus.articles[s.article].article.text;
            assert!(
                !s.sentence.of(text).starts_with("Faizan Hashmi"),
                "byline dated as an event"
            );
            assert!(s.sentence.contains(s.timex));
        }
    }
    let december = corpus.events.iter().find(|e| e.value == "2020-12").unwrap();
    assert_eq!(december.start.to_string(), "2020-12-01");
    assert_eq!(december.end.to_string(), "2021-01-01");
}

/// (text, label, entity id) of every mention in article `i`, in order.
fn mentions(corpus: &Corpus, i: usize) -> Vec<(String, Label, String)> {
    let a = &corpus.articles[i];
    a.mentions
        .iter()
        .map(|m| {
            (
                m.span.of(&a.article.text).to_string(),
                m.label,
                corpus.entities[m.entity].id.clone(),
            )
        })
        .collect()
}

#[test]
fn entities_of_the_2021_seed() {
    let corpus = seeds();
    let a = &corpus.articles[0].article;
    assert_eq!(a.id, "000_fd1aee54e6a12c6a");
    let got = mentions(&corpus, 0);
    let expect = |text: &str, label: Label, id: &str| {
        assert!(
            got.iter()
                .any(|(t, l, e)| t == text && *l == label && e == id),
            "{text} as {label} ({id}) not in {got:?}"
        );
    };
    expect("Ismail Demir", Label::Person, "ismail-demir");
    expect("Faizan Hashmi", Label::Person, "faizan-hashmi");
    expect(
        "Countering America's Adversaries Through Sanctions Act",
        Label::Law,
        "countering-america-s-adversaries-through-sanctions-act",
    );
    expect("S-400s", Label::Product, "s-400");
    expect("Patriot", Label::Product, "patriot");
    expect("NATO", Label::Org, "nato");
    expect("Turkish", Label::Norp, "turkish");
    expect("Washington", Label::Gpe, "washington");
    expect("Ankara", Label::Gpe, "ankara");
    expect("US", Label::Gpe, "united-states");
    // Exact byte span of the first Demir mention, as the scorer sees it.
    let demir = corpus.articles[0]
        .mentions
        .iter()
        .find(|m| m.span.of(&a.text) == "Ismail Demir")
        .unwrap();
    assert_eq!((demir.span.start, demir.span.end), (1330, 1342));
}

#[test]
fn entities_of_the_2022_seed_link_to_the_2021_ones() {
    let corpus = seeds();
    let got = mentions(&corpus, 1);
    let has = |text: &str, label: Label, id: &str| {
        got.iter()
            .any(|(t, l, e)| t == text && *l == label && e == id)
    };
    assert!(
        has("Turkiye", Label::Gpe, "turkey"),
        "Turkiye = Turkey: {got:?}"
    );
    assert!(has("Ismail Demir", Label::Person, "ismail-demir"));
    assert!(has(
        "Allied Resolve 2022",
        Label::Event,
        "allied-resolve-2022"
    ));
    assert!(has("Pantsir-S", Label::Product, "pantsir-s"));
    assert!(has(
        "Presidency of Defence Industries",
        Label::Org,
        "presidency-of-defence-industries"
    ));
    assert!(
        has("SSB", Label::Org, "presidency-of-defence-industries"),
        "acronym defined in the text"
    );
    assert!(has("Belarusian", Label::Norp, "belarusian"));
    let demir = &corpus.entities[corpus.entity_index("ismail-demir").unwrap()];
    assert_eq!(
        (demir.mention_count, demir.articles.clone()),
        (2, vec![0, 1])
    );
}

#[test]
fn dates_of_both_seeds_with_their_values() {
    let corpus = seeds();
    let values = |i: usize| -> Vec<(String, String)> {
        let a = &corpus.articles[i];
        a.timexes
            .iter()
            .map(|t| (t.span.of(&a.article.text).to_string(), t.value.clone()))
            .collect()
    };
    let pairs = |v: &[(&str, &str)]| -> Vec<(String, String)> {
        v.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    };
    assert_eq!(
        values(0),
        pairs(&[
            ("5 minutes ago", "PAST_REF"),
            ("Wed 03rd March 2021", "2021-03-03"),
            ("05:00 PM", "2021-03-03T17:00"),
            ("Wednesday", "2021-03-03"),
            ("03rd March, 2021", "2021-03-03"),
            ("Wednesday", "2021-03-03"),
            ("December 2020", "2020-12"),
            ("July 2019", "2019-07"),
        ])
    );
    assert_eq!(
        values(1),
        pairs(&[
            ("April 27, 2022", "2022-04-27"),
            ("FEBRUARY 09", "2022-02-09"),
            ("February 9, 2022", "2022-02-09"),
            ("February 10", "2022-02-10"),
            ("late Tuesday", "2022-04-26"),
            ("2019", "2019"),
            ("Last week", "2022-W16"),
            ("2002", "2002"),
            ("five years later", "2007"),
        ])
    );
}
