//! The reader's shell: owns the corpus and the [`View`], keeps the view in
//! the URL fragment, handles global keys, and hands each component only the
//! data it renders and callbacks to report what the reader did.

mod bundle;
mod chronology;
mod entities;
mod io;
mod library;
mod list;
mod reader;
mod search_box;
mod state;
mod storage;
mod tagger;
mod timeline;
mod tools;
mod workspace;

/// A named instant on the page's performance timeline (`performance.mark`),
/// for the benchmarks: when the bundle's parts are read, when the timeline
/// is built and drawn.
fn mark(name: &str) {
    if let Some(perf) = gloo::utils::window().performance() {
        let _ = perf.mark(name);
    }
}

use dateline_engine::corpus::Corpus;
use dateline_engine::salience::Salience;
use dateline_reader::corrections::Correction;
use dateline_reader::names::EntityNames;
use dateline_reader::search::{CorpusSearch, Found};
use dateline_reader::view::View;
use gloo::events::{EventListener, EventListenerOptions};
use state::{Action, ViewState};
use std::collections::HashSet;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlInputElement, KeyboardEvent};
use yew::prelude::*;

/// Shared, read-only corpus data handed to components.
#[derive(Clone)]
pub struct Data {
    /// False while only the bundle's boot part is read: articles have their
    /// titles but not yet their text, mentions and dates.
    pub complete: bool,
    pub corpus: Rc<Corpus>,
    /// What the timeline is built from; unchanged when the texts arrive.
    pub layout: Layout,
    pub search: Rc<CorpusSearch>,
    /// Ids of the articles the reader added (the rest are bundled).
    pub added: Rc<HashSet<String>>,
}

impl Data {
    /// What `query` finds; `None` when there is no query.
    pub fn find(&self, query: &str) -> Option<Found> {
        self.search.find(query, &self.corpus, self.complete)
    }
}

/// What the timeline is built from besides the corpus's dates and sources:
/// which articles and events are drawn first where they crowd. A bundle's
/// comes with its boot part and stays when the titles, links and texts
/// arrive, so 100,000 articles' timeline is built once, at the first view;
/// a corpus the reader changed (added articles, corrections) gets its own.
/// Compared by identity.
#[derive(Clone, Default)]
pub struct Layout(Rc<Salience>);

impl Layout {
    /// The layout of a bundle, with the salience its build computed.
    pub fn new(salience: Salience) -> Layout {
        Layout(Rc::new(salience))
    }

    /// The layout of a corpus changed in the page, its salience computed here.
    pub fn of(corpus: &Corpus) -> Layout {
        Layout::new(Salience::of(corpus))
    }

    /// Which articles and events rank first.
    pub fn salience(&self) -> Rc<Salience> {
        self.0.clone()
    }
}

