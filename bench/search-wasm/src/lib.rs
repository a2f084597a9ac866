//! The wasm half of `scripts/bench-search` (driven by
//! `tests/e2e/measure-search.mjs`): the search index `dateline bundle`
//! writes (`search.bin` and its `search-NNNNN.bin` shards), decoded and
//! queried exactly as the reader does, behind a small wasm-bindgen API.
//!
//! Not part of the reader and not in the workspace's default members:
//! `cargo build --release --target wasm32-unknown-unknown -p dateline-search-wasm-bench`,
//! then `wasm-bindgen --target web` (and `wasm-opt -Oz`, as Trunk does for the page).

use dateline_bundle::Bundle;
use dateline_search::query::Query;
use dateline_search::ranking::{rank, search};
use dateline_search::SearchIndex;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

/// How many results a query returns, best first.
const TOP: usize = 10;

struct Loaded {
    corpus_id: u64,
    index: SearchIndex,
}

thread_local! {
    static INDEX: RefCell<Option<Loaded>> = const { RefCell::new(None) };
}

/// Opens the index from `search.bin`; returns how many shards it expects.
#[wasm_bindgen]
pub fn load(head: &[u8]) -> Result<u32, JsError> {
    let head = Bundle::decode_search_head(head)?;
    let shards = head.head.shards;
    let index = SearchIndex::from_head(head.head)?;
    INDEX.with_borrow_mut(|slot| {
        *slot = Some(Loaded {
            corpus_id: head.corpus_id,
            index,
        })
    });
    Ok(shards)
}

/// Adds one `search-NNNNN.bin` shard to the index [`load`] opened.
#[wasm_bindgen]
pub fn add_shard(bytes: &[u8]) -> Result<(), JsError> {
    let shard = Bundle::decode_search_shard(bytes)?;
    INDEX.with_borrow_mut(|slot| {
        let loaded = slot
            .as_mut()
            .ok_or_else(|| JsError::new("add_shard before load"))?;
        if shard.corpus_id != loaded.corpus_id {
            return Err(JsError::new("a shard of another build of the corpus"));
        }
        loaded.index.add_shard(shard.shard)?;
        Ok(())
    })
}

/// The top 10 articles for `q` as the search box sends it (a trailing space:
/// whole words; none: the last word is a prefix), as indexes into the boot
/// part's article list.
#[wasm_bindgen]
pub fn query(q: &str) -> Vec<u32> {
    INDEX.with_borrow(|slot| {
        let Some(loaded) = slot else {
            return Vec::new();
        };
        let mut hits = search(&loaded.index, &Query::parse(q));
        rank(&mut hits.scored, TOP);
        hits.scored.iter().take(TOP).map(|s| s.doc).collect()
    })
}

/// Bytes the loaded index holds (dictionary, tables, shards).
#[wasm_bindgen]
pub fn heap_bytes() -> usize {
    INDEX.with_borrow(|slot| slot.as_ref().map_or(0, |l| l.index.heap_bytes()))
}

/// For comparing with the peers: the boot part's articles (the index's
/// documents, in reading order) as numbers, their file names without
/// `.txt` (`make_corpus.py` names file `N` after JSON array index `N`).
#[wasm_bindgen]
pub fn article_numbers(boot: &[u8]) -> Result<Vec<u32>, JsError> {
    let boot = Bundle::decode_boot(boot)?;
    boot.articles
        .ids
        .iter()
        .map(|id| {
            id.parse::<u32>()
                .map_err(|_| JsError::new(&format!("article id {id:?} is not a number")))
        })
        .collect()
}
