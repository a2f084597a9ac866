//! Level of detail: per zoom level, how many items fall in each stretch of
//! time and which of them matter most, so a frame costs what its pixels
//! can show, not what the corpus holds.
//!
//! The idea is the "mipmap" of trace viewers such as Perfetto: level `k`
//! cuts time into buckets of `2^k` days; each bucket keeps its count and its
//! [`TOP`] most salient items. Level 0 is built from the items, each level
//! above by merging pairs of buckets below, so building costs
//! O(n log n + buckets · levels) once, and a view reads only the buckets of
//! the one level whose buckets are no wider than a pixel column.

use super::batches::in_batches;
use super::viewport::Viewport;

/// Items kept per bucket: the rows a column can draw, plus one spare so a
/// view can still show the open article when it is not among the first.
pub const TOP: usize = 4;

/// An item placed on one day: an article by its publication date, an event
/// by its first day. `id` is the caller's index; higher `salience` is drawn
/// first when a column cannot show everything.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dated {
    pub day: i32,
    pub id: u32,
    pub salience: u32,
}

impl Dated {
    /// Most salient first; then the earlier, then the lower id, so every
    /// choice is deterministic.
    fn rank(&self) -> (std::cmp::Reverse<u32>, i32, u32) {
        (std::cmp::Reverse(self.salience), self.day, self.id)
    }
}

/// One bucket of one level. The best items are inline, not a `Vec`: a
/// pyramid of a million events has hundreds of thousands of buckets, and an
/// allocation each doubled both its build time and its memory.
#[derive(Debug, Clone, PartialEq)]
struct Bucket {
    /// `day >> level`: buckets of a level are sorted by it.
    key: i32,
    count: u32,
    top: Best,
}

/// At most [`TOP`] items, ranked best first.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Best {
    items: [Dated; TOP],
    len: u8,
}

impl Best {
    const NONE: Dated = Dated {
        day: 0,
        id: 0,
        salience: 0,
    };

    fn one(item: Dated) -> Best {
        let mut items = [Best::NONE; TOP];
        items[0] = item;
        Best { items, len: 1 }
    }

    fn as_slice(&self) -> &[Dated] {
        &self.items[..self.len as usize]
    }

    /// Inserts `item` if it ranks among the best [`TOP`].
    fn offer(&mut self, item: Dated) {
        let len = self.len as usize;
        // Most offers to a crowded bucket lose to its last item: one
        // comparison instead of a search (a day holds hundreds of events
        // in a corpus of a million).
        if len == TOP && self.items[TOP - 1].rank() <= item.rank() {
            return;
        }
        let at = self.as_slice().partition_point(|t| t.rank() < item.rank());
        if at >= TOP {
            return;
        }
        let end = len.min(TOP - 1);
        self.items.copy_within(at..end, at + 1);
        self.items[at] = item;
        self.len = (len + 1).min(TOP) as u8;
    }

    fn merge(&mut self, other: &Best) {
        for &item in other.as_slice() {
            self.offer(item);
        }
    }
}

/// The counts and salient items of a set of dated items at every zoom level.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Pyramid {
    levels: Vec<Vec<Bucket>>,
    len: usize,
}

/// What one pixel column of a view holds.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// Column number from the left edge (`x / column_px`, floored).
    pub index: i64,
    /// Items in the buckets that fall in this column.
    pub count: u32,
    /// The most salient of them, best first, at most [`TOP`].
    pub top: Vec<Dated>,
    /// First and last day of the buckets folded into it.
    pub first_day: i32,
    pub last_day: i32,
}

impl Pyramid {
    /// Builds every level from `items` in any order.
    pub fn new(mut items: Vec<Dated>) -> Pyramid {
        // By day only: a bucket's best items do not depend on the order they
        // come in. Items from a corpus usually come sorted (bundles are in
        // date order, events in period order), and then the sort is skipped.
        if !items.is_sorted_by_key(|d| d.day) {
            items.sort_unstable_by_key(|d| d.day);
        }
        // Room for one bucket per distinct day, counted first: growing the
        // level by doubling copied it over and over.
        let days = items.windows(2).filter(|w| w[0].day != w[1].day).count() + 1;
        let mut builder = PyramidBuilder::with_capacity(days.min(items.len()));
        in_batches(items.len(), |range| {
            for &item in &items[range] {
                builder.push(item);
            }
        });
        builder.finish()
    }

