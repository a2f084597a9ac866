//! Dated events for the timeline's second lane: every resolved date in the
//! running text dates the sentence around it. The same event told by several
//! articles (same period, shared entities) is kept once, with all its sources.

use crate::article::{Article, BlockKind};
use crate::corpus::{AnalyzedArticle, Event, EventSource};
use crate::text::{self, Span};
use crate::timex::{self, Timex};
use chrono::NaiveDate;
use foldhash::HashMap;
use std::borrow::Cow;
use std::collections::BTreeSet;

/// Blocks whose dates are events of the story. Bylines and datelines only
/// restate the publication date; a summary repeats a later paragraph.
fn tells_events(kind: BlockKind) -> bool {
    matches!(
        kind,
        BlockKind::Paragraph | BlockKind::Caption | BlockKind::Title
    )
}

/// Minimum share of entities two sentences about the same period must have in
/// common to be taken as the same event.
const SAME_EVENT_OVERLAP: f32 = 0.3;

/// How many of the latest events of one period a new sentence is compared
/// with to find the event it tells again. Comparing with all of them made a
/// long text that dates many sentences to the same day quadratic; the
/// evaluation corpora together (CoNLL-2003 dev, TBAQ and the seeds, 2,116
/// events) have at most 176 events of one period, so this bound changes
/// nothing there (the sentence already told is found whatever its age).
const SAME_PERIOD_WINDOW: usize = 1024;

/// All events of the corpus, ordered by start date. The dated sentences
/// of each article are found independently (on every core with the
/// `parallel` feature, the CLI's; a batch of articles at a time), then
/// merged into events in corpus order, so the result is the same either way.
pub fn collect(articles: &[AnalyzedArticle]) -> Vec<Event> {
    collect_with(articles, |_, a| {
        Cow::Owned(dated_sentences(&a.article, &a.timexes))
    })
}

/// [`collect`] for articles whose text is not at hand (their text and
/// blocks may be empty): `dated[i]` is article `i`'s
/// [`dated_sentences`], found while its text was.
pub fn collect_dated(articles: &[AnalyzedArticle], dated: &[Vec<DatedSentence>]) -> Vec<Event> {
    collect_with(articles, |i, _| Cow::Borrowed(&dated[i]))
}

/// The events of `articles`, `dated_of(i, a)` giving the dated sentences
/// of article `i`.
fn collect_with<'a, F>(articles: &'a [AnalyzedArticle], dated_of: F) -> Vec<Event>
where
    F: Fn(usize, &'a AnalyzedArticle) -> Cow<'a, [DatedSentence]> + Sync,
{
    let mut events = Events::default();
    for (batch, chunk) in articles.chunks(DATED_BATCH).enumerate() {
        for dated in dated_in_batch(batch * DATED_BATCH, chunk, &dated_of) {
            for d in dated {
                events.merge_or_push(d.start, d.end, d.value, d.source, d.entities);
            }
        }
    }
    let mut events = events.finish();
    events.sort_by_key(|e| (e.start, e.end));
    events
}

/// Articles whose dated sentences are found before they are merged.
const DATED_BATCH: usize = 1024;

/// One resolved date of an article and the sentence it dates: what the
/// events read of the article's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DatedSentence {
    /// The date's index in the article's timexes.
    pub timex: usize,
    /// The period it resolves to (see [`timex::interval`]), from `start`
    /// to the day before `end`.
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// The sentence it dates (its block when no sentence holds it whole).
    pub sentence: Span,
}

/// One resolved date of an article with its sentence's entities.
struct Dated<'a> {
    start: NaiveDate,
    end: NaiveDate,
    value: &'a str,
    source: EventSource,
    entities: BTreeSet<usize>,
}

