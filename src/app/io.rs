//! All of the reader's IO in one place: reading picked or dropped files,
//! IndexedDB, downloads. Each flow ends by dispatching a [`Change`], so the
//! components stay pure renderers of state.

use super::library::{Change, Library};
use super::storage;
use super::tagger::tag_all;
use dateline_engine::analysis::Tagged;
use dateline_engine::article::{id_from_path, ParseError};
use dateline_engine::corpus::Problem;
use dateline_engine::import::{admit, MAX_IMPORT_BYTES};
use dateline_reader::saved::{AddedArticle, SavedState};
use std::collections::{HashMap, HashSet};
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

/// A message for the reader about a background task.
#[derive(Clone, PartialEq)]
pub enum Notice {
    Info(String),
    Error(String),
}

/// A headerless file with no written date, waiting for the reader to date it.
#[derive(Clone, PartialEq)]
pub struct Undated {
    pub path: String,
    pub text: String,
}

/// How far an import has got, for the progress bar.
#[derive(Clone, Copy, PartialEq)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
}

/// Callbacks an import reports through.
#[derive(Clone)]
pub struct Reporter {
    pub library: UseReducerHandle<Library>,
    pub notice: Callback<Notice>,
    pub progress: Callback<Option<Progress>>,
    pub undated: Callback<Vec<Undated>>,
}

/// Loads what the reader saved in earlier visits.
pub async fn load(report: Reporter) {
    match storage::load().await {
        Ok(storage::Stored { state, unreadable }) => {
            let (corrections, articles): (Vec<_>, Vec<_>) =
                unreadable.iter().partition(|u| u.record == "corrections");
            if !articles.is_empty() {
                let named: Vec<String> = articles
                    .iter()
                    .map(|u| format!("{} ({})", u.record, u.reason))
                    .collect();
                report.notice.emit(Notice::Error(format!(
                    "{} saved article(s) could not be read and are not shown; they stay stored \
                     in this browser, and adding a file of the same name replaces them: {}",
                    articles.len(),
                    named.join("; ")
                )));
            }
            for u in corrections {
                report.notice.emit(Notice::Error(format!(
                    "Your saved corrections could not be read and are not applied: {}.",
                    u.reason
                )));
            }
            let batch = tag_all(state.added.clone(), &report.progress, &report.notice).await;
            report.library.dispatch(Change::Replaced(state, batch));
        }
        Err(e) => report.notice.emit(Notice::Error(format!(
            "Your saved articles could not be loaded: {e}"
        ))),
    }
}

/// Ids already in use, and the paths of the articles the reader added.
pub struct Existing {
    pub ids: HashSet<String>,
    pub added_paths: HashSet<String>,
}

/// The path to store a file under: its folder-relative path when picked as
/// a folder. The same file added again replaces the earlier copy; any other
/// clash with an article already there gets a numbered name.
fn unique_path(name: String, existing: &mut Existing) -> String {
    if existing.added_paths.contains(&name) {
        return name;
    }
    let taken = &mut existing.ids;
    let mut path = name.clone();
    let mut n = 2;
    while !taken.insert(id_from_path(&path)) {
        let stem = name.strip_suffix(".txt").unwrap_or(&name);
        path = format!("{stem}-{n}.txt");
        n += 1;
    }
    path
}

fn file_name(file: &web_sys::File) -> String {
    js_sys::Reflect::get(file, &JsValue::from_str("webkitRelativePath"))
        .ok()
        .and_then(|v| v.as_string())
        .filter(|p| !p.is_empty())
        .unwrap_or_else(|| file.name())
}

