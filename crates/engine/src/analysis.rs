//! The one entry point the CLI and the reader share: files in, a fully
//! analysed corpus out.

use crate::article::{self, Article, Block, BlockKind};
use crate::cores;
use crate::corpus::{AnalyzedArticle, Corpus, Input, Mention, Problem};
use crate::events::{self, DatedSentence};
use crate::label::Label;
use crate::linking::{self, Candidate, Wording};
use crate::ner::{self, RawMention, Recognizer};
use crate::timex::{self, Timex};
use serde::{Deserialize, Serialize};

/// Parses, tags, links and dates every input. Malformed files, and files
/// over [`article::MAX_ARTICLE_BYTES`], become [`Problem`]s; the rest are
/// analysed as usual.
pub fn analyze<'a>(inputs: impl IntoIterator<Item = Input<'a>>) -> Corpus {
    analyze_with_limit(inputs, article::MAX_ARTICLE_BYTES)
}

/// [`analyze`] with another per-article size limit in bytes (the scaling
/// benchmark measures articles beyond the usual one).
pub fn analyze_with_limit<'a>(inputs: impl IntoIterator<Item = Input<'a>>, limit: usize) -> Corpus {
    let mut problems = Vec::new();
    let mut tagged = Vec::new();
    for input in inputs {
        match article::parse_limited(input.path, input.bytes, limit) {
            Ok(a) => tagged.push(tag(a)),
            Err(error) => problems.push(Problem {
                path: input.path.to_string(),
                error,
            }),
        }
    }
    assemble(tagged, problems)
}

/// One article with its own mentions and dates found, not yet linked to the
/// rest of the corpus: the expensive, per-article half of the analysis, so
/// the reader can do it in its import worker (serialisable, to cross from
/// the worker to the page).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tagged {
    pub article: Article,
    pub mentions: Vec<RawMention>,
    pub timexes: Vec<Timex>,
}

impl Tagged {
    /// The tagged article an analysed one was assembled from: linking only
    /// adds entity ids, so a bundled corpus can be linked again with newly
    /// added articles without tagging anything twice.
    pub fn from_analyzed(a: &AnalyzedArticle) -> Tagged {
        Tagged {
            article: a.article.clone(),
            mentions: a
                .mentions
                .iter()
                .map(|m| RawMention {
                    span: m.span,
                    label: m.label,
                })
                .collect(),
            timexes: a.timexes.clone(),
        }
    }
}

/// Finds the entity mentions and dates of one article.
pub fn tag(article: Article) -> Tagged {
    let segments = ner::segments(&article);
    // A long article's dates are found on another core while its entities
    // are (see `cores`).
    let long = article.text.len() >= LONG_ARTICLE_BYTES;
    let (mut mentions, timexes) = cores::join(
        long,
        || Recognizer::bundled().recognize(&article.text, &segments),
        || timex::tag(&article.text, article.body_span(), article.date),
    );
    mark_byline_authors(&article, &mut mentions);
    Tagged {
        article,
        mentions,
        timexes,
    }
}

/// Size from which an article's dates and entities are found side by side:
/// far above an ordinary news article (a few KB), whose corpus already
/// keeps every core busy.
const LONG_ARTICLE_BYTES: usize = 64 * 1024;

/// Last words of publisher names, which a byline may open with instead of an author.
const PUBLISHER_WORDS: &[&str] = &[
    "Agency", "News", "Press", "Times", "Post", "Service", "Network", "Media", "Daily", "Journal",
    "Reuters", "Staff", "Desk", "Wire",
];

/// The name a byline opens with ("Faizan Hashmi 5 minutes ago", "By Jane
/// Doe") is its author: a person, whatever the tagger made of a name seen
/// without a sentence around it.
fn mark_byline_authors(article: &Article, mentions: &mut [RawMention]) {
    for block in article
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Byline)
    {
        let line = block.span.of(&article.text);
        let lead = if line.starts_with("By ") { 3 } else { 0 };
        let Some(m) = mentions
            .iter_mut()
            .find(|m| m.span.start == block.span.start + lead)
        else {
            continue;
        };
        let words: Vec<&str> = m.span.of(&article.text).split_whitespace().collect();
        let name_like = (2..=3).contains(&words.len())
            && words
                .iter()
                .all(|w| w.starts_with(char::is_uppercase) && w.chars().all(char::is_alphabetic))
            && !words.iter().any(|w| PUBLISHER_WORDS.contains(w));
        if name_like {
            m.label = Label::Person;
        }
    }
}

