//! Compact encodings of the bundle's long columns: each value stored as its
//! difference from the previous one, which postcard writes as a zigzag
//! varint. Reading order is date order and index lists ascend, so almost
//! every difference fits one byte where the value took two to four, and
//! deflate finds more repeats in what remains (entity article lists of a
//! 100,000-article corpus: 4.5 MB of plain varints).
//!
//! Each module is used as `#[serde(with = "crate::columns::…")]`; decoding
//! checks every step, so a corrupt column is an error, never a panic or a
//! wrapped-around index.

use chrono::NaiveDate;
use serde::de::Error as _;
use serde::ser::SerializeSeq;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// `values[i] - values[i - 1]` (from 0 for the first), as `i64`.
fn differences(values: impl Iterator<Item = i64>) -> Vec<i64> {
    let mut last = 0i64;
    values
        .map(|v| {
            let d = v - last;
            last = v;
            d
        })
        .collect()
}

/// The running sums of `differences`, each checked by `accept`.
fn sums<T, E>(
    differences: Vec<i64>,
    mut accept: impl FnMut(i64) -> Result<T, E>,
) -> Result<Vec<T>, E> {
    let mut last = 0i64;
    differences
        .into_iter()
        .map(|d| {
            last = last.saturating_add(d);
            accept(last)
        })
        .collect()
}

/// Each of `lists` written through its compact form `wrap(list)`.
fn serialize_lists<'a, T, W: Serialize, S: Serializer>(
    lists: &'a [T],
    wrap: impl Fn(&'a T) -> W,
    s: S,
) -> Result<S::Ok, S::Error> {
    let mut seq = s.serialize_seq(Some(lists.len()))?;
    for list in lists {
        seq.serialize_element(&wrap(list))?;
    }
    seq.end()
}

fn index<E: serde::de::Error>(value: i64) -> Result<usize, E> {
    usize::try_from(value).map_err(|_| E::custom(format!("index {value} is negative")))
}

/// Dates in (mostly) ascending order, as day-number differences.
pub mod day_deltas {
    use super::*;
    use chrono::Datelike;

    pub fn serialize<S: Serializer>(dates: &[NaiveDate], s: S) -> Result<S::Ok, S::Error> {
        differences(dates.iter().map(|d| i64::from(d.num_days_from_ce()))).serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<NaiveDate>, D::Error> {
        sums(Vec::<i64>::deserialize(d)?, |days| {
            i32::try_from(days)
                .ok()
                .and_then(NaiveDate::from_num_days_from_ce_opt)
                .ok_or_else(|| D::Error::custom(format!("day number {days} is not a date")))
        })
    }
}

/// Lists of indices (ascending, or nearly), one difference list each.
pub mod index_lists {
    use super::*;

    struct Deltas<'a>(&'a [usize]);