/// The dated sentences of each article of a batch, in order: on every core
/// with the `parallel` feature, on this thread without.
fn dated_in_batch<'a, F>(
    first: usize,
    articles: &'a [AnalyzedArticle],
    dated_of: &F,
) -> Vec<Vec<Dated<'a>>>
where
    F: Fn(usize, &'a AnalyzedArticle) -> Cow<'a, [DatedSentence]> + Sync,
{
    #[cfg(feature = "parallel")]
    use rayon::prelude::*;
    #[cfg(feature = "parallel")]
    let each = articles.par_iter();
    #[cfg(not(feature = "parallel"))]
    let each = articles.iter();
    each.enumerate()
        .map(|(i, a)| with_entities(first + i, a, &dated_of(first + i, a)))
        .collect()
}

/// The resolved dates of `article` in the blocks that tell events, each
/// with its sentence, in text order. (`timexes` are the article's, sorted
/// by start.)
pub fn dated_sentences(article: &Article, timexes: &[Timex]) -> Vec<DatedSentence> {
    let mut out = Vec::new();
    let text = &article.text;
    for block in article.blocks.iter().filter(|b| tells_events(b.kind)) {
        // Split into sentences only once a date of the block needs it:
        // most paragraphs date nothing, and sentence segmentation was
        // half of linking a corpus when every block was split.
        let mut sentences: Option<Vec<Span>> = None;
        // Timexes are sorted by start: those of the block are found by
        // binary search, not by reading the whole article for each.
        let first = timexes.partition_point(|t| t.span.start < block.span.start);
        let in_block = timexes[first..]
            .iter()
            .enumerate()
            .take_while(|(_, t)| t.span.start <= block.span.end)
            .filter(|(_, t)| block.span.contains(t.span));
        for (k, t) in in_block {
            let Some((start, end)) = timex::interval(&t.value) else {
                continue;
            };
            let sentences = sentences.get_or_insert_with(|| text::sentences(text, block.span));
            out.push(DatedSentence {
                timex: first + k,
                start,
                end,
                sentence: sentence_of(sentences, t.span).unwrap_or(block.span),
            });
        }
    }
    out
}

/// The dated sentences of article `a` (number `index`), each with the
/// entities named in it.
fn with_entities<'a>(
    index: usize,
    a: &'a AnalyzedArticle,
    dated: &[DatedSentence],
) -> Vec<Dated<'a>> {
    // The entities of the last sentence looked at: a sentence's dates are
    // next to each other.
    let mut last: Option<(Span, BTreeSet<usize>)> = None;
    dated
        .iter()
        .map(|d| {
            let entities = match &last {
                Some((s, entities)) if *s == d.sentence => entities.clone(),
                _ => {
                    let entities = entities_in(a, d.sentence);
                    last = Some((d.sentence, entities.clone()));
                    entities
                }
            };
            let t = &a.timexes[d.timex];
            Dated {
                start: d.start,
                end: d.end,
                value: &t.value,
                source: EventSource {
                    article: index,
                    sentence: d.sentence,
                    timex: t.span,
                },
                entities,
            }
        })
        .collect()
}

/// The first of `sentences` (sorted, disjoint) that contains `span`.
fn sentence_of(sentences: &[Span], span: Span) -> Option<Span> {
    let after = sentences.partition_point(|s| s.start <= span.start);
    sentences[..after]
        .iter()
        .rev()
        .take_while(|s| s.end >= span.start)
        .filter(|s| s.contains(span))
        .last()
        .copied()
}

/// The entities mentioned inside `sentence` of article `a`.
fn entities_in(a: &AnalyzedArticle, sentence: Span) -> BTreeSet<usize> {
    let first = a
        .mentions
        .partition_point(|m| m.span.start < sentence.start);
    a.mentions[first..]
        .iter()
        .take_while(|m| m.span.start <= sentence.end)
        .filter(|m| sentence.contains(m.span))
        .map(|m| m.entity)
        .collect()
}

/// The events found so far, with the indexes that find the one a new date
/// belongs to in constant time.
#[derive(Default)]
struct Events {
    events: Vec<Event>,
    /// Each event's entities, as a set while sources are added.
    entities: Vec<BTreeSet<usize>>,
    /// Each event's entities as bits (`1 << entity % 64`): two sets without
    /// a common bit share no entity, so they are not compared.
    masks: Vec<u64>,
    /// Period → its events, in the order they were found.
    by_period: HashMap<(NaiveDate, NaiveDate), Vec<usize>>,
    /// (period, article, sentence) → the earliest event of that period the
    /// sentence is a source of (a sentence may be told in several: it
    /// joins the first event it matches, which may be older than the one
    /// it started).
    told: HashMap<(NaiveDate, NaiveDate, usize, Span), usize>,
}

