//! Timeline geometry without a DOM: which stretch of time is visible, where a
//! date lands in pixels, which ticks to draw at this zoom, and how to stack
//! overlapping event spans into rows. The SVG component only renders this.

use chrono::{Datelike, NaiveDate};

/// Shortest visible stretch (days): a week keeps single days readable.
const MIN_SPAN_DAYS: f64 = 7.0;
/// How far from its articles a corpus's history is shown at first.
pub const STORY_REACH_YEARS: u32 = 40;

/// Longest visible stretch (days): three centuries.
const MAX_SPAN_DAYS: f64 = 365.25 * 300.0;

/// A date as a day number, so spans can be zoomed smoothly with floats.
pub fn day_number(date: NaiveDate) -> f64 {
    f64::from(date.num_days_from_ce())
}

/// The date of a (possibly fractional) day number, clamped to chrono's range.
pub fn date_of(day: f64) -> NaiveDate {
    let clamped = day.clamp(1.0, 3_000_000.0).floor() as i32;
    NaiveDate::from_num_days_from_ce_opt(clamped).unwrap_or(NaiveDate::MIN)
}

/// The visible stretch of time, in day numbers: `start` inclusive, `end` exclusive.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Viewport {
    pub start: f64,
    pub end: f64,
}

impl Viewport {
    /// A viewport showing every one of `dates` with a margin on both sides.
    pub fn fit(dates: impl IntoIterator<Item = NaiveDate>) -> Viewport {
        let days: Vec<f64> = dates.into_iter().map(day_number).collect();
        let (lo, hi) = days
            .iter()
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &d| {
                (lo.min(d), hi.max(d + 1.0))
            });
        if !lo.is_finite() {
            let today = day_number(NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or(NaiveDate::MIN));
            return Viewport::centered(today, 365.0);
        }
        let span = (hi - lo).max(MIN_SPAN_DAYS * 4.0);
        Viewport::centered((lo + hi) / 2.0, span * 1.1)
    }

    /// The opening view of a corpus: every article, and the history the
    /// articles tell as far back (or ahead) as [`STORY_REACH_YEARS`] from
    /// them; a stray mention of a distant century must not squeeze the
    /// articles into a single pixel. Zooming out still reaches it.
    pub fn fit_story(
        articles: &[NaiveDate],
        events: impl IntoIterator<Item = (NaiveDate, NaiveDate)>,
    ) -> Viewport {
        let (Some(first), Some(last)) = (articles.iter().min(), articles.iter().max()) else {
            return Viewport::fit(events.into_iter().flat_map(|(a, b)| [a, b]));
        };
        let reach = chrono::Months::new(12 * STORY_REACH_YEARS);
        let from = first.checked_sub_months(reach).unwrap_or(*first);
        let to = last.checked_add_months(reach).unwrap_or(*last);
        let near = events
            .into_iter()
            .filter(|&(start, end)| start >= from && end <= to)
            .flat_map(|(a, b)| [a, b]);
        Viewport::fit(articles.iter().copied().chain(near))
    }

    fn centered(center: f64, span: f64) -> Viewport {
        let span = span.clamp(MIN_SPAN_DAYS, MAX_SPAN_DAYS);
        Viewport {
            start: center - span / 2.0,
            end: center + span / 2.0,
        }
    }

    /// Length in days.
    pub fn span(&self) -> f64 {
        self.end - self.start
    }

    /// Horizontal position of a day number on a `width`-pixel axis.
    pub fn x(&self, day: f64, width: f64) -> f64 {
        (day - self.start) / self.span() * width
    }

    /// The day number under pixel `x` of a `width`-pixel axis.
    pub fn day_at(&self, x: f64, width: f64) -> f64 {
        self.start + x / width * self.span()
    }

    /// Zoomed by `factor` (> 1 zooms in) around the point at `anchor`
    /// (0 = left edge, 1 = right edge), which stays where it is.
    pub fn zoom(&self, factor: f64, anchor: f64) -> Viewport {
        let anchor = anchor.clamp(0.0, 1.0);
        let pivot = self.start + self.span() * anchor;
        let span = (self.span() / factor).clamp(MIN_SPAN_DAYS, MAX_SPAN_DAYS);
        Viewport {
            start: pivot - span * anchor,
            end: pivot + span * (1.0 - anchor),
        }
    }

    /// Moved by `fraction` of its width (positive moves later in time).
    pub fn pan(&self, fraction: f64) -> Viewport {
        let by = self.span() * fraction;
        Viewport {
            start: self.start + by,
            end: self.end + by,
        }
    }

    /// Ticks for a `width`-pixel axis: the finest calendar unit that keeps
    /// labels at least `MIN_TICK_PX` apart, days through centuries.
    pub fn ticks(&self, width: f64) -> Vec<Tick> {
        const MIN_TICK_PX: f64 = 70.0;
        let px_per_day = width / self.span();
        let unit = UNITS
            .iter()
            .copied()
            .find(|u| u.approx_days() * px_per_day >= MIN_TICK_PX)
            .unwrap_or(Unit::Years(100));
        let mut ticks = Vec::new();
        let mut date = unit.floor(date_of(self.start));
        while day_number(date) < self.end {
            if day_number(date) >= self.start {
                ticks.push(Tick {
                    x: self.x(day_number(date), width),
                    date,
                    label: unit.label(date),
                });
            }
            match unit.next(date) {
                Some(next) if next > date => date = next,
                _ => break,
            }
        }
        ticks
    }
}

