//! What the timeline costs natively on a real bundle's boot part (what the
//! page has when it first draws): building the level-of-detail model, the
//! memory it keeps (counted by a wrapping allocator), and composing the 20
//! frames of a zoom from the full range to a 30-day window and back.
//! `BUNDLE_DIR=DIR cargo bench -p dateline-reader --bench timeline`
//! (default: the 100,000-article bundle `scripts/bench-timeline` writes).
//! The browser numbers (paint included, against vis-timeline) come from
//! `scripts/bench-timeline`.

use dateline_bundle::{outline, Bundle, LINKS_FILE, NAMES_FILE};
use dateline_reader::timeline::{Frame, Scene, TimelineModel, Viewport};
use std::alloc::{GlobalAlloc, Layout, System};
use std::path::PathBuf;
use std::sync::atomic::{AtomicIsize, Ordering};
use std::time::Instant;

/// The system allocator, counting the bytes live at any moment.
struct Counting;
static LIVE: AtomicIsize = AtomicIsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LIVE.fetch_add(layout.size() as isize, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size() as isize, Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn median(xs: &mut [f64]) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs[xs.len() / 2]
}

/// With `EVENTS_PER_ARTICLE=N`, the corpus's real events are copied, each
/// copy moved by up to three years, until there are N per article: the
/// event lane at the density the targets name (~10 per article;
/// real news yields about 3).
fn pad_events(corpus: &mut dateline_engine::corpus::Corpus) {
    let per_article: usize = std::env::var("EVENTS_PER_ARTICLE")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    let wanted = per_article * corpus.articles.len();
    let events = std::sync::Arc::make_mut(&mut corpus.events);
    let real = events.len();
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    while real > 0 && events.len() < wanted {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let mut e = events[(seed % real as u64) as usize].clone();
        let shift = chrono::Days::new((seed >> 32) % 1_096);
        let (Some(start), Some(end)) = (
            e.start.checked_sub_days(shift),
            e.end.checked_sub_days(shift),
        ) else {
            continue;
        };
        (e.start, e.end) = (start, end);
        events.push(e);
    }
    // In period order, as the engine writes them.
    events.sort_by_key(|e| (e.start, e.end));
}

fn main() {
    let dir = std::env::var_os("BUNDLE_DIR").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/timeline/bundle-100000"),
        PathBuf::from,
    );
    let Ok(bytes) = std::fs::read(dir.join("boot.bin")) else {
        eprintln!(
            "timeline: no {}/boot.bin (run scripts/bench-timeline, or set BUNDLE_DIR)",
            dir.display()
        );
        return;
    };
    // A bundle of another format version (an earlier build) is reported,
    // not a failure: `cargo test --all-targets` runs this bench too.
    let boot = match Bundle::decode_boot(&bytes) {
        Ok(boot) => boot,
        Err(e) => {
            eprintln!(
                "timeline: {}/boot.bin: {e} (rebuild it: scripts/bench-timeline)",
                dir.display()
            );
            return;
        }
    };
    let read = |name: &str| std::fs::read(dir.join(name)).expect("bundle file");
    let names = Bundle::decode_names(&read(NAMES_FILE)).expect("names part");
    let links = Bundle::decode_links(&read(LINKS_FILE)).expect("links part");
    let mut corpus = outline(&boot, names, links).expect("outline corpus");
    pad_events(&mut corpus);
    // The bundle's salience is computed at build time; the padded events
    // need theirs too (not timed: the page reads it from the boot part).
    let salience = std::rc::Rc::new(dateline_engine::salience::Salience::of(&corpus));
    let all: Vec<usize> = (0..corpus.articles.len()).collect();
    let (mut build_ms, mut shown_ms) = (Vec::new(), Vec::new());
    let mut kept = 0;
    for _ in 0..5 {
        let before = LIVE.load(Ordering::Relaxed);
        let t = Instant::now();
        let model = TimelineModel::new(&corpus, salience.clone());
        build_ms.push(t.elapsed().as_secs_f64() * 1e3);
        let t = Instant::now();
        let shown = model.shown(&corpus, &all);
        shown_ms.push(t.elapsed().as_secs_f64() * 1e3);
        kept = LIVE.load(Ordering::Relaxed) - before;
        drop((model, shown));
    }
    let model = TimelineModel::new(&corpus, salience.clone());
    let shown = model.shown(&corpus, &all);
    let frame = Frame {
        corpus: &corpus,
        model: &model,
        shown: &shown,
        entity: None,
        open: None,
    };
    let dates: Vec<_> = corpus.articles.iter().map(|a| a.article.date).collect();
    let full = Viewport::fit_story(&dates, corpus.events.iter().map(|e| (e.start, e.end)));
    let factor = (full.span() / 30.0).powf(0.1);
    let (mut view, mut frames) = (full, Vec::new());
    let mut shapes = 0;
    for step in 0..20 {
        view = view.zoom(if step < 10 { factor } else { 1.0 / factor }, 0.5);
        let t = Instant::now();
        let scene = Scene::compose(&frame, &view, 1_240.0);
        frames.push(t.elapsed().as_secs_f64() * 1e3);
        shapes = shapes.max(scene.markers.len() + scene.clusters.len() + scene.events.len());
    }
    let worst = frames.iter().copied().fold(0.0, f64::max);
    println!(
        "{} articles, {} events: model {:.1} ms + shown {:.1} ms (medians of 5), {:.1} MB kept; \
         compose median {:.3} ms, worst {:.3} ms over 20 zoom frames, at most {shapes} shapes",
        corpus.articles.len(),
        corpus.events.len(),
        median(&mut build_ms),
        median(&mut shown_ms),
        kept as f64 / 1_048_576.0,
        median(&mut frames),
        worst,
    );
}
