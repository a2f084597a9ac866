//! Search, natively, on a `../shared/bench/make_corpus.py --json` corpus:
//! index build time and size, then per-query latency (parse, plan, run,
//! rank the top 10) for the 200 word queries, the 50 prefixes and a typo
//! set (each word query with one edit: see [`typo`]), and how often the
//! top results hold what an exact scan finds.
//!
//! `SEARCH_JSON=target/scale/c10000.json cargo bench -p dateline-search --bench query`
//! (the queries are read from the `.queries.json` file beside it).

use dateline_search::builder::{Document, IndexBuilder, SHARD_BYTES};
use dateline_search::query::Query;
use dateline_search::ranking::{rank, search};
use dateline_search::terms::terms;
use serde::Deserialize;
use std::collections::HashSet;
use std::time::Instant;

#[derive(Deserialize)]
struct Article {
    title: String,
    body: String,
}

#[derive(Deserialize)]
struct Queries {
    words: Vec<String>,
    prefixes: Vec<String>,
}

/// One edit of a word query: the middle character of its longest word
/// (the first if several) deleted. The browser benchmark makes the same set.
fn typo(query: &str) -> String {
    let words: Vec<&str> = query.split(' ').collect();
    let longest = (0..words.len())
        .rev()
        .max_by_key(|&i| words[i].chars().count())
        .unwrap_or(0);
    let chars: Vec<char> = words[longest].chars().collect();
    let mut edited = chars.clone();
    if chars.len() >= 5 {
        edited.remove(chars.len() / 2);
    }
    let mut out: Vec<String> = words.iter().map(|w| w.to_string()).collect();
    out[longest] = edited.into_iter().collect();
    out.join(" ")
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn main() {
    let path = std::env::var("SEARCH_JSON").unwrap_or_else(|_| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../target/scale/c10000.json"
        )
        .into()
    });
    let Ok(json) = std::fs::read_to_string(&path) else {
        eprintln!("query bench: no {path} (make it with ../shared/bench/make_corpus.py N DIR --json {path})");
        return;
    };
    let articles: Vec<Article> = serde_json::from_str(&json).expect("corpus JSON");
    let queries: Queries = serde_json::from_str(
        &std::fs::read_to_string(path.replace(".json", ".queries.json")).expect("queries file"),
    )
    .expect("queries JSON");
    let texts: Vec<String> = articles
        .iter()
        .map(|a| format!("{}\n\n{}", a.title, a.body))
        .collect();
    let raw: usize = texts.iter().map(String::len).sum();

    let started = Instant::now();
    let mut builder = IndexBuilder::new();
    for (a, text) in articles.iter().zip(&texts) {
        builder.add(Document {
            title: &a.title,
            text,
            names: &[],
        });
    }
    let index = builder.finish(SHARD_BYTES);
    let build = started.elapsed();
    let (head, shards) = index.to_parts();
    let head_bytes = postcard::to_allocvec(&head).unwrap().len();
    let shard_bytes: usize = shards
        .iter()
        .map(|s| postcard::to_allocvec(s).unwrap().len())
        .sum();
    println!(
        "{} articles, {:.1} MB of text: index built in {:.2} s; {} terms; head {:.2} MB, {} shards {:.2} MB (postcard, before compression) = {:.0}% of the text; {:.2} MB in memory",
        articles.len(),
        raw as f64 / 1e6,
        build.as_secs_f64(),
        index.term_count(),
        head_bytes as f64 / 1e6,
        shards.len(),
        shard_bytes as f64 / 1e6,
        100.0 * (head_bytes + shard_bytes) as f64 / raw as f64,
        index.heap_bytes() as f64 / 1e6,
    );

    // The exact answer: articles holding every word (the last as a prefix
    // for prefix queries), by scanning each article's terms.
    let doc_terms: Vec<HashSet<String>> = texts
        .iter()
        .map(|t| terms(t).into_iter().collect())
        .collect();
    let exact = |q: &str, prefix: bool| -> HashSet<u32> {
        let words = terms(q);
        (0..doc_terms.len() as u32)
            .filter(|&d| {
                let have = &doc_terms[d as usize];
                words.iter().enumerate().all(|(i, w)| {
                    if prefix && i + 1 == words.len() {
                        have.iter().any(|t| t.starts_with(w.as_str()))
                    } else {
                        have.contains(w)
                    }
                })
            })
            .collect()
    };

    let typos: Vec<String> = queries.words.iter().map(|q| typo(q)).collect();
    let sets: [(&str, &Vec<String>, bool); 3] = [
        ("words", &queries.words, false),
        ("prefixes", &queries.prefixes, true),
        ("typos", &typos, false),
    ];
    for (name, list, prefix) in sets {
        let mut times = Vec::new();
        let mut tops = Vec::new();
        for _ in 0..5 {
            tops.clear();
            for q in list.iter() {
                let typed = if prefix { q.clone() } else { format!("{q} ") };
                let t = Instant::now();
                let mut hits = search(&index, &Query::parse(&typed));
                rank(&mut hits.scored, 10);
                let top: Vec<u32> = hits.scored.iter().take(10).map(|s| s.doc).collect();
                times.push(t.elapsed().as_secs_f64() * 1e3);
                tops.push(top);
            }
        }
        times.sort_by(|a, b| a.partial_cmp(b).unwrap());
        let (mut found, mut wanted, mut top5) = (0usize, 0usize, 0usize);
        for ((q, top), original) in list.iter().zip(&tops).zip(&queries.words) {
            let truth = if name == "typos" {
                exact(original, false)
            } else {
                exact(q, prefix)
            };
            wanted += truth.len().min(10);
            found += top.iter().filter(|d| truth.contains(d)).count();
            let ok = top.iter().take(5).any(|d| truth.contains(d)) || truth.is_empty();
            if !ok && std::env::var_os("SEARCH_MISSES").is_some() {
                eprintln!(
                    "miss: {q:?} (for {original:?}): {} hits in the top 10, {} wanted",
                    top.len(),
                    truth.len()
                );
            }
            top5 += usize::from(ok);
        }
        println!(
            "{name:>9}: median {:.3} ms, p95 {:.3} ms, max {:.3} ms; top-10 recall vs exact scan {:.3}; a wanted article in the top 5: {:.1}%",
            percentile(&times, 0.5),
            percentile(&times, 0.95),
            times.last().unwrap(),
            found as f64 / wanted.max(1) as f64,
            100.0 * top5 as f64 / list.len() as f64,
        );
    }
}
