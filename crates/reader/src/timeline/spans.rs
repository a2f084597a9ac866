//! Level of detail for periods (events from a day to a century long): which
//! spans a view can draw, found without scanning the spans that start
//! before it.
//!
//! A span is counted on its first day, so a year-long event that started
//! before the view would be missed by a lookup of the view alone. Spans are
//! therefore kept in one [`Pyramid`] per length class (class `c` holds
//! spans of at most `2^c` days): a view looks back `2^c` days in class `c`
//! only, reading that class at a level no finer than `c`, so the lookback
//! costs a bucket or two however long the spans are.

use super::lod::{Column, Dated, Pyramid, PyramidBuilder};
use super::viewport::Viewport;

/// A span to index: `[start, end)` in day numbers, the caller's id, and how
/// much it matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub start: i32,
    pub end: i32,
    pub id: u32,
    pub salience: u32,
}

/// Periods by length class, each class a [`Pyramid`] keyed by first day.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PeriodIndex {
    /// (class, its periods); classes in increasing order, empty ones left out.
    classes: Vec<(u32, Pyramid)>,
}

/// The length class of a period: the smallest `c` with `2^c >= days`.
fn class_of(days: i32) -> u32 {
    (days.max(1) as u32).next_power_of_two().trailing_zeros()
}

/// A [`PeriodIndex`] built from periods as they come, in one pass: each
/// goes to its class's [`PyramidBuilder`], cheapest in order of start (as
/// a corpus keeps its events).
#[derive(Debug)]
pub struct PeriodIndexBuilder {
    /// One builder per length class.
    classes: [PyramidBuilder; 32],
}

impl Default for PeriodIndexBuilder {
    fn default() -> Self {
        PeriodIndexBuilder {
            classes: std::array::from_fn(|_| PyramidBuilder::default()),
        }
    }
}

impl PeriodIndexBuilder {
    /// Adds `period`.
    pub fn push(&mut self, p: Period) {
        self.classes[class_of(p.end - p.start) as usize].push(Dated {
            day: p.start,
            id: p.id,
            salience: p.salience,
        });
    }

    /// The index of the periods pushed.
    pub fn finish(self) -> PeriodIndex {
        PeriodIndex {
            classes: self
                .classes
                .into_iter()
                .enumerate()
                .map(|(c, builder)| (c as u32, builder.finish()))
                .filter(|(_, pyramid)| !pyramid.is_empty())
                .collect(),
        }
    }
}

impl PeriodIndex {
    /// How many periods it holds.
    pub fn len(&self) -> usize {
        self.classes.iter().map(|(_, p)| p.len()).sum()
    }

    /// True when it holds nothing.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Periods starting in each column of the view (a density strip).
    pub fn counts(&self, view: &Viewport, width: f64, column_px: f64) -> Vec<Column> {
        let mut all: Vec<Column> = self
            .classes
            .iter()
            .flat_map(|(_, pyramid)| pyramid.counts(view, width, column_px))
            .collect();
        all.sort_by_key(|c| c.index);
        let mut merged: Vec<Column> = Vec::with_capacity(all.len());
        for c in all {
            match merged.last_mut() {
                Some(m) if m.index == c.index => {
                    m.count += c.count;
                    m.first_day = m.first_day.min(c.first_day);
                    m.last_day = m.last_day.max(c.last_day);
                }
                _ => merged.push(c),
            }
        }
        merged
    }

    /// Candidates to draw: the most salient periods of every bucket that can
    /// reach into the view at a level whose buckets span one to two columns
    /// of `column_px` pixels, best first. Some may end before the view starts: the caller, who knows the
    /// ends, drops them. At most about [`super::lod::TOP`] per column and
    /// class.
    pub fn candidates(&self, view: &Viewport, width: f64, column_px: f64) -> Vec<Dated> {
        let days_per_column = view.span() / width.max(1.0) * column_px;
        let mut out = Vec::new();
        for (class, pyramid) in &self.classes {
            let reach = f64::from(1u32 << (*class).min(30));
            let level = pyramid
                .level_for(days_per_column * 2.0)
                .max(pyramid.level_for(reach));
            out.extend(pyramid.tops(level, view.start - reach, view.end));
        }
        out.sort_unstable_by_key(|d| (std::cmp::Reverse(d.salience), d.day, d.id));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn period(start: i32, days: i32, id: u32, salience: u32) -> Period {
        Period {
            start,
            end: start + days,
            id,
            salience,
        }
    }

    fn index_of(periods: &[Period]) -> PeriodIndex {
        let mut builder = PeriodIndexBuilder::default();
        for &p in periods {
            builder.push(p);
        }
        builder.finish()
    }

    #[test]
    fn classes_are_powers_of_two() {
        assert_eq!(class_of(1), 0);
        assert_eq!(class_of(7), 3);
        assert_eq!(class_of(31), 5);
        assert_eq!(class_of(366), 9);
        assert_eq!(class_of(0), 0);
    }

    #[test]
    fn a_long_period_started_before_the_view_is_a_candidate() {
        let year = period(1_000, 365, 7, 3);
        let days = (0..2_000).map(|i| period(1_000 + i % 700, 1, 100 + i as u32, 0));
        let all: Vec<Period> = std::iter::once(year).chain(days).collect();
        let index = index_of(&all);
        assert_eq!(index.len(), 2_001);
        let view = Viewport {
            start: 1_200.0,
            end: 1_230.0,
        };
        let found = index.candidates(&view, 1_000.0, 24.0);
        assert_eq!(
            found.first().map(|d| d.id),
            Some(7),
            "the most salient first"
        );
        assert!(found.len() <= 4 * (1_000 / 24 + 4) * 2);
    }

    #[test]
    fn candidates_stay_few_at_any_zoom() {
        let periods: Vec<Period> = (0..200_000u32)
            .map(|i| {
                let len = [1, 7, 30, 365][(i % 4) as usize];
                period(700_000 + (i * 7919 % 40_000) as i32, len, i, i % 13)
            })
            .collect();
        let index = index_of(&periods);
        for span in [30.0, 3_000.0, 40_000.0] {
            let view = Viewport {
                start: 710_000.0,
                end: 710_000.0 + span,
            };
            let n = index.candidates(&view, 1_000.0, 24.0).len();
            // 4 classes, at most 2 buckets per 24 px column (+ lookback), 4 each.
            let columns = (1_000.0_f64 / 24.0).ceil() as usize + 2;
            assert!(n <= 4 * 2 * columns * 4, "{n} candidates for {span} days");
            let starts: u32 = index
                .counts(&view, 1_000.0, 2.0)
                .iter()
                .map(|c| c.count)
                .sum();
            assert!(starts > 0);
        }
    }
}
