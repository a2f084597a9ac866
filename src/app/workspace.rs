//! The reader's workspace as one hook: the bundled corpus plus the reader's
//! library, the notices and progress of background work, and the callbacks
//! that start that work. The shell renders it; `io.rs` does the IO.

use super::bundle;
use super::io::{self, Notice, Progress, Reporter, Undated};
use super::library::{Change, Library};
use super::tools::ExportKind;
use super::{Data, Layout};
use chrono::NaiveDate;
use dateline_bundle::search::{SearchFiles, Stamp};
use dateline_engine::corpus::Corpus;
use dateline_reader::corrections::Correction;
use dateline_reader::export;
use dateline_reader::search::{CorpusSearch, Prebuilt};
use dateline_search::SearchIndex;
use std::rc::Rc;
use yew::prelude::*;

/// The bundled corpus: opening; its skeleton or outline read (every
/// article dated, then titled and linked: the first view) while the
/// article chunks load; open; or not openable (and why). The open corpus
/// keeps its outline's layout.
#[derive(Clone)]
pub enum Bundled {
    Opening,
    Skeleton(Rc<Corpus>, Layout),
    Open(Rc<Corpus>, Layout),
    Failed(String),
}

/// The same corpus, not merely an equal one: a pointer comparison, so the
/// memo of the reader's data never compares two corpora text by text.
impl PartialEq for Bundled {
    fn eq(&self, other: &Bundled) -> bool {
        match (self, other) {
            (Bundled::Opening, Bundled::Opening) => true,
            (Bundled::Skeleton(a, _), Bundled::Skeleton(b, _))
            | (Bundled::Open(a, _), Bundled::Open(b, _)) => Rc::ptr_eq(a, b),
            (Bundled::Failed(a), Bundled::Failed(b)) => a == b,
            _ => false,
        }
    }
}

/// The bundle's search index: loading (with the ids of the articles it
/// will cover, in its order), its head ready (shards follow as queries need
/// them), or not loadable (search then indexes in the page, slowly but
/// correctly).
#[derive(Clone)]
pub enum BundledSearch {
    Loading(Rc<Vec<String>>),
    Ready(Rc<SearchIndex>, Rc<Vec<String>>, Rc<(SearchFiles, Stamp)>),
    Failed,
}

impl PartialEq for BundledSearch {
    fn eq(&self, other: &BundledSearch) -> bool {
        match (self, other) {
            (BundledSearch::Loading(a), BundledSearch::Loading(b)) => Rc::ptr_eq(a, b),
            (BundledSearch::Ready(a, ..), BundledSearch::Ready(b, ..)) => Rc::ptr_eq(a, b),
            (BundledSearch::Failed, BundledSearch::Failed) => true,
            _ => false,
        }
    }
}

/// Counts the search shards loaded so far: what a query found is worked
/// out again when it grows.
#[derive(Default, PartialEq)]
pub struct Revision(pub u32);

impl Reducible for Revision {
    type Action = ();
    fn reduce(self: Rc<Self>, _: ()) -> Rc<Self> {
        Rc::new(Revision(self.0 + 1))
    }
}

/// A list that background tasks append to without seeing stale state.
#[derive(PartialEq)]
pub struct List<T>(pub Vec<T>);

impl<T> Default for List<T> {
    fn default() -> Self {
        List(Vec::new())
    }
}

/// Appends items, or removes the item at an index.
pub enum ListChange<T> {
    Push(Vec<T>),
    Remove(usize),
    RemoveWhere(Box<dyn Fn(&T) -> bool>),
}

impl<T: Clone> Reducible for List<T> {
    type Action = ListChange<T>;
    fn reduce(self: Rc<Self>, change: ListChange<T>) -> Rc<Self> {
        let mut items = self.0.clone();
        match change {
            ListChange::Push(new) => items.extend(new),
            ListChange::Remove(i) if i < items.len() => {
                items.remove(i);
            }
            ListChange::Remove(_) => {}
            ListChange::RemoveWhere(f) => items.retain(|x| !f(x)),
        }
        Rc::new(List(items))
    }
}

