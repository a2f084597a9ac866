//! The bundled seeds, analysed end to end: the history they tell lands on the
//! timeline's event lane, each event linked to the sentence that dates it.

use dateline::analysis::{analyze, Corpus, Input};
use dateline::timeline::Viewport;

fn seeds() -> Corpus {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/corpus");
    let files: Vec<(String, Vec<u8>)> = ["000_fd1aee54e6a12c6a.txt", "003_113eacf95b61ac4f.txt"]
        .iter()
        .map(|name| (name.to_string(), std::fs::read(root.join(name)).unwrap()))
        .collect();
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
    for e in &corpus.events {
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

#[test]
fn the_initial_timeline_shows_articles_and_their_history() {
    let corpus = seeds();
    let view = Viewport::fit(
        corpus
            .articles
            .iter()
            .map(|a| a.article.date)
            .chain(corpus.events.iter().map(|e| e.start)),
    );
    let ticks = view.ticks(1000.0);
    let labels: Vec<&str> = ticks.iter().map(|t| t.label.as_str()).collect();
    assert!(
        labels.contains(&"2005") || labels.contains(&"2004"),
        "{labels:?}"
    );
    assert!(labels.contains(&"2020"), "{labels:?}");
}