/// A labelled tick on the time axis.
#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    pub x: f64,
    pub date: NaiveDate,
    pub label: String,
}

/// Calendar units ticks can step by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
    Days(u32),
    Months(u32),
    Years(i32),
}

const UNITS: [Unit; 13] = [
    Unit::Days(1),
    Unit::Days(7),
    Unit::Months(1),
    Unit::Months(3),
    Unit::Months(6),
    Unit::Years(1),
    Unit::Years(2),
    Unit::Years(5),
    Unit::Years(10),
    Unit::Years(20),
    Unit::Years(25),
    Unit::Years(50),
    Unit::Years(100),
];

impl Unit {
    fn approx_days(self) -> f64 {
        match self {
            Unit::Days(n) => f64::from(n),
            Unit::Months(n) => f64::from(n) * 30.44,
            Unit::Years(n) => f64::from(n) * 365.25,
        }
    }

    /// The tick at or before `date`: a Monday for weeks, the 1st of a
    /// month/quarter, January 1st of a round year.
    fn floor(self, date: NaiveDate) -> NaiveDate {
        let ymd = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or(date);
        match self {
            Unit::Days(7) => {
                date - chrono::Days::new(u64::from(date.weekday().num_days_from_monday()))
            }
            Unit::Days(_) => date,
            Unit::Months(n) => ymd(date.year(), (date.month0() / n) * n + 1, 1),
            Unit::Years(n) => ymd(date.year().div_euclid(n) * n, 1, 1),
        }
    }

    fn next(self, date: NaiveDate) -> Option<NaiveDate> {
        match self {
            Unit::Days(n) => date.checked_add_days(chrono::Days::new(u64::from(n))),
            Unit::Months(n) => date.checked_add_months(chrono::Months::new(n)),
            Unit::Years(n) => date.with_year(date.year() + n),
        }
    }

    fn label(self, date: NaiveDate) -> String {
        match self {
            Unit::Days(_) if date.day() == 1 || date.ordinal() <= 7 => {
                date.format("%-d %b %Y").to_string()
            }
            Unit::Days(_) => date.format("%-d %b").to_string(),
            Unit::Months(_) if date.month() == 1 => date.format("%b %Y").to_string(),
            Unit::Months(_) => date.format("%b").to_string(),
            Unit::Years(_) => date.format("%Y").to_string(),
        }
    }
}

