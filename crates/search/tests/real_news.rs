//! Search on real news: the 216 CoNLL-2003 development articles (Reuters,
//! 1996), read from `../shared` at test time. Every expectation is computed
//! from the articles themselves (an exact scan of their terms), so the tests
//! check behaviour, not remembered answers.

use dateline_search::builder::{Document, IndexBuilder};
use dateline_search::query::{contains_phrase, Query};
use dateline_search::ranking::{rank, search, Scored};
use dateline_search::snippet::snippet;
use dateline_search::terms::terms;
use dateline_search::SearchIndex;
use std::collections::HashSet;
use std::path::Path;

struct News {
    titles: Vec<String>,
    texts: Vec<String>,
    terms: Vec<HashSet<String>>,
    index: SearchIndex,
}

fn news() -> News {
    let dir =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/conll2003/dev/corpus");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e} (the corpus tests need ../shared)", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    let mut builder = IndexBuilder::new();
    let (mut titles, mut texts) = (Vec::new(), Vec::new());
    for path in paths {
        let bytes = std::fs::read(&path).unwrap();
        let article = dateline_engine::article::parse(&path.to_string_lossy(), &bytes).unwrap();
        builder.add(Document {
            title: article.title(),
            text: &article.text,
            names: &[],
        });
        titles.push(article.title().to_owned());
        texts.push(article.text);
    }
    // Small shards, so queries read across several.
    let index = builder.finish(4096);
    let terms = texts
        .iter()
        .map(|t| terms(t).into_iter().collect())
        .collect();
    News {
        titles,
        texts,
        terms,
        index,
    }
}

fn docs(scored: &[Scored]) -> HashSet<u32> {
    scored.iter().map(|s| s.doc).collect()
}

fn with_term(news: &News, term: &str) -> HashSet<u32> {
    (0..news.texts.len() as u32)
        .filter(|&d| news.terms[d as usize].contains(term))
        .collect()
}

#[test]
fn the_index_is_split_and_every_word_finds_exactly_the_articles_holding_it() {
    let news = news();
    assert!(news.index.to_parts().1.len() > 10, "4 KB shards");
    for word in [
        "police", "minister", "clinton", "yeltsin", "percent", "soccer",
    ] {
        let hits = search(&news.index, &Query::parse(&format!("{word} ")));
        let expected = with_term(&news, word);
        assert!(!expected.is_empty(), "{word} is in the corpus");
        assert_eq!(docs(&hits.scored), expected, "{word}");
    }
    let both = search(&news.index, &Query::parse("police minister "));
    let expected: HashSet<u32> = &with_term(&news, "police") & &with_term(&news, "minister");
    assert_eq!(docs(&both.scored), expected, "every word must match");
}

#[test]
fn ranked_best_first_and_titles_count() {
    let news = news();
    for word in ["yeltsin", "soccer", "police"] {
        let mut hits = search(&news.index, &Query::parse(&format!("{word} ")));
        rank(&mut hits.scored, usize::MAX);
        assert!(
            hits.scored.windows(2).all(|w| w[0].score >= w[1].score),
            "{word}: ranked"
        );
        // Articles with the word in their title sit higher on average.
        let in_title = |d: u32| terms(&news.titles[d as usize]).contains(&word.to_string());
        let mean_rank = |titled: bool| {
            let ranks: Vec<usize> = (0..hits.scored.len())
                .filter(|&r| in_title(hits.scored[r].doc) == titled)
                .collect();
            assert!(!ranks.is_empty(), "{word}: titled {titled}");
            ranks.iter().sum::<usize>() as f64 / ranks.len() as f64
        };
        assert!(mean_rank(true) < mean_rank(false), "{word}");
    }
}

#[test]
fn the_word_being_typed_matches_as_a_prefix() {
    let news = news();
    let hits = search(&news.index, &Query::parse("yeltsin pres"));
    let expected: HashSet<u32> = with_term(&news, "yeltsin")
        .into_iter()
        .filter(|&d| news.terms[d as usize].iter().any(|t| t.starts_with("pres")))
        .collect();
    assert!(!expected.is_empty());
    // A short prefix stands for its most frequent completions, so it may
    // find a little less than a full scan; never anything else.
    let found = docs(&hits.scored);
    assert!(found.is_subset(&expected));
    assert!(
        found.len() * 10 >= expected.len() * 9,
        "{} of {}",
        found.len(),
        expected.len()
    );
    assert!(hits
        .matched
        .iter()
        .all(|t| t == "yeltsin" || t.starts_with("pres")));
    assert!(hits.matched.contains(&"president".to_string()));
}

