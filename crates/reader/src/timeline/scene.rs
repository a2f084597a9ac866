//! One frame of the timeline as shapes in pixels: ticks, density strips,
//! article markers, "+N" clusters, event bars, labels and the followed
//! entity's sparkline. The canvas paints it, the accessible mirror lists
//! it, and [`Scene::hit`] finds what is under the pointer; composing it reads
//! the level-of-detail pyramids only, so its cost follows the pixels.

use super::labels::{fit, MIN_LABEL_PX};
use super::lod::{Column, Dated, Pyramid};
use super::model::{Shown, TimelineModel};
use super::ticks::Tick;
use super::viewport::{date_of, day_number, Viewport};
use chrono::NaiveDate;
use dateline_engine::corpus::Corpus;
use std::rc::Rc;

/// Height of the axis with its tick labels.
pub const AXIS: f64 = 26.0;
/// Height of a density strip.
pub const STRIP: f64 = 12.0;
/// Height of a row of markers or event bars: a 24 px target (WCAG 2.5.8).
pub const ROW: f64 = 24.0;
/// Width of a column of markers: one 24 px target.
pub const COLUMN: f64 = 24.0;
/// Width of a density bar.
pub const DENSITY_PX: f64 = 2.0;
/// Rows of event bars.
pub const EVENT_ROWS: usize = 5;
/// Narrowest event bar: one 24 px target.
pub const MIN_EVENT_PX: f64 = 24.0;
/// Height of the followed entity's sparkline.
pub const SPARK: f64 = 26.0;
/// Gap between lanes.
const GAP: f64 = 6.0;
/// Candidate events laid out per frame, most salient first.
const EVENT_CANDIDATES: usize = 600;

/// A density strip: bars of `DENSITY_PX` with a height from 0 to 1.
#[derive(Debug, Clone, PartialEq)]
pub struct Strip {
    pub y: f64,
    pub bars: Vec<(f64, f64)>,
    /// Drawn faintly: every item, behind the ones the filter keeps.
    pub faint: bool,
}

/// An article marker: centred at `x`, in the row starting at `y`.
#[derive(Debug, Clone, PartialEq)]
pub struct Marker {
    pub x: f64,
    pub y: f64,
    pub article: usize,
    pub colour: u8,
    pub current: bool,
    /// The title, cut to the room before the next marker of the row.
    pub label: Option<String>,
}

/// Articles a column cannot show one by one: "+N", opening them as a list.
/// [`Cluster::text`] says N in the width of a marker.
#[derive(Debug, Clone, PartialEq)]
pub struct Cluster {
    pub x: f64,
    pub y: f64,
    pub count: u32,
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl Cluster {
    /// "+7", "+42", "655", "1.2k", "15k": at most four characters, so the
    /// badge fits its 24 px column (the button's name has the exact count).
    pub fn text(&self) -> String {
        match self.count {
            0..=99 => format!("+{}", self.count),
            100..=999 => self.count.to_string(),
            1_000..=9_949 => format!("{:.1}k", f64::from(self.count) / 1_000.0),
            _ => format!("{}k", (self.count + 500) / 1_000),
        }
    }
}

/// An event bar from `x0` to `x1` in the row starting at `y`.
#[derive(Debug, Clone, PartialEq)]
pub struct EventBar {
    pub x0: f64,
    pub x1: f64,
    pub y: f64,
    pub event: usize,
    /// It involves the followed entity.
    pub involved: bool,
    /// More than one article tells it.
    pub multi: bool,
    pub label: Option<String>,
}

/// The followed entity's articles per column, from 0 to 1.
#[derive(Debug, Clone, PartialEq)]
pub struct Sparkline {
    pub y: f64,
    pub points: Vec<(f64, f64)>,
    pub peak: u32,
}

/// A lane's name drawn at its top left (a source when each has a lane).
#[derive(Debug, Clone, PartialEq)]
pub struct LaneTitle {
    pub y: f64,
    pub text: String,
}

/// Everything one frame draws.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Scene {
    pub width: f64,
    pub height: f64,
    pub ticks: Vec<Tick>,
    pub strips: Vec<Strip>,
    pub lane_titles: Vec<LaneTitle>,
    pub markers: Vec<Marker>,
    pub clusters: Vec<Cluster>,
    pub events: Vec<EventBar>,
    /// Top of the event rows.
    pub events_y: f64,
    /// Events starting in view, drawn or not.
    pub events_in_view: u32,
    pub sparkline: Option<Sparkline>,
}

