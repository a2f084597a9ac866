//! How long the page's decoding takes, natively: the boot part into the
//! skeleton corpus (the first view), the names and links parts into the
//! outline, then every chunk joined into the whole corpus. `BUNDLE_DIR=DIR cargo bench -p dateline-bundle --bench decode`
//! (default: the 10,000-article bundle `scripts/bench-scale` writes).

use dateline_bundle::{fill, outline, skeleton, Bundle, LINKS_FILE, NAMES_FILE};
use std::path::PathBuf;

/// Postcard size of any part of the boot part.
mod erased {
    pub trait Encode {
        fn len(&self) -> usize;
    }
    impl<T: serde::Serialize> Encode for T {
        fn len(&self) -> usize {
            postcard::to_allocvec(self).map_or(0, |v| v.len())
        }
    }
}
use std::time::Instant;

fn main() {
    let dir = std::env::var_os("BUNDLE_DIR").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/scale/dist-10000/bundle"),
        PathBuf::from,
    );
    let Ok(boot_bytes) = std::fs::read(dir.join("boot.bin")) else {
        eprintln!(
            "decode: no {}/boot.bin (run scripts/bench-scale, or set BUNDLE_DIR)",
            dir.display()
        );
        return;
    };
    // A bundle of another format version (an earlier build) is reported,
    // not a failure: `cargo test --all-targets` runs this bench too.
    if let Err(e) = Bundle::decode_boot(&boot_bytes) {
        eprintln!(
            "decode: {}/boot.bin: {e} (rebuild it: scripts/bench-scale)",
            dir.display()
        );
        return;
    }
    let runs = 5;
    let mut boot_ms = Vec::new();
    let mut skeleton_ms = Vec::new();
    let mut outline_ms = Vec::new();
    let mut join_ms = Vec::new();
    let read = |name: &str| std::fs::read(dir.join(name)).expect("bundle file");
    let (names_bytes, links_bytes) = (read(NAMES_FILE), read(LINKS_FILE));
    for _ in 0..runs {
        let t = Instant::now();
        let boot = Bundle::decode_boot(&boot_bytes).expect("boot part");
        boot_ms.push(t.elapsed().as_secs_f64() * 1e3);
        let t = Instant::now();
        let corpus = skeleton(&boot).expect("skeleton");
        skeleton_ms.push(t.elapsed().as_secs_f64() * 1e3);
        drop(corpus);
        let t = Instant::now();
        let names = Bundle::decode_names(&names_bytes).expect("names part");
        let links = Bundle::decode_links(&links_bytes).expect("links part");
        let outline = outline(&boot, names, links).expect("outline");
        outline_ms.push(t.elapsed().as_secs_f64() * 1e3);
        let t = Instant::now();
        let chunks = boot
            .chunks
            .iter()
            .map(|c| Bundle::decode_chunk(&read(&c.file)).expect("chunk"))
            .collect();
        let corpus = fill(outline, &boot, chunks).expect("fill");
        join_ms.push(t.elapsed().as_secs_f64() * 1e3);
        assert!(!corpus.articles.is_empty());
    }
    // What the boot part is made of (postcard bytes before deflate): where
    // to look when it has to shrink.
    let boot = Bundle::decode_boot(&boot_bytes).expect("boot part");
    let kib = |n: usize| n as f64 / 1024.0;
    let size = |v: &dyn erased::Encode| v.len();
    println!(
        "boot part {:.0} KiB deflated: articles {:.0} KiB, entities {:.0} KiB, events {:.0} KiB (postcard, before deflate); names {:.0} KiB, links {:.0} KiB deflated",
        kib(boot_bytes.len()),
        kib(size(&boot.articles)),
        kib(size(&boot.entities)),
        kib(size(&boot.events)),
        kib(names_bytes.len()),
        kib(links_bytes.len()),
    );
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    println!(
        "{}: decode boot part {:.1} ms, skeleton {:.1} ms, names + links + outline {:.1} ms, read + decode + join every chunk {:.1} ms (medians of {runs})",
        dir.display(),
        median(&mut boot_ms),
        median(&mut skeleton_ms),
        median(&mut outline_ms),
        median(&mut join_ms)
    );
}
