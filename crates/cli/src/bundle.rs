//! `dateline bundle CORPUS... -o OUT`: the corpus analysed once, at build
//! time, and written as the bundle the page opens (see `dateline_bundle`).

use crate::files::{self, Source};
use dateline_bundle::{split, Bundle, CHUNK_TEXT_BYTES, LINKS_FILE, NAMES_FILE};
use std::path::Path;
use std::time::Instant;

/// What was written, for the summary line.
pub struct Written {
    pub articles: usize,
    pub problems: usize,
    pub unreadable: usize,
    pub boot_bytes: usize,
    pub chunk_files: usize,
    pub total_bytes: usize,
}

/// Analyses `roots` and writes the bundle into `out` (created if needed;
/// bundle files of an earlier build there are replaced, others left alone).
pub fn run(roots: &[&Path], out: &Path) -> Result<Written, String> {
    let mut sources = Vec::new();
    for root in roots {
        let mut found = Vec::new();
        files::collect_files(root, &mut found).map_err(|e| format!("{}: {e}", root.display()))?;
        // Names relative to the root given, as the page shows them.
        sources.extend(found.into_iter().map(|file| {
            let name = file
                .strip_prefix(root)
                .ok()
                .filter(|r| !r.as_os_str().is_empty())
                .unwrap_or(&file)
                .to_string_lossy()
                .into_owned();
            Source { file, name }
        }));
    }
    let started = Instant::now();
    let loaded = files::analyze(&sources);
    for problem in &loaded.corpus.problems {
        eprintln!("{problem}");
    }
    let bundle = split(&loaded.corpus, CHUNK_TEXT_BYTES);
    let (boot_bytes, total_bytes) = write(&bundle, out)?;
    eprintln!(
        "bundled {} articles in {:.1} s",
        loaded.corpus.articles.len(),
        started.elapsed().as_secs_f64()
    );
    Ok(Written {
        articles: loaded.corpus.articles.len(),
        problems: loaded.corpus.problems.len(),
        unreadable: loaded.unreadable,
        boot_bytes,
        chunk_files: bundle.chunks.len(),
        total_bytes,
    })
}

/// Writes `boot.bin`, the names and links parts, the chunk files and the
/// search index's files, after removing the bundle files of a previous
/// build so no stale chunk lingers. Returns the size of the
/// boot part and of the whole bundle, in bytes.
fn write(bundle: &Bundle, out: &Path) -> Result<(usize, usize), String> {
    let fail = |e: std::io::Error| format!("{}: {e}", out.display());
    std::fs::create_dir_all(out).map_err(fail)?;
    for entry in std::fs::read_dir(out).map_err(fail)? {
        let path = entry.map_err(fail)?.path();
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
        let ours = |n: &str| {
            let numbered = |prefix| n.starts_with(prefix) && n.ends_with(".bin");
            ["boot.bin", "search.bin", NAMES_FILE, LINKS_FILE].contains(&n)
                || numbered("chunk-")
                || numbered("search-")
        };
        if name.is_some_and(|n| ours(&n)) {
            std::fs::remove_file(&path).map_err(fail)?;
        }
    }
    let mut total = 0;
    for (chunk, r) in bundle.chunks.iter().zip(&bundle.boot.chunks) {
        let bytes = Bundle::encode_chunk(chunk);
        total += bytes.len();
        std::fs::write(out.join(&r.file), bytes).map_err(fail)?;
    }
    let files = &bundle.boot.search;
    for (shard, file) in bundle.search_shards.iter().zip(&files.shards) {
        let bytes = Bundle::encode_search_shard(shard);
        total += bytes.len();
        std::fs::write(out.join(file), bytes).map_err(fail)?;
    }
    for (name, bytes) in [
        (NAMES_FILE, Bundle::encode_names(&bundle.names)),
        (LINKS_FILE, Bundle::encode_links(&bundle.links)),
    ] {
        total += bytes.len();
        std::fs::write(out.join(name), bytes).map_err(fail)?;
    }
    let head = Bundle::encode_search_head(&bundle.search_head);
    total += head.len();
    std::fs::write(out.join(&files.head), head).map_err(fail)?;
    // The boot part last: a bundle with a boot part is complete.
    let boot = Bundle::encode_boot(&bundle.boot);
    std::fs::write(out.join("boot.bin"), &boot).map_err(fail)?;
    Ok((boot.len(), total + boot.len()))
}
