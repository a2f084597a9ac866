//! The article list: date, source and title of every article the current
//! filters let through, as links that are also deep links.

use super::Data;
use dateline_engine::article::Article;
use dateline_reader::search::Found;
use dateline_reader::view::{ListRows, LIST_PAGE};
use dateline_search::snippet::snippet;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ArticleListProps {
    pub data: Data,
    pub visible: Rc<Vec<usize>>,
    pub open: Option<usize>,
    pub on_open: Callback<String>,
    /// What the search query found (`None`: no query), for a snippet of
    /// where each article matches and for "did you mean".
    pub found: Rc<Option<Found>>,
    /// Replaces the query (a suggestion was taken).
    pub on_query: Callback<String>,
    /// The source facet: sources under the other filters, with counts.
    pub sources: Rc<Vec<(String, usize)>>,
    pub source: Option<String>,
    pub on_source: Callback<Option<String>>,
    /// Removes an article the reader added, by id.
    pub on_remove: Callback<String>,
}

#[function_component(ArticleList)]
pub fn article_list(props: &ArticleListProps) -> Html {
    let total = props.data.corpus.articles.len();
    let pages = use_state(|| 1_usize);
    let pages_after = use_state(|| 1_usize);
    let open_at = props
        .open
        .and_then(|i| props.visible.iter().position(|&v| v == i));
    let rows = ListRows::new(props.visible.len(), *pages, open_at, *pages_after);
    // A new list (another search or filter) starts again at its first page,
    // and another open article with one page after it.
    {
        let pages = pages.clone();
        use_effect_with(PtrKey(props.visible.clone()), move |_| pages.set(1));
    }
    {
        let pages_after = pages_after.clone();
        use_effect_with(props.open, move |_| pages_after.set(1));
    }
    // The page count that extends the head by a page.
    let next = rows.head.end / LIST_PAGE + 1;
    // "Show more" continues the list's last stretch: the rows after the
    // open article when it has a window of its own, else the head.
    let show_more: Rc<dyn Fn()> = {
        let (pages, pages_after) = (pages.clone(), pages_after.clone());
        let windowed = rows.around_open.is_some();
        Rc::new(move || {
            if windowed {
                pages_after.set(*pages_after + 1);
            } else {
                pages.set(next);
            }
        })
    };
    // The next page comes by itself when "Show more" scrolls into view
    // (the button stays, for keyboards and for when observers are missing).
    let more_ref = use_node_ref();
    {
        let more_ref = more_ref.clone();
        let show_more = show_more.clone();
        use_effect_with((rows.clone(), props.visible.len()), move |_| {
            let observer = more_ref
                .cast::<web_sys::Element>()
                .and_then(|button| observe_once(&button, move || show_more()));
            move || {
                if let Some((observer, _closure)) = observer {
                    observer.disconnect();
                }
            }
        });
    }
    let rendered = rows
        .head
        .clone()
        .chain(rows.around_open.clone().unwrap_or_default());
    let item = |(n, &i): (usize, &usize)| {
        let a = &props.data.corpus.articles[i].article;
        let id = a.id.clone();
        let onclick = props.on_open.reform(move |e: MouseEvent| {
            e.prevent_default();
            id.clone()
        });
        let current = props.open == Some(i);
        let added = props.data.added.contains(&a.id);
        let remove = {
            let id = a.id.clone();
            props.on_remove.reform(move |_: MouseEvent| id.clone())
        };
        html! {
            <li key={a.id.clone()} class={classes!(added.then_some("added"))}>
                <a href={format!("#article={}", a.id)} {onclick}
                    aria-current={current.then_some("true")} class={classes!(current.then_some("current"))}>
                    <span class="item-meta">
                        <time datetime={a.date.to_string()}>{ a.date.to_string() }</time>
                        { " · " }{ if a.source.is_empty() { "Unknown source" } else { &a.source } }
                    </span>
                    if a.blocks.is_empty() {
                        // The skeleton: titles arrive with the names part.
                        <span class="item-title pending">{ "Title loading…" }</span>
                    } else {
                        <span class="item-title">{ a.title() }</span>
                    }
                    if n < MAX_SNIPPETS {
                        if let Some(found) = props.found.as_ref() {
                            { match_snippet(a, found) }
                        }
                    }
                    if added {
                        <span class="badge">{ "added" }</span>
                    }
                </a>
                if added {
                    <button type="button" class="remove" onclick={remove}
                        aria-label={format!("Remove {}", a.title())} title="Remove this added article">{ "×" }</button>
                }
            </li>
        }
    };
    let fill_gap = {
        let pages = pages.clone();
        Callback::from(move |_: MouseEvent| pages.set(next))
    };
    let skipped = rows.skipped();
    let gap = (skipped > 0).then(|| {
        html! {
            <li key="gap" class="gap">
                <span>{ format!("{skipped} more before the open article") }</span>
                <button type="button" class="link" onclick={fill_gap}>
                    { format!("Show {}", LIST_PAGE.min(skipped)) }
                </button>
            </li>
        }
    });
    let head_len = rows.head.len();
    let mut items: Vec<Html> = rendered
        .enumerate()
        .filter_map(|(n, at)| Some(item((n, props.visible.get(at)?))))
        .collect();
    if let Some(gap) = gap {
        items.insert(head_len, gap);
    }
    let left = props.visible.len() - rows.end();
    html! {
        <section class="article-list" aria-label="Articles">
            <h2 class="panel-title">{ "Articles " }
                <span class="count" aria-live="polite">{ format!("{} of {}", props.visible.len(), total) }</span>
            </h2>
            if let Some(found) = props.found.as_ref().as_ref().filter(|f| f.incomplete) {
                <p class="hint" role="status">{ format!("The search index is loading: {} matches so far.", found.ranked.len()) }</p>
            }
            if props.visible.is_empty() {
                <p class="hint">{ "No article matches. Press Esc to clear the selection, or change the search." }</p>
            }
            if let Some(suggestion) = props.found.as_ref().as_ref().and_then(|f| f.suggestion.clone()) {
                <p class="hint suggestion">{ "Did you mean " }
                    <button type="button" class="link" onclick={props.on_query.reform(move |_: MouseEvent| suggestion.clone())}>
                        { props.found.as_ref().as_ref().and_then(|f| f.suggestion.clone()).unwrap_or_default() }
                    </button>{ "?" }
                </p>
            }
            <SourceFacet sources={props.sources.clone()} source={props.source.clone()}
                on_source={props.on_source.clone()} />
            <ol>{ for items }</ol>
            if left > 0 {
                <button type="button" class="show-all" ref={more_ref.clone()}
                    onclick={Callback::from(move |_: MouseEvent| show_more())}>
                    { format!("Show {} more of {left}", LIST_PAGE.min(left)) }
                </button>
            }
        </section>
    }
}

