//! Reading and tagging the articles the reader adds (NER and dates: the
//! expensive part), in the import worker `dateline-import`
//! (`src/bin/import_worker.rs`), so the page never freezes and its own wasm
//! holds neither the entity model nor the tagger. Messages:
//! `src/import_protocol.rs`.
//!
//! The worker starts on the first import (or the first restore of saved
//! articles) and stays for the visit. Hosted, it is Trunk's
//! `dateline-import_loader.js` beside the page (same origin, `worker-src
//! 'self'`). In the single-file build (no worker can load from file://) the
//! page embeds the worker's glue (`<script id="dateline-import-js">`, built
//! with `--no-modules-global dateline_import`) and its wasm as base64
//! (`#dateline-import-wasm`): the worker runs from a Blob URL made of the
//! glue and [`BLOB_BOOT`], and is sent the wasm's bytes.
//!
//! If no worker can start (blocked, failed, or silent for
//! [`START_TIMEOUT_MS`]) or one fails mid-import, the page loads the
//! worker's module into itself and tags what is left there, in time slices,
//! with a console warning: an import is never lost.

use super::io::{Notice, Progress};
use crate::import_protocol::{self as protocol, Outcome, Reply, Request};
use base64::Engine as _;
use dateline_reader::saved::AddedArticle;
use futures::StreamExt;
use std::cell::RefCell;
use std::collections::HashMap;
use std::time::Duration;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::platform::pinned::{mpsc, oneshot};
use yew::prelude::*;

/// Trunk's files for the worker, beside the page (not hashed).
const LOADER: &str = "dateline-import_loader.js";
const GLUE: &str = "dateline-import.js";
const WASM: &str = "dateline-import_bg.wasm";
/// The single-file build's embedded glue and wasm (by element id).
const EMBEDDED_GLUE: &str = "dateline-import-js";
const EMBEDDED_WASM: &str = "dateline-import-wasm";

#[wasm_bindgen]
extern "C" {
    /// The worker glue's init function, once its script ran in the page:
    /// wasm-bindgen's `--target no-modules` declares it with a top-level
    /// `let` (not a property of `globalThis`), so it is read by name.
    /// Hosted: Trunk's default name. Read only after the script loaded.
    #[wasm_bindgen(thread_local_v2, js_name = wasm_bindgen)]
    static HOSTED_INIT: Option<JsValue>;
    /// The single file's, renamed (`--no-modules-global dateline_import`)
    /// so it does not shadow the page's own `wasm_bindgen`.
    #[wasm_bindgen(thread_local_v2, js_name = dateline_import)]
    static EMBEDDED_INIT: Option<JsValue>;
}

/// Appended to the embedded glue to make the Blob worker: the first message
/// is the wasm's bytes; the worker's `main` then answers requests and says
/// `Ready`. A failure is rethrown, so the page sees the worker's `error`.
const BLOB_BOOT: &str = r#"
self.onmessage = function (event) {
  self.onmessage = null;
  dateline_import({ module_or_path: event.data }).catch(function (err) {
    setTimeout(function () { throw err; });
  });
};
"#;

/// How long the worker may take to fetch and compile its wasm.
const START_TIMEOUT_MS: u64 = 30_000;
/// How often progress is reported while the worker tags.
const PROGRESS_MS: f64 = 50.0;
/// How long the page tags (fallback only) before letting the browser paint.
const SLICE_MS: f64 = 30.0;

enum State {
    Idle,
    /// Started; these callers wait for `Ready` (or a failure).
    Starting(Vec<oneshot::Sender<()>>),
    Ready,
    /// Could not start, or failed: the page tags for the rest of the visit.
    Broken,
}

/// Articles of a job, as their outcomes arrive.
type Results = mpsc::UnboundedSender<(usize, Outcome)>;

struct Worker {
    state: State,
    worker: Option<web_sys::Worker>,
    /// Jobs under way; a dropped sender tells the job the worker is gone.
    jobs: HashMap<u32, Results>,
    next_job: u32,
}

thread_local! {
    static WORKER: RefCell<Worker> = RefCell::new(Worker {
        state: State::Idle,
        worker: None,
        jobs: HashMap::new(),
        next_job: 0,
    });
    /// The worker's `analyse`, once its module is loaded into the page.
    static IN_PAGE: RefCell<InPage> = const { RefCell::new(InPage::Unloaded) };
}

