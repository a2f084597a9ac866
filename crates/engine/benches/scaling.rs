//! Does the analysis stay linear on one huge article? A doubling benchmark.
//!
//! `cargo bench -p dateline-engine --bench scaling` generates, in memory, one article in each
//! of five shapes at 64 KB, 128 KB, ... up to 16 MB (`SCALING_MAX_MB=N`
//! stops at N MB; `SCALING_SHAPES=a,d` runs only those shapes), analyses it
//! once with [`dateline_engine::analysis`] and prints one table row per size: the
//! seconds taken, the ratio to the previous size (2.0 is linear), the peak
//! resident memory of the process (`VmHWM`) and the entity mentions and
//! dates found (so a fast but empty analysis shows).
//!
//! | shape | what one article is |
//! | --- | --- |
//! | `a-paragraph` | one paragraph of ordinary news sentences, no line break |
//! | `b-sentence`  | the same sentences with every full stop removed: one sentence |
//! | `c-tokens`    | a few sentences around three huge tokens (a word, a URL, a run of digits) |
//! | `d-repeats`   | the same few names again and again (linking, document consistency) |
//! | `e-dates`     | thousands of dates in one sentence |
//!
//! Each size runs in a fresh child process (this binary again, with
//! `--child SHAPE BYTES`), so the peak memory is that size's own and a
//! runaway size can be stopped: a size that takes more than
//! `SCALING_TIMEOUT_S` (default 120) seconds is killed and the shape's
//! larger sizes are skipped. Articles above `article::MAX_ARTICLE_BYTES`
//! are analysed with the limit raised (`analysis::analyze_with_limit`), so
//! the 16 MB row measures the engine, not the refusal.
//!
//! To run the command line on the same inputs, write one out with
//! `--generate SHAPE BYTES` (the bench binary is the path `cargo bench
//! --bench scaling --no-run` prints): e.g. `$BIN --generate a-paragraph
//! 10485760 > /tmp/a.txt && /usr/bin/time -v target/release/dateline
//! analyze /tmp/a.txt`.
//!
//! Under `cargo test` (no `--bench` argument) every shape runs once at
//! 64 KB in this process, as a smoke test.

use dateline_engine::analysis;
use dateline_engine::corpus::Input;
use std::fmt::Write as _;
use std::io::Read as _;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const KB: usize = 1024;
const MB: usize = 1024 * KB;

/// Ordinary news sentences: people, places, organisations, dates, numbers.
const SENTENCES: &[&str] = &[
    "Turkish Foreign Minister Mevlut Cavusoglu met his Russian counterpart Sergei Lavrov in Moscow on Wednesday to discuss the second batch of S-400 missile systems.",
    "The talks came a week after the United States imposed sanctions on Turkey's defence procurement agency under the CAATSA law.",
    "Speaking to reporters in Ankara, Ismail Demir said the purchase would go ahead despite the pressure from Washington.",
    "NATO Secretary General Jens Stoltenberg told a news conference in Brussels on March 3, 2021 that the alliance was concerned.",
    "Shares of Aselsan rose 4.5 percent on the Istanbul stock exchange after the announcement, while the lira fell against the dollar.",
    "In December 2020, the Trump administration blacklisted the agency, and five years later the dispute was still unresolved.",
    "The European Union said in a statement that it would review its relations with Ankara at a summit in June.",
    "President Recep Tayyip Erdogan told members of his ruling AK Party last Tuesday that Turkey would not bow to threats.",
    "According to the Stockholm International Peace Research Institute, Russia exported arms worth $2.3 billion to the region in 2019.",
    "The agreement, signed in September 2017, was worth about $2.5 billion, officials at the Ministry of Defence said.",
    "Lavrov later flew to Riyadh, where he held talks with Saudi Foreign Minister Prince Faisal bin Farhan on Thursday morning.",
    "Demir added that the first deliveries of the new system were expected by the end of next year.",
];

/// The shapes, by name.
const SHAPES: &[&str] = &[
    "a-paragraph",
    "b-sentence",
    "c-tokens",
    "d-repeats",
    "e-dates",
];