/// Rows for horizontal spans (`[start, end)` in pixels) so that no two spans
/// in one row come closer than `gap` pixels: greedy first fit in start order
/// (each span takes the lowest row free at its start), which is optimal for
/// interval graphs. Busy rows wait in a heap by end and free rows in a
/// second heap by index, so a crowded view of thousands of overlapping spans
/// costs O(n log n), not one scan of every row per span.
pub fn stack_rows(spans: &[(f64, f64)], gap: f64) -> Vec<usize> {
    use std::cmp::Reverse;
    use std::collections::BinaryHeap;

    /// A row's end, ordered as `f64::total_cmp` orders it.
    #[derive(PartialEq)]
    struct End(f64);
    impl Eq for End {}
    impl PartialOrd for End {
        fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
            Some(self.cmp(other))
        }
    }
    impl Ord for End {
        fn cmp(&self, other: &Self) -> std::cmp::Ordering {
            self.0.total_cmp(&other.0)
        }
    }

    let mut order: Vec<usize> = (0..spans.len()).collect();
    order.sort_by(|&a, &b| spans[a].0.total_cmp(&spans[b].0));
    let mut busy: BinaryHeap<Reverse<(End, usize)>> = BinaryHeap::new();
    let mut free: BinaryHeap<Reverse<usize>> = BinaryHeap::new();
    let mut row_count = 0;
    let mut rows = vec![0; spans.len()];
    for i in order {
        let (start, end) = spans[i];
        while let Some(Reverse((End(e), row))) = busy.peek() {
            if *e + gap > start {
                break;
            }
            free.push(Reverse(*row));
            busy.pop();
        }
        let row = match free.pop() {
            Some(Reverse(r)) => r,
            None => {
                row_count += 1;
                row_count - 1
            }
        };
        busy.push(Reverse((End(end.max(start)), row)));
        rows[i] = row;
    }
    rows
}

/// Markers that did not fit in the lanes, gathered into one "+N" per
/// `column` pixels: at most one button per column however many articles
/// crowd a stretch of time.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Overflow {
    pub count: usize,
    /// Left edge of the first marker folded into it, in pixels.
    pub left: f64,
    /// The first and last publication dates it holds.
    pub from: NaiveDate,
    pub to: NaiveDate,
}

