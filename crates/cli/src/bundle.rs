//! `dateline bundle CORPUS... -o OUT`: the corpus analysed once, at build
//! time, and written as the bundle the page opens (see `dateline_bundle`).

use crate::files::{self, Digested, Source};
use crate::spill::{self, Parked, Spill, Unspill};
use dateline_bundle::search::{SearchHead, SearchShard};
use dateline_bundle::{
    Bundle, BundleBuilder, Chunk, Head, Links, NamedChunk, Names, TextPrint, CHUNK_TEXT_BYTES,
    LINKS_FILE, NAMES_FILE,
};
use dateline_engine::corpus::{AnalyzedArticle, Corpus};
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
///
/// The corpus is streamed, so one larger than memory still bundles: a
/// first pass tags the files a batch at a time and parks each article's
/// text and blocks in a spill file in `out` (removed at the end), keeping
/// only what linking reads; a second pass reads the bodies back in reading
/// order and writes each chunk as soon as it is full. The bundle is the
/// one `dateline_bundle::split` makes of the corpus in memory, byte for byte.
pub fn run(roots: &[&Path], out: &Path) -> Result<Written, String> {
    let sources = sources(roots)?;
    let fail = |e: std::io::Error| format!("{}: {e}", out.display());
    clear(out).map_err(fail)?;
    let started = Instant::now();
    let mut spill = Spill::create(out).map_err(fail)?;
    let digested = files::digest(&sources, &mut spill).map_err(fail)?;
    let linked = started.elapsed();
    for problem in &digested.corpus.problems {
        eprintln!("{problem}");
    }
    let (tagging, linking) = (digested.tagging, digested.linking);
    let written = write(digested, spill.into_reader().map_err(fail)?, out)?;
    let secs = |d: std::time::Duration| d.as_secs_f64();
    eprintln!(
        "bundled {} articles in {:.1} s (reading and tagging {:.1} s, linking {:.1} s, chunks, search index and files {:.1} s)",
        written.articles,
        secs(started.elapsed()),
        secs(tagging),
        secs(linking),
        secs(started.elapsed() - linked),
    );
    Ok(written)
}