/// Links the tagged articles into one corpus: reading order, canonical
/// entities across articles, and the timeline's events.
pub fn assemble(mut tagged: Vec<Tagged>, problems: Vec<Problem>) -> Corpus {
    tagged.sort_by(|a, b| reading_order(&a.article, &b.article));
    let candidates = candidates(tagged.iter().map(|t| t.mentions.as_slice()));
    let texts: Vec<&str> = tagged.iter().map(|t| t.article.text.as_str()).collect();
    let (entities, assigned) = linking::link(&texts, &candidates);
    let mentions = linked_mentions(tagged.len(), &candidates, assigned);
    let articles: Vec<AnalyzedArticle> = tagged
        .into_iter()
        .zip(mentions)
        .map(|(t, mentions)| AnalyzedArticle {
            article: t.article,
            mentions,
            timexes: t.timexes,
        })
        .collect();
    let events = events::collect(&articles);
    Corpus {
        articles,
        entities: entities.into(),
        events: events.into(),
        problems,
    }
}

/// Reading order: by date, then id (equal ones keep their order, the
/// sorts being stable).
fn reading_order(a: &Article, b: &Article) -> std::cmp::Ordering {
    (a.date, &a.id).cmp(&(b.date, &b.id))
}

/// Every mention of every article (in reading order), to link.
fn candidates<'a>(mentions: impl Iterator<Item = &'a [RawMention]>) -> Vec<Candidate> {
    mentions
        .enumerate()
        .flat_map(|(index, mentions)| {
            mentions.iter().map(move |m| Candidate {
                article: index,
                span: m.span,
                label: m.label,
            })
        })
        .collect()
}

/// Each article's mentions with the entity linking `assigned` them,
/// sorted by start.
fn linked_mentions(
    articles: usize,
    candidates: &[Candidate],
    assigned: Vec<usize>,
) -> Vec<Vec<Mention>> {
    // Each list of its final size: a corpus keeps them to the end.
    let mut counts = vec![0; articles];
    for c in candidates {
        counts[c.article] += 1;
    }
    let mut mentions: Vec<Vec<Mention>> = counts.into_iter().map(Vec::with_capacity).collect();
    for (c, entity) in candidates.iter().zip(assigned) {
        mentions[c.article].push(Mention {
            span: c.span,
            label: c.label,
            entity,
        });
    }
    for m in &mut mentions {
        m.sort_by_key(|m| m.span.start);
    }
    mentions
}

/// A tagged article without its text: what linking the corpus and finding
/// its events read of it. `dateline bundle` keeps one per article while
/// the texts wait on disk, so a corpus larger than memory still links,
/// exactly as [`assemble`] would link it (see [`assemble_digests`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Digest {
    /// The article with its text and blocks taken out (both empty).
    pub article: Article,
    /// As tagged, not yet linked.
    pub mentions: Vec<RawMention>,
    /// The mentions' surfaces one after the other; mention `i`'s ends at
    /// `surface_ends[i]`.
    surfaces: String,
    surface_ends: Vec<usize>,
    /// (mention, acronym) for the few mentions an acronym in brackets follows.
    acronyms: Vec<(usize, String)>,
    /// As tagged: linking does not change them.
    pub timexes: Vec<Timex>,
    dated: Vec<DatedSentence>,
}

/// What [`Digest::of`] takes out of an article: its text and blocks, to be
/// put back with [`Body::restore`] once the corpus is linked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Body {
    /// The article's text, as read.
    pub text: String,
    /// Its blocks, spans into that text.
    pub blocks: Vec<Block>,
}

impl Body {
    /// Puts the text and blocks back into the article they were taken from.
    pub fn restore(self, article: &mut Article) {
        article.text = self.text;
        article.blocks = self.blocks;
    }
}