/// What is under a point of the plot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hit {
    Article(usize),
    Cluster(NaiveDate, NaiveDate),
    Event(usize),
}

/// The inputs of a frame besides the viewport.
pub struct Frame<'a> {
    pub corpus: &'a Corpus,
    pub model: &'a TimelineModel,
    pub shown: &'a Shown,
    /// The followed entity and how often it is named over time.
    pub entity: Option<(usize, &'a Pyramid)>,
    /// The open article, always drawn when its column is in view.
    pub open: Option<usize>,
}

/// Height of the plot for `model`: fixed per corpus, so zooming never
/// moves the page.
pub fn plot_height(model: &TimelineModel, sparkline: bool) -> f64 {
    let lane_rows: usize = model.lanes.iter().map(|l| l.rows).sum();
    AXIS + STRIP
        + lane_rows as f64 * ROW
        + model.lanes.len() as f64 * GAP
        + STRIP
        + EVENT_ROWS as f64 * ROW
        + if sparkline { SPARK + GAP } else { 0.0 }
        + GAP
}

impl Scene {
    /// Lays out one frame of `width` pixels showing `view`.
    pub fn compose(frame: &Frame, view: &Viewport, width: f64) -> Scene {
        let mut scene = Scene {
            width,
            height: plot_height(frame.model, frame.entity.is_some()),
            ticks: view.ticks(width),
            ..Scene::default()
        };
        let mut y = AXIS;
        // The faint strip of everything only when a filter hides some.
        let filtered = !Rc::ptr_eq(&frame.model.all_articles, &frame.shown.articles);
        if filtered {
            let all = frame.model.all_articles.counts(view, width, DENSITY_PX);
            scene.strips.push(strip(&all, y, true));
        }
        scene.strips.push(strip(
            &frame.shown.articles.counts(view, width, DENSITY_PX),
            y,
            false,
        ));
        y += STRIP;
        for (index, (lane, pyramid)) in frame.model.lanes.iter().zip(&frame.shown.lanes).enumerate()
        {
            if let Some(source) = &lane.source {
                scene.lane_titles.push(LaneTitle {
                    y,
                    text: source.clone(),
                });
            }
            let open = frame
                .open
                .filter(|&a| frame.model.lane_of.get(a) == Some(&(index as u8)));
            scene.place_markers(frame, pyramid, open, lane.rows, view, y);
            y += lane.rows as f64 * ROW + GAP;
        }
        // Reading order for the mirror: in time, then top to bottom.
        let by_place = |a: (f64, f64), b: (f64, f64)| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1));
        scene
            .markers
            .sort_by(|a, b| by_place((a.x, a.y), (b.x, b.y)));
        scene
            .clusters
            .sort_by(|a, b| by_place((a.x, a.y), (b.x, b.y)));
        let starts = frame.shown.events.counts(view, width, DENSITY_PX);
        scene.events_in_view = starts.iter().map(|c| c.count).sum();
        if filtered {
            let all = frame.model.all_events.counts(view, width, DENSITY_PX);
            scene.strips.push(strip(&all, y, true));
        }
        scene.strips.push(strip(&starts, y, false));
        y += STRIP;
        scene.events_y = y;
        scene.place_events(frame, view, y);
        y += EVENT_ROWS as f64 * ROW + GAP;
        if let Some((_, mentions)) = frame.entity {
            scene.sparkline = Some(sparkline(mentions, view, width, y));
        }
        scene
    }

    /// Markers for one lane: per column its most salient articles, the
    /// last row turned into "+N" when more than `rows` fall there.
    fn place_markers(
        &mut self,
        frame: &Frame,
        pyramid: &Pyramid,
        open: Option<usize>,
        rows: usize,
        view: &Viewport,
        y: f64,
    ) {
        let width = self.width;
        let open = open.and_then(|a| {
            Some(Dated {
                day: super::viewport::day_number(frame.corpus.articles.get(a)?.article.date) as i32,
                id: a as u32,
                salience: u32::MAX,
            })
        });
        let by_day = width / view.span() >= COLUMN;
        let first_marker = self.markers.len();
        for column in pyramid.columns(view, width, COLUMN) {
            let x = if by_day {
                view.x(f64::from(column.first_day) + 0.5, width)
            } else {
                (column.index as f64 + 0.5) * COLUMN
            };
            let top = with_open(&column, open);
            let crowded = column.count as usize > rows;
            let singles = if crowded { rows - 1 } else { rows };
            for (row, d) in top.iter().take(singles).enumerate() {
                let article = d.id as usize;
                self.markers.push(Marker {
                    x,
                    y: y + row as f64 * ROW,
                    article,
                    colour: frame.model.colour_of.get(article).copied().unwrap_or(0),
                    current: frame.open == Some(article),
                    label: None,
                });
            }
            if crowded {
                let from = date_of(f64::from(column.first_day).max(view.start));
                let to = date_of(f64::from(column.last_day).min(view.end - 1.0));
                self.clusters.push(Cluster {
                    x,
                    y: y + (rows - 1) as f64 * ROW,
                    count: column.count - singles as u32,
                    from: from.min(to),
                    to,
                });
            }
        }
        self.label_markers(frame.corpus, first_marker);
    }

    /// Titles beside the markers, in the room before the next marker (or
    /// "+N") of the same row; none when the markers stand close.
    fn label_markers(&mut self, corpus: &Corpus, first: usize) {
        let mut stops: Vec<(f64, f64)> = self.markers[first..].iter().map(|m| (m.y, m.x)).collect();
        stops.extend(self.clusters.iter().map(|c| (c.y, c.x)));
        stops.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
        for m in &mut self.markers[first..] {
            let next = stops
                .iter()
                .filter(|(y, x)| *y == m.y && *x > m.x)
                .map(|(_, x)| *x - COLUMN / 2.0)
                .next()
                .unwrap_or(self.width);
            let room = next - (m.x + COLUMN / 2.0) - 6.0;
            if room < MIN_LABEL_PX {
                continue;
            }
            m.label = corpus
                .articles
                .get(m.article)
                .and_then(|a| fit(a.article.title(), room));
        }
    }

    /// Event bars: the most salient candidates first, each in the lowest
    /// row where it overlaps nothing.
    fn place_events(&mut self, frame: &Frame, view: &Viewport, y: f64) {
        let width = self.width;
        // Each candidate's last day + 1, read from its event: a frame looks
        // at a few thousand at most, where a column of every event's end
        // cost the model a pass and 4 MB at a million events.
        let end_of = |d: &Dated| {
            frame
                .corpus
                .events
                .get(d.id as usize)
                .map_or(d.day + 1, |e| day_number(e.end) as i32)
        };
        let in_view = |d: &Dated| f64::from(end_of(d)) > view.start && f64::from(d.day) < view.end;
        let mut rows: Vec<Vec<(f64, f64)>> = vec![Vec::new(); EVENT_ROWS];
        let candidates = frame.shown.events.candidates(view, width, COLUMN);
        for d in candidates
            .into_iter()
            .filter(in_view)
            .take(EVENT_CANDIDATES)
        {
            let Some(event) = frame.corpus.events.get(d.id as usize) else {
                continue;
            };
            let x0 = view.x(f64::from(d.day), width).max(-2.0);
            let end = end_of(&d);
            let x1 = view
                .x(f64::from(end), width)
                .min(width + 2.0)
                .max(x0 + MIN_EVENT_PX);
            let free = rows
                .iter()
                .position(|row| row.iter().all(|&(a, b)| x1 + 2.0 <= a || b + 2.0 <= x0));
            let Some(row) = free else { continue };
            rows[row].push((x0, x1));
            self.events.push(EventBar {
                x0,
                x1,
                y: y + row as f64 * ROW,
                event: d.id as usize,
                involved: frame
                    .entity
                    .is_some_and(|(e, _)| event.entities.contains(&e)),
                multi: event.sources.len() > 1,
                label: None,
            });
        }
        self.events
            .sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x0.total_cmp(&b.x0)));
        self.label_events(frame.corpus);
    }

    /// A label from each bar's start to the next bar of its row (a short
    /// bar's label may run past its end): the period in words, else its
    /// value, else none.
    fn label_events(&mut self, corpus: &Corpus) {
        for i in 0..self.events.len() {
            let bar = &self.events[i];
            let next = self
                .events
                .get(i + 1)
                .filter(|n| n.y == bar.y)
                .map_or(self.width, |n| n.x0);
            let room = next.min(self.width) - bar.x0.max(0.0) - 8.0;
            if room < MIN_LABEL_PX {
                continue;
            }
            let label = corpus
                .events
                .get(bar.event)
                .and_then(|e| fit(&e.when(), room).or_else(|| fit(&e.value, room)));
            self.events[i].label = label;
        }
    }

    /// What is under `(x, y)`: a marker, a cluster or an event bar.
    pub fn hit(&self, x: f64, y: f64) -> Option<Hit> {
        let half = COLUMN / 2.0;
        let in_cell = |cx: f64, cy: f64| (x - cx).abs() <= half && y >= cy && y < cy + ROW;
        if let Some(m) = self.markers.iter().find(|m| in_cell(m.x, m.y)) {
            return Some(Hit::Article(m.article));
        }
        if let Some(c) = self.clusters.iter().find(|c| in_cell(c.x, c.y)) {
            return Some(Hit::Cluster(c.from, c.to));
        }
        self.events
            .iter()
            .find(|e| x >= e.x0 && x < e.x1 && y >= e.y && y < e.y + ROW)
            .map(|e| Hit::Event(e.event))
    }
}