/// Folds markers (`left` pixel, date) into [`Overflow`]s, one per column of
/// `column` pixels, in left-to-right order.
pub fn fold_overflow(
    markers: impl IntoIterator<Item = (f64, NaiveDate)>,
    column: f64,
) -> Vec<Overflow> {
    let mut by_column: std::collections::BTreeMap<i64, Overflow> = Default::default();
    for (left, date) in markers {
        let key = (left / column).floor() as i64;
        by_column
            .entry(key)
            .and_modify(|o| {
                o.count += 1;
                o.left = o.left.min(left);
                o.from = o.from.min(date);
                o.to = o.to.max(date);
            })
            .or_insert(Overflow {
                count: 1,
                left,
                from: date,
                to: date,
            });
    }
    by_column.into_values().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn fit_shows_both_seed_dates_with_margin() {
        let v = Viewport::fit([d(2021, 3, 3), d(2022, 4, 27)]);
        assert!(v.start < day_number(d(2021, 3, 3)));
        assert!(v.end > day_number(d(2022, 4, 28)));
        assert!(v.span() < 500.0);
    }

    #[test]
    fn ticks_adapt_from_days_to_decades() {
        let width = 800.0;
        let days = Viewport::centered(day_number(d(2021, 3, 3)), 10.0).ticks(width);
        assert!(days.iter().any(|t| t.label == "3 Mar"), "{days:?}");
        let months = Viewport::fit([d(2021, 3, 3), d(2022, 4, 27)]).ticks(width);
        assert!(months.iter().any(|t| t.label == "Jan 2022"), "{months:?}");
        assert!(months.iter().all(|t| t.date.day() == 1));
        let years = Viewport::fit([d(2002, 1, 1), d(2022, 4, 27)]).ticks(width);
        let labels: Vec<&str> = years.iter().map(|t| t.label.as_str()).collect();
        assert!(
            labels.contains(&"2010") && labels.contains(&"2020"),
            "{labels:?}"
        );
        for pair in years.windows(2) {
            assert!(pair[1].x - pair[0].x >= 70.0);
        }
    }

    #[test]
    fn zoom_keeps_the_anchor_and_clamps() {
        let v = Viewport::fit([d(2021, 3, 3), d(2022, 4, 27)]);
        let pivot = v.day_at(200.0, 800.0);
        let z = v.zoom(2.0, 0.25);
        assert!((z.day_at(200.0, 800.0) - pivot).abs() < 1e-6);
        assert!((z.span() - v.span() / 2.0).abs() < 1e-6);
        assert_eq!(v.zoom(1e9, 0.5).span(), MIN_SPAN_DAYS);
        assert_eq!(v.zoom(1e-9, 0.5).span(), MAX_SPAN_DAYS);
        let p = v.pan(0.5);
        assert!((p.start - v.start - v.span() / 2.0).abs() < 1e-6);
    }

    #[test]
    fn the_opening_view_ignores_distant_history() {
        let articles = [d(1996, 8, 22), d(1996, 8, 30)];
        let events = [
            (d(1066, 1, 1), d(1067, 1, 1)),
            (d(1990, 1, 1), d(2000, 1, 1)),
            (d(1996, 8, 1), d(1996, 9, 1)),
        ];
        let v = Viewport::fit_story(&articles, events);
        assert!(v.start <= day_number(d(1990, 1, 1)) && v.end >= day_number(d(2000, 1, 1)));
        assert!(
            v.start > day_number(d(1900, 1, 1)),
            "1066 is left out of the opening view"
        );
        let only_events = Viewport::fit_story(&[], [(d(2020, 12, 1), d(2021, 1, 1))]);
        assert!(only_events.start < day_number(d(2020, 12, 1)));
    }

    #[test]
    fn rows_never_overlap() {
        let spans = [
            (0.0, 10.0),
            (5.0, 20.0),
            (12.0, 30.0),
            (25.0, 26.0),
            (31.0, 40.0),
        ];
        let rows = stack_rows(&spans, 1.0);
        assert_eq!(rows, [0, 1, 0, 1, 0]);
        assert!(stack_rows(&[], 1.0).is_empty());
    }

    #[test]
    fn the_initial_timeline_shows_articles_and_their_history() {
        let corpus = crate::testing::seed_corpus();
        let dates: Vec<_> = corpus.articles.iter().map(|a| a.article.date).collect();
        let view = Viewport::fit_story(&dates, corpus.events.iter().map(|e| (e.start, e.end)));
        let ticks = view.ticks(1000.0);
        let labels: Vec<&str> = ticks.iter().map(|t| t.label.as_str()).collect();
        assert!(
            labels.contains(&"2005") || labels.contains(&"2004"),
            "{labels:?}"
        );
        assert!(labels.contains(&"2020"), "{labels:?}");
    }

    /// The first-fit definition, one scan of every row per span.
    fn stack_rows_by_scan(spans: &[(f64, f64)], gap: f64) -> Vec<usize> {
        let mut order: Vec<usize> = (0..spans.len()).collect();
        order.sort_by(|&a, &b| spans[a].0.total_cmp(&spans[b].0));
        let mut row_ends: Vec<f64> = Vec::new();
        let mut rows = vec![0; spans.len()];
        for i in order {
            let (start, end) = spans[i];
            let row = match row_ends.iter().position(|&e| e + gap <= start) {
                Some(r) => r,
                None => {
                    row_ends.push(f64::NEG_INFINITY);
                    row_ends.len() - 1
                }
            };
            row_ends[row] = end.max(start);
            rows[i] = row;
        }
        rows
    }

    #[test]
    fn stacking_by_heaps_is_first_fit() {
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = move |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        for round in 0..200 {
            let n = next(300) as usize;
            let spans: Vec<(f64, f64)> = (0..n)
                .map(|_| {
                    let a = next(1_000) as f64 / 2.0;
                    (a, a + next(60) as f64)
                })
                .collect();
            let gap = [0.0, 2.0, 3.0][round % 3];
            assert_eq!(
                stack_rows(&spans, gap),
                stack_rows_by_scan(&spans, gap),
                "round {round}"
            );
        }
    }

    #[test]
    fn overflowing_markers_fold_into_one_button_per_column() {
        let day = |d: u32| NaiveDate::from_ymd_opt(2021, 3, d).unwrap();
        let folded = fold_overflow(
            [
                (3.0, day(2)),
                (10.0, day(1)),
                (15.0, day(4)),
                (1000.0, day(9)),
                (13.9, day(3)),
            ],
            14.0,
        );
        assert_eq!(
            folded,
            [
                Overflow {
                    count: 3,
                    left: 3.0,
                    from: day(1),
                    to: day(3)
                },
                Overflow {
                    count: 1,
                    left: 15.0,
                    from: day(4),
                    to: day(4)
                },
                Overflow {
                    count: 1,
                    left: 1000.0,
                    from: day(9),
                    to: day(9)
                },
            ]
        );
        let many = fold_overflow(
            (0..10_000).map(|i| (f64::from(i) * 0.1, day(1 + i % 28))),
            14.0,
        );
        assert_eq!(many.len(), 72, "1,000 pixels in 14-pixel columns");
        assert_eq!(many.iter().map(|o| o.count).sum::<usize>(), 10_000);
    }
}
