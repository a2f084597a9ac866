//! What the timeline draws from, built once per corpus (and once per filter),
//! never per frame: the level-of-detail pyramids of articles and events,
//! each item's salience, and each article's lane and colour.

use super::batches::in_batches;
use super::lod::{Dated, Pyramid};
use super::spans::{Period, PeriodIndex, PeriodIndexBuilder};
use super::viewport::day_number;
use chrono::{Datelike, NaiveDate};
use dateline_engine::corpus::Corpus;
use dateline_engine::salience::Salience;
use std::rc::Rc;

/// With this many sources or fewer (and more than one), each source gets a
/// lane of its own; with more, one lane with a colour per leading source.
pub const SOURCE_LANES: usize = 3;
/// Sources with a colour of their own when they share a lane; the rest
/// share colour 0.
pub const SOURCE_COLOURS: usize = 5;

/// A lane of article markers: one source, or all of them.
#[derive(Debug, Clone, PartialEq)]
pub struct Lane {
    /// The source this lane shows; `None` when it shows every source.
    pub source: Option<String>,
    /// Rows of markers it has room for.
    pub rows: usize,
}

/// The static part: every article and event, and how they are drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineModel {
    pub lanes: Vec<Lane>,
    /// Each article's lane.
    pub lane_of: Vec<u8>,
    /// Each article's colour: 1..=[`SOURCE_COLOURS`] for the leading
    /// sources of a shared lane (1 when lanes or a single source tell them
    /// apart), 0 for the other sources.
    pub colour_of: Vec<u8>,
    /// The sources that have a colour, with it, for the key ("other
    /// sources" last, as colour 0).
    pub legend: Vec<(String, u8)>,
    /// Which articles and events are drawn first where they crowd: the
    /// bundle's, computed at build time (see [`Salience`]).
    pub salience: Rc<Salience>,
    /// Every article, for the faint density strip.
    pub all_articles: Rc<Pyramid>,
    /// Every event, for the faint density strip.
    pub all_events: Rc<PeriodIndex>,
    /// Every article by lane: what [`TimelineModel::shown`] gives when
    /// nothing is filtered out, without building anything again.
    pub all_lanes: Vec<Rc<Pyramid>>,
}

/// What a filter (search, entity, range, source) leaves: built once per
/// filter change, O(n log n) in the articles and events it keeps (and
/// shared with the model when it keeps everything).
#[derive(Debug, Clone, PartialEq)]
pub struct Shown {
    /// One pyramid per lane, of the articles shown in it.
    pub lanes: Vec<Rc<Pyramid>>,
    /// Every shown article, for the strong density strip.
    pub articles: Rc<Pyramid>,
    /// The events told by a shown article.
    pub events: Rc<PeriodIndex>,
}

/// Day numbers of many dates, each year's first day remembered: chrono's
/// `num_days_from_ce` redoes its 400-year-cycle arithmetic for every date
/// (12 % of the model's instructions at 100,000 articles and 272,000
/// events, callgrind), and a corpus's dates come in runs of one year (it is
/// in date order; events in period order).
#[derive(Default)]
struct Days {
    /// The last year seen and the day number of its 1 January.
    year: Option<(i32, i32)>,
}

impl Days {
    fn of(&mut self, date: NaiveDate) -> i32 {
        let year = date.year();
        let first = match self.year {
            Some((y, first)) if y == year => first,
            _ => {
                let first = day_number(date) as i32 - date.ordinal0() as i32;
                self.year = Some((year, first));
                first
            }
        };
        first + date.ordinal0() as i32
    }
}