    /// How many items it holds.
    pub fn len(&self) -> usize {
        self.len
    }

    /// True when it holds nothing.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The coarsest level whose buckets are no wider than `days`: the one a
    /// column of that many days reads.
    pub fn level_for(&self, days: f64) -> usize {
        let wanted = if days >= 2.0 {
            days.log2().floor() as usize
        } else {
            0
        };
        wanted.min(self.levels.len().saturating_sub(1))
    }

    /// The buckets of `level` that start in `[from, to)` (day numbers).
    fn buckets(&self, level: usize, from: f64, to: f64) -> &[Bucket] {
        let Some(buckets) = self.levels.get(level) else {
            return &[];
        };
        let key_of =
            |day: f64| (day.floor().clamp(i32::MIN as f64, i32::MAX as f64) as i32) >> level;
        let (lo, hi) = (key_of(from), key_of(to));
        let a = buckets.partition_point(|b| b.key < lo);
        let b = buckets.partition_point(|b| b.key <= hi);
        &buckets[a..b.max(a)]
    }

    /// The salient items of every bucket of `level` starting in `[from, to)`.
    pub fn tops(&self, level: usize, from: f64, to: f64) -> impl Iterator<Item = Dated> + '_ {
        self.buckets(level, from, to)
            .iter()
            .flat_map(|b| b.top.as_slice().iter().copied())
    }

    /// The items in view folded into columns of `column_px` pixels on a
    /// `width`-pixel axis, left to right; empty columns are left out. Reads
    /// at most about two buckets per column, whatever the corpus size.
    pub fn columns(&self, view: &Viewport, width: f64, column_px: f64) -> Vec<Column> {
        self.fold(view, width, column_px, true)
    }

    /// As [`Pyramid::columns`] without the salient items: a density strip.
    pub fn counts(&self, view: &Viewport, width: f64, column_px: f64) -> Vec<Column> {
        self.fold(view, width, column_px, false)
    }

    fn fold(&self, view: &Viewport, width: f64, column_px: f64, with_top: bool) -> Vec<Column> {
        if self.is_empty() || width <= 0.0 || column_px <= 0.0 {
            return Vec::new();
        }
        let days_per_column = view.span() / width * column_px;
        let level = self.level_for(days_per_column);
        let size = f64::from(1u32 << level.min(31));
        let mut out: Vec<Column> = Vec::new();
        // A bucket belongs to the column of its middle; one starting a
        // bucket before the view may still reach into it.
        for b in self.buckets(level, view.start - size, view.end) {
            let first_day = b.key << level;
            let middle = f64::from(first_day) + size / 2.0;
            let x = view.x(middle, width);
            if x < 0.0 || x >= width {
                continue;
            }
            let index = (x / column_px).floor() as i64;
            match out.last_mut() {
                Some(c) if c.index == index => {
                    c.count += b.count;
                    c.last_day = c.last_day.max(first_day + size as i32 - 1);
                    if with_top {
                        for &item in b.top.as_slice() {
                            keep_best(&mut c.top, item);
                        }
                    }
                }
                _ => out.push(Column {
                    index,
                    count: b.count,
                    top: if with_top {
                        b.top.as_slice().to_vec()
                    } else {
                        Vec::new()
                    },
                    first_day,
                    last_day: first_day + size as i32 - 1,
                }),
            }
        }
        out
    }
}

/// Inserts `item` into a best-first list of at most [`TOP`].
fn keep_best(top: &mut Vec<Dated>, item: Dated) {
    let at = top.partition_point(|t| t.rank() < item.rank());
    if at < TOP {
        top.insert(at, item);
        top.truncate(TOP);
    }
}