/// Everything the shell needs about the corpus and the reader's own work.
pub struct Workspace {
    pub data: Data,
    /// True until the bundled corpus is open.
    pub opening: bool,
    /// Where opening the bundle stands: "opening" (before its boot part is
    /// read), "skeleton" (articles listed, their text loading), "open" or
    /// "failed". Also on the page as `data-corpus`, for scripts and tests.
    pub state: &'static str,
    /// True until the reader's saved articles are loaded.
    pub loading: bool,
    pub added: usize,
    pub progress: Option<Progress>,
    pub undated: Vec<Undated>,
    pub notices: Vec<Notice>,
    /// The last correction, described, if there is one to undo.
    pub undo: Option<String>,
    pub redo: Option<String>,
    pub on_files: Callback<Vec<web_sys::File>>,
    pub on_state_file: Callback<web_sys::File>,
    pub on_date: Callback<(Undated, NaiveDate)>,
    pub on_export: Callback<ExportKind>,
    pub on_dismiss: Callback<usize>,
    /// Removes an added article, by article id.
    pub on_remove: Callback<String>,
    pub on_correct: Callback<Correction>,
    /// Loads shards of the bundle's search index a query needs.
    pub on_need_shards: Callback<Vec<u32>>,
    /// Grows as search shards arrive.
    pub search_revision: u32,
    pub on_undo: Callback<()>,
    pub on_redo: Callback<()>,
}

/// Loads the head of the bundle's search index into `search`; if it cannot,
/// says so and lets search index in the page instead.
async fn load_search(
    files: SearchFiles,
    stamp: Stamp,
    ids: Rc<Vec<String>>,
    search: UseStateHandle<BundledSearch>,
    notice: Callback<Notice>,
) {
    match bundle::load_search(&files, stamp).await {
        Ok(index) => search.set(BundledSearch::Ready(
            Rc::new(index),
            ids,
            Rc::new((files, stamp)),
        )),
        Err(e) => {
            notice.emit(Notice::Error(format!(
                "The search index could not be loaded ({e}); searching the articles directly."
            )));
            search.set(BundledSearch::Failed);
        }
    }
}

/// Runs `load` until it succeeds or fails online. If the network goes away
/// while it runs, the reader is told (`what` could not be loaded), the view
/// so far stays, and it runs again when the browser is back online.
async fn load_when_online<T, F, Fut>(
    what: &str,
    load: F,
    notice: &Callback<Notice>,
) -> Result<T, String>
where
    F: Fn() -> Fut,
    Fut: std::future::Future<Output = Result<T, String>>,
{
    let mut retried = false;
    loop {
        match load().await {
            Err(e) if bundle::offline() => {
                notice.emit(Notice::Error(format!(
                    "{} could not be loaded ({e}): you are offline; \
                     they will load when the network is back.",
                    capitalised(what)
                )));
                bundle::back_online().await;
                retried = true;
            }
            Err(e) => return Err(e),
            Ok(value) => {
                if retried {
                    notice.emit(Notice::Info(format!("Back online: {what} are loaded.")));
                }
                return Ok(value);
            }
        }
    }
}

fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// Opens the bundle in three steps, each shown as soon as it is read: the
/// boot part (the skeleton: every article dated, the first view), the
/// names and links (the outline: titles, who is where), then the chunks
/// (the articles' texts); the search index's head loads beside them.
async fn open_bundle(
    bundled: UseStateHandle<Bundled>,
    search: UseStateHandle<BundledSearch>,
    notice: Callback<Notice>,
) -> Result<(Corpus, Layout), String> {
    let mut boot = bundle::load_boot().await?;
    super::mark("dateline-boot-read");
    let skeleton = dateline_bundle::skeleton(&boot).map_err(|e| e.to_string())?;
    let ids: Rc<Vec<String>> = Rc::new(boot.articles.ids.clone());
    search.set(BundledSearch::Loading(ids.clone()));
    // The timeline's layout is final from here on: the salience of its
    // items is the bundle's, not counted from the links that load next.
    // (Moved, not copied: nothing else reads it from the boot part.)
    let layout = Layout::new(std::mem::take(&mut boot.salience));
    bundled.set(Bundled::Skeleton(Rc::new(skeleton), layout.clone()));
    super::mark("dateline-skeleton");
    let index = load_search(
        boot.search.clone(),
        boot.stamp(),
        ids,
        search,
        notice.clone(),
    );
    let texts = async {
        let outline = load_when_online(
            "the articles' titles",
            || bundle::load_outline(&boot),
            &notice,
        )
        .await?;
        let outline = Rc::new(outline);
        bundled.set(Bundled::Skeleton(outline.clone(), layout.clone()));
        super::mark("dateline-outline");
        let chunks = load_when_online(
            "the articles' texts",
            || bundle::load_chunks(&boot),
            &notice,
        )
        .await?;
        // The state still shows the outline: its copy is made here, once
        // the texts are in, without the titles the texts replace.
        let corpus = bundle::open_corpus(&outline, &boot, chunks)?;
        Ok((corpus, layout))
    };
    let (corpus, ()) = futures::join!(texts, index);
    corpus
}