impl TimelineModel {
    /// Builds the static part of the timeline of `corpus`, whose articles
    /// and events rank by `salience` (from the bundle, or
    /// [`Salience::of`] the corpus).
    pub fn new(corpus: &Corpus, salience: Rc<Salience>) -> TimelineModel {
        // Each article's source as a number, in one pass of hashing.
        let mut numbers: foldhash::HashMap<&str, usize> = Default::default();
        let mut names: Vec<(&str, usize)> = Vec::new();
        let mut source_of: Vec<usize> = Vec::with_capacity(corpus.articles.len());
        // Neighbours in date order often share a source: those skip the
        // hash (100,000 SipHash lookups were 90 ms in the page).
        let mut last: Option<(&str, usize)> = None;
        in_batches(corpus.articles.len(), |range| {
            for a in &corpus.articles[range] {
                let source = a.article.source.as_str();
                let next = numbers.len();
                let n = match last {
                    Some((s, n)) if s == source => n,
                    _ => *numbers.entry(source).or_insert(next),
                };
                last = Some((source, n));
                if n == names.len() {
                    names.push((a.article.source.as_str(), 0));
                }
                names[n].1 += 1;
                source_of.push(n);
            }
        });
        // Sources by article count, most first: rank[number] = place.
        let mut sources = names.clone();
        sources.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        let place: std::collections::HashMap<&str, usize> = sources
            .iter()
            .enumerate()
            .map(|(i, (s, _))| (*s, i))
            .collect();
        let rank: Vec<usize> = names.iter().map(|(s, _)| place[s]).collect();
        let own_lanes = (2..=SOURCE_LANES).contains(&sources.len());
        let lanes: Vec<Lane> = if own_lanes {
            sources
                .iter()
                .map(|(s, _)| Lane {
                    source: Some(s.to_string()),
                    rows: 2,
                })
                .collect()
        } else {
            vec![Lane {
                source: None,
                rows: 3,
            }]
        };
        let (lane_of, colour_of): (Vec<u8>, Vec<u8>) = source_of
            .iter()
            .map(|&n| {
                let r = rank[n];
                if own_lanes {
                    (r as u8, 1)
                } else if sources.len() < 2 {
                    (0, 1)
                } else if r < SOURCE_COLOURS {
                    (0, r as u8 + 1)
                } else {
                    (0, 0)
                }
            })
            .unzip();
        let legend = if own_lanes || sources.len() < 2 {
            Vec::new()
        } else {
            let others = (sources.len() > SOURCE_COLOURS).then(|| ("other sources".to_string(), 0));
            sources
                .iter()
                .take(SOURCE_COLOURS)
                .enumerate()
                .map(|(i, (s, _))| (s.to_string(), i as u8 + 1))
                .chain(others)
                .collect()
        };
        // Every event indexed in one pass.
        let mut all_events = PeriodIndexBuilder::default();
        each_period(
            corpus,
            &salience,
            corpus.events.len(),
            |k| k,
            |p| all_events.push(p),
        );
        let mut model = TimelineModel {
            lanes,
            lane_of,
            colour_of,
            legend,
            salience,
            all_articles: Rc::default(),
            all_events: Rc::new(all_events.finish()),
            all_lanes: Vec::new(),
        };
        let every: Vec<usize> = (0..corpus.articles.len()).collect();
        let dated = model.dated(corpus, &every);
        model.all_lanes = model.by_lane(&dated);
        model.all_articles = match &model.all_lanes[..] {
            [one] => one.clone(),
            _ => Rc::new(Pyramid::new(dated)),
        };
        model
    }

    fn dated(&self, corpus: &Corpus, articles: &[usize]) -> Vec<Dated> {
        let mut dated = Vec::with_capacity(articles.len());
        let mut days = Days::default();
        in_batches(articles.len(), |range| {
            dated.extend(articles[range].iter().filter_map(|&i| {
                Some(Dated {
                    day: days.of(corpus.articles.get(i)?.article.date),
                    id: i as u32,
                    salience: self.salience.article(i),
                })
            }))
        });
        dated
    }

    /// One pyramid per lane of `dated`.
    fn by_lane(&self, dated: &[Dated]) -> Vec<Rc<Pyramid>> {
        if let [_] = &self.lanes[..] {
            return vec![Rc::new(Pyramid::new(dated.to_vec()))];
        }
        let mut sizes = vec![0usize; self.lanes.len()];
        for d in dated {
            let lane = self.lane_of.get(d.id as usize).copied().unwrap_or(0) as usize;
            if let Some(n) = sizes.get_mut(lane) {
                *n += 1;
            }
        }
        let mut lanes: Vec<Vec<Dated>> = sizes.iter().map(|&n| Vec::with_capacity(n)).collect();
        for d in dated {
            let lane = self.lane_of.get(d.id as usize).copied().unwrap_or(0) as usize;
            if let Some(l) = lanes.get_mut(lane) {
                l.push(*d);
            }
        }
        lanes
            .into_iter()
            .map(|l| Rc::new(Pyramid::new(l)))
            .collect()
    }

