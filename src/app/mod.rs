//! The reader's shell: owns the corpus and the [`View`], keeps the view in
//! the URL fragment, handles global keys, and hands each component only the
//! data it renders and callbacks to report what the reader did.

mod entities;
mod list;
mod reader;
mod state;
mod timeline;

use dateline::analysis::{self, Corpus, Input};
use dateline::search::SearchIndex;
use dateline::view::View;
use gloo::events::{EventListener, EventListenerOptions};
use state::{Action, ViewState};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlInputElement, KeyboardEvent};
use yew::prelude::*;

include!(concat!(env!("OUT_DIR"), "/corpus.rs"));

/// Analyses the bundled corpus once.
fn bundled_corpus() -> Corpus {
    analysis::analyze(CORPUS.iter().map(|(path, bytes)| Input { path, bytes }))
}

/// Shared, read-only corpus data handed to components.
#[derive(Clone, PartialEq)]
pub struct Data {
    pub corpus: Rc<Corpus>,
    pub index: Rc<SearchIndex>,
}

fn location_fragment() -> String {
    gloo::utils::window().location().hash().unwrap_or_default()
}

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
    let data: Data = (*use_memo((), |_| {
        let corpus = bundled_corpus();
        let index = SearchIndex::new(corpus.articles.iter().map(|a| a.article.text.as_str()));
        Data {
            corpus: Rc::new(corpus),
            index: Rc::new(index),
        }
    }))
    .clone();
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
        use_effect_with((), move |_| {
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

    let visible = Rc::new(view.view.visible_articles(&data.corpus, &data.index));
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
    let dispatch = |make: fn(String) -> Action| {
        let view = view.clone();
        Callback::from(move |id: String| view.dispatch(make(id)))
    };
    let on_open = dispatch(Action::Open);
    let on_entity = dispatch(Action::ToggleEntity);
    let on_event = {
        let view = view.clone();
        Callback::from(move |(id, sentence)| view.dispatch(Action::OpenAt(id, sentence)))
    };
    let on_range = {
        let view = view.clone();
        Callback::from(move |range| view.dispatch(Action::Range(range)))
    };
    let on_label = {
        let view = view.clone();
        Callback::from(move |label| view.dispatch(Action::ToggleLabel(label)))
    };
    let on_query = {
        let view = view.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            view.dispatch(Action::Query(input.value()));
        })
    };
    let on_clear = {
        let view = view.clone();
        Callback::from(move |_| view.dispatch(Action::ClearSelection))
    };

    html! {
        <>
            <a class="skip-link" href="#reader" onclick={Callback::from(|e: MouseEvent| {
                e.prevent_default();
                focus_by_id("reader");
            })}>{ "Skip to the article" }</a>
            <header class="masthead">
                <h1 class="brand">{ "Dateline" }</h1>
                <p class="tagline">
                    { format!("{} articles · {} entities · {} dated events",
                        data.corpus.articles.len(), data.corpus.entities.len(), data.corpus.events.len()) }
                </p>
                <div class="search" role="search">
                    <label for="search" class="visually-hidden">{ "Search" }</label>
                    <input id="search" ref={search_ref} type="search" aria-label="Search"
                        placeholder="Search titles and text  ( / )" autocomplete="off"
                        value={view.view.query.clone()} oninput={on_query} />
                </div>
            </header>
            <Problems problems={data.corpus.problems.iter().map(ToString::to_string).collect::<Vec<_>>()} />
            <timeline::Timeline data={data.clone()} visible={visible.clone()} open={open}
                entity={selected_entity} range={view.view.range} on_open={on_open.clone()}
                on_event={on_event} on_range={on_range} />
            <div class="columns">
                <list::ArticleList data={data.clone()} visible={visible.clone()} open={open}
                    on_open={on_open} />
                <main id="reader" tabindex="-1" class="reader-column">
                    <reader::Reader data={data.clone()} open={open} entity={selected_entity}
                        focus={view.focus} hidden={view.view.hidden.clone()} on_entity={on_entity.clone()} />
                </main>
                <entities::EntityPanel data={data.clone()} visible={visible} entity={selected_entity}
                    hidden={view.view.hidden.clone()} on_entity={on_entity} on_label={on_label}
                    on_clear={on_clear} />
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
            let visible = view.view.visible_articles(&data.corpus, &data.index);
            let step = if key == "j" { 1 } else { -1 };
            if let Some(id) = view.view.step_article(&data.corpus, &visible, step) {
                view.dispatch(Action::Open(id));
            }
        }
        _ => {}
    }
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
