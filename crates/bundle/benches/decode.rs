//! How long the page's decoding takes, natively: the boot part into the
//! skeleton corpus (the first view), then every chunk joined into the whole
//! corpus. `BUNDLE_DIR=DIR cargo bench -p dateline-bundle --bench decode`
//! (default: the 10,000-article bundle `scripts/bench-scale` writes).

use dateline_bundle::{join, skeleton, Bundle};
use std::path::PathBuf;
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
    let runs = 5;
    let mut boot_ms = Vec::new();
    let mut skeleton_ms = Vec::new();
    let mut join_ms = Vec::new();
    for _ in 0..runs {
        let t = Instant::now();
        let boot = Bundle::decode_boot(&boot_bytes).expect("boot part");
        boot_ms.push(t.elapsed().as_secs_f64() * 1e3);
        let t = Instant::now();
        let corpus = skeleton(&boot).expect("skeleton");
        skeleton_ms.push(t.elapsed().as_secs_f64() * 1e3);
        drop(corpus);
        let t = Instant::now();
        let chunks = boot
            .chunks
            .iter()
            .map(|c| {
                Bundle::decode_chunk(&std::fs::read(dir.join(&c.file)).expect("chunk"))
                    .expect("chunk")
            })
            .collect();
        let corpus = join(boot, chunks).expect("join");
        join_ms.push(t.elapsed().as_secs_f64() * 1e3);
        assert!(!corpus.articles.is_empty());
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    println!(
        "{}: decode boot part {:.1} ms, skeleton {:.1} ms, read + decode + join every chunk {:.1} ms (medians of {runs})",
        dir.display(),
        median(&mut boot_ms),
        median(&mut skeleton_ms),
        median(&mut join_ms)
    );
}