const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// One article file of about `bytes` bytes in `shape`: the seed header, a
/// title, and one body paragraph without a line break.
fn generate(shape: &str, bytes: usize) -> String {
    let mut text = String::with_capacity(bytes + 4 * KB);
    text.push_str(" date 2021-03-03 Scaling Wire\n");
    text.push_str(
        "Turkey In Negotiations With Russia On Second Batch Of S-400 Missile Systems\n\n",
    );
    let start = text.len();
    let body = bytes.saturating_sub(start + 1);
    match shape {
        "a-paragraph" => fill(&mut text, body, |i, out| {
            out.push_str(SENTENCES[i % SENTENCES.len()])
        }),
        "b-sentence" => fill(&mut text, body, |i, out| {
            let s = SENTENCES[i % SENTENCES.len()].replace('.', "");
            out.push_str(&s);
            out.push_str(" and");
        }),
        "c-tokens" => {
            let token = body / 4;
            let mut sentence = 0;
            let mut lead = |out: &mut String| {
                for _ in 0..3 {
                    out.push_str(SENTENCES[sentence % SENTENCES.len()]);
                    out.push(' ');
                    sentence += 1;
                }
            };
            lead(&mut text);
            text.push_str("The transcript reads ");
            push_repeated(&mut text, "Negotiationsbatchdefenceagency", token);
            text.push_str(" and ends. ");
            lead(&mut text);
            text.push_str("The document was posted at https://www.example.com/news/");
            push_repeated(&mut text, "s-400-missile-systems/turkey_russia/", token);
            text.push_str(" on Wednesday. ");
            lead(&mut text);
            text.push_str("The serial number was ");
            push_repeated(&mut text, "1234567890", token);
            text.push_str(" in 2021. ");
            let rest = (start + body).saturating_sub(text.len());
            fill(&mut text, rest, |i, out| {
                out.push_str(SENTENCES[i % SENTENCES.len()])
            });
        }
        "d-repeats" => {
            const REPEATS: &[&str] = &[
                "Ismail Demir said on Wednesday that Turkey would buy more systems from Russia.",
                "Demir met Lavrov in Moscow.",
                "Mr. Demir told Reuters that Ankara and Moscow were close to a deal.",
                "Turkey, Russia and Demir were named again by NATO.",
                "Sergei Lavrov said Russia welcomed Demir and Turkey.",
            ];
            fill(&mut text, body, |i, out| {
                out.push_str(REPEATS[i % REPEATS.len()])
            })
        }
        "e-dates" => {
            text.push_str("Hearings were held");
            fill(&mut text, body, |i, out| {
                let day = 1 + i % 28;
                let month = MONTHS[(i / 28) % 12];
                let year = 1990 + (i / 336) % 35;
                let _ = match i % 4 {
                    0 => write!(out, "on {day} {month} {year},"),
                    1 => write!(out, "on {month} {day}, {year},"),
                    2 => write!(out, "in {month} {year},"),
                    _ => write!(out, "on {year}-{:02}-{day:02},", 1 + (i / 28) % 12),
                };
            });
            text.push_str(" and at no other time.");
        }
        other => panic!("unknown shape {other}"),
    }
    text.push('\n');
    text
}

/// Appends pieces from `piece(i, out)`, space separated, until `text` has
/// grown by about `bytes`.
fn fill(text: &mut String, bytes: usize, mut piece: impl FnMut(usize, &mut String)) {
    let end = text.len() + bytes;
    let mut i = 0;
    while text.len() < end {
        if i > 0 {
            text.push(' ');
        }
        piece(i, text);
        i += 1;
    }
}

/// Appends `unit` again and again until `bytes` bytes are written.
fn push_repeated(text: &mut String, unit: &str, bytes: usize) {
    let end = text.len() + bytes;
    while text.len() < end {
        text.push_str(unit);
    }
}

/// The peak resident memory of this process in KiB (`VmHWM`), if known.
fn peak_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// One analysis: seconds, mentions, dates.
fn run(shape: &str, bytes: usize) -> (f64, usize, usize) {
    let text = generate(shape, bytes);
    // Build the model before timing: it loads once per process.
    std::hint::black_box(dateline_engine::ner::Recognizer::bundled());
    let start = Instant::now();
    let corpus = analysis::analyze_with_limit(
        [Input {
            path: "scaling.txt",
            bytes: text.as_bytes(),
        }],
        text.len().max(dateline_engine::article::MAX_ARTICLE_BYTES),
    );
    let seconds = start.elapsed().as_secs_f64();
    assert!(corpus.problems.is_empty(), "{:?}", corpus.problems);
    let a = &corpus.articles[0];
    (seconds, a.mentions.len(), a.timexes.len())
}

