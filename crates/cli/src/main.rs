//! `dateline`: the engine on the command line, for scoring, benchmarks and
//! scripted analysis of a corpus folder.

use dateline_engine::analysis;
use dateline_engine::corpus::{Corpus, Input};

mod output;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "usage:
  dateline analyze PATH... [--json]   analyse article files or folders of .txt files
                                      (--json: one JSON object per article per line)
  dateline train-ner CONLL_DIR -o OUT train the entity model on CONLL_DIR/eng.train
                                      (model selection on eng.testa) and write it to OUT";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("analyze") => analyze(&args[1..]),
        #[cfg(not(target_arch = "wasm32"))]
        Some("train-ner") => train_ner(&args[1..]),
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => usage_error("expected a command"),
    }
}

fn usage_error(message: &str) -> ExitCode {
    eprintln!("dateline: {message}\n{USAGE}");
    ExitCode::from(2)
}

fn analyze(args: &[String]) -> ExitCode {
    let json = args.iter().any(|a| a == "--json");
    if let Some(flag) = args.iter().find(|a| a.starts_with('-') && *a != "--json") {
        return usage_error(&format!("unknown option {flag}"));
    }
    let roots: Vec<&String> = args.iter().filter(|a| !a.starts_with('-')).collect();
    if roots.is_empty() {
        return usage_error("analyze needs at least one file or folder");
    }
    let mut files = Vec::new();
    let mut unreadable = 0;
    for root in roots {
        if let Err(e) = collect_files(Path::new(root), &mut files) {
            eprintln!("{root}: {e}");
            unreadable += 1;
        }
    }
    let mut loaded = Vec::with_capacity(files.len());
    for path in files {
        match std::fs::read(&path) {
            Ok(bytes) => loaded.push((path.to_string_lossy().into_owned(), bytes)),
            Err(e) => {
                eprintln!("{}: {e}", path.display());
                unreadable += 1;
            }
        }
    }
    let corpus = analysis::analyze(loaded.iter().map(|(path, bytes)| Input { path, bytes }));
    for problem in &corpus.problems {
        eprintln!("{problem}");
    }
    let mut stdout = std::io::stdout().lock();
    let written = if json {
        stdout.write_all(output::json_lines(&corpus).as_bytes())
    } else {
        stdout.write_all(summary(&corpus).as_bytes())
    };
    if let Err(e) = written.and_then(|()| stdout.flush()) {
        eprintln!("dateline: cannot write output: {e}");
        return ExitCode::FAILURE;
    }
    if corpus.articles.is_empty() {
        eprintln!(
            "dateline: no usable article ({} malformed, {unreadable} unreadable)",
            corpus.problems.len()
        );
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

/// The trainer is native-only: it reads the training data from disk.
#[cfg(not(target_arch = "wasm32"))]
fn train_ner(args: &[String]) -> ExitCode {
    let (dir, out) = match args {
        [dir, flag, out] if flag == "-o" || flag == "--output" => (Path::new(dir), Path::new(out)),
        _ => return usage_error("train-ner needs CONLL_DIR -o OUT"),
    };
    let started = std::time::Instant::now();
    let bytes = match dateline_engine::ner::train::train(dir) {
        Ok(bytes) => bytes,
        Err(e) => {
            eprintln!("dateline: training failed: {e}");
            return ExitCode::FAILURE;
        }
    };
    if let Err(e) = std::fs::write(out, &bytes) {
        eprintln!("{}: {e}", out.display());
        return ExitCode::FAILURE;
    }
    eprintln!(
        "wrote {} ({} bytes) in {:.1} s",
        out.display(),
        bytes.len(),
        started.elapsed().as_secs_f64()
    );
    ExitCode::SUCCESS
}

/// Files under `path`: the file itself, or every `.txt` in the folder tree, sorted.
fn collect_files(path: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    if !path.is_dir() {
        std::fs::metadata(path)?;
        out.push(path.to_path_buf());
        return Ok(());
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(path)?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    entries.sort();
    for entry in entries {
        if entry.is_dir() {
            collect_files(&entry, out)?;
        } else if entry.extension().is_some_and(|e| e == "txt") {
            out.push(entry);
        }
    }
    Ok(())
}

/// A readable overview: one line per article, then the most mentioned entities.
fn summary(corpus: &Corpus) -> String {
    let mut out = String::new();
    for a in &corpus.articles {
        out.push_str(&format!(
            "{}  {:<24}  {}  ({} entity mentions, {} dates)\n",
            a.article.date,
            a.article.source,
            a.article.title(),
            a.mentions.len(),
            a.timexes.len()
        ));
    }
    let mut entities: Vec<_> = corpus.entities.iter().collect();
    entities.sort_by_key(|e| std::cmp::Reverse(e.mention_count));
    out.push_str("\nmost mentioned:\n");
    for e in entities.iter().take(15) {
        out.push_str(&format!(
            "  {:>4}  {:<8} {}\n",
            e.mention_count, e.label, e.name
        ));
    }
    out.push_str(&format!("\n{} dated events\n", corpus.events.len()));
    out
}