/// The files under `roots`, each named relative to the root given, as
/// the page shows them.
fn sources(roots: &[&Path]) -> Result<Vec<Source>, String> {
    let mut sources = Vec::new();
    for root in roots {
        let mut found = Vec::new();
        files::collect_files(root, &mut found).map_err(|e| format!("{}: {e}", root.display()))?;
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
    Ok(sources)
}

/// Creates `out` if needed and removes the bundle files of a previous
/// build there, so no stale chunk lingers (and any spill file a killed
/// build left).
fn clear(out: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(out)?;
    for entry in std::fs::read_dir(out)? {
        let path = entry?.path();
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
        let ours = |n: &str| {
            let numbered = |prefix| n.starts_with(prefix) && n.ends_with(".bin");
            ["boot.bin", "search.bin", NAMES_FILE, LINKS_FILE].contains(&n)
                || numbered("chunk-")
                || numbered("search-")
                || spill::is_spill(n)
        };
        if name.is_some_and(|n| ours(&n)) {
            std::fs::remove_file(&path)?;
        }
    }
    Ok(())
}

/// How the second pass fills the chunks.
#[derive(Debug, Clone, Copy)]
struct Filling {
    /// Articles whose bodies are read back from the spill at once (their
    /// terms are counted on every core, the chunks they fill written on
    /// every core)...
    articles: usize,
    /// ...and at most about this many bytes of bodies.
    bytes: u64,
    /// Text a chunk holds before it closes.
    chunk_text_bytes: usize,
}

/// The bundle's filling.
const FILLING: Filling = Filling {
    articles: 1024,
    bytes: 32 << 20,
    chunk_text_bytes: CHUNK_TEXT_BYTES,
};

/// The second pass: the chunks, filled from the spill in reading order and
/// written as they fill, then every other part, then the boot part last (a
/// bundle with a boot part is complete).
fn write(digested: Digested, spill: Unspill, out: &Path) -> Result<Written, String> {
    write_filling(digested, spill, out, FILLING)
}

/// [`write`], filling the chunks as `filling` says.
fn write_filling(
    digested: Digested,
    mut spill: Unspill,
    out: &Path,
    filling: Filling,
) -> Result<Written, String> {
    let Digested {
        corpus,
        kept,
        unreadable,
        ..
    } = digested;
    let prints: Vec<TextPrint> = kept.iter().map(|(print, _)| *print).collect();
    let corpus_id = dateline_bundle::corpus_id(&corpus, &prints);
    drop(prints);
    let Corpus {
        articles,
        entities,
        events,
        problems,
    } = corpus;
    let count = articles.len();
    let mut builder = BundleBuilder::new(corpus_id, &entities, filling.chunk_text_bytes);
    let pending = articles
        .into_iter()
        .zip(kept.into_iter().map(|(_, parked)| parked));
    let streamed = stream_chunks(&mut builder, pending, &mut spill, out, filling)?;
    let (last, head) = builder.finish(&events, &problems);
    let (rest, boot_bytes) = write_last(last.as_slice(), &head, out)?;
    Ok(Written {
        articles: count,
        problems: problems.len(),
        unreadable,
        boot_bytes,
        chunk_files: streamed.files + last.iter().count(),
        total_bytes: streamed.bytes + rest,
    })
}

/// Files written and their bytes.
struct Count {
    files: usize,
    bytes: usize,
}

/// Reads the articles of `pending` back from `spill` a batch at a time,
/// adds them to `builder` and writes every chunk they fill (all but the
/// last, which [`BundleBuilder::finish`] gives).
fn stream_chunks(
    builder: &mut BundleBuilder,
    pending: impl Iterator<Item = (AnalyzedArticle, Parked)> + Send,
    spill: &mut Unspill,
    out: &Path,
    filling: Filling,
) -> Result<Count, String> {
    let fail = |e: std::io::Error| format!("{}: {e}", out.display());
    let mut pending = pending.peekable();
    let mut count = Count { files: 0, bytes: 0 };
    let mut full: Vec<NamedChunk> = Vec::new();
    loop {
        // The chunks the last batch filled are written while the next
        // batch is read back and indexed: both keep the cores busy.
        let (written, next) = rayon::join(
            || write_parts(&chunk_parts(&full), out),
            || match pending.peek() {
                Some(_) => {
                    read_back(&mut pending, spill, filling).map(|batch| Some(builder.add(batch)))
                }
                None => Ok(None),
            },
        );
        count.bytes += written?;
        count.files += full.len();
        match next.map_err(fail)? {
            Some(filled) => full = filled,
            None => return Ok(count),
        }
    }
}

/// Writes the `last` chunk and every part of `head`, the boot part last (a
/// bundle with a boot part is complete). Returns the bytes written, and
/// the boot part's.
fn write_last(last: &[NamedChunk], head: &Head, out: &Path) -> Result<(usize, usize), String> {
    let files = &head.boot.search;
    let mut parts = chunk_parts(last);
    let shards = head.search_shards.iter().zip(&files.shards);
    parts.extend(shards.map(|(s, f)| (f.as_str(), Part::Shard(s))));
    parts.push((NAMES_FILE, Part::Names(&head.names)));
    parts.push((LINKS_FILE, Part::Links(&head.links)));
    parts.push((&files.head, Part::Head(&head.search_head)));
    let total = write_parts(&parts, out)?;
    let boot = Bundle::encode_boot(&head.boot);
    std::fs::write(out.join("boot.bin"), &boot).map_err(|e| format!("{}: {e}", out.display()))?;
    Ok((total + boot.len(), boot.len()))
}

/// The next articles of `pending` (as many as `filling` reads at once),
/// with their texts and blocks back from the spill.
fn read_back(
    pending: &mut impl Iterator<Item = (AnalyzedArticle, Parked)>,
    spill: &mut Unspill,
    filling: Filling,
) -> std::io::Result<Vec<AnalyzedArticle>> {
    let mut batch = Vec::new();
    let mut bytes = 0;
    for (mut a, parked) in pending.by_ref() {
        spill.take(parked)?.restore(&mut a.article);
        batch.push(a);
        bytes += parked.bytes();
        if batch.len() == filling.articles || bytes >= filling.bytes {
            break;
        }
    }
    Ok(batch)
}

/// Full chunks as parts to write.
fn chunk_parts(chunks: &[NamedChunk]) -> Vec<(&str, Part<'_>)> {
    chunks
        .iter()
        .map(|(file, chunk)| (file.as_str(), Part::Chunk(chunk)))
        .collect()
}

/// Encodes `parts` on all cores (deflate at its highest level is most of
/// the time spent here) and writes each to its file in `out`, in any
/// order. Returns the bytes written.
fn write_parts(parts: &[(&str, Part)], out: &Path) -> Result<usize, String> {
    let fail = |e: std::io::Error| format!("{}: {e}", out.display());
    parts
        .par_iter()
        .map(|(name, part)| {
            let bytes = part.encode();
            std::fs::write(out.join(name), &bytes).map_err(fail)?;
            Ok::<usize, String>(bytes.len())
        })
        .try_reduce(|| 0, |a, b| Ok(a + b))
}

#[cfg(test)]
mod tests {
    use super::*;
    use dateline_bundle::split;
    use dateline_engine::analysis::analyze;
    use dateline_engine::corpus::Input;

    #[test]
    fn chunks_filled_a_few_articles_at_a_time_are_the_split_of_the_corpus() {
        let root = std::env::temp_dir().join(format!("dateline-fill-{}", std::process::id()));
        let (dir, out) = (root.join("corpus"), root.join("out"));
        std::fs::create_dir_all(&dir).unwrap();
        let mut files: Vec<(String, Vec<u8>)> = (0..12)
            .map(|i| {
                let day = 12 - i % 7;
                let text = format!(
                    " date 2021-03-{day:02} Wire\nTalks, part {i}\n\nIsmail Demir met Sergei Lavrov in Ankara on 1 March 2021. {}\n",
                    "The Presidency of Defence Industries (SSB) said more. ".repeat(i)
                );
                (format!("{i:02}.txt"), text.into_bytes())
            })
            .collect();
        files.insert(5, ("04-bad.txt".into(), b"no header\n".to_vec()));
        let sources: Vec<Source> = files
            .iter()
            .map(|(name, bytes)| {
                std::fs::write(dir.join(name), bytes).unwrap();
                Source {
                    file: dir.join(name),
                    name: name.clone(),
                }
            })
            .collect();
        clear(&out).unwrap();
        let mut spill = Spill::create(&out).unwrap();
        let digested = files::digest(&sources, &mut spill).unwrap();
        let filling = Filling {
            articles: 2,
            bytes: 1 << 20,
            chunk_text_bytes: 300,
        };
        let written = write_filling(digested, spill.into_reader().unwrap(), &out, filling).unwrap();

        let corpus = analyze(files.iter().map(|(path, bytes)| Input { path, bytes }));
        let bundle = split(&corpus, filling.chunk_text_bytes);
        let boot = &bundle.boot;
        assert!(boot.chunks.len() > 3);
        assert_eq!(written.chunk_files, boot.chunks.len());
        assert_eq!((written.articles, written.problems), (12, 1));
        let read = |name: &str| std::fs::read(out.join(name)).unwrap();
        assert!(read("boot.bin") == Bundle::encode_boot(boot));
        assert!(read(NAMES_FILE) == Bundle::encode_names(&bundle.names));
        assert!(read(LINKS_FILE) == Bundle::encode_links(&bundle.links));
        assert!(read(&boot.search.head) == Bundle::encode_search_head(&bundle.search_head));
        for (shard, file) in bundle.search_shards.iter().zip(&boot.search.shards) {
            assert!(read(file) == Bundle::encode_search_shard(shard), "{file}");
        }
        for (chunk, r) in bundle.chunks.iter().zip(&boot.chunks) {
            assert!(read(&r.file) == Bundle::encode_chunk(chunk), "{}", r.file);
        }
        // Those files and no other: the spill is gone.
        let count = std::fs::read_dir(&out).unwrap().count();
        assert_eq!(count, 4 + boot.search.shards.len() + boot.chunks.len());
        std::fs::remove_dir_all(root).unwrap();
    }
}