#[test]
fn a_misspelt_word_finds_what_the_right_one_finds_and_suggests_nothing_then() {
    let news = news();
    for (typo, meant) in [
        ("yeltisn", "yeltsin"),
        ("parliment", "parliament"),
        ("polce", "police"),
    ] {
        assert!(
            with_term(&news, typo).is_empty(),
            "{typo} is not a word here"
        );
        let mut hits = search(&news.index, &Query::parse(&format!("{typo} ")));
        rank(&mut hits.scored, 5);
        let wanted = with_term(&news, meant);
        assert!(
            hits.scored.iter().take(5).all(|s| wanted.contains(&s.doc)),
            "{typo} -> {meant}: {:?}",
            hits.matched
        );
        assert_eq!(hits.suggestion, None);
    }
}

#[test]
fn nothing_found_suggests_the_closest_words() {
    let news = news();
    // Two typos in a 6-letter word: more than search tolerates, within
    // what a suggestion looks for.
    let hits = search(&news.index, &Query::parse("moscow yletsn "));
    assert!(hits.scored.is_empty());
    assert_eq!(hits.suggestion.as_deref(), Some("moscow yeltsin"));
    let fixed = search(&news.index, &Query::parse("moscow yeltsin "));
    assert!(!fixed.scored.is_empty(), "the suggestion finds something");
    let hits = search(&news.index, &Query::parse("xqzvw "));
    assert_eq!(
        (hits.scored.len(), hits.suggestion),
        (0, None),
        "nothing close"
    );
}

#[test]
fn quoted_phrases_and_exclusions() {
    let news = news();
    let phrase = terms("prime minister");
    let query = Query::parse("\"prime minister\" -police");
    assert_eq!(query.phrases, std::slice::from_ref(&phrase));
    let hits = search(&news.index, &query);
    let kept: HashSet<u32> = hits
        .scored
        .iter()
        .map(|s| s.doc)
        .filter(|&d| contains_phrase(&news.texts[d as usize], &phrase))
        .collect();
    let expected: HashSet<u32> = (0..news.texts.len() as u32)
        .filter(|&d| contains_phrase(&news.texts[d as usize], &phrase))
        .filter(|&d| !news.terms[d as usize].contains("police"))
        .collect();
    assert!(!expected.is_empty());
    assert_eq!(kept, expected);
    let excluded_only = search(&news.index, &Query::parse("-police"));
    assert_eq!(
        excluded_only.scored.len(),
        news.texts.len() - with_term(&news, "police").len()
    );
}

#[test]
fn snippets_mark_every_query_word_where_they_meet() {
    let news = news();
    let mut hits = search(&news.index, &Query::parse("yeltsin moscow "));
    rank(&mut hits.scored, 3);
    assert!(!hits.scored.is_empty());
    for s in hits.scored.iter().take(3) {
        let text = &news.texts[s.doc as usize];
        let cut = snippet(text, |t| hits.matched.iter().any(|m| m == t), 160).unwrap();
        let marked: HashSet<String> = cut.marks.iter().flat_map(|m| terms(m.of(text))).collect();
        assert!(
            marked.iter().all(|t| t == "yeltsin" || t == "moscow"),
            "{marked:?}"
        );
        assert!(!marked.is_empty());
        assert!(cut.window.len() <= 160 + 40 + 40, "{}", cut.window.len());
    }
}

/// The corpus index counts articles' terms in batches (on every core with
/// the `parallel` feature) and adds them in order: the same index as adding
/// each article in turn, across batch boundaries (five copies of the 216
/// articles make 1,080, over one batch of 1,024).
#[test]
fn the_corpus_index_is_the_index_of_its_articles_added_in_order() {
    let news = news();
    let articles: Vec<dateline_engine::corpus::AnalyzedArticle> = (0..5)
        .flat_map(|copy| {
            news.texts
                .iter()
                .enumerate()
                .map(move |(i, t)| (copy, i, t))
        })
        .map(|(copy, i, text)| {
            let file = format!(" date 2001-01-01 X\n{text}");
            let article =
                dateline_engine::article::parse(&format!("{copy}-{i}.txt"), file.as_bytes())
                    .unwrap();
            dateline_engine::corpus::AnalyzedArticle {
                article,
                mentions: Vec::new(),
                timexes: Vec::new(),
            }
        })
        .collect();
    let mut builder = IndexBuilder::new();
    for a in &articles {
        builder.add(Document {
            title: a.article.title(),
            text: &a.article.text,
            names: &[],
        });
    }
    let corpus = dateline_engine::corpus::Corpus {
        articles,
        ..Default::default()
    };
    let batched = dateline_search::corpus::index_corpus(&corpus, 4096);
    assert_eq!(corpus.articles.len(), 1080);
    assert_eq!(batched.to_parts(), builder.finish(4096).to_parts());
}
