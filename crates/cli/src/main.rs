//! `dateline`: the engine on the command line, for scoring, benchmarks and
//! scripted analysis of a corpus folder.

use dateline_engine::corpus::Corpus;
use files::Source;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

mod bundle;
mod files;
mod output;
mod spill;

/// mimalloc instead of the system allocator: tagging allocates and frees
/// small strings and vectors for every token on every core, and glibc's
/// malloc slowed down as a 100,000-article corpus's results piled up in
/// its heap (see the README's scale table for the measured effect).
#[cfg(not(target_arch = "wasm32"))]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const USAGE: &str = "usage:
  dateline analyze PATH... [--json]   analyse article files or folders of .txt files
                                      (--json: one JSON object per article per line)
  dateline bundle PATH... -o OUT      analyse the corpus on every core and write the
                                      bundle the reader opens (boot.bin + chunk files) to OUT
  dateline train-ner CONLL_DIR -o OUT train the entity model on CONLL_DIR/eng.train
                                      (model selection on eng.testa) and write it to OUT";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("analyze") => analyze(&args[1..]),
        Some("bundle") => bundle(&args[1..]),
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
    let mut found = Vec::new();
    let mut unreadable = 0;
    for root in roots {
        if let Err(e) = files::collect_files(Path::new(root), &mut found) {
            eprintln!("{root}: {e}");
            unreadable += 1;
        }
    }
    let sources: Vec<Source> = found
        .into_iter()
        .map(|file| Source {
            name: file.to_string_lossy().into_owned(),
            file,
        })
        .collect();
    let loaded = files::analyze(&sources);
    unreadable += loaded.unreadable;
    let corpus = loaded.corpus;
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

fn bundle(args: &[String]) -> ExitCode {
    let mut roots = Vec::new();
    let mut out = None;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "-o" | "--output" => match rest.next() {
                Some(dir) => out = Some(Path::new(dir)),
                None => return usage_error("-o needs a folder"),
            },
            flag if flag.starts_with('-') => return usage_error(&format!("unknown option {flag}")),
            root => roots.push(Path::new(root)),
        }
    }
    let Some(out) = out else {
        return usage_error("bundle needs -o OUT");
    };
    if roots.is_empty() {
        return usage_error("bundle needs at least one file or folder");
    }
    match bundle::run(&roots, out) {
        Ok(w) => {
            eprintln!(
                "wrote {}: {} articles ({} malformed, {} unreadable), boot part {} bytes, {} chunks, {} bytes in all",
                out.display(),
                w.articles,
                w.problems,
                w.unreadable,
                w.boot_bytes,
                w.chunk_files,
                w.total_bytes
            );
            if w.articles == 0 {
                eprintln!("dateline: no usable article");
                return ExitCode::FAILURE;
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("dateline: {e}");
            ExitCode::FAILURE
        }
    }
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