/// A [`Pyramid`] built from items as they come, without holding them: an
/// item in day order (as a corpus keeps its articles, and each length class
/// of its events) goes straight into its bucket of level 0; the few out of
/// order wait, and are merged in by [`PyramidBuilder::finish`]. The
/// timeline's model feeds it a million events in one pass, where collecting
/// them first took four more passes and 28 MB.
#[derive(Debug, Default)]
pub struct PyramidBuilder {
    /// Level 0 so far, sorted by key.
    level: Vec<Bucket>,
    /// Items that came after a later day's.
    late: Vec<Dated>,
    len: usize,
}

impl PyramidBuilder {
    /// A builder with room for `days` buckets of level 0 (distinct days).
    pub fn with_capacity(days: usize) -> PyramidBuilder {
        PyramidBuilder {
            level: Vec::with_capacity(days),
            ..PyramidBuilder::default()
        }
    }

    /// Adds `item`, cheapest when no earlier than the last item's day.
    pub fn push(&mut self, item: Dated) {
        self.len += 1;
        if self.level.last().is_some_and(|b| b.key > item.day) {
            self.late.push(item);
        } else {
            add_in_order(&mut self.level, item);
        }
    }

    /// Every level of the items pushed.
    pub fn finish(self) -> Pyramid {
        let PyramidBuilder {
            mut level,
            mut late,
            len,
        } = self;
        if !late.is_empty() {
            late.sort_unstable_by_key(|d| d.day);
            level = merge_late(level, late);
        }
        let mut levels = vec![level];
        // Up to the level where everything is one bucket (at most 32).
        while levels.last().is_some_and(|l| l.len() > 1) && levels.len() < 32 {
            let below = levels.last().map(Vec::as_slice).unwrap_or_default();
            levels.push(merge_pairs(below));
        }
        Pyramid { levels, len }
    }
}

/// Adds `item` to `level`, whose last bucket is no later than its day.
fn add_in_order(level: &mut Vec<Bucket>, item: Dated) {
    match level.last_mut() {
        Some(b) if b.key == item.day => {
            b.count += 1;
            b.top.offer(item);
        }
        _ => level.push(Bucket {
            key: item.day,
            count: 1,
            top: Best::one(item),
        }),
    }
}

/// `level` (sorted by key) with the items of `late` (sorted by day) added.
fn merge_late(level: Vec<Bucket>, late: Vec<Dated>) -> Vec<Bucket> {
    let mut out: Vec<Bucket> = Vec::with_capacity(level.len() + late.len());
    let mut late = late.into_iter().peekable();
    for bucket in level {
        while let Some(item) = late.next_if(|d| d.day < bucket.key) {
            add_in_order(&mut out, item);
        }
        match out.last_mut() {
            Some(b) if b.key == bucket.key => {
                b.count += bucket.count;
                b.top.merge(&bucket.top);
            }
            _ => out.push(bucket),
        }
    }
    for item in late {
        add_in_order(&mut out, item);
    }
    out
}

