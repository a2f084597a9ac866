//! Opening the corpus bundle `dateline bundle` wrote at build time: its
//! files are fetched from `bundle/` next to the page, or, in the single-file
//! build, read from `<script type="application/octet-stream"
//! data-bundle-file="NAME">` elements holding them as base64. Nothing in it
//! is analysed here: the page only decodes.

use base64::Engine as _;
use dateline_bundle::search::{add_search_shard, open_search, SearchFiles, Stamp};
use dateline_bundle::{fill, outline, unfilled, Boot, Bundle, Chunk, LINKS_FILE, NAMES_FILE};
use dateline_engine::corpus::Corpus;
use dateline_search::SearchIndex;
use futures::future::try_join_all;
use futures::stream::{self, StreamExt, TryStreamExt};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Where the bundle lives, relative to the page.
const FOLDER: &str = "bundle/";

/// The boot part: enough for the first view ([`dateline_bundle::skeleton`]).
pub async fn load_boot() -> Result<Boot, String> {
    Bundle::decode_boot(&file("boot.bin").await?).map_err(|e| format!("{FOLDER}boot.bin: {e}"))
}

/// The names and links parts (fetched concurrently) made into the
/// [`outline`] of the corpus: every article titled, every entity and event
/// linked.
pub async fn load_outline(boot: &Boot) -> Result<Corpus, String> {
    let (names, links) = futures::try_join!(file(NAMES_FILE), file(LINKS_FILE))?;
    let names = Bundle::decode_names(&names).map_err(|e| format!("{FOLDER}{NAMES_FILE}: {e}"))?;
    let links = Bundle::decode_links(&links).map_err(|e| format!("{FOLDER}{LINKS_FILE}: {e}"))?;
    outline(boot, names, links).map_err(|e| format!("the corpus bundle: {e}"))
}

/// Chunk requests in flight at once. A browser opens six connections to a
/// host anyway, and starting all of a large corpus's (515 at 100,000
/// articles) in one task held the main thread for 400 ms.
const CHUNKS_IN_FLIGHT: usize = 8;

/// Every chunk the boot part names, a few at a time, each decoded as it
/// arrives: the articles' texts. Add them to the outline with
/// [`open_corpus`].
pub async fn load_chunks(boot: &Boot) -> Result<Vec<Chunk>, String> {
    stream::iter(boot.chunks.iter().map(|c| async move {
        let bytes = file(&c.file).await?;
        Bundle::decode_chunk(&bytes).map_err(|e| format!("{FOLDER}{}: {e}", c.file))
    }))
    .buffer_unordered(CHUNKS_IN_FLIGHT)
    .try_collect()
    .await
}

/// The outline (still on show) with its chunks' texts: the whole corpus.
pub fn open_corpus(outline: &Corpus, boot: &Boot, chunks: Vec<Chunk>) -> Result<Corpus, String> {
    fill(unfilled(outline), boot, chunks).map_err(|e| format!("the corpus bundle: {e}"))
}

/// True if the browser says it has no network (`navigator.onLine`).
pub fn offline() -> bool {
    js_sys::Reflect::get(&gloo::utils::window(), &"navigator".into())
        .and_then(|n| js_sys::Reflect::get(&n, &"onLine".into()))
        .is_ok_and(|v| v.as_bool() == Some(false))
}

/// Resolves when the browser is back online (its `online` event).
pub async fn back_online() {
    let (tx, rx) = futures::channel::oneshot::channel();
    let _listener =
        gloo::events::EventListener::once(&gloo::utils::window(), "online", move |_| {
            let _ = tx.send(());
        });
    let _ = rx.await;
}

/// The prebuilt search index's head: the dictionary and statistics. Its
/// posting shards come with [`load_search_shards`], as queries need them.
/// Nothing is indexed in the page.
pub async fn load_search(files: &SearchFiles, boot: Stamp) -> Result<SearchIndex, String> {
    let head = Bundle::decode_search_head(&file(&files.head).await?)
        .map_err(|e| format!("{FOLDER}{}: {e}", files.head))?;
    open_search(boot, head).map_err(|e| format!("{FOLDER}{}: {e}", files.head))
}

/// Fetches the posting shards `numbers` (concurrently) into `index`.
pub async fn load_search_shards(
    files: &SearchFiles,
    boot: Stamp,
    index: &SearchIndex,
    numbers: &[u32],
) -> Result<(), String> {
    let shards = try_join_all(numbers.iter().map(|&n| async move {
        let name = files
            .shards
            .get(n as usize)
            .ok_or_else(|| format!("the search index has no shard {n}"))?;
        let bytes = file(name).await?;
        let shard =
            Bundle::decode_search_shard(&bytes).map_err(|e| format!("{FOLDER}{name}: {e}"))?;
        Ok::<_, String>((name, shard))
    }))
    .await?;
    for (name, shard) in shards {
        add_search_shard(boot, index, shard).map_err(|e| format!("{FOLDER}{name}: {e}"))?;
    }
    Ok(())
}

/// One bundle file's bytes, from the page itself or from the server.
async fn file(name: &str) -> Result<Vec<u8>, String> {
    match embedded(name)? {
        Some(bytes) => Ok(bytes),
        None => fetch(name).await,
    }
}

/// The file as embedded in the single-file build, if this is one.
fn embedded(name: &str) -> Result<Option<Vec<u8>>, String> {
    let selector = format!("script[data-bundle-file=\"{name}\"]");
    let Ok(Some(element)) = gloo::utils::document().query_selector(&selector) else {
        return Ok(None);
    };
    let text: String = element
        .text_content()
        .unwrap_or_default()
        .chars()
        .filter(|c| !c.is_ascii_whitespace())
        .collect();
    base64::engine::general_purpose::STANDARD
        .decode(text)
        .map(Some)
        .map_err(|e| format!("{name} (embedded in the page): {e}"))
}

/// The file fetched from `bundle/` beside the page (same origin only).
async fn fetch(name: &str) -> Result<Vec<u8>, String> {
    let url = format!("{FOLDER}{name}");
    let failed = |what: &str| format!("{url} could not be loaded ({what})");
    let response = JsFuture::from(gloo::utils::window().fetch_with_str(&url))
        .await
        .map_err(|e| failed(&describe(&e)))?;
    let response: web_sys::Response = response
        .dyn_into()
        .map_err(|_| failed("not an HTTP response"))?;
    if !response.ok() {
        return Err(failed(&format!("HTTP {}", response.status())));
    }
    let buffer = JsFuture::from(response.array_buffer().map_err(|e| failed(&describe(&e)))?)
        .await
        .map_err(|e| failed(&describe(&e)))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// A JavaScript error's message, for the notice.
fn describe(error: &wasm_bindgen::JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .unwrap_or_else(|| format!("{error:?}"))
}