enum InPage {
    Unloaded,
    Loading,
    Loaded(js_sys::Function),
    Failed(String),
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// A JavaScript error's message.
fn describe(error: &JsValue) -> String {
    if let Some(e) = error.dyn_ref::<js_sys::Error>() {
        return String::from(e.message());
    }
    error.as_string().unwrap_or_else(|| format!("{error:?}"))
}

fn element(id: &str) -> Option<web_sys::Element> {
    gloo::utils::document().get_element_by_id(id)
}

/// The single-file build's embedded worker wasm.
fn embedded_wasm() -> Result<js_sys::Uint8Array, String> {
    let text: String = element(EMBEDDED_WASM)
        .ok_or("the page has no embedded analyser")?
        .text_content()
        .unwrap_or_default()
        .chars()
        .filter(|c| !c.is_ascii_whitespace())
        .collect();
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(text)
        .map_err(|e| format!("the embedded analyser: {e}"))?;
    Ok(js_sys::Uint8Array::from(bytes.as_slice()))
}

/// Starts the worker: Trunk's loader beside the page, or (single file) a
/// Blob worker sent the embedded wasm.
fn spawn() -> Result<web_sys::Worker, String> {
    let js = |e: JsValue| describe(&e);
    let Some(glue) = element(EMBEDDED_GLUE) else {
        return web_sys::Worker::new(LOADER).map_err(js);
    };
    let source = format!("{}\n{BLOB_BOOT}", glue.text_content().unwrap_or_default());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/javascript");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(
        &js_sys::Array::of1(&JsValue::from_str(&source)),
        &options,
    )
    .map_err(js)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(js)?;
    let worker = web_sys::Worker::new(&url);
    // The worker has its own reference to the blob once constructed.
    let _ = web_sys::Url::revoke_object_url(&url);
    let worker = worker.map_err(js)?;
    let wasm = embedded_wasm()?;
    worker
        .post_message_with_transfer(&wasm, &js_sys::Array::of1(&wasm.buffer()))
        .map_err(js)?;
    Ok(worker)
}

/// Gives up on the worker: its jobs end, its waiters are told, and the page
/// tags from now on.
fn give_up(why: &str) {
    let waiting = WORKER.with(|w| {
        let mut w = w.borrow_mut();
        if matches!(w.state, State::Broken) {
            return Vec::new();
        }
        if let Some(worker) = w.worker.take() {
            worker.terminate();
        }
        w.jobs.clear();
        match std::mem::replace(&mut w.state, State::Broken) {
            State::Starting(waiting) => waiting,
            _ => Vec::new(),
        }
    });
    gloo::console::warn!(format!(
        "Dateline: the import worker is unavailable ({why}); added articles are analysed in the page instead."
    ));
    for tx in waiting {
        let _ = tx.send(());
    }
}

fn on_message(event: web_sys::MessageEvent) {
    let Some(text) = event.data().as_string() else {
        return;
    };
    match protocol::decode::<Reply>(&text) {
        Ok(Reply::Ready) => {
            let waiting = WORKER.with(|w| {
                let mut w = w.borrow_mut();
                match std::mem::replace(&mut w.state, State::Ready) {
                    State::Starting(waiting) => waiting,
                    other => {
                        w.state = other;
                        Vec::new()
                    }
                }
            });
            for tx in waiting {
                let _ = tx.send(());
            }
        }
        Ok(Reply::Tagged {
            job,
            index,
            outcome,
        }) => WORKER.with(|w| {
            if let Some(tx) = w.borrow().jobs.get(&job) {
                let _ = tx.send_now((index as usize, outcome));
            }
        }),
        Ok(Reply::Refused { error }) => give_up(&format!("it refused a request: {error}")),
        Err(error) => give_up(&format!("unreadable reply: {error}")),
    }
}

