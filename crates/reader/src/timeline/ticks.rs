//! Axis ticks from days to centuries: the finest calendar unit whose labels
//! stay readable at this zoom.

use super::viewport::{date_of, day_number, Viewport};
use chrono::{Datelike, NaiveDate};

impl Viewport {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
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
}