impl PartialEq for Layout {
    fn eq(&self, other: &Layout) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// The same analysis, not merely an equal one: a pointer comparison, so
/// props checks stay cheap however large the corpus.
impl PartialEq for Data {
    fn eq(&self, other: &Data) -> bool {
        Rc::ptr_eq(&self.corpus, &other.corpus)
    }
}

fn location_fragment() -> String {
    gloo::utils::window().location().hash().unwrap_or_default()
}

/// How long typing must pause before the panels follow the list.
const SETTLE_MS: u32 = 250;

/// Records `view` in the address bar: a new history entry for navigation,
/// a replaced one while typing a query, so Back skips keystrokes.
fn write_fragment(view: &View, replace: bool) {
    let fragment = view.to_fragment();
    if location_fragment().trim_start_matches('#') == fragment {
        return;
    }
    let url = if fragment.is_empty() {
        // An empty fragment would keep the old one; the bare path clears it.
        let location = gloo::utils::window().location();
        location.pathname().unwrap_or_default() + &location.search().unwrap_or_default()
    } else {
        format!("#{fragment}")
    };
    let history = gloo::utils::history();
    let result = if replace {
        history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
    } else {
        history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
    };
    if let Err(e) = result {
        gloo::console::error!("Dateline: cannot update the address bar", e);
    }
}

#[function_component(App)]
pub fn app() -> Html {
    let ws = workspace::use_workspace();
    let data = ws.data.clone();
    let view = use_reducer(|| ViewState::new(View::from_fragment(&location_fragment())));
    let search_ref = use_node_ref();

    {
        let view = view.clone();
        use_effect_with((), move |_| {
            let on_history = {
                let view = view.clone();
                move |_: &Event| {
                    view.dispatch(Action::Restore(View::from_fragment(&location_fragment())))
                }
            };
            let window = gloo::utils::window();
            let pop = EventListener::new(&window, "popstate", on_history.clone());
            let hash = EventListener::new(&window, "hashchange", on_history);
            move || drop((pop, hash))
        });
    }
    {
        let current = view.view.clone();
        let replace = view.replace_history;
        use_effect_with(current, move |v| write_fragment(v, replace));
    }
    {
        let data = data.clone();
        let view = view.clone();
        let search_ref = search_ref.clone();
        use_effect_with(data.clone(), move |data| {
            let data = data.clone();
            // Not passive: "/" must not be typed into the box it focuses.
            let options = EventListenerOptions::enable_prevent_default();
            let listener = EventListener::new_with_options(
                &gloo::utils::document(),
                "keydown",
                options,
                move |e| {
                    if let Some(e) = e.dyn_ref::<KeyboardEvent>() {
                        global_key(e, &data, &view, &search_ref);
                    }
                },
            );
            move || drop(listener)
        });
    }

    // The filter only changes with the filters or the data: opening an
    // article keeps the same list (the same Rc), so the list, timeline and
    // panels see equal props and a large corpus is not filtered again.
    // Entity names are indexed when the reader first types, once per corpus.
    let typing = !view.view.query.trim().is_empty();
    let names = use_memo((data.clone(), typing), |(data, typing)| {
        if *typing {
            EntityNames::new(&data.corpus)
        } else {
            EntityNames::default()
        }
    });
    let offers = use_memo(
        (view.view.query.clone(), names.clone()),
        |(query, names)| offers(&data.corpus, names, query),
    );
    let found = use_memo(
        (view.view.query.clone(), data.clone(), ws.search_revision),
        |(query, data, _)| data.find(query),
    );
    {
        // The query needs parts of the search index not loaded yet: load
        // them (what it found is worked out again when they are here).
        let missing = found
            .as_ref()
            .as_ref()
            .map(|f| f.missing_shards.clone())
            .unwrap_or_default();
        let on_need_shards = ws.on_need_shards.clone();
        use_effect_with(missing, move |missing| {
            if !missing.is_empty() {
                on_need_shards.emit(missing.clone());
            }
        });
    }
    let (visible, sources) = {
        let v = &view.view;
        let filters = (
            v.entity.clone(),
            v.range,
            v.source.clone(),
            found.clone(),
            data.clone(),
        );
        let memo = use_memo(filters, |(entity, range, source, found, data)| {
            let filter = View {
                entity: entity.clone(),
                range: *range,
                source: source.clone(),
                ..View::default()
            };
            let found = found.as_ref().as_ref();
            let visible = Rc::new(filter.visible_articles(&data.corpus, found));
            (visible, Rc::new(filter.source_counts(&data.corpus, found)))
        });
        (memo.0.clone(), memo.1.clone())
    };
    // The timeline, chronology and entity panel follow the list once typing
    // pauses: each keystroke then re-renders the list alone (what it is for),
    // not every panel of a 10,000-article corpus. Anything but typing
    // updates them at once.
    // What the panels last showed, and for which data: a list of another
    // corpus (an article was added or removed) is never used with this one.
    let settled = use_state(|| (data.clone(), visible.clone()));
    {
        let settled = settled.clone();
        let typing = view.typing;
        let data = data.clone();
        use_effect_with(visible.clone(), move |visible| {
            let now = (data, visible.clone());
            let timer = if typing {
                Some(gloo::timers::callback::Timeout::new(SETTLE_MS, move || {
                    settled.set(now)
                }))
            } else {
                settled.set(now);
                None
            };
            move || drop(timer)
        });
    }
    let panels_visible = if settled.0 == data && view.typing {
        settled.1.clone()
    } else {
        visible.clone()
    };
    let open = view
        .view
        .article
        .as_deref()
        .and_then(|id| data.corpus.article_index(id));
    let selected_entity = view
        .view
        .entity
        .as_deref()
        .and_then(|id| data.corpus.entity_index(id));
    // Callbacks that stay the same from render to render (the reducer's
    // dispatcher never changes): a panel whose data did not change is then
    // not rendered again on every keystroke.
    let to_view = view.dispatcher();
    let on_open = {
        let to_view = to_view.clone();
        use_callback((), move |id, _| to_view.dispatch(Action::Open(id)))
    };
    let on_entity = {
        let to_view = to_view.clone();
        use_callback((), move |id, _| to_view.dispatch(Action::ToggleEntity(id)))
    };
    let on_event = {
        let to_view = to_view.clone();
        use_callback((), move |(id, sentence), _| {
            to_view.dispatch(Action::OpenAt(id, sentence))
        })
    };
    let on_range = {
        let to_view = to_view.clone();
        use_callback((), move |range, _| to_view.dispatch(Action::Range(range)))
    };
    let on_label = {
        let to_view = to_view.clone();
        use_callback((), move |label, _| {
            to_view.dispatch(Action::ToggleLabel(label))
        })
    };
    let on_source = {
        let to_view = to_view.clone();
        use_callback((), move |source, _| {
            to_view.dispatch(Action::Source(source))
        })
    };
    let on_query = {
        let to_view = to_view.clone();
        use_callback((), move |query, _| to_view.dispatch(Action::Query(query)))
    };
    let on_suggestion = on_query.clone();
    let on_search_entity = {
        let to_view = to_view.clone();
        use_callback((), move |id, _| to_view.dispatch(Action::SearchEntity(id)))
    };
    // A correction that merges or hides the followed entity moves the
    // selection with it, so the view never points at an entity that is gone.
    let on_correct = {
        let to_view = to_view.clone();
        let deps = (view.view.entity.clone(), ws.on_correct.clone());
        use_callback(deps, move |c: Correction, (followed, on_correct)| {
            let follow = match &c {
                Correction::Merge { from, into }
                    if followed.as_deref() == Some(from.id.as_str()) =>
                {
                    Some(Some(into.id.clone()))
                }
                Correction::Hide { entity } if followed.as_deref() == Some(entity.id.as_str()) => {
                    Some(None)
                }
                _ => None,
            };
            on_correct.emit(c);
            if let Some(id) = follow {
                to_view.dispatch(Action::Follow(id));
            }
        })
    };
    let on_clear = {
        let to_view = to_view.clone();
        use_callback((), move |_, _| to_view.dispatch(Action::ClearSelection))
    };

    html! {
        <>
            <a class="skip-link" href="#reader" onclick={Callback::from(|e: MouseEvent| {
                e.prevent_default();
                focus_by_id("reader");
            })}>{ "Skip to the article" }</a>
            <header class="masthead">
                <h1 class="brand">{ "Dateline" }</h1>
                <p class="tagline" aria-live="polite" aria-busy={ws.opening.to_string()} data-corpus={ws.state}>
                    { if ws.state == "opening" {
                        "Opening the corpus…".to_string()
                    } else {
                        format!("{} articles · {} entities · {} dated events",
                            data.corpus.articles.len(), data.corpus.entities.len(), data.corpus.events.len())
                    } }
                </p>
                <search_box::SearchBox query={view.view.query.clone()} input_ref={search_ref}
                    offers={offers} on_query={on_query} on_entity={on_search_entity} />
            </header>
            <Problems problems={data.corpus.problems.iter().map(ToString::to_string).collect::<Vec<_>>()} />
            <DropZone on_files={ws.on_files.clone()} />
            if ws.state == "opening" {
                <section class="timeline" aria-label="Timeline" aria-busy="true">
                    <p class="hint" role="status">{ "Opening the corpus…" }</p>
                </section>
            } else {
                <timeline::Timeline data={data.clone()} visible={panels_visible.clone()} open={open}
                    entity={selected_entity} range={view.view.range} on_open={on_open.clone()}
                    on_event={on_event.clone()} on_range={on_range} />
            }
            <div class="columns">
                <div class="left-column">
                    // Keyed on the opening: created afresh when the corpus
                    // opens, its first render runs in the same pass as the
                    // timeline's, before the timeline's first paint (an
                    // update of the list already there waited for that
                    // paint, and the first view for it).
                    <list::ArticleList key={if ws.state == "opening" { "opening" } else { "open" }}
                        data={data.clone()} visible={visible.clone()} open={open}
                        on_open={on_open} found={found.clone()} on_query={on_suggestion}
                        sources={sources} source={view.view.source.clone()} {on_source}
                        on_remove={ws.on_remove.clone()} />
                    <tools::Tools loading={ws.loading} added={ws.added} progress={ws.progress} undated={ws.undated.clone()}
                        notices={ws.notices.clone()} on_files={ws.on_files.clone()}
                        on_state_file={ws.on_state_file.clone()} on_date={ws.on_date.clone()}
                        on_export={ws.on_export.clone()} on_dismiss={ws.on_dismiss.clone()} />
                </div>
                <main id="reader" tabindex="-1" class="reader-column">
                    <reader::Reader data={data.clone()} open={open} entity={selected_entity}
                        focus={view.focus} hidden={view.view.hidden.clone()} on_entity={on_entity.clone()} />
                    if open.is_none() {
                        <chronology::Chronology data={data.clone()} visible={panels_visible.clone()}
                            entity={selected_entity} on_event={on_event.clone()} />
                    }
                </main>
                <entities::EntityPanel data={data.clone()} visible={panels_visible} entity={selected_entity}
                    hidden={view.view.hidden.clone()} on_entity={on_entity} on_label={on_label}
                    on_clear={on_clear} on_correct={on_correct} undo={ws.undo.clone()}
                    redo={ws.redo.clone()} on_undo={ws.on_undo.clone()} on_redo={ws.on_redo.clone()} />
            </div>
        </>
    }
}

/// `j`/`k` step through the list, `/` jumps to Search, `Esc` clears the selection.
fn global_key(
    e: &KeyboardEvent,
    data: &Data,
    view: &UseReducerHandle<ViewState>,
    search: &NodeRef,
) {
    if e.ctrl_key() || e.meta_key() || e.alt_key() {
        return;
    }
    let typing = e
        .target()
        .and_then(|t| t.dyn_into::<HtmlElement>().ok())
        .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
    match e.key().as_str() {
        "Escape" => {
            if typing {
                if let Some(el) = e.target().and_then(|t| t.dyn_into::<HtmlElement>().ok()) {
                    let _ = el.blur();
                }
            }
            view.dispatch(Action::ClearSelection);
        }
        "/" if !typing => {
            e.prevent_default();
            if let Some(input) = search.cast::<HtmlInputElement>() {
                let _ = input.focus();
                input.select();
            }
        }
        key @ ("j" | "k") if !typing => {
            let found = data.find(&view.view.query);
            let visible = view.view.visible_articles(&data.corpus, found.as_ref());
            let step = if key == "j" { 1 } else { -1 };
            if let Some(id) = view.view.step_article(&data.corpus, &visible, step) {
                view.dispatch(Action::Open(id));
            }
        }
        _ => {}
    }
}

/// Entities offered in the search box for `query`, with the number of
/// articles each is in.
fn offers(corpus: &Corpus, names: &EntityNames, query: &str) -> Vec<search_box::Offer> {
    /// Enough to choose from without hiding the list below.
    const OFFERS: usize = 6;
    names
        .matching(corpus, query, OFFERS)
        .into_iter()
        .map(|m| {
            let entity = &corpus.entities[m.entity];
            search_box::Offer {
                id: entity.id.clone(),
                name: entity.name.clone(),
                kind: entity.label.description(),
                alias: m.alias,
                articles: entity.articles.len(),
            }
        })
        .collect()
}

fn focus_by_id(id: &str) {
    if let Some(el) = gloo::utils::document()
        .get_element_by_id(id)
        .and_then(|el| el.dyn_into::<HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

#[derive(Properties, PartialEq)]
struct DropZoneProps {
    on_files: Callback<Vec<web_sys::File>>,
}

/// Files dropped anywhere on the page are added; a banner shows while dragging.
#[function_component(DropZone)]
fn drop_zone(props: &DropZoneProps) -> Html {
    let dragging = use_state(|| false);
    {
        let dragging = dragging.clone();
        let on_files = props.on_files.clone();
        use_effect_with((), move |_| {
            let document = gloo::utils::document();
            let options = EventListenerOptions::enable_prevent_default();
            let over = {
                let dragging = dragging.clone();
                EventListener::new_with_options(&document, "dragover", options, move |e| {
                    e.prevent_default();
                    dragging.set(true);
                })
            };
            let leave = {
                let dragging = dragging.clone();
                EventListener::new(&document, "dragleave", move |e| {
                    let left_window = e
                        .dyn_ref::<web_sys::DragEvent>()
                        .is_some_and(|d| d.client_x() <= 0 && d.client_y() <= 0);
                    if left_window {
                        dragging.set(false);
                    }
                })
            };
            let dropped = EventListener::new_with_options(&document, "drop", options, move |e| {
                e.prevent_default();
                dragging.set(false);
                let files = e
                    .dyn_ref::<web_sys::DragEvent>()
                    .and_then(|d| d.data_transfer())
                    .and_then(|t| t.files())
                    .map_or_else(Vec::new, |list| {
                        (0..list.length()).filter_map(|i| list.get(i)).collect()
                    });
                on_files.emit(files);
            });
            move || drop((over, leave, dropped))
        });
    }
    html! {
        if *dragging {
            <div class="drop-banner" role="status">{ "Drop .txt articles to add them" }</div>
        }
    }
}

#[derive(Properties, PartialEq)]
struct ProblemsProps {
    problems: Vec<String>,
}

/// Files that could not be read, named with the reason; the rest still load.
#[function_component(Problems)]
fn problems(props: &ProblemsProps) -> Html {
    if props.problems.is_empty() {
        return html! {};
    }
    html! {
        <div class="notice" role="alert">
            <strong>{ format!("{} file(s) could not be read and were skipped:", props.problems.len()) }</strong>
            <ul>{ for props.problems.iter().map(|p| html! { <li>{ p }</li> }) }</ul>
        </div>
    }
}

#[cfg(test)]
mod tests;