/// The level above `below`: each pair of buckets `2k`, `2k + 1` merged.
fn merge_pairs(below: &[Bucket]) -> Vec<Bucket> {
    // Counted first: buckets far apart (sparse years, events over
    // centuries) do not pair up, so half of `below` was often too little,
    // and the level was copied as it grew.
    let buckets = below
        .windows(2)
        .filter(|w| w[0].key >> 1 != w[1].key >> 1)
        .count()
        + 1;
    let mut level: Vec<Bucket> = Vec::with_capacity(buckets.min(below.len()));
    for b in below {
        let key = b.key >> 1;
        match level.last_mut() {
            Some(up) if up.key == key => {
                up.count += b.count;
                up.top.merge(&b.top);
            }
            _ => level.push(Bucket {
                key,
                count: b.count,
                top: b.top,
            }),
        }
    }
    level
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(day: i32, id: u32, salience: u32) -> Dated {
        Dated { day, id, salience }
    }

    /// Deterministic pseudo-random items: `n` over `days` days.
    fn scattered(n: u32, days: u32) -> Vec<Dated> {
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        (0..n)
            .map(|id| {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                item(
                    730_000 + (seed % u64::from(days)) as i32,
                    id,
                    (seed >> 20) as u32 % 50,
                )
            })
            .collect()
    }

    #[test]
    fn every_level_counts_every_item_once() {
        let items = scattered(5_000, 4_000);
        let p = Pyramid::new(items.clone());
        assert_eq!(p.len(), 5_000);
        assert!(p.levels.len() >= 12, "4,000 days need 12 doublings");
        for (k, level) in p.levels.iter().enumerate() {
            assert_eq!(
                level.iter().map(|b| b.count).sum::<u32>(),
                5_000,
                "level {k}"
            );
            assert!(
                level.windows(2).all(|w| w[0].key < w[1].key),
                "level {k} sorted"
            );
        }
        assert_eq!(p.levels.last().map(Vec::len), Some(1));
    }

    #[test]
    fn a_bucket_keeps_its_most_salient_items() {
        let items = scattered(3_000, 600);
        let p = Pyramid::new(items.clone());
        for (k, level) in p.levels.iter().enumerate() {
            for b in level {
                let mut inside: Vec<Dated> = items
                    .iter()
                    .copied()
                    .filter(|d| d.day >> k == b.key)
                    .collect();
                inside.sort_by_key(Dated::rank);
                inside.truncate(TOP);
                assert_eq!(b.top.as_slice(), inside, "level {k} bucket {}", b.key);
            }
        }
    }

    #[test]
    fn columns_cover_the_view_and_nothing_else() {
        let items = scattered(20_000, 3_650);
        let p = Pyramid::new(items.clone());
        let view = Viewport {
            start: 731_000.0,
            end: 731_900.0,
        };
        for column_px in [2.0, 24.0] {
            let cols = p.columns(&view, 1_000.0, column_px);
            assert!(cols.windows(2).all(|w| w[0].index < w[1].index));
            assert!(cols.len() as f64 <= (1_000.0 / column_px).ceil());
            let counted: u32 = cols.iter().map(|c| c.count).sum();
            let truth = items
                .iter()
                .filter(|d| f64::from(d.day) >= view.start && f64::from(d.day) < view.end)
                .count() as u32;
            // Buckets straddling an edge are in or out whole: the error is
            // at most a bucket's worth at each end.
            let slack = truth / 50;
            assert!(counted.abs_diff(truth) <= slack, "{counted} vs {truth}");
            for c in &cols {
                assert!(c.top.len() <= TOP && c.top.len() <= c.count as usize);
                assert!(c
                    .top
                    .iter()
                    .all(|d| d.day >= c.first_day && d.day <= c.last_day));
            }
        }
    }

    #[test]
    fn items_in_any_order_build_the_pyramid_of_the_sorted_items() {
        let items = scattered(4_000, 900);
        let mut sorted = items.clone();
        sorted.sort_by_key(|d| d.day);
        let mut builder = PyramidBuilder::default();
        for &item in &items {
            builder.push(item);
        }
        assert!(
            !builder.late.is_empty(),
            "scattered items come out of order"
        );
        assert_eq!(builder.finish(), Pyramid::new(sorted));
    }

    #[test]
    fn zoomed_in_a_column_is_a_day_with_its_articles() {
        let p = Pyramid::new(vec![item(100, 0, 1), item(100, 1, 5), item(101, 2, 0)]);
        let view = Viewport {
            start: 95.0,
            end: 105.0,
        };
        let cols = p.columns(&view, 1_000.0, 24.0);
        assert_eq!(cols.len(), 2);
        assert_eq!((cols[0].first_day, cols[0].last_day), (100, 100));
        assert_eq!(cols[0].count, 2);
        assert_eq!(cols[0].top.iter().map(|d| d.id).collect::<Vec<_>>(), [1, 0]);
        assert_eq!(cols[1].top[0].id, 2);
    }

    #[test]
    fn a_frame_reads_a_bounded_number_of_buckets() {
        let p = Pyramid::new(scattered(100_000, 36_500));
        let whole = Viewport {
            start: 729_000.0,
            end: 768_000.0,
        };
        let level = p.level_for(whole.span() / 1_000.0 * 2.0);
        let read = p.buckets(level, whole.start, whole.end).len();
        assert!(read <= 1_000, "{read} buckets for 500 columns");
        assert!(p.counts(&whole, 1_000.0, 2.0).len() <= 500);
        assert!(Pyramid::new(Vec::new())
            .columns(&whole, 1_000.0, 2.0)
            .is_empty());
    }
}
