//! The visible stretch of time: where a date lands in pixels, zoom around a
//! point, pan, and the opening view of a corpus.

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
        // Dates compare as integers; only the two ends become day numbers
        // (the opening view of 100,000 articles and their events folds
        // 650,000 dates: converting each cost 180 ms in the page).
        let ends = dates.into_iter().fold(None, |ends, d| match ends {
            None => Some((d, d)),
            Some((lo, hi)) => Some((d.min(lo), d.max(hi))),
        });
        let Some((lo, hi)) = ends else {
            let today = day_number(NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or(NaiveDate::MIN));
            return Viewport::centered(today, 365.0);
        };
        let (lo, hi) = (day_number(lo), day_number(hi) + 1.0);
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

    pub(crate) fn centered(center: f64, span: f64) -> Viewport {
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

    /// The views a zoom into the middle of this one passes through, each
    /// `factor` (> 1) times narrower than the last, down to `narrowest`
    /// days: what the page draws once, unseen, so the first real zoom runs
    /// code and glyph caches already warm.
    pub fn zoom_ladder(&self, factor: f64, narrowest: f64) -> Vec<Viewport> {
        let mut ladder = Vec::new();
        if factor <= 1.0 {
            return ladder;
        }
        let mut view = *self;
        while view.span() > narrowest.max(MIN_SPAN_DAYS) {
            view = view.zoom(factor, 0.5);
            ladder.push(view);
        }
        ladder
    }

    /// Moved by `fraction` of its width (positive moves later in time).
    pub fn pan(&self, fraction: f64) -> Viewport {
        let by = self.span() * fraction;
        Viewport {
            start: self.start + by,
            end: self.end + by,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_zoom_ladder_halves_into_the_middle_down_to_the_narrowest_view() {
        let whole = Viewport {
            start: 700_000.0,
            end: 740_000.0,
        };
        let ladder = whole.zoom_ladder(2.0, 30.0);
        assert_eq!(ladder.len(), 11, "40,000 days halve 11 times to 30 or less");
        let mut span = whole.span();
        for view in &ladder {
            assert!((view.span() - span / 2.0).abs() < 1e-6);
            assert!(
                (view.start + view.end - 1_440_000.0).abs() < 1e-6,
                "centred"
            );
            span = view.span();
        }
        assert!(span <= 30.0 && span * 2.0 > 30.0);
        assert!(ladder.last().unwrap().zoom_ladder(2.0, 30.0).is_empty());
        assert!(
            whole.zoom_ladder(1.0, 30.0).is_empty(),
            "no ladder without zooming"
        );
    }

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
}