    /// What `visible` (distinct article indices, any order) leaves on the
    /// timeline.
    pub fn shown(&self, corpus: &Corpus, visible: &[usize]) -> Shown {
        if visible.len() == corpus.articles.len() {
            return Shown {
                lanes: self.all_lanes.clone(),
                articles: self.all_articles.clone(),
                events: self.all_events.clone(),
            };
        }
        let dated = self.dated(corpus, visible);
        let told = crate::view::told_events(corpus, visible, None);
        let mut events = PeriodIndexBuilder::default();
        each_period(
            corpus,
            &self.salience,
            told.len(),
            |k| told[k],
            |p| {
                events.push(p);
            },
        );
        let events = Rc::new(events.finish());
        Shown {
            lanes: self.by_lane(&dated),
            articles: Rc::new(Pyramid::new(dated)),
            events,
        }
    }

    /// How often `entity` is named over time: its articles by date.
    pub fn mentions(&self, corpus: &Corpus, entity: usize) -> Pyramid {
        let articles = corpus
            .entities
            .get(entity)
            .map(|e| e.articles.clone())
            .unwrap_or_default();
        Pyramid::new(self.dated(corpus, &articles))
    }
}

/// Calls `f` with the events `event(0)`, ..., `event(n - 1)` (ascending
/// indices: their periods come in order of start) as periods.
fn each_period(
    corpus: &Corpus,
    salience: &Salience,
    n: usize,
    event: impl Fn(usize) -> usize,
    mut f: impl FnMut(Period),
) {
    let (mut starts, mut ends) = (Days::default(), Days::default());
    in_batches(n, |range| {
        for id in range.map(&event) {
            let Some(e) = corpus.events.get(id) else {
                continue;
            };
            f(Period {
                start: starts.of(e.start),
                end: ends.of(e.end),
                id: id as u32,
                salience: salience.event(id),
            });
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_seeds_get_a_lane_per_source_and_every_item() {
        let corpus = crate::testing::seed_corpus();
        let model = TimelineModel::new(&corpus, Rc::new(Salience::of(&corpus)));
        let sources: std::collections::BTreeSet<&str> = corpus
            .articles
            .iter()
            .map(|a| a.article.source.as_str())
            .collect();
        assert_eq!(
            model.lanes.len(),
            if sources.len() > 1 { sources.len() } else { 1 }
        );
        assert_eq!(model.all_articles.len(), corpus.articles.len());
        assert_eq!(model.all_events.len(), corpus.events.len());
        let all: Vec<usize> = (0..corpus.articles.len()).collect();
        let shown = model.shown(&corpus, &all);
        assert_eq!(
            shown.lanes.iter().map(|l| l.len()).sum::<usize>(),
            corpus.articles.len()
        );
        let one = model.shown(&corpus, &[0]);
        assert_eq!(one.articles.len(), 1);
        let told_by_first = corpus
            .events
            .iter()
            .filter(|e| e.sources.iter().any(|s| s.article == 0))
            .count();
        assert_eq!(one.events.len(), told_by_first);
    }

    #[test]
    fn day_numbers_with_the_year_remembered_are_chronos() {
        let mut days = Days::default();
        let first = NaiveDate::from_ymd_opt(-3, 12, 25).unwrap();
        // Forwards over year ends and leap days, then jumping back and forth.
        let forwards = (0..3_000).map(|n| first + chrono::Days::new(n * 7));
        let jumps = [
            (2024, 2, 29),
            (1990, 1, 1),
            (2024, 12, 31),
            (2025, 1, 1),
            (1, 1, 1),
        ];
        let jumps = jumps.map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap());
        for date in forwards
            .chain(jumps)
            .chain([NaiveDate::MIN, NaiveDate::MAX])
        {
            assert_eq!(days.of(date), day_number(date) as i32, "{date}");
        }
    }
}