/// Waits until the worker listens, starting it on first use; false if it
/// cannot.
async fn ready() -> bool {
    let wait = WORKER.with(|w| {
        let mut w = w.borrow_mut();
        let (tx, rx) = oneshot::channel();
        match &mut w.state {
            State::Ready => return Ok(true),
            State::Broken => return Ok(false),
            State::Starting(waiting) => {
                waiting.push(tx);
                return Err(rx);
            }
            State::Idle => {}
        }
        match spawn() {
            Ok(worker) => {
                let message =
                    Closure::<dyn FnMut(web_sys::MessageEvent)>::new(on_message).into_js_value();
                worker.set_onmessage(Some(message.unchecked_ref()));
                let error = Closure::<dyn FnMut(web_sys::Event)>::new(|event: web_sys::Event| {
                    event.prevent_default();
                    let why = event
                        .dyn_ref::<web_sys::ErrorEvent>()
                        .map(|e| e.message())
                        .filter(|m| !m.is_empty())
                        .unwrap_or_else(|| "it failed to load".to_string());
                    give_up(&why);
                })
                .into_js_value();
                worker.set_onerror(Some(error.unchecked_ref()));
                worker.set_onmessageerror(Some(error.unchecked_ref()));
                w.worker = Some(worker);
                w.state = State::Starting(vec![tx]);
                Err(rx)
            }
            Err(why) => {
                drop(w);
                give_up(&why);
                Ok(false)
            }
        }
    });
    let rx = match wait {
        Ok(ready) => return ready,
        Err(rx) => rx,
    };
    yew::platform::spawn_local(async {
        yew::platform::time::sleep(Duration::from_millis(START_TIMEOUT_MS)).await;
        if WORKER.with(|w| matches!(w.borrow().state, State::Starting(_))) {
            give_up("it did not start in time");
        }
    });
    let _ = rx.await;
    WORKER.with(|w| matches!(w.borrow().state, State::Ready))
}

/// Sends `articles` to the worker; their outcomes arrive on the receiver.
async fn submit(
    articles: &[AddedArticle],
) -> Option<(u32, mpsc::UnboundedReceiver<(usize, Outcome)>)> {
    if !ready().await {
        return None;
    }
    let job = WORKER.with(|w| {
        let mut w = w.borrow_mut();
        w.next_job = w.next_job.wrapping_add(1);
        w.next_job
    });
    let message = protocol::encode(&Request {
        job,
        articles: articles.to_vec(),
    });
    let (tx, rx) = mpsc::unbounded();
    let posted = WORKER.with(|w| {
        let mut w = w.borrow_mut();
        let worker = w.worker.as_ref()?;
        worker.post_message(&JsValue::from_str(&message)).ok()?;
        w.jobs.insert(job, tx);
        Some(job)
    });
    match posted {
        Some(job) => Some((job, rx)),
        None => {
            give_up("a request could not be sent");
            None
        }
    }
}

/// Reads and tags `added` articles, in the worker if it can, reporting
/// progress. Each comes back with its outcome, in order; an article the
/// page could not analyse either (its analyser did not load) is reported
/// as a notice and left out.
pub async fn tag_all(
    added: Vec<AddedArticle>,
    progress: &Callback<Option<Progress>>,
    notice: &Callback<Notice>,
) -> Vec<(AddedArticle, Outcome)> {
    let total = added.len();
    let mut outcomes: Vec<Option<Outcome>> = (0..total).map(|_| None).collect();
    let mut done = 0;
    if total > 0 {
        progress.emit(Some(Progress { done, total }));
        if let Some((job, mut results)) = submit(&added).await {
            let mut reported = now_ms();
            while done < total {
                // None: the worker failed; the page does the rest.
                let Some((index, outcome)) = results.next().await else {
                    break;
                };
                let Some(slot) = outcomes.get_mut(index) else {
                    continue;
                };
                if slot.is_none() {
                    done += 1;
                }
                *slot = Some(outcome);
                if now_ms() - reported > PROGRESS_MS {
                    progress.emit(Some(Progress { done, total }));
                    reported = now_ms();
                }
            }
            WORKER.with(|w| w.borrow_mut().jobs.remove(&job));
        }
        if done < total {
            in_page(&added, &mut outcomes, done, progress, notice).await;
        }
    }
    progress.emit(None);
    added
        .into_iter()
        .zip(outcomes)
        .filter_map(|(a, o)| Some((a, o?)))
        .collect()
}

