//! Sharing the work on one long article between cores: with the `parallel`
//! feature (the CLI's) the sentences of a transcript pasted as one
//! paragraph are tagged on every core (rayon), without it (the page) on
//! this thread. Results are the same, in the same order, either way.
//!
//! Only long articles are split: an ordinary one (tens of sentences) runs
//! on its own thread as before, since a corpus already keeps every core
//! busy with whole articles and splitting would only add overhead.

/// Fewest items a slice must have before it is shared between cores.
#[cfg(feature = "parallel")]
const MIN_SHARED_ITEMS: usize = 256;

/// `f` applied to every item of `items`, in order, with a scratch state
/// from `init` (one per thread; e.g. a buffer reused between items).
/// Shared between cores when the `parallel` feature is on and there are
/// enough items (`MIN_SHARED_ITEMS`).
pub(crate) fn map_with<T, S, R>(
    items: &[T],
    init: impl Fn() -> S + Sync + Send,
    f: impl Fn(&mut S, &T) -> R + Sync + Send,
) -> Vec<R>
where
    T: Sync,
    R: Send,
{
    #[cfg(feature = "parallel")]
    if items.len() >= MIN_SHARED_ITEMS {
        use rayon::prelude::*;
        return items
            .par_iter()
            .with_min_len(MIN_SHARED_ITEMS / 4)
            .map_init(init, f)
            .collect();
    }
    let mut state = init();
    items.iter().map(|item| f(&mut state, item)).collect()
}

/// [`map_with`] without a scratch state.
pub(crate) fn map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync + Send) -> Vec<R> {
    map_with(items, || (), |_, item| f(item))
}

/// Runs `a` and `b`, side by side on two cores when `shared` (and the
/// `parallel` feature is on), else one after the other.
pub(crate) fn join<A: Send, B: Send>(
    shared: bool,
    a: impl FnOnce() -> A + Send,
    b: impl FnOnce() -> B + Send,
) -> (A, B) {
    #[cfg(feature = "parallel")]
    if shared {
        return rayon::join(a, b);
    }
    #[cfg(not(feature = "parallel"))]
    let _ = shared;
    (a(), b())
}