/// The child: one shape at one size, one line on stdout.
fn child(shape: &str, bytes: usize) {
    let (seconds, mentions, dates) = run(shape, bytes);
    println!("{seconds} {} {mentions} {dates}", peak_kib().unwrap_or(0));
}

fn env_number(name: &str, default: f64) -> f64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|&v: &f64| v > 0.0)
        .unwrap_or(default)
}

/// Runs a child for one size; `None` if it timed out or failed.
fn measure(
    shape: &str,
    bytes: usize,
    timeout: Duration,
) -> Result<(f64, u64, usize, usize), String> {
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let mut child = Command::new(exe)
        .args(["--child", shape, &bytes.to_string()])
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| e.to_string())?;
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().map_err(|e| e.to_string())? {
            let mut out = String::new();
            if let Some(mut stdout) = child.stdout.take() {
                let _ = stdout.read_to_string(&mut out);
            }
            if !status.success() {
                return Err(format!("failed ({status})"));
            }
            let f: Vec<&str> = out.split_whitespace().collect();
            let parse = |i: usize| f.get(i).and_then(|v| v.parse::<f64>().ok());
            return match (parse(0), parse(1), parse(2), parse(3)) {
                (Some(s), Some(kib), Some(m), Some(d)) => {
                    Ok((s, kib as u64, m as usize, d as usize))
                }
                _ => Err(format!("unreadable child output {out:?}")),
            };
        }
        if started.elapsed() > timeout {
            let _ = child.kill();
            let _ = child.wait();
            return Err(format!("over {} s, stopped", timeout.as_secs()));
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn size_label(bytes: usize) -> String {
    if bytes >= MB {
        format!("{} MB", bytes / MB)
    } else {
        format!("{} KB", bytes / KB)
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--generate") {
        let bytes = args[i + 2].parse().expect("size in bytes");
        print!("{}", generate(&args[i + 1], bytes));
        return;
    }
    if let Some(i) = args.iter().position(|a| a == "--child") {
        let shape = &args[i + 1];
        let bytes = args[i + 2].parse().expect("size in bytes");
        child(shape, bytes);
        return;
    }
    if !args.iter().any(|a| a == "--bench") {
        for shape in SHAPES {
            let (seconds, mentions, dates) = run(shape, 64 * KB);
            println!(
                "bench scaling (smoke): {shape} 64 KB in {seconds:.3} s, {mentions} mentions, {dates} dates"
            );
        }
        return;
    }
    let max = (env_number("SCALING_MAX_MB", 16.0) * MB as f64) as usize;
    let timeout = Duration::from_secs_f64(env_number("SCALING_TIMEOUT_S", 120.0));
    let only: Option<Vec<String>> = std::env::var("SCALING_SHAPES")
        .ok()
        .map(|s| s.split(',').map(|p| p.trim().to_string()).collect());
    println!(
        "{:<12} {:>7} {:>9} {:>6} {:>9} {:>6} {:>9} {:>9}",
        "shape", "size", "seconds", "ratio", "peak MB", "ratio", "mentions", "dates"
    );
    for shape in SHAPES {
        if let Some(only) = &only {
            if !only.iter().any(|o| shape.starts_with(o.as_str())) {
                continue;
            }
        }
        let mut previous: Option<(f64, u64)> = None;
        let mut bytes = 64 * KB;
        while bytes <= max {
            match measure(shape, bytes, timeout) {
                Ok((seconds, kib, mentions, dates)) => {
                    let (t_ratio, m_ratio) = match previous {
                        Some((t, m)) => (
                            format!("{:.2}", seconds / t.max(1e-9)),
                            format!("{:.2}", kib as f64 / m.max(1) as f64),
                        ),
                        None => ("-".into(), "-".into()),
                    };
                    println!(
                        "{shape:<12} {:>7} {seconds:>9.3} {t_ratio:>6} {:>9.1} {m_ratio:>6} {mentions:>9} {dates:>9}",
                        size_label(bytes),
                        kib as f64 / 1024.0
                    );
                    previous = Some((seconds, kib));
                }
                Err(why) => {
                    println!(
                        "{shape:<12} {:>7} {why}; larger sizes skipped",
                        size_label(bytes)
                    );
                    break;
                }
            }
            bytes *= 2;
        }
    }
}