/// The fallback: the articles without an outcome tagged in the page by the
/// worker's own module, in time slices.
async fn in_page(
    added: &[AddedArticle],
    outcomes: &mut [Option<Outcome>],
    mut done: usize,
    progress: &Callback<Option<Progress>>,
    notice: &Callback<Notice>,
) {
    let total = added.len();
    let analyse = match page_module().await {
        Ok(analyse) => analyse,
        Err(e) => {
            notice.emit(Notice::Error(format!(
                "{} added article(s) could not be analysed: the analyser did not load ({e}).",
                total - done
            )));
            return;
        }
    };
    let mut slice = now_ms();
    for (added, slot) in added.iter().zip(outcomes.iter_mut()) {
        if slot.is_some() {
            continue;
        }
        let outcome = analyse
            .call1(&JsValue::NULL, &JsValue::from_str(&protocol::encode(added)))
            .map_err(|e| describe(&e))
            .and_then(|v| protocol::decode::<Outcome>(&v.as_string().unwrap_or_default()));
        match outcome {
            Ok(outcome) => *slot = Some(outcome),
            Err(e) => notice.emit(Notice::Error(format!(
                "{}: could not be analysed ({e})",
                added.path
            ))),
        }
        done += 1;
        if now_ms() - slice > SLICE_MS {
            progress.emit(Some(Progress { done, total }));
            yew::platform::time::sleep(Duration::from_millis(0)).await;
            slice = now_ms();
        }
    }
}

/// The worker's `analyse`, its module loaded into the page once.
async fn page_module() -> Result<js_sys::Function, String> {
    loop {
        let loading = IN_PAGE.with(|m| {
            let mut m = m.borrow_mut();
            match &*m {
                InPage::Loaded(f) => Some(Ok(f.clone())),
                InPage::Failed(e) => Some(Err(e.clone())),
                InPage::Loading => None,
                InPage::Unloaded => {
                    *m = InPage::Loading;
                    Some(Err(String::new()))
                }
            }
        });
        match loading {
            Some(Err(e)) if e.is_empty() => break,
            Some(done) => return done,
            // Another import is loading it.
            None => yew::platform::time::sleep(Duration::from_millis(50)).await,
        }
    }
    let loaded = load_page_module().await;
    IN_PAGE.with(|m| {
        *m.borrow_mut() = match &loaded {
            Ok(f) => InPage::Loaded(f.clone()),
            Err(e) => InPage::Failed(e.clone()),
        }
    });
    loaded
}

async fn load_page_module() -> Result<js_sys::Function, String> {
    let js = |e: JsValue| describe(&e);
    let (init, wasm) = if element(EMBEDDED_GLUE).is_some() {
        // The single file ran the glue already (allowed by its hash).
        (EMBEDDED_INIT.with(Clone::clone), embedded_wasm()?.into())
    } else {
        load_script(GLUE).await?;
        (HOSTED_INIT.with(Clone::clone), JsValue::from_str(WASM))
    };
    let init: js_sys::Function = init
        .ok_or("its script defines no analyser")?
        .dyn_into()
        .map_err(|_| "its script defines no analyser".to_string())?;
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &JsValue::from_str("module_or_path"), &wasm).map_err(js)?;
    let started: js_sys::Promise = init
        .call1(&JsValue::NULL, &options)
        .map_err(js)?
        .dyn_into()
        .map_err(|_| "the analyser did not start".to_string())?;
    JsFuture::from(started).await.map_err(js)?;
    js_sys::Reflect::get(&init, &JsValue::from_str("analyse"))
        .map_err(js)?
        .dyn_into()
        .map_err(|_| "the analyser has no `analyse`".to_string())
}

/// Runs a same-origin classic script (the worker's glue) in the page.
async fn load_script(src: &str) -> Result<(), String> {
    let js = |e: JsValue| describe(&e);
    let document = gloo::utils::document();
    let script: web_sys::HtmlScriptElement = document
        .create_element("script")
        .map_err(js)?
        .unchecked_into();
    script.set_src(src);
    let loaded = js_sys::Promise::new(&mut |resolve, reject| {
        script.set_onload(Some(&resolve));
        script.set_onerror(Some(&reject));
    });
    document
        .head()
        .ok_or("the page has no <head>")?
        .append_child(&script)
        .map_err(js)?;
    JsFuture::from(loaded)
        .await
        .map(|_| ())
        .map_err(|_| format!("{src} could not be loaded"))
}