impl Events {
    /// Adds `source` to the first event of the same period that it already
    /// tells or whose entities overlap enough, else starts a new event.
    fn merge_or_push(
        &mut self,
        start: NaiveDate,
        end: NaiveDate,
        value: &str,
        source: EventSource,
        entities: BTreeSet<usize>,
    ) {
        let period = (start, end);
        let key = (start, end, source.article, source.sentence);
        let told = self.told.get(&key).copied();
        let same_period = self.by_period.entry(period).or_default();
        // The first event of the period (in the order found) that tells
        // this sentence or shares enough entities: an earlier one than the
        // one telling it can only match by its entities.
        let window = &same_period[same_period.len().saturating_sub(SAME_PERIOD_WINDOW)..];
        let mask = mask_of(&entities);
        let by_entities = || {
            window
                .iter()
                .copied()
                .take_while(|&e| told.is_none_or(|t| e < t))
                .filter(|&e| self.masks[e] & mask != 0)
                .find(|&e| overlap(&self.entities[e], &entities) >= SAME_EVENT_OVERLAP)
        };
        let same = if entities.is_empty() {
            told
        } else {
            by_entities().or(told)
        };
        match same {
            Some(e) => {
                // `e` is at most the earliest event telling the sentence,
                // and tells it only if it is that one.
                if told != Some(e) {
                    self.events[e].sources.push(source);
                }
                self.told.insert(key, e);
                self.masks[e] |= mask;
                self.entities[e].extend(entities);
            }
            None => {
                let e = self.events.len();
                same_period.push(e);
                self.told.insert(key, e);
                self.events.push(Event {
                    start,
                    end,
                    value: value.to_string(),
                    sources: vec![source],
                    entities: Vec::new(),
                });
                self.entities.push(entities);
                self.masks.push(mask);
            }
        }
    }

    /// The events, each with its entities sorted.
    fn finish(self) -> Vec<Event> {
        self.events
            .into_iter()
            .zip(self.entities)
            .map(|(mut event, entities)| {
                event.entities = entities.into_iter().collect();
                event
            })
            .collect()
    }
}

/// The bits of a set of entities, one per entity modulo 64.
fn mask_of(entities: &BTreeSet<usize>) -> u64 {
    entities.iter().fold(0, |m, &e| m | 1 << (e % 64))
}

/// Jaccard overlap of two entity sets; two empty sets count as unrelated.
fn overlap(a: &BTreeSet<usize>, b: &BTreeSet<usize>) -> f32 {
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let shared = small.iter().filter(|e| large.contains(e)).count();
    let union = a.len() + b.len() - shared;
    if union == 0 {
        0.0
    } else {
        shared as f32 / union as f32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(start: (i32, u32, u32), end: (i32, u32, u32)) -> Event {
        let d = |(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        Event {
            start: d(start),
            end: d(end),
            value: String::new(),
            sources: Vec::new(),
            entities: Vec::new(),
        }
    }

    #[test]
    fn an_event_reads_its_period() {
        assert_eq!(event((2020, 12, 1), (2021, 1, 1)).when(), "December 2020");
    }

    fn corpus(body: &str) -> crate::corpus::Corpus {
        let text = format!(" date 2021-03-10 Wire\nTitle\n\n{body}\n");
        crate::analysis::analyze([crate::corpus::Input {
            path: "a.txt",
            bytes: text.as_bytes(),
        }])
    }

    #[test]
    fn a_date_told_again_and_again_is_one_event_with_every_sentence() {
        let body = "Ismail Demir met Sergei Lavrov in Ankara on 3 March 2021. ".repeat(2000);
        let c = corpus(&body);
        assert_eq!(c.events.len(), 1, "{:?}", &c.events[..2]);
        let e = &c.events[0];
        assert_eq!(e.value, "2021-03-03");
        assert_eq!(e.sources.len(), 2000);
        let text = &c.articles[0].article.text;
        assert!(e
            .sources
            .iter()
            .all(|s| s.sentence.of(text).starts_with("Ismail Demir met")
                && s.sentence.contains(s.timex)));
        assert!(!e.entities.is_empty());
    }

    #[test]
    fn thousands_of_dates_in_one_sentence_each_date_the_whole_sentence() {
        let mut body = String::from("Ismail Demir met Sergei Lavrov in Ankara");
        for year in 1000..2000 {
            body.push_str(&format!(" in {year},"));
        }
        body.push_str(" and in 2021.");
        let c = corpus(&body);
        let text = &c.articles[0].article.text;
        assert_eq!(c.events.len(), 1001);
        let entities = &c.events[0].entities;
        assert!(!entities.is_empty());
        for e in c.events.iter() {
            assert_eq!(e.sources.len(), 1);
            assert_eq!(e.sources[0].sentence.of(text), body);
            assert_eq!(&e.entities, entities);
        }
    }

    #[test]
    fn one_sentence_with_two_dates_of_a_period_is_told_once() {
        let c = corpus(
            "Demir went to Ankara in March 2021 and again in March 2021. Lavrov stayed home.",
        );
        assert_eq!(c.events.len(), 1);
        assert_eq!(c.events[0].sources.len(), 1);
    }
}
