//! `dateline bundle`, run as the Trunk build runs it: the bundle it writes
//! decodes to exactly the corpus `analyze` finds, malformed files included,
//! and a rebuild leaves no stale chunk behind.

use dateline_bundle::search::{add_search_shard, open_search};
use dateline_bundle::{join, split, Bundle, CHUNK_TEXT_BYTES, LINKS_FILE, NAMES_FILE};
use dateline_engine::analysis::analyze;
use dateline_engine::corpus::{Corpus, Input};
use dateline_search::builder::SHARD_BYTES;
use dateline_search::corpus::index_corpus;
use dateline_search::query::Query;
use dateline_search::ranking::{rank, search};
use std::path::{Path, PathBuf};
use std::process::Command;

fn seeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/corpus")
}

fn bundle(args: &[&Path], out: &Path) -> std::process::Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_dateline"));
    cmd.arg("bundle").args(args).arg("-o").arg(out);
    cmd.output().expect("run dateline bundle")
}

fn read_bundle(dir: &Path) -> Corpus {
    let read = |name: &str| std::fs::read(dir.join(name)).unwrap();
    let boot = Bundle::decode_boot(&read("boot.bin")).unwrap();
    let names = Bundle::decode_names(&read(NAMES_FILE)).unwrap();
    let links = Bundle::decode_links(&read(LINKS_FILE)).unwrap();
    let chunks = boot
        .chunks
        .iter()
        .map(|c| Bundle::decode_chunk(&read(&c.file)).unwrap())
        .collect();
    join(boot, names, links, chunks).unwrap()
}

#[test]
fn the_bundle_of_a_folder_is_its_analysis() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("bundle-corpus");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    for entry in std::fs::read_dir(seeds()).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        files.push((name, std::fs::read(&path).unwrap()));
    }
    files.push((
        "zz-no-header.txt".into(),
        b"An article without its header\n".to_vec(),
    ));
    for (name, bytes) in &files {
        std::fs::write(dir.join(name), bytes).unwrap();
    }
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("bundle-out");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(out.join("chunk-00042.bin"), b"stale").unwrap();
    let run = bundle(&[&dir], &out);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "{stderr}");
    assert!(
        stderr.contains("zz-no-header.txt: line 1 should be"),
        "{stderr}"
    );
    assert!(
        !out.join("chunk-00042.bin").exists(),
        "a stale chunk survived"
    );

    files.sort();
    let expected = analyze(files.iter().map(|(path, bytes)| Input { path, bytes }));
    let got = read_bundle(&out);
    assert_eq!(got.problems.len(), 1);
    assert_eq!(got, expected);
    assert_eq!(got.articles[0].article.path, "000_fd1aee54e6a12c6a.txt");

    // The search index it wrote is the corpus's own, whole, and it searches.
    let read = |name: &str| std::fs::read(out.join(name)).unwrap();
    let boot = Bundle::decode_boot(&read("boot.bin")).unwrap();
    let head = Bundle::decode_search_head(&read(&boot.search.head)).unwrap();
    let index = open_search(boot.stamp(), head).unwrap();
    for file in &boot.search.shards {
        let shard = Bundle::decode_search_shard(&read(file)).unwrap();
        add_search_shard(boot.stamp(), &index, shard).unwrap();
    }
    let built = index_corpus(&expected, SHARD_BYTES);
    assert_eq!(index.to_parts(), built.to_parts());
    let mut hits = search(&index, &Query::parse("turkiye pantsir"));
    rank(&mut hits.scored, 10);
    let found: Vec<&str> = hits
        .scored
        .iter()
        .map(|s| got.articles[s.doc as usize].article.id.as_str())
        .collect();
    assert_eq!(found, ["003_113eacf95b61ac4f"]);
}

#[test]
fn bundle_needs_an_output_and_usable_articles() {
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("bundle-empty");
    let no_output = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(["bundle", "x"])
        .output()
        .unwrap();
    assert_eq!(no_output.status.code(), Some(2));
    let empty = Path::new(env!("CARGO_TARGET_TMPDIR")).join("bundle-empty-in");
    std::fs::create_dir_all(&empty).unwrap();
    let run = bundle(&[&empty], &out);
    assert!(!run.status.success());
    assert!(String::from_utf8_lossy(&run.stderr).contains("no usable article"));
}