    impl Serialize for Deltas<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            differences(self.0.iter().map(|&i| i as i64)).serialize(s)
        }
    }

    struct Indices(Vec<usize>);

    impl<'de> Deserialize<'de> for Indices {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            sums(Vec::<i64>::deserialize(d)?, index).map(Indices)
        }
    }

    pub fn serialize<S: Serializer>(lists: &[Vec<usize>], s: S) -> Result<S::Ok, S::Error> {
        serialize_lists(lists, |l| Deltas(l), s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Vec<usize>>, D::Error> {
        Ok(Vec::<Indices>::deserialize(d)?
            .into_iter()
            .map(|i| i.0)
            .collect())
    }
}

/// Every event's sources, in corpus order: the article as a difference
/// from the previous source's, the sentence as start and length, the date
/// expression relative to its sentence.
pub mod event_sources {
    use super::*;
    use dateline_engine::corpus::EventSource;
    use dateline_engine::text::Span;

    /// One source: (article difference, sentence start, sentence length,
    /// timex start minus sentence start, timex length).
    type Packed = (i64, usize, usize, i64, usize);

    struct Sources<'a>(&'a [EventSource]);

    impl Serialize for Sources<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut last = 0i64;
            let mut seq = s.serialize_seq(Some(self.0.len()))?;
            for source in self.0 {
                let article = source.article as i64;
                let (sentence, timex) = (source.sentence, source.timex);
                seq.serialize_element(&(
                    article - last,
                    sentence.start,
                    sentence.end - sentence.start,
                    timex.start as i64 - sentence.start as i64,
                    timex.end - timex.start,
                ))?;
                last = article;
            }
            seq.end()
        }
    }

    struct Owned(Vec<EventSource>);

    impl<'de> Deserialize<'de> for Owned {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            let packed = Vec::<Packed>::deserialize(d)?;
            let mut last = 0i64;
            let mut out = Vec::with_capacity(packed.len());
            for (article, start, len, timex_from, timex_len) in packed {
                last = last.saturating_add(article);
                let end = |from: usize, len: usize| {
                    from.checked_add(len)
                        .ok_or_else(|| D::Error::custom("a span ends past the end of memory"))
                };
                let timex_start = index(start as i64 + timex_from)?;
                out.push(EventSource {
                    article: index(last)?,
                    sentence: Span::new(start, end(start, len)?),
                    timex: Span::new(timex_start, end(timex_start, timex_len)?),
                });
            }
            Ok(Owned(out))
        }
    }

    pub fn serialize<S: Serializer>(lists: &[Vec<EventSource>], s: S) -> Result<S::Ok, S::Error> {
        serialize_lists(lists, |l| Sources(l), s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Vec<EventSource>>, D::Error> {
        Ok(Vec::<Owned>::deserialize(d)?
            .into_iter()
            .map(|o| o.0)
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use dateline_engine::corpus::EventSource;
    use dateline_engine::text::Span;
    use serde::{Deserialize, Serialize};

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Columns {
        #[serde(with = "super::day_deltas")]
        dates: Vec<chrono::NaiveDate>,
        #[serde(with = "super::index_lists")]
        lists: Vec<Vec<usize>>,
        #[serde(with = "super::event_sources")]
        sources: Vec<Vec<EventSource>>,
    }

    fn columns() -> Columns {
        let day = |d| chrono::NaiveDate::from_ymd_opt(2021, 3, d).unwrap();
        let source = |article, s: usize, t: usize| EventSource {
            article,
            sentence: Span::new(s, s + 80),
            timex: Span::new(t, t + 9),
        };
        Columns {
            dates: vec![day(3), day(3), day(1), day(30)],
            lists: vec![vec![0, 4, 90_000], vec![], vec![7, 2]],
            sources: vec![
                vec![source(70_000, 12, 40), source(70_000, 300, 301)],
                vec![source(3, 0, 0)],
            ],
        }
    }

    #[test]
    fn columns_round_trip_in_any_order() {
        let bytes = postcard::to_allocvec(&columns()).unwrap();
        assert_eq!(postcard::from_bytes::<Columns>(&bytes).unwrap(), columns());
    }

    #[test]
    fn ascending_values_take_one_byte_each() {
        let lists = Columns {
            dates: vec![],
            lists: vec![(100_000..100_100).collect()],
            sources: vec![],
        };
        let bytes = postcard::to_allocvec(&lists).unwrap();
        // Four lengths, the first index in 3 bytes, 99 differences of 1.
        assert_eq!(bytes.len(), 4 + 3 + 99);
    }

    #[test]
    fn a_difference_below_zero_or_past_the_calendar_is_an_error() {
        let c = Columns {
            dates: vec![],
            lists: vec![vec![3]],
            sources: vec![],
        };
        let mut bytes = postcard::to_allocvec(&c).unwrap();
        assert_eq!(bytes, [0, 1, 1, 6, 0]);
        // The index 3 (zigzag 6) becomes -3 (zigzag 5).
        bytes[3] = 5;
        assert!(postcard::from_bytes::<Columns>(&bytes).is_err());
        let far = postcard::to_allocvec(&(vec![i64::MAX], 0u8, 0u8)).unwrap();
        assert!(postcard::from_bytes::<Columns>(&far).is_err());
    }
}