impl Digest {
    /// Reads what linking and events need from `tagged`'s text, and splits
    /// the text and blocks off.
    pub fn of(mut tagged: Tagged) -> (Digest, Body) {
        let dated = events::dated_sentences(&tagged.article, &tagged.timexes);
        let text = &tagged.article.text;
        let mut surfaces =
            String::with_capacity(tagged.mentions.iter().map(|m| m.span.len()).sum());
        let mut surface_ends = Vec::with_capacity(tagged.mentions.len());
        let mut acronyms = Vec::new();
        for (i, m) in tagged.mentions.iter().enumerate() {
            let wording = Wording::of(text, m.span);
            surfaces.push_str(wording.surface);
            surface_ends.push(surfaces.len());
            if let Some(acronym) = wording.acronym {
                acronyms.push((i, acronym.to_string()));
            }
        }
        let body = Body {
            text: std::mem::take(&mut tagged.article.text),
            blocks: std::mem::take(&mut tagged.article.blocks),
        };
        // Kept for the whole build, one per article: no spare capacity.
        tagged.mentions.shrink_to_fit();
        tagged.timexes.shrink_to_fit();
        let digest = Digest {
            article: tagged.article,
            mentions: tagged.mentions,
            surfaces,
            surface_ends,
            acronyms,
            timexes: tagged.timexes,
            dated,
        };
        (digest, body)
    }

    /// Mention `i`'s wording.
    fn wording(&self, i: usize) -> Wording<'_> {
        let start = i.checked_sub(1).map_or(0, |p| self.surface_ends[p]);
        let acronym = self.acronyms.binary_search_by_key(&i, |(at, _)| *at);
        Wording {
            surface: &self.surfaces[start..self.surface_ends[i]],
            acronym: acronym.ok().map(|k| self.acronyms[k].1.as_str()),
        }
    }
}

