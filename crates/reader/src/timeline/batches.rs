//! Long loops cut into calls, for the page's first build of the timeline.
//!
//! A freshly loaded wasm module runs each function as baseline code until
//! the engine has compiled an optimised version in the background, and a
//! call that is already running never switches over. The timeline's model
//! is built once, in a few calls that each loop over every article or
//! event, so in the page all of it ran as baseline code: 212 ms for 100,000
//! articles, against 53 ms for the same build repeated in the same page.
//! Run in batches, each batch one call of an out-of-line function, the
//! optimised code takes over after the first batches: the first build in
//! the page went from a median of 228 to 170 ms (6 cold loads each of the
//! 100,000-article bundle, headless Chromium, this 2-core machine).

use std::ops::Range;

/// Items per call: small enough that the optimised code arrives early,
/// large enough that the calls cost nothing.
const BATCH: usize = 2_048;

/// Runs `work` over `0..n` in consecutive ranges of at most [`BATCH`].
pub fn in_batches(n: usize, mut work: impl FnMut(Range<usize>)) {
    #[inline(never)]
    fn one<F: FnMut(Range<usize>)>(work: &mut F, range: Range<usize>) {
        work(range);
    }
    let mut start = 0;
    while start < n {
        let end = (start + BATCH).min(n);
        one(&mut work, start..end);
        start = end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_index_once_in_order() {
        for n in [0, 1, BATCH - 1, BATCH, BATCH + 1, 5 * BATCH + 17] {
            let mut seen = Vec::new();
            in_batches(n, |r| {
                assert!(r.len() <= BATCH && !r.is_empty());
                seen.extend(r);
            });
            assert_eq!(seen, (0..n).collect::<Vec<_>>());
        }
    }
}
