//! The article list: date, source and title of every article the current
//! filters let through, as links that are also deep links.

use super::Data;
use dateline_engine::article::Article;
use dateline_reader::search::{first_match, snippet};
use dateline_reader::view::{rows_to_render, LIST_PAGE};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ArticleListProps {
    pub data: Data,
    pub visible: Rc<Vec<usize>>,
    pub open: Option<usize>,
    pub on_open: Callback<String>,
    /// The search query, for a snippet of where each article matches it.
    pub query: String,
    /// Removes an article the reader added, by id.
    pub on_remove: Callback<String>,
}

#[function_component(ArticleList)]
pub fn article_list(props: &ArticleListProps) -> Html {
    let total = props.data.corpus.articles.len();
    let pages = use_state(|| 1_usize);
    let open_at = props
        .open
        .and_then(|i| props.visible.iter().position(|&v| v == i));
    let rendered = rows_to_render(props.visible.len(), *pages, open_at);
    let items = props.visible.iter().take(rendered).enumerate().map(|(n, &i)| {
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
                    <span class="item-title">{ a.title() }</span>
                    if n < MAX_SNIPPETS {
                        { match_snippet(a, &props.query) }
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
    });
    html! {
        <section class="article-list" aria-label="Articles">
            <h2 class="panel-title">{ "Articles " }
                <span class="count" aria-live="polite">{ format!("{} of {}", props.visible.len(), total) }</span>
            </h2>
            if props.visible.is_empty() {
                <p class="hint">{ "No article matches. Press Esc to clear the selection, or change the search." }</p>
            }
            <ol>{ for items }</ol>
            if rendered < props.visible.len() {
                <button type="button" class="show-all" onclick={{
                    let pages = pages.clone();
                    let next = rendered / LIST_PAGE + 1;
                    Callback::from(move |_: MouseEvent| pages.set(next))
                }}>{ format!("Show {} more of {}", LIST_PAGE.min(props.visible.len() - rendered), props.visible.len() - rendered) }</button>
            }
        </section>
    }
}

/// Snippets are worked out for the first articles only: enough to read, and
/// typing stays instant on a large corpus.
const MAX_SNIPPETS: usize = 100;

/// The words around the first match of `query` in the body, match in bold.
fn match_snippet(a: &Article, query: &str) -> Html {
    if query.trim().is_empty() {
        return html! {};
    }
    let body = a.body_span();
    let Some(hit) = first_match(body.of(&a.text), query).map(|h| h.shifted(body.start)) else {
        return html! {};
    };
    let (before, after) = snippet(&a.text, hit, 60);
    html! {
        <span class="snippet">
            { "…" }{ before.of(&a.text) }<strong class="hit">{ hit.of(&a.text) }</strong>{ after.of(&a.text) }{ "…" }
        </span>
    }
}