/// Every file of the bundle `split` makes of `corpus`, by name, encoded.
fn split_files(corpus: &Corpus) -> Vec<(String, Vec<u8>)> {
    let bundle = split(corpus, CHUNK_TEXT_BYTES);
    let boot = &bundle.boot;
    let mut files = vec![
        ("boot.bin".to_string(), Bundle::encode_boot(boot)),
        (NAMES_FILE.into(), Bundle::encode_names(&bundle.names)),
        (LINKS_FILE.into(), Bundle::encode_links(&bundle.links)),
        (
            boot.search.head.clone(),
            Bundle::encode_search_head(&bundle.search_head),
        ),
    ];
    for (chunk, r) in bundle.chunks.iter().zip(&boot.chunks) {
        files.push((r.file.clone(), Bundle::encode_chunk(chunk)));
    }
    for (shard, file) in bundle.search_shards.iter().zip(&boot.search.shards) {
        files.push((file.clone(), Bundle::encode_search_shard(shard)));
    }
    files.sort();
    files
}

/// Every file in `dir`, by name.
fn files_in(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&p).unwrap())
        })
        .collect();
    files.sort();
    files
}

#[test]
fn the_streamed_bundle_is_the_in_memory_split_byte_for_byte() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("stream-corpus");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("m")).unwrap();
    let seeds: Vec<String> = std::fs::read_dir(seeds())
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    // Enough text for two chunks, dates out of file order, a malformed
    // file among them, and two articles of one id and date in different
    // folders (reading order keeps their file order).
    let mut files: Vec<(String, Vec<u8>)> = (0..150)
        .map(|i| {
            let seed = &seeds[i % seeds.len()];
            let date = format!("2021-03-{:02}", 28 - i % 27);
            let text = seed.replacen("2021-03-03", &date, 1);
            (format!("a{i:03}.txt"), text.into_bytes())
        })
        .collect();
    files.insert(69, ("a069-bad.txt".into(), b"no header\n".to_vec()));
    files.push(("m/a000.txt".into(), files[0].1.clone()));
    files.push(("z.txt".into(), files[1].1.clone()));
    for (name, bytes) in &files {
        std::fs::write(dir.join(name), bytes).unwrap();
    }
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("stream-out");
    let _ = std::fs::remove_dir_all(&out);
    std::fs::create_dir_all(&out).unwrap();
    // What a build killed while it tagged leaves behind.
    std::fs::write(out.join(".dateline-spill-1.tmp"), b"bodies").unwrap();
    let run = bundle(&[&dir], &out);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "{stderr}");
    assert!(
        stderr.contains("a069-bad.txt: line 1 should be"),
        "{stderr}"
    );

    let corpus = analyze(files.iter().map(|(path, bytes)| Input { path, bytes }));
    assert_eq!(corpus.problems.len(), 1);
    let expected = split_files(&corpus);
    assert!(
        expected
            .iter()
            .filter(|(n, _)| n.starts_with("chunk-"))
            .count()
            >= 2
    );
    // The same files (the spill files are gone), byte for byte.
    let got = files_in(&out);
    let names = |f: &[(String, Vec<u8>)]| f.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
    assert_eq!(names(&got), names(&expected));
    for ((name, got), (_, expected)) in got.iter().zip(&expected) {
        assert!(got == expected, "{name} differs");
    }
}

#[test]
fn the_bundle_of_an_empty_folder_is_the_split_of_an_empty_corpus() {
    let empty = Path::new(env!("CARGO_TARGET_TMPDIR")).join("stream-empty-in");
    std::fs::create_dir_all(&empty).unwrap();
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("stream-empty-out");
    let _ = std::fs::remove_dir_all(&out);
    let run = bundle(&[&empty], &out);
    assert!(!run.status.success());
    assert_eq!(files_in(&out), split_files(&Corpus::default()));
}