/// Snippets are worked out for the first articles only: enough to read, and
/// typing stays instant on a large corpus.
const MAX_SNIPPETS: usize = 60;

/// The stretch of the body where most of the query's words meet, each
/// marked (as text nodes inside `<mark>`: article text is never HTML).
fn match_snippet(a: &Article, found: &Found) -> Html {
    let body = a.body_span();
    let Some(cut) = snippet(body.of(&a.text), |t| found.is_match(t), SNIPPET_BYTES) else {
        return html! {};
    };
    let text = body.of(&a.text);
    let mut parts = Vec::new();
    let mut at = cut.window.start;
    for mark in &cut.marks {
        parts.push(html! { { &text[at..mark.start] } });
        parts.push(html! { <mark class="hit">{ mark.of(text) }</mark> });
        at = mark.end;
    }
    parts.push(html! { { &text[at..cut.window.end] } });
    html! {
        <span class="snippet">{ "…" }{ for parts }{ "…" }</span>
    }
}

/// About two lines of the list's column.
const SNIPPET_BYTES: usize = 140;

#[derive(Properties, PartialEq)]
struct SourceFacetProps {
    sources: Rc<Vec<(String, usize)>>,
    source: Option<String>,
    on_source: Callback<Option<String>>,
}

/// A choice of source, each with the number of articles it has under the
/// current search and filters (the chosen one stays listed even at 0).
#[function_component(SourceFacet)]
fn source_facet(props: &SourceFacetProps) -> Html {
    if props.sources.is_empty() && props.source.is_none() {
        return html! {};
    }
    let total: usize = props.sources.iter().map(|(_, n)| n).sum();
    let chosen_missing = props
        .source
        .as_ref()
        .filter(|s| !props.sources.iter().any(|(name, _)| name == *s));
    let onchange = {
        let sources = props.sources.clone();
        let chosen = props.source.clone();
        props.on_source.reform(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            let value = select.value();
            // Option values are indices: sources are free text.
            value.parse::<usize>().ok().and_then(|i| {
                sources
                    .get(i)
                    .map(|(s, _)| s.clone())
                    .or_else(|| chosen.clone())
            })
        })
    };
    let name = |s: &str| {
        if s.is_empty() {
            "Unknown source".to_string()
        } else {
            s.to_string()
        }
    };
    html! {
        <div class="facet">
            <label for="source-facet">{ "Source" }</label>
            <select id="source-facet" {onchange}>
                <option value="all" selected={props.source.is_none()}>{ format!("All sources ({total})") }</option>
                { for props.sources.iter().enumerate().map(|(i, (s, n))| html! {
                    <option value={i.to_string()} selected={props.source.as_deref() == Some(s.as_str())}>
                        { format!("{} ({n})", name(s)) }
                    </option>
                }) }
                if let Some(s) = chosen_missing {
                    <option value={props.sources.len().to_string()} selected=true>{ format!("{} (0)", name(s)) }</option>
                }
            </select>
        </div>
    }
}

/// An observer and the closure it calls, alive together.
type Watch = (
    web_sys::IntersectionObserver,
    Closure<dyn FnMut(js_sys::Array)>,
);

/// Calls `then` the first time `element` comes into view. The observer and
/// its closure live as long as the returned pair.
fn observe_once(element: &web_sys::Element, then: impl FnOnce() + 'static) -> Option<Watch> {
    let mut then = Some(then);
    let closure = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        let seen = entries.iter().any(|e| {
            e.dyn_into::<web_sys::IntersectionObserverEntry>()
                .is_ok_and(|e| e.is_intersecting())
        });
        if seen {
            if let Some(then) = then.take() {
                then();
            }
        }
    });
    let observer = web_sys::IntersectionObserver::new(closure.as_ref().unchecked_ref()).ok()?;
    observer.observe(element);
    Some((observer, closure))
}

/// Compares a list by identity: a new search result is a new list, even
/// when it holds the same articles.
struct PtrKey(Rc<Vec<usize>>);

impl PartialEq for PtrKey {
    fn eq(&self, other: &PtrKey) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}
