//! Embeds every `assets/corpus/*.txt` into the reader: adding an article is
//! dropping a file there and rebuilding. Bytes, not strings, so a file that
//! is not UTF-8 is reported in the page instead of breaking the build.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let dir = Path::new("assets/corpus");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".txt"))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    let mut code = String::from(
        "/// The bundled corpus: (file name, bytes).\npub static CORPUS: &[(&str, &[u8])] = &[\n",
    );
    for name in &names {
        let path = dir.join(name).canonicalize().expect("corpus file path");
        println!("cargo:rerun-if-changed={}", path.display());
        writeln!(
            code,
            "    ({name:?}, include_bytes!({:?})),",
            path.display().to_string()
        )
        .expect("write to string");
    }
    code.push_str("];\n");
    let out = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR set by cargo")).join("corpus.rs");
    std::fs::write(out, code).expect("write corpus.rs");
}