#[hook]
pub fn use_workspace() -> Workspace {
    let bundled = use_state(|| Bundled::Opening);
    let search = use_state(|| BundledSearch::Failed);
    let shards_loaded = use_reducer(Revision::default);
    // Shards asked for (loading, loaded or failed): each is fetched once.
    let shards_asked = use_mut_ref(std::collections::HashSet::<u32>::new);
    let library = use_reducer(Library::default);
    let loaded = use_state(|| false);
    let notices = use_reducer(List::<Notice>::default);
    let undated = use_reducer(List::<Undated>::default);
    let progress = use_state(|| None::<Progress>);

    let data = {
        let bundled = bundled.clone();
        let library = library.clone();
        let search = search.clone();
        let key = (library.revision, (*bundled).clone(), (*search).clone());
        (*use_memo(key, move |_| {
            // The bundled corpus itself (shared, never copied) unless the
            // reader added articles or corrected entities; added articles
            // are linked with the bundled ones once their texts are here.
            let (corpus, layout, complete) = match &*bundled {
                Bundled::Open(corpus, layout) if library.is_pristine() => {
                    (corpus.clone(), layout.clone(), true)
                }
                Bundled::Open(corpus, _) => {
                    let corpus = library.corpus(corpus);
                    let layout = Layout::of(&corpus);
                    (Rc::new(corpus), layout, true)
                }
                Bundled::Skeleton(corpus, layout) => (corpus.clone(), layout.clone(), false),
                Bundled::Opening | Bundled::Failed(_) => {
                    (Rc::new(Corpus::default()), Layout::default(), false)
                }
            };
            let prebuilt = match &*search {
                BundledSearch::Loading(ids) => Prebuilt::Loading(ids),
                BundledSearch::Ready(index, ids, _) => Prebuilt::Ready(index.clone(), ids),
                BundledSearch::Failed => Prebuilt::None,
            };
            let search = CorpusSearch::new(&corpus, prebuilt);
            let added = library.added_ids();
            Data {
                complete,
                corpus,
                layout,
                search: Rc::new(search),
                added: Rc::new(added),
            }
        }))
        .clone()
    };

    let report = {
        let notices = notices.clone();
        let undated = undated.clone();
        let progress = progress.clone();
        Reporter {
            library: library.clone(),
            notice: Callback::from(move |n| notices.dispatch(ListChange::Push(vec![n]))),
            progress: Callback::from(move |p| progress.set(p)),
            undated: Callback::from(move |u| undated.dispatch(ListChange::Push(u))),
        }
    };

    {
        let bundled = bundled.clone();
        let search = search.clone();
        let notice = report.notice.clone();
        use_effect_with((), move |_| {
            yew::platform::spawn_local(async move {
                let opened = open_bundle(bundled.clone(), search, notice.clone());
                match opened.await {
                    Ok((corpus, layout)) => bundled.set(Bundled::Open(Rc::new(corpus), layout)),
                    Err(e) => {
                        notice.emit(Notice::Error(format!(
                            "The corpus could not be opened: {e}"
                        )));
                        bundled.set(Bundled::Failed(e));
                    }
                }
            });
        });
    }
    {
        let report = report.clone();
        let loaded = loaded.clone();
        use_effect_with((), move |_| {
            yew::platform::spawn_local(async move {
                io::load(report).await;
                loaded.set(true);
            });
        });
    }
    {
        let notice = report.notice.clone();
        let loaded = *loaded;
        let saved = library.saved.clone();
        use_effect_with(library.saved.corrections.clone(), move |_| {
            if loaded {
                yew::platform::spawn_local(io::save_corrections(saved, notice));
            }
        });
    }

    let existing = {
        let data = data.clone();
        let library = library.clone();
        move || io::Existing {
            ids: data
                .corpus
                .articles
                .iter()
                .map(|a| a.article.id.clone())
                .collect(),
            added_paths: library.saved.added.iter().map(|a| a.path.clone()).collect(),
        }
    };
    let on_files = {
        let report = report.clone();
        Callback::from(move |files: Vec<web_sys::File>| {
            if !files.is_empty() {
                yew::platform::spawn_local(io::import_files(files, existing(), report.clone()));
            }
        })
    };
    let on_state_file = {
        let report = report.clone();
        Callback::from(move |file| {
            yew::platform::spawn_local(io::import_state(file, report.clone()))
        })
    };
    let on_date = {
        let report = report.clone();
        let undated = undated.clone();
        Callback::from(move |(file, date): (Undated, NaiveDate)| {
            let path = file.path.clone();
            undated.dispatch(ListChange::RemoveWhere(Box::new(move |u: &Undated| {
                u.path == path
            })));
            yew::platform::spawn_local(io::add_dated(file, date, report.clone()));
        })
    };
    let on_export = {
        let data = data.clone();
        let library = library.clone();
        let notice = report.notice.clone();
        Callback::from(move |kind| {
            if !data.complete {
                notice.emit(Notice::Info(
                    "The corpus is still loading: export again in a moment.".to_string(),
                ));
                return;
            }
            let (name, mime, content) = match kind {
                ExportKind::Json => (
                    "dateline.json",
                    "application/json",
                    export::export_json(&data.corpus, &library.saved),
                ),
                ExportKind::EntitiesCsv => (
                    "dateline-entities.csv",
                    "text/csv",
                    export::entities_csv(&data.corpus),
                ),
                ExportKind::EventsCsv => (
                    "dateline-events.csv",
                    "text/csv",
                    export::events_csv(&data.corpus),
                ),
            };
            if let Err(e) = io::download(name, mime, &content) {
                notice.emit(Notice::Error(format!("The download failed: {e:?}")));
            }
        })
    };
    let on_dismiss = {
        let notices = notices.clone();
        Callback::from(move |i| notices.dispatch(ListChange::Remove(i)))
    };
    let on_remove = {
        let report = report.clone();
        let data = data.clone();
        Callback::from(move |id: String| {
            if let Some(i) = data.corpus.article_index(&id) {
                let path = data.corpus.articles[i].article.path.clone();
                yew::platform::spawn_local(io::remove(path, report.clone()));
            }
        })
    };
    // Stable callbacks (the library's dispatcher never changes), so the
    // panels that take them are not rendered again for nothing.
    let to_library = library.dispatcher();
    let on_undo = {
        let to_library = to_library.clone();
        use_callback((), move |(), _| to_library.dispatch(Change::Undo))
    };
    let on_redo = {
        let to_library = to_library.clone();
        use_callback((), move |(), _| to_library.dispatch(Change::Redo))
    };
    let on_correct = use_callback((), move |c, _| to_library.dispatch(Change::Corrected(c)));
    let on_need_shards = {
        let search = search.clone();
        let shards_loaded = shards_loaded.clone();
        let notice = report.notice.clone();
        Callback::from(move |numbers: Vec<u32>| {
            let BundledSearch::Ready(index, _, source) = &*search else {
                return;
            };
            let fresh: Vec<u32> = numbers
                .into_iter()
                .filter(|&n| shards_asked.borrow_mut().insert(n))
                .collect();
            if fresh.is_empty() {
                return;
            }
            let (index, source) = (index.clone(), source.clone());
            let (shards_loaded, notice) = (shards_loaded.clone(), notice.clone());
            let shards_asked = shards_asked.clone();
            yew::platform::spawn_local(async move {
                let (files, stamp) = &*source;
                match bundle::load_search_shards(files, *stamp, &index, &fresh).await {
                    Ok(()) => shards_loaded.dispatch(()),
                    Err(e) => {
                        // Asked again by a later query (e.g. back online).
                        let mut asked = shards_asked.borrow_mut();
                        for n in &fresh {
                            asked.remove(n);
                        }
                        notice.emit(Notice::Error(format!(
                            "Part of the search index could not be loaded ({e}): some results may be missing."
                        )))
                    }
                }
            });
        })
    };
    Workspace {
        on_need_shards,
        search_revision: shards_loaded.0,
        opening: matches!(*bundled, Bundled::Opening | Bundled::Skeleton(..)),
        state: match *bundled {
            Bundled::Opening => "opening",
            Bundled::Skeleton(..) => "skeleton",
            Bundled::Open(..) => "open",
            Bundled::Failed(_) => "failed",
        },
        loading: !*loaded,
        added: data.added.len(),
        data,
        progress: *progress,
        undated: undated.0.clone(),
        notices: notices.0.clone(),
        undo: library.saved.corrections.last().map(Correction::describe),
        redo: library.undone.last().map(Correction::describe),
        on_files,
        on_state_file,
        on_date,
        on_export,
        on_dismiss,
        on_remove,
        on_correct,
        on_undo,
        on_redo,
    }
}