/// The column's most salient articles, with the open one among them when
/// it falls in this column (it goes first: the reader is looking at it).
fn with_open(column: &Column, open: Option<Dated>) -> Vec<Dated> {
    let mut top = column.top.clone();
    if let Some(open) = open {
        let inside = open.day >= column.first_day && open.day <= column.last_day;
        if inside && !top.iter().any(|d| d.id == open.id) {
            top.insert(0, open);
            top.truncate(super::lod::TOP);
        }
    }
    top
}

fn strip(columns: &[Column], y: f64, faint: bool) -> Strip {
    let peak = columns.iter().map(|c| c.count).max().unwrap_or(0);
    let scale = f64::from(peak).ln_1p().max(f64::MIN_POSITIVE);
    Strip {
        y,
        faint,
        bars: columns
            .iter()
            .map(|c| {
                (
                    c.index as f64 * DENSITY_PX,
                    f64::from(c.count).ln_1p() / scale,
                )
            })
            .collect(),
    }
}

fn sparkline(mentions: &Pyramid, view: &Viewport, width: f64, y: f64) -> Sparkline {
    const STEP: f64 = 4.0;
    let columns = mentions.counts(view, width, STEP);
    let peak = columns.iter().map(|c| c.count).max().unwrap_or(0);
    Sparkline {
        y,
        peak,
        points: columns
            .iter()
            .map(|c| {
                (
                    (c.index as f64 + 0.5) * STEP,
                    f64::from(c.count) / f64::from(peak.max(1)),
                )
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{crowded_corpus, seed_corpus};
    use crate::timeline::viewport::day_number;

    const WIDTH: f64 = 1_200.0;

    fn opening(corpus: &Corpus) -> Viewport {
        let dates: Vec<NaiveDate> = corpus.articles.iter().map(|a| a.article.date).collect();
        Viewport::fit_story(&dates, corpus.events.iter().map(|e| (e.start, e.end)))
    }

    /// The model of a corpus built here (no bundle to bring its salience).
    fn model_of(corpus: &Corpus) -> TimelineModel {
        let salience = dateline_engine::salience::Salience::of(corpus);
        TimelineModel::new(corpus, std::rc::Rc::new(salience))
    }

    fn compose(corpus: &Corpus, view: &Viewport, open: Option<usize>) -> Scene {
        let model = model_of(corpus);
        let all: Vec<usize> = (0..corpus.articles.len()).collect();
        let shown = model.shown(corpus, &all);
        let frame = Frame {
            corpus,
            model: &model,
            shown: &shown,
            entity: None,
            open,
        };
        Scene::compose(&frame, view, WIDTH)
    }

    fn centre(e: &EventBar) -> (f64, f64) {
        ((e.x0.max(0.0) + e.x1.min(WIDTH)) / 2.0, e.y + ROW / 2.0)
    }

    #[test]
    fn the_seed_events_are_drawn_labelled_and_hit() {
        let corpus = seed_corpus();
        let story = [
            "2002",
            "2007",
            "2019",
            "2019-07",
            "2020-12",
            "2022-02-09",
            "2022-W16",
        ];
        for value in story {
            let (i, event) = corpus
                .events
                .iter()
                .enumerate()
                .find(|(_, e)| e.value == value)
                .unwrap_or_else(|| panic!("no seed event {value}"));
            let (start, end) = (day_number(event.start), day_number(event.end));
            let span = (end - start).max(20.0);
            let view = Viewport {
                start: start - span,
                end: end + span,
            };
            let scene = compose(&corpus, &view, None);
            let bar = scene
                .events
                .iter()
                .find(|b| b.event == i)
                .unwrap_or_else(|| panic!("{value} not drawn: {:?}", scene.events));
            assert!(bar.label.is_some(), "{value} has room for a label");
            let (x, y) = centre(bar);
            assert_eq!(scene.hit(x, y), Some(Hit::Event(i)), "{value}");
        }
        // Every seed event is drawn in the opening view too.
        let scene = compose(&corpus, &opening(&corpus), None);
        assert_eq!(
            scene.events.len(),
            corpus.events.len(),
            "{:?}",
            scene.events
        );
    }

    #[test]
    fn seed_markers_open_their_articles_and_show_titles_when_there_is_room() {
        let corpus = seed_corpus();
        let scene = compose(&corpus, &opening(&corpus), None);
        assert_eq!(scene.markers.len(), corpus.articles.len());
        for m in &scene.markers {
            assert_eq!(
                scene.hit(m.x, m.y + ROW / 2.0),
                Some(Hit::Article(m.article))
            );
            assert!(
                m.label.is_some(),
                "two articles a year apart leave room for titles"
            );
        }
        assert_eq!(scene.hit(-50.0, 0.0), None);
        assert!(scene.ticks.iter().any(|t| t.label == "2020"));
    }

    /// Every frame draws a bounded number of shapes: crowded columns fold
    /// into "+N", markers never overlap, and the counts add up.
    #[test]
    fn a_crowded_corpus_folds_into_clusters_bounded_by_the_pixels() {
        let small = crowded_corpus(300, 8);
        let large = crowded_corpus(3_000, 8);
        let mut shapes = Vec::new();
        for corpus in [&small, &large] {
            let view = Viewport {
                start: day_number(NaiveDate::from_ymd_opt(2021, 1, 1).unwrap()),
                end: day_number(NaiveDate::from_ymd_opt(2031, 1, 1).unwrap()),
            };
            let scene = compose(corpus, &view, None);
            let columns = (WIDTH / COLUMN).ceil() as usize;
            assert!(scene.markers.len() <= columns * 3);
            assert!(scene.clusters.len() <= columns);
            assert!(scene.events.len() <= EVENT_CANDIDATES);
            assert!(
                scene.markers.windows(2).all(|w| w[0].x <= w[1].x),
                "in time order"
            );
            for (i, a) in scene.markers.iter().enumerate() {
                for b in scene.markers[i + 1..].iter().filter(|b| b.y == a.y) {
                    assert!(b.x - a.x >= COLUMN - 1e-9, "markers overlap: {a:?} {b:?}");
                }
            }
            for c in &scene.clusters {
                assert!(c.count >= 2 && c.from <= c.to);
                assert_eq!(scene.hit(c.x, c.y + 1.0), Some(Hit::Cluster(c.from, c.to)));
            }
            for row in 0..EVENT_ROWS {
                let y = scene.events_y + row as f64 * ROW;
                let mut bars: Vec<&EventBar> = scene.events.iter().filter(|e| e.y == y).collect();
                bars.sort_by(|a, b| a.x0.total_cmp(&b.x0));
                assert!(bars.windows(2).all(|w| w[0].x1 <= w[1].x0), "row {row}");
            }
            let drawn =
                scene.markers.len() as u32 + scene.clusters.iter().map(|c| c.count).sum::<u32>();
            let in_view = corpus
                .articles
                .iter()
                .filter(|a| {
                    let d = day_number(a.article.date);
                    d >= view.start && d < view.end
                })
                .count() as u32;
            assert!(
                drawn.abs_diff(in_view) <= in_view / 50 + 2,
                "{drawn} of {in_view}"
            );
            shapes.push(scene.markers.len() + scene.clusters.len() + scene.events.len());
        }
        // Ten times the articles, not ten times the shapes: the pixels bound them.
        let bound =
            (WIDTH / COLUMN).ceil() as usize * 4 + EVENT_ROWS * (WIDTH / MIN_EVENT_PX) as usize;
        assert!(
            shapes.iter().all(|&n| n <= bound),
            "{shapes:?} over {bound}"
        );
    }

    #[test]
    fn cluster_badges_fit_a_column() {
        let day = NaiveDate::from_ymd_opt(2021, 3, 3).unwrap();
        let badge = |count| {
            Cluster {
                x: 0.0,
                y: 0.0,
                count,
                from: day,
                to: day,
            }
            .text()
        };
        assert_eq!(badge(7), "+7");
        assert_eq!(badge(42), "+42");
        assert_eq!(badge(655), "655");
        assert_eq!(badge(1_234), "1.2k");
        assert_eq!(badge(15_300), "15k");
        assert_eq!(badge(9_960), "10k");
        for n in [1, 99, 100, 999, 1_000, 9_999, 10_000, 99_999] {
            assert!(super::super::labels::width_of(&badge(n)) <= COLUMN, "{n}");
        }
    }

    #[test]
    fn the_open_article_is_drawn_even_when_others_outrank_it() {
        let corpus = crowded_corpus(400, 1);
        let view = opening(&corpus);
        let unopened = compose(&corpus, &view, None);
        let shown: std::collections::HashSet<usize> =
            unopened.markers.iter().map(|m| m.article).collect();
        let hidden = (0..corpus.articles.len())
            .find(|i| {
                !shown.contains(i)
                    && view.x(day_number(corpus.articles[*i].article.date), WIDTH) > 30.0
            })
            .expect("a crowded view hides some articles");
        let scene = compose(&corpus, &view, Some(hidden));
        let m = scene
            .markers
            .iter()
            .find(|m| m.article == hidden)
            .expect("the open article is drawn");
        assert!(m.current);
    }

    #[test]
    fn lanes_by_source_when_few_colours_when_many() {
        let few = model_of(&crowded_corpus(6, 2));
        assert_eq!(few.lanes.len(), 2);
        assert!(few.lanes.iter().all(|l| l.source.is_some()));
        let many = model_of(&crowded_corpus(40, 8));
        assert_eq!(many.lanes.len(), 1);
        assert_eq!(
            many.legend.len(),
            super::super::model::SOURCE_COLOURS + 1,
            "five sources and the others"
        );
        assert!(many.colour_of.contains(&0) && many.colour_of.contains(&1));
    }

    #[test]
    fn a_followed_entity_draws_its_mentions_over_time() {
        let corpus = crowded_corpus(50, 3);
        let model = model_of(&corpus);
        let all: Vec<usize> = (0..corpus.articles.len()).collect();
        let shown = model.shown(&corpus, &all);
        let entity = (0..corpus.entities.len())
            .max_by_key(|&e| {
                corpus
                    .events
                    .iter()
                    .filter(|v| v.entities.contains(&e))
                    .count()
            })
            .unwrap();
        let mentions = model.mentions(&corpus, entity);
        let frame = Frame {
            corpus: &corpus,
            model: &model,
            shown: &shown,
            entity: Some((entity, &mentions)),
            open: None,
        };
        let scene = Scene::compose(&frame, &opening(&corpus), WIDTH);
        let spark = scene.sparkline.expect("a sparkline");
        assert!(spark.peak >= 1 && !spark.points.is_empty());
        assert!(spark.points.iter().all(|&(_, v)| (0.0..=1.0).contains(&v)));
        assert!(scene.events.iter().any(|e| e.involved));
        assert_eq!(scene.height, plot_height(&model, true));
    }
}
