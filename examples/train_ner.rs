//! Trains the NER model: `cargo run --profile bench --example train_ner -- ../shared/data/conll2003 -o assets/models/ner.bin`.
//!
//! Temporary driver until the main CLI's `dateline train-ner` subcommand
//! calls `dateline::ner::train::train` itself.

#[cfg(not(target_arch = "wasm32"))]
use std::path::PathBuf;

/// The trainer is native-only (it reads files); on wasm32 there is nothing to run.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let mut args = std::env::args().skip(1);
    let mut dir = PathBuf::from("../shared/data/conll2003");
    let mut out = PathBuf::from("assets/models/ner.bin");
    while let Some(a) = args.next() {
        match a.as_str() {
            "-o" | "--output" => {
                if let Some(o) = args.next() {
                    out = PathBuf::from(o);
                }
            }
            _ => dir = PathBuf::from(a),
        }
    }
    let started = std::time::Instant::now();
    match dateline::ner::train::train(&dir) {
        Ok(bytes) => {
            if let Err(e) = std::fs::write(&out, &bytes) {
                eprintln!("{}: {e}", out.display());
                std::process::exit(1);
            }
            eprintln!(
                "wrote {} ({} bytes) in {:.1}s",
                out.display(),
                bytes.len(),
                started.elapsed().as_secs_f64()
            );
        }
        Err(e) => {
            eprintln!("training failed: {e}");
            std::process::exit(1);
        }
    }
}