/// Reads, tags and stores picked or dropped files. Malformed files are named
/// with their reason, undated ones are handed to the reader, the rest are
/// added; a storage failure is reported and loses nothing stored before.
/// The import worker reads and tags them (`tagger.rs`); the page only
/// checks they are text.
pub async fn import_files(files: Vec<web_sys::File>, mut existing: Existing, report: Reporter) {
    let total = files.len();
    let mut readable = Vec::new();
    // Unreadable files, by their place among the files, so they are named
    // in the order they were given whichever step refused them.
    let mut failed: Vec<(usize, Problem)> = Vec::new();
    // Sizes first: a file too large, alone or for the import, is never read.
    let sizes: Vec<usize> = files.iter().map(|f| f.size() as usize).collect();
    let admitted = admit(&sizes, MAX_IMPORT_BYTES);
    for ((done, file), admitted) in files.into_iter().enumerate().zip(admitted) {
        let name = file_name(&file);
        report.progress.emit(Some(Progress { done, total }));
        if let Err(error) = admitted {
            failed.push((done, Problem { path: name, error }));
            continue;
        }
        let bytes = match gloo::file::futures::read_as_bytes(&gloo::file::File::from(file)).await {
            Ok(bytes) => bytes,
            Err(e) => {
                report
                    .notice
                    .emit(Notice::Error(format!("{name}: cannot be read ({e})")));
                continue;
            }
        };
        let text = match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(e) => {
                let error = ParseError::NotUtf8 {
                    byte: e.utf8_error().valid_up_to(),
                };
                failed.push((done, Problem { path: name, error }));
                continue;
            }
        };
        let path = unique_path(name, &mut existing);
        readable.push((
            done,
            AddedArticle {
                path,
                text,
                date: None,
            },
        ));
    }
    let places: HashMap<String, usize> = readable
        .iter()
        .map(|(place, a)| (a.path.clone(), *place))
        .collect();
    let readable = readable.into_iter().map(|(_, a)| a).collect();
    let tagged = tag_all(readable, &report.progress, &report.notice).await;
    let mut batch = Vec::new();
    let mut undated = Vec::new();
    for (added, outcome) in tagged {
        let place = places.get(&added.path).copied().unwrap_or(usize::MAX);
        match outcome {
            Err(Problem {
                error: ParseError::NoDate,
                ..
            }) => undated.push(Undated {
                path: added.path,
                text: added.text,
            }),
            Err(problem) => failed.push((place, problem)),
            Ok(tagged) => batch.push((added, Ok(tagged))),
        }
    }
    failed.sort_by_key(|(place, _)| *place);
    for (_, p) in &failed {
        report.notice.emit(Notice::Error(p.to_string()));
    }
    if !undated.is_empty() {
        report.undated.emit(undated);
    }
    store_and_add(batch, report).await;
}

/// Dates an undated file as the reader said and adds it.
pub async fn add_dated(file: Undated, date: chrono::NaiveDate, report: Reporter) {
    let added = AddedArticle {
        path: file.path,
        text: file.text,
        date: Some(date),
    };
    let batch = tag_all(vec![added], &report.progress, &report.notice).await;
    store_and_add(batch, report).await;
}

async fn store_and_add(batch: Vec<(AddedArticle, Result<Tagged, Problem>)>, report: Reporter) {
    let ok: Vec<AddedArticle> = batch
        .iter()
        .filter(|(_, r)| r.is_ok())
        .map(|(a, _)| a.clone())
        .collect();
    if ok.is_empty() {
        return;
    }
    match storage::put_articles(&ok).await {
        Ok(()) => report.notice.emit(Notice::Info(format!(
            "Added {} article{}.",
            ok.len(),
            if ok.len() == 1 { "" } else { "s" }
        ))),
        Err(e) => report.notice.emit(Notice::Error(format!(
            "{} article(s) are shown but could not be saved for your next visit: {e}",
            ok.len()
        ))),
    }
    report.library.dispatch(Change::Added(batch));
}

/// Removes an added article from storage and from the reader.
pub async fn remove(path: String, report: Reporter) {
    if let Err(e) = storage::delete_article(&path).await {
        report.notice.emit(Notice::Error(format!(
            "{path} could not be removed from storage: {e}"
        )));
        return;
    }
    report.library.dispatch(Change::Removed(path));
}

/// Saves the corrections log after a change.
pub async fn save_corrections(state: SavedState, notice: Callback<Notice>) {
    if let Err(e) = storage::put_corrections(&state.corrections).await {
        notice.emit(Notice::Error(format!(
            "Your corrections could not be saved: {e}"
        )));
    }
}

/// Restores an exported state (replacing the current one).
pub async fn import_state(file: web_sys::File, report: Reporter) {
    let name = file.name();
    let text = match gloo::file::futures::read_as_text(&gloo::file::File::from(file)).await {
        Ok(text) => text,
        Err(e) => {
            return report
                .notice
                .emit(Notice::Error(format!("{name}: cannot be read ({e})")))
        }
    };
    let state = match SavedState::from_json(&text) {
        Ok(state) => state,
        Err(e) => {
            return report.notice.emit(Notice::Error(format!(
                "{name} was not imported ({e}); your articles and corrections are unchanged."
            )))
        }
    };
    if let Err(e) = storage::replace_all(&state).await {
        return report
            .notice
            .emit(Notice::Error(format!("{name} was not imported: {e}")));
    }
    let batch = tag_all(state.added.clone(), &report.progress, &report.notice).await;
    let count = batch.len();
    report.library.dispatch(Change::Replaced(state, batch));
    report.notice.emit(Notice::Info(format!(
        "Imported {name}: {count} added article(s) and the corrections."
    )));
}

/// Offers `content` as a file download (nothing leaves the machine).
pub fn download(name: &str, mime: &str, content: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(content));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let a: web_sys::HtmlAnchorElement = gloo::utils::document().create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(name);
    a.click();
    web_sys::Url::revoke_object_url(&url)
}