/// [`assemble`] over digests: the same corpus, but every article's text
/// and blocks empty (they were split off by [`Digest::of`]). Each digest
/// comes with the caller's `T` (where its body is kept, say), returned in
/// reading order with the articles.
pub fn assemble_digests<T>(
    mut digests: Vec<(Digest, T)>,
    problems: Vec<Problem>,
) -> (Corpus, Vec<T>) {
    digests.sort_by(|a, b| reading_order(&a.0.article, &b.0.article));
    let candidates = candidates(digests.iter().map(|(d, _)| d.mentions.as_slice()));
    // Candidate `i` is mention `i - firsts[article]` of its article.
    let firsts: Vec<usize> = (digests.iter())
        .scan(0, |first, (d, _)| {
            let this = *first;
            *first += d.mentions.len();
            Some(this)
        })
        .collect();
    let (entities, assigned) = linking::link_worded(&candidates, |i| {
        let article = candidates[i].article;
        digests[article].0.wording(i - firsts[article])
    });
    drop(firsts);
    let mentions = linked_mentions(digests.len(), &candidates, assigned);
    drop(candidates);
    let mut articles = Vec::with_capacity(digests.len());
    let mut dated = Vec::with_capacity(digests.len());
    let mut kept = Vec::with_capacity(digests.len());
    for ((d, t), mentions) in digests.into_iter().zip(mentions) {
        articles.push(AnalyzedArticle {
            article: d.article,
            mentions,
            timexes: d.timexes,
        });
        dated.push(d.dated);
        kept.push(t);
    }
    let events = events::collect_dated(&articles, &dated);
    let corpus = Corpus {
        articles,
        entities: entities.into(),
        events: events.into(),
        problems,
    };
    (corpus, kept)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tagged(text: &str) -> Tagged {
        tag(article::parse("x.txt", text.as_bytes()).unwrap())
    }

    fn label_of(t: &Tagged, surface: &str) -> Option<Label> {
        t.mentions
            .iter()
            .find(|m| m.span.of(&t.article.text) == surface)
            .map(|m| m.label)
    }

    #[test]
    fn assembling_the_tagged_articles_of_a_corpus_again_gives_the_same_corpus() {
        let files = seed_files();
        let corpus = analyze(files.iter().map(|(path, bytes)| Input { path, bytes }));
        let tagged = corpus.articles.iter().map(Tagged::from_analyzed).collect();
        assert_eq!(assemble(tagged, corpus.problems.clone()), corpus);
    }

    fn seed_files() -> Vec<(String, Vec<u8>)> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/corpus");
        std::fs::read_dir(&root)
            .unwrap()
            .map(|e| e.unwrap().path())
            .map(|p| (p.display().to_string(), std::fs::read(&p).unwrap()))
            .collect()
    }

    #[test]
    fn assembling_digests_gives_the_corpus_assemble_gives_without_texts() {
        let mut files = seed_files();
        // An acronym in brackets, a possessive, a surname alone, dated
        // sentences, and two articles of one date (reading order by id).
        let extra = " date 2021-03-03 Wire\nSSB's chief visits Ankara\n\nThe Presidency of Defence Industries (SSB) said on 1 March 2021 that Ismail Demir met Sergei Lavrov. Demir's SSB praised Lavrov's visit.\n";
        files.push(("b.txt".into(), extra.as_bytes().to_vec()));
        files.push(("a.txt".into(), extra.replace("SSB", "FAA").into_bytes()));
        let tagged: Vec<Tagged> = files
            .iter()
            .map(|(path, bytes)| tag(article::parse(path, bytes).unwrap()))
            .collect();
        let problem = Problem {
            path: "bad.txt".into(),
            error: article::ParseError::Empty,
        };
        let expected = assemble(tagged.clone(), vec![problem.clone()]);
        let digests = tagged.into_iter().map(Digest::of).collect();
        let (mut corpus, bodies) = assemble_digests(digests, vec![problem]);
        assert!(corpus.articles.iter().all(|a| a.article.text.is_empty()));
        for (a, body) in corpus.articles.iter_mut().zip(bodies) {
            body.restore(&mut a.article);
        }
        assert_eq!(corpus, expected);
        assert!(!corpus.events.is_empty());
        assert!(corpus
            .entities
            .iter()
            .any(|e| e.aliases.iter().any(|a| a == "SSB")));
    }

    #[test]
    fn assembling_no_digest_gives_an_empty_corpus() {
        let (corpus, kept) = assemble_digests::<()>(Vec::new(), Vec::new());
        assert_eq!(corpus, Corpus::default());
        assert!(kept.is_empty());
    }

    #[test]
    fn a_byline_opens_with_its_author() {
        let t = tagged(" date 2021-03-03 W\nTitle\n\nFaizan Hashmi 5 minutes ago Wed 03rd March 2021 | 05:00 PM\n\nBody.\n");
        assert_eq!(t.article.blocks[1].kind, BlockKind::Byline);
        assert_eq!(label_of(&t, "Faizan Hashmi"), Some(Label::Person));
        let agency =
            tagged(" date 2021-03-03 W\nTitle\n\nBy Anadolu Agency 5 minutes ago\n\nBody.\n");
        assert_ne!(label_of(&agency, "Anadolu Agency"), Some(Label::Person));
    }

    #[test]
    fn an_article_over_the_size_limit_is_a_problem_and_the_others_are_analysed() {
        let mut big = b" date 2021-03-03 Wire\nTitle\n\n".to_vec();
        big.resize(article::MAX_ARTICLE_BYTES + 1, b'a');
        let small = b" date 2021-03-03 Wire\nTitle\n\nTurkey said on Wednesday.\n";
        let corpus = analyze([
            Input {
                path: "big.txt",
                bytes: &big,
            },
            Input {
                path: "small.txt",
                bytes: small,
            },
        ]);
        assert_eq!(corpus.articles.len(), 1);
        assert_eq!(corpus.articles[0].article.id, "small");
        assert_eq!(
            corpus.problems,
            [Problem {
                path: "big.txt".into(),
                error: article::ParseError::TooLarge {
                    bytes: article::MAX_ARTICLE_BYTES + 1,
                    limit: article::MAX_ARTICLE_BYTES,
                },
            }]
        );
        assert!(corpus.problems[0]
            .to_string()
            .starts_with("big.txt: the file is 10485761 bytes"));
        let raised = analyze_with_limit(
            [Input {
                path: "small.txt",
                bytes: small,
            }],
            small.len(),
        );
        assert_eq!(raised.articles.len(), 1);
    }
}
