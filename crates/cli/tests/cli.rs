//! The `dateline analyze` contract, run as a user would: real seed files in,
//! JSON Lines out, malformed files reported on stderr without losing the rest.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository root, where `assets/corpus` holds the seeds.
fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn dateline(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(args)
        .current_dir(workspace_root())
        .output()
        .expect("run dateline")
}

fn json_lines(out: &Output) -> Vec<Value> {
    String::from_utf8(out.stdout.clone())
        .expect("UTF-8 output")
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is one JSON object"))
        .collect()
}

/// A fresh scratch folder under target/ with the given files.
fn scratch(name: &str, files: &[(&str, &[u8])]) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for (file, bytes) in files {
        std::fs::write(dir.join(file), bytes).unwrap();
    }
    dir
}

#[test]
fn seeds_as_json_lines_with_byte_offsets_into_the_files() {
    let out = dateline(&["analyze", "assets/corpus", "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let records = json_lines(&out);
    assert_eq!(records.len(), 2);
    let first = &records[0];
    assert_eq!(first["path"], "assets/corpus/000_fd1aee54e6a12c6a.txt");
    assert_eq!(first["date"], "2021-03-03");
    assert_eq!(first["source"], "UrduPoint.com");
    assert_eq!(
        first["title"],
        "Turkey In Negotiations With Russia On Second Batch Of S-400 Missile Systems - Official"
    );
    assert_eq!(records[1]["date"], "2022-04-27");
    assert_eq!(records[1]["source"], "Portuguese / Spanish / English");
    for record in &records {
        let text = std::fs::read(workspace_root().join(record["path"].as_str().unwrap())).unwrap();
        let items = record["entities"]
            .as_array()
            .unwrap()
            .iter()
            .chain(record["timexes"].as_array().unwrap());
        for item in items {
            let (start, end) = (
                item["start"].as_u64().unwrap() as usize,
                item["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(&text[start..end], item["text"].as_str().unwrap().as_bytes());
        }
        for e in record["entities"].as_array().unwrap() {
            assert!(
                dateline_engine::label::Label::parse(e["label"].as_str().unwrap()).is_some(),
                "{e}"
            );
            assert!(!e["entity"].as_str().unwrap().is_empty());
        }
        for t in record["timexes"].as_array().unwrap() {
            assert!(
                ["DATE", "TIME", "DURATION", "SET"].contains(&t["type"].as_str().unwrap()),
                "{t}"
            );
        }
    }
    let values: Vec<&str> = records[0]["timexes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["value"].as_str().unwrap())
        .collect();
    assert!(
        values.contains(&"2020-12") && values.contains(&"2019-07"),
        "{values:?}"
    );
}

#[test]
fn malformed_files_are_named_on_stderr_and_the_rest_still_analysed() {
    let good: &[u8] = b" date 2021-03-03 Wire\nTurkey buys missiles\n\nTurkey said on Wednesday it would buy more.\n";
    let dir = scratch(
        "mixed",
        &[
            ("a_good.txt", good),
            ("b_no_header.txt", b"Just a title\n\nBody.\n"),
            ("c_bad_date.txt", b" date 2021-02-30 Wire\nTitle\n"),
            ("d_latin1.txt", b" date 2021-02-03 Wire\nCaf\xe9\n"),
            ("e_empty.txt", b""),
            ("notes.md", b"not an article"),
        ],
    );
    let out = dateline(&["analyze", dir.to_str().unwrap(), "--json"]);
    assert!(out.status.success());
    let records = json_lines(&out);
    assert_eq!(records.len(), 1);
    assert_eq!(records[0]["title"], "Turkey buys missiles");
    let stderr = String::from_utf8(out.stderr).unwrap();
    let reasons = [
        (
            "b_no_header.txt",
            "line 1 should be ` date YYYY-MM-DD SOURCE`",
        ),
        ("c_bad_date.txt", "`2021-02-30` is not a calendar date"),
        ("d_latin1.txt", "not UTF-8"),
        ("e_empty.txt", "the file is empty"),
    ];
    for (file, reason) in reasons {
        let line = stderr
            .lines()
            .find(|l| l.contains(file))
            .unwrap_or_else(|| panic!("{file} not reported:\n{stderr}"));
        assert!(line.contains(reason), "{line}");
    }
    assert!(!stderr.contains("notes.md"));
}

#[test]
fn nothing_usable_fails_and_bad_usage_says_how() {
    let dir = scratch("all_bad", &[("x.txt", b"no header")]);
    let out = dateline(&["analyze", dir.to_str().unwrap(), "--json"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no usable article"));

    let missing = dateline(&["analyze", "no/such/folder"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no/such/folder"));

    for args in [
        &[][..],
        &["analyze"][..],
        &["analyze", "x", "--xml"][..],
        &["frobnicate"][..],
    ] {
        let out = dateline(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("usage:"));
    }
}

#[test]
fn plain_output_summarises_the_corpus() {
    let out = dateline(&["analyze", "assets/corpus"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("2021-03-03  UrduPoint.com"), "{text}");
    assert!(text.contains("most mentioned:"));
    assert!(text.contains("dated events"));
}
