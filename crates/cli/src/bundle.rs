//! `dateline bundle CORPUS... -o OUT`: the corpus analysed once, at build
//! time, and written as the bundle the page opens (see `dateline_bundle`).

use crate::files::{self, Source};
use dateline_bundle::search::{SearchHead, SearchShard};
use dateline_bundle::{
    split, Bundle, Chunk, Links, Names, CHUNK_TEXT_BYTES, LINKS_FILE, NAMES_FILE,
};
use rayon::prelude::*;
use std::path::Path;
use std::time::Instant;

/// One file of the bundle, to encode.
enum Part<'a> {
    Chunk(&'a Chunk),
    Shard(&'a SearchShard),
    Names(&'a Names),
    Links(&'a Links),
    Head(&'a SearchHead),
}

impl Part<'_> {
    fn encode(&self) -> Vec<u8> {
        match self {
            Part::Chunk(c) => Bundle::encode_chunk(c),
            Part::Shard(s) => Bundle::encode_search_shard(s),
            Part::Names(n) => Bundle::encode_names(n),
            Part::Links(l) => Bundle::encode_links(l),
            Part::Head(h) => Bundle::encode_search_head(h),
        }
    }
}

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
    let analysed = started.elapsed();
    for problem in &loaded.corpus.problems {
        eprintln!("{problem}");
    }
    let bundle = split(&loaded.corpus, CHUNK_TEXT_BYTES);
    let parted = started.elapsed();
    let (boot_bytes, total_bytes) = write(&bundle, out)?;
    let secs = |d: std::time::Duration| d.as_secs_f64();
    eprintln!(
        "bundled {} articles in {:.1} s (tagging {:.1} s, linking {:.1} s, parts and search index {:.1} s, files {:.1} s)",
        loaded.corpus.articles.len(),
        secs(started.elapsed()),
        secs(loaded.tagging),
        secs(loaded.linking),
        secs(parted - analysed),
        secs(started.elapsed() - parted),
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
    // Every file but the boot part, encoded on all cores (deflate at its
    // highest level is most of the time spent here), written in any order.
    let files = &bundle.boot.search;
    let chunks = bundle.chunks.iter().zip(&bundle.boot.chunks);
    let shards = bundle.search_shards.iter().zip(&files.shards);
    let mut parts: Vec<(&str, Part)> = chunks
        .map(|(c, r)| (r.file.as_str(), Part::Chunk(c)))
        .chain(shards.map(|(s, f)| (f.as_str(), Part::Shard(s))))
        .collect();
    parts.push((NAMES_FILE, Part::Names(&bundle.names)));
    parts.push((LINKS_FILE, Part::Links(&bundle.links)));
    parts.push((&files.head, Part::Head(&bundle.search_head)));
    let total = parts
        .par_iter()
        .map(|(name, part)| {
            let bytes = part.encode();
            std::fs::write(out.join(name), &bytes).map_err(fail)?;
            Ok::<usize, String>(bytes.len())
        })
        .try_reduce(|| 0, |a, b| Ok(a + b))?;
    // The boot part last: a bundle with a boot part is complete.
    let boot = Bundle::encode_boot(&bundle.boot);
    std::fs::write(out.join("boot.bin"), &boot).map_err(fail)?;
    Ok((boot.len(), total + boot.len()))
}
